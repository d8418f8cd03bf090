""""Vilka företag …?" questions: the answer must name them.

A question that asks which organisations, companies or places takes part is answered only
when a best passage names some: a sentence that mentions the asked-about kind of thing
and a proper name the question does not already contain. Reports often give only a count
("Hittills har 97 företag deltagit"); every word of the question is then in the passage,
yet the names are not, and answering would be a guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from corpus.sentences import split_sentences

#: Nouns (lower-case stems) for things a report names when it lists them. Role words
#: ("aktörer", "partner") are left out: a report names those without using the word.
ENTITY_NOUNS = (
    "företag",
    "arbetsgivar",
    "myndighet",
    "kommun",
    "skol",
    "vårdcentral",
    "förening",
    "leverantör",
    "utbildningsanordnar",
    "fastighetsägar",
)
#: How many words after the noun its names may start ("företag som Almi och Ikea",
#: "vårdcentralerna i Kvarnby och Oxie"); a name before it is usually something else
#: ("Almi, som kan erbjuda företagen finansiering").
NEAR = 4
#: "Vilka företag …", "Vilket företag …" (the next word), "Vad heter de elva nya företag …"
#: (within three).
_ASKS = re.compile(
    r"^\s*(?:vilk(?:a|en|et)(\s+[a-zåäö-]+)|vad\s+heter(?:\s+de|\s+dessa)?((?:\s+[a-zåäö0-9-]+){1,3}))",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-ZÅÄÖa-zåäö][\w-]*")


def asked_entity(question: str) -> tuple[str, str] | None:
    """The kind of named thing a "Vilka X …?" question asks for (stem, the question's
    word), or None."""
    m = _ASKS.match(question)
    if not m:
        return None
    for word in (m.group(1) or m.group(2)).lower().split():
        stem = next((e for e in ENTITY_NOUNS if word.startswith(e)), None)
        if stem:
            return stem, word
    return None


def lowercase_words(texts: Iterable[str]) -> frozenset[str]:
    """Words the reports write in lower case somewhere: ordinary words, not names."""
    return frozenset(w for t in texts for w in _WORD.findall(t) if w[0].islower())


def names_any(entity: str, texts: Iterable[str], known: Iterable[str], ordinary: frozenset[str]) -> bool:
    """Whether ``texts`` mention ``entity`` as a common noun with a proper name a few words
    after it that is not ``known`` (the question's own words, project names; a genitive
    "-s" aside) and not an ordinary word."""
    known = {k.lower() for k in known if len(k) >= 3}

    def is_new_name(word: str) -> bool:
        low = word.lower()
        if not word[0].isupper() or low in ordinary:
            return False
        return not any(low.startswith(k) or k.startswith(low) for k in known)

    for text in texts:
        for span in split_sentences(text, 0, len(text)):
            words = _WORD.findall(text[span.start : span.end])
            for i, w in enumerate(words):
                # A common noun (lower case, or opening the sentence), not part of a
                # name ("Almi Företagspartner").
                if (w[0].islower() or i == 0) and entity in w.lower():
                    near = words[i + 1 : i + NEAR + 1]
                    if any(is_new_name(n) for n in near):
                        return True
    return False
