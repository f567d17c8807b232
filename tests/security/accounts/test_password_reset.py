"""Password reset: the same work whether the account exists or not, sent by the worker, signed
like all our mail, and limited per address and per client."""

import re

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult

from tests.mail.mailings.conftest import dkim_dir, dkim_template, keystore  # noqa: F401
from treatydesk.core.mailtrust import verify_message
from treatydesk.security.accounts.reset import PER_ADDRESS, PER_CLIENT

pytestmark = pytest.mark.django_db(transaction=False)
URL = "/admin/password_reset/"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("editor", "editor@ccm.example", "x" * 16)


@pytest.fixture
def signed_mail(settings, keystore):  # noqa: F811
    settings.EMAIL_BACKEND = "treatydesk.mail.outgoing.sending.OutgoingBackend"
    return keystore


@pytest.fixture
def queued(settings):
    """Tasks wait in the task database for the worker, as in production."""
    settings.TREATYDESK_MAIL_TASK_BACKEND = "database"


def ask(email, ip="192.0.2.7", capture=None):
    client = Client()
    if capture is None:
        return client.post(URL, {"email": email}, REMOTE_ADDR=ip)
    with capture(execute=True):
        return client.post(URL, {"email": email}, REMOTE_ADDR=ip)


def test_the_worker_sends_a_signed_reset_link(editor, signed_mail,
                                              django_capture_on_commit_callbacks):
    response = ask("editor@ccm.example", capture=django_capture_on_commit_callbacks)
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == ["editor@ccm.example"]
    assert re.search(r"/admin/password_reset/confirm/\S+/\S+/", message.body)
    assert verify_message(message.signed, signed_mail).authentic


def test_known_and_unknown_addresses_cost_the_same_and_read_the_same(
        editor, queued, django_capture_on_commit_callbacks):
    ask("warm-up@ccm.example", ip="192.0.2.99", capture=django_capture_on_commit_callbacks)
    answers, queries = [], []
    for address in ("editor@ccm.example", "nobody@ccm.example"):
        with CaptureQueriesContext(connection) as captured:
            answers.append(ask(address, ip=f"192.0.2.{len(answers) + 1}",
                               capture=django_capture_on_commit_callbacks))
        queries.append([re.sub(r"'[^']*'|\d+", "?", q["sql"]) for q in captured])
    assert answers[0].status_code == answers[1].status_code == 302
    assert answers[0]["Location"] == answers[1]["Location"]
    assert queries[0] == queries[1]  # the request never looks the address up
    assert not any("auth_user" in sql for sql in queries[0])
    assert mail.outbox == []  # nothing is sent in the request
    assert DBTaskResult.objects.count() == 3  # each wait for the worker alike


def test_resets_are_limited_per_address(editor, queued, django_capture_on_commit_callbacks):
    for n in range(31):
        assert ask("editor@ccm.example", ip=f"198.51.100.{n}",
                   capture=django_capture_on_commit_callbacks).status_code == 302
    assert DBTaskResult.objects.count() == PER_ADDRESS


def test_resets_are_limited_per_client(queued, django_capture_on_commit_callbacks):
    for n in range(PER_CLIENT + 5):
        ask(f"user{n}@ccm.example", capture=django_capture_on_commit_callbacks)
    assert DBTaskResult.objects.count() == PER_CLIENT
    ask("user99@ccm.example", ip="203.0.113.9", capture=django_capture_on_commit_callbacks)
    assert DBTaskResult.objects.count() == PER_CLIENT + 1
