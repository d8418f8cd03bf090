"""Answers over the sixtieth held-out report (tests/fixtures/heldout60/: Markdown with
numbered headings, facts in '| Fält | Uppgift |' tables with 'Beviljade medel' / 'Därav EU',
a closing chapter of shared parts; written blind and first measured before any change),
added as a user adds one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout60" / "rapport_uddevalla_2051.md"


@pytest.fixture(scope="module")
def uddevalla(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def test_granted_funds_are_the_budget_and_the_eu_part_is_below(uddevalla: Any) -> None:
    a = uddevalla.ask("Hur mycket pengar har Vägen Vidare totalt att röra sig med?")
    assert a.answerable and any(f.field == "total_budget" and f.value == 14_600_000 for f in a.figures)


def test_a_project_called_by_what_it_does(uddevalla: Any) -> None:
    a = uddevalla.ask("Vilken EU-fond betalar musselodlingen i fjorden?")
    assert a.answerable and "Byfjordsmusslan" in a.text and "EHFVF" in a.text


def test_the_shared_chapter_is_no_project(uddevalla: Any) -> None:
    a = uddevalla.ask("Vilka projekt får pengar från Regionalfonden?")
    assert a.answerable and "Klimatlyft Fjordkusten" in a.text and "Cirkulära Fjordstaden" in a.text
    assert "Samlade iakttagelser" not in a.text
