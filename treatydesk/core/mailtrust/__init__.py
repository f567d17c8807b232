"""Mail recipients can trust: DKIM keys, signing, DNS records and their check, verification.

Plain Python with no Django import; the mail app builds on these names.
"""

from .dnscheck import Finding, Severity, check_domain, make_resolver, parse_nameserver
from .keys import DkimKey, KeyStatus, KeyStore, KeyStoreError
from .records import TxtRecord, dkim_records, dmarc_record, domain_records, spf_record
from .signing import (
    Signer,
    SigningError,
    list_unsubscribe_headers,
    new_unsubscribe_token,
    sign_message_bytes,
)
from .text import Explanation
from .verify import Verdict, VerificationResult, Verifier, verify_message

__all__ = [
    "DkimKey",
    "Explanation",
    "Finding",
    "KeyStatus",
    "KeyStore",
    "KeyStoreError",
    "Severity",
    "Signer",
    "SigningError",
    "TxtRecord",
    "Verdict",
    "VerificationResult",
    "Verifier",
    "check_domain",
    "dkim_records",
    "dmarc_record",
    "domain_records",
    "list_unsubscribe_headers",
    "make_resolver",
    "new_unsubscribe_token",
    "parse_nameserver",
    "sign_message_bytes",
    "spf_record",
    "verify_message",
]
