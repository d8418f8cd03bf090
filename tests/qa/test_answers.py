"""End-to-end answering on real parts: the real model, a real Chroma store, three reports
(the shipped 2019 report and our own 2021/2022 fixtures of another platform)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from qa.evaluation import load_questions, run_answers, summarise
from qa.types import CANNOT_ANSWER

pytestmark = [pytest.mark.integration, pytest.mark.slow]

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture(scope="module")
def dev_results(qa_service: Any) -> dict[str, Any]:
    items = load_questions(FIXTURES / "dev_seed.jsonl") + load_questions(FIXTURES / "dev_questions.jsonl")
    results = run_answers(qa_service, items)
    return {"results": results, "table": summarise(results)}


def test_gold_quotes_are_in_the_top_five_citations(dev_results: dict[str, Any]) -> None:
    overall = dev_results["table"]["overall"]
    print(f"recall@5 = {overall['recall@5']:.3f}")
    assert overall["recall@5"] >= 0.8


def test_values_abstention_and_false_abstention(dev_results: dict[str, Any]) -> None:
    overall = dev_results["table"]["overall"]
    print({k: overall[k] for k in ("value_acc", "abst_acc", "false_abst")})
    assert overall["value_acc"] >= 0.75
    assert overall["abst_acc"] >= 0.75  # measured 0.79 (docs/evaluation.md)
    assert overall["false_abst"] <= 0.05


def test_every_marker_refers_to_a_citation_and_every_figure_to_one(dev_results: dict[str, Any]) -> None:
    for r in dev_results["results"]:
        ids = {c.id for c in r.answer.citations}
        assert [c.id for c in r.answer.citations] == list(range(1, len(ids) + 1))
        for n in re.findall(r"\[(\d+)\]", r.answer.text):
            assert int(n) in ids, (r.item["id"], r.answer.text)
        for f in r.answer.figures:
            assert f.citation is None or f.citation in ids
        for c in r.answer.citations:
            chunk = c.passage.chunk
            assert chunk.start <= c.quote_start < c.quote_end <= chunk.end
            assert chunk.text[c.quote_start - chunk.start : c.quote_end - chunk.start] == c.quote


def test_answers_are_composed_not_pasted(dev_results: dict[str, Any]) -> None:
    for r in dev_results["results"]:
        for c in r.answer.citations:
            assert r.answer.text.strip() != c.passage.chunk.text.strip()


def test_abstentions_have_no_citations_but_suggestions(dev_results: dict[str, Any]) -> None:
    abstained = [r for r in dev_results["results"] if not r.answer.answerable]
    assert abstained
    for r in abstained:
        assert r.answer.citations == []
        assert r.answer.text.startswith(CANNOT_ANSWER)
        assert r.answer.suggestions


def test_fact_answer_has_exact_swedish_figure_and_source_sentence(qa_service: Any) -> None:
    a = qa_service.ask("Hur stor budget har UngJobb Helsingborg?")
    assert a.answerable
    assert "4 512 300 kr" in a.text
    budget = next(f for f in a.figures if f.field == "total_budget")
    assert budget.value == 4512300 and isinstance(budget.value, int) and budget.unit == "kr"
    cited = a.citations[budget.citation - 1]
    assert "4512300 kr" in cited.quote and cited.quote in budget.text


def test_newest_report_wins_unless_a_year_is_named(qa_service: Any) -> None:
    now = qa_service.ask("Vem är projektledare för Kompetensbron?")
    assert "Patrik Öberg" in now.text
    then = qa_service.ask("Vem var projektledare för Kompetensbron enligt rapporten 2021?")
    assert "Nadia Karlsson" in then.text and "Patrik Öberg" not in then.text
    assert all(c.passage.chunk.report_id == "rapport_2021" for c in then.citations)


def test_unknown_project_is_not_invented(qa_service: Any) -> None:
    a = qa_service.ask("Hur stor budget har projektet Vätgaslyftet Öresund?")
    assert not a.answerable and not a.figures
    assert "Vätgaslyftet" in a.text


def test_aggregate_lists_and_cites_every_project(qa_service: Any) -> None:
    a = qa_service.ask("Vilka ERUF-projekt finns enligt rapporten 2021?")
    assert a.answerable
    names = {
        "Grön omställning i Nordväst",
        "Digilyftet",
        "Dalhem framåt – Trygga stråk",
        "Dalhem framåt – Lokalt företagande",
    }
    for name in names:
        assert name in a.text
    assert len(a.citations) >= len(names)


def test_a_count_cites_the_reports_own_statement_first(qa_service: Any) -> None:
    a = qa_service.ask("Hur många av projekten i rapporten 2021 finansieras av Europeiska socialfonden?")
    assert a.answerable
    first = a.citations[0]
    assert first.passage.chunk.report_id == "rapport_2021" and first.passage.chunk.project is None
    assert first.quote.startswith("Tre av projekten finansieras av Europeiska socialfonden")
    assert a.text.startswith("Rapporten anger: ”Tre av projekten") and "[1]" in a.text
    assert [f.value for f in a.figures if f.field == "count"] == [3]


def test_a_sum_quotes_the_reports_own_total_first_and_says_where_it_differs(qa_service: Any) -> None:
    a = qa_service.ask("Vad är den sammanlagda budgeten för projekten enligt rapporten 2021?")
    assert a.text.startswith("Rapporten anger själv total budget")
    stated = [f for f in a.figures if f.kind == "stated"]
    assert stated and all(f.citation is not None and f.citation <= 2 for f in stated)
    # 60,4 Mkr in the summary vs 59 216 930 kr from the projects' own figures.
    assert "skiljer sig från summan av projektens egna uppgifter, 59 216 930 kr" in a.text


def test_an_aggregate_naming_no_platform_is_answered_per_platform(qa_service: Any) -> None:
    """Two platforms are indexed; "plattformen" names neither, so each gets its own count
    from its newest report (the 2021 report's projects are not counted again)."""
    a = qa_service.ask("Hur många ESF-projekt finns i plattformen?")
    assert a.answerable
    assert "Enligt Rapport 2019" in a.text and "Enligt Rapport 2022" in a.text
    assert "Enligt Rapport 2021" not in a.text
    assert len([f for f in a.figures if f.field == "count"]) == 2
    reports = {c.passage.chunk.report_id for c in a.citations}
    assert "rapport_2021" not in reports


def test_lesson_question_reaches_several_projects(qa_service: Any) -> None:
    a = qa_service.ask("Vilka utmaningar hade projekten med att rekrytera deltagare?")
    assert a.answerable
    projects = {c.passage.chunk.project for c in a.citations}
    assert len(projects) >= 3
    # Challenges sections, or the report's own summary of what several projects share.
    assert all(str(c.passage.chunk.section_type) in ("challenges", "summary") for c in a.citations[:5])
    assert sum(str(c.passage.chunk.section_type) == "challenges" for c in a.citations[:5]) >= 3


def test_lessons_across_reports_list_the_newest_reports_first(qa_service: Any) -> None:
    """Relevance chooses the passages, recency orders them: this year's experiences first,
    each citation naming its report."""
    a = qa_service.ask("Vilka utmaningar hade projekten med att rekrytera deltagare?")
    years = {"rapport_2019": 2019, "rapport_2021": 2021, "rapport_2022": 2022}
    order = [years[c.passage.chunk.report_id] for c in a.citations]
    assert len(set(order)) >= 2 and order == sorted(order, reverse=True)


def test_every_report_gets_candidates_for_a_question_across_projects(qa_service: Any) -> None:
    """The 2019 report's thirty projects would fill every candidate place; each report's
    own best passages are ranked too."""
    from qa.service import Trace

    trace = Trace()
    qa_service.ask("Vilka lärdomar har projekten dragit om samverkan med arbetsgivare?", trace=trace)
    per_report = {r: sum(p.chunk.report_id == r for p in trace.passages)
                  for r in ("rapport_2019", "rapport_2021", "rapport_2022")}
    assert all(n >= 10 for n in per_report.values()), per_report


def test_advice_asked_of_no_one_in_particular_is_answered_across_projects(qa_service: Any) -> None:
    from qa.service import Trace

    trace = Trace()
    a = qa_service.ask("Vad bör man tänka på när man ska rekrytera deltagare?", trace=trace)
    assert a.answerable and trace.path == "lessons"
    assert len({c.passage.chunk.project for c in a.citations}) >= 3


def test_a_figure_stated_differently_in_two_places_is_said(qa_service: Any) -> None:
    a = qa_service.ask("Hur stor budget hade TAMU Malmö?")
    budget = next(f for f in a.figures if f.field == "total_budget")
    assert budget.value == 19950811
    assert a.notes and "19 900 000" in a.notes[0]
    assert "Observera" in a.text


def test_an_ambiguous_name_is_asked_back_with_candidates(qa_service: Any) -> None:
    a = qa_service.ask("Hur stor budget har Dalhem?")
    assert not a.answerable and not a.figures and not a.citations
    assert "Dalhem framåt – Trygga stråk" in a.text and "Dalhem framåt – Lokalt företagande" in a.text


def test_owner_and_fund_named_in_a_question_filter_the_projects(qa_service: Any) -> None:
    a = qa_service.ask("Vilka framgångsfaktorer nämns för ERUF-projekten?")
    assert a.answerable
    eruf = {f.project for f in qa_service.facts.rows() if f.fund and f.fund.value == "ERUF"}
    groups = {r.parent for r in qa_service.catalog.refs if r.parent}
    assert {c.passage.chunk.project for c in a.citations} <= eruf | groups
    owned = qa_service.ask("Vilka utmaningar har Stadsledningsförvaltningens projekt haft?")
    owned_projects = {
        f.project
        for f in qa_service.facts.rows()
        if f.owner and f.owner.value == "Stadsledningsförvaltningen"
    }
    allowed = owned_projects | {
        r.parent for r in qa_service.catalog.refs if r.name in owned_projects and r.parent
    }
    assert owned.citations
    assert {c.passage.chunk.project for c in owned.citations} <= allowed


def test_the_current_reports_are_the_newest_of_each_platform(qa_service: Any) -> None:
    assert qa_service.scope.current_reports() == ("rapport_2019", "rapport_2022")


def test_which_companies_is_not_answered_with_a_count(qa_service: Any) -> None:
    """The report says how many companies took part, not which: abstain, and say why."""
    a = qa_service.ask("Vilka företag har deltagit i Digilyftets workshopserier?")
    assert not a.answerable and not a.citations and a.suggestions
    assert "inga företag vid namn" in a.text
    named = qa_service.ask("Vilka aktörer driver Dubbel Yrkesutbildning i samverkan med?")
    assert named.answerable and "Arbetsförmedlingen" in named.text
