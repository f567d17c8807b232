"""The public page "Is this e-mail from us?": verdicts in plain words, the matching notice,
no cookie, a strict policy, and never a server error, whatever is pasted or uploaded."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.mail.mailings.conftest import (  # noqa: F401
    ccm_before_iraq,
    dkim_dir,
    dkim_template,
    iraq_notice,
    keystore,
    make_subscriber,
    site,
)
from treatydesk.mail.mailings.actions import MailPage
from treatydesk.setup.security_notice import ensure_security_notice

URL = "/en/verify-email/"


@pytest.fixture
def notice_mail(iraq_notice, keystore, django_capture_on_commit_callbacks):  # noqa: F811
    make_subscriber("reader@university.example")
    with django_capture_on_commit_callbacks(execute=True):
        MailPage(iraq_notice).execute()
    (message,) = mail.outbox
    return message.signed, iraq_notice


def test_form_page_is_public_and_strict(client, db):
    response = client.get(URL)
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers
    csp = response["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "form-action 'self'" in csp
    assert b"<script" not in response.content and b" style=" not in response.content
    assert b'enctype="multipart/form-data"' in response.content


def test_our_notice_is_authentic_and_links_the_notice(notice_mail):
    signed, notice = notice_mail
    response = Client(enforce_csrf_checks=True).post(URL, {"source": signed.decode()})
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers
    assert "no-store" in response["Cache-Control"]
    text = response.content.decode()
    assert "Yes: this message is from us." in text
    assert f'href="{notice.url}"' in text


def test_an_uploaded_eml_file_is_checked_too(notice_mail):
    signed, _notice = notice_mail
    upload = SimpleUploadedFile("notice.eml", signed, content_type="message/rfc822")
    response = Client().post(URL, {"upload": upload})
    assert "Yes: this message is from us." in response.content.decode()


def test_a_changed_copy_is_not_from_us_and_links_nothing(notice_mail):
    signed, notice = notice_mail
    tampered = signed.replace(b"83rd State", b"83rd StatE")
    response = Client().post(URL, {"source": tampered.decode("utf-8", "replace")})
    text = response.content.decode()
    assert "No: we did not send this message." in text
    assert "The message body was changed after we signed it." in text
    assert f'href="{notice.url}"' not in text


def test_reasons_are_in_the_reader_language(notice_mail):
    signed, _notice = notice_mail
    forged = b"From: Secretariat <notices@ccm.example>\r\nSubject: Re: Important " \
             b"Confidential Document\r\n\r\nOpen the link.\r\n"
    response = Client().post("/fr/verify-email/", {"source": forged.decode()})
    assert "Non : nous n’avons pas envoyé ce message." in response.content.decode()


def test_pasting_only_the_body_is_unreadable(client, db, keystore):  # noqa: F811
    response = client.post(URL, {"source": "Dear reader, please open the attachment."})
    assert response.status_code == 200
    assert "We cannot read this message." in response.content.decode()


def test_empty_and_oversized_input_are_refused_politely(client, db):
    assert client.post(URL, {}).status_code == 400
    big = SimpleUploadedFile("big.eml", b"x" * (5 * 1024 * 1024 + 1))
    response = client.post(URL, {"upload": big})
    assert response.status_code in (400, 413)
    response = client.post(URL, {"source": "y" * (3 * 1024 * 1024)})
    assert response.status_code == 413
    assert "too large" in response.content.decode()


def test_security_notices_are_linked_from_the_page(client, fresh_site):  # noqa: F811
    ensure_security_notice()
    response = client.get(URL)
    assert "Re: Important Confidential Document" in response.content.decode()
    notice = client.get("/en/phishing-2013/")
    assert notice.status_code == 200
    assert f'href="{URL}"' in notice.content.decode()
    assert ensure_security_notice() == 0  # safe to run again


messages = st.one_of(
    st.binary(max_size=3000),
    st.text(max_size=3000),
    st.builds(lambda headers, body: "\r\n".join(headers) + "\r\n\r\n" + body,
              st.lists(st.sampled_from([
                  "From: notices@ccm.example", "From: <a@b>, <c@d>", "Subject: x",
                  "DKIM-Signature: v=1; a=rsa-sha256; d=ccm.example; s=td2026r; h=from; bh=; b=",
                  "DKIM-Signature: garbage", "Content-Type: multipart/mixed; boundary=",
                  "From: =?utf-8?b?////?=", "\x00: \x00", " folded", "Message-ID: <\udcff>",
              ]), max_size=8), st.text(max_size=500)),
)


@pytest.mark.django_db
@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(source=messages, as_file=st.booleans())
def test_garbage_never_gives_a_server_error(keystore, source, as_file):  # noqa: F811
    client = Client(raise_request_exception=False)
    if isinstance(source, str):
        data = source.encode("utf-8", "surrogatepass")
    else:
        data = source
    if as_file:
        response = client.post(URL, {"upload": SimpleUploadedFile("m.eml", data)})
    else:
        response = client.post(URL, {"source": data.decode("utf-8", "replace")})
    assert response.status_code in (200, 400, 413)


@pytest.mark.django_db
@settings(max_examples=30, deadline=None)
@given(body=st.binary(max_size=2000),
       content_type=st.sampled_from(["multipart/form-data; boundary=xyz",
                                     "multipart/form-data", "application/x-www-form-urlencoded",
                                     "text/plain", "multipart/form-data; boundary=\x00"]))
def test_broken_request_bodies_never_give_a_server_error(body, content_type):
    client = Client(raise_request_exception=False)
    response = client.generic("POST", URL, body, content_type=content_type)
    assert response.status_code in (200, 400, 413)
