"""Answers over the seventh held-out report (tests/fixtures/heldout7/: Markdown with fund
notes in project headings, bold run-in subsection titles, an overview table and an Interreg
budget in euro, written blind), added to the session's corpus as a user adds one. Each test
is a behaviour its first blind run lacked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout7" / "rapport_helsingborg_2026.md"


@pytest.fixture(scope="module")
def helsingborg(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def fields(answer: Any) -> dict[str, Any]:
    return {f.field: f.value for f in answer.figures}


def test_cost_and_what_the_fund_pays(helsingborg: Any) -> None:
    # "kostar" and "betalas av" ask for the budget and the EU funding.
    a = helsingborg.ask("Vad kostar Bro till vården totalt och hur mycket betalas av socialfonden?")
    assert a.answerable
    assert (fields(a)["total_budget"], fields(a)["eu_funding"]) == (15_300_000, 8_415_000)


def test_a_budget_in_euro_is_never_given_as_kronor(helsingborg: Any) -> None:
    a = helsingborg.ask("Hur stor är Gränsbryggans budget?")
    assert a.answerable and fields(a)["total_budget"] == 8_460_000
    assert "3 100 000" not in a.text


def test_the_new_end_date_and_how_long_the_extension_was(helsingborg: Any) -> None:
    # The project named without its closing place word; "det nya slutdatumet" is the end date.
    a = helsingborg.ask("Med hur lång tid förlängdes Cirkulär verkstad, och vilket är det nya slutdatumet?")
    assert a.answerable and fields(a)["end_date"] == "2026-12-31" and "förlängt med 4 månader" in a.text


def test_which_projects_changed_manager_and_who_took_over(helsingborg: Any) -> None:
    a = helsingborg.ask("Vilka projekt har bytt projektledare?")
    assert a.answerable
    assert "Bro till vården (projektledare Jonas Ahmadi, tidigare Helena Strand)" in a.text
    assert "Välkommen hit" in a.text and "Språkspåret" not in a.text


def test_projects_ending_this_year_by_a_portfolio_phrase(helsingborg: Any) -> None:
    a = helsingborg.ask("Vilka av portföljens projekt avslutas under 2026?")
    assert a.answerable
    for name in ("Språkspåret Helsingborg", "Cirkulär verkstad Helsingborg", "Gränsbryggan Öresund"):
        assert name in a.text
    assert "UngKraft" not in a.text
    assert "nio projekt" not in a.text  # a count of the whole portfolio states no selection


def test_how_a_named_project_keeps_to_its_schedule(helsingborg: Any) -> None:
    # "Hur ligger X till" is the question's form; the project's name does not drown "tidsplanen".
    a = helsingborg.ask("Hur ligger Startbanan Söder till i förhållande till tidsplanen?")
    assert a.answerable and "efter sin tidsplan" in a.citations[0].quote
