"""Sources as labelled citations: a title, a publisher or depositary notification, a link.

A fact's `source` holds the sources that agree, `; `-separated (treatydesk/core/treaties/
README.md).  Each entry is either a label ("UNTC status table (2014 copy)"), a link, or a
label followed by its link ("Landmine Monitor 2022, South Sudan <https://…>").  A bare link
is labelled with its publisher's host name, never shown as a raw URL.
"""

from __future__ import annotations

import re
from typing import NamedTuple
from urllib.parse import urlsplit

_URL_RE = re.compile(r"https?://\S+")
_CN_RE = re.compile(r"C\.N\.\d+\.\d{4}\.TREATIES[-A-Z0-9.]*", re.IGNORECASE)
#: Labels and hosts that are the depositary's own record (the UN Treaty Collection).
_DEPOSITARY_LABELS = ("untc", "un treaty collection", "united nations treaty collection",
                      "depositary notification")
_DEPOSITARY_HOSTS = ("treaties.un.org",)


class Citation(NamedTuple):
    """One source: `label` to show, `url` to link ("" if none), whether it is the depositary."""

    label: str
    url: str
    publisher: str
    depositary: bool


def parse_citations(source: str, cn_reference: str = "") -> list[Citation]:
    """Return the citations in a recorded `source` (the part before any `|| NOTE:`), the
    depositary notification `cn_reference` first when there is one."""
    listed = (source or "").split("||", 1)[0]
    citations: list[Citation] = []
    if cn_reference:
        citations.append(Citation(f"depositary notification {cn_reference}", "",
                                  "Secretary-General of the United Nations", True))
    for part in listed.split("; "):
        part = part.strip()
        if not part:
            continue
        match = _URL_RE.search(part)
        url = match.group(0).rstrip(">)") if match else ""
        label = _URL_RE.sub("", part).strip(" <>()-—,:") if match else part
        host = urlsplit(url).hostname or "" if url else ""
        publisher = host.removeprefix("www.")
        if not label:
            label = publisher or url
        if cn_reference and _CN_RE.fullmatch(label):
            continue
        lowered = label.lower()
        depositary = host in _DEPOSITARY_HOSTS or any(
            lowered.startswith(word) for word in _DEPOSITARY_LABELS
        ) or bool(_CN_RE.match(label))
        citations.append(Citation(label, url, publisher, depositary))
    return citations


def from_depositary(source: str, cn_reference: str = "") -> bool:
    """Return True when a cited source of the fact is the depositary's own record."""
    return any(citation.depositary for citation in parse_citations(source, cn_reference))
