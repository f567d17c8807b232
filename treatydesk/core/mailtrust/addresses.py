"""Read the one address a From line names, strictly enough that readers and we agree."""

from __future__ import annotations

import re
from email import errors, policy
from email.header import decode_header, make_header
from functools import lru_cache

_FOLD_RE = re.compile(rb"\r?\n")

#: The stdlib address parser slows down badly on long hostile input; a real From
#: line is far shorter than this.
MAX_FROM_LENGTH = 1000
#: Longer values are cut before decoding: enough to show, not enough to stall.
MAX_DISPLAY_LENGTH = 2000


def unfold(value: bytes) -> str:
    """Return a raw header value as one line of text; undecodable bytes stay visible as such."""
    return _FOLD_RE.sub(b"", value).decode("utf-8", "surrogateescape").strip()


@lru_cache(maxsize=512)
def from_domain(value: bytes) -> str | None:
    """Return the lower-cased domain of the single mailbox in a From value, or None.

    None when the value names no mailbox, several mailboxes, or is malformed in any
    way the standard parser notices: a lenient reading is where a phisher hides a
    second address that one program shows and another checks. Cached: the parser
    takes a millisecond, and a mailing repeats one From line thousands of times.
    """
    if len(value) > MAX_FROM_LENGTH:
        return None
    try:
        header = policy.default.header_factory("From", unfold(value))
        addresses = header.addresses
    except (errors.HeaderParseError, IndexError, ValueError, TypeError, AttributeError):
        # The stdlib parser raises these (IndexError for "x@") on malformed input.
        return None
    if header.defects or len(addresses) != 1:
        return None
    domain = addresses[0].domain.lower()
    if not addresses[0].username or not re.fullmatch(r"[a-z0-9.-]+", domain):
        return None
    return domain


def decoded_text(value: bytes) -> str:
    """Return a header value with RFC 2047 encoded words decoded, never raising."""
    text = unfold(value[:MAX_DISPLAY_LENGTH])
    try:
        text = str(make_header(decode_header(text)))
    except (errors.HeaderParseError, LookupError, UnicodeError, ValueError):
        pass  # keep the undecoded text: showing something beats showing nothing
    # Undecodable bytes become "?", so that templates can always encode the result.
    return text.encode("utf-8", "replace").decode("utf-8")
