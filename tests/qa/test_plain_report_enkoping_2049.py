"""Answers over the fifty-eighth held-out report (tests/fixtures/heldout58/: plain text,
'Projekt 3 av 10: Namn', each project's facts on one line of 'Label: value' pairs, parts
run in after bracketed tags ('[Status] …', '[Utmaningar] …'); written blind and first
measured before any change), added as a user adds one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout58" / "rapport_enkoping_2049.txt"


@pytest.fixture(scope="module")
def enkoping(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def test_bracketed_tags_open_parts(enkoping: Any) -> None:
    a = enkoping.ask("Vilka utmaningar har Klimatsprånget haft?")
    assert a.answerable and a.citations[0].passage.chunk.section_title == "Utmaningar"
    assert "överpröv" in a.text


def test_a_line_of_pairs_gives_the_period_and_the_fund(enkoping: Any) -> None:
    a = enkoping.ask("När startade Omsorgslyftet?")
    assert a.answerable and "2048-02-01" in a.text
    b = enkoping.ask("Vilken fond finansierar Trygg natt?")
    assert b.answerable and "Interreg" in b.text


def test_projects_going_on_after_a_year(enkoping: Any) -> None:
    a = enkoping.ask("Vilka projekt håller på efter att 2050 är slut?")
    assert a.answerable
    listed = a.text.split("Enligt Rapport 2019")[0]
    for name in ("Byggcirkeln", "Trygg natt", "Hemma på riktigt"):
        assert name in listed
    assert "Vägen in" not in listed
