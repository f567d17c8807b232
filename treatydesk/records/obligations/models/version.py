"""A version token per treaty, renewed on every change, so computed deadlines can be cached."""

from django.db import models

from treatydesk.records.facts.models import TreatyCode


class ObligationsVersion(models.Model):
    treaty = models.CharField(max_length=8, choices=TreatyCode.choices, unique=True)
    version = models.PositiveBigIntegerField(default=0)

    def __str__(self):
        return f"{self.treaty} v{self.version}"
