"""Answers over the fortieth held-out report (tests/fixtures/heldout40/: Markdown, projects
as "### 3.1 Name (ACR)" under "## 3 Projekten" with freely worded subsections, facts as bold
labels run together between middle dots, an Interreg project in euro; written blind and
first measured before any change), added as a user adds one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout40" / "rapport_vasternorrland_2036.md"


@pytest.fixture(scope="module")
def vasternorrland(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def test_every_account_in_the_projects_chapter_is_a_project(vasternorrland: Any) -> None:
    a = vasternorrland.ask("Hur stort är Interregstödet till Kvarkenprojektet, räknat i euro?")
    assert a.answerable and "1 612 000 euro" in a.text
    end = vasternorrland.ask("När ska laddprojektet för lastbilar längs E4 vara klart?")
    assert "30 november 2037" in end.text


def test_facts_run_together_with_middle_dots(vasternorrland: Any) -> None:
    a = vasternorrland.ask("Vem är projektledare för Vätgasnod Mitt?")
    assert "Henrik Ödmark" in a.text
    owner = vasternorrland.ask("Vem äger Vätgasnod Mitt?")
    assert "Energikontoret Västernorrland" in owner.text


def test_a_manager_named_by_title_in_prose(vasternorrland: Any) -> None:
    a = vasternorrland.ask("Vem är projektledare för Digital närvård i inlandet?")
    assert a.answerable and "Lisa Hägglund" in a.text


def test_a_name_the_report_never_writes_is_declined(vasternorrland: Any) -> None:
    a = vasternorrland.ask("Vem är projektledare för Grön Hamn Härnösand?")
    assert not a.answerable and "”Grön Hamn Härnösand”" in a.text and a.citations == []


def test_a_count_of_a_compound_written_apart(vasternorrland: Any) -> None:
    # "småföretag" is counted by "46 små och medelstora företag".
    a = vasternorrland.ask("Hur många småföretag har vätgasprojektet hunnit hjälpa hittills?")
    assert a.answerable and "46" in a.text


def test_an_end_date_the_report_never_gives_is_declined(vasternorrland: Any) -> None:
    # "Mat och möten" states only "**Start:** 1 mars 2035"; "okänt datum" is no answer to when it ends.
    a = vasternorrland.ask("När tar Mat och möten slut?")
    assert not a.answerable and "slutar" in a.text and a.citations == []
    start = vasternorrland.ask("När startade Mat och möten?")
    assert start.answerable and "1 mars 2035" in start.text
