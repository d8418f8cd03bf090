"""Answers over the thirtieth held-out report (tests/fixtures/heldout30/: an A4 PDF with
running headers, label lines in a fixed column, prose-only projects, euro amounts with
their kronor; written blind and first measured before any change), added to the
session's corpus as a user adds one. Each test is a behaviour its blind run lacked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from qa.service import Trace

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout30" / "rapport_lulea_2033.pdf"


@pytest.fixture(scope="module")
def lulea(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def test_label_lines_whose_value_sits_in_a_tab_column_or_lost_its_space(lulea: Any) -> None:
    # "Projektledare:<TAB>Johanna Nordmark", "Projektledare för Luleås del:Mikael Aho"
    assert "Johanna Nordmark" in lulea.ask("Vem är projektledare för Jobbspår Norr?").text
    a = lulea.ask("Vem leder Arctic Growth Corridor och vilken förvaltning äger projektet?")
    assert "Mikael Aho" in a.text and "Kommunledningsförvaltningen" in a.text


def test_a_company_owns_a_project(lulea: Any) -> None:
    a = lulea.ask("Vilket bolag står bakom Grön Hamnlogistik Luleå, och vem leder projektet?")
    assert "Luleå Hamn AB" in a.text and "Per-Olof Rönnbäck" in a.text


def test_a_grant_in_euro_with_its_conversion(lulea: Any) -> None:
    a = lulea.ask("Hur mycket pengar beviljades Lärande utan gränser från Erasmus+?")
    assert "268 000 euro, vilket motsvarar ungefär 3 015 000 kr" in a.text


def test_a_project_described_by_its_owner_and_place(lulea: Any) -> None:
    trace = Trace()
    a = lulea.ask("Vad är totalbudgeten för Lulebos energiprojekt på Hertsön?", trace=trace)
    assert a.answerable and trace.path == "facts" and "24 750 000 kr" in a.text
