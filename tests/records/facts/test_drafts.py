"""A draft fact is in no register a reader sees (pages, API, counts, log) until it is published."""

import datetime as dt

import pytest
from django.urls import reverse

from tests.common_fixtures import fresh_register_cache  # noqa: F401 (autouse, by name)
from treatydesk.records.facts.actions import DeleteFact, PublishFact, RecordFact, RegisterRejected
from treatydesk.records.facts.loading import current_register, register_version
from treatydesk.records.facts.models import AuditEntry, Fact, FactStatus
from treatydesk.records.log.models import LogEntry

pytestmark = pytest.mark.django_db

RATIFIED = dt.date(2025, 3, 11)


def jamaica_draft(**values) -> Fact:
    """Jamaica signed the CCM in 2009 and never ratified: its ratification as a draft."""
    fact = Fact(treaty="CCM", state="JAM", state_name="Jamaica", kind="ratification",
                date=RATIFIED, cn_reference="C.N.99.2025.TREATIES-XXVI.6",
                status=FactStatus.DRAFT, **values)
    return RecordFact(fact, actor="keeper").execute()


def jamaica_events(client) -> list[str]:
    body = client.get("/api/v1/treaties/CCM/events?state=JAM&limit=100").json()
    return [item["kind"] for item in body["items"]]


def test_a_draft_is_in_no_register_page_api_count_or_log(client, fresh_site):
    status_before = client.get("/api/v1/treaties/CCM/status").json()
    version, entries = register_version("CCM"), LogEntry.objects.count()
    counts = current_register("CCM").counts()

    draft = jamaica_draft()

    assert Fact.including_drafts.filter(pk=draft.pk).exists()
    assert not Fact.objects.filter(pk=draft.pk).exists()
    assert register_version("CCM") == version  # nothing public changed: caches and ETags stay
    assert LogEntry.objects.count() == entries  # not in the public log
    assert current_register("CCM").participant("JAM").instrument is None
    assert current_register("CCM").counts() == counts
    assert client.get("/api/v1/treaties/CCM/status").json() == status_before
    assert jamaica_events(client) == ["signature"]
    page = client.get("/en/states/JAM/").content.decode()
    assert "11 March 2025" not in page and "C.N.99.2025" not in page
    # The audit log, which only the register keepers read, keeps the draft.
    assert AuditEntry.objects.get(fact_id=draft.pk, action="create").after["date"] == "2025-03-11"


def test_publishing_a_draft_puts_it_in_the_register_and_the_log(client, fresh_site):
    draft = jamaica_draft()
    version, entries = register_version("CCM"), LogEntry.objects.count()

    PublishFact(draft, actor="moderator").execute()

    assert Fact.objects.get(pk=draft.pk).status == FactStatus.PUBLISHED
    assert register_version("CCM") != version
    entry = LogEntry.objects.get(index=entries)
    assert (entry.change, entry.fact_id) == ("recorded", draft.pk)
    assert current_register("CCM").participant("JAM").instrument.date == RATIFIED
    assert jamaica_events(client) == ["signature", "ratification"]
    assert "11 March 2025" in client.get("/en/states/JAM/").content.decode()
    assert AuditEntry.objects.get(fact_id=draft.pk, action="publish").actor == "moderator"


def test_a_published_fact_cannot_be_published_again(fresh_site):
    draft = jamaica_draft()
    PublishFact(draft).execute()
    with pytest.raises(RegisterRejected):
        PublishFact(draft).execute()


def test_publishing_checks_the_register_as_it_is_then(fresh_site):
    draft = jamaica_draft()
    # Meanwhile Jamaica's signature is deleted as recorded by mistake: a ratification without
    # a signature breaks the CCM's rules, so the draft cannot be published.
    signature = Fact.objects.get(treaty="CCM", state="JAM", kind="signature")
    DeleteFact(signature, actor="keeper").execute()
    with pytest.raises(RegisterRejected):
        PublishFact(draft).execute()
    assert Fact.including_drafts.get(pk=draft.pk).is_draft


def test_correcting_or_deleting_a_draft_stays_out_of_the_log(fresh_site):
    draft = jamaica_draft()
    version, entries = register_version("CCM"), LogEntry.objects.count()
    draft.date = dt.date(2025, 3, 12)
    RecordFact(draft, actor="keeper", reason="date").execute()
    assert Fact.including_drafts.get(pk=draft.pk).is_draft
    DeleteFact(draft, actor="keeper", reason="not deposited").execute()
    assert LogEntry.objects.count() == entries and register_version("CCM") == version


def test_correcting_a_published_fact_never_makes_it_a_draft(fresh_site):
    fact = Fact.objects.get(treaty="CCM", state="IRQ", kind="ratification")
    fact.status = FactStatus.DRAFT
    fact.cn_reference = "C.N.1.2013"
    RecordFact(fact, actor="keeper", reason="C.N. reference").execute()
    assert Fact.objects.get(pk=fact.pk).cn_reference == "C.N.1.2013"


def admin_form(**values):
    data = {"treaty": "CCM", "state": "Jamaica", "kind": "ratification", "date": "2025-03-11",
            "sequence": "", "state_name": "", "cn_reference": "", "source": "UNTC",
            "note": ""}
    return {**data, **values}


def test_the_admin_saves_a_draft(client, keeper, fresh_site):
    response = client.post(reverse("wagtailsnippets_registry_fact:add"), admin_form(draft="on"))
    assert response.status_code == 302
    assert Fact.including_drafts.get(treaty="CCM", state="JAM", kind="ratification").is_draft
    assert not Fact.objects.filter(treaty="CCM", state="JAM", kind="ratification").exists()


def test_the_admin_form_offers_the_draft_for_a_new_fact_only(client, keeper, fresh_site):
    page = client.get(reverse("wagtailsnippets_registry_fact:add")).content.decode()
    checkbox = page[page.index('name="draft"') - 80:page.index('name="draft"') + 80]
    assert "checked" in checkbox  # a new fact is a draft unless the keeper unticks it
    fact = Fact.objects.get(treaty="CCM", state="IRQ", kind="ratification")
    edit = client.get(reverse("wagtailsnippets_registry_fact:edit", args=[fact.pk]))
    assert 'name="draft"' not in edit.content.decode()


def test_unticked_the_admin_publishes_at_once(client, keeper, fresh_site):
    client.post(reverse("wagtailsnippets_registry_fact:add"), admin_form())
    fact = Fact.objects.get(treaty="CCM", state="JAM", kind="ratification")
    assert fact.status == FactStatus.PUBLISHED


def test_the_list_shows_drafts_with_their_status(client, keeper, fresh_site):
    draft = jamaica_draft()
    page = client.get(reverse("wagtailsnippets_registry_fact:list"), {"status": "draft"})
    html = page.content.decode()
    assert page.status_code == 200
    assert reverse("wagtailsnippets_registry_fact:edit", args=[draft.pk]) in html
    assert "Draft" in html
