"""Answers over the sixty-second held-out report (tests/fixtures/heldout62/: plain text,
an ASCII overview table with a key of short forms, projects as capital titles underlined
with '~~~~' and told as interviews with the manager named in 'Intervju med: …'; written
blind and first measured before any change), added as a user adds one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout62" / "rapport_ludvika_2053.txt"


@pytest.fixture(scope="module")
def ludvika(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def test_the_interviewed_manager_leads_the_project(ludvika: Any) -> None:
    a = ludvika.ask("Vem leder Jobbspåret Kraftstaden?")
    assert a.answerable and "Annika Sjöberg" in a.text


def test_an_owner_spelled_out_from_the_tables_key(ludvika: Any) -> None:
    a = ludvika.ask("Vem äger Bygdekraft Nyhammar?")
    assert a.answerable and "Nyhammars Bygdeförening" in a.text


def test_an_interview_question_opens_the_part_it_names(ludvika: Any) -> None:
    a = ludvika.ask("Vad har varit svårt för Språkbron?")
    assert a.answerable and a.citations[0].passage.chunk.project == "Språkbron"
    assert a.citations[0].passage.chunk.section_title == "Vad har varit svårt?"
