"""Answers over the seventieth held-out report (tests/fixtures/heldout70/: a plain-text memo to a
committee, "§ 5 Projekt Namn (Fond)" paragraphs, lower-case fact keys, untitled parts, a
rejected application under "Övriga frågor"; written blind and first measured before any
change), added as a user adds one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout70" / "rapport_vimmerby_2061.txt"


@pytest.fixture(scope="module")
def vimmerby(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def test_a_committee_paragraph_is_a_project_with_its_facts(vimmerby: Any) -> None:
    a = vimmerby.ask("Hur stor budget har Fler vägar till vård och omsorg?")
    assert a.answerable and "14,8 mnkr" in a.text and "8 880 000 kr" in a.text
    assert a.citations[0].passage.chunk.project == "Fler vägar till vård och omsorg"
    leader = vimmerby.ask("Vem leder Grön omställning i Astrid Lindgrens hembygd?")
    assert leader.answerable and "Henrik Åström" in leader.text


def test_an_untitled_part_is_found_by_its_kind(vimmerby: Any) -> None:
    a = vimmerby.ask("Vilka framgångsfaktorer nämns för Besöksnäring året runt?")
    assert a.answerable
    first = a.citations[0].passage.chunk
    assert first.project == "Besöksnäring året runt" and first.text.startswith("Det som fungerat är")


def test_the_town_in_a_project_name_calls_no_project(vimmerby: Any) -> None:
    # "Cirkulära Vimmerby" was an application that got no funding; "Vimmerby" alone is the
    # town, not "Ungdomsutbyte Vimmerby–Pärnu".
    a = vimmerby.ask("Vem var tänkt som projektledare för återbruksprojektet Cirkulära Vimmerby?")
    assert "Johanna Kvist" not in a.text and "Ungdomsutbyte" not in a.text


def test_a_contact_at_another_organisation_is_not_the_manager(vimmerby: Any) -> None:
    a = vimmerby.ask("Vem är kontaktperson hos Studieförbundet Kunskapsvägen i Språkspåret?")
    assert not a.answerable and not a.citations and "Per-Olof Gren" not in a.text
    own = vimmerby.ask("Vem är projektledare på Hultsfreds kommun för Språkspåret?")
    assert own.answerable and "Per-Olof Gren" in own.text
