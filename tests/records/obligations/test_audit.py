"""Obligation facts go to the same audit log as register facts, and renew the page cache."""

import datetime as dt

import pytest
from django.urls import reverse

from treatydesk.records.facts.models import AuditEntry
from treatydesk.records.obligations.actions import DeleteObligationFact, RecordObligationFact
from treatydesk.records.obligations.models import ExtensionDecision, ExtensionRequest, Report
from treatydesk.records.obligations.signals import obligation_facts_changed

pytestmark = pytest.mark.django_db


@pytest.fixture
def keeper(client, django_user_model):
    user = django_user_model.objects.create_superuser("keeper", "k@example.org", "pw-keeper-123")
    client.force_login(user)
    return user


def report(**values):
    defaults = {"treaty": "CCM", "state": "CMR", "obligation": "initial-report",
                "received_on": dt.date(2013, 6, 1)}
    return Report(**{**defaults, **values})


def test_recording_and_changing_a_report_is_audited_with_before_and_after(
        fresh_site, keeper, today):
    row = RecordObligationFact(report(), user=keeper).execute()
    created = AuditEntry.objects.get(subject="obligations.report", action="create")
    assert created.fact_id == row.pk and created.actor == "keeper" and created.treaty == "CCM"
    assert created.before is None and created.after["received_on"] == "2013-06-01"

    row.received_on = dt.date(2013, 6, 20)
    RecordObligationFact(row, user=keeper).execute()
    changed = AuditEntry.objects.get(subject="obligations.report", action="update")
    assert changed.before["received_on"] == "2013-06-01"
    assert changed.after["received_on"] == "2013-06-20"


def test_deleting_from_the_admin_goes_through_the_action_and_is_audited(
        client, fresh_site, keeper, today):
    row = RecordObligationFact(report(), user=keeper).execute()
    url = reverse("wagtailsnippets_obligations_report:delete", args=[row.pk])
    response = client.post(url)
    assert response.status_code == 302
    assert not Report.objects.exists()
    deleted = AuditEntry.objects.get(subject="obligations.report", action="delete")
    assert deleted.fact_id == row.pk and deleted.actor == "keeper"
    assert deleted.before["state"] == "CMR" and deleted.after is None


def test_a_decided_request_cannot_be_deleted_and_nothing_is_logged(fresh_site, keeper, today):
    request = RecordObligationFact(ExtensionRequest(
        treaty="CCM", state="CMR", obligation="clearance", requested_on=dt.date(2022, 3, 1),
        period_months=36), user=keeper).execute()
    RecordObligationFact(ExtensionDecision(
        request=request, decided_on=dt.date(2022, 8, 31), new_deadline=dt.date(2026, 6, 1),
        meeting="10MSP"), user=keeper).execute()
    before = AuditEntry.objects.count()
    action = DeleteObligationFact(request, user=keeper)
    assert action.problems() and "has an extension decision" in action.problems()[0]
    with pytest.raises(Exception, match="has an extension decision"):
        action.execute()
    assert ExtensionRequest.objects.filter(pk=request.pk).exists()
    assert AuditEntry.objects.count() == before


def test_a_change_tells_the_page_cache(fresh_site, keeper, today):
    heard = []

    def listen(sender, treaty, instance, **kwargs):
        heard.append((sender, treaty, instance.pk))

    obligation_facts_changed.connect(listen)
    try:
        row = RecordObligationFact(report(), user=keeper).execute()
        DeleteObligationFact(row, user=keeper).execute()
    finally:
        obligation_facts_changed.disconnect(listen)
    assert [(sender, treaty) for sender, treaty, _pk in heard] == [(Report, "CCM"), (Report, "CCM")]
