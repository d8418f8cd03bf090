"""Answers over the sixty-third held-out report (tests/fixtures/heldout63/: Word, chapters by
fund, a two-column fact table without header under each project with varying labels, a
contact person instead of a manager, a grant as a share and its amount; written blind and
first measured before any change), added as a user adds one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout63" / "rapport_ornskoldsvik_2054.docx"


@pytest.fixture(scope="module")
def ornskoldsvik(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def test_the_contact_person_answers_who_leads_and_is_called_so(ornskoldsvik: Any) -> None:
    a = ornskoldsvik.ask("Vem leder Steget vidare?")
    assert a.answerable and a.text.startswith("Kontaktperson för Steget vidare är Oskar Nyberg")
    assert "Någon projektledare anges inte." in a.text and "Lena Holmqvist" in a.text


def test_the_chapter_names_its_projects_fund(ornskoldsvik: Any) -> None:
    a = ornskoldsvik.ask("Vilka projekt finansieras av Regionalfonden?")
    assert a.answerable
    for name in ("Grön Hamn Björkhamn", "Startkraft Övik", "Digitala byar 2.0"):
        assert name in a.text


def test_a_grant_told_as_a_share_and_its_amount(ornskoldsvik: Any) -> None:
    a = ornskoldsvik.ask("Hur mycket EU-medel får Grön Hamn Björkhamn?")
    assert a.answerable and "9 840 000 kr" in a.text
    assert [f.value for f in a.figures if f.field == "eu_funding"] == [9_840_000]
