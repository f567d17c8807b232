"""The last sign of life of each background process (the worker, the scheduler)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Heartbeat(models.Model):
    """One row per process kind, overwritten at every beat: when, and which process beat."""

    name = models.CharField(_("process"), max_length=32, primary_key=True)
    beat_at = models.DateTimeField(_("last heartbeat"))
    started_at = models.DateTimeField(_("started"))
    pid = models.PositiveIntegerField(_("process id"))
    host = models.CharField(_("host"), max_length=255)

    class Meta:
        verbose_name = _("heartbeat")
        verbose_name_plural = _("heartbeats")

    def __str__(self):
        return f"{self.name} {self.beat_at:%Y-%m-%d %H:%M:%S}"
