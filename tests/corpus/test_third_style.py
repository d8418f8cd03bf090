"""A third report style: numbered headings, labelled fact fields, "miljoner kronor",
"mellan A och B" periods, "ägs av … och leds av …" (tests/fixtures/lagesrapport_2020.txt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.facts import extract_project_facts
from corpus.reading import read_report
from corpus.types import SectionType

pytestmark = pytest.mark.unit

REPORT = read_report(Path(__file__).resolve().parents[1] / "fixtures" / "lagesrapport_2020.txt")


def test_tree_and_types() -> None:
    assert REPORT.year == 2020
    projects = {p.name: p for p in REPORT.projects}
    assert set(projects) == {"Bygglyftet", "Havsnära innovation", "Unga framåt"}
    assert projects["Havsnära innovation"].abbreviation == "HNI"
    assert projects["Unga framåt"].status_note == "avslutat 2020"
    types = {
        s.title: s.section_type
        for s in REPORT.all_sections()
        if s.project == "Unga framåt" and s.title != "Unga framåt"
    }
    assert types == {
        "Projektfakta": SectionType.FACTS,
        "Slutresultat": SectionType.STATUS,
        "Lärdomar": SectionType.CHALLENGES,
    }


def test_facts_in_other_wordings() -> None:
    facts = {f.project: f for f in extract_project_facts(REPORT)}
    bygg = facts["Bygglyftet"]
    assert bygg.owner is not None and bygg.owner.value == "Stadsledningskontoret"
    assert [m.value for m in bygg.managers] == ["Oskar Nyström"]
    assert bygg.total_budget is not None and bygg.total_budget.value == 8_400_000
    assert bygg.eu_funding is not None and bygg.eu_funding.value == 4_200_000
    assert bygg.start_date is not None and bygg.start_date.value == "2018-01-15"
    assert bygg.end_date is not None and bygg.end_date.value == "2021-06-30"
    hni = facts["Havsnära innovation"]
    assert hni.owner is not None and hni.owner.value == "Näringslivsförvaltningen"
    assert [m.value for m in hni.managers] == ["Amira Haddad"]
    assert hni.fund is not None and hni.fund.value == "ERUF"
    unga = facts["Unga framåt"]
    assert unga.status is not None and unga.status.value == "ended"
    assert unga.total_budget is not None and unga.total_budget.value == 6_150_000
    for f in facts.values():
        for s in (f.owner, f.total_budget, f.eu_funding):
            assert s is not None and REPORT.text[s.span.start : s.span.end] in s.sentence
