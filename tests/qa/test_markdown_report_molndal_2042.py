"""Answers over the fifty-second held-out report (tests/fixtures/heldout52/: Markdown with
YAML front matter, projects as '## Namn' with '| Uppgift | Uppgifter |' tables, parts as
question headings, money under 'Ekonomi', an Interreg project led by a Danish municipality;
written blind and first measured before any change), added as a user adds one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout52" / "rapport_molndal_2042.md"


@pytest.fixture(scope="module")
def molndal(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def test_the_front_matter_title_is_the_reports_title(molndal: Any) -> None:
    assert molndal.reports_meta["rapport_molndal_2042"]["title"] == "Kvarnkraft – årsrapport 2042"


def test_money_under_an_ekonomi_label(molndal: Any) -> None:
    a = molndal.ask("Vad är den totala budgeten för Kompetensnod Kvarnhöjden?")
    assert a.answerable and "26 400 000 kr" in a.text and "8 000 000 kr" in a.text


def test_an_organisation_leading_the_project_is_no_manager(molndal: Any) -> None:
    a = molndal.ask("Vem leder Kvarnbäcken?")
    assert a.answerable and "Petra Gunnarsson" in a.text and "Hjørring" not in a.text


def test_a_described_project_asked_whom_to_contact(molndal: Any) -> None:
    a = molndal.ask("Vem ska man kontakta som projektledare för matkasseprojektet?")
    assert a.answerable and "Gunilla Persson" in a.text and "”matkasseprojektet” avser Matbron" in a.text


def test_small_companies_meet_small_and_medium_sized_ones(molndal: Any) -> None:
    a = molndal.ask("När tar energiprojektet för småföretagen slut?")
    assert a.answerable and "Klimatlyftet" in a.text and "2043-03-31" in a.text
