"""A grant told only as a share of the budget, and a grant amount told after its share
(pure parsing; made-up sentences and a made-up report)."""

from __future__ import annotations

import pytest

from corpus.budgets import find_budget, find_eu_share
from corpus.fact_patterns import SentenceText
from corpus.facts import extract_project_facts
from corpus.reading import parse_report

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("sentence", "share", "written"),
    [
        ("Varav EU: 40 procent av total budget", 40.0, "40 procent"),
        ("Varav EU-medel:56 procent av den totala budgeten", 56.0, "56 procent"),
        ("EU-stödet motsvarar 62,5 procent av projektets kostnader.", 62.5, "62,5 procent"),
        ("Regionalfonden finansierar 40 % och resten står kommunen för.", 40.0, "40 %"),
        ("ESF-stöd: ca 50 procent", 50.0, "50 procent"),
    ],
)
def test_a_grant_told_as_a_share(sentence: str, share: float, written: str) -> None:
    found = find_eu_share(SentenceText(sentence, 10))
    assert found is not None and found[0] == share
    assert sentence[found[1].start - 10 : found[1].end - 10] == written


@pytest.mark.parametrize(
    "sentence",
    [
        "Kommunen står för 44 procent av budgeten.",
        "Andelen kvinnor bland deltagarna är 56 procent.",
        "Av deltagarna har 40 procent fått jobb, och EU-stödet har betalats ut i tid.",
    ],
)
def test_other_shares_are_no_grant(sentence: str) -> None:
    assert find_eu_share(SentenceText(sentence, 0)) is None


def test_a_grant_amount_told_after_its_share_is_the_grant() -> None:
    s = ("Interregstödet täcker 60 procent av de stödberättigande kostnaderna, vilket för kommunens "
         "del motsvarar 3 200 000 kronor.")
    b = find_budget(SentenceText(s, 0))
    assert b is not None and b.eu is not None and b.eu.value == 3_200_000


SHARE_ONLY = """Årsrapport 2051

Projekt 1 av 2: Grön hamn

Projektägare: Hamnbolaget AB
Total budget: 12 Mkr
Varav EU: 40 procent av total budget
Fond: Regionalfonden

Projektet bygger laddplatser i hamnen.

Projekt 2 av 2: Språkvägen

Projektägare: Utbildningsförvaltningen
Budget: 3 400 000 kr, varav ESF+ 1 700 000 kr (50 procent)
"""


def test_a_share_only_grant_is_a_fact_and_an_amount_keeps_its_place() -> None:
    facts = {f.project: f for f in extract_project_facts(parse_report("rapport_2051", SHARE_ONLY))}
    harbour, language = facts["Grön hamn"], facts["Språkvägen"]
    assert harbour.eu_funding is None
    assert harbour.eu_share is not None and harbour.eu_share.value == 40.0
    assert harbour.eu_share.unit == "procent" and "40 procent" in harbour.eu_share.sentence
    assert language.eu_funding is not None and language.eu_funding.value == 1_700_000
    assert language.eu_share is None
