"""Answers over the twenty-seventh held-out report (tests/fixtures/heldout27/: plain text
with underlined chapters, projects introduced as "PROJEKT n – Namn", facts in
colon-aligned blocks or prose, amounts in tkr, Mkr and euro with kronor; written blind
and first measured before any change), added to the session's corpus as a user adds one.
Each test is a behaviour its blind run lacked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from qa.service import Trace

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout27" / "rapport_gavle_2033.txt"


@pytest.fixture(scope="module")
def gavle(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def test_projects_labelled_projekt_n_are_projects_with_their_facts(gavle: Any) -> None:
    # The blind run read the whole chapter as one project named "Projektredovisningar".
    trace = Trace()
    a = gavle.ask("Vem leder Steget Vidare?", trace=trace)
    assert a.answerable and trace.path == "facts" and "Linnea Holmqvist" in a.text
    a = gavle.ask("När ska projektet Steget Vidare vara avslutat?")
    assert "2033-08-31" in a.text


def test_a_euro_grant_is_stated_with_the_reports_kronor(gavle: Any) -> None:
    a = gavle.ask("Hur mycket Interreg-stöd får Gävle kommun i CB GreenBuild Skills, omräknat till "
                  "svenska kronor?")
    assert a.answerable and "478 400 euro (ca 5 501 600 kr)" in a.text


def test_an_extension_by_months_and_the_day_the_project_ended(gavle: Any) -> None:
    a = gavle.ask("Mellan vilka datum pågick Kompetenssprånget Vård när förlängningen räknas med?")
    # The report spells the end ("31 januari 2033"): the answer writes its dates that way.
    assert "1 november 2029 – 31 januari 2033" in a.text and "ursprungligen till 31 oktober 2032" in a.text
    assert {"2029-11-01", "2033-01-31"} <= {f.value for f in a.figures}


def test_the_manager_named_after_therefter_is_the_current_one(gavle: Any) -> None:
    a = gavle.ask("Vem är projektledare för Hälsoguiden?")
    assert "var Therese Nyström" in a.text and "Tidigare projektledare har varit Mats Edlund" in a.text


def test_two_counts_of_a_group_named_its_own_way(gavle: Any) -> None:
    a = gavle.ask("Hur många av ungdomarna i Steget Vidare har hittills fått jobb, och hur många har "
                  "börjat plugga?")
    assert a.answerable and "97 deltagare" in a.text and "74 hade påbörjat studier" in a.text


@pytest.mark.parametrize(
    "question",
    [
        # what is measured is "ton byggmaterial", not carbon dioxide
        "Hur många ton koldioxid har Återbrukshubben Gävle sparat hittills?",
        # a decision still to come; the period is no answer
        "Kommer Hamnlänken att förlängas efter februari 2034?",
    ],
)
def test_what_the_report_does_not_say_is_declined(gavle: Any, question: str) -> None:
    a = gavle.ask(question)
    assert not a.answerable and not a.citations
