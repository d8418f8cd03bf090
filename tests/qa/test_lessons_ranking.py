"""Ranking cross-project lesson passages: projects told in prose compete with lesson sections."""

from __future__ import annotations

import pytest

from corpus.types import Chunk, SectionType, Sentence
from qa.lessons import ThemeQuery, asked_across, asked_lesson_kinds, rank_across, told_in_prose
from qa.quotes import TermWeights
from qa.types import Passage

pytestmark = pytest.mark.unit


def _chunk(cid: str, project: str, kind: SectionType, text: str) -> Chunk:
    return Chunk(cid, "r", project, "t", kind, (project, "t"), 0, len(text), text, (Sentence(0, len(text)),))


def test_a_project_told_in_prose_has_its_lessons_in_its_other_passages() -> None:
    described = _chunk("a", "Alfa", SectionType.CHALLENGES, "Upphandlingen av bussar överprövades.")
    other = _chunk("b", "Alfa", SectionType.BACKGROUND, "Alfa köper bussar till skolan.")
    prose = _chunk("c", "Beta", SectionType.BACKGROUND, "Upphandlingen av moduler fick göras om.")
    assert told_in_prose([described, other, prose]) == frozenset({"Beta"})
    words = lambda t: [w.lower().strip(".") for w in t.split()]  # noqa: E731
    weights = TermWeights(words, words, [c.text for c in (described, other, prose)] + ["Ett annat år."])
    wanted = {SectionType.CHALLENGES}
    passages = [Passage(other, 0.9), Passage(prose, 0.8), Passage(described, 0.7)]
    topic = set(weights.query("upphandlingen"))
    assert [p.chunk.id for p in rank_across(passages, wanted, topic, weights)] == ["a", "b", "c"]
    # Beta's prose on the topic competes as a lesson passage; Alfa's background does not.
    ranked = rank_across(passages, wanted, topic, weights, frozenset({"Beta"}))
    assert [p.chunk.id for p in ranked] == ["c", "a", "b"]


def test_a_projects_opening_ranks_below_its_parts_unless_it_is_told_in_prose() -> None:
    """ "Ägare: X; Målgrupp: unga som inte söker sig till kommunen …" matched a lesson
    question's wording better than the success factor ("uppsökande arbete på kvällstid")."""
    def own(cid: str, project: str, title: str, kind: SectionType, text: str) -> Chunk:
        return Chunk(cid, "r", project, title, kind, (project, title), 0, len(text), text,
                     (Sentence(0, len(text)),))

    opening = own("o", "Alfa", "Alfa", SectionType.BACKGROUND, "Ägare: X. Målgrupp: unga som inte hörs.")
    part = own("p", "Alfa", "Framgångar", SectionType.SUCCESS_FACTORS, "Uppsökande arbete nådde unga.")
    prose = own("q", "Beta", "Beta", SectionType.BACKGROUND, "Beta nådde unga genom fältarbete.")
    words = lambda t: [w.lower().strip(".:") for w in t.split()]  # noqa: E731
    weights = TermWeights(words, words, [opening.text, part.text, prose.text, "Ett annat år."])
    passages = [Passage(opening, 0.9), Passage(prose, 0.85), Passage(part, 0.5)]
    ranked = rank_across(passages, {SectionType.SUCCESS_FACTORS}, set(weights.query("unga")), weights,
                         frozenset({"Beta"}))
    assert [p.chunk.id for p in ranked] == ["q", "p", "o"]


def test_of_a_projects_challenges_the_kind_asked_for_ranks_first() -> None:
    """"Vilket strul har projekten haft med upphandlingar?" is answered under "Hinder", not
    under "Råd till andra", though both are challenges; advice asked, the other way round."""
    def titled(cid: str, title: str, text: str) -> Chunk:
        return Chunk(cid, "r", "Alfa", title, SectionType.CHALLENGES, ("Alfa", title), 0, len(text), text,
                     (Sentence(0, len(text)),))

    advice = titled("råd", "Råd till andra", "Räkna med att en upphandling kan överprövas.")
    trouble = titled("hinder", "Hinder", "Upphandlingen av bokningssystemet överprövades.")
    words = lambda t: [w.lower().strip(".?") for w in t.split()]  # noqa: E731
    weights = TermWeights(words, words, [advice.text, trouble.text, "Ett annat år."])
    topic = set(weights.query("upphandlingen överprövades upphandling"))
    passages = [Passage(advice, 0.9), Passage(trouble, 0.85)]
    wanted = {SectionType.CHALLENGES}
    asked = asked_lesson_kinds("Vilket strul har projekten haft med upphandlingarna?")
    assert asked == frozenset({"difficulty"})
    assert rank_across(passages, wanted, topic, weights, asked=asked)[0].chunk.id == "hinder"
    tips = asked_lesson_kinds("Vilka tips har projekten om upphandlingar?")
    assert rank_across(passages, wanted, topic, weights, asked=tips)[0].chunk.id == "råd"
    assert asked_lesson_kinds("Vilka problem och lärdomar har projekten?") == frozenset()


def test_a_cross_project_keyword_search_looks_for_the_themes_other_words() -> None:
    def analyze(text: str) -> list[str]:
        return [w.lower().rstrip("?") for w in text.split()]

    groups = (("upphandling", "anbud", "överprövning"), ("språk", "tolk"))
    theme_query = ThemeQuery(groups, analyze)
    query = theme_query("Vilka problem har projekten haft med upphandling?")
    assert query is not None and "anbud" in query and "överprövning" in query and "tolk" not in query
    assert theme_query("Hur har samarbetet gått?") is None
    # … and a passage in those words covers the question's topic when lessons are ranked
    assert theme_query.stems("Vilka problem har projekten haft med upphandling?") == {
        "upphandling", "anbud", "överprövning"}
    assert theme_query.stems("Hur har samarbetet gått?") == set()


@pytest.mark.parametrize(
    ("question", "across"),
    [
        ("Vilka utmaningar har projekten haft?", True),
        ("Vad bör man tänka på vid upphandling?", True),
        # An experience asked of no project, fact or quantity is asked across the projects.
        ("Vad händer med ett projekt när projektledaren slutar mitt i?", True),
        ("Hur har det gått att få med företagen?", True),
        # A measure, a cost, a count, the platform itself or a fact are not.
        ("Hur hög var arbetslösheten i kommunen i december?", False),
        ("Vad kommer det att kosta att driva noderna vidare?", False),
        ("Vem var huvudprojektledare för projektplattformen?", False),
        ("Hur många deltagare har fått jobb?", False),
    ],
)
def test_questions_asked_across_the_projects(question: str, across: bool) -> None:
    from qa.understanding import ProjectCatalog, normalise, understand

    q = understand(question, ProjectCatalog([]))
    counted = question.startswith("Hur många")
    assert asked_across(q, normalise(question), counted) is across
