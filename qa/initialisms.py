"""Projects called by initials the report never defines: "VTA" for "Vasaloppsvägen till
arbete", "DSF" for "Digitala Siljansföretag" (a compound's later part gives a letter too).

Officials shorten long names this way in speech and mail. The letters must be written in
capitals in the question and fit exactly one project's name, so an ordinary word or an
acronym of a fund or an organisation never becomes a project.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Capital letters standing alone or before a hyphen ("VTA-projektet").
_CAPITALS = re.compile(r"(?<![\wåäöÅÄÖ-])([A-ZÅÄÖ]{2,6})(?![\wåäöÅÄÖ])")
# Small words a speaker leaves out of the initials ("Unga européer på Siljansgymnasiet" → "UES").
_SMALL = frozenset("i på för och av med vid till mot om från inom".split())
#: How many letters a compound's first part has at least before its next part gives a letter.
_PART = 3


def _fits(letters: str, words: list[str]) -> bool:
    """Whether ``letters`` are the words' initials in order, each word giving its first
    letter and possibly more from the starts of its later compound parts."""
    if not words:
        return not letters
    if not letters:
        return False
    word, rest = words[0], words[1:]
    if word[0] != letters[0]:
        return False
    # The word's first letter, then any letters from inside it (its compound parts) in order.
    return _inner(letters[1:], word, 1, rest)


def _inner(letters: str, word: str, at: int, rest: list[str]) -> bool:
    if _fits(letters, rest) or (rest and rest[0] in _SMALL and _fits(letters, rest[1:])):
        return True
    if not letters:
        return False
    for i in range(at + _PART - 1, len(word) - _PART + 1):
        if word[i] == letters[0] and _inner(letters[1:], word, i + 1, rest):
            return True
    return False


def fits_name(initials: str, name: str) -> bool:
    """Whether ``initials`` ("VTA", "DSF") abbreviate ``name``'s words, small words optional."""
    words = [w for w in re.split(r"[\s–-]+", name.casefold()) if w and w[0].isalpha()]
    if not words:
        return False
    # A small word may be left out, the name's first word may not.
    return _fits(initials.casefold(), words)


def initialism_mentions(question: str, names: Iterable[str], reserved: frozenset[str]) -> dict[str, str]:
    """Capitalised initials in ``question`` that fit exactly one of ``names``: initials → name.
    ``reserved`` are lower-cased abbreviations that mean something else (funds, stated
    project abbreviations, organisations)."""
    names = list(names)
    out: dict[str, str] = {}
    for m in _CAPITALS.finditer(question):
        initials = m.group(1)
        if initials.casefold() in reserved:
            continue
        fitting = [n for n in names if fits_name(initials, n)]
        if len(fitting) == 1:
            out[initials] = fitting[0]
    return out
