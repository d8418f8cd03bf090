"""Retrieval chunks: sentence-aligned, inside one section, sized in the embedding model's tokens.

Each section's own text (its body up to its first child heading) is split into sentence
units (bullets and table rows whole) and packed greedily up to ``target`` tokens; a chunk
still under half the target may grow up to ``max_tokens``; a full chunk closes before its
last sub-heading line rather than mid-paragraph when that keeps it at least half the
target; a small trailing piece joins the previous chunk of the same section when it fits.
A single unit longer than ``max_tokens`` is split at clause boundaries, then between
words, as a last resort. Heading lines are never inside a chunk; every other non-space
character is in exactly one chunk, in order.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from corpus.sentences import is_subheading, split_sentences
from corpus.types import Chunk, Report, Section, Sentence, Span

logger = logging.getLogger(__name__)

TokenCounter = Callable[[str], int]
_CLAUSE_BREAK = re.compile(r"[,;:–]\s+|\s+")
_WORD_BREAK = re.compile(r"\s+")


def chunk_report(
    report: Report, count_tokens: TokenCounter, *, target: int = 280, max_tokens: int = 480
) -> list[Chunk]:
    """All chunks of ``report`` in document order; ``text == report.text[start:end]`` for each."""
    if target <= 0 or max_tokens < target:
        raise ValueError(f"need 0 < target <= max_tokens, got target={target}, max_tokens={max_tokens}")
    chunks: list[Chunk] = []
    for section in report.all_sections():
        start, end = own_region(section)
        units = _units(report.text, start, end, count_tokens, max_tokens)
        for group in _pack(report.text, units, count_tokens, target, max_tokens):
            chunks.append(_make_chunk(report, section, group))
    logger.debug("report %s: %d chunks", report.id, len(chunks))
    return chunks


def own_region(section: Section) -> tuple[int, int]:
    """The part of a section's body that belongs to no child: up to the first child's heading."""
    end = section.body.end
    if section.children:
        first = section.children[0]
        end = first.heading.start if first.heading else first.body.start
    return section.body.start, end


def _units(text: str, start: int, end: int, count: TokenCounter, max_tokens: int) -> list[Span]:
    units: list[Span] = []
    for span in split_sentences(text, start, end):
        units.extend(_fit(text, span, count, max_tokens))
    return units


def _fit(text: str, span: Span, count: TokenCounter, max_tokens: int) -> list[Span]:
    """Split one over-long unit at clause boundaries, then words, then characters."""
    if count(text[span.start : span.end]) <= max_tokens:
        return [span]
    for pattern in (_CLAUSE_BREAK, _WORD_BREAK):
        pieces = _greedy_cut(text, span, pattern, count, max_tokens)
        if all(count(text[p.start : p.end]) <= max_tokens for p in pieces):
            return pieces
    return _cut_characters(text, span, count, max_tokens)


def _greedy_cut(
    text: str, span: Span, pattern: re.Pattern[str], count: TokenCounter, max_tokens: int
) -> list[Span]:
    """Pieces ending at ``pattern`` matches, each as long as fits (a piece may still overflow)."""
    cuts = [span.start + m.end() for m in pattern.finditer(text[span.start : span.end])]
    cuts = [c for c in cuts if c < span.end] + [span.end]
    pieces: list[Span] = []
    start = span.start
    while start < span.end:
        following = [c for c in cuts if c > start]
        best = following[0]
        for cut in following:
            if count(text[start:cut]) > max_tokens:
                break
            best = cut
        pieces.append(_trim(text, start, best))
        start = best
    return [p for p in pieces if p.end > p.start]


def _cut_characters(text: str, span: Span, count: TokenCounter, max_tokens: int) -> list[Span]:
    pieces: list[Span] = []
    start = span.start
    while start < span.end:
        size = span.end - start
        while size > 1 and count(text[start : start + size]) > max_tokens:
            size //= 2
        pieces.append(_trim(text, start, start + size))
        start += size
    return [p for p in pieces if p.end > p.start]


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def _pack(
    text: str, units: list[Span], count: TokenCounter, target: int, max_tokens: int
) -> list[list[Span]]:
    groups: list[list[Span]] = []
    current: list[Span] = []
    for unit in units:
        if current:
            grown = count(text[current[0].start : unit.end])
            small = count(text[current[0].start : current[-1].end]) < target // 2
            if grown <= target or (small and grown <= max_tokens):
                current.append(unit)
                continue
            cut = _best_cut(text, current, unit, count, target, max_tokens)
            groups.append(current[:cut])
            current = current[cut:]
        current.append(unit)
    if current:
        groups.append(current)
    if len(groups) >= 2:
        tail = count(text[groups[-1][0].start : groups[-1][-1].end])
        if tail < target // 4 and count(text[groups[-2][0].start : groups[-1][-1].end]) <= max_tokens:
            groups[-2:] = [groups[-2] + groups[-1]]
    return groups


def _best_cut(
    text: str, current: list[Span], unit: Span, count: TokenCounter, target: int, max_tokens: int
) -> int:
    """Where to close the full chunk ``current`` before ``unit``: at its latest sub-heading
    line ("Case X Energismart" inside a group's section) when that leaves it at least half
    the target, so a sub-heading's goal and result sentences stay together; else right
    before ``unit``. (Cutting at every paragraph break as well measured worse: it made
    many small chunks and split lessons from their context.)"""
    if _opens_subsection(text, current[-1], unit):
        return len(current)
    for j in range(len(current) - 1, 0, -1):
        if count(text[current[0].start : current[j - 1].end]) < target // 2:
            break
        if count(text[current[j].start : unit.end]) > max_tokens:
            break
        if _opens_subsection(text, current[j - 1], current[j]):
            return j
    return len(current)


def _opens_subsection(text: str, before: Span, after: Span) -> bool:
    """Whether ``after`` is a sub-heading line standing in a paragraph of its own."""
    return text.count("\n", before.end, after.start) >= 2 and is_subheading(text[after.start : after.end])


def _make_chunk(report: Report, section: Section, group: list[Span]) -> Chunk:
    start, end = group[0].start, group[-1].end
    text = report.text[start:end]
    return Chunk(
        id=Chunk.make_id(report.id, section.heading_path, text),
        report_id=report.id,
        project=section.project,
        section_title=section.title,
        section_type=section.section_type,
        heading_path=section.heading_path,
        start=start,
        end=end,
        text=text,
        sentences=tuple(Sentence(u.start, u.end) for u in group),
        page=report.page_at(start),
    )
