"""``treatydesk manage mail_worker``: django-tasks-db's ``db_worker``, resuming mailings first.

A worker killed in the middle of a mailing leaves its task marked as running and some
deliveries claimed; on start this command releases those claims (sending again only what never
reached the mail server, see mailing/sending.py) and queues every unfinished mailing, then runs
the worker with all of db_worker's options.
"""

from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from treatydesk.mail.mailings.tasks import resume_interrupted


class Command(DbWorkerCommand):
    help = "Run the background worker (mail and other tasks), resuming interrupted mailings"

    def handle(self, *args, **options):
        resumed = resume_interrupted()
        if resumed and options.get("verbosity", 1):
            self.stdout.write(f"Resumed {resumed} unfinished mailing(s).")
        return super().handle(*args, **options)
