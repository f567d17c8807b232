"""Limits on how often one key (an address, a client) may do something, shared by every worker.

``allow(scope, keys, limit, window)`` counts the attempts of each key within the last
``window`` in the database (so every worker and every app server sees the same counts) and
records one more only when every key is under its limit. Keys are stored as keyed hashes
(HMAC with the secret key): the table names no address. Rows older than a day are removed as
new ones come.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import Hit

KEEP = dt.timedelta(days=1)


def key_hash(scope: str, value: str) -> str:
    secret = settings.SECRET_KEY.encode()
    return hmac.new(secret, f"{scope}:{value}".encode(), hashlib.sha256).hexdigest()


def allow(scope: str, keys: dict[str, str], limits: dict[str, int],
          window: dt.timedelta) -> bool:
    """Count one attempt for every key of ``keys`` ({kind: value}) unless one is over its limit.

    ``limits`` gives the most attempts of each kind within ``window``. Return whether the
    attempt may go ahead. An empty value (an unknown client) is not counted.
    """
    now = timezone.now()
    hashed = {kind: key_hash(f"{scope}/{kind}", value) for kind, value in keys.items() if value}
    with transaction.atomic():
        for kind, key in hashed.items():
            count = Hit.objects.filter(scope=f"{scope}/{kind}", key=key,
                                       at__gt=now - window).count()
            if count >= limits[kind]:
                return False
        Hit.objects.bulk_create([Hit(scope=f"{scope}/{kind}", key=key, at=now)
                                 for kind, key in hashed.items()])
        Hit.objects.filter(at__lt=now - max(KEEP, window)).delete()
    return True
