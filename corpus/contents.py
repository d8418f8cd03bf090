"""The table of contents a report opens with: found and taken out of the text, its entries
kept (they guide which lines are headings, ``corpus.headings``). Kept apart from
``corpus.normalise`` because a contents list comes in many shapes: paged with dot leaders,
unpaged title lines, or a Word list typed by hand with one paragraph per entry."""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOC_HEADING = re.compile(r"^#*\s*(innehållsförteckning|innehåll|contents|table of contents)\s*:?$", re.I)
# A TOC entry: a title, then dot leaders, a tab or spaces, then a page number.
_TOC_ENTRY = re.compile(r"^(?P<title>\S.*?)(?:\s*\.{2,}\s*|\t+|\s{2,}|\s+)(?P<page>\d{1,3})$")
_LEADERS = re.compile(r"[\s.]*\.{2,}[\s.]*$")
_TERMINAL = (".", "!", "?", ";", "…")


@dataclass(frozen=True, slots=True)
class TocEntry:
    """One line of a removed table of contents: the title as listed and its page."""

    title: str
    page: int


def _toc_entry(line: str) -> TocEntry | None:
    m = _TOC_ENTRY.match(line)
    if not m or line.startswith(("-", "*", "•")):
        return None
    title = _LEADERS.sub("", m.group("title")).strip()
    if not title or "\t" in title or not re.search(r"[A-Za-zÅÄÖåäö]", title):
        return None
    return TocEntry(title=title, page=int(m.group("page")))


def remove_toc(lines: list[str]) -> tuple[list[str], list[TocEntry]]:
    """Drop a table of contents: after a TOC heading, or an unheaded block of ≥4 entries."""
    for i, line in enumerate(lines):
        if _TOC_HEADING.match(line):
            entries, end = _toc_block(lines, i + 1)
            if not entries:
                entries, end = _unpaged_toc_block(lines, i + 1)
            if entries:
                return lines[:i] + lines[end:], entries
    i = 0
    while i < len(lines):
        entries, end = _toc_block(lines, i)
        pages = [e.page for e in entries]
        if len(entries) >= 4 and pages == sorted(pages) and _has_leaders(lines[i:end]):
            return lines[:i] + lines[end:], entries
        i = max(end, i + 1)
    return lines, []


def _unpaged_toc_block(lines: list[str], start: int) -> tuple[list[TocEntry], int]:
    """A contents list without page numbers under a TOC heading: the run of short title
    lines up to the first blank line after it (entries get page 0). A Word contents list
    typed by hand has a paragraph, so a blank line, per entry: there the run is of
    one-line paragraphs, and it ends where the body begins, at a marked heading, a
    sentence, a long line, a title repeated or a title over running text."""
    j = start
    while j < len(lines) and not lines[j]:
        j += 1
    first = j
    entries: list[TocEntry] = []
    while j < len(lines) and _entry_like(lines[j]):
        entries.append(TocEntry(title=lines[j], page=0))
        j += 1
    if len(entries) == 1 and j < len(lines) and not lines[j]:
        entries, j = _one_line_paragraphs(lines, first)
    return (entries, j) if len(entries) >= 3 else ([], start)


def _entry_like(line: str) -> bool:
    return bool(line) and len(line) <= 100 and not line.endswith(_TERMINAL)


def _one_line_paragraphs(lines: list[str], j: int) -> tuple[list[TocEntry], int]:
    """Entries that are one-line paragraphs, from ``j``; and the index after the last."""
    entries: list[TocEntry] = []
    end = j
    while j < len(lines):
        if not lines[j]:
            j += 1
            continue
        line, alone = lines[j], j + 1 >= len(lines) or not lines[j + 1]
        repeated = any(line == e.title for e in entries)
        body = line.startswith("#") or repeated or _paragraph_follows(lines, j + 1)
        if not (alone and _entry_like(line)) or body:
            break
        entries.append(TocEntry(title=line, page=0))
        end = j = j + 1
    return entries, end


def _paragraph_follows(lines: list[str], j: int) -> bool:
    """Whether the next paragraph from ``j`` is running text (several lines, a long line or
    a sentence), not another entry."""
    while j < len(lines) and not lines[j]:
        j += 1
    if j >= len(lines):
        return False
    return len(lines[j]) > 100 or lines[j].endswith(_TERMINAL) or j + 1 < len(lines) and bool(lines[j + 1])


def _has_leaders(block: list[str]) -> bool:
    return sum(1 for line in block if ".." in line or line.count("\t") == 1) >= len(block) // 2


def _toc_block(lines: list[str], start: int) -> tuple[list[TocEntry], int]:
    """TOC entries from ``start`` on (blank lines allowed), and the index after the block."""
    entries: list[TocEntry] = []
    end = start
    for j in range(start, len(lines)):
        if not lines[j]:
            continue
        entry = _toc_entry(lines[j])
        if entry is None:
            break
        entries.append(entry)
        end = j + 1
    return entries, end
