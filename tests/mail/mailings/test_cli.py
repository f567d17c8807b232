"""``treatydesk mail`` as an operator runs it (in this process: tests/commands.py), keys in a
folder of their own."""

from __future__ import annotations

import pytest

from tests.commands import treatydesk
from tests.core.mailtrust.dnsserver import DnsServer, parse_zone_lines
from treatydesk.core.mailtrust import KeyStore, verify_message

from .conftest import DOMAIN

SETTING_TYPES = {"EMAIL_PORT": int}


@pytest.fixture
def run(settings, tmp_path):
    """Run ``treatydesk mail ARGS…`` in this process, its keys in the test's own folder; the
    extra keyword arguments are the settings an operator would give in the environment."""
    settings.TREATYDESK_DKIM_DIR = tmp_path / "dkim"

    def run(args, tmp_path, **environment):
        for name, value in environment.items():
            setattr(settings, name, SETTING_TYPES.get(name, str)(value))
        if "EMAIL_HOST" in environment:  # as in the dev and production settings
            settings.TREATYDESK_MAIL_BACKEND = "treatydesk.mail.outgoing.backends.DkimSmtpBackend"
            settings.EMAIL_USE_TLS = False
        result = treatydesk("mail", *args)
        return result.code, result.stdout, result.stderr

    return run


def test_key_rotation_from_the_command_line(run, tmp_path):
    code, out, _err = run(["keygen", "--domain", DOMAIN, "--selector", "td2026r"], tmp_path)
    assert code == 0 and f'td2026r._domainkey.{DOMAIN}. TXT "v=DKIM1; k=rsa; p=' in out
    assert oct((tmp_path / "dkim" / DOMAIN / "td2026r.pem").stat().st_mode)[-3:] == "600"
    code, _out, err = run(["keygen", "--domain", DOMAIN, "--selector", "td2026r"], tmp_path)
    assert code == 1 and "already has a key" in err  # never overwritten

    code, out, _err = run(["keygen", "--domain", DOMAIN, "--selector", "td2027e",
                           "--algorithm", "ed25519", "--pending"], tmp_path)
    assert code == 0 and "pending" in out
    code, out, _err = run(["dns", "--domain", DOMAIN, "--spf", "ip4:192.0.2.10",
                           "--report-address", f"dmarc@{DOMAIN}"], tmp_path)
    lines = out.splitlines()
    assert [line.split()[0] for line in lines] == [
        f"td2026r._domainkey.{DOMAIN}.", f"td2027e._domainkey.{DOMAIN}.", f"{DOMAIN}.",
        f"_dmarc.{DOMAIN}."]
    assert lines[-1] == (f'_dmarc.{DOMAIN}. TXT "v=DMARC1; p=reject; sp=reject; adkim=s; '
                         f'aspf=s; rua=mailto:dmarc@{DOMAIN}"')

    # Check what a nameserver serves: everything printed is published.
    with DnsServer(parse_zone_lines(lines)) as server:
        code, out, _err = run(["check-dns", "--domain", DOMAIN, "--nameserver",
                               server.address, "--timeout", "2"], tmp_path)
    assert code == 0, out
    assert "0 error(s)" in out
    # A nameserver without our records: errors, explained.
    with DnsServer({}) as server:
        code, out, _err = run(["check-dns", "--domain", DOMAIN, "--nameserver",
                               server.address, "--timeout", "2"], tmp_path)
    assert code == 1 and "spf-missing" in out and "dmarc-missing" in out

    assert run(["activate", "--domain", DOMAIN, "--selector", "td2027e"], tmp_path)[0] == 0
    code, out, _err = run(["retire", "--domain", DOMAIN, "--selector", "td2026r"], tmp_path)
    assert code == 0 and "retired" in out
    code, out, _err = run(["keys", "--domain", DOMAIN], tmp_path)
    assert "td2026r\trsa\tretired" in out and "td2027e\ted25519\tactive" in out


def test_send_test_goes_signed_through_the_configured_smtp_server(run, tmp_path, smtp_server):
    capture, port = smtp_server
    assert run(["keygen", "--domain", DOMAIN, "--selector", "td2026r"], tmp_path)[0] == 0
    code, out, err = run(["send-test", "--to", "reader@university.example"], tmp_path,
                         EMAIL_HOST="127.0.0.1", EMAIL_PORT=str(port),
                         DEFAULT_FROM_EMAIL=f"Convention Secretariat <notices@{DOMAIN}>",
                         TREATYDESK_MAIL_BASE_URL="https://www.ccm.example")
    assert code == 0, err
    assert f"127.0.0.1:{port}" in out
    ((sender, recipients, data),) = capture.messages
    assert (sender, recipients) == (f"notices@{DOMAIN}", ["reader@university.example"])
    assert b"List-Unsubscribe-Post: List-Unsubscribe=One-Click" in data
    assert verify_message(data, KeyStore(tmp_path / "dkim")).authentic


def test_send_test_without_a_key_sends_nothing(run, tmp_path, smtp_server):
    capture, port = smtp_server
    code, _out, err = run(["send-test", "--to", "reader@university.example"], tmp_path,
                          EMAIL_HOST="127.0.0.1", EMAIL_PORT=str(port),
                          DEFAULT_FROM_EMAIL=f"notices@{DOMAIN}")
    assert code == 1 and "no active DKIM key" in err
    assert capture.messages == []
