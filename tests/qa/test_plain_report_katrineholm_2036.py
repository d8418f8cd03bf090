"""Answers over the fiftieth held-out report (tests/fixtures/heldout50/: a memo in plain
text, chapters in capitals over '=' lines, projects as "PROJEKT: Namn" blocks of abbreviated
keys, parts as "Positivt:" over their paragraph, one project extended and one not started;
written blind and first measured before any change), added as a user adds one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout50" / "rapport_katrineholm_2036.txt"


@pytest.fixture(scope="module")
def katrineholm(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def test_abbreviated_keys_give_the_facts(katrineholm: Any) -> None:
    a = katrineholm.ask("Vad är den totala budgeten för Ungdomsbryggan?")
    assert a.answerable and "6 240 kkr" in a.text and "3 744 kkr" in a.text


def test_an_extension_with_the_original_end(katrineholm: Any) -> None:
    a = katrineholm.ask("När slutar Vägen Vidare?")
    assert a.answerable and "2037-08-31" in a.text and "2036-08-31" in a.text


def test_the_manager_after_the_change(katrineholm: Any) -> None:
    a = katrineholm.ask("Vem har hand om Kompetenslyft Omsorg efter att förra projektledaren slutade?")
    assert a.answerable and "Karin Nilsson" in a.text
    assert a.text.index("Karin Nilsson") < a.text.index("Eva Sjöberg")  # the current one first


def test_negative_is_a_challenge(katrineholm: Any) -> None:
    a = katrineholm.ask("Vad har varit negativt i Vägen Vidare?")
    assert a.answerable and a.citations[0].passage.chunk.section_type.value == "challenges"


def test_a_project_starting_after_the_year_is_not_ongoing(katrineholm: Any) -> None:
    a = katrineholm.ask("När ska Digitalt Innanför pågå?")
    assert a.answerable and "ska pågå" in a.text
