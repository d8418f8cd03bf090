"""Answers over the forty-first held-out report (tests/fixtures/heldout41/: plain text
wrapped at 72 characters, chapters in capitals, projects in capitals underlined with "=",
labels that vary between projects ("Kontakt", "Löptid"), dates in words; written blind and
first measured before any change), added as a user adds one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout41" / "rapport_nykoping_2033.txt"


@pytest.fixture(scope="module")
def nykoping(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def test_the_first_project_after_the_projects_chapter_is_a_project(nykoping: Any) -> None:
    a = nykoping.ask("Hur mycket pengar får Vägen Vidare från EU?")
    assert a.answerable and "7 425 000 kr" in a.text
    assert "projekten" not in [p.lower() for p in nykoping.catalog.names()]


def test_a_contact_label_naming_the_manager_and_whom_she_succeeded(nykoping: Any) -> None:
    a = nykoping.ask("Vem är det som leder Kustlänken i dag?")
    assert "Sara Fagerlund" in a.text


def test_grants_out_of_the_total_and_from_a_named_programme(nykoping: Any) -> None:
    assert "690 000 euro" in nykoping.ask("Hur mycket EU-pengar får restaureringen av Hagbäcken?").text
    a = nykoping.ask("Hur mycket stöd får Kustlänken från Regionalfonden?")
    assert "3,84 Mkr" in a.text and any(f.value == 3_840_000 and f.field == "eu_funding" for f in a.figures)
