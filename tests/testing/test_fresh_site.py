"""The shared fresh site (tests/database_states.py): what init made, for each test afresh."""

from django.contrib.auth import get_user_model
from wagtail.models import Page

from treatydesk.records.facts.models import Fact
from treatydesk.site.models import HomePage


def test_the_site_is_there_with_its_files(fresh_site):
    assert set(HomePage.objects.values_list("locale__language_code", flat=True)) == {
        "en", "fr", "es"}
    # init loads every register shipped as default content (CCM, APMBC, ATT and TPNW)
    assert set(Fact.objects.values_list("treaty", flat=True)) == {"CCM", "APMBC", "ATT", "TPNW"}
    assert "password:" in fresh_site.init_output
    assert any(fresh_site.media_root.rglob("*.*"))


def test_a_change_in_one_test_is_gone_in_the_next_part_one(fresh_site):
    Fact.objects.filter(treaty="CCM").delete()
    get_user_model().objects.create_user("someone", "someone@example.org", "x" * 16)
    Page.objects.filter(slug="news").delete()


def test_a_change_in_one_test_is_gone_in_the_next_part_two(fresh_site):
    assert Fact.objects.filter(treaty="CCM").exists()
    assert not get_user_model().objects.filter(username="someone").exists()
    assert Page.objects.filter(slug="news").exists()


def test_a_database_test_without_it_starts_empty(db):
    assert not Fact.objects.exists()
    assert not HomePage.objects.exists()


def test_site_pages_holds_the_pages_and_no_register(site_pages):
    """Asked for alone (no ``db`` beside it), ``site_pages`` still counts as a database test:
    the database is set up, the PAGES snapshot is in place, and the PostgreSQL stream keeps it."""
    assert set(HomePage.objects.values_list("locale__language_code", flat=True)) == {
        "en", "fr", "es"}
    assert Page.objects.filter(slug="news").exists()
    assert not Fact.objects.exists()


def test_site_pages_is_a_database_state(request):
    from tests.database_states import PAGES, uses_database, wanted_state

    [above] = [i for i in request.session.items
               if i.name == "test_site_pages_holds_the_pages_and_no_register"]
    assert uses_database(above) and wanted_state(above) == PAGES
    # marked, so that pytest-django sets the test database up even when only it is run
    # (else the test would run on the developer's own var/treatydesk.sqlite3)
    assert above.get_closest_marker("django_db")
