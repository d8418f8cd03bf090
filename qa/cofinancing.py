"""A project's co-financing stated as an amount under its financier's word ("Kommunal
medfinansiering 468 000 kronor", "Regionens egen medfinansiering: 2 450 tkr"), for
questions of how much a financier brings ("Hur mycket skjuter kommunen själv till i X?").

Partners named as co-financiers (``corpus.partners``) carry no amount when the report
writes the amount under a kind of financier instead of a name; this reads those lines.
A question naming a financier the line does not name gets no answer from it: "Hur mycket
medfinansierar Arbetsförmedlingen?" is not answered by the municipality's share.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from corpus.numbers import Amount, find_amounts
from corpus.types import Chunk
from qa.question_text import normalise

# "Hur mycket skjuter kommunen själv till", "… egna pengar …", "Hur stor är medfinansieringen".
_ASKS = re.compile(
    r" hur mycket (?:\w+ ){0,5}?(?:medfinansier\w*|skjuter|sköt|skjutit|egna pengar|egen insats)"
    r"| hur stor (?:är |var )?(?:den |det )?(?:\w+ ){0,2}?medfinansiering\w*"
)
# The financier's words before "medfinansiering", then the amount: "Regionens egen
# medfinansiering: 2 450 tkr", "kommunal medfinansiering 985 tkr".
_LINE = re.compile(r"(?P<who>(?:[\wåäöÅÄÖ-]+\s+){0,3}?)(?:kontant\s+)?medfinansiering(?:en)?\b"
                   r"(?:\s+(?:uppgår\s+till|är|på|om))?\s*[:.]*\s*", re.IGNORECASE)
# Kinds of financier as a question calls them, and as a line names them.
_KINDS = {
    "kommun": (re.compile(r" (?:kommunen|kommunens|kommunal\w*|staden|stadens) "),
               re.compile(r"(?i)kommun|stad")),
    "region": (re.compile(r" (?:regionen|regionens|regional\w*) "), re.compile(r"(?i)region")),
}
# An organisation the question names: "Region Kalmar län", "Arbetsförmedlingen".
_NAMED = re.compile(r"(?<=\s)[A-ZÅÄÖ][\wåäö-]{2,}(?:\s+[A-ZÅÄÖ][\wåäö-]+)*")


@dataclass(frozen=True, slots=True)
class CofinancingLine:
    """A sentence stating co-financing as an amount, with the financier's words before it."""

    chunk: Chunk
    start: int  # absolute offsets of the sentence
    end: int
    who: str  # the financier's words before "medfinansiering" ("Regionens egen")
    amount: Amount

    @property
    def sentence(self) -> str:
        return " ".join(self.chunk.text[self.start - self.chunk.start : self.end - self.chunk.start].split())


def asks_cofinancing(text: str) -> bool:
    """Whether a question asks how much co-financing a project gets or a financier brings."""
    return _ASKS.search(normalise(text)) is not None


def cofinancing_lines(chunks: Iterable[Chunk]) -> list[CofinancingLine]:
    """Sentences that state co-financing as an amount right after its word."""
    out = []
    for chunk in chunks:
        for s in chunk.sentences:
            text = chunk.text[s.start - chunk.start : s.end - chunk.start]
            for m in _LINE.finditer(text):
                found = find_amounts(text[m.end() : m.end() + 40])
                if found and found[0].span.start == 0:
                    out.append(CofinancingLine(chunk, s.start, s.end, m.group("who").strip(), found[0]))
    return out


def matching(lines: list[CofinancingLine], question: str, project_words: set[str]) -> list[CofinancingLine]:
    """The lines whose financier is the one the question asks about: a kind ("kommunen
    själv", "regionen"), an organisation by name, or any when it names none."""
    norm = normalise(question)
    kinds = [line_rx for q_rx, line_rx in _KINDS.values() if q_rx.search(norm)]
    # Without the project's own name words ("Finsam Lund Alfa" → "Finsam Lund"), funds,
    # and the lower-case rest of a compound ("Smakbyn-projektet").
    names = [name for n in _NAMED.findall(question)
             if (name := " ".join(w for w in re.split(r"[\s-]+", n)
                                  if w[:1].isupper() and w.casefold() not in project_words))
             and not name.startswith(("EU", "ESF"))]
    out = []
    for line in lines:
        sentence = line.sentence
        if names and not all(n.casefold() in sentence.casefold() for n in names):
            continue
        if kinds and not any(rx.search(line.who) or rx.search(sentence) and not line.who for rx in kinds):
            continue
        out.append(line)
    return out
