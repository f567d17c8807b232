"""Who is asking, and how often: the client's address behind trusted proxies (``client``) and
limits on how often one address or one client may do something (``limits``).

Used by the login lockout (django-axes), the password reset and the subscribe form.
"""
