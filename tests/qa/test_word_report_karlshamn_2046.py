"""Answers over the fifty-fifth held-out report (tests/fixtures/heldout55/: Word, a contents
list typed one paragraph per entry, facts in borderless label/value tables ('Huvudman',
'Kontaktperson', 'Löptid', 'Kostnad totalt'), parts under unusual Heading 3 titles ('Så här
går det', 'Det här har varit knepigt'); written blind and first measured before any
change), added as a user adds one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout55" / "rapport_karlshamn_2046.docx"


@pytest.fixture(scope="module")
def karlshamn(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def test_a_total_cost_label_answers_the_budget(karlshamn: Any) -> None:
    a = karlshamn.ask("Hur stor är Vägen Vidare Karlshamns totala budget?")
    assert a.answerable and "14 600 000" in a.text.replace("\u00a0", " ")


def test_a_plain_last_project_without_parts_is_a_project(karlshamn: Any) -> None:
    a = karlshamn.ask("Vem äger Energismart Karlshamn?")
    assert a.answerable and "Kommunfastigheter i Karlshamn AB" in a.text


def test_the_contact_after_a_change_and_whom_a_project_tries_to_reach(karlshamn: Any) -> None:
    a = karlshamn.ask("Vem ska jag höra av mig till om Unga i Rörelse i dag?")
    assert a.answerable and "Kerem Aydin" in a.text
    b = karlshamn.ask("Vilka är det Språkstegen försöker nå?")
    assert b.answerable and "utrikes födda kvinnor" in b.text


def test_a_knotty_part_is_a_challenge(karlshamn: Any) -> None:
    a = karlshamn.ask("Vilka utmaningar har Hamnlyftet Stilleryd haft?")
    cited = {c.passage.chunk.section_title: c.passage.chunk.section_type.value for c in a.citations[:3]}
    assert a.answerable and cited.get("Det här har varit knepigt") == "challenges"
