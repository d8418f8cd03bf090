"""Result figures: labels, goal vs outcome, units, projects and sources."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus.fact_patterns import SentenceText
from corpus.facts import extract_project_facts
from corpus.figures import extract_figures, facts_as_figures, figures_in_sentence
from corpus.reading import parse_report
from corpus.types import Figure

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[2]


def _figs(text: str) -> list[tuple[str, str | None, object, str, str]]:
    found = figures_in_sentence("r", "P", SentenceText(text, 0))
    return [(f.field, f.kind, f.value, f.unit, f.label) for f in found]


def test_goal_and_outcome_in_one_sentence() -> None:
    got = _figs("Målet på 600 projektdeltagare överträffades tidigt och i maj hade projektet 713 deltagare.")
    assert got[0][:3] == ("goal", "goal", 600)
    assert got[1][:4] == ("participants", "outcome", 713, "deltagare")


def test_reached_goals_and_goals_in_parentheses_mark_outcomes() -> None:
    got = _figs("Projektet har nått båda målen: 171 medarbetare har deltagit och 31 ombud har utbildats.")
    assert [(kind, value) for _, kind, value, _, _ in got] == [("outcome", 171), ("outcome", 31)]
    bullet = _figs("- 31 utbildade språkombud (mål: 25)")
    assert [(kind, value) for _, kind, value, _, _ in bullet][0] == ("outcome", 31)


def test_a_number_compared_with_the_goal_is_an_outcome() -> None:
    below = _figs("Andelen företag som drivs av kvinnor är 29 procent, vilket är under målet.")
    assert below[0][:3] == ("share", "outcome", 29)
    above = _figs("Andelen som gått vidare till studier blev 41 procent, högre än målsättningen.")
    assert above[0][:3] == ("share", "outcome", 41)
    # A goal stated as a goal stays one.
    assert _figs("Målet är att 35 procent av företagen ska drivas av kvinnor.")[0][:2] == ("share", "goal")


def test_label_inherits_unit_after_varav_till() -> None:
    got = _figs("Hittills har fler än 300 deltagare avslutats, varav 167 till arbete.")
    assert got[1][2:] == (167, "deltagare", "deltagare till arbete")
    assert got[1][0] == "outcome"


def test_shares_and_adjectives() -> None:
    assert _figs("Ca 50% av ungdomarna har fått arbete.")[0][:4] == ("share", "outcome", 50, "%")
    got = _figs("Hittills har 13 nya företag startats.")
    assert got[0][2:] == (13, "företag", "nya företag startats")


def test_dates_and_ordinals_are_not_figures() -> None:
    assert _figs("Projektet startade 2019-02-01 och delmoment 2 pågår.") == []


def test_figures_2019() -> None:
    report = parse_report("rapport_2019", (ROOT / "corpus" / "reports" / "rapport_2019.txt").read_text())
    facts = extract_project_facts(report)
    figs = extract_figures(report, facts)
    by = {(f.project, f.value, f.label) for f in figs}
    assert ("Vägen In", 160, "handledare utbildats") in by
    assert ("Hela Familjen 2.0", 167, "deltagare till arbete") in by
    assert ("Malmö Innovationsarena", 2000, "bostäder byggstartas") in by
    for f in figs:
        assert report.text[f.span.start:f.span.end] in f.sentence
        assert f.sentence in report.text
    # budget amounts are facts, not result figures
    assert not any(f.value == 12_236_225 for f in figs)
    as_figs = facts_as_figures(facts)
    assert any(f.field == "total_budget" and f.value == 12_236_225 and f.unit == "kr" for f in as_figs)
    assert {f.field for f in as_figs} == {"total_budget", "eu_funding", "fund", "owner", "manager",
                                          "start_date", "end_date", "status"}


@given(st.text())
def test_never_raises(text: str) -> None:
    for f in figures_in_sentence("r", None, SentenceText(text, 0)):
        assert isinstance(f, Figure)


def test_euro_amounts_are_amounts_in_euro() -> None:
    """"2,4 miljoner euro" is an amount of 2 400 000 euro, not a count of 2,4 "miljoner"."""
    text = "Partnerskapets budget är 2,4 miljoner euro, varav kommunens andel är 486 000 euro."
    found = [(f.field, f.value, f.unit) for f in figures_in_sentence("r", "P", SentenceText(text, 0))]
    assert found == [("amount", 2_400_000, "euro"), ("amount", 486_000, "euro")]
    sek = figures_in_sentence("r", "P", SentenceText("Budgeten är 4 250 000 kronor.", 0))
    assert [(f.field, f.value, f.unit) for f in sek] == [("amount", 4_250_000, "kr")]
