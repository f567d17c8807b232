"""``treatydesk init``: bring a database to a working site. Safe to run again."""

import secrets
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Locale, Page, Site

from treatydesk.core.register import load_treaty
from treatydesk.core.treaties import TREATIES_DIR, treaty_dir
from treatydesk.mail.outgoing.outbox import ensure_outbox_key
from treatydesk.records.facts.actions import ImportRegister
from treatydesk.records.facts.models import Fact
from treatydesk.security.accounts.roles import ensure_roles
from treatydesk.setup.institution import ensure_institution_pages
from treatydesk.setup.newsroom import initialise_newsroom
from treatydesk.setup.security_notice import ensure_security_notice
from treatydesk.setup.seed import load_seed
from treatydesk.site.models import HomePage

# The registers loaded on a new database, from treatydesk/core/treaties/<code>/.
DEFAULT_REGISTERS = ("CCM", "APMBC")


def home_title(lang: str) -> str:
    """Return the home page's title in ``lang``: the site treaty's, from its definition file."""
    return load_treaty(settings.TREATYDESK_TREATY).titles(lang).title


def initialise_site(out) -> None:
    """Check the default content, migrate, create locales and home pages, load the default
    registers, the newsroom and the security notice, create the roles and the admin."""
    # Read every content file first, so that a wrong one stops init before it changes anything.
    load_seed()
    call_command("migrate", interactive=False, verbosity=0)
    ensure_locales()
    ensure_home_pages()
    ensure_site_address()
    ensure_institution_pages(out)
    for code in DEFAULT_REGISTERS:
        load_default_register(code, out)
    initialise_newsroom(out)
    ensure_security_notice(out)
    ensure_roles(out)
    ensure_admin(out)
    ensure_outbox_key(out)
    out.write("Treaty Desk is ready.\n")


def ensure_locales() -> None:
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


@transaction.atomic
def ensure_home_pages() -> None:
    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.filter(locale=english).first()
    if home is None:
        root = Page.get_first_root_node()
        if root is None:
            # Wagtail's migration makes the tree's root; a flushed database has none.
            root = Page.add_root(instance=Page(title="Root", slug="root", locale=english))
        for placeholder in root.get_children().filter(slug="home"):
            placeholder.slug = f"placeholder-{placeholder.pk}"
            placeholder.save(update_fields=["slug"])
        home = root.add_child(
            instance=HomePage(title=home_title("en"), slug="home", locale=english)
        )
        home.save_revision().publish()
        # Wagtail's first migration makes a placeholder "Welcome" page; the site root moves
        # to our home page and the placeholder goes.
        for site in Site.objects.all():
            old_root = site.root_page
            site.root_page = home
            site.is_default_site = True
            site.site_name = "Treaty Desk"
            site.save()
            if old_root.pk != home.pk and old_root.specific_class is Page:
                old_root.delete()
        if not Site.objects.exists():
            Site.objects.create(hostname="localhost", root_page=home, is_default_site=True,
                                site_name="Treaty Desk")
    for code, _name in settings.LANGUAGES:
        if code == "en":
            continue
        locale = Locale.objects.get(language_code=code)
        if not home.get_translations().filter(locale=locale).exists():
            translation = home.copy_for_translation(locale)
            translation.title = home_title(code)
            translation.save_revision().publish()


def ensure_site_address() -> None:
    """Point the default Wagtail site at ``TREATYDESK_BASE_URL`` (host and port), so that page
    URLs Wagtail writes in full (canonical, ``og:url``, sitemap) use the public address."""
    parts = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    if not parts.hostname:
        return
    port = parts.port or (443 if parts.scheme == "https" else 80)
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None and (site.hostname, site.port) != (parts.hostname, port):
        site.hostname, site.port = parts.hostname, port
        site.save(update_fields=["hostname", "port"])


def load_default_register(code: str, out) -> None:
    if Fact.objects.filter(treaty=code).exists():
        return
    base = treaty_dir(code)
    participants = base / "participants.csv"
    withdrawals = base / "withdrawals.csv"
    summary = ImportRegister(
        code,
        (participants.read_text(encoding="utf-8"), str(participants.relative_to(TREATIES_DIR))),
        (withdrawals.read_text(encoding="utf-8"), str(withdrawals.relative_to(TREATIES_DIR)))
        if withdrawals.exists() else None,
        actor="treatydesk init",
    ).execute()
    out.write(f"Loaded the {code} register: {summary.facts} facts for {summary.states} states.\n")


def ensure_admin(out) -> None:
    User = get_user_model()
    if User.objects.filter(is_superuser=True).exists():
        return
    password = secrets.token_urlsafe(12)
    User.objects.create_superuser("admin", "admin@localhost", password)
    out.write(
        "Created the administrator account.\n"
        f"  user: admin\n  password: {password}\n"
        "This password is shown once: sign in at /admin/ and change it.\n"
    )
