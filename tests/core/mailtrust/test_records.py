"""The TXT records printed for a domain."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import dns.rdata
import dns.rdataclass
import dns.rdatatype
import pytest

from treatydesk.core.mailtrust.records import (
    TxtRecord,
    dkim_records,
    dmarc_record,
    domain_records,
    spf_record,
)

from .conftest import DOMAIN, ED_SELECTOR, RSA_SELECTOR


def parse_line(line: str) -> tuple[str, bytes]:
    """Read a printed line as a zone file would: return the name and the joined value."""
    name, kind, rest = line.split(None, 2)
    assert kind == "TXT"
    rdata = dns.rdata.from_text(dns.rdataclass.IN, dns.rdatatype.TXT, rest)
    assert all(len(s) <= 255 for s in rdata.strings)
    return name, b"".join(rdata.strings)


def test_rsa_record_is_split_into_strings_of_at_most_255_bytes(keystore):
    record = next(r for r in dkim_records(keystore, DOMAIN) if RSA_SELECTOR in r.name)
    assert len(record.value) > 255
    strings = record.strings()
    assert len(strings) == 2
    assert [len(s) for s in strings][0] == 255
    name, value = parse_line(record.line())
    assert name == f"{RSA_SELECTOR}._domainkey.{DOMAIN}."
    assert value.decode() == record.value == keystore.get(DOMAIN, RSA_SELECTOR).public_record


@pytest.mark.parametrize("length", [0, 1, 254, 255, 256, 510, 511, 1000])
def test_any_value_length_round_trips_through_the_printed_line(length):
    value = ("v=spf1 " + "x" * length)[:length] if length else ""
    name, parsed = parse_line(TxtRecord("example.org", value).line())
    assert parsed.decode() == value


def test_quotes_and_backslashes_are_escaped():
    value = 'say "hi" \\ bye'
    assert parse_line(TxtRecord("example.org", value).line())[1].decode() == value


def test_dkim_records_include_pending_and_recently_retired_keys(keystore):
    now = datetime.now(UTC)
    keystore.generate(DOMAIN, "td2027r", active=False)
    keystore.retire(DOMAIN, ED_SELECTOR, now=now - timedelta(days=3))
    names = [r.name.split(".")[0] for r in dkim_records(keystore, DOMAIN, now=now)]
    assert sorted(names) == sorted([RSA_SELECTOR, ED_SELECTOR, "td2027r"])
    later = now + timedelta(days=5)
    names = [r.name.split(".")[0] for r in dkim_records(keystore, DOMAIN, now=later)]
    assert ED_SELECTOR not in names


def test_spf_ends_in_minus_all():
    record = spf_record(DOMAIN, ["ip4:192.0.2.10", "include:_spf.mailhost.example"])
    assert record.name == DOMAIN
    assert record.value == "v=spf1 ip4:192.0.2.10 include:_spf.mailhost.example -all"
    assert record.line() == f'{DOMAIN}. TXT "{record.value}"'


@pytest.mark.parametrize("mechanisms", [[], ["+all"], ["ptr"], ["ip4:192.0.2.1 -all"], ["~all"]])
def test_spf_refuses_no_senders_or_permissive_terms(mechanisms):
    with pytest.raises(ValueError):
        spf_record(DOMAIN, mechanisms)


def test_dmarc_rejects_with_strict_alignment_and_reports():
    record = dmarc_record(DOMAIN, "dmarc-reports@ccm.example")
    assert record.name == f"_dmarc.{DOMAIN}"
    assert record.value == (
        "v=DMARC1; p=reject; sp=reject; adkim=s; aspf=s; rua=mailto:dmarc-reports@ccm.example"
    )
    relaxed = dmarc_record(DOMAIN, "mailto:dmarc-reports@ccm.example", strict=False)
    assert "adkim=r; aspf=r" in relaxed.value
    assert "rua=mailto:dmarc-reports@ccm.example" in relaxed.value


@pytest.mark.parametrize("address", ["", "not an address", "a@b.example; p=none"])
def test_dmarc_refuses_a_bad_report_address(address):
    with pytest.raises(ValueError):
        dmarc_record(DOMAIN, address)


def test_domain_records_list_dkim_spf_and_dmarc(keystore):
    lines = [r.line() for r in domain_records(
        keystore, DOMAIN, spf=["mx"], report_address="dmarc@ccm.example")]
    assert [line.split()[0] for line in lines] == [
        f"{RSA_SELECTOR}._domainkey.{DOMAIN}.",
        f"{ED_SELECTOR}._domainkey.{DOMAIN}.",
        f"{DOMAIN}.",
        f"_dmarc.{DOMAIN}.",
    ]
