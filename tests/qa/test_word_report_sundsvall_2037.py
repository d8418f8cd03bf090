"""Answers over the forty-third held-out report (tests/fixtures/heldout43/: Word in the
Normal style only, chapter and project titles in large bold type, subsections as bold run-in
labels, half the projects' facts only in an overview table with "Budget tkr" columns; written
blind and first measured before any change), added as a user adds one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout43" / "rapport_sundsvall_2037.docx"


@pytest.fixture(scope="module")
def sundsvall(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def test_bold_run_in_labels_type_the_projects_parts(sundsvall: Any) -> None:
    a = sundsvall.ask("Vilka hinder har Hamnlänken haft?")
    assert a.answerable and "överprövades" in a.text
    assert a.citations[0].passage.chunk.section_type.value == "challenges"


def test_a_budget_stated_only_in_the_overview_table(sundsvall: Any) -> None:
    a = sundsvall.ask("Hur stor budget har Unga Nu Sundsvall?")
    assert a.answerable and "9 350 000 kr" in a.text and "5 610 000 kr" in a.text


def test_a_project_described_before_its_name(sundsvall: Any) -> None:
    a = sundsvall.ask("När tar satsningen på unga som varken jobbar eller pluggar, Unga Nu, slut?")
    assert a.answerable and "2039-08-31" in a.text


def test_a_manager_the_report_does_not_name_is_declined(sundsvall: Any) -> None:
    # "svårt att behålla en projektledare" names no one.
    a = sundsvall.ask("Vem är projektledare för Matbron?")
    assert not a.answerable and a.citations == []
