"""Answers over the fifteenth held-out report (tests/fixtures/heldout15/: a Word document
with heading styles, bold subsection lines and a table in tkr; written blind and first
measured before any change), added to the session's corpus as a user adds one. Each test is
a behaviour its blind run lacked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from corpus.types import SectionType
from qa.service import Trace

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout15" / "rapport_uppsala_2029.docx"
ID = "rapport_uppsala_2029"
LESSONS = {SectionType.SUCCESS_FACTORS, SectionType.CHALLENGES}


@pytest.fixture(scope="module")
def uppsala(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def test_tips_on_employers_are_lessons_across_projects(uppsala: Any) -> None:
    # "tips", "vilja": the question's everyday form; before, it was answered from the three
    # closest passages only, as if it asked one fact.
    trace = Trace()
    question = "Vilka tips finns för att få arbetsgivare att vilja ta emot praktikanter?"
    a = uppsala.ask(question, trace=trace)
    assert a.answerable and trace.path == "lessons"
    ours = [c for c in a.citations[:5] if c.passage.chunk.report_id == ID]
    assert len({c.passage.chunk.project for c in ours}) >= 2
    assert any(c.passage.chunk.section_type in LESSONS for c in ours)


def test_what_caused_trouble_is_a_lesson_question_across_projects(uppsala: Any) -> None:
    trace = Trace()
    a = uppsala.ask("Vad har ställt till det när personal slutat?", trace=trace)
    assert a.answerable and trace.path == "lessons"
