"""Answers over the thirty-first held-out report (tests/fixtures/heldout31/: plain text
hard-wrapped at 90 columns, numbered capital chapters without sub-numbers, projects
introduced as "Delprojekt: X", "[X]" or a title over a line of stars, dot-leader fact
blocks, titles written as statements; written blind and first measured before any
change), added to the session's corpus as a user adds one. Each test is a behaviour its
blind run lacked (the blind run found no project at all)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from qa.service import Trace

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout31" / "rapport_kiruna_2034.txt"


@pytest.fixture(scope="module")
def kiruna(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def test_a_manager_on_a_dot_leader_line_changed_during_the_year(kiruna: Any) -> None:
    trace = Trace()
    a = kiruna.ask("Vem leder Kompass Ung i dag?", trace=trace)
    assert trace.path == "facts" and "Elin Kuoksu" in a.text


def test_an_end_date_asked_with_a_describing_word_inside_the_phrase(kiruna: Any) -> None:
    # "När tar ungdomsprojektet X slut?": "tar … slut" asks for the end date.
    a = kiruna.ask("När tar ungdomsprojektet Kompass Ung slut?")
    assert "2035-02-28" in a.text


def test_a_grant_named_by_its_fund_in_running_prose(kiruna: Any) -> None:
    a = kiruna.ask("Hur mycket AMIF-stöd får Ny i Kiruna?")
    assert "2 955 tkr" in a.text


def test_a_project_called_by_its_theme(kiruna: Any) -> None:
    a = kiruna.ask("Vem är det som driver byaprojektet längs älven?")
    assert a.answerable and "Saivojärvi byaförening" in a.text
    assert any("Byarna vid älven" in n for n in a.notes)


def test_a_described_project_without_a_named_manager_is_declined(kiruna: Any) -> None:
    # The newest report's AMIF project for newcomers names no manager; the 2019 report's
    # AMIF project does, and must not answer for it.
    a = kiruna.ask("Vem är projektledare för AMIF-projektet för nyanlända?")
    assert not a.answerable and "Ny i Kiruna" in a.text and not a.citations


def test_a_grant_not_stated_is_not_answered_with_the_budget(kiruna: Any) -> None:
    # The total and the municipality's own share are stated; the LIFE grant is not.
    a = kiruna.ask("Hur mycket EU-pengar får Myrlandet från LIFE-programmet?")
    assert not a.answerable and "EU-stödet" in a.text and "Myrlandet" in a.text
