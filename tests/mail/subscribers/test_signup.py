"""Sign-up with double opt-in, consent records, and pages that set no cookie."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client

from tests.mail.mailings.conftest import dkim_dir, dkim_template, keystore  # noqa: F401
from treatydesk.core.mailtrust import verify_message
from treatydesk.mail.subscribers.models import ConsentAction, Subscriber, SubscriberStatus


def sign_up(client, email="reader@university.example", topics=("notices", "news"),
            language="fr", consent=True, **extra):
    data = {"email": email, "language": language, "topics": list(topics), **extra}
    if consent:
        data["consent"] = "on"
    return client.post("/en/subscribe/", data, REMOTE_ADDR="192.0.2.7")


def confirmation_link(message) -> str:
    return re.search(r"https://www\.ccm\.example(/\S+/subscribe/confirm/\S+/)",
                     message.body).group(1)


@pytest.fixture
def signed_up(db, keystore, django_capture_on_commit_callbacks):  # noqa: F811
    client = Client(enforce_csrf_checks=True)
    with django_capture_on_commit_callbacks(execute=True):
        response = sign_up(client)
    return client, response


def test_form_page_sets_no_cookie_and_passes_the_strict_policy(client, db):
    response = client.get("/en/subscribe/")
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers
    csp = response["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp
    assert b"<script" not in response.content and b"style=" not in response.content
    assert b"csrfmiddlewaretoken" not in response.content


def test_sign_up_sends_a_signed_confirmation_and_changes_nothing_until_confirmed(
        signed_up, keystore):  # noqa: F811
    client, response = signed_up
    assert response.status_code == 200 and "Set-Cookie" not in response.headers
    assert "no-store" in response["Cache-Control"]
    subscriber = Subscriber.objects.get(email="reader@university.example")
    assert subscriber.status == SubscriberStatus.PENDING
    (message,) = mail.outbox
    assert message.to == ["reader@university.example"]
    # The confirmation is in French, the language asked for, and signed like every message.
    assert "Confirmez" in message.subject
    assert verify_message(message.signed, keystore).authentic
    link = confirmation_link(message)
    token = link.split("/")[-2]
    assert subscriber.confirm_token_hash and token not in subscriber.confirm_token_hash

    # Opening the link (a scanner does) confirms nothing.
    page = Client().get(link)
    assert page.status_code == 200 and "Set-Cookie" not in page.headers
    assert Subscriber.objects.get(pk=subscriber.pk).status == SubscriberStatus.PENDING

    confirmed = Client(enforce_csrf_checks=True).post(link, REMOTE_ADDR="192.0.2.8")
    assert confirmed.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.ACTIVE
    assert subscriber.language == "fr" and subscriber.topics == ["notices", "news"]
    requested, done = subscriber.consents.order_by("at", "pk")
    assert requested.action == ConsentAction.REQUESTED
    assert requested.source == "form /en/subscribe/"
    assert requested.topics == ["notices", "news"] and requested.language == "fr"
    assert "stop them at any time" in requested.wording
    assert len(requested.ip_hash) == 32 and "192.0.2.7" not in requested.ip_hash
    assert done.action == ConsentAction.CONFIRMED and done.ip_hash != requested.ip_hash
    # The link works once.
    assert Client().get(link).status_code == 404


def test_the_answer_does_not_tell_who_subscribes(signed_up, django_capture_on_commit_callbacks):
    client, first = signed_up
    with django_capture_on_commit_callbacks(execute=True):
        second = sign_up(client)
        stranger = sign_up(client, email="other@university.example")
    assert first.content.replace(b"reader@", b"X@") == \
        second.content.replace(b"reader@", b"X@") == \
        stranger.content.replace(b"other@", b"X@")
    # Asking again within ten minutes sends nothing more to the same address.
    assert [m.to for m in mail.outbox] == [["reader@university.example"],
                                           ["other@university.example"]]


def test_incomplete_form_is_refused(client, db):
    response = sign_up(client, consent=False)
    assert response.status_code == 400
    response = sign_up(client, topics=())
    assert response.status_code == 400
    response = sign_up(client, email="not an address")
    assert response.status_code == 400
    assert not Subscriber.objects.exists()


def test_active_subscriber_keeps_their_choice_until_they_confirm_a_new_one(
        signed_up, django_capture_on_commit_callbacks):
    from treatydesk.mail.subscribers.actions import confirm

    subscriber = Subscriber.objects.get()
    confirm(subscriber, source="test", ip="")
    Subscriber.objects.filter(pk=subscriber.pk).update(confirmation_sent_at=None)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(Client(), topics=("meetings",), language="es")
    subscriber.refresh_from_db()
    assert subscriber.topics == ["notices", "news"] and subscriber.language == "fr"
    Client().post(confirmation_link(mail.outbox[0]))
    subscriber.refresh_from_db()
    assert subscriber.topics == ["meetings"] and subscriber.language == "es"


def test_unsubscribe_page_get_changes_nothing_and_post_unsubscribes(db):
    subscriber = Subscriber.objects.create(email="a@university.example", language="en",
                                           status=SubscriberStatus.ACTIVE)
    path = f"/en/unsubscribe/{subscriber.unsubscribe_token}/"
    page = Client().get(path)
    assert page.status_code == 200 and b"<form" in page.content
    assert "no-store" in page["Cache-Control"]
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.ACTIVE
    done = Client(enforce_csrf_checks=True).post(path)
    assert done.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.UNSUBSCRIBED
    assert subscriber.consents.get().source == f"unsubscribe page {path}"


def test_unknown_tokens_are_not_found(client, db):
    assert client.get("/en/unsubscribe/" + "x" * 43 + "/").status_code == 404
    assert client.post("/en/unsubscribe/" + "x" * 43 + "/",
                       data="List-Unsubscribe=One-Click",
                       content_type="application/x-www-form-urlencoded").status_code == 404
    assert client.get("/en/subscribe/confirm/nope/").status_code == 404


def test_repeated_sign_ups_add_a_few_consent_rows_per_address_then_none(client, db):
    from treatydesk.mail.subscribers.actions import REQUESTS_PER_ADDRESS
    from treatydesk.mail.subscribers.models import ConsentRecord

    answers = {sign_up(client).content for _ in range(REQUESTS_PER_ADDRESS + 10)}
    assert len(answers) == 1  # the same answer, limited or not
    assert ConsentRecord.objects.count() == REQUESTS_PER_ADDRESS


def test_one_client_cannot_fill_the_consent_record_with_addresses(client, db, settings):
    from treatydesk.mail.subscribers.actions import REQUESTS_PER_CLIENT
    from treatydesk.mail.subscribers.models import ConsentRecord

    for n in range(REQUESTS_PER_CLIENT + 5):
        assert sign_up(client, email=f"reader{n}@university.example").status_code == 200
    assert ConsentRecord.objects.count() == REQUESTS_PER_CLIENT
    assert Subscriber.objects.count() == REQUESTS_PER_CLIENT
    sign_up(Client(), email="reader99@university.example")  # same address 192.0.2.7: no row
    assert ConsentRecord.objects.count() == REQUESTS_PER_CLIENT
    # Another client (behind the trusted proxy, as X-Forwarded-For names it) still can.
    settings.TREATYDESK_TRUSTED_PROXIES = "10.0.0.0/24"
    Client().post("/en/subscribe/", {"email": "late@university.example", "language": "en",
                                     "topics": ["news"], "consent": "on"},
                  REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="198.51.100.20")
    assert ConsentRecord.objects.count() == REQUESTS_PER_CLIENT + 1
