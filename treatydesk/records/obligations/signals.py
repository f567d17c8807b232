"""Signals of the obligations app, sent after a change to the obligation facts is written.

``obligation_facts_changed``: one fact of ``treaty`` was saved or deleted. Arguments:
``treaty`` (code), ``instance`` (the row). The page cache renews itself from it, as it does
from the register's own signals (``records.facts.signals``).
"""

from django.dispatch import Signal

obligation_facts_changed = Signal()
