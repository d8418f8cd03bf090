""" "Hur många …?" questions: the answer must state a number of the thing counted.

If none of the best passages has a sentence with both a number (digits or a Swedish number
word) and the counted noun, the reports do not give that count, however similar the
passages are otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_COUNT_Q = re.compile(r"\bhur\s+många\s+(?:av\s+\w+\s+)?([^\W\d_][\w-]*)", re.IGNORECASE)
# "en"/"ett" are left out: far more often articles than numbers.
_NUMBER = re.compile(
    r"\d|\b(?:två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|tjugo|trettio|fyrtio|femtio|"
    r"hundra|tusen|hälften|dubbelt)\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[^.!?\n]+")

Analyze = Callable[[str], list[str]]


def counted_noun(question: str, analyze: Analyze) -> set[str] | None:
    """Stems of the noun a "hur många X" question counts, or None for other questions."""
    m = _COUNT_Q.search(question)
    if not m:
        return None
    terms = set(analyze(m.group(1)))
    return terms or None


def states_count(text: str, noun: set[str], analyze: Analyze) -> bool:
    """Whether some sentence of ``text`` has a number and the counted noun."""
    for sentence in _SENTENCE.findall(text):
        if _NUMBER.search(sentence) and noun & set(analyze(sentence)):
            return True
    return False
