"""One row per counted attempt: which limit, whose key (hashed), when."""

from django.db import models
from django.utils import timezone


class Hit(models.Model):
    """An attempt counted against a limit. ``key`` is a keyed hash: no address in clear."""

    scope = models.CharField(max_length=40)
    key = models.CharField(max_length=64)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["scope", "key", "at"], name="throttle_hit_lookup"),
                   models.Index(fields=["at"], name="throttle_hit_at")]

    def __str__(self):
        return f"{self.scope} {self.key[:8]}… {self.at:%Y-%m-%d %H:%M}"
