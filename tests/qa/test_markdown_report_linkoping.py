"""Answers over the twelfth held-out report (tests/fixtures/heldout12/: Markdown with
numbered project headings, bold pseudo-headings, prose-only projects and an overview table
in tkr; written blind), added to the session's corpus as a user adds one. Each test is a
behaviour its blind run lacked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout12" / "rapport_linkoping_2028.md"


@pytest.fixture(scope="module")
def linkoping(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def fields(answer: Any) -> dict[str, Any]:
    return {f.field: f.value for f in answer.figures}


def cited_projects(answer: Any) -> set[str]:
    return {c.passage.chunk.project for c in answer.citations if c.passage.chunk.project}


def test_the_last_project_told_in_running_text_is_a_project(linkoping: Any) -> None:
    a = linkoping.ask("Vem var projektledare för Smakbanken och vad kostade projektet?")
    assert a.answerable
    assert fields(a)["manager"] == "Petra Gunnarsson" and fields(a)["total_budget"] == 2_450_000


def test_the_end_that_replaced_the_original_one(linkoping: Any) -> None:
    a = linkoping.ask("När slutar Vägval Skäggetorp efter förlängningen?")
    assert a.answerable and fields(a)["end_date"] == "2029-02-28"


def test_a_kind_of_project_named_by_a_word_of_its_name(linkoping: Any) -> None:
    a = linkoping.ask("Hur mycket får mobilitetsprojektet i Mjärdevi från Regionalfonden?")
    assert a.answerable and fields(a)["eu_funding"] == 9_120_000


def test_an_amount_contributed_by_the_fund_is_the_eu_funding(linkoping: Any) -> None:
    a = linkoping.ask("Vilket belopp bidrar AMIF med till Språkbron?")
    assert a.answerable and fields(a)["eu_funding"] == 4_110_000


def test_erasmus_plus_is_a_fund(linkoping: Any) -> None:
    a = linkoping.ask("Vilken fond finansierade Digital vardag 65+?")
    assert a.answerable and fields(a)["fund"] == "Erasmus+"


def test_the_target_group_is_no_goal(linkoping: Any) -> None:
    a = linkoping.ask("Vilken målgrupp vänder sig Kvinnor i rörelse till?")
    assert a.answerable and "utrikes födda kvinnor" in a.text
    assert "goal" not in fields(a)


def test_a_colloquial_lesson_question_is_answered_from_several_projects(linkoping: Any) -> None:
    a = linkoping.ask("Vilket strul med ekonomin och utbetalningarna har projekten råkat ut för?")
    assert a.answerable and len(cited_projects(a)) >= 2
    staff = linkoping.ask("Vad hände i projekten när nyckelpersoner slutade?")
    assert staff.answerable and len(cited_projects(staff)) >= 2
