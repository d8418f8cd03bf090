"""The words a question uses to ask for a fact ("kostar", "pengar", "projektledare"), as
stems per field: what the facts answer rather than content a passage must repeat."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from qa.vocabulary import FIELD_WORDS


class FieldTerms:
    def __init__(self, analyze: Callable[[str], list[str]], passage: Callable[[str], Sequence[str]]):
        self.by_field = {f: {t for w in words for t in analyze(w)} for f, words in FIELD_WORDS.items()}
        self.all: set[str] = set().union(*self.by_field.values())
        self._passage = passage

    def residual(self, terms: set[str]) -> set[str]:
        """Content terms that are not field words, nor compounds of one ("totalbudget")."""
        return {t for t in terms if not set(self._passage(t)) & self.all and not self._compound_of_one(t)}

    def _compound_of_one(self, term: str) -> bool:
        return any(len(f) >= 4 and term.startswith(f) for f in self.all)
