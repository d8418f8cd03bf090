"""How common a word is in general Swedish, so that a question word the reports never use
counts by how much it says.

Term weights are the reports' own idf, which gives a word no report uses the highest
weight there is. For a topic the reports lack ("kameraövervakning", "kriminalvården")
that is right: the question is not answered. For the everyday words people ask with
("folk", "på landet", "tjejer", "fullt upp", "glömma") it is wrong: the reports write
"deltagare", "landsbygden", "kvinnor", and a question whose topic they treat was declined
for one such word. wordfreq's Swedish list (subtitles, Wikipedia, web text, news) tells
the two apart by how often the word is used anywhere.
"""

from __future__ import annotations

import functools

import Stemmer
from wordfreq import get_frequency_list

from qa.quotes import canonical

#: Words rarer than this (Zipf, log10 of uses per billion words) are left out: such a word
#: is as informative as a word no report uses.
MIN_ZIPF = 3.0
#: An unknown word this common is the question's everyday wording, not a missing topic
#: (measured on all question sets, docs/evaluation.md).
EVERYDAY_ZIPF = 4.5
#: The Zipf frequency at which a word would say nothing at all (the commonest words,
#: "och", "att", are near 7.5 and are stopwords anyway).
_SAYS_NOTHING = 7.0
#: wordfreq's bin 0 is a frequency of 1 (Zipf 9); bin i is 10^(-i/100).
_TOP_BIN_ZIPF = 9.0


@functools.cache
def stem_frequencies() -> dict[str, float]:
    """Stem (Snowball Swedish, folded like the reports' terms) → Zipf frequency of the
    commonest Swedish word with that stem. Built once per process (about 0.3 s): wordfreq's
    list holds words in bins of a hundredth of a Zipf step, commonest first, so only the
    bins down to ``MIN_ZIPF`` are read."""
    stemmer = Stemmer.Stemmer("swedish")
    table: dict[str, float] = {}
    for i, words in enumerate(get_frequency_list("sv", "large")):
        zipf = _TOP_BIN_ZIPF - i / 100
        if zipf < MIN_ZIPF:
            break
        for word in words:
            stem = canonical(stemmer.stemWord(word))
            if zipf > table.get(stem, 0.0):
                table[stem] = zipf
    return table


class GeneralSwedish:
    """General-language use of question stems (a view of :func:`stem_frequencies`)."""

    def __init__(self) -> None:
        self.zipf = stem_frequencies()

    def rarity(self, stem: str) -> float:
        """The share of a word's full weight that its general use leaves it: 1 for a rare
        word, about 0.4 for "landet", 0.3 for "folk"."""
        zipf = self.zipf.get(stem)
        if zipf is None:
            return 1.0
        return min(1.0, max(0.1, (_SAYS_NOTHING - zipf) / (_SAYS_NOTHING - MIN_ZIPF)))

    def everyday(self, stem: str) -> bool:
        """Whether the stem is a word of everyday Swedish rather than a specific topic."""
        return self.zipf.get(stem, 0.0) >= EVERYDAY_ZIPF
