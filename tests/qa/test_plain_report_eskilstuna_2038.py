"""Answers over the forty-sixth held-out report (tests/fixtures/heldout46/: plain text with
decimal-numbered projects "4.3 Namn – undertitel", subsection titles in brackets, facts as
pipe tables or one long sentence, a budget revised during the year; written blind and first
measured before any change), added as a user adds one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout46" / "rapport_eskilstuna_2038.txt"


@pytest.fixture(scope="module")
def eskilstuna(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def test_bracketed_titles_type_the_projects_parts(eskilstuna: Any) -> None:
    a = eskilstuna.ask("Vilka svårigheter har GrönOmställ Rekarne haft?")
    assert a.answerable and a.citations[0].passage.chunk.section_type.value == "challenges"


def test_the_owner_named_after_its_kind(eskilstuna: Any) -> None:
    a = eskilstuna.ask("Vem äger GrönOmställ Rekarne?")
    assert a.answerable and "Tunaverken Energi AB" in a.text and "Det kommunala bolaget" not in a.text


def test_a_project_called_by_a_word_of_its_name_not_of_anothers_subtitle(eskilstuna: Any) -> None:
    a = eskilstuna.ask(
        "Hur stor andel kvinnor är det bland dem som går utbildningarna i industriprojektet i Rekarne?"
    )
    assert a.answerable and "23 procent" in a.text


def test_the_most_expensive_project(eskilstuna: Any) -> None:
    a = eskilstuna.ask("Vilket projekt i portföljen är dyrast, och vad är dess totala budget?")
    assert a.answerable and "Testbädd Stålstaden" in a.text and "32 500 000 kr" in a.text


def test_the_count_asked_for_is_stated_though_worded_otherwise(eskilstuna: Any) -> None:
    # "87 företag genomfört en kartläggning" shares no word with "småföretag … energikartläggning".
    a = eskilstuna.ask("Hur många småföretag har hunnit göra en energikartläggning i GrönOmställ?")
    assert a.answerable and "87 företag" in a.text
