"""Co-financiers and partners a sentence names ("medfinansieras av X och Y",
"Samverkanspartner: A, B och C", "X bidrar med kontant medfinansiering"), EU funds
excluded: the reader ``corpus.facts`` feeds every sentence of a project's text."""

from __future__ import annotations

import re

from corpus.fact_patterns import FUND_WORDS, SentenceText, clean_name
from corpus.types import Span

_COFIN_RE = re.compile(
    r"(?:medfinansier\w*|finansieras|finansierades|finansiering|bidrag|kontanta\s+medel|stöd)"
    r"(?:\s+(?:kommer\s+)?(?:också\s+|även\s+|dessutom\s+)?(?:av|från)\s+|\s*:\s*)(?P<list>[^.;]+)|"
    r"i\s+(?:samverkan|samarbete)\s+med(?:\s*:\s*|\s+)(?P<list2>[^.;]+)|medfinansiärer\w*(?:\s+(?:är|var)|\s*:)\s*(?P<list3>[^.;]+)|"
    r"medfinansiering\s+(?:har\s+)?(?:lämnats|lämnas|ges|getts|kommer)\s+(?:av|från)\s+(?P<list4>[^.;]+)|"
    r"(?:samverkans|samarbets)part(?:ner|er)\w*\s*(?:är|var|:)\s*(?P<list6>[^.;]+)|"
    # a label line of its own, or one pair of a line of pairs: "Partner: A, B och C", "X; Samverkan: A och B"
    r"(?:^|(?<=[;·|]))\s*(?:partner|partners|partnerna|samverkan|samarbete|medverkande(?:\s+(?:organisationer|parter))?)"
    r"\s*:\s*(?P<list7>[^.;]+)|"
    # "Norsk partner: X, Kongsvinger", "Lead partner: X": one partner, then where it is.
    r"^\s*(?:norsk|dansk|finsk|tysk|lead)\s+partner\s*:\s*(?P<list8>[^,.;(]+)|"
    r"(?P<list5>(?:[A-ZÅÄÖ][\wåäö-]+\s+){0,3}[A-ZÅÄÖ][\wåäö-]+)\s+(?:medfinansierar|medfinansierade|"
    r"bidrar\s+med\s+(?:\w+\s+)?medfinansiering)",
    re.IGNORECASE,
)
_LIST_GROUPS = ("list", "list2", "list3", "list4", "list5", "list6", "list7", "list8")
_COUNTS = frozenset("två tre fyra fem sex sju åtta nio tio elva tolv flera många".split())
# Pronouns and references back to the project or its fund ("… tillsammans med Fonden").
_NOT_PARTNERS = {"Projektet", "Projekten", "Det", "Den", "Staden", "Man", "Som", "Fonden", "Programmet"}
_ITEM_SPLIT = re.compile(r"\s*,\s*|(?<!-)\s+(?:och|samt)\s+")
_ITEM_ADVERB = re.compile(r"^(?:av|från|fortsatt|även|också|dessutom|numera|nu|bland\s+annat)\s+",
                          re.IGNORECASE)
# The kind of organisation before its name: "fackförbundet Kommunal", "den ideella föreningen X".
_ITEM_KIND = re.compile(r"^(?:(?:det|den)\s+)?(?:[a-zåäö]+\s+)?(?:fackförbundet|förbundet|föreningen|"
                        r"organisationen|företaget|bolaget|stiftelsen|nätverket|myndigheten|studieförbundet)"
                        r"\s+(?=[A-ZÅÄÖ])")
_CLAUSE_TAIL = re.compile(r"\s+(?:som|vilket|där|genom|med|på)\s.*$|\s+\d.*$|\s*\((?-i:[a-zåäö]).*$",
                          re.IGNORECASE)
# "Högskolan i Skövde": "i" before a place's name is part of the name, not the tail's start.
_ITEM_TAIL = re.compile(r"\s+(?:på|med|om|fram|under|till|för|i(?!\s+(?-i:[A-ZÅÄÖ]))|som|vilket|där|genom)"
                        r"\s.*$|\s+\d.*$|\s*:.*$|"
                        r"\s*\((?-i:[a-zåäö]).*$",
                        re.IGNORECASE)


def find_co_financiers(sent: SentenceText) -> list[tuple[str, Span]]:
    """Co-financiers and partners named in a sentence, EU funds excluded."""
    out: list[tuple[str, Span]] = []
    for m in _COFIN_RE.finditer(sent.text):
        group = next(g for g in _LIST_GROUPS if m.group(g))
        lst, off = m.group(group), sent.start + m.start(group)
        pos = 0
        for piece in _ITEM_SPLIT.split(lst):
            at = lst.find(piece, pos)
            pos = at + len(piece)
            piece_ = _ITEM_ADVERB.sub("", _ITEM_ADVERB.sub("", piece))
            # After its kind the name runs on ("föreningen Kvinnor i Norr"): only a clause ends it.
            kind = _ITEM_KIND.match(piece_)
            tail = _CLAUSE_TAIL if kind else _ITEM_TAIL
            name = clean_name(tail.sub("", piece_[kind.end():] if kind else piece_))
            if name in _NOT_PARTNERS or name == "EU" or not name[:1].isupper() or len(name.split()) > 7:
                continue
            if name.split()[0].lower() in _COUNTS:
                break  # "Sex partner från Finland", "Sju kommuner i Danmark, Tyskland …": how many, not who
            if name.endswith("-"):
                continue  # the first part of "Asyl-, migrations- och integrationsfonden"
            if any(rx.search(name) for rx in FUND_WORDS.values()) or re.match(r"Europeiska", name):
                continue
            out.append((name, Span(off + at, off + at + len(piece))))
    return out
