"""A small, plain PDF of text lines, for the meeting documents of the default content.

Real text (selectable, searchable) in Helvetica with WinAnsi encoding, which covers English,
French and Spanish; no fonts embedded, no scripts, one page per ~50 lines.
"""

import textwrap

LINES_PER_PAGE = 48
WRAP = 88


def _escape(text: str) -> bytes:
    data = text.encode("cp1252", errors="replace")
    return data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def text_pdf(title: str, paragraphs: list[str]) -> bytes:
    """Return a PDF showing ``title`` in bold and then ``paragraphs``, wrapped to the page."""
    lines: list[tuple[str, bool]] = [(title, True), ("", False)]
    for paragraph in paragraphs:
        wrapped = textwrap.wrap(paragraph, WRAP) or [""]
        lines += [(line, False) for line in wrapped] + [("", False)]
    pages = [lines[i:i + LINES_PER_PAGE] for i in range(0, len(lines), LINES_PER_PAGE)]

    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below, once the page tree's number is known
    tree = add(b"")
    regular = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                  b"/Encoding /WinAnsiEncoding >>")
    bold = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold "
               b"/Encoding /WinAnsiEncoding >>")
    kids = []
    for page_lines in pages:
        stream = [b"BT", b"/F1 11 Tf", b"14 TL", b"56 790 Td"]
        for text, strong in page_lines:
            stream.append(b"/F2 13 Tf" if strong else b"/F1 11 Tf")
            stream.append(b"(" + _escape(text) + b") Tj T*")
        stream.append(b"ET")
        content = b"\n".join(stream)
        content_number = add(b"<< /Length %d >>\nstream\n" % len(content) + content
                             + b"\nendstream")
        kids.append(add(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> >> >>"
            % (tree, content_number, regular, bold)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % tree
    objects[tree - 1] = (b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids)
                         + b"] /Count %d >>" % len(kids))
    info = add(b"<< /Title (" + _escape(title) + b") /Producer (Treaty Desk) >>")

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += (b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objects) + 1, catalog, info, xref))
    return bytes(out)
