"""Renew a treaty's obligations version whenever one of its facts is saved or deleted.

Connected to the model signals, so the admin's delete view, the actions and a shell all
invalidate the cached deadlines alike, then tell whoever listens (the page cache) through
``obligation_facts_changed``, as the register's actions do through their own signals.
"""

from django.db.models.signals import post_delete, post_save

from .loading import bump_version
from .models import FACT_MODELS
from .signals import obligation_facts_changed


def _bump(sender, instance, **kwargs):
    bump_version(instance.treaty)
    obligation_facts_changed.send(sender=sender, treaty=instance.treaty, instance=instance)


for _model in FACT_MODELS:
    post_save.connect(_bump, sender=_model, dispatch_uid=f"obligations-bump-save-{_model.__name__}")
    post_delete.connect(_bump, sender=_model,
                        dispatch_uid=f"obligations-bump-delete-{_model.__name__}")
