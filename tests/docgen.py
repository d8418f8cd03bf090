"""Builders of small ``.docx`` and ``.pdf`` test documents (no external tools).

A PDF is written by hand: one page object per page, text lines drawn with the standard
Helvetica font in WinAnsi encoding (so å, ä, ö survive), and a correct xref table.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence


def _pdf_string(line: str) -> bytes:
    raw = line.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def make_pdf(pages: Sequence[Sequence[str]]) -> bytes:
    """A valid PDF whose page ``i`` shows the lines ``pages[i]`` top to bottom."""
    n = len(pages)
    # Objects: 1 catalog, 2 pages, 3 font, then per page: page object and its content.
    objects: list[bytes] = []
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(n))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    for i, lines in enumerate(pages):
        ops = [b"BT /F1 11 Tf 14 TL 56 780 Td"]
        for line in lines:
            ops.append(_pdf_string(line) + b" Tj T*")
        ops.append(b"ET")
        stream = b"\n".join(ops)
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe5\xe4\xf6\n")
    offsets = []
    for num, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % num + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def make_docx(blocks: Sequence[tuple[str, object]]) -> bytes:
    """A ``.docx`` from ``(kind, value)`` blocks: ``("heading1".."heading4", text)``,
    ``("title", text)``, ``("p", text)``, ``("bullet", text)``, ``("table", rows)``, and
    ``("bold16", text)`` / ``("bold", text)``: a paragraph in bold 16 pt / bold body type, and
    ``("lead", (label, text))``: a paragraph opening with a bold label run ("Hinder:")."""
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    for kind, value in blocks:
        if kind in ("bold16", "bold"):
            run = doc.add_paragraph().add_run(str(value))
            run.bold = True
            if kind == "bold16":
                run.font.size = Pt(16)
        elif kind == "lead":
            label, text = value  # type: ignore[misc]
            paragraph = doc.add_paragraph()
            paragraph.add_run(str(label)).bold = True
            paragraph.add_run(" " + str(text))
        elif kind == "title":
            doc.add_heading(str(value), level=0)
        elif kind.startswith("heading"):
            doc.add_heading(str(value), level=int(kind[-1]))
        elif kind == "bullet":
            doc.add_paragraph(str(value), style="List Bullet")
        elif kind == "table":
            rows = list(value)  # type: ignore[call-overload]
            table = doc.add_table(rows=len(rows), cols=len(rows[0]))
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = str(cell)
        else:
            doc.add_paragraph(str(value))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def make_zip_bomb(size: int = 8 * 1024 * 1024) -> bytes:
    """Bytes of a ``.docx``-shaped zip whose document inflates to ``size`` zero bytes."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf,
        zf.open("word/document.xml", "w", force_zip64=True) as member,
    ):
        chunk = b"\0" * (1024 * 1024)
        for _ in range(size // len(chunk)):
            member.write(chunk)
    return out.getvalue()
