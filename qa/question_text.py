"""A question's text as the matchers read it: casefolded words between single spaces, and
word-prefix phrase matching on it. Kept apart because every reader of a question (its
fields, projects, scope) matches phrases the same way."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^\w.]+")
_DECIMAL_COMMA = re.compile(r"(?<=\d),(?=\d)")


def normalise(text: str) -> str:
    """Casefold, drop emphasis and dashes, unify "2,0" and "2.0", "i dag" → "idag"; words
    separated by spaces."""
    text = unicodedata.normalize("NFKC", text).replace("*", " ")
    text = _DECIMAL_COMMA.sub(".", text.casefold())
    text = _NON_WORD.sub(" ", text)
    # A trailing sentence period is not part of a word; a version dot ("2.0") is.
    text = re.sub(r"(?<!\d)\.|\.(?!\d)", " ", text)
    # "i dag" is one word, "idag" (a question-form word, not a topic "dag").
    text = f" {' '.join(text.split())} ".replace(" i dag ", " idag ")
    return text



def has_phrase(norm_text: str, phrase: str) -> bool:
    """Word-prefix match of ``phrase`` in normalised text ("budget" hits "budgeten"); a
    phrase ending in a space is a whole word ("mål " hits "vilka mål", not "målgrupp")."""
    words = normalise(phrase).strip()
    return f" {words} " in norm_text if phrase.endswith(" ") else f" {words}" in norm_text

