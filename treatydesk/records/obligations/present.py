"""Deadlines and events as the pages show them: labels, dates and names in the page's language."""

from __future__ import annotations

from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from treatydesk.core import obligations as core
from treatydesk.core.register import parse_citations
from treatydesk.records.status.explain import explain
from treatydesk.records.status.localize import country_name, long_date, page_language

from .models import ObligationKind

STATUS_LABELS = {
    "upcoming": _("Upcoming"),
    "due": _("Due"),
    "met-on-time": _("Met on time"),
    "met-late": _("Met late"),
    "overdue": _("Overdue"),
    "not-applicable": _("Not applicable"),
    "extended": _("Extended"),
    "no-report-recorded": _("No report recorded"),
    "not-known": _("Not known"),
}

#: The same status of a stockpile-destruction or clearance deadline (met by completing work).
WORK_STATUS_LABELS = {
    "no-report-recorded": _("No completion recorded"),
    "not-known": _("Not known whether it applies"),
}

EVENT_LABELS = {
    "report_received": _("Received"),
    "not_applicable": _("Declared not applicable"),
    "completion_declared": _("Completion declared"),
    "extension_requested": _("Extension requested"),
    "extension_decided": _("Extension granted"),
    "hostilities_ended": _("End of active hostilities recorded"),
    "applies_declared": _("Declared to apply"),
}


def coverage_note(coverage: core.RecordsCoverage, lang: str | None = None) -> str:
    """Return what records the statuses are judged against, in the page's language."""
    lang = page_language(lang)
    declared = coverage.note(lang)
    if declared:
        return declared
    if coverage.complete_from is None:
        return gettext_now(
            "The register holds no complete record of the reports and declarations received: "
            "a deadline that has passed without a recorded report is shown as “no report "
            "recorded”, never as overdue. Stockpile destruction and clearance apply only where "
            "a declaration or a recorded fact says so; otherwise their status is “not known”."
        )
    return gettext_now(
        "Reports and declarations received from %(day)s are recorded: a deadline due since "
        "then without one is overdue; earlier ones show “no report recorded”."
    ) % {"day": long_date(coverage.complete_from, lang)}


def obligation_label(kind) -> str:
    return str(ObligationKind(str(kind)).label)


def status_label(status, obligation=None) -> str:
    if obligation is not None and str(obligation) in core.WORK_KINDS:
        work = WORK_STATUS_LABELS.get(str(status))
        if work is not None:
            return str(work)
    return str(STATUS_LABELS.get(str(status), status))


def _note(deadline: core.Deadline, lang: str) -> str:
    """Return the status note (how late, why not applicable) in the page's language."""
    if not deadline.note or lang == "en":
        return deadline.note
    if deadline.status is core.DeadlineStatus.MET_LATE and deadline.met_date:
        days = (deadline.met_date - deadline.due.date).days
        return ngettext("%(n)s day late", "%(n)s days late", days) % {"n": days}
    if deadline.note.startswith("declared not applicable"):
        return gettext_now("declared not applicable")
    return gettext_now("the withdrawal takes effect before this deadline")


def explained_basis(deadline: core.Deadline, rules: core.TreatyObligations | None,
                    lang: str) -> str:
    """Return how the due date was reached, in the page's language."""
    rule = rules.rule(deadline.obligation) if rules is not None else None
    period = annual = None
    if rule is not None:
        period, annual = rule.period, rule.annual
        if deadline.due.key == "hostilities" and rule.after_hostilities is not None:
            period = rule.after_hostilities.period
    return explain(deadline.due, lang, period=period, annual=annual)[1]


def deadline_row(deadline: core.Deadline, lang: str,
                 rules: core.TreatyObligations | None = None) -> dict:
    """Return one deadline ready for a template, its words in the page's language."""
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
        "status_text": status_label(deadline.status, deadline.obligation),
        "met": deadline.met_date,
        "met_text": long_date(deadline.met_date, lang),
        "document": public_document,
        "basis": explained_basis(deadline, rules, page_language(lang)),
        "note": _note(deadline, page_language(lang)),
        "moved": not deadline.is_current,
        "step": deadline.step,
    }


def event_words(event: core.ObligationEvent, lang: str) -> str:
    """Return what happened, in the page's language (English: the core's words)."""
    if page_language(lang) == "en":
        return event.description
    deadline, fact = event.deadline, event.fact
    if deadline is not None:
        what = obligation_label(deadline.obligation)
        if deadline.covers is not None:
            what = gettext_now("%(obligation)s covering %(year)s") % {
                "obligation": what, "year": deadline.covers}
        return gettext_now("%(what)s due") % {"what": what}
    what = obligation_label(fact.obligation) if hasattr(fact, "obligation") else ""
    if event.kind == "extension_decided":
        return gettext_now("extension granted: new deadline %(day)s") % {
            "day": long_date(fact.new_deadline, lang)}
    if event.kind == "hostilities_ended":
        return str(EVENT_LABELS["hostilities_ended"])
    return f"{what} — {EVENT_LABELS.get(event.kind, '')}"


def event_row(event: core.ObligationEvent, lang: str,
              rules: core.TreatyObligations | None = None) -> dict:
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
        "row": deadline_row(deadline, lang, rules) if deadline is not None else None,
        "description": event_words(event, lang),
        "article": event.article,
        "document": document,
        "sources": parse_citations(getattr(fact, "source", "")) if fact is not None else [],
    }
