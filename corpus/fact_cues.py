"""Cues that a title's opening text states a project's own facts: who runs it, what it
costs, when, and with which EU fund. Kept apart from ``corpus.sections`` because whether a
plain title opens a project is decided by what its text says, not by the title."""

from __future__ import annotations

import re

from corpus.fact_patterns import FUND_WORDS

# What the opening of a project's text states: who runs it, money, a period, an EU fund.
_FACT_CUES = (
    re.compile(
        r"(?im)projektägar|projektledar|projektansvarig|ansvarig för"
        r"|\b(?:ägs|ägdes|drivs|drevs|leds|leddes) av"
        # a label line, bulleted or not: "Ansvarig ........ X", "- ägare: X", "- ledare: Y"
        r"|^(?:[-–•*]\s+)?(?:ansvarig|ägare|ledare|kontaktperson|huvudman)\b"
    ),
    re.compile(r"(?i)budget|\d (?:kr|kronor|tkr|kkr|mkr|mnkr|msek|sek|miljoner kronor|euro)\b"),
    re.compile(r"(?i)\b20\d\d-\d\d-\d\d\b|projekttid|projektperiod|löptid|genomförandetid|pågår|pågick|startade|avslutades|löpte"),
)
# The fund: any the fact readers know (corpus.fact_patterns.FUND_WORDS), or one in general words.
_SOME_FUND = re.compile(r"(?i)fonden|EU-(?:stöd|bidrag|medel)")
#: How much of a title's text is its opening.
OPENING = 2500
#: How much of it is its first paragraph.
FIRST_PARAGRAPH = 900
# A paragraph about the whole portfolio ("Portföljen som helhet", "projekten har tillsammans").
_ABOUT_PORTFOLIO = re.compile(
    r"(?i)portföljen\s+som\s+helhet|\bprojekten\s+(?:har|är|som)\b|\b(?:alla|samtliga|flera|\d+)\s+projekt\b"
)


def _names_a_fund(text: str) -> bool:
    return bool(_SOME_FUND.search(text)) or any(rx.search(text) for rx in FUND_WORDS.values())


def fact_cues(opening: str) -> int:
    """How many of the four kinds of project facts a text states."""
    return sum(bool(rx.search(opening)) for rx in _FACT_CUES) + _names_a_fund(opening)


def states_facts(opening: str) -> bool:
    """Whether prose states three of the four kinds of project facts (a table of all
    projects states them all and is no project's)."""
    lines = [x for x in opening.split("\n") if x.strip()]
    # Rows of three or more cells; "Projektägare<TAB>X" is a label line, a project's own.
    if not lines or sum(x.count("\t") >= 2 or x.startswith("|") for x in lines) * 2 >= len(lines):
        return False
    return fact_cues(opening) >= 3


def names_runner(first: str) -> bool:
    """Whether a first paragraph says who runs the project, with its other facts, and is
    not about the whole portfolio."""
    return bool(_FACT_CUES[0].search(first)) and states_facts(first) and not _ABOUT_PORTFOLIO.search(first)
