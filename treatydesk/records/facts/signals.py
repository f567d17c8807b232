"""Signals the register's actions send inside their transaction, after the change is written.

Other apps react to a change of the register without the register knowing them: the notices app
drafts and refreshes notices from these. A receiver that raises rolls the change back, so a
receiver must only do work that belongs with the change.

A draft fact (``fact.is_draft``) is not public: a receiver that publishes something (the log)
ignores its changes. Publishing the draft (``actions.PublishFact``) sends ``fact_recorded`` with
``before=None``, as for a fact recorded then.
"""

from django.dispatch import Signal

#: A fact was created or changed. Arguments: ``fact`` (the saved row), ``before`` (its values
#: before the change, None when created), ``user``, ``actor``, ``reason`` (the editor's why).
fact_recorded = Signal()

#: A fact was deleted. Arguments: ``fact_id``, ``snapshot`` (its values), ``user``, ``actor``,
#: ``reason``, ``draft`` (True when the fact was a draft, never public).
fact_deleted = Signal()

#: A treaty's facts were replaced by an import. Arguments: ``treaty`` (code), ``user``, ``actor``,
#: ``replaced`` ((id, values) of the facts removed), ``facts`` (the new rows), ``source`` (file).
register_imported = Signal()
