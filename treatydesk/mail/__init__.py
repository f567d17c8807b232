"""Mail in the secretariat's name (Django apps over ``treatydesk.core.mailtrust``).

``subscribers`` (app label ``subscriptions``) keeps who asked for mail and their consent;
``mailings`` (label ``mailing``) sends signed mail, one delivery row per recipient;
``verification`` (label ``mailcheck``) is the "Is this e-mail from us?" page and the security
notices; ``dmarc`` reads DMARC aggregate reports.
"""
