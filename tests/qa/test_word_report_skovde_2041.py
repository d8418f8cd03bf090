"""Answers over the fifty-first held-out report (tests/fixtures/heldout51/: Word, projects
grouped under thematic chapters, facts as bulleted bold labels, parts as bold run-in lead
words, one manager post vacant, a prose-only budget; written blind and first measured
before any change), added as a user adds one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout51" / "rapport_skovde_2041.docx"


@pytest.fixture(scope="module")
def skovde(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def test_an_experience_asked_of_no_project_is_answered_per_project(skovde: Any) -> None:
    a = skovde.ask("Vad händer när projektledaren slutar mitt i projektet?")
    assert a.answerable
    projects = {c.passage.chunk.project for c in a.citations}
    assert {"Unga vägar", "Industrispåret"} <= projects
    assert a.text.startswith("Det här skriver rapporterna, per projekt")


def test_a_compound_of_a_fund_and_pengar_is_no_unknown_name(skovde: Any) -> None:
    a = skovde.ask("Hur mycket Interregpengar får Återbruksnavet?")
    assert a.answerable and "Rapporterna nämner inte" not in a.text
    assert {c.passage.chunk.project for c in a.citations} == {"Återbruksnavet"}


def test_participants_going_on_to_studies_is_no_start_date(skovde: Any) -> None:
    a = skovde.ask("Hur många av deltagarna i Industrispåret fick jobb eller började studera?")
    assert "pågår" not in a.text and "startade" not in a.text
