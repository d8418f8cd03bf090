"""Answers over the forty-fourth held-out report (tests/fixtures/heldout44/: Markdown with
"## Projekt: X" at the chapters' level, facts as plain "- Nyckel: värde" bullets in MSEK and
kSEK, subsections titled as questions, lessons in blockquotes; written blind and first
measured before any change), added as a user adds one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout44" / "rapport_jamtland_2034.md"


@pytest.fixture(scope="module")
def jamtland(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def test_amounts_in_ksek(jamtland: Any) -> None:
    a = jamtland.ask("Hur stor budget har Byakraft Ragunda?")
    assert a.answerable and "1 240 kSEK" in a.text
    assert [f.value for f in a.figures if f.field == "total_budget"] == [1_240_000]


def test_the_closing_chapter_beside_labelled_projects_is_no_project(jamtland: Any) -> None:
    assert not jamtland.catalog.by_name("Samlade iakttagelser")


def test_what_they_would_do_otherwise_is_a_lesson_quoted_without_its_blockquote_marker(jamtland: Any) -> None:
    a = jamtland.ask("Vad skulle Vägen Vidare Jämtland göra annorlunda?")
    assert a.answerable and a.citations[0].passage.chunk.section_type.value == "challenges"
    assert "Vi skulle redan i ansökan" in a.text and "> Vi" not in a.text


def test_an_owner_asked_for_as_huvudman_of_a_described_project(jamtland: Any) -> None:
    a = jamtland.ask("Vem är huvudman för äldreomsorgssatsningen Omsorgslyftet?")
    assert a.answerable and "Kommunförbundet Jämtland Härjedalen" in a.text
