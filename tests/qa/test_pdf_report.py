"""Answers over the sixth held-out report (tests/fixtures/heldout6/: a PDF with a title
page, contents, running footers and plain subsection titles, written blind), added to the
session's corpus: read from .pdf, embedded with the real model, stored in a real Chroma
store. Each test is a behaviour its first blind run lacked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout6" / "rapport_orebro_2025.pdf"


@pytest.fixture(scope="module")
def orebro(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def fields(answer: Any) -> dict[str, Any]:
    return {f.field: f.value for f in answer.figures}


def test_facts_read_from_pdf_prose(orebro: Any) -> None:
    a = orebro.ask("Vem leder Digibron?")
    assert a.answerable and fields(a)["manager"] == "Oskar Engqvist"  # "med X som projektledare"
    a = orebro.ask("Vem äger Startkraft Landsbygd?")
    assert a.answerable and fields(a)["owner"] == "Stiftelsen Företagsfrämjande i Örebro län"


def test_a_project_name_asks_for_no_field(orebro: Any) -> None:
    """"Startkraft" names the project; it asks for no start date."""
    from qa.service import Trace

    trace = Trace()
    a = orebro.ask("Vem leder Startkraft Landsbygd?", trace=trace)
    assert trace.question is not None and trace.question.fields == ["manager"]
    assert "start_date" not in fields(a)


def test_a_count_for_a_year_the_report_does_not_cover_is_not_answered(orebro: Any) -> None:
    # The 2025 report counts "Sedan projektstarten har 171 företag …", undated.
    assert not orebro.ask("Hur många företag fick rådgivning i Startkraft Landsbygd under 2024?").answerable
    assert orebro.ask("Hur många företag har fått rådgivning i Startkraft Landsbygd?").answerable


@pytest.mark.parametrize(
    "question",
    [
        # spoken "krånglat" names challenges; "både … och" and "tillräckligt" are form words
        "Vilka erfarenheter har projekten av samarbetet med Arbetsförmedlingen, både det som fungerat "
        "och det som krånglat?",
        "vad gör projekten åt att deltagarna inte kan tillräckligt med svenska?",
    ],
)
def test_lesson_questions_in_everyday_words_are_answered(orebro: Any, question: str) -> None:
    a = orebro.ask(question)
    assert a.answerable
    assert any(c.passage.chunk.report_id == "rapport_orebro_2025" for c in a.citations[:5])


def test_a_change_of_manager_is_answered_with_its_date(orebro: Any) -> None:
    a = orebro.ask("Vem tog över som projektledare i Nästa Steg Vivalla, och från vilket datum?")
    assert a.answerable and fields(a)["manager"] == "Samir Haddad" and "(sedan 2025-04-01)" in a.text


def test_an_owner_written_out_further_is_no_discrepancy(orebro: Any) -> None:
    """The overview table writes "Örebro Innovationsfastigheter", the facts "… AB"."""
    a = orebro.ask("Vilket bolag står som projektägare för Återbruksnoden Örebro?")
    assert a.answerable and fields(a)["owner"] == "Örebro Innovationsfastigheter AB"
    assert "Observera" not in a.text


def test_an_amount_asked_about_a_named_partner_is_its_contribution(orebro: Any) -> None:
    """Not the budget ("pengar") nor the EU funding ("bidrar"): "Region Örebro län
    medfinansierar med 3 000 000 kr"."""
    for question in (
        "Med hur mycket pengar går Region Örebro län in i Startkraft Landsbygd?",
        "Vad bidrar Region Örebro län med till Startkraft Landsbygd?",
    ):
        a = orebro.ask(question)
        assert a.answerable and fields(a) == {"co_financing": 3_000_000}, question
    assert fields(orebro.ask("Hur stor är budgeten för Startkraft Landsbygd?"))["total_budget"] == 12_400_000
