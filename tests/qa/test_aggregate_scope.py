"""Which reports a cross-project question is computed over, and when a report sentence
is the report's own count of projects (pure parts, made-up titles and sentences)."""

from __future__ import annotations

import pytest

from corpus.types import ProjectFacts, Sourced, Span
from qa.aggregate_filter import AggregateFilter
from qa.aggregates import ReportSentence, stated_selection
from qa.scope import Scope

pytestmark = pytest.mark.unit


def test_reports_of_one_platform_form_one_series_whatever_the_title_detail() -> None:
    titles = {
        "a_2020": {"göteborg", "projektportfölj", "jobbvägar", "väst"},
        "a_2021": {"jobbvägar", "väst"},  # a later title that drops the organisation
        "b_2021": {"umeå", "plattform", "norrsken"},
        "c_2021": set(),  # no title words: a platform of its own
    }
    series = Scope._series(titles)
    assert series["a_2020"] == series["a_2021"]
    assert len({series["a_2020"], series["b_2021"], series["c_2021"]}) == 3


def _sentences(*texts: str) -> list[ReportSentence]:
    return [ReportSentence("r", Span(i * 100, i * 100 + len(t)), t) for i, t in enumerate(texts)]


@pytest.mark.parametrize(
    ("flt", "texts", "expected"),
    [
        (AggregateFilter(fund="ESF"), ("Plattformen har vuxit.", "Två av projekten finansieras av ESF."), 1),
        (AggregateFilter(fund="ERUF"), ("Fem projekt får stöd från Europeiska regionalfonden.",), 0),
        (AggregateFilter(fund="ESF"), ("Fyra ESF-projekt har startat.",), 0),
        (AggregateFilter(status="ended"), ("Under året har två projekt avslutats.",), 0),
        # the whole set, not a count of the kind asked for
        (AggregateFilter(fund="ESF"), ("De sju projekt som beskrivs har stöd från ESF.",), None),
        # a year is not a count
        (AggregateFilter(end_year=2023), ("Under 2023 avslutades projektet.",), None),
        # a count of something else
        (AggregateFilter(fund="ESF"), ("ESF finansierar tre utbildningar.",), None),
        # counts of all projects are not matched (reports quote earlier years' totals)
        (AggregateFilter(), ("Plattformen omfattar nio projekt.",), None),
        (AggregateFilter(owner="kulturförvaltningen"), ("Kulturförvaltningen äger två av projekten.",), None),
    ],
)
def test_stated_selection_by_count(
    flt: AggregateFilter, texts: tuple[str, ...], expected: int | None
) -> None:
    sentences = _sentences(*texts)
    found = stated_selection(flt, sentences)
    assert found == (sentences[expected] if expected is not None else None)


def test_stated_selection_by_names() -> None:
    sentences = _sentences(
        "Ung Väg avslutades i december.",  # one name only: about one project
        "Under perioden har Ung Väg och Bryggan avslutats.",
        "Ung Väg och Bryggan har samarbetat.",  # names without the filter's word
    )
    chosen = ["Ung Väg", "Bryggan", "Steget"]
    assert stated_selection(AggregateFilter(status="ended"), sentences, chosen) == sentences[1]
    assert stated_selection(AggregateFilter(status="ended"), sentences[2:], chosen) is None


def test_a_list_prefers_the_sentence_that_names_the_projects() -> None:
    sentences = _sentences("Under året har två projekt avslutats.", "Ung Väg och Bryggan har avslutats.")
    chosen = ["Ung Väg", "Bryggan"]
    ended = AggregateFilter(status="ended")
    assert stated_selection(ended, sentences, chosen, by_name=True) == sentences[1]
    assert stated_selection(ended, sentences, chosen, by_name=False) == sentences[0]


@pytest.mark.parametrize(
    ("question", "status", "end_year"),
    [
        ("Vilka projekt har avslutats eller avslutas under 2031?", None, 2031),
        ("Vilka projekt slutade eller slutar 2030?", None, 2030),
        ("Vilka projekt har avslutats?", "ended", None),
        ("Vilka projekt pågår fortfarande?", "ongoing", None),
        ("Vilka projekt avslutas under 2031?", None, 2031),
    ],
)
def test_ended_or_ending_in_a_year_asks_for_the_year_not_the_status(
    question: str, status: str | None, end_year: int | None
) -> None:
    from qa.aggregate_filter import read_filter
    from qa.understanding import ProjectCatalog, understand

    flt = read_filter(understand(question, ProjectCatalog([])), [], 2031)
    assert (flt.status, flt.end_year) == (status, end_year)


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        ("Vilka projekt drivs av kommunala bolag i stället för av en förvaltning?", {"company"}),
        ("Vilka projekt drivs av ett bolag eller en förening och inte av en förvaltning?",
         {"company", "association"}),
        ("Vilka projekt ägs av ideella föreningar?", {"association"}),
        ("Vilka projekt drivs av en förvaltning?", {"department"}),
        ("Vilka projekt finansieras av ESF+?", set()),
    ],
)
def test_a_listing_by_the_kind_of_owner(question: str, kinds: set[str]) -> None:
    from qa.aggregate_filter import owner_kind, read_filter
    from qa.understanding import ProjectCatalog, understand

    assert read_filter(understand(question, ProjectCatalog([])), [], 2045).owner_kinds == kinds
    assert owner_kind("Lidköpingshem AB") == "company"
    assert owner_kind("Föreningen Matbron Mölndal") == "association"
    assert owner_kind("Social resursförvaltning") == "department"
    assert owner_kind("Region Västernorrland") is None


def _ending(project: str, end: str, original: str | None = None) -> ProjectFacts:
    def src(v: str) -> Sourced:
        return Sourced(v, "r", Span(0, 1), v)

    before = src(original) if original else None
    return ProjectFacts("r", project, end_date=src(end), original_end_date=before)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Vilka projekt har förlängts?", ["Beta"]),
        ("Vilka projekt har fått skjuta fram sitt slutdatum?", ["Beta"]),
        ("Vilka projekt håller på efter att 2050 är slut?", ["Gamma"]),
        ("Vilka projekt slutar före 2050?", ["Alfa"]),
    ],
)
def test_listings_by_an_extension_and_by_a_bound_on_the_end(question: str, expected: list[str]) -> None:
    from qa.aggregate_filter import read_filter
    from qa.understanding import ProjectCatalog, understand

    rows = [_ending("Alfa", "2049-06-30"), _ending("Beta", "2050-03-31", "2049-12-31"),
            _ending("Gamma", "2051-02-28")]
    flt = read_filter(understand(question, ProjectCatalog([])), rows, 2049)
    assert [f.project for f in rows if flt.admits(f)] == expected


def test_a_condition_on_a_fact_not_read_as_a_filter_lists_no_project() -> None:
    """"Vilka projekt har en budget över 10 Mkr?" must not be answered with every project."""
    from qa.aggregates import aggregate
    from qa.citebook import CiteBook
    from qa.fact_answers import FactComposer
    from qa.understanding import ProjectCatalog, understand

    q = understand("Vilka projekt har en budget över tio miljoner?", ProjectCatalog([]))
    rows = [_ending("Alfa", "2049-06-30"), _ending("Beta", "2050-03-31")]
    assert q.aggregate == "list" and q.fields
    assert aggregate(q, rows, FactComposer(CiteBook(lambda *_: None)), 2049) is None


def test_a_listing_by_the_currency_of_the_budget() -> None:
    from qa.aggregate_filter import read_filter
    from qa.understanding import ProjectCatalog, understand

    euro = _ending("Alfa", "2049-06-30")
    euro.total_budget = Sourced(2_450_000, "r", Span(0, 1), "Total projektbudget 2 450 000 euro", "euro")
    kronor = _ending("Beta", "2050-03-31")
    kronor.total_budget = Sourced(9_400_000, "r", Span(0, 1), "Budget: 9,4 Mkr")
    q = understand("Vilka projekt har sin budget i euro?", ProjectCatalog([]))
    flt = read_filter(q, [euro, kronor], 2049)
    assert [f.project for f in (euro, kronor) if flt.admits(f)] == ["Alfa"]


def test_the_platforms_own_name_is_read_from_the_reports() -> None:
    from qa.scope import platform_names

    texts = ["Plattformen Siljansporten inrättades 2053.",
             "Under året ingick tio projekt i plattformen Framåt Övik.",
             "Plattformen har en styrgrupp.", "Projektplattformen samordnas av EU-kontoret."]
    assert platform_names(texts) == {"Siljansporten", "Framåt Övik"}
