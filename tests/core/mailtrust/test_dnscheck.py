"""Checking published records against a real DNS server on loopback."""

from __future__ import annotations

import pytest

from treatydesk.core.mailtrust.dnscheck import (
    DnsChecker,
    Severity,
    check_domain,
    make_resolver,
    parse_nameserver,
)
from treatydesk.core.mailtrust.records import domain_records

from .conftest import DOMAIN, ED_SELECTOR, RSA_SELECTOR
from .dnsserver import DnsServer, free_port, parse_zone_lines


def good_zone(keystore) -> dict:
    records = domain_records(
        keystore, DOMAIN, spf=["ip4:192.0.2.10", "include:_spf.mailhost.example"],
        report_address="dmarc@ccm.example")
    zone = parse_zone_lines([r.line() for r in records])
    zone["_spf.mailhost.example"] = [[b"v=spf1 ip4:198.51.100.0/24 -all"]]
    return zone


def run(keystore, zone) -> list:
    with DnsServer(zone) as server:
        return check_domain(DOMAIN, keystore, nameserver=server.address, timeout=2)


def codes(findings, severity=None) -> set[str]:
    return {f.code for f in findings if severity is None or f.severity is severity}


def test_the_records_we_print_pass_every_check(keystore):
    findings = run(keystore, good_zone(keystore))
    assert {f.severity for f in findings} == {Severity.OK}, [str(f) for f in findings]
    assert codes(findings) == {"spf-ok", "dmarc-reject", "dkim-ok"}
    assert sum(f.code == "dkim-ok" for f in findings) == 2


def test_no_records_at_all(keystore):
    findings = run(keystore, {"www.ccm.example": [[b"unrelated"]]})
    assert codes(findings, Severity.ERROR) == {"spf-missing", "dmarc-missing", "dkim-missing"}
    missing = [f for f in findings if f.code == "dkim-missing"]
    assert {f.name for f in missing} == {
        f"{RSA_SELECTOR}._domainkey.{DOMAIN}", f"{ED_SELECTOR}._domainkey.{DOMAIN}"}
    # The explanation says what to publish.
    assert keystore.get(DOMAIN, RSA_SELECTOR).public_record in str(missing[0]) + str(missing[1])


def test_missing_spf(keystore):
    zone = good_zone(keystore)
    del zone[DOMAIN]
    findings = run(keystore, zone)
    assert codes(findings, Severity.ERROR) == {"spf-missing"}


def test_two_spf_records(keystore):
    zone = good_zone(keystore)
    zone[DOMAIN].append([b"v=spf1 mx -all"])
    assert codes(run(keystore, zone), Severity.ERROR) == {"spf-multiple"}


def test_softfail_all_is_a_warning_that_explains_the_fix(keystore):
    zone = good_zone(keystore)
    zone[DOMAIN] = [[b"v=spf1 ip4:192.0.2.10 ~all"]]
    findings = run(keystore, zone)
    assert codes(findings, Severity.WARNING) == {"spf-softfail"}
    assert not codes(findings, Severity.ERROR)
    assert "-all" in str(next(f for f in findings if f.code == "spf-softfail"))


@pytest.mark.parametrize("record,code", [
    (b"v=spf1 ip4:192.0.2.10 +all", "spf-permissive"),
    (b"v=spf1 ip4:192.0.2.10 ?all", "spf-permissive"),
    (b"v=spf1 ip4:192.0.2.10", "spf-no-all"),
])
def test_spf_that_does_not_forbid_others(keystore, record, code):
    zone = good_zone(keystore)
    zone[DOMAIN] = [[record]]
    assert codes(run(keystore, zone), Severity.ERROR) == {code}


def test_redirect_is_followed_for_the_all_term(keystore):
    zone = good_zone(keystore)
    zone[DOMAIN] = [[b"v=spf1 redirect=_spf.ccm.example"]]
    zone["_spf.ccm.example"] = [[b"v=spf1 ip4:192.0.2.10 -all"]]
    assert "spf-ok" in codes(run(keystore, zone))


def lookup_zone(keystore, total: int) -> dict:
    """Return a zone whose SPF needs ``total`` lookups, spread over nested includes."""
    zone = good_zone(keystore)
    # Top: 2 lookups + include (1) -> level 1: 3 lookups + include (1) -> level 2: rest.
    zone[DOMAIN] = [[b"v=spf1 a mx include:_l1.ccm.example -all"]]
    zone["_l1.ccm.example"] = [[b"v=spf1 a:x.ccm.example mx:y.ccm.example exists:z.ccm.example "
                                b"include:_l2.ccm.example -all"]]
    rest = total - 7
    zone["_l2.ccm.example"] = [[b"v=spf1 " + b" ".join([b"a"] * rest) + b" -all"]]
    return zone


def test_ten_lookups_are_allowed(keystore):
    findings = run(keystore, lookup_zone(keystore, 10))
    assert "spf-too-many-lookups" not in codes(findings)
    assert "spf-ok" in codes(findings)


def test_eleven_lookups_exceed_the_limit(keystore):
    findings = run(keystore, lookup_zone(keystore, 11))
    assert codes(findings, Severity.ERROR) == {"spf-too-many-lookups"}
    assert "11" in str(next(f for f in findings if f.code == "spf-too-many-lookups"))


def test_include_loop_ends(keystore):
    zone = good_zone(keystore)
    zone[DOMAIN] = [[b"v=spf1 include:_loop.ccm.example -all"]]
    zone["_loop.ccm.example"] = [[b"v=spf1 include:_loop.ccm.example -all"]]
    assert "spf-too-many-lookups" in codes(run(keystore, zone), Severity.ERROR)


def test_include_without_spf(keystore):
    zone = good_zone(keystore)
    del zone["_spf.mailhost.example"]
    assert codes(run(keystore, zone), Severity.ERROR) == {"spf-include-missing"}


@pytest.mark.parametrize("policy,severity,code", [
    ("none", Severity.ERROR, "dmarc-none"),
    ("quarantine", Severity.WARNING, "dmarc-quarantine"),
])
def test_dmarc_policy_weaker_than_reject(keystore, policy, severity, code):
    zone = good_zone(keystore)
    zone[f"_dmarc.{DOMAIN}"] = [[f"v=DMARC1; p={policy}; rua=mailto:d@ccm.example".encode()]]
    findings = run(keystore, zone)
    assert codes(findings, severity) == {code}
    assert "p=reject" in str(next(f for f in findings if f.code == code))


def test_dmarc_without_report_address(keystore):
    zone = good_zone(keystore)
    zone[f"_dmarc.{DOMAIN}"] = [[b"v=DMARC1; p=reject"]]
    findings = run(keystore, zone)
    assert codes(findings, Severity.WARNING) == {"dmarc-no-rua"}
    assert "dmarc-reject" in codes(findings, Severity.OK)


def test_missing_dmarc(keystore):
    zone = good_zone(keystore)
    del zone[f"_dmarc.{DOMAIN}"]
    assert codes(run(keystore, zone), Severity.ERROR) == {"dmarc-missing"}


def test_published_key_differs_from_signing_key(keystore, tmp_path):
    zone = good_zone(keystore)
    # Publish the key of another store under our selector: the classic rotation mistake.
    from treatydesk.core.mailtrust.keys import KeyStore

    stranger = KeyStore(tmp_path / "other").generate(DOMAIN, RSA_SELECTOR)
    zone[f"{RSA_SELECTOR}._domainkey.{DOMAIN}"] = [[stranger.public_record.encode()[:255],
                                                   stranger.public_record.encode()[255:]]]
    findings = run(keystore, zone)
    assert codes(findings, Severity.ERROR) == {"dkim-mismatch"}
    bad = next(f for f in findings if f.code == "dkim-mismatch")
    assert bad.name == f"{RSA_SELECTOR}._domainkey.{DOMAIN}"
    assert keystore.get(DOMAIN, RSA_SELECTOR).public_record in str(bad)


def test_pending_key_not_yet_published_is_a_warning(keystore):
    zone = good_zone(keystore)
    keystore.generate(DOMAIN, "td2027r", active=False)
    findings = run(keystore, zone)
    assert codes(findings, Severity.WARNING) == {"dkim-pending-missing"}
    assert not codes(findings, Severity.ERROR)


def test_no_active_key(keystore):
    keystore.retire(DOMAIN, RSA_SELECTOR)
    keystore.retire(DOMAIN, ED_SELECTOR)
    assert "dkim-no-key" in codes(run(keystore, good_zone(keystore)), Severity.ERROR)


def test_unreachable_nameserver_is_reported_not_raised(keystore):
    findings = check_domain(DOMAIN, keystore, nameserver=f"127.0.0.1:{free_port()}", timeout=1)
    assert findings
    assert codes(findings) == {"dns-unreachable"}


def test_large_answers_come_over_tcp(keystore):
    zone = good_zone(keystore)
    zone["big.ccm.example"] = [[b"x" * 255] * 8]
    with DnsServer(zone) as server:
        checker = DnsChecker(make_resolver(server.address, timeout=2))
        assert checker.txt("big.ccm.example") == ["x" * 255 * 8]
        assert ("tcp", "big.ccm.example") in server.queries


@pytest.mark.parametrize("text,expected", [
    ("127.0.0.1", ("127.0.0.1", 53)),
    ("127.0.0.1:5353", ("127.0.0.1", 5353)),
    ("::1", ("::1", 53)),
    ("[::1]:5353", ("::1", 5353)),
])
def test_parse_nameserver(text, expected):
    assert parse_nameserver(text) == expected


@pytest.mark.parametrize("text", ["ns.example", "127.0.0.1:0", "127.0.0.1:99999", "1.2.3"])
def test_parse_nameserver_refuses_names_and_bad_ports(text):
    with pytest.raises(ValueError):
        parse_nameserver(text)
