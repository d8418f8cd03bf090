"""Answers over the sixty-fourth held-out report (tests/fixtures/heldout64/: Markdown with
YAML front matter and setext headings, facts as bulleted bold labels with total and grant on
one 'Ekonomi' line, a continuation project beside its predecessor; written blind and first
measured before any change), added as a user adds one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout64" / "rapport_hassleholm_2055.md"


@pytest.fixture(scope="module")
def hassleholm(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def test_a_bulleted_economy_line_gives_budget_and_grant(hassleholm: Any) -> None:
    a = hassleholm.ask("Hur stor är budgeten för Spårbyte?")
    assert a.answerable and "14,2 Mkr" in a.text and "8,52 Mkr" in a.text


def test_a_continuation_project_has_its_own_budget_not_its_predecessors(hassleholm: Any) -> None:
    a = hassleholm.ask("Vad kostar Gröna Verkstaden II?")
    assert a.answerable and "8,9 Mkr" in a.text and "6,1 Mkr" not in a.text


def test_a_project_called_by_what_its_pupils_do(hassleholm: Any) -> None:
    a = hassleholm.ask("Vem äger projektet där yrkeseleverna gör praktik utomlands?")
    assert a.answerable and "Lärlingsbron" in a.text
    assert "Barn- och utbildningsförvaltningen (Ljungdalsgymnasiet)" in a.text
