"""Checks an uploaded file must pass before it enters the libraries.

Wagtail's image field already refuses files that are not images and images over
``WAGTAILIMAGES_MAX_UPLOAD_SIZE``; documents get the same size limit here, and PDFs that carry
JavaScript or launch actions are refused, since a reader opening "the instrument of ratification"
must not run code.
"""

from __future__ import annotations

import io
import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from pypdf import PdfReader
from pypdf.errors import PdfReadError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

from treatydesk.media.pdf import REFUSED_NAMES

logger = logging.getLogger(__name__)

DEFAULT_DOCUMENT_MAX_UPLOAD_SIZE = 20 * 1024 * 1024

# PDF names that run code, act when the document is opened or carry other files: the list is
# kept with the other upload rules, in treatydesk/media/pdf.py.
ACTIVE_CONTENT_NAMES = REFUSED_NAMES


def document_max_upload_size() -> int:
    """Return the largest document accepted, in bytes (``TREATYDESK_DOCUMENT_MAX_UPLOAD_SIZE``)."""
    return getattr(settings, "TREATYDESK_DOCUMENT_MAX_UPLOAD_SIZE",
                   DEFAULT_DOCUMENT_MAX_UPLOAD_SIZE)


def check_size(size: int) -> None:
    """Raise ``ValidationError`` when a file of ``size`` bytes is over the documents' limit."""
    limit = document_max_upload_size()
    if limit is not None and size > limit:
        raise ValidationError(
            _("This file is %(size)s; documents may be at most %(limit)s. Reduce the file "
              "(for example, save the PDF with compressed images) and upload it again.")
            % {"size": filesizeformat(size), "limit": filesizeformat(limit)},
            code="file_too_large",
        )


def _walk(obj, seen: set[int], depth: int = 0):
    """Yield every name used as a dictionary key or value under ``obj``, following references."""
    if depth > 200:
        return
    if isinstance(obj, IndirectObject):
        if obj.idnum in seen:
            return
        seen.add(obj.idnum)
        try:
            obj = obj.get_object()
        except (PdfReadError, ValueError, KeyError, OSError):
            return
    if isinstance(obj, DictionaryObject):
        for key, value in obj.items():
            yield key
            if isinstance(value, NameObject):
                yield str(value)
            else:
                yield from _walk(value, seen, depth + 1)
    elif isinstance(obj, ArrayObject):
        for item in obj:
            yield from _walk(item, seen, depth + 1)


def pdf_active_content(data: bytes) -> set[str]:
    """Return the names of active content (JavaScript, launch actions) found in a PDF.

    Every object reachable from the trailer is visited, including objects packed in compressed
    object streams, which a plain byte search would miss.
    """
    reader = PdfReader(io.BytesIO(data), strict=False)
    found = set()
    seen: set[int] = set()
    for name in _walk(reader.trailer, seen):
        if name in ACTIVE_CONTENT_NAMES:
            found.add(name)
    # Objects not reachable from the trailer can still be reached by a viewer that repairs
    # the file, so each object in the cross-reference table is visited as well.
    references = [(number, generation) for generation, numbers in reader.xref.items()
                  for number in numbers]
    references += [(number, 0) for number in getattr(reader, "xref_objStm", {})]
    for number, generation in references:
        for name in _walk(IndirectObject(number, generation, reader), seen):
            if name in ACTIVE_CONTENT_NAMES:
                found.add(name)
    return found


def check_pdf(data: bytes) -> None:
    """Raise ``ValidationError`` when ``data`` is not a readable PDF or carries active content."""
    if not data.lstrip()[:5] == b"%PDF-":
        raise ValidationError(
            _("This file has a .pdf name but is not a PDF document. Export it again as PDF."),
            code="not_pdf",
        )
    try:
        found = pdf_active_content(data)
    except (PdfReadError, ValueError, KeyError, OSError, RecursionError) as error:
        logger.info("unreadable PDF refused: %s", error)
        raise ValidationError(
            _("This PDF cannot be read; it may be damaged. Export it again and upload the new "
              "file."),
            code="unreadable_pdf",
        ) from None
    if found:
        raise ValidationError(
            _("This PDF contains JavaScript, actions that run when it is opened or files "
              "packed inside it (%(names)s), which readers' computers could run. Print it to a "
              "new PDF, or export it without scripts or attachments, and upload that file.")
            % {"names": ", ".join(sorted(name.lstrip("/") for name in found))},
            code="pdf_active_content",
        )


#: What a document's content must be for its name's extension (WAGTAILDOCS_EXTENSIONS).
EXPECTED_CONTENT = {"pdf": "pdf", "odt": "zip", "docx": "zip", "xlsx": "zip", "csv": "text",
                    "txt": "text"}
CONTENT_WORDS = {"pdf": gettext_lazy("a PDF document"),
                 "zip": gettext_lazy("an office document (ZIP)"),
                 "text": gettext_lazy("plain text"), "binary": gettext_lazy("a binary file")}


def content_kind(data: bytes) -> str:
    """Return what ``data`` is, by its bytes: "pdf", "zip", "text" or "binary".

    A PDF reader accepts the ``%PDF-`` header anywhere in the first 1024 bytes, so that is
    where it is looked for; a file that holds it is a PDF whatever else it starts with.
    """
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "zip"
    if b"\x00" in data:
        return "binary"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            data.decode("cp1252")
        except UnicodeDecodeError:
            return "binary"
    return "text"


def check_content_matches_name(data: bytes, name: str) -> str:
    """Raise ``ValidationError`` unless ``data`` is what the extension of ``name`` says."""
    extension = name.rsplit(".", 1)[-1] if "." in name else ""
    found = content_kind(data)
    expected = EXPECTED_CONTENT.get(extension)
    if expected is not None and found != expected:
        if found == "pdf" and expected == "text":
            raise ValidationError(
                _("This file is named .%(extension)s but is a PDF document. Name it .pdf and "
                  "upload it again; PDFs are checked for scripts.") % {"extension": extension},
                code="content_mismatch")
        raise ValidationError(
            _("This file is named .%(extension)s but its content is %(found)s, not "
              "%(expected)s. Upload the file under the name that matches what it is.")
            % {"extension": extension, "found": CONTENT_WORDS[found],
               "expected": CONTENT_WORDS[expected]},
            code="content_mismatch")
    return found


def check_document_file(file) -> None:
    """Raise ``ValidationError`` when an uploaded document is too large, is not what its name
    says (judged by its content) or is an unsafe PDF."""
    size = getattr(file, "size", None)
    if size is not None:
        check_size(size)
    name = (getattr(file, "name", "") or "").lower()
    position = file.tell() if hasattr(file, "tell") else None
    file.seek(0)
    data = file.read()
    if position is not None:
        file.seek(position)
    check_size(len(data))
    if name.endswith(".pdf"):
        check_pdf(data)
        return
    if check_content_matches_name(data, name) == "pdf":
        check_pdf(data)  # a PDF under another name is still checked for scripts
