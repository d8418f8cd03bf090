"""Answers over the fifty-fourth held-out report (tests/fixtures/heldout54/: plain text with
decimal-numbered headings only, dotted key/value blocks, parts run in after a dash ('Läge –
…', 'Svagheter – …'), a LEADER project, one not started; written blind and first measured
before any change), added as a user adds one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout54" / "rapport_lidkoping_2045.txt"


@pytest.fixture(scope="module")
def lidkoping(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def test_parts_run_in_after_a_dash(lidkoping: Any) -> None:
    a = lidkoping.ask("Vilka svagheter har Hamnstaden Cirkulär haft?")
    assert a.answerable and a.citations[0].passage.chunk.section_type.value == "challenges"
    assert a.citations[0].passage.chunk.section_title == "Svagheter"


def test_a_leader_projects_fund_names_its_local_group(lidkoping: Any) -> None:
    a = lidkoping.ask("Var kommer EU-stödet ifrån till satsningen på lågsäsongsturism runt Kinnekulle?")
    assert a.answerable and "Leader Vänerbygden" in a.text


def test_when_a_project_not_yet_started_gets_going(lidkoping: Any) -> None:
    a = lidkoping.ask("När drar Vänerstrand Liv igång?")
    assert a.answerable and "ska pågå 2046-01-01" in a.text
