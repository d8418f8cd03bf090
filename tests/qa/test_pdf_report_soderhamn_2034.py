"""Answers over the thirty-eighth held-out report (tests/fixtures/heldout38/: a PDF whose
project pages are set in two text columns, with grey fact boxes of "label  value" lines,
italic subsection titles, budgets revised during the year; written blind and first
measured before any change), added to the session's corpus as a user adds one. Each
test is a behaviour its blind run lacked: the columns were read interleaved line by line
and the whole report came out as one project."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout38" / "rapport_soderhamn_2034.pdf"


@pytest.fixture(scope="module")
def soderhamn(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def test_a_fact_box_in_a_column_names_the_manager(soderhamn: Any) -> None:
    a = soderhamn.ask("Vem leder Coastal Care Link?")
    assert a.answerable and "Karin Vesterlund" in a.text


def test_the_manager_after_a_change_of_a_project_called_by_its_theme(soderhamn: Any) -> None:
    a = soderhamn.ask(
        "Vem är det som leder hamnprojektet nu när den förre projektledaren har gått i pension?"
    )
    assert "Lina Rask" in a.text and "Hamnkraft 2.0" in a.text


def test_a_revised_budget_is_the_budget_and_the_earlier_one_is_said_as_earlier(soderhamn: Any) -> None:
    a = soderhamn.ask(
        "Hur mycket pengar har Vägen Vidare totalt att röra sig med efter att budgeten ändrades i somras?"
    )
    assert "9 750 tkr" in a.text and "tidigare 8 400 tkr" in a.text
    grant = soderhamn.ask(
        "Hur stort blir EU-stödet till hamnbolagets testbäddsprojekt nu när budgeten har skurits ner?"
    )
    assert "Hamnkraft 2.0" in grant.text and "6,3 Mkr" in grant.text


def test_projects_of_a_fund_are_listed_from_the_fact_boxes(soderhamn: Any) -> None:
    a = soderhamn.ask("Vilka av kommunens projekt har pengar från Regionalfonden?")
    assert "Hamnkraft 2.0" in a.text and "Energismart Företag Söderhamn" in a.text
