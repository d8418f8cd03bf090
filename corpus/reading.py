"""Reading a report: bytes from a file (the only I/O) → text → a parsed ``Report``.

``parse_report`` is pure: raw text in, a ``Report`` with normalised text, section tree,
projects, title, year and period out. ``read_report`` reads a file and ``report_from_bytes``
an upload: ``.txt``/``.md`` are decoded, ``.docx``/``.pdf`` extracted (``corpus.formats``,
PDF page numbers kept in ``Report.page_starts``); empty, binary, corrupt or undecodable
input is refused with a ``ReportReadError``.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from corpus.errors import ReportReadError
from corpus.formats import docx_text, page_starts, pdf_pages
from corpus.headings import find_heading_lines
from corpus.normalise import normalise
from corpus.projects import build_projects, names_by_heading
from corpus.sections import build_sections
from corpus.types import Report, Section

logger = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = (".txt", ".md", ".docx", ".pdf")
_MAX_CONTROL_RATIO = 0.05
_MONTH = r"(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)"
_PERIOD_VALUE = rf"(?:{_MONTH}\s+)?\d{{4}}(?:-\d\d-\d\d)?\s*[-–]\s*(?:{_MONTH}\s+)?\d{{4}}(?:-\d\d-\d\d)?"
_PERIOD = (
    re.compile(rf"omfattar\s+(?:tids)?perioden\s+\*?(?P<p>{_PERIOD_VALUE})", re.I),
    re.compile(rf"(?:aktuella|rapporterade)\s+perioden,?\s+\*?(?P<p>{_PERIOD_VALUE})", re.I),
    # A title-page line: "Rapportperiod: 2022-01-01 – 2022-12-31".
    re.compile(rf"^\W*(?:rapport|redovisnings|verksamhets)?period\W*:\W*(?P<p>{_PERIOD_VALUE})", re.I | re.M),
)
# What a report calls itself before its year: "Årsrapport 2027", "Årsuppföljning 2018",
# "Lägesrapport för verksamhetsåret 2028" (not the date it was signed).
_TITLE_YEAR = re.compile(
    r"\b(?:rapport|årsrapport|lägesrapport|verksamhetsberättelse|årsuppföljning|uppföljning"
    r"|verksamhetsåret|kalenderåret)\w*\s+(\d{4})\b",
    re.I,
)
# The title page: a report names itself there before any chapter.
_TITLE_PAGE = 1000
_DATE_YEAR = re.compile(r"^\W*datum\W*\s*(\d{4})-\d\d-\d\d", re.I | re.M)


def _decode(data: bytes, name: str) -> str:
    if b"\x00" in data:
        raise ReportReadError(name, "binary content (NUL bytes)", "filen innehåller binära data, inte text.")
    for encoding in ("utf-8", "utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding != "utf-8":
            logger.warning("report %s decoded as %s", name, encoding)
        return text
    raise ReportReadError(name, "not valid UTF-8 or cp1252 text", "filen är inte kodad som UTF-8-text.")


def _check_text(text: str, name: str) -> None:
    if not text.strip():
        raise ReportReadError(name, "the file is empty", "filen är tom.")
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f" or 0x7F <= ord(c) < 0xA0)
    if controls / len(text) > _MAX_CONTROL_RATIO:
        raise ReportReadError(
            name, "binary content (control characters)", "filen innehåller binära data, inte text."
        )


def read_report(path: Path) -> Report:
    """Read and parse a report file; its id is the file name without extension."""
    name = path.name
    _check_suffix(name)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReportReadError(name, f"cannot open file: {exc.strerror}", "filen kunde inte öppnas.") from exc
    return report_from_bytes(data, name)


def _check_suffix(name: str) -> str:
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ReportReadError(
            name, f"unsupported file type {suffix!r}", "filtypen stöds inte (.txt, .md, .docx, .pdf)."
        )
    return suffix


def report_from_bytes(data: bytes, name: str, report_id: str | None = None) -> Report:
    """Parse a report file's bytes; the type comes from ``name``'s suffix and the id, unless
    given, from ``name`` without extension."""
    suffix = _check_suffix(name)
    report_id = report_id or Path(name).stem
    if not data:
        raise ReportReadError(name, "the file is empty", "filen är tom.")
    if suffix == ".pdf":
        pages = pdf_pages(data, name)
        report = parse_report(report_id, "\n\n".join(pages), source_name=name)
        return dataclasses.replace(report, page_starts=page_starts(report.text, pages))
    text = docx_text(data, name) if suffix == ".docx" else _decode(data, name)
    if suffix == ".md":
        text = html_tables_as_lines(setext_as_atx(without_front_matter(text)))
    _check_text(text, name)
    return parse_report(report_id, text, source_name=name)


# A Markdown file's YAML front matter: "---", "title: …", "date: …", "---" at the very top.
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(?P<body>(?:.*\n){0,40}?)(?:---|\.\.\.)[ \t]*(?:\n|\Z)")
_FRONT_FIELD = re.compile(
    r"^(?P<key>[A-Za-zÅÄÖåäö_][\wåäöÅÄÖ -]{0,40}):[ \t]*(?P<q>[\"']?)(?P<value>.+?)(?P=q)[ \t]*$"
)
_TITLE_KEYS = ("title", "titel")


def without_front_matter(text: str) -> str:
    """Markdown with its YAML front matter as the report's own lines: the title as its
    heading (unless the body opens with one) and each other field as a label line under it
    ("Rapportperiod: 2033-01-01 – 2033-12-31"), which the report's date and facts may need."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return text
    body = text[m.end() :].lstrip("\n")
    title, labels = None, []
    for line in m.group("body").splitlines():
        field = _FRONT_FIELD.match(line)
        if not field:
            continue  # nested or list values: structure, not text
        key, value = field.group("key").strip(), field.group("value").strip()
        if key.casefold() in _TITLE_KEYS:
            title = value
        else:
            labels.append(f"{key.replace('_', ' ').capitalize()}: {value}")
    heading = re.match(r"# .*\n?", body)
    if heading:
        head, body = heading.group(0).rstrip("\n"), body[heading.end() :]
    else:
        head = f"# {title}" if title else ""
    return "\n\n".join(x for x in (head, "\n".join(labels), body.lstrip("\n")) if x)


# An HTML table in Markdown (a wiki's export): a row of a header cell and a value cell is a
# label line; a row of plain cells a pipe-table row; the table's own tags are no text.
_HTML_LABEL_ROW = re.compile(
    r"^\s*<tr>\s*<th[^>]*>(?P<label>.*?)</th>\s*<td[^>]*>(?P<value>.*?)</td>\s*</tr>\s*$",
    re.MULTILINE | re.IGNORECASE,
)
_HTML_ROW = re.compile(r"^\s*<tr>(?P<cells>.*?)</tr>\s*$", re.MULTILINE | re.IGNORECASE)
_HTML_CELL = re.compile(r"<t[hd][^>]*>(.*?)</t[hd]>", re.IGNORECASE)
_HTML_TABLE_TAG = re.compile(r"^\s*</?(?:table|thead|tbody|tfoot)[^>]*>\s*$", re.MULTILINE | re.IGNORECASE)


def html_tables_as_lines(text: str) -> str:
    """Markdown's HTML tables as the lines the fact readers know ("Projektledare: X", "| a | b |")."""
    if "<tr" not in text.lower():
        return text
    text = _HTML_LABEL_ROW.sub(lambda m: f"{m.group('label').strip()}: {m.group('value').strip()}", text)
    text = _HTML_ROW.sub(
        lambda m: "| " + " | ".join(c.strip() for c in _HTML_CELL.findall(m.group("cells"))) + " |", text
    )
    return _HTML_TABLE_TAG.sub("", text)


# A setext heading: a line of text underlined with "===" (level 1) or "---" (level 2).
_SETEXT = re.compile(r"^(?P<title>[^\n]*\S[^\n]*)\n(?P<rule>=+|-+)[ \t]*$", re.MULTILINE)
# Lines a Markdown underline cannot make a heading of: list items, table rows, quotes, headings.
_NOT_SETEXT_TITLE = re.compile(r"^\s*(?:[-*+>|#]|\d+[.)]\s)")


def setext_as_atx(text: str) -> str:
    """Markdown's underlined headings as ``#``/``##`` lines. In Markdown the underline
    gives the level (``===`` a chapter, ``---`` a section), while in plain text an
    underline says only that the line is a title (``corpus.normalise`` decides its role)."""
    def atx(m: re.Match[str]) -> str:
        title = m.group("title")
        if _NOT_SETEXT_TITLE.match(title) or len(m.group("rule")) < 3:
            return m.group(0)
        return ("# " if m.group("rule")[0] == "=" else "## ") + title.strip()

    return _SETEXT.sub(atx, text)


def parse_report(
    report_id: str,
    raw_text: str,
    *,
    source_name: str | None = None,
    count_tokens: Callable[[str], int] | None = None,
) -> Report:
    """Parse raw report text into a ``Report``; all offsets refer to ``Report.text``.

    ``count_tokens``, when given, is only used to log the report's size in model tokens.
    """
    name = source_name or report_id
    _check_text(raw_text, name)
    norm = normalise(raw_text)
    if not norm.text.strip():
        raise ReportReadError(name, "no text left after normalising (only markup)",
                              "filen innehåller ingen text.")
    try:
        heads = find_heading_lines(norm.text, norm.toc)
        sections = build_sections(norm.text, heads, names_by_heading(heads, norm.text))
        projects = build_projects(norm.text, sections, heads)
    except Exception:
        # A layout the parser mishandles must not keep a report out of the index: its text
        # is still searchable and citable, as one section without projects.
        logger.exception("report %s: structure not understood, indexed as plain text", name)
        sections, projects = build_sections(norm.text, [], {}), []
    title = _title(sections, norm.toc[0].title if norm.toc else None, norm.text)
    report = Report(
        id=report_id,
        title=title,
        year=find_year(title, norm.text),
        text=norm.text,
        sections=sections,
        projects=projects,
        period=find_period(norm.text),
        source_name=source_name,
    )
    if count_tokens is not None:
        logger.debug("report %s: %d tokens", report_id, count_tokens(norm.text))
    logger.info("parsed %s: %d sections, %d projects", report_id, len(report.all_sections()), len(projects))
    return report


def _title(sections: list[Section], toc_first: str | None, text: str) -> str:
    """The first heading's title; the TOC's first entry when it is that heading's own wording.

    A title page that opens with the publisher ("Kalmar kommun") and names the report on a
    following line ("Årsrapport 2025") gets both: the year is read from the title."""
    first = sections[0].title if sections else ""
    if toc_first and first.replace("*", "").startswith(toc_first):
        return toc_first
    first = first.replace("*", "").strip()
    front = sections[0] if sections else None
    if front is not None and front.heading is not None and not _TITLE_YEAR.search(first):
        lines = text[front.heading.end : front.body.end].split("\n")
        following = [x.strip().replace("*", "") for x in lines if x.strip()][:4]
        named = next((x for x in following if len(x) <= 60 and _TITLE_YEAR.fullmatch(x)), None)
        if named:
            return f"{first} – {named}"
    return first


def find_year(title: str, text: str) -> int | None:
    """The report's year: from its title, else its title page ("Årsuppföljning 2018" below
    the publisher's name), else its date line, else the most mentioned year.

    A yearly report is signed the year after the one it reports ("Datum: 2019-03-22"), so
    the date line comes after what the report calls itself."""
    for pattern, source in ((_TITLE_YEAR, title), (_TITLE_YEAR, text[:_TITLE_PAGE]), (_DATE_YEAR, text)):
        m = pattern.search(source)
        if m:
            return int(m.group(1))
    years = Counter(int(y) for y in re.findall(r"\b(19[5-9]\d|20\d\d)\b", text))
    return years.most_common(1)[0][0] if years else None


def find_period(text: str) -> str | None:
    """The period the report covers where it says so ("juni 2018-maj 2019"), as written."""
    for pattern in _PERIOD:
        m = pattern.search(text)
        if m:
            return m.group("p").strip()
    return None
