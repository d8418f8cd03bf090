"""Answers over the forty-ninth held-out report (tests/fixtures/heldout49/: a PDF with
"Projekt 3 av 10: Namn" headings, facts in drawn two-column tables without colons, titles in
capitals, raised footnote numbers that layout extraction moves to rows of their own; written
blind and first measured before any change), added as a user adds one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout49" / "rapport_ystad_2040.pdf"


@pytest.fixture(scope="module")
def ystad(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def test_projects_counted_in_their_headings(ystad: Any) -> None:
    a = ystad.ask("Vem är projektledare för Unga Kust efter bytet?")
    assert a.answerable and "Elsa Lindgren" in a.text


def test_a_sentence_around_a_footnote_number_reads_whole(ystad: Any) -> None:
    a = ystad.ask("Hur många deltagare har skrivits in i Nästa Steg Ystad sedan starten?")
    assert a.answerable and "Sedan starten har 212 deltagare skrivits in, varav 53 procent kvinnor" in a.text


def test_ended_during_the_year_the_report_covers(ystad: Any) -> None:
    a = ystad.ask("Vilka projekt i portföljen avslutades under 2040?")
    assert a.answerable and "Kompetenslyft Vård Syd" in a.text and "Välkommen Ystad" in a.text


def test_spending_stated_is_quoted(ystad: Any) -> None:
    a = ystad.ask("Hur mycket av budgeten har Nästa Steg Ystad upparbetat?")
    assert a.answerable and "13,2 MSEK" in a.text
