"""Send the deadline reminders due today to the contact points (run it daily, e.g. from cron)."""

from django.core.management.base import BaseCommand, CommandError

from treatydesk.core.register import UnknownTreaty, load_treaty
from treatydesk.records.obligations.reminders import send_all
from treatydesk.records.status.asof import BadAsOf, parse_as_of


class Command(BaseCommand):
    help = ("Send deadline reminders (N days before, and once when missed) to the states' "
            "contact points; a reminder already sent is never sent again.")

    def add_arguments(self, parser):
        parser.add_argument("--treaty", action="append", default=[],
                            help="treaty code (repeatable; default: every treaty with contacts)")
        parser.add_argument("--as-of", metavar="YYYY-MM-DD", help="the day to act as (today)")
        parser.add_argument("--dry-run", action="store_true",
                            help="list the reminders that would go, send nothing")

    def handle(self, *args, **options):
        try:  # the one as_of parser: a real date, from the treaty's adoption to the horizon
            as_of = parse_as_of(options["as_of"]).date
        except BadAsOf as error:
            raise CommandError(error.message) from None
        treaties = []
        for code in options["treaty"]:
            try:
                treaties.append(load_treaty(code).code)
            except UnknownTreaty as error:
                raise CommandError(str(error)) from None
        verb = "would send" if options["dry_run"] else "sent"
        results = send_all(as_of, treaties or None, dry_run=options["dry_run"])
        for treaty, reminders in results.items():
            for reminder in reminders:
                deadline = reminder.deadline
                self.stdout.write(f"{treaty} {deadline.state} {deadline.key} "
                                  f"{deadline.due.date.isoformat()} {reminder.reason} → "
                                  f"{reminder.contact.email}")
            self.stdout.write(f"{treaty}: {verb} {len(reminders)} reminder(s) as of "
                              f"{as_of.isoformat()}.")
