"""Deadlines and events as the pages show them: labels, dates and names in the page's language."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from treatydesk.core import obligations as core
from treatydesk.records.status.localize import country_name, long_date

from .models import ObligationKind

STATUS_LABELS = {
    "upcoming": _("Upcoming"),
    "due": _("Due"),
    "met-on-time": _("Met on time"),
    "met-late": _("Met late"),
    "overdue": _("Overdue"),
    "not-applicable": _("Not applicable"),
    "extended": _("Extended"),
}

EVENT_LABELS = {
    "report_received": _("Received"),
    "not_applicable": _("Declared not applicable"),
    "completion_declared": _("Completion declared"),
    "extension_requested": _("Extension requested"),
    "extension_decided": _("Extension granted"),
    "hostilities_ended": _("End of active hostilities recorded"),
}


def obligation_label(kind) -> str:
    return str(ObligationKind(str(kind)).label)


def status_label(status) -> str:
    return str(STATUS_LABELS.get(str(status), status))


def deadline_row(deadline: core.Deadline, lang: str) -> dict:
    """Return one deadline ready for a template."""
    label = obligation_label(deadline.obligation)
    if deadline.covers is not None:
        label = _("%(obligation)s covering %(year)s") % {"obligation": label,
                                                         "year": deadline.covers}
    met_by = deadline.met_by
    public_document = ""
    if met_by is not None and getattr(met_by, "access", "public") == "public":
        public_document = getattr(met_by, "document", "")
    return {
        "deadline": deadline,
        "state": deadline.state,
        "name": country_name(deadline.state, lang, deadline.state_name),
        "obligation": label,
        "article": deadline.due.article,
        "due": deadline.due.date,
        "due_text": long_date(deadline.due.date, lang),
        "status": str(deadline.status),
        "status_text": status_label(deadline.status),
        "met": deadline.met_date,
        "met_text": long_date(deadline.met_date, lang),
        "document": public_document,
        "basis": deadline.due.basis,
        "note": deadline.note,
        "moved": not deadline.is_current,
        "step": deadline.step,
    }


def event_row(event: core.ObligationEvent, lang: str) -> dict:
    """Return one timeline entry: a deadline (computed) or a recorded fact."""
    fact = event.fact
    document = ""
    if fact is not None and getattr(fact, "access", "public") == "public":
        document = getattr(fact, "document", "") or getattr(fact, "document_symbol", "")
    deadline = event.deadline
    return {
        "date": event.date,
        "date_text": long_date(event.date, lang),
        "kind": event.kind,
        "computed": deadline is not None,
        "label": (obligation_label(deadline.obligation) if deadline is not None
                  else str(EVENT_LABELS.get(event.kind, event.kind))),
        "row": deadline_row(deadline, lang) if deadline is not None else None,
        "description": event.description,
        "article": event.article,
        "document": document,
        "source": getattr(fact, "source", "") if fact is not None else "",
    }
