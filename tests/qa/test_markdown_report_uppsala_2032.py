"""Answers over the twenty-eighth held-out report (tests/fixtures/heldout28/: Markdown with
projects grouped under fund chapters, facts as tables or bold label lines, lessons as
quotes and lists under lead-in lines; written blind and first measured before any
change), added to the session's corpus as a user adds one. Each test is a behaviour its
blind run lacked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from corpus.types import SectionType
from qa.service import Trace

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout28" / "rapport_uppsala_2032.md"


@pytest.fixture(scope="module")
def uppsala(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def test_the_only_project_of_a_fund_chapter_is_a_project(uppsala: Any) -> None:
    # "## Interreg Central Baltic" / "### Skärgårdsvård över gränsen" had been a subsection.
    trace = Trace()
    a = uppsala.ask("Vem är projektledare för Skärgårdsvård över gränsen?", trace=trace)
    assert a.answerable and trace.path == "facts" and "Erik Sandholm" in a.text


def test_lessons_under_lead_in_lines_are_lessons(uppsala: Any) -> None:
    chunks = [c for c in uppsala.retriever.chunks.values() if c.project == "Skärgårdsvård över gränsen"]
    worked = next(c for c in chunks if "besökte patienterna i hemmet" in c.text)
    hard = next(c for c in chunks if "Valutarisken blev kännbar" in c.text)
    assert worked.section_type is SectionType.SUCCESS_FACTORS and hard.section_type is SectionType.CHALLENGES


def test_a_question_asking_two_counts_gets_both(uppsala: Any) -> None:
    a = uppsala.ask("Hur många företag deltog i Innovationsslussen och hur många nya jobb blev det?")
    assert a.answerable and "64 företag" in a.text and "38 nya arbetstillfällen" in a.text


def test_the_goal_right_after_a_stated_share_is_its_goal(uppsala: Any) -> None:
    # "… 37 procent, gått vidare … Målet var 40 procent.": the participant goal ("450 unga")
    # shares more words with the question but is another field.
    a = uppsala.ask("Hur stor andel av de unga i Unga vägar Uppland gick vidare till jobb eller studier, "
                    "och nådde man målet?")
    assert "37 procent" in a.text and "Målet var 40 procent" in a.text and "450" not in a.text


def test_utomlands_is_the_theme_of_partners_in_other_countries(uppsala: Any) -> None:
    # "partner utomlands" against "huvudpartnern", "flera språk", "andra länder": declined
    # before, "utomlands" being a word no report uses.
    trace = Trace()
    a = uppsala.ask("Vad krånglade i samarbetet med partner utomlands?", trace=trace)
    assert a.answerable and trace.path == "lessons"
    assert any(c.passage.chunk.project == "Skärgårdsvård över gränsen" for c in a.citations[:5])
