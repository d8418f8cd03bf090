"""The held-out report (tests/fixtures/heldout/, written blind by a separate author to
measure generalisation, see docs/evaluation.md): its layout must parse as a reader sees it
— running footers with the year before the page number gone, every project found."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.facts import extract_project_facts
from corpus.reading import read_report

pytestmark = pytest.mark.unit

REPORT = read_report(Path(__file__).resolve().parents[1] / "fixtures" / "heldout" / "rapport_vagar_2020.txt")


def test_no_footer_survives_and_every_project_is_found() -> None:
    assert "Sida " not in REPORT.text
    assert REPORT.year == 2020
    names = {p.name for p in REPORT.projects}
    assert {"Snabbspår Vård", "Ung Framtid Uppsala", "Föräldrakraft", "Kompetenslyftet Gröna Jobb",
            "Innovationsslussen Uppsala", "Case Gottsunda"} <= names
    parts = {p.name for p in REPORT.projects if p.parent == "Case Gottsunda"}
    assert len(parts) == 3
    assert not any(n.startswith("Rapport 2020") for n in names)


def test_facts_of_the_sub_projects_and_an_approximate_budget() -> None:
    facts = {f.project: f for f in extract_project_facts(REPORT)}
    entre = facts["Case Gottsunda Entreprenörskap"]
    assert [m.value for m in entre.managers] == ["Yusuf Demir"]
    assert entre.total_budget is not None and entre.total_budget.value == 13_800_000
    assert "ca 13,8 Mkr" in REPORT.text[entre.total_budget.span.start : entre.total_budget.span.end]


def test_second_held_out_report_in_markdown_with_mixed_subsection_markup() -> None:
    """tests/fixtures/heldout2/: markdown where some projects mark subsections with
    ``####`` and others with bold lines; every project must be found."""
    path = Path(__file__).resolve().parents[1] / "fixtures" / "heldout2" / "rapport_nordost_2021.md"
    report = read_report(path)
    assert report.year == 2021
    assert len(report.projects) == 7
    names = {p.name for p in report.projects}
    assert "Jobbspåret Nordost" in names and "Företagslyft Nordost" in names
