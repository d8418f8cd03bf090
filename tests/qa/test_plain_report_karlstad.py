"""Answers over the sixteenth held-out report (tests/fixtures/heldout16/: plain text with
numbered capitals chapters, ten projects told in a page of prose each, label lines with dot
leaders; a report for 2018 signed in 2019; written blind and first measured before any
change), added to the session's corpus as a user adds one. Each test is a behaviour its
blind run lacked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout16" / "rapport_karlstad_2018.txt"
ID = "rapport_karlstad_2018"


@pytest.fixture(scope="module")
def karlstad(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def fields(answer: Any) -> dict[str, Any]:
    return {f.field: f.value for f in answer.figures}


def test_projects_told_in_prose_are_projects_and_the_year_is_the_one_reported(karlstad: Any) -> None:
    names = {r.name for r in karlstad.catalog.refs if r.report_id == ID}
    assert len(names) == 10 and {"Värdig Vardag", "Hem och Jobb", "Energismart Kronoparken"} <= names
    assert karlstad.report_years[ID] == 2018


def test_a_label_line_with_dot_leaders_answers(karlstad: Any) -> None:
    a = karlstad.ask("Vem är projektansvarig för Omsorgslyftet?")
    assert a.answerable and fields(a)["manager"] == "Lena Berglund"
    assert a.citations[0].passage.chunk.report_id == ID


def test_a_grant_from_the_fund_is_the_eu_funding(karlstad: Any) -> None:
    a = karlstad.ask("Hur mycket får Språkbron i bidrag från AMIF?")
    assert a.answerable and fields(a)["eu_funding"] == 4_671_000


def test_the_fund_for_the_most_deprived(karlstad: Any) -> None:
    a = karlstad.ask("Vilken EU-fond finansierar Värdig Vardag?")
    assert a.answerable and "FEAD" in a.text
    assert karlstad.ask("Vilka projekt finansieras av FEAD?").answerable


def test_an_interreg_fund_is_named_by_its_programme(karlstad: Any) -> None:
    a = karlstad.ask("Från vilket EU-program får Gränslös Logistik pengar?")
    assert a.answerable and "Interreg Sverige–Norge" in a.text
    assert {f.value for f in a.figures if f.field == "fund"} == {"Interreg"}
