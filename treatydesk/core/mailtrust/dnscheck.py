"""Check what a domain publishes in DNS against what its mail needs.

Each check returns findings: a severity, the DNS name concerned, and a sentence
saying what is wrong and how to fix it, for an operator who is not a mail expert.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from enum import StrEnum

import dns.exception
import dns.resolver
from dkim.util import InvalidTagValueList, parse_tag_value

from .keys import DkimKey, KeyStatus, KeyStore, normalize_name
from .text import Explanation
from .text import gettext_noop as _

#: RFC 7208 4.6.4: evaluating SPF may cause at most 10 DNS-querying terms.
SPF_LOOKUP_LIMIT = 10
_LOOKUP_TERMS = {"include", "a", "mx", "ptr", "exists", "redirect"}
_SPF_RE = re.compile(r"v=spf1(?:\s|\Z)", re.IGNORECASE)
_DMARC_RE = re.compile(r"\s*v\s*=\s*DMARC1\s*(?:;|\Z)")


class Severity(StrEnum):
    OK = "ok"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class Finding:
    """One result of a check: how bad, which DNS name, and what to do."""

    severity: Severity
    name: str
    explanation: Explanation

    @property
    def code(self) -> str:
        return self.explanation.code

    def __str__(self) -> str:
        return f"{self.severity}: {self.name}: {self.explanation}"


class LookupFailed(Exception):
    """The nameserver could not be asked, or did not answer."""


def parse_nameserver(text: str) -> tuple[str, int]:
    """Return (address, port) from ``IP``, ``IP:PORT`` or ``[IPv6]:PORT``."""
    text = text.strip()
    host, port = text, 53
    if text.startswith("["):
        host, _sep, rest = text[1:].partition("]")
        if rest:
            port = int(rest.removeprefix(":"))
    elif text.count(":") == 1:
        host, _sep, port_text = text.partition(":")
        port = int(port_text)
    ipaddress.ip_address(host)  # raises ValueError for anything but an IP address
    if not 0 < port < 65536:
        raise ValueError(f"port {port} is out of range")
    return host, port


def make_resolver(nameserver: str | None = None, timeout: float = 5.0) -> dns.resolver.Resolver:
    """Return a resolver asking ``nameserver`` (``IP[:PORT]``), or the system's resolvers."""
    if nameserver is None:
        resolver = dns.resolver.Resolver()
    else:
        host, port = parse_nameserver(nameserver)
        resolver = dns.resolver.Resolver(configure=False)
        resolver.nameservers = [host]
        resolver.port = port
    resolver.lifetime = timeout
    resolver.timeout = timeout
    return resolver


class DnsChecker:
    """Run the SPF, DMARC and DKIM checks through one resolver."""

    def __init__(self, resolver: dns.resolver.Resolver) -> None:
        self.resolver = resolver
        # After a timeout, fail the remaining lookups at once instead of waiting
        # out the timeout for each of them.
        self._failure: LookupFailed | None = None

    def txt(self, name: str) -> list[str]:
        """Return the TXT records at ``name``, each with its strings joined."""
        if self._failure is not None:
            raise self._failure
        try:
            answer = self.resolver.resolve(name, "TXT", search=False)
        except (dns.resolver.NXDOMAIN, dns.resolver.NoAnswer):
            return []
        except (dns.resolver.LifetimeTimeout, dns.resolver.NoNameservers) as error:
            self._failure = LookupFailed(str(error))
            raise self._failure from error
        except dns.exception.DNSException as error:
            raise LookupFailed(str(error)) from error
        return [b"".join(rdata.strings).decode("ascii", "replace") for rdata in answer]

    def check(self, domain: str, keystore: KeyStore) -> list[Finding]:
        """Return the findings of every check for ``domain``."""
        domain = normalize_name(domain)
        return [
            *self.check_spf(domain),
            *self.check_dmarc(domain),
            *self.check_dkim(domain, keystore),
        ]

    # SPF -------------------------------------------------------------------

    def check_spf(self, domain: str) -> list[Finding]:
        """Check that one SPF record ends in -all within the 10-lookup limit."""
        try:
            records = self._spf_records(domain)
        except LookupFailed as error:
            return [_unreachable(domain, error)]
        if not records:
            return [_error(domain, "spf-missing", _(
                "No SPF record: receivers cannot tell which servers may send mail as "
                "%(domain)s. Publish the SPF line printed by 'treatydesk mail dns'."),
                domain=domain)]
        if len(records) > 1:
            return [_error(domain, "spf-multiple", _(
                "%(count)s SPF records: receivers treat several as an error and ignore them "
                "all. Merge them into one record ending in -all."),
                count=str(len(records)))]
        findings = []
        try:
            qualifier = self._spf_all(domain, records[0])
            lookups, missing = self._spf_lookups(domain, records[0])
        except LookupFailed as error:
            return [_unreachable(domain, error)]
        if qualifier == "-":
            findings.append(_ok(domain, "spf-ok", _("SPF is published and ends in -all.")))
        elif qualifier == "~":
            findings.append(_warning(domain, "spf-softfail", _(
                "SPF ends in ~all (soft fail): receivers still accept forged mail, only "
                "marked as suspicious. Change ~all to -all.")))
        elif qualifier is None:
            findings.append(_error(domain, "spf-no-all", _(
                "SPF does not end in -all, so it does not say that other servers may not "
                "send as %(domain)s. Add -all at the end."), domain=domain))
        else:
            findings.append(_error(domain, "spf-permissive", _(
                "SPF ends in %(term)s, which lets any server send as %(domain)s. "
                "Change it to -all."), term=qualifier + "all", domain=domain))
        for target in missing:
            findings.append(_error(domain, "spf-include-missing", _(
                "SPF refers to %(target)s, which publishes no SPF record; receivers "
                "treat the whole SPF check as an error. Fix or remove that include."),
                target=target))
        if lookups > SPF_LOOKUP_LIMIT:
            findings.append(_error(domain, "spf-too-many-lookups", _(
                "Checking SPF takes %(count)s DNS lookups (include, a, mx, ptr, exists, "
                "redirect, counted through every include); the limit is 10, beyond which "
                "receivers fail every message. Replace includes with ip4:/ip6: addresses "
                "or drop senders you no longer use."), count=str(lookups)))
        return findings

    def _spf_records(self, domain: str) -> list[str]:
        return [r for r in self.txt(domain) if _SPF_RE.match(r)]

    def _spf_all(self, domain: str, record: str, depth: int = 0) -> str | None:
        """Return the qualifier of the record's ``all`` (following redirect=), or None."""
        terms = record.split()[1:]
        for term in terms:
            if term.lower().lstrip("+-~?") == "all":
                return term[0] if term[0] in "+-~?" else "+"
        redirect = next((t[9:] for t in terms if t.lower().startswith("redirect=")), None)
        if redirect and depth < SPF_LOOKUP_LIMIT and "%" not in redirect:
            target = self._spf_records(redirect)
            if len(target) == 1:
                return self._spf_all(redirect, target[0], depth + 1)
        return None

    def _spf_lookups(self, domain: str, record: str, budget: int = SPF_LOOKUP_LIMIT + 1):
        """Return (lookups, domains without SPF) for a record, following include and redirect.

        Stops counting once over the limit, which also ends include loops.
        """
        count, missing = 0, []
        for term in record.split()[1:]:
            lowered = term.lower().lstrip("+-~?")
            name = re.split(r"[:=/]", lowered, maxsplit=1)[0]
            if name not in _LOOKUP_TERMS:
                continue
            count += 1
            if count >= budget:
                return count, missing
            if name in {"include", "redirect"}:
                target = term.split("=" if name == "redirect" else ":", 1)[1]
                if "%" in target:
                    continue  # a macro: its target depends on the sender, we cannot follow
                records = self._spf_records(target)
                if len(records) != 1:
                    missing.append(target)
                    continue
                sub_count, sub_missing = self._spf_lookups(target, records[0], budget - count)
                count += sub_count
                missing += sub_missing
                if count >= budget:
                    return count, missing
        return count, missing

    # DMARC -----------------------------------------------------------------

    def check_dmarc(self, domain: str) -> list[Finding]:
        """Check the DMARC policy (reject) and its report address."""
        name = f"_dmarc.{domain}"
        try:
            records = [r for r in self.txt(name) if _DMARC_RE.match(r)]
        except LookupFailed as error:
            return [_unreachable(name, error)]
        if not records:
            return [_error(name, "dmarc-missing", _(
                "No DMARC record: receivers are not told to reject mail that fails DKIM "
                "and SPF, so forged mail from %(domain)s may reach inboxes. Publish the "
                "DMARC line printed by 'treatydesk mail dns'."), domain=domain)]
        if len(records) > 1:
            return [_error(name, "dmarc-multiple", _(
                "Several DMARC records: receivers ignore them all. Keep exactly one."))]
        tags = {}
        for part in records[0].split(";"):
            key, _sep, value = part.partition("=")
            tags[key.strip().lower()] = value.strip()
        findings = []
        policy = tags.get("p", "").lower()
        if policy == "reject":
            findings.append(_ok(name, "dmarc-reject", _(
                "DMARC tells receivers to reject mail that fails the checks.")))
        elif policy == "quarantine":
            findings.append(_warning(name, "dmarc-quarantine", _(
                "DMARC says p=quarantine: forged mail goes to spam folders rather than "
                "being refused, and readers do open spam. Once reports show that all real "
                "mail passes, change to p=reject.")))
        elif policy == "none":
            findings.append(_error(name, "dmarc-none", _(
                "DMARC says p=none: receivers deliver forged mail as usual and only report "
                "it. That is a first step for collecting reports; change to p=reject.")))
        else:
            findings.append(_error(name, "dmarc-no-policy", _(
                "The DMARC record has no valid p= policy, so receivers ignore it. "
                "Add p=reject.")))
        if tags.get("pct", "100") != "100":
            findings.append(_warning(name, "dmarc-pct", _(
                "DMARC applies its policy to only %(pct)s%% of failing mail; remove pct= "
                "so that it applies to all."), pct=tags["pct"]))
        rua = tags.get("rua", "")
        if not rua:
            findings.append(_warning(name, "dmarc-no-rua", _(
                "DMARC has no rua= report address, so nobody learns who sends mail as "
                "%(domain)s. Add rua=mailto: with a mailbox the secretariat reads."),
                domain=domain))
        elif not all(u.strip().lower().startswith("mailto:") for u in rua.split(",")):
            findings.append(_warning(name, "dmarc-bad-rua", _(
                "The DMARC report address must be a mailto: URI; receivers skip others.")))
        return findings

    # DKIM ------------------------------------------------------------------

    def check_dkim(self, domain: str, keystore: KeyStore) -> list[Finding]:
        """Check the record of every active and pending key: published, and the right key."""
        active = keystore.active(domain)
        findings = [] if active else [_error(domain, "dkim-no-key", _(
            "There is no active DKIM key for %(domain)s, so its mail cannot be signed. "
            "Make one with 'treatydesk mail keygen'."), domain=domain)]
        for key in active + keystore.pending(domain):
            findings += self._check_key(key)
        return findings

    def _check_key(self, key: DkimKey) -> list[Finding]:
        name = key.record_name
        try:
            records = self.txt(name)
        except LookupFailed as error:
            return [_unreachable(name, error)]
        params = {"selector": key.selector, "record": key.public_record}
        if not records:
            if key.status is KeyStatus.PENDING:
                return [_warning(name, "dkim-pending-missing", _(
                    "The new key %(selector)s is not published yet. Publish it and wait "
                    "for DNS to serve it before activating it: %(record)s"), **params)]
            return [_error(name, "dkim-missing", _(
                "No DKIM record for selector %(selector)s, which signs mail now: receivers "
                "cannot check those signatures and may reject the mail. Publish: "
                "%(record)s"), **params)]
        if len(records) > 1:
            return [_error(name, "dkim-multiple", _(
                "Several TXT records for selector %(selector)s; receivers may pick the "
                "wrong one. Keep only: %(record)s"), **params)]
        try:
            tags = parse_tag_value(records[0].encode("ascii", "replace"))
        except InvalidTagValueList:
            tags = {}
        published = re.sub(r"\s+", "", tags.get(b"p", b"").decode("ascii", "replace"))
        kind = tags.get(b"k", b"rsa").decode("ascii", "replace").strip().lower()
        if published != key.public_key_base64 or kind != key.algorithm:
            return [_error(name, "dkim-mismatch", _(
                "The key published for selector %(selector)s is not the key we sign "
                "with, so receivers will find our signatures invalid. Replace the record "
                "with: %(record)s"), **params)]
        if b"t" in tags and b"y" in tags[b"t"].split(b":"):
            return [_warning(name, "dkim-testing", _(
                "The key for selector %(selector)s is marked t=y (testing), which tells "
                "receivers to ignore failures. Remove t=y."), **params)]
        return [_ok(name, "dkim-ok", _(
            "The published key for selector %(selector)s is the key we sign with."),
            **params)]


def check_domain(
    domain: str, keystore: KeyStore, *, nameserver: str | None = None, timeout: float = 5.0
) -> list[Finding]:
    """Return the findings for ``domain`` as served by ``nameserver`` (``IP[:PORT]``)."""
    return DnsChecker(make_resolver(nameserver, timeout)).check(domain, keystore)


def _finding(severity: Severity, name: str, code: str, template: str, **params: str) -> Finding:
    return Finding(severity, name, Explanation(code, template, params))


def _ok(name: str, code: str, template: str, **params: str) -> Finding:
    return _finding(Severity.OK, name, code, template, **params)


def _warning(name: str, code: str, template: str, **params: str) -> Finding:
    return _finding(Severity.WARNING, name, code, template, **params)


def _error(name: str, code: str, template: str, **params: str) -> Finding:
    return _finding(Severity.ERROR, name, code, template, **params)


def _unreachable(name: str, error: LookupFailed) -> Finding:
    return _error(name, "dns-unreachable", _(
        "The nameserver did not answer for %(record)s (%(error)s). Check the address "
        "given with --nameserver, or try again later."), record=name, error=str(error))
