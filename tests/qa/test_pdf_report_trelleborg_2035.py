"""Answers over the forty-second held-out report (tests/fixtures/heldout42/: a PDF with a
contents page, numbered headings, each project's facts in a ruled "Uppgift | Beskrivning"
table, footnotes, bold lead-in subsection titles; written blind and first measured before
any change), added as a user adds one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout42" / "rapport_trelleborg_2035.pdf"


@pytest.fixture(scope="module")
def trelleborg(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def test_a_grant_asked_without_the_projects_name_quotes_the_sum(trelleborg: Any) -> None:
    # "Trelleborg" closes two names; the sum in euro stands in the project's facts table.
    a = trelleborg.ask("Hur mycket EU-pengar får Trelleborg själv i Interreg-samarbetet om kusten?")
    assert a.answerable and "488 000 euro" in a.text


def test_every_numbered_project_is_read(trelleborg: Any) -> None:
    # Ten numbered sections under "3 Projekten", each opening with its ruled facts table.
    names = {"Steget Vidare", "Navigatorn", "Grön Hamn Trelleborg", "Smart Handel Söderslätt",
             "Kust i balans", "Språkhamnen", "Mötesplats Smygehamn", "Europaskolan Trelleborg",
             "Våtmarker i Albäcksån", "Omsorgslyftet"}
    assert names <= set(trelleborg.catalog.names())
    a = trelleborg.ask("Vem är projektledare för Grön Hamn Trelleborg?")
    assert "Per-Erik Mårtensson" in a.text


def test_where_the_money_comes_from_asks_the_fund(trelleborg: Any) -> None:
    # "upprustningen av packhuset i" says which project "Smygehamn" names; "varifrån" asks the fund.
    a = trelleborg.ask("Varifrån kom EU-pengarna till upprustningen av packhuset i Smygehamn?")
    assert a.answerable and "LEADER" in a.text


def test_the_last_day_is_the_end_date(trelleborg: Any) -> None:
    assert "31 augusti 2036" in trelleborg.ask("När är sista dagen för kvinnoprojektet Steget Vidare?").text
