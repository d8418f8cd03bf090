"""A Swedish sentence splitter that returns spans, so citations can point at exact sentences.

Units: every bullet line, table row and label line with dot leaders ("Budget ........ <belopp>")
is one unit (kept whole); other lines are split after ``.``, ``!`` or ``?`` when
whitespace and an upper-case letter, digit, quote, bracket or ``*`` follow, except after
Swedish abbreviations ("t.ex.", "bl.a.", "ca.", "s.k.", "kr.", "fr.o.m." …), initials
("K. Olsson") and list numbers ("2. "). Decimal numbers and dates never split because they
contain no whitespace. Every line end is a boundary. Spans are trimmed of surrounding
whitespace and cover every non-space character of the input range.
"""

from __future__ import annotations

import re

from corpus.types import Span

ABBREVIATIONS = frozenset(
    (
        "t.ex",
        "bl.a",
        "ca",
        "s.k",
        "kr",
        "fr.o.m",
        "t.o.m",
        "m.m",
        "osv",
        "o.s.v",
        "dvs",
        "d.v.s",
        "inkl",
        "exkl",
        "resp",
        "nr",
        "st",
        "jfr",
        "m.fl",
        "p.g.a",
        "pga",
        "mfl",
        "mm",
        "etc",
        "e.d",
        "ev",
        "tel",
        "enl",
        "ang",
        "kap",
        "dir",
        "prop",
        "f.d",
        "f.n",
        "d.ä",
        "dr",
        "fig",
        "tab",
        "s",
        "sid",
        "ff",
        "jan",
        "feb",
        "febr",
        "mar",
        "apr",
        "aug",
        "sep",
        "sept",
        "okt",
        "nov",
        "dec",
        "vs",
        "ibl",
        "bl.annat",
        "sth",
        "kl",
    )
)
_BULLET = re.compile(r"^(?:[-–•*o]\s|\d{1,2}[.)]\s|[a-z][.)]\s)")
_DOT_LEADER = re.compile(r"^[^\W\d][^.:]{0,40}?\s*(?:\.{3,}|…+)\s*\S")
_CANDIDATE = re.compile(r"[.!?…]+[\"”'’)\]*]*(?=\s+[\"”'’(\[*]*[A-ZÅÄÖÉÜ0-9])")
_TOKEN_BEFORE = re.compile(r"(\S+)$")


def _is_abbreviation(piece: str) -> bool:
    """Whether the period ending ``piece`` belongs to an abbreviation, initial or list number."""
    m = _TOKEN_BEFORE.search(piece)
    if not m:
        return False
    raw = m.group(1).lstrip('("”*')
    token = raw.lower().rstrip(".")
    if token in ABBREVIATIONS:
        return True
    if len(raw) == 1 and raw.isupper():
        return True  # an initial: "K. Olsson"
    return token.isdigit() and len(token) <= 2 and piece.strip() == m.group(1)  # "2. Nästa steg"


def _split_line(text: str, start: int, end: int) -> list[Span]:
    line = text[start:end]
    if _BULLET.match(line) or "\t" in line or line.startswith("|") or _DOT_LEADER.match(line):
        return [Span(start, end)]
    out: list[Span] = []
    cut = 0
    for m in _CANDIDATE.finditer(line):
        if line[m.start()] == "." and _is_abbreviation(line[cut : m.start()]):
            continue
        out.append(Span(start + cut, start + m.end()))
        cut = m.end()
        while cut < len(line) and line[cut].isspace():
            cut += 1
    if cut < len(line):
        out.append(Span(start + cut, end))
    return out


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence (or bullet) spans of ``text[start:end]``, in order, in absolute offsets."""
    stop = len(text) if end is None else end
    spans: list[Span] = []
    for m in re.finditer(r"[^\n]+", text[start:stop]):
        raw = m.group(0)
        left = len(raw) - len(raw.lstrip())
        right = len(raw.rstrip())
        if right > left:
            spans.extend(_split_line(text, start + m.start() + left, start + m.start() + right))
    return spans


def is_subheading(text: str) -> bool:
    """A short line without closing punctuation that is not a bullet: a sub-heading inside
    a section ("Case X Energismart"), which introduces what follows and supports nothing
    on its own."""
    t = text.strip()
    return (
        len(t) < 80 and not t.endswith((".", "!", "?", ":", ";", ")")) and not t.startswith(("-", "•", "*"))
    )
