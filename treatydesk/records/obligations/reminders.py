"""Reminders to contact points: which to send (the core decides), written and handed to mail.

Each reminder is recorded (``ReminderSent``) in the same transaction that hands it to the
site's one mail path (``treatydesk.mail.outgoing``: built with our headers and footer, signed
with DKIM): if sending fails nothing is recorded and the next run tries again; once recorded,
the core never selects it again.
"""

from __future__ import annotations

import datetime as dt

from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from treatydesk.core import obligations as core
from treatydesk.core.register import load_treaty
from treatydesk.core.register.dates import format_date_en
from treatydesk.mail.outgoing import sending
from treatydesk.mail.outgoing.messages import build_message, new_message_id, new_message_id_value

from . import conf
from .loading import current_obligations
from .models import ContactPoint, ReminderSent
from .present import obligation_label, status_label


def contacts(treaty: str) -> list[core.Contact]:
    """Return the active contact points of ``treaty`` as core contacts."""
    return [
        core.Contact(str(row.pk), row.state, row.email, row.name,
                     frozenset(core.ObligationKind(k) for k in row.obligation_list), row.language)
        for row in ContactPoint.objects.filter(treaty=treaty, active=True).order_by("pk")
    ]


def sent_keys(treaty: str) -> set[tuple]:
    """Return the keys of the reminders of ``treaty`` already sent."""
    rows = ReminderSent.objects.filter(treaty=treaty, contact__isnull=False).values_list(
        "contact_id", "state", "deadline_key", "due_date", "reason")
    return {(str(c), state, key, due.isoformat(), reason) for c, state, key, due, reason in rows}


def due_reminders(treaty: str, as_of: dt.date) -> list[core.Reminder]:
    """Return the reminders of ``treaty`` to send on ``as_of`` (none twice)."""
    obligations = current_obligations(treaty)
    return core.select_reminders(obligations.all_deadlines(as_of), contacts(treaty), as_of,
                                 sent=sent_keys(treaty), policy=obligations.policy)


def message(reminder: core.Reminder, treaty: str) -> EmailMessage:
    """Return the e-mail of one reminder, in the contact point's language."""
    deadline, contact = reminder.deadline, reminder.contact
    definition = load_treaty(treaty)
    with translation.override(contact.language):
        what = obligation_label(deadline.obligation)
        if deadline.covers is not None:
            what = _("%(obligation)s covering %(year)s") % {"obligation": what,
                                                            "year": deadline.covers}
        values = {
            "treaty": definition.code, "obligation": what, "state": deadline.state_name,
            "date": format_date_en(deadline.due.date), "article": deadline.due.article,
            "days": reminder.days,
        }
        if reminder.reason == core.MISSED:
            subject = _("[%(treaty)s] Missed deadline: %(obligation)s of %(state)s, due "
                        "%(date)s (%(article)s)") % values
            opening = _("The deadline below passed %(days)s day(s) ago and no submission is "
                        "recorded.") % values
        else:
            subject = _("[%(treaty)s] Reminder: %(obligation)s of %(state)s due %(date)s "
                        "(%(article)s)") % values
            opening = _("The deadline below falls in %(days)s day(s).") % values
        page = conf.site_url(reverse("state_detail", args=[deadline.state]))
        lines = [
            _("Dear %(name)s,") % {"name": contact.name or contact.email}, "", opening, "",
            f"{what} — {definition.title}",
            _("Due: %(date)s (%(article)s)") % values,
            _("Status: %(status)s") % {"status": status_label(deadline.status)},
            _("How the date was reached: %(basis)s") % {"basis": deadline.due.basis},
            "", _("The State's deadlines: %(url)s") % {"url": page}, "",
            _("If the submission has been sent, please disregard this message."),
        ]
    return build_message(to=contact.email, subject=subject, text="\n".join(lines),
                         message_id=new_message_id_value(new_message_id()),
                         language=contact.language, topic="reminders", unsubscribe=None,
                         sender=conf.reminder_sender())


def send_reminders(treaty: str, as_of: dt.date, *, dry_run: bool = False,
                   connection=None) -> list[core.Reminder]:
    """Send the reminders of ``treaty`` due on ``as_of``; return those sent (or due, if dry)."""
    chosen = due_reminders(treaty, as_of)
    if dry_run:
        return chosen
    connection = connection or sending.connection()
    sent = []
    for reminder in chosen:
        email = message(reminder, treaty)
        deadline = reminder.deadline
        try:
            with transaction.atomic():
                ReminderSent.objects.create(
                    contact_id=int(reminder.contact.ref), email=reminder.contact.email,
                    treaty=treaty, state=deadline.state, deadline_key=deadline.key,
                    due_date=deadline.due.date, reason=reminder.reason,
                )
                sending.send([email], via=connection)
        except IntegrityError:
            continue  # another run sent it in the meantime
        sent.append(reminder)
    return sent


def treaties_with_contacts() -> list[str]:
    """Return the codes of the treaties that have an active contact point."""
    return sorted(set(ContactPoint.objects.filter(active=True).values_list("treaty", flat=True)))


def send_all(as_of: dt.date, treaties: list[str] | None = None, *,
             dry_run: bool = False) -> dict[str, list[core.Reminder]]:
    """Send the reminders due on ``as_of`` for ``treaties`` (default: every one with contacts)."""
    return {
        code: send_reminders(code, as_of, dry_run=dry_run)
        for code in (treaties if treaties is not None else treaties_with_contacts())
    }
