"""The words a question uses to ask for a fact ("kostar", "pengar", "projektledare"), as
stems per field: what the facts answer rather than content a passage must repeat."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from qa.understanding import ASKS_COST, normalise
from qa.vocabulary import FIELD_WORDS

# "Hur mycket pengar/stöd …", "hur stort bidrag …", "vilket belopp …": a sum of money is asked.
_ASKS_MONEY = re.compile(
    r"(?i)\bhur\s+mycket\s+(?:\S+\s+){0,2}?(?:pengar|stöd|bidrag|medel|eu-\w+)\b"
    r"|\bhur\s+stor(?:t|a)?\s+(?:\S+\s+){0,2}?(?:belopp|bidrag|stöd)\b|\bvilket\s+belopp\b"
)


def asks_money(text: str) -> bool:
    """Whether a question asks for a sum of money: a cost, a payment or a grant."""
    return ASKS_COST.search(normalise(text)) is not None or _ASKS_MONEY.search(text) is not None


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
