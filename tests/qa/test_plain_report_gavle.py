"""Answers over the ninth held-out report (tests/fixtures/heldout9/: plain text with
underlined titles, written blind), added to the session's corpus as a user adds one. Each
test is a behaviour its blind run lacked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout9" / "rapport_gavle_2027.txt"


@pytest.fixture(scope="module")
def gavle(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def fields(answer: Any) -> dict[str, Any]:
    return {f.field: f.value for f in answer.figures}


def test_who_runs_a_project_is_its_owner_and_manager(gavle: Any) -> None:
    a = gavle.ask("vem driver omsorgslyftet?")
    assert a.answerable
    assert fields(a)["owner"] == "Vård- och omsorgsförvaltningen" and fields(a)["manager"] == "Lena Marklund"


def test_when_it_will_be_finished_is_the_end_date(gavle: Any) -> None:
    a = gavle.ask("Vilken förvaltning äger Språkbron och när ska projektet vara klart efter förlängningen?")
    assert a.answerable and fields(a)["end_date"] == "2028-06-30"
    assert fields(a)["owner"] == "Arbetsmarknads- och vuxenutbildningsförvaltningen"


def test_the_fund_for_a_just_transition_asks_for_the_eu_funding(gavle: Any) -> None:
    a = gavle.ask("Hur mycket pengar får Omställningsnavet från rättvisefonden, och vad är totalbudgeten?")
    assert a.answerable
    assert fields(a)["eu_funding"] == 18_888_000 and fields(a)["total_budget"] == 31_480_000


def test_a_count_of_people_asked_with_a_verb(gavle: Any) -> None:
    # "hur många kom ut i jobb": no counted noun follows, the report counts "96 deltagare".
    a = gavle.ask("Steget Före: hur många kom ut i jobb eller studier, och vad var målsättningen?")
    assert a.answerable and "96" in a.text and "120" in a.text


def test_the_reports_own_sentence_of_the_same_selection_is_quoted(gavle: Any) -> None:
    # Not "tio projekt … avslutade under året" (another count) nor a sentence about two
    # other projects that end later.
    a = gavle.ask("Vilka av kommunens EU-projekt avslutades under 2027?")
    assert a.answerable and "Två projekt avslutades under 2027" in a.text


def test_a_lesson_across_projects_is_judged_on_every_passage_it_would_cite(gavle: Any) -> None:
    # No three passages hold every word of the question; the passages of the answer do.
    a = gavle.ask("Hur har samarbetet med Af fungerat i de socialfondsfinansierade projekten?")
    assert a.answerable
    assert len({c.passage.chunk.project for c in a.citations[:10]}) >= 3
