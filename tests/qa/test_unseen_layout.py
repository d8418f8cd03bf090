"""Answers over the third held-out report (tests/fixtures/heldout3/: hard-wrapped text,
numbered headings, facts as key-value lines or prose), added to the session's corpus with
the real model and a real Chroma store. Each test is a behaviour its first blind run
lacked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from qa.counting import states_count
from qa.understanding import detect_fields, normalise, spell_out_agencies
from qa.vocabulary import in_fund

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout3" / "rapport_lund_2022.txt"


@pytest.fixture(scope="module")
def lund(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def test_the_successor_fund_is_named_as_written(lund: Any) -> None:
    a = lund.ask("När startade Spårbyte och inom vilket EU-program får projektet stöd?")
    assert a.answerable and "ESF+" in a.text and "2022-10-01" in a.text
    assert ("fund", "ESF+") in {(f.field, f.value) for f in a.figures}
    # A question about ESF projects includes the ESF+ one.
    assert in_fund("ESF+", "ESF") and not in_fund("ESF", "ERUF")


def test_when_did_it_end_in_everyday_words(lund: Any) -> None:
    assert "end_date" in detect_fields(normalise("vårdsteget när tog det slut"))
    a = lund.ask("vårdsteget när tog det slut")
    assert a.answerable and "2022-06-30" in a.text


def test_a_goal_asked_beside_a_quantity_brings_the_outcome(lund: Any) -> None:
    a = lund.ask("Hur mycket minskade företagen i GOS sin energianvändning i förhållande till målet?")
    assert a.answerable and "12,5 procent" in a.text and "10 procent" in a.text
    assert {"goal", "outcome"} <= {f.kind for f in a.figures}


def test_a_count_for_a_year_the_report_does_not_give_is_not_answered(lund: Any) -> None:
    assert not lund.ask("Hur många unga skrevs in i UngKraft Lund under 2021?").answerable
    a = lund.ask("Hur många unga skrevs in i UngKraft Lund under 2022?")
    assert a.answerable and "142" in a.text
    sentence = "Per den 31 december 2022 hade 142 unga skrivits in."
    assert states_count(sentence, {"unga"}, str.split)
    assert not states_count(sentence, {"unga"}, str.split, year=2021)


def test_an_agency_abbreviation_meets_the_reports_words() -> None:
    assert spell_out_agencies("samarbetet med AF") == "samarbetet med AF (Arbetsförmedlingen)"
    assert spell_out_agencies("Anna af Klint") == "Anna af Klint"


def test_lessons_across_projects_are_lessons_about_the_topic_from_every_report(lund: Any) -> None:
    """Cooperation with the employment service across projects: the first five citations
    are lesson or summary passages that each speak of it, the added report among them
    (the 2019 report's passages on it are answers too)."""
    from corpus.types import SectionType

    a = lund.ask("Hur har samarbetet med AF fungerat i projekten?")
    assert a.answerable
    first = a.citations[:5]
    lessons = {SectionType.SUCCESS_FACTORS, SectionType.CHALLENGES, SectionType.SUMMARY}
    assert all(c.passage.chunk.section_type in lessons for c in first)
    assert all("arbetsförmedl" in c.quote.lower() for c in first)
    assert "rapport_lund_2022" in {c.passage.chunk.report_id for c in first}


def test_across_ranking_puts_the_asked_kinds_first_and_keeps_every_candidate(lund: Any) -> None:
    from corpus.types import SectionType
    from qa.lessons import rank_across
    from qa.types import Filters

    found = lund.retriever.retrieve("samarbetet med Arbetsförmedlingen", Filters(), 40)
    wanted = {SectionType.CHALLENGES, SectionType.SUMMARY}
    # A background passage first: ranking brings the asked kinds before it.
    other = next(p for p in found if p.chunk.section_type not in wanted)
    passages = [other, *(p for p in found if p is not other)]
    ranked = rank_across(passages, wanted, {"samarb", "arbetsförmedling"}, lund.weights)
    assert sorted(p.chunk.id for p in ranked) == sorted(p.chunk.id for p in passages)
    assert all(p.chunk.section_type in wanted for p in ranked[:3])
    # A question with no topic words beyond its form still gets the asked kinds first.
    assert all(p.chunk.section_type in wanted for p in rank_across(passages, wanted, set(), lund.weights)[:3])


def test_a_lesson_passage_sharing_no_topic_word_gets_no_head_start(lund: Any) -> None:
    from corpus.types import SectionType
    from qa.lessons import rank_across
    from qa.quotes import best_quote
    from qa.types import Filters

    topic = {"samarb", "arbetsförmedling"}
    found = lund.retriever.retrieve("samarbetet med Arbetsförmedlingen", Filters(), 40)
    wanted = {SectionType.CHALLENGES, SectionType.SUCCESS_FACTORS}
    lessons = lund.retriever.retrieve("utmaningar", Filters(section_types=tuple(wanted)), 40)
    off_topic = next(p for p in lessons if best_quote(p.chunk, topic, lund.weights).score == 0)
    # A passage of another kind whose one sentence names the topic, just after it.
    on_topic = next(p for p in found if p.chunk.section_type not in wanted
                    and best_quote(p.chunk, topic, lund.weights).score > 0)
    rest = [p for p in found if p.chunk.id not in (off_topic.chunk.id, on_topic.chunk.id)]
    ranked = [p.chunk.id for p in rank_across([off_topic, on_topic, *rest], wanted, topic, lund.weights)]
    assert ranked.index(on_topic.chunk.id) < ranked.index(off_topic.chunk.id)


def test_a_project_left_out_is_not_cited(lund: Any) -> None:
    a = lund.ask("Vilka svårigheter har projekten haft med att rekrytera deltagare, utöver i Jobbnav Lund?")
    assert a.answerable and a.citations
    assert "Jobbnav Lund" not in {c.passage.chunk.project for c in a.citations}


def test_platforms_are_answered_newest_first_by_the_period_they_cover(lund: Any) -> None:
    """Two 2022 reports of different platforms: the one covering calendar 2022 is newer
    than the one covering June 2021–May 2022, so its total comes first."""
    a = lund.ask("Hur stor är den sammanlagda budgeten för plattformens projekt?")
    assert a.answerable and a.text.index("113 164 700 kr") < a.text.index("59 379 500 kr")
    assert lund.scope.recency("rapport_lund_2022") > lund.scope.recency("rapport_2022")


def test_partners_are_answered_from_the_facts_without_a_figure(lund: Any) -> None:
    a = lund.ask("Vilka samverkansparter har Innovationsslussen Brunnshög?")
    assert a.answerable and "Lunds universitet" in a.text and "Region Skåne" in a.text
    assert a.citations and "Samverkansparter" in a.citations[0].quote
