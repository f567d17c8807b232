"""The daily reminder run as a background task (django-tasks), for the mail worker to schedule."""

import datetime as dt

from django_tasks import task

from treatydesk.core import clock

from .reminders import send_all


@task()
def send_due_reminders(as_of: str = "") -> int:
    """Send today's (or ``as_of``'s, YYYY-MM-DD) deadline reminders; return how many went."""
    day = dt.date.fromisoformat(as_of) if as_of else clock.today()
    return sum(len(sent) for sent in send_all(day).values())
