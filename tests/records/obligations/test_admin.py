"""Obligation facts in the Wagtail admin: the core's rules apply before anything is saved."""

import datetime as dt

import pytest
from django.urls import reverse

from treatydesk.records.obligations.actions import ObligationRejected, RecordObligationFact
from treatydesk.records.obligations.models import ExtensionDecision, ExtensionRequest, Report

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("keeper", "k@example.org", "pw-keeper-123")
    client.force_login(user)
    return user


def report_data(**overrides):
    data = {"treaty": "CCM", "state": "Cameroon", "obligation": "initial-report",
            "received_on": "2013-06-01", "period_start": "", "period_end": "",
            "access": "public", "document": "", "document_symbol": "", "source": "", "note": ""}
    data.update(overrides)
    return data


def request_data(**overrides):
    data = {"treaty": "CCM", "state": "CMR", "obligation": "clearance",
            "requested_on": "2022-03-01", "period_months": "36", "after_hostilities_ended_on": "",
            "document_symbol": "CCM/MSP/2022/5", "source": "", "note": ""}
    data.update(overrides)
    return data


def decision_data(request=None, **overrides):
    data = {"request": str(request.pk) if request else "", "decided_on": "2022-08-31",
            "new_deadline": "2026-06-01", "meeting": "10MSP", "document_symbol": "",
            "source": "", "note": ""}
    data.update(overrides)
    return data


def test_report_recorded_with_the_state_by_name(client, editor, fresh_site, today):
    response = client.post(reverse("wagtailsnippets_obligations_report:add"), report_data())
    assert response.status_code == 302, response.content[:3000]
    report = Report.objects.get()
    assert report.state == "CMR" and report.received_on == dt.date(2013, 6, 1)
    html = client.get("/en/obligations/?state=CMR&obligation=initial-report").content.decode()
    assert "Met on time" in html  # the cached deadlines were recomputed


def test_report_dated_before_the_state_joined(client, editor, fresh_site, today):
    response = client.post(reverse("wagtailsnippets_obligations_report:add"),
                           report_data(received_on="2012-07-11"))
    assert response.status_code == 200
    assert ("Cameroon: the initial report is dated 11 July 2012, before Cameroon joined the CCM "
            "(instrument deposited 12 July 2012).") in response.content.decode()
    assert not Report.objects.exists()


def test_unknown_state(client, editor, fresh_site, today):
    response = client.post(reverse("wagtailsnippets_obligations_report:add"),
                           report_data(state="Atlantis"))
    assert "is not a state the register knows" in response.content.decode()
    assert not Report.objects.exists()


def test_extension_longer_than_the_article_allows(client, editor, fresh_site, today):
    response = client.post(reverse("wagtailsnippets_obligations_extensionrequest:add"),
                           request_data(period_months="72"))
    assert response.status_code == 200
    assert ("the request asks for 72 months; Art. 4(5)–(8) allows extensions of up to 5 years."
            ) in response.content.decode()
    assert not ExtensionRequest.objects.exists()

    response = client.post(reverse("wagtailsnippets_obligations_extensionrequest:add"),
                           request_data())
    assert response.status_code == 302
    request = ExtensionRequest.objects.get()
    response = client.post(reverse("wagtailsnippets_obligations_extensiondecision:add"),
                           decision_data(request, new_deadline="2028-06-01"))
    assert response.status_code == 200
    assert ("the new deadline 1 June 2028 is more than 5 years after 1 January 2023: Art. "
            "4(5)–(8) allows extensions of up to 5 years (at most 1 January 2028)."
            ) in response.content.decode()
    assert not ExtensionDecision.objects.exists()


def test_decision_without_a_request(client, editor, fresh_site, today):
    response = client.post(reverse("wagtailsnippets_obligations_extensiondecision:add"),
                           decision_data())
    assert response.status_code == 200
    assert ("An extension decision needs the request it answers: record the extension request "
            "first, then the decision.") in response.content.decode()
    assert not ExtensionDecision.objects.exists()


def test_no_extension_where_the_article_allows_none(client, editor, fresh_site, today):
    response = client.post(reverse("wagtailsnippets_obligations_extensionrequest:add"),
                           request_data(treaty="APMBC", state="Greece",
                                        obligation="stockpile-destruction",
                                        requested_on="2007-06-01", period_months="12"))
    assert "Art. 4 allows no extension of the stockpile destruction deadline." \
        in response.content.decode()
    assert not ExtensionRequest.objects.exists()


def test_changing_a_request_cannot_break_its_decision(cameroon_clearance_extended):
    request, _decision = cameroon_clearance_extended
    request.requested_on = dt.date(2022, 9, 30)  # after the decision of 31 August 2022
    with pytest.raises(ObligationRejected, match="predates the request it answers"):
        RecordObligationFact(request).execute()
    request.refresh_from_db()
    assert request.requested_on == dt.date(2022, 3, 1)


def test_decided_request_cannot_be_deleted(client, editor, cameroon_clearance_extended):
    request, decision = cameroon_clearance_extended
    client.post(reverse("wagtailsnippets_obligations_extensionrequest:delete",
                        args=[request.pk]))
    assert ExtensionRequest.objects.filter(pk=request.pk).exists()
    client.post(reverse("wagtailsnippets_obligations_extensiondecision:delete",
                        args=[decision.pk]))
    assert not ExtensionDecision.objects.exists()
    client.post(reverse("wagtailsnippets_obligations_extensionrequest:delete",
                        args=[request.pk]))
    assert not ExtensionRequest.objects.exists()


@pytest.mark.parametrize("model", ["report", "notapplicabledeclaration", "completiondeclaration",
                                   "extensionrequest", "extensiondecision", "hostilitiesended",
                                   "contactpoint"])
def test_admin_pages_open(client, editor, model):
    """Each kind of obligation fact has its listing, titled with its name and offering to add
    one, and an add form with an input for every field of its form."""
    from django.apps import apps
    from django.utils.text import capfirst

    model_class = apps.get_model("obligations", model)
    add_url = reverse(f"wagtailsnippets_obligations_{model}:add")
    listing = client.get(reverse(f"wagtailsnippets_obligations_{model}:list"))
    assert listing.status_code == 200
    html = listing.content.decode()
    assert str(capfirst(model_class._meta.verbose_name_plural)) in html
    assert f'href="{add_url}"' in html
    add = client.get(add_url)
    assert add.status_code == 200
    html = add.content.decode()
    fields = list(model_class.snippet_viewset.get_form_class().base_fields)
    assert fields
    for name in fields:
        assert f'name="{name}"' in html, name


def test_reminders_sent_are_listed_read_only(client, editor):
    assert client.get(reverse("wagtailsnippets_obligations_remindersent:list")).status_code == 200
    add = client.get(reverse("wagtailsnippets_obligations_remindersent:add"))
    assert add.status_code in (302, 403)
