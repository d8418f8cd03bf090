"""Answers over the eleventh held-out report (tests/fixtures/heldout11/: a Word document,
written blind and measured before any change), added to the session's corpus as a user
adds one. Each test is a behaviour its blind run lacked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout11" / "rapport_sundsvall_2027.docx"


@pytest.fixture(scope="module")
def sundsvall(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def fields(answer: Any) -> dict[str, Any]:
    """Each field's first figure (a former manager's figure follows the current one's)."""
    out: dict[str, Any] = {}
    for f in answer.figures:
        out.setdefault(f.field, f.value)
    return out


def test_a_project_told_without_subsection_titles_is_found(sundsvall: Any) -> None:
    # "Kompetenslyft Vård Mitt" stands between projects and tells everything in prose.
    a = sundsvall.ask("Vem är projektledare för Kompetenslyft Vård Mitt?")
    assert a.answerable and fields(a)["manager"] == "Maria Bergqvist"


def test_a_season_qualifying_the_question_is_no_content(sundsvall: Any) -> None:
    a = sundsvall.ask("Vem leder Cirkulära Sundsvall sedan våren 2027?")
    assert a.answerable and fields(a)["manager"] == "Emma Lindholm"


def test_granted_support_is_the_eu_funding(sundsvall: Any) -> None:
    a = sundsvall.ask("Hur mycket EU-stöd från AMIF har Första Året beviljats?")
    assert a.answerable and fields(a)["eu_funding"] == 4_680_000


def test_which_partners_are_part_of_a_project(sundsvall: Any) -> None:
    a = sundsvall.ask("Vilka samverkansparter ingår i Frisk i Arbete?")
    assert a.answerable and "Försäkringskassan" in a.text


def test_a_part_defined_by_a_word_no_sentence_counts_is_declined(sundsvall: Any) -> None:
    # "212 unga skrevs in" counts participants, not those who had a driving licence.
    a = sundsvall.ask("Hur många av deltagarna i Ung Kraft Sundsvall hade körkort när de skrevs in?")
    assert not a.answerable
