"""``treatydesk manage clear_page_cache``: make every cached page stale on every app server."""

from django.core.management.base import BaseCommand

from treatydesk.ops.pagecache import store


class Command(BaseCommand):
    help = ("Make every page in the full-page cache stale (publishing and register changes do "
            "this by themselves; use it after changing templates or settings).")

    def handle(self, *args, **options):
        store.invalidate()
        self.stdout.write("The page cache is cleared.")
