"""Text out of ``.docx`` and ``.pdf`` report files, shaped so the text parser sees structure.

``docx_text`` turns Word headings ("Heading N" / "Rubrik N") into markdown ``#`` lines,
bullets into ``- `` lines and tables into tab-separated rows, in document order.
``pdf_pages`` returns the text of each page; ``page_starts`` maps those pages onto the
normalised text. Both take bytes (no file I/O) and refuse corrupt or hostile input, such
as a truncated PDF or a zip bomb, with a ``ReportReadError`` naming the file.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from corpus.errors import ReportReadError
from corpus.pdf_layout import page_lines

logger = logging.getLogger(__name__)

#: Limits on a ``.docx`` container, checked before anything is decompressed.
MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024
MAX_ZIP_MEMBERS = 2000
MAX_COMPRESSION_RATIO = 100
#: Limits on a ``.pdf``.
MAX_PDF_PAGES = 2000
_EOF_WINDOW = 2048

_HEADING_STYLE = re.compile(r"^(?:heading|rubrik)\s*(\d)$", re.I)
_TITLE_STYLES = {"title", "rubrik"}
_BULLET_STYLE = re.compile(
    r"^(?:list bullet|list number|list paragraph|punktlista|numrerad lista|liststycke)", re.I
)
_NOT_DOCX = "filen är inte ett giltigt Word-dokument."
_WORD = re.compile(r"\S+")
# How far ahead in the normalised words a page word may match (resynchronises after a
# word normalising changed, without jumping over real text).
_LOOKAHEAD = 6


def check_zip_container(data: bytes, name: str) -> None:
    """Refuse a zip that is not one, has too many members or would inflate too far.

    ``zipfile`` never inflates a member beyond its declared size (it stops and fails the
    CRC), so the declared sizes are a safe upper bound to check up front.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise ReportReadError(name, f"not a zip container: {exc}", _NOT_DOCX) from exc
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos)
    if len(infos) > MAX_ZIP_MEMBERS:
        raise ReportReadError(name, f"zip with {len(infos)} members", "Word-dokumentet har för många delar.")
    if total > MAX_UNCOMPRESSED_BYTES or total > MAX_COMPRESSION_RATIO * max(packed, 1):
        raise ReportReadError(
            name,
            f"zip inflates to {total} bytes from {packed} (limits {MAX_UNCOMPRESSED_BYTES} bytes, "
            f"ratio {MAX_COMPRESSION_RATIO})",
            "Word-dokumentet packas upp till orimligt mycket data och avvisas.",
        )


def docx_text(data: bytes, name: str) -> str:
    """The text of a Word document with markdown headings, bullets and tab-separated tables."""
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    check_zip_container(data, name)
    try:
        document = Document(io.BytesIO(data))
        lines = list(_docx_lines(document))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, OSError) as exc:
        raise ReportReadError(name, f"not a readable .docx: {exc!r}", _NOT_DOCX) from exc
    except Exception as exc:  # lxml and python-docx raise many types on malformed XML
        raise ReportReadError(name, f"malformed .docx: {exc!r}", "Word-dokumentet är skadat.") from exc
    return "\n\n".join(lines)


@dataclass(slots=True)
class _Outline:
    """Where a Word document's headings stand so far: the last heading style's level and
    whether the document's title has been seen."""

    body_size: int
    level: int = 0
    titled: bool = False


#: Word's body text size when a document sets none (11 pt, in EMU).
_DEFAULT_BODY_SIZE = 11 * 12700
_MAX_HEADING_WORDS = 12


def _docx_lines(document: object) -> Iterator[str]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    normal = document.styles["Normal"].font.size  # type: ignore[attr-defined]
    outline = _Outline(int(normal) if normal else _DEFAULT_BODY_SIZE)
    for block in document.iter_inner_content():  # type: ignore[attr-defined]
        if isinstance(block, Paragraph):
            line = _paragraph_line(block, outline)
            if line:
                yield line
        elif isinstance(block, Table):
            rows = _table_rows(block)
            if rows:
                yield "\n".join(rows)


def _paragraph_line(paragraph: object, outline: _Outline) -> str:
    """One paragraph as a line: heading styles as markdown headings; the Title style after
    the document's own title, and a short paragraph set in bold type larger than the body,
    as headings one level below the last heading style (projects named that way under a
    "Projekten" chapter)."""
    text = " ".join(paragraph.text.split())  # type: ignore[attr-defined]
    if not text:
        return ""
    style = paragraph.style  # type: ignore[attr-defined]
    style_name = (style.name or "").strip() if style is not None else ""
    m = _HEADING_STYLE.match(style_name)
    if m:
        outline.level = max(1, min(int(m.group(1)), 6))
        return "#" * outline.level + " " + text
    below = "#" * min(outline.level + 1, 6) + " " + text
    if style_name.lower() in _TITLE_STYLES:
        if outline.titled:
            return below
        outline.titled = True
        return "# " + text
    if _BULLET_STYLE.match(style_name):
        return "- " + text
    if _set_as_heading(paragraph, text, outline.body_size):
        return below
    return _bold_lead_in(paragraph, text)


def _bold_lead_in(paragraph: object, text: str) -> str:
    """A paragraph opening with a bold label that ends in a colon or full stop ("**Hinder:**
    Arbetsförmedlingens …") keeps the bold as markdown: a run-in title, as in a Markdown
    report. Bold words inside a sentence are no title."""
    runs = [r for r in paragraph.runs if r.text]  # type: ignore[attr-defined]
    lead = ""
    for r in runs:
        if not r.bold:
            break
        lead += r.text
    label = " ".join(lead.split())
    if not label or len(label.split()) > _MAX_HEADING_WORDS or label[-1] not in ".:" or label == text:
        return text
    return f"**{label}** {text[len(label):].lstrip()}" if text.startswith(label) else text


def _set_as_heading(paragraph: object, text: str, body_size: int) -> bool:
    """A short paragraph without closing punctuation, all in bold type larger than the body."""
    if len(text.split()) > _MAX_HEADING_WORDS or text[-1] in ".:;,":
        return False
    runs = [r for r in paragraph.runs if r.text.strip()]  # type: ignore[attr-defined]
    if not runs or not all(r.bold for r in runs):
        return False
    style_size = paragraph.style.font.size if paragraph.style is not None else None  # type: ignore[attr-defined]
    sizes = [r.font.size or style_size for r in runs]
    return all(s is not None and s > body_size for s in sizes)


def _table_rows(table: object) -> list[str]:
    """One tab-separated line per row; a merged cell counts once."""
    rows = []
    for row in table.rows:  # type: ignore[attr-defined]
        cells: list[str] = []
        previous = None
        for cell in row.cells:
            if cell._tc is previous:  # horizontally merged: python-docx repeats the cell
                continue
            previous = cell._tc
            cells.append(" ".join(cell.text.split()))
        if any(cells):
            rows.append("\t".join(cells))
    return rows


def pdf_pages(data: bytes, name: str) -> list[str]:
    """The extracted text of each page of a PDF, in page order."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    if not data.lstrip()[:5] == b"%PDF-":
        raise ReportReadError(name, "no PDF header", "filen är inte en giltig PDF.")
    if b"%%EOF" not in data[-_EOF_WINDOW:]:
        raise ReportReadError(name, "no %%EOF marker: truncated PDF", "PDF-filen är ofullständig (avkortad).")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ReportReadError(name, "encrypted PDF", "PDF-filen är krypterad.")
        if len(reader.pages) > MAX_PDF_PAGES:
            raise ReportReadError(
                name, f"{len(reader.pages)} pages", f"PDF-filen har fler än {MAX_PDF_PAGES} sidor."
            )
        pages = [_page_text(page) for page in reader.pages]
    except ReportReadError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError) as exc:
        raise ReportReadError(name, f"unreadable PDF: {exc!r}", "PDF-filen är skadad.") from exc
    if not any(p.strip() for p in pages):
        raise ReportReadError(
            name, "PDF without a text layer", "PDF-filen innehåller ingen text (skannad bild?)."
        )
    return pages


def _page_text(page: object) -> str:
    """A page's text in layout mode, which keeps the blank lines between paragraphs and
    headings that the parser relies on; wide gaps (table columns) become tabs."""
    try:
        text = page.extract_text(extraction_mode="layout")  # type: ignore[attr-defined]
    except Exception:  # layout mode fails on some odd fonts; plain extraction still works
        logger.debug("layout extraction failed; using plain text", exc_info=True)
        text = page.extract_text()  # type: ignore[attr-defined]
    return "\n".join(page_lines(text or ""))


def page_starts(normalised: str, pages: Sequence[str]) -> tuple[int, ...]:
    """Offset in ``normalised`` where each page starts (one entry per page).

    Normalising keeps every word of the body as written but drops footers and the table of
    contents and rewraps lines, so pages are located by walking both word sequences in
    step: a page starts at the first normalised word that a pair of its own consecutive
    words matched (pairs, so a contents line never claims the heading it lists). A page
    none of whose words survive starts where the next page starts.
    """
    words = [m.group() for m in _WORD.finditer(normalised)]
    offsets = [m.start() for m in _WORD.finditer(normalised)]
    first_match: list[int | None] = [None] * len(pages)
    j = 0
    for p, page in enumerate(pages):
        own = _WORD.findall(page)
        for a, b in zip(own, own[1:], strict=False):
            for k in range(j, min(j + _LOOKAHEAD, len(words) - 1)):
                if words[k] == a and words[k + 1] == b:
                    if first_match[p] is None:
                        first_match[p] = offsets[k]
                    j = k + 1
                    break
    starts = [0] * len(pages)
    following = len(normalised)
    for p in range(len(pages) - 1, -1, -1):
        start = first_match[p]
        following = min(following, start) if start is not None else following
        starts[p] = following
    if starts:
        starts[0] = 0
    return tuple(starts)
