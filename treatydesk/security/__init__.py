"""Who may do what and how pages defend themselves.

``accounts``: editors' roles, two-factor sign-in and login lockout; ``headers`` (app label
``security``): the Content Security Policy and other headers of every response.
"""
