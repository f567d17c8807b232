"""Editing the register in the Wagtail admin: the core's rules apply, every change is audited."""

from django.urls import reverse

from treatydesk.records.facts.models import AuditEntry, Fact


def form_data(**overrides):
    data = {"treaty": "CCM", "state": "", "kind": "ratification", "date": "", "sequence": "",
            "state_name": "", "cn_reference": "", "source": "", "note": ""}
    data.update(overrides)
    return data


def test_record_signature_then_ratification(client, keeper, db):
    add = reverse("wagtailsnippets_registry_fact:add")
    response = client.post(add, form_data(state="Iraq", kind="signature", date="2008-12-03",
                                          source="UNTC"))
    assert response.status_code == 302, response.content[:2000]
    fact = Fact.objects.get(state="IRQ", kind="signature")
    assert fact.state_name == "Iraq"
    response = client.post(add, form_data(state="IRQ", kind="ratification", date="2013-05-14",
                                          cn_reference="C.N.284.2013.TREATIES-XXVI.6"))
    assert response.status_code == 302
    entries = AuditEntry.objects.filter(action="create").order_by("at", "pk")
    assert [e.after["kind"] for e in entries] == ["signature", "ratification"]
    assert all(e.actor == "keeper" and e.user == keeper for e in entries)


def test_rule_violation_is_shown_and_nothing_saved(client, keeper, db):
    add = reverse("wagtailsnippets_registry_fact:add")
    response = client.post(add, form_data(state="Iraq", kind="ratification", date="2013-05-14"))
    assert response.status_code == 200
    assert b"signature" in response.content.lower()
    assert not Fact.objects.exists()
    assert not AuditEntry.objects.exists()


def test_unknown_state_is_refused(client, keeper, db):
    add = reverse("wagtailsnippets_registry_fact:add")
    response = client.post(add, form_data(state="Atlantis", kind="signature", date="2008-12-03"))
    assert response.status_code == 200
    assert "is not a state the register knows" in response.content.decode()
    assert not Fact.objects.exists()


def test_edit_keeps_before_and_after(client, keeper, fresh_site):
    fact = Fact.objects.get(treaty="CCM", state="IRQ", kind="ratification")
    url = reverse("wagtailsnippets_registry_fact:edit", args=[fact.pk])
    response = client.post(url, form_data(state="IRQ", state_name="Iraq", kind="ratification",
                                          date="2013-05-14", cn_reference="C.N.1.2013",
                                          source=fact.source, reason="C.N. reference added"))
    assert response.status_code == 302, response.content[:3000]
    entry = AuditEntry.objects.get(action="update", fact_id=fact.pk)
    assert entry.before["cn_reference"] == "" and entry.after["cn_reference"] == "C.N.1.2013"


def test_delete_signature_of_a_party_is_refused(client, keeper, fresh_site):
    fact = Fact.objects.get(treaty="CCM", state="IRQ", kind="signature")
    url = reverse("wagtailsnippets_registry_fact:delete", args=[fact.pk])
    client.post(url, {"reason": "entered by mistake"})
    assert Fact.objects.filter(pk=fact.pk).exists()
    assert not AuditEntry.objects.filter(action="delete").exists()


def test_delete_is_audited(client, keeper, fresh_site):
    fact = Fact.objects.get(treaty="CCM", state="IRQ", kind="ratification")
    url = reverse("wagtailsnippets_registry_fact:delete", args=[fact.pk])
    client.post(url, {"reason": "recorded twice"})
    assert not Fact.objects.filter(pk=fact.pk).exists()
    entry = AuditEntry.objects.get(action="delete")
    assert entry.before["date"] == "2013-05-14" and entry.after is None


def test_admin_needs_login(client, db):
    response = client.get(reverse("wagtailsnippets_registry_fact:list"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
