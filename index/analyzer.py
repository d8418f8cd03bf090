"""The Swedish lexical analyzer behind the keyword index: text in, search terms out.

Steps: lower-case; split on anything that is not a letter or digit (so ``*``, hyphens
and punctuation go); drop Swedish stopwords and one-letter words; Snowball Swedish
stemming (PyStemmer). At index time long words are also *decompounded* into parts
that occur on their own in the corpus, so a question about "utbildning" reaches
"yrkesutbildning" and "undersköterskeutbildningen", and "samverkan" reaches
"samverkansformer".

Decompounding is deliberately conservative, because naive splitting over-matches
("kommunikation" is not about a "kommun"):

* a **tail** (the compound's last part) is emitted when it has at least
  ``min_tail`` characters, is not a stopword, and is a *known* word: seen standing
  alone in the corpus, or (for stems of at least ``min_known_stem`` characters) an
  inflection of such a word ("utbildningen" when only "utbildning" occurs). Short
  stems must match exactly, because "ledare" and "vidare" stem to "led" and "vid";
* the head before the tail must have at least ``min_head`` characters and must not
  be a stopword or a verb particle: "för|ändring", "redo|visar", "inne|hålla" are
  derivations, not compounds;
* a **head** is emitted only when it ends in the linking "s" ("samverkans-"),
  the head without the "s" is a known word, and the tail is long enough;
* tails are decompounded again, so "handledarutbildningen" yields the whole stem
  and "utbildning".

Only index-time text is decompounded; queries keep their words whole, so a question
about "yrkesutbildning" does not drift to every "utbildning".

The analyzer is fully described by :meth:`SwedishAnalyzer.config` (plain JSON), so a
saved keyword index re-creates exactly the analyzer it was built with.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import Stemmer

ANALYZER_VERSION = 1
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_MAX_DEPTH = 3
_STOPWORDS_FILE = Path(__file__).parent / "data" / "stopwords_sv.txt"
# Verb particles and prefixes that start derived words rather than compounds.
_PARTICLE_HEADS = frozenset((
    "an", "av", "be", "bi", "bort", "er", "fram", "från", "för", "före", "ge", "genom", "in",
    "inne", "med", "miss", "mot", "ned", "ner", "om", "på", "redo", "sam", "till", "undan",
    "under", "upp", "ur", "ut", "utom", "vid", "åter", "över",
))


def default_stopwords() -> frozenset[str]:
    """The Swedish stopword list shipped with the package (NLTK's Swedish list)."""
    text = _STOPWORDS_FILE.read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip())


class SwedishAnalyzer:
    """Turns Swedish text into stemmed search terms, with corpus-taught decompounding.

    >>> a = SwedishAnalyzer.learn(["Utbildning för alla.", "En yrkesutbildning startade."])
    >>> a.analyze("yrkesutbildningen", decompound=True)
    ['yrkesutbildning', 'utbildning']
    """

    def __init__(
        self,
        known_words: Iterable[str] = (),
        stopwords: Iterable[str] | None = None,
        min_head: int = 3,
        min_tail: int = 5,
        min_known_stem: int = 6,
    ) -> None:
        if min_head < 1 or min_tail < 2 or min_known_stem < 1:
            raise ValueError(f"min_head ({min_head}) must be ≥ 1, min_tail ({min_tail}) ≥ 2, "
                             f"min_known_stem ({min_known_stem}) ≥ 1")
        self.stopwords = frozenset(stopwords) if stopwords is not None else default_stopwords()
        self.min_head = min_head
        self.min_tail = min_tail
        self.min_known_stem = min_known_stem
        self._stemmer = Stemmer.Stemmer("swedish")
        self.known_words = frozenset(w for w in known_words if len(w) >= min_tail)
        self._known_stems = frozenset(
            st for st in (self.stem(w) for w in self.known_words) if len(st) >= min_known_stem
        )
        self._parts_cache: dict[str, tuple[str, ...]] = {}

    @classmethod
    def learn(cls, texts: Iterable[str], **kwargs: Any) -> SwedishAnalyzer:
        """An analyzer whose decompounding vocabulary is the standalone words of ``texts``."""
        plain = cls(**kwargs)
        words = {w for text in texts for w in plain.words(text) if not w.isdigit()}
        return cls(known_words=words, **kwargs)

    def config(self) -> dict[str, Any]:
        """Everything needed to re-create this analyzer (JSON-serialisable)."""
        return {
            "version": ANALYZER_VERSION,
            "stemmer": "swedish",
            "stopwords": sorted(self.stopwords),
            "min_head": self.min_head,
            "min_tail": self.min_tail,
            "min_known_stem": self.min_known_stem,
            "known_words": sorted(self.known_words),
        }

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> SwedishAnalyzer:
        """Re-create an analyzer saved with :meth:`config`."""
        if config.get("version") != ANALYZER_VERSION or config.get("stemmer") != "swedish":
            raise ValueError(f"unsupported analyzer config: version={config.get('version')!r}, "
                             f"stemmer={config.get('stemmer')!r}")
        return cls(
            known_words=config["known_words"],
            stopwords=config["stopwords"],
            min_head=int(config["min_head"]),
            min_tail=int(config["min_tail"]),
            min_known_stem=int(config["min_known_stem"]),
        )

    def words(self, text: str) -> list[str]:
        """Lower-cased words of ``text`` without stopwords and one-letter words."""
        return [
            w for w in _WORD.findall(text.lower())
            if w not in self.stopwords and (len(w) > 1 or w.isdigit())
        ]

    def stem(self, word: str) -> str:
        """The Snowball Swedish stem of one lower-cased word."""
        return str(self._stemmer.stemWord(word))

    def analyze(self, text: str, decompound: bool = False) -> list[str]:
        """Search terms of ``text``: stems in order, plus compound parts when ``decompound``."""
        terms: list[str] = []
        for word in self.words(text):
            terms.append(self.stem(word))
            if decompound:
                terms.extend(self.compound_parts(word))
        return terms

    def compound_parts(self, word: str) -> tuple[str, ...]:
        """Stems of the known parts of a compound ``word`` (empty when it is not one)."""
        cached = self._parts_cache.get(word)
        if cached is None:
            whole = self.stem(word)
            parts = [p for p in dict.fromkeys(self._split(word, _MAX_DEPTH)) if p != whole]
            cached = tuple(parts)
            self._parts_cache[word] = cached
        return cached

    def _split(self, word: str, depth: int) -> list[str]:
        """Stems of the parts found in ``word``: the longest known tail (recursively) and
        a linking-s head."""
        if depth == 0 or len(word) < self.min_head + self.min_tail:
            return []
        out: list[str] = []
        for cut in range(self.min_head, len(word) - self.min_tail + 1):
            head, tail = word[:cut], word[cut:]
            if head in self.stopwords or head in _PARTICLE_HEADS:
                continue
            if self._is_known(tail):
                out.append(self.stem(tail))
                out.extend(self._head_part(head))
                out.extend(self._split(tail, depth - 1))
                break
            out.extend(self._head_part(head))
        return out

    def _head_part(self, head: str) -> list[str]:
        """The head's stem when it is a known word joined by a linking "s" ("samverkans")."""
        if len(head) > self.min_tail and head.endswith("s") and self._is_known(head[:-1]):
            return [self.stem(head[:-1])]
        return []

    def _is_known(self, part: str) -> bool:
        """Whether ``part`` is long enough, not a stopword, and a (long-stemmed inflection
        of a) standalone corpus word."""
        if len(part) < self.min_tail or part in self.stopwords:
            return False
        return part in self.known_words or self.stem(part) in self._known_stems
