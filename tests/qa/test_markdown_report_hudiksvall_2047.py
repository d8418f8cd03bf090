"""Answers over the fifty-sixth held-out report (tests/fixtures/heldout56/: Markdown with
setext headings only, bold-label fact lines, bold-only part titles ('**Det som skaver**'),
a project run in two phases with their own budgets, goals as a numbered list with
'(utfall: N)'; written blind and first measured before any change), added as a user adds one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout56" / "rapport_hudiksvall_2047.md"


@pytest.fixture(scope="module")
def hudiksvall(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def test_each_phase_has_its_own_budget(hudiksvall: Any) -> None:
    a = hudiksvall.ask("Vad är den totala budgeten för Kustnära Innovation fas 2?")
    assert a.answerable and "11,8 MSEK" in a.text and "6,2 MSEK" not in a.text


def test_extended_projects_are_listed(hudiksvall: Any) -> None:
    a = hudiksvall.ask("Vilka projekt har förlängts?")
    assert a.answerable and "Bygdekraft Delsbo" in a.text and "Fiskelägen i förändring" in a.text
    assert "Levande Dellen" not in a.text


def test_a_part_of_the_participants_counted_under_another_noun(hudiksvall: Any) -> None:
    a = hudiksvall.ask("Hur många av deltagarna i Vägen Vidare har fått jobb eller börjat studera?")
    assert a.answerable and "71 personer" in a.text
