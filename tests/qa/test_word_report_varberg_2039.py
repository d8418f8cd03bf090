"""Answers over the forty-seventh held-out report (tests/fixtures/heldout47/: Word, each
project a Heading 1 opening with a case number, facts in two-column tables with free labels
and two-line cells, an Interreg project budgeted "EUR 1 840 000"; written blind and first
measured before any change), added as a user adds one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout47" / "rapport_varberg_2039.docx"


@pytest.fixture(scope="module")
def varberg(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def test_a_case_number_is_no_part_of_the_name(varberg: Any) -> None:
    a = varberg.ask("Vem leder Nya vägar Varberg?")
    assert a.answerable and "Maria Höglund" in a.text and "2037/054" not in a.text


def test_a_budget_in_euro_with_the_currency_first_stays_in_euro(varberg: Any) -> None:
    a = varberg.ask("Vad kostar Kattegat Coast Lab totalt?")
    assert a.answerable and "1 840 000" in a.text and " kr" not in a.text
    assert all(f.unit == "euro" for f in a.figures if f.field in ("total_budget", "eu_funding"))


def test_responsible_department_and_grant_from_the_named_fund(varberg: Any) -> None:
    owner = varberg.ask("Vilken förvaltning ansvarar för LIFE Lillån?")
    assert owner.answerable and "Miljö- och hälsoskyddsförvaltningen" in owner.text
    grant = varberg.ask("Hur mycket bidrar EU till återställningen av Lillån?")
    assert grant.answerable and "18,72 miljoner kronor" in grant.text


def test_a_project_called_by_what_it_hands_out(varberg: Any) -> None:
    a = varberg.ask("Vilken organisation driver matutdelningsprojektet?")
    assert a.answerable and "Matbryggan" in a.text and "Föreningen Matbryggan i Varberg" in a.text


def test_spending_no_passage_states_is_declined(varberg: Any) -> None:
    a = varberg.ask("Hur mycket har Kattegat Coast Lab förbrukat av sin budget hittills?")
    assert not a.answerable and not a.citations and "förbrukat" in a.text


def test_headwind_is_a_challenge(varberg: Any) -> None:
    a = varberg.ask("Vad har varit motvind i Grön omställning i hamnen?")
    assert a.answerable and a.citations[0].passage.chunk.section_type.value == "challenges"


def test_a_project_called_by_whose_undertaking_it_is(varberg: Any) -> None:
    a = varberg.ask("Vem är huvudman för hamnens satsning på landström?")
    assert a.answerable and "Hamnbolaget i Varberg AB" in a.text
    assert "”hamnens satsning” avser Grön omställning i hamnen" in a.text
