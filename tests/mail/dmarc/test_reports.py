"""DMARC aggregate reports: read from XML, gzip, zip, e-mail and maildir; each stored once;
hostile files refused; the admin overview shows who sends as the domain, aligned or not."""

from __future__ import annotations

import gzip
import io
import mailbox
import zipfile
from email.message import EmailMessage
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from treatydesk.mail.dmarc.importing import import_bytes, import_paths
from treatydesk.mail.dmarc.models import Report, Row
from treatydesk.mail.dmarc.parsing import ReportError, parse_reports

FILES = Path(__file__).parent / "files"
XML = (FILES / "google.xml").read_bytes()

pytestmark = pytest.mark.django_db


def report_email(attachment: bytes, filename: str, subtype: str) -> bytes:
    message = EmailMessage()
    message["From"] = "noreply-dmarc-support@google.com"
    message["To"] = "dmarc@ccm.example"
    message["Subject"] = "Report domain: ccm.example Submitter: google.com"
    message.set_content("This is an aggregate report.")
    message.add_attachment(attachment, maintype="application", subtype=subtype,
                           filename=filename)
    return message.as_bytes()


def zipped(data: bytes, name="report.xml") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, data)
    return buffer.getvalue()


def test_parsed_report_says_who_passed():
    (report,) = parse_reports(XML)
    assert report["org_name"] == "google.com" and report["domain"] == "ccm.example"
    assert report["begin"].isoformat() == "2025-10-31T00:00:00+00:00"
    ours, forger = report["rows"]
    assert ours["source_ip"] == "192.0.2.10" and ours["count"] == 42 and ours["passed"]
    assert ours["dkim_domains"] == "ccm.example"
    assert forger["source_ip"] == "203.0.113.66" and not forger["passed"]
    assert not forger["dkim_aligned"] and not forger["spf_aligned"]
    assert forger["disposition"] == "reject"


@pytest.mark.parametrize("wrap", ["xml", "gzip", "zip", "email-gz", "email-zip"])
def test_every_form_receivers_send_is_read_and_stored_once(wrap):
    data = {
        "xml": XML,
        "gzip": gzip.compress(XML),
        "zip": zipped(XML),
        "email-gz": report_email(gzip.compress(XML), "google.com!ccm.example.xml.gz", "gzip"),
        "email-zip": report_email(zipped(XML), "google.com!ccm.example.zip", "zip"),
    }[wrap]
    first = import_bytes(data, "test")
    assert (first.imported, first.rows, first.problems) == (1, 2, [])
    again = import_bytes(data, "test")
    assert (again.imported, again.duplicates) == (0, 1)
    assert Report.objects.count() == 1 and Row.objects.count() == 2


def test_a_maildir_of_reports_is_imported(tmp_path):
    box = mailbox.Maildir(tmp_path / "reports", create=True)
    box.add(report_email(gzip.compress(XML), "r.xml.gz", "gzip"))
    box.add(b"From: someone@example.org\r\nSubject: hello\r\n\r\nNot a report.\r\n")
    summary = import_paths([tmp_path / "reports"])
    assert summary.imported == 1 and len(summary.problems) == 1


@pytest.mark.parametrize("data", [
    b'<?xml version="1.0"?><!DOCTYPE feedback [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b"<feedback>&x;</feedback>",
    b'<!DOCTYPE lolz [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    b"<feedback>&b;</feedback>",
    b"<feedback><report_metadata>",
    b"<html>not a report</html>",
    gzip.compress(b"\0" * (21 * 1024 * 1024)),  # unpacks past the 20 MB cap
    zipped(b"\0" * (21 * 1024 * 1024)),
    b"PK\x03\x04broken zip",
    b"\x1f\x8bbroken gzip",
    b"",
])
def test_hostile_or_broken_files_are_refused_in_words(data):
    with pytest.raises(ReportError):
        parse_reports(data)


def test_admin_overview_shows_sources_aligned_or_not_over_time(client, django_user_model,
                                                                settings):
    admin = django_user_model.objects.create_superuser("a", "a@example.org", "x" * 12)
    client.force_login(admin)
    upload = client.post(reverse("dmarc_upload"),
                         {"files": [SimpleUploadedFile("a.xml", XML),
                                    SimpleUploadedFile("b.txt", b"nonsense")]})
    assert upload.status_code == 302
    assert Report.objects.count() == 1
    page = client.get(reverse("dmarc_overview"), {"days": 3650})
    text = page.content.decode()
    assert "192.0.2.10" in text and "203.0.113.66" in text
    assert "2025-10-27" in text  # the week of 31 October 2025 starts on Monday the 27th
    assert "<strong>none</strong>" in text  # the forger passed nothing
