"""Choosing the supporting sentence(s) inside a retrieved chunk.

A citation's ``quote`` is the sentence (or adjacent pair) of its chunk that shares the
most question terms, weighted so rare terms count more; the span is exact, so the widget
can highlight it and a reader can check it against the report.
"""

from __future__ import annotations

import bisect
import functools
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from corpus.sentences import is_subheading
from corpus.types import Chunk

if TYPE_CHECKING:
    from qa.everyday import GeneralSwedish

Analyze = Callable[[str], list[str]]

#: Distinct passage texts whose analysis is kept (sentences and chunks of the index).
PASSAGE_CACHE = 8192


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    start: int
    end: int
    score: float


#: Strong verbs whose forms the Snowball stemmer leaves apart ("gick", "gått", "går").
_STRONG_VERBS = {
    form: lemma
    for lemma, forms in {
        "gå": "gick gått går",
        "få": "fick fått får",
        "ta": "tog tagit tar",
        "bli": "blev blivit blir",
        "gör": "gjord gjort",
        "komm": "kom kommit",
        "se": "såg sett ser",
        "ge": "gav gett givit ger",
        "håll": "höll hållit",
        "skriv": "skrev skrivit",
        "driv": "drev drivit",
        "stå": "stod stått står",
        "nå": "når nådde nådd nått",
    }.items()
    for form in forms.split()
}


_PARTICLES = frozenset(
    "på in ut upp av an till genom om fort över under be för med mot bort fram igen ned ner åter".split()
)


def canonical(term: str) -> str:
    """Fold what the Swedish stemmer leaves apart: strong verb forms ("gick" → "gå"), a
    definite ending on short nouns ("målet" → "mål") and verbal nouns ("förlängning" →
    "förläng"), so question and passage meet."""
    if term in _STRONG_VERBS:
        return _STRONG_VERBS[term]
    # Particle verbs: "pågick", "pågår" → "pågå"; "består" → "bestå".
    for form, lemma in _STRONG_VERBS.items():
        if term.endswith(form) and term[: -len(form)] in _PARTICLES:
            return term[: -len(form)] + lemma
    # Twice: the stemmer leaves "samarbetet" whole but cuts "samarbete" to "samarbet",
    # so one cut would leave the two forms apart ("samarbet" vs "samarb").
    for _ in range(2):
        if len(term) >= 5 and term.endswith(("et", "en")) and not term[-3].isdigit():
            term = term[:-2]
    # The stemmer cuts "startat" to "start" but leaves "startats" (passive) as "startat".
    if len(term) >= 6 and term.endswith("at"):
        term = term[:-2]
    # Verbal nouns meet their verb: "förlängningen" → "förläng" as "förlängdes" does,
    # "rekryteringen" → "rekryter" as "rekrytera". The stem left must keep five letters,
    # so "förening", "tidning" and "ökning" stay whole.
    if len(term) >= 9 and term.endswith("ning"):
        return term[:-4]
    if len(term) >= 8 and term.endswith("ring"):
        return term[:-3]
    return term


class TermWeights:
    """Inverse document frequency of stemmed terms over the indexed chunks.

    ``query`` analyses question text (words kept whole); ``passage`` analyses report text
    with compounds also split into their known parts, so a question's "utbildning" meets a
    passage's "yrkesutbildning" but not the other way round.
    """

    def __init__(
        self, query: Analyze, passage: Analyze, texts: Iterable[str], general: GeneralSwedish | None = None
    ):
        self._query = query
        self.general = general
        self._passage = passage
        # Answers analyse the same report sentences over and over (0.5 ms of a 1.4 ms
        # cached answer before this cache); bounded, because chunk texts at 100× the corpus
        # would take a few hundred MB if all were kept.
        self._passage_terms = functools.lru_cache(maxsize=PASSAGE_CACHE)(self._analyse_passage)
        df: dict[str, int] = {}
        n = 0
        for text in texts:
            n += 1
            for term in set(self._analyse_passage(text)):
                df[term] = df.get(term, 0) + 1
        self.n = max(n, 1)
        self.df = df
        self._sorted = sorted(df)

    def query(self, text: str) -> list[str]:
        return [canonical(t) for t in self._query(text)]

    def passage(self, text: str) -> tuple[str, ...]:
        return self._passage_terms(text)

    def _analyse_passage(self, text: str) -> tuple[str, ...]:
        return tuple(canonical(t) for t in self._passage(text))

    def idf(self, term: str) -> float:
        """The term's idf over the indexed chunks. A term no report uses gets the highest,
        less by how common it is in general Swedish (``general``): "folk" in a question
        says less than "kameraövervakning", though neither is in the reports."""
        df = self.df.get(term, 0)
        full = math.log(1 + self.n / (1 + df))
        if df or self.general is None or self.known(term):
            return full
        return full * self.general.rarity(term)

    def everyday(self, term: str) -> bool:
        """An unknown term that is a common word of general Swedish (question wording)."""
        return self.general is not None and not self.known(term) and self.general.everyday(term)

    def known(self, term: str) -> bool:
        """Whether the reports use the term, alone or as the head of a compound."""
        if term in self.df:
            return True
        if len(term) < MIN_HEAD:
            return False
        i = bisect.bisect_left(self._sorted, term)
        return i < len(self._sorted) and self._sorted[i].startswith(term)


#: A question word this long also matches passage words it begins ("jämställd" meets
#: "jämställdhetsperspektiv"): the compound heads that index-time decompounding leaves whole.
MIN_HEAD = 7


def matched(query_terms: set[str], passage_terms: set[str]) -> set[str]:
    """The query terms a passage contains, exactly or as the head of a longer word."""
    out = query_terms & passage_terms
    for q in query_terms - out:
        if len(q) >= MIN_HEAD and any(p.startswith(q) for p in passage_terms):
            out.add(q)
    return out


def sentence_spans(chunk: Chunk) -> list[tuple[int, int]]:
    """The chunk's sentence spans in absolute offsets (the whole chunk if none recorded)."""
    spans = [(s.start, s.end) for s in chunk.sentences]
    return spans or [(chunk.start, chunk.end)]


def supports_nothing(text: str) -> bool:
    """A sub-heading inside a section (``is_subheading``), which supports nothing on its
    own; a table row of figures ("| Medarbetare validerade | 90 | 72 |") states them."""
    row = ("|" in text or "\t" in text) and any(ch.isdigit() for ch in text)
    return is_subheading(text) and not row


def best_quote(
    chunk: Chunk, query_terms: set[str], weights: TermWeights, max_sentences: int = 2,
    prefer: Callable[[str], bool] | None = None,
) -> Quote:
    """The run of up to ``max_sentences`` adjacent sentences of ``chunk`` that covers the
    most (idf-weighted) query terms; a neighbour is only added when it brings new terms,
    so a goal sentence before a result sentence is kept together with it. With ``prefer``,
    a run holding a sentence it accepts (one stating the count asked) comes first."""
    every = sentence_spans(chunk)
    # Original positions: a run never reaches over a sub-heading into the next paragraph.
    off = chunk.start
    kept = [i for i, (a, b) in enumerate(every) if not supports_nothing(chunk.text[a - off : b - off])]
    kept = kept or list(range(len(every)))
    spans = [every[i] for i in kept]
    term_sets = [
        matched(query_terms, set(weights.passage(chunk.text[a - chunk.start : b - chunk.start])))
        for a, b in spans
    ]
    accepted = [bool(prefer and prefer(chunk.text[a - off : b - off])) for a, b in spans]
    best: tuple[bool, float, int, int, int] | None = None  # (preferred, score, -length, -first, first) ...
    for first in range(len(spans)):
        covered: set[str] = set()
        for last in range(first, min(first + max_sentences, len(spans))):
            if last > first and kept[last] != kept[last - 1] + 1:
                break
            covered |= term_sets[last]
            score = sum(weights.idf(t) for t in covered)
            key = (any(accepted[first : last + 1]), score, -(last - first), -first, last)
            if best is None or key > best:
                best = key
    assert best is not None
    _, score, neg_len, neg_first, last = best
    first = -neg_first
    start, end = spans[first][0], spans[last][1]
    return Quote(chunk.text[start - chunk.start : end - chunk.start], start, end, score)
