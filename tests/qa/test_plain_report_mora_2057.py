"""Answers over the sixty-sixth held-out report (tests/fixtures/heldout66/: plain text written
as a memo, 'PROJEKT n AV 10: NAME' titles with facts in prose, a project in two phases, one
withdrawn before it started, ASCII result tables; written blind and first measured before
any change), added as a user adds one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout66" / "rapport_mora_2057.txt"


@pytest.fixture(scope="module")
def mora(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def test_a_project_in_phases_is_told_by_its_current_phase(mora: Any) -> None:
    a = mora.ask("Hur stor budget har Kompetenslyft omsorg Mora?")
    assert a.answerable and "7 350 000 kr" in a.text and "5 800 000" not in a.text
    end = mora.ask("När slutar Kompetenslyft omsorg Mora?")
    assert end.answerable and "31 maj 2058" in end.text


def test_a_manager_named_after_a_fronted_time(mora: Any) -> None:
    a = mora.ask("Vem leder Vasaloppsvägen till arbete?")
    assert a.answerable and "Johan Mattsson" in a.text
    assert "Tidigare projektledare har varit Karin Ersson" in a.text


def test_a_project_called_by_initials_the_report_never_defines(mora: Any) -> None:
    a = mora.ask("Hur mycket får DSF från Regionalfonden?")
    assert a.answerable and "Digitala Siljansföretag" in a.text and "2 560 tkr" in a.text


def test_a_count_asked_of_the_second_phase_opens_with_that_phases_row(mora: Any) -> None:
    a = mora.ask("Hur många omsorgsmedarbetare har validerats till undersköterskor i fas 2 av lyftet?")
    assert a.answerable and "| 90 | 72 |" in a.text.split("[1]")[0]
