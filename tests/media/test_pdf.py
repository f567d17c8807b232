"""PDFs with scripts, actions run on opening or files packed inside are refused."""

import io

import pytest
from django.core.exceptions import ValidationError
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, NameObject, NumberObject

from treatydesk.media.validators import check_pdf


def pdf(change=None) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    if change:
        change(writer)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def open_at_first_page(writer):
    # No script: only "show page 1, fitted" when the file opens, which is still an action.
    page = writer.pages[0].indirect_reference
    writer._root_object[NameObject("/OpenAction")] = ArrayObject([page, NameObject("/Fit")])


def with_attachment(writer):
    writer.add_attachment("payload.exe", b"MZ\x90\x00 not really a program")


def with_page_action(writer):
    from pypdf.generic import DictionaryObject, TextStringObject

    action = DictionaryObject({NameObject("/S"): NameObject("/URI"),
                               NameObject("/URI"): TextStringObject("https://example.org/")})
    writer.pages[0][NameObject("/AA")] = DictionaryObject({NameObject("/O"): action})


def test_a_plain_pdf_is_accepted():
    check_pdf(pdf())


@pytest.mark.parametrize("change, name", [
    (open_at_first_page, "OpenAction"),
    (with_attachment, "EmbeddedFile"),
    (with_page_action, "AA"),
])
def test_actions_and_embedded_files_are_refused(change, name):
    with pytest.raises(ValidationError) as refused:
        check_pdf(pdf(change))
    assert refused.value.code == "pdf_active_content"
    assert name in refused.value.messages[0]


def test_numbers_do_not_trip_the_check():
    def harmless(writer):
        writer.pages[0][NameObject("/Rotate")] = NumberObject(90)

    check_pdf(pdf(harmless))


def with_javascript(writer):
    from pypdf.generic import DictionaryObject, TextStringObject

    writer._root_object[NameObject("/OpenAction")] = DictionaryObject({
        NameObject("/S"): NameObject("/JavaScript"),
        NameObject("/JS"): TextStringObject("app.alert('hello');")})


class Upload(io.BytesIO):
    def __init__(self, data: bytes, name: str):
        super().__init__(data)
        self.name = name
        self.size = len(data)


@pytest.mark.parametrize("name", ["notes.txt", "table.csv", "letter.docx", "NOTES.TXT",
                                  "no-extension"])
def test_a_pdf_with_javascript_is_refused_whatever_its_name(name):
    from treatydesk.media.validators import check_document_file

    with pytest.raises(ValidationError):
        check_document_file(Upload(pdf(with_javascript), name))


def test_a_pdf_header_after_other_bytes_is_still_a_pdf():
    from treatydesk.media.validators import check_document_file

    data = b"just some text first\n" + pdf(with_javascript)
    with pytest.raises(ValidationError):
        check_document_file(Upload(data, "notes.txt"))


@pytest.mark.parametrize(("data", "name"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00", "notes.txt"),
    (b"plain words", "report.docx"),
    (b"PK\x03\x04 zipped", "table.csv"),
])
def test_content_that_is_not_what_the_name_says_is_refused(data, name):
    from treatydesk.media.validators import check_document_file

    with pytest.raises(ValidationError) as raised:
        check_document_file(Upload(data, name))
    assert raised.value.code == "content_mismatch"


@pytest.mark.parametrize(("data", "name"), [
    (b"state,date\nIraq,2013-05-14\n", "list.csv"),
    ("Note verbale — Genève".encode("cp1252"), "note.txt"),
    (b"PK\x03\x04 an office file", "report.docx"),
])
def test_content_that_matches_the_name_is_accepted(data, name):
    from treatydesk.media.validators import check_document_file

    check_document_file(Upload(data, name))
