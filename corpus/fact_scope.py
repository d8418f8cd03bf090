"""Which of a project's sentences state its own facts, and what its place in the report
states for it: an earlier phase's period and money are not the project's now ("Fas 1
pågick … med en budget på X. … Budgeten för fas 2 är Y"), nor a predecessor's told beside
it, while the chapter it stands in may name its fund ("Projekt inom Regionalfonden").
Pure functions over text; ``corpus.facts`` applies them."""

from __future__ import annotations

import re
from collections.abc import Iterable

from corpus.fact_patterns import FUND_WORDS, find_fund
from corpus.types import Report, Span

_PHASE = re.compile(r"\b(?:fas|etapp)\s+(\d)\b", re.IGNORECASE)
# The project's predecessor told in a relative clause: "… är ett fortsättningsprojekt till X,
# som drevs 2050–2053 med en budget på Y".
_ABOUT_PREDECESSOR = re.compile(r"(?:fortsättning\w*|uppföljning\w*)\s+(?:till|på|av)\s+[^,.;]{2,60},"
                                r"\s+som\s+(?:drevs|pågick|genomfördes|hade|finansierades)\b", re.IGNORECASE)


def latest_phase(texts: Iterable[str]) -> int | None:
    """The highest phase number a project's text names, when it names at least two."""
    numbers = {int(m.group(1)) for text in texts for m in _PHASE.finditer(text)}
    return max(numbers) if len(numbers) >= 2 else None


def earlier_phase(sentence: str, latest: int) -> bool:
    """Whether a sentence speaks of phases before ``latest`` only."""
    numbers = [int(m.group(1)) for m in _PHASE.finditer(sentence)]
    return bool(numbers) and max(numbers) < latest


def about_predecessor(sentence: str) -> bool:
    """Whether a sentence tells the period or money of the project's predecessor."""
    return _ABOUT_PREDECESSOR.search(sentence) is not None


def fund_chapter(report: Report, at: int) -> tuple[str, Span, Span] | None:
    """The fund a top-level chapter around ``at`` names in its title, with its span and the
    title's, when the title names exactly one fund."""
    for chapter in report.sections:
        if chapter.heading is None or not chapter.body.start <= at < chapter.body.end:
            continue
        title = report.text[chapter.heading.start:chapter.heading.end]
        if sum(bool(rx.search(title)) for rx in FUND_WORDS.values()) == 1 and (
                fund := find_fund(title, chapter.heading.start)):
            return fund[0], fund[1], chapter.heading
    return None


_ORDINAL = {"första": 1, "andra": 2, "tredje": 3, "fjärde": 4}
_ASKED_PHASE = re.compile(
    r"\b(?:(?:fas|etapp)\s+(\d)|(första|andra|tredje|fjärde)\s+(?:fasen|etappen|omgången))\b", re.IGNORECASE
)


def phase_named(text: str) -> int | None:
    """The phase a question names ("i fas 2", "andra etappen"), if any."""
    m = _ASKED_PHASE.search(text)
    if m is None:
        return None
    return int(m.group(1)) if m.group(1) else _ORDINAL[m.group(2).casefold()]


def of_other_phases(text: str, phase: int) -> bool:
    """Whether a passage speaks of phases other than ``phase`` only ("Under fas 1 deltog …")."""
    numbers = {int(m.group(1)) for m in _PHASE.finditer(text)}
    return bool(numbers) and phase not in numbers


def without_other_phases(text: str, phase: int) -> str:
    """``text`` without its sentences about other phases only ("Under fas 1 deltog 212 …")."""
    return " ".join(s for s in re.split(r"(?<=[.!?])\s+|\n+", text) if not of_other_phases(s, phase))
