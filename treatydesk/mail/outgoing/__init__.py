"""The one path by which the site sends mail: every message built by ``messages`` and signed by
a backend of ``backends`` with the DKIM keys of ``keystore`` (docs/mail.md).

Not a Django app: it has no models. Mailings, subscription confirmations and any other message
the site sends use it, so that every message verifies as ours.
"""
