"""Fact statements keep the report's precision: approximate amounts as worded, and what a
co-financier brings (pure parts; made-up sentences)."""

from __future__ import annotations

import pytest

from corpus.types import Chunk, ProjectFacts, SectionType, Sentence, Sourced, Span
from qa.citebook import CiteBook
from qa.fact_answers import Composed, FactComposer, _contribution, approximate

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("raw", "approx"),
    [("ca 13,8 Mkr", True), ("drygt 4 miljoner kronor", True), ("2 300 tkr", True),
     ("13 800 000 kr", False), ("4512300 kr", False)],
)
def test_approximate(raw: str, approx: bool) -> None:
    assert approximate(raw) is approx


def test_contribution_is_read_only_right_after_the_name() -> None:
    s = "Övrig medfinansiering kommer från Region Norr med 1 500 000 kr och från kommunen."
    assert _contribution("Region Norr", s) == 1_500_000
    assert _contribution("kommunen", s) is None
    assert _contribution("Almi", "Projektet drivs med Almi, som bidrar med 200 000 kr.") is None


def _composer(text: str) -> FactComposer:
    chunk = Chunk("c", "r", "P", "Projektfakta", SectionType.FACTS, ("P",), 0, len(text), text,
                  (Sentence(0, len(text)),))
    return FactComposer(CiteBook(lambda rid, offset: chunk if 0 <= offset < len(text) else None))


def test_an_approximate_budget_is_stated_as_the_report_words_it() -> None:
    text = "Projektets budget uppgår till ca 13,8 Mkr, varav ca 6,9 Mkr finansieras av ERUF."
    composer = _composer(text)
    total = Sourced(13_800_000, "r", Span(text.index("ca 13,8"), text.index(" Mkr,") + 4), text)
    eu = Sourced(6_900_000, "r", Span(text.index("ca 6,9"), text.index(" Mkr fin") + 4), text)
    out = Composed()
    composer.compose(ProjectFacts("r", "P", total_budget=total, eu_funding=eu), ["total_budget"], out)
    assert "ca 13,8 Mkr" in out.sentences[0] and "ca 6,9 Mkr" in out.sentences[0]
    assert "13 800 000" not in out.sentences[0]
    assert [f.value for f in out.figures] == [13_800_000, 6_900_000]


def test_an_exact_budget_is_stated_in_swedish_form() -> None:
    text = "Projektets totala budget är 4512300 kr."
    composer = _composer(text)
    total = Sourced(4_512_300, "r", Span(text.index("4512300"), text.index(" kr.") + 3), text)
    out = Composed()
    composer.compose(ProjectFacts("r", "P", total_budget=total), ["total_budget"], out)
    assert "4 512 300 kr" in out.sentences[0]
