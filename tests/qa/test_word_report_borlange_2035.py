"""Answers over the thirty-ninth held-out report (tests/fixtures/heldout39/: Word with
heading styles, projects grouped under fund chapters, each project's facts in a two-column
table, bold-run subsection titles, several project names ending in the town's name; written
blind and first measured before any change), added as a user adds one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout39" / "rapport_borlange_2035.docx"


@pytest.fixture(scope="module")
def borlange(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def test_the_town_closing_several_names_is_no_ambiguity(borlange: Any) -> None:
    # "Borlänge" closes three project names; the question means the town's part of one project.
    q = "Hur mycket Interregstöd får Borlänge för sin del av det norsk-svenska lastbilsprojektet?"
    a = borlange.ask(q)
    assert a.answerable and "258 000 euro" in a.text and "Gränslös Logistik" in a.text


def test_an_owner_with_one_project_names_it(borlange: Any) -> None:
    a = borlange.ask("Hur stort bidrag har Hagalundsgymnasiet fått?")
    assert a.answerable and "64 500 euro" in a.text
    assert "”Hagalundsgymnasiet” avser Yrkeslärare i Europa" in a.text  # the reading is shown


def test_a_manager_changed_during_the_year(borlange: Any) -> None:
    a = borlange.ask("Vem leder Nya Steg Borlänge nu?")
    assert "Jonas Perälä" in a.text


def test_a_share_stated_only_for_another_project_is_declined(borlange: Any) -> None:
    # Nya Steg Borlänge states a share of women; Hälsobron does not.
    a = borlange.ask("Hur stor andel av deltagarna i Hälsobron är kvinnor?")
    assert not a.answerable and a.citations == []
