"""Answers over the thirty-fifth held-out report (tests/fixtures/heldout35/: plain text,
one paragraph per line, chapters underlined with "-", projects as "Projekt N: Namn",
labels such as "Huvudman", "Ansvarig", "Totalkostnad" and "Beviljat stöd", amounts as
"14.280.000 kronor", one project's facts only in a pipe-separated overview table;
written blind and first measured before any change), added as a user adds one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout35" / "rapport_pitea_2035.txt"


@pytest.fixture(scope="module")
def pitea(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def test_budget_and_grant_on_unusual_labels_with_full_stops_between_thousands(pitea: Any) -> None:
    a = pitea.ask("Hur stor budget har Vägen Vidare Piteå?")
    assert "14 280 000 kr" in a.text and "8 568 000 kr" in a.text


def test_a_project_told_only_in_the_overview_table(pitea: Any) -> None:
    a = pitea.ask("Vem är projektledare för Frisk i Jobbet?")
    assert "Karin Öberg" in a.text
    budget = pitea.ask("Hur stor är den totala budgeten för Frisk i Jobbet?")
    assert "7,2 mnkr" in budget.text  # as the table writes it, not as exact kronor


def test_a_leader_project_is_listed_by_its_fund(pitea: Any) -> None:
    a = pitea.ask("Vilka projekt finansieras genom Leader?")
    assert "Byaliv Sörfjärden" in a.text
