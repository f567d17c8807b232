"""Renew a treaty's obligations version whenever one of its facts is saved or deleted.

Connected to the model signals, so the admin's delete view, the actions and a shell all
invalidate the cached deadlines alike; the full-page cache (when installed) is renewed once the
change is committed, as it is for the register's own changes.
"""

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from .loading import bump_version
from .models import FACT_MODELS


def _bump(sender, instance, **kwargs):
    bump_version(instance.treaty)
    if apps.is_installed("treatydesk.ops.pagecache"):
        from treatydesk.ops.pagecache import store

        transaction.on_commit(store.invalidate)


for _model in FACT_MODELS:
    post_save.connect(_bump, sender=_model, dispatch_uid=f"obligations-bump-save-{_model.__name__}")
    post_delete.connect(_bump, sender=_model,
                        dispatch_uid=f"obligations-bump-delete-{_model.__name__}")
