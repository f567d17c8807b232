"""Turn what receivers send (XML, gzip, zip, or an e-mail carrying one) into report dicts.

The XML is parsed by parsedmarc (``parse_aggregate_report_xml``, offline: no DNS or
geolocation queries). Around it we add what hostile input needs: compressed files are opened
here with a cap on the unpacked size (a small zip can unpack to gigabytes), and the XML must
pass defusedxml first, which refuses DTDs and entities (no aggregate report has one; entity
tricks are how XML parsers are attacked).
"""

from __future__ import annotations

import gzip
import io
import zipfile
from datetime import UTC, datetime
from email import message_from_bytes, policy

import defusedxml.ElementTree
from defusedxml import DefusedXmlException

#: Reports from the largest receivers are a few megabytes of XML.
MAX_XML_BYTES = 20 * 1024 * 1024
MAX_INPUT_BYTES = 25 * 1024 * 1024


class ReportError(ValueError):
    """The input is not a DMARC aggregate report we can read; the message says why."""


def _gunzip(data: bytes) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as handle:
            out = handle.read(MAX_XML_BYTES + 1)
    except (OSError, EOFError) as error:
        raise ReportError(f"damaged gzip file: {error}") from None
    if len(out) > MAX_XML_BYTES:
        raise ReportError("the report unpacks to more than 20 MB")
    return out


def _unzip(data: bytes) -> list[bytes]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = [i for i in archive.infolist() if not i.is_dir()][:20]
        out = []
        for info in names:
            with archive.open(info) as handle:
                content = handle.read(MAX_XML_BYTES + 1)
            if len(content) > MAX_XML_BYTES:
                raise ReportError("the report unpacks to more than 20 MB")
            out.append(content)
        return out
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, RuntimeError, EOFError,
            NotImplementedError) as error:
        raise ReportError(f"damaged zip file: {error}") from None


def xml_documents(data: bytes) -> list[bytes]:
    """Return the XML documents in ``data``: plain, gzip, zip, or attached to an e-mail."""
    if len(data) > MAX_INPUT_BYTES:
        raise ReportError("the file is larger than 25 MB")
    if data[:2] == b"\x1f\x8b":
        return [_gunzip(data)]
    if data[:4] == b"PK\x03\x04":
        return _unzip(data)
    if data.lstrip()[:1] == b"<":
        return [data]
    return _from_email(data)


def _from_email(data: bytes) -> list[bytes]:
    message = message_from_bytes(data, policy=policy.compat32)
    documents = []
    for part in message.walk():
        if part.is_multipart():
            continue
        payload = part.get_payload(decode=True) or b""
        name = (part.get_filename() or "").lower()
        kind = part.get_content_type()
        if payload[:2] == b"\x1f\x8b" or name.endswith(".gz"):
            documents.append(_gunzip(payload))
        elif payload[:4] == b"PK\x03\x04" or name.endswith(".zip"):
            documents.extend(_unzip(payload))
        elif kind in ("text/xml", "application/xml") or name.endswith(".xml"):
            documents.append(payload)
    if not documents:
        raise ReportError("no DMARC report in it (an XML, .xml.gz or .zip file, or an e-mail "
                          "carrying one)")
    return documents


def _utc(text: str | None) -> datetime:
    # parsedmarc writes the report's Unix times as local wall-clock time; read them back so.
    moment = datetime.strptime(str(text), "%Y-%m-%d %H:%M:%S")
    return moment.astimezone(UTC)


def parse_xml(document: bytes) -> dict:
    """Return one aggregate report as a plain dict (see ``Report`` and ``Row``)."""
    try:
        defusedxml.ElementTree.fromstring(document, forbid_dtd=True)
    except DefusedXmlException:
        raise ReportError("the XML has a DTD or entities, which no DMARC report has") from None
    except defusedxml.ElementTree.ParseError as error:
        raise ReportError(f"not well-formed XML: {error}") from None
    import parsedmarc  # lazy: it loads GeoIP data and many modules, needed only here

    try:
        report = parsedmarc.parse_aggregate_report_xml(
            document, offline=True, always_use_local_files=True)
    except (parsedmarc.ParserError, KeyError, TypeError, ValueError) as error:
        raise ReportError(f"not a DMARC aggregate report: {error}") from None
    try:
        return _plain(report)
    except (KeyError, TypeError, ValueError) as error:
        raise ReportError(f"an incomplete DMARC aggregate report: {error!r}") from None


def _plain(report: dict) -> dict:
    meta, published = report["report_metadata"], report["policy_published"]
    rows = []
    for record in report["records"]:
        alignment, identifiers = record["alignment"], record["identifiers"]
        rows.append({
            "source_ip": record["source"]["ip_address"],
            "count": int(record["count"]),
            "header_from": (identifiers.get("header_from") or "")[:253],
            "envelope_from": (identifiers.get("envelope_from") or "")[:253],
            "disposition": (record["policy_evaluated"].get("disposition") or "")[:16],
            "dkim_aligned": bool(alignment["dkim"]),
            "spf_aligned": bool(alignment["spf"]),
            "passed": bool(alignment["dmarc"]),
            "dkim_domains": ", ".join(sorted({d["domain"] for d in
                                              record["auth_results"]["dkim"]
                                              if d.get("domain")}))[:500],
        })
    return {
        "org_name": (meta.get("org_name") or "")[:255],
        "org_email": (meta.get("org_email") or "")[:255],
        "report_id": (meta.get("report_id") or "")[:255],
        "domain": (published.get("domain") or "").lower()[:253],
        "begin": _utc(meta["begin_date"]),
        "end": _utc(meta["end_date"]),
        "policy": (published.get("p") or "")[:16],
        "adkim": (published.get("adkim") or "")[:1],
        "aspf": (published.get("aspf") or "")[:1],
        "rows": rows,
    }


def parse_reports(data: bytes) -> list[dict]:
    """Return every aggregate report in ``data`` (ReportError if there is none)."""
    return [parse_xml(document) for document in xml_documents(data)]
