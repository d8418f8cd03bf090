""""Vilka företag …?" questions: the answer must name them.

A question that asks which organisations, companies or places takes part is answered only
when a best passage names some: a sentence that mentions the asked-about kind of thing
and a proper name the question does not already contain. Reports often give only a count
("Hittills har 97 företag deltagit"); every word of the question is then in the passage,
yet the names are not, and answering would be a guess.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
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
#: "Vilka företag …", "Vilket företag …" (the next word), "Vad heter de elva nya företag …",
#: "Vem är kommunstyrelsens ordförande …" (within three).
_ASKS = re.compile(
    r"^\s*(?:vilk(?:a|en|et)(\s+[a-zåäö-]+)|(vad\s+heter|vem\s+är)(?:\s+de|\s+dessa)?((?:\s+[a-zåäö0-9-]+){1,3}))",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-ZÅÄÖa-zåäö][\w-]*")


def asked_entity(question: str) -> tuple[str, str] | None:
    """The kind of named thing a "Vilka X …?", "Vad heter X …?" or "Vem är X …?" question
    asks for: its stem, and what the decline says is not named ("inga företag vid namn"),
    or None.

    "Vad heter den externa utvärderaren …" and "Vem är kommunstyrelsens ordförande …" ask
    for a name whatever the noun: its head noun (the last word before a preposition) must
    be followed by a name."""
    m = _ASKS.match(question)
    if not m:
        return None
    none = {"vilken": "ingen", "vilket": "inget"}.get(question.split()[0].lower(), "inga")
    # "Vem är …" asks for a person, whatever kind of body the phrase names ("Vem är X till
    # för?" asks who it serves).
    person = m.group(2) is not None and m.group(2).lower().startswith("vem")
    if person and _SERVES.search(question):
        return None
    for word in () if person else (m.group(1) or m.group(3)).lower().split():
        stem = next((e for e in ENTITY_NOUNS if word.startswith(e)), None)
        if stem:
            return stem, f"{none} {word} vid namn"
    if m.group(3) is None:
        return None
    phrase: list[str] = []
    for word in m.group(3).lower().split():
        if word in _PREPOSITIONS:
            break
        phrase.append(word)
    if not phrase or phrase[-1] in _PRONOUNS:
        return None  # "Vem är det som leder …": the facts answer who leads
    head = phrase[-1]
    # Without its definite ending: "utvärderaren" also meets "utvärderare".
    stem = head[:-2] if len(head) > 5 else head
    named = " ".join(phrase)
    return stem, f"inte vem som är {named}" if person else f"inte vad {named} heter"


_PREPOSITIONS = frozenset("för i på av till med vid hos som från inom under".split())
_PRONOUNS = frozenset("det den de dem han hon man".split())
_SERVES = re.compile(r"\btill\s+för\b", re.IGNORECASE)


def lowercase_words(texts: Iterable[str]) -> frozenset[str]:
    """Words the reports write in lower case somewhere: ordinary words, not names."""
    return frozenset(w for t in texts for w in _WORD.findall(t) if w[0].islower())


#: In the text of how many projects a word stands before it is the reports' place, not a name.
WIDESPREAD = 4


def widespread_words(chunks: Iterable[tuple[str, str | None, str]]) -> frozenset[str]:
    """Words (lower-cased) that stand in the text of ``WIDESPREAD`` or more projects of one
    report: its town or region ("Vimmerby" in "Ungdomsutbyte Vimmerby–Pärnu"), which on its
    own in a question ("Cirkulära Vimmerby") names no project. ``chunks``: (report, project, text)."""
    seen: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for report, project, text in chunks:
        if project:
            for w in {w.lower() for w in _WORD.findall(text)}:
                seen[w].add((report, project))
    return frozenset(w for w, where in seen.items()
                     if max(Counter(r for r, _ in where).values()) >= WIDESPREAD)


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
