"""Answers over the thirty-seventh held-out report (tests/fixtures/heldout37/: a Word
document without heading styles, fact tables with merged rows, facts in one long
sentence, a project not yet started; written blind and first measured before any
change), added as a user adds one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout37" / "rapport_karlskrona_2033.docx"


@pytest.fixture(scope="module")
def karlskrona(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def test_a_grant_of_one_partner_is_not_said_to_be_of_the_whole_budget(karlskrona: Any) -> None:
    a = karlskrona.ask(
        "Hur stor är hela budgeten för Interregprojektet Digital Skärgård, alla partner inräknade, i euro?"
    )
    # Karlskrona's part ("412 000 euro, varav 329 600 euro") is not of the whole; the
    # partnership's grant ("Interregstöd (80 %) 1 472 000 euro") is.
    assert "1 840 000 euro" in a.text and "varav 329 600" not in a.text


def test_which_support_is_the_fund(karlskrona: Any) -> None:
    a = karlskrona.ask("Vilket EU-stöd finansierar satsningen på mötesplatser ute på öarna?")
    assert "Levande Skärgårdsbyar" in a.text and "LEADER" in a.text


def test_how_many_of_a_group_opens_with_the_number(karlskrona: Any) -> None:
    a = karlskrona.ask("Hur många av ungdomarna i Ung Kraft har fått jobb eller börjat plugga?")
    assert "87" in a.text.split("\n")[0]


def test_the_planned_start_of_a_project_not_started(karlskrona: Any) -> None:
    a = karlskrona.ask("När är det tänkt att återbruksparken ska dra igång?")
    # Starting after the year of its report (2033), the project is not started: its
    # "Planerad projektperiod" is the period it "ska pågå".
    assert "ska pågå 2034-03-01" in a.text
