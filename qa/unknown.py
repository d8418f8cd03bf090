"""Spotting questions about a project the reports do not contain, or about a year before
the project existed.

A capitalised word (not the first) that occurs nowhere in the indexed reports is taken as
the name of something unknown; the answer then says so and offers similar project names
instead of guessing.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from qa.described import reference, theme_of
from qa.facts_table import FactsTable
from qa.quotes import TermWeights
from qa.types import Question
from qa.understanding import ProjectCatalog

_WORD = re.compile(r"[^\W\d_][\w-]*")
# "projektet Grön hamn Växjö?": a name the question gives as a project's, up to the end of
# the clause. Called only when no project of the reports was recognised in the question.
_CALLED = re.compile(
    r"\bprojekte[tn]s?\s+(?P<name>[A-ZÅÄÖ][\w–-]*(?:\s+[\wåäöÅÄÖ–-]+){0,4}?)"
    r"(?=\s*(?:[?.,!:;]|$)|\s+(?:och|har|hade|är|var|i|för|som|med|till|under|sedan|enligt|inom)\b)"
)


def unknown_names(text: str, weights: TermWeights) -> list[str]:
    words = list(_WORD.finditer(text))
    out = []
    for m in words[1:]:
        word = m.group(0)
        if len(word) < 3 or not word[0].isupper():
            continue
        terms = weights.query(word)
        if terms and not any(weights.known(t) for t in terms) and not _compound_of_known(word, weights):
            out.append(word)
    return out


def _compound_of_known(word: str, weights: TermWeights) -> bool:
    """Whether a word is a word the reports use and a word they or everyday Swedish use,
    written together ("Interregpengar": "Interreg" and "pengar"): a compound, no name."""
    low = word.lower()
    for cut in range(3, len(low) - 3):
        head, tail = weights.query(low[:cut]), weights.query(low[cut:])
        if (head and all(weights.known(t) for t in head)
                and tail and all(weights.known(t) or weights.everyday(t) for t in tail)):
            return True
    return False


_ACRONYM_PREFIX = re.compile(r"[A-ZÅÄÖ]{2,}\+?-[a-zåäö]")


def name_pairs(texts: Iterable[str]) -> frozenset[tuple[str, str]]:
    """Adjacent words of the reports of which one is capitalised ("Grön hamn", "Region
    Gotland"), lower-cased: the pairs a name the reports use is made of."""
    pairs: set[tuple[str, str]] = set()
    for text in texts:
        words = _WORD.findall(text)
        for a, b in zip(words, words[1:], strict=False):
            if a[0].isupper() or b[0].isupper():
                pairs.add((a.lower(), b.lower()))
    return frozenset(pairs)


def unknown_name_run(text: str, pairs: frozenset[tuple[str, str]]) -> str | None:
    """A name of two or more capitalised words (not opening the question) that the reports
    never write: "Vem är projektledare för Grön Hamn Härnösand?" when every word occurs in
    the reports but not together."""
    words = list(_WORD.finditer(text))
    run: list[str] = []
    for m in [*words[1:], None]:
        # "EU-projektplattform" is capitalised for its acronym, not as a name.
        if m is not None and m.group(0)[0].isupper() and not _ACRONYM_PREFIX.match(m.group(0)):
            run.append(m.group(0))
            continue
        apart = [(a.lower(), b.lower()) not in pairs for a, b in zip(run, run[1:], strict=False)]
        if any(apart):
            return " ".join(run)
        run = []
    return None


def unknown_project_reason(
    text: str, weights: TermWeights, catalog: ProjectCatalog, pairs: frozenset[tuple[str, str]] = frozenset()
) -> str | None:
    """A Swedish sentence naming what is unknown and similar projects, or None. Besides
    unknown capitalised words, a name the question calls a project ("projektet Grön hamn
    Växjö") is unknown when no project of the reports was recognised in the question: its
    words may all occur in the reports without naming any of their projects. So is a name
    of capitalised words the reports never write together (``pairs``)."""
    names = unknown_names(text, weights)
    called = _CALLED.search(text)
    run = unknown_name_run(text, pairs) if pairs else None
    if not names and called is None and run is None:
        return None
    asked = " ".join(names) if names else called.group("name") if called else run or ""
    similar = difflib.get_close_matches(asked, catalog.names(), n=3, cutoff=0.4)
    msg = f"Rapporterna nämner inte ”{asked}”."
    if similar:
        msg += " Menar du " + " eller ".join(f"”{s}”" for s in similar) + "?"
    elif catalog.names():
        msg += " Projekten i rapporterna är: " + ", ".join(catalog.names()) + "."
    return msg


def before_start_reason(q: Question, facts: FactsTable) -> str | None:
    """A question about a year before every named project started ("Vilka resultat nådde
    X under 2022?" of a project that started 2024) asks about something that did not yet
    exist; say so rather than quote later results."""
    if q.year is None or not q.projects:
        return None
    starts = [(ref.name, str(f.start_date.value)) for ref in q.projects
              if (f := facts.project(ref.name)) is not None and f.start_date is not None]
    if len(starts) < len(q.projects) or not all(int(s[:4]) > q.year for _, s in starts):
        return None
    return " ".join(f"{name} startade först {start}." for name, start in starts)


def unknown_theme_reason(text: str, weights: TermWeights, catalog: ProjectCatalog) -> str | None:
    """A project called by a theme no report writes ("vätgasprojektet i hamnen" where no
    report mentions vätgas) is none of the indexed projects, whatever name words of theirs
    the question also uses ("i hamnen", the town): say so rather than answer for those.
    A project's own name ("Digilyftet") and a compound of known words are no such theme."""
    word = reference(text)
    if not word or any(word in n.casefold().split() for n in catalog.names()):
        return None
    theme = theme_of(word, weights)
    if len(theme) >= 4 and any(w.startswith(theme) for n in catalog.names() for w in n.casefold().split()):
        return None  # "Säveåprojektet", "seniorprojektet": a name word's stem ("Säveåns våtmarker")
    stems = weights.query(theme) if len(theme) >= 4 else []
    if not stems or any(weights.known(t) or weights.everyday(t) for t in stems):
        return None
    # A compound whose last part the reports use ("utlandspraktik") may be their topic.
    tails = (weights.query(theme[cut:]) for cut in range(3, len(theme) - 3))
    if any(tail and all(weights.known(t) for t in tail) for tail in tails):
        return None
    return f"Rapporterna nämner inte ”{word}”."
