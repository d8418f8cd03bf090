"""Fact statements keep the report's precision: approximate amounts as worded, and what a
co-financier brings (pure parts; made-up sentences)."""

from __future__ import annotations

import pytest

from corpus.types import Chunk, ProjectFacts, SectionType, Sentence, Sourced, Span
from qa.citebook import CiteBook
from qa.declines import _ENDS, _LEADS
from qa.fact_answers import Composed, FactComposer, _contribution, approximate, owner_unit

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("raw", "approx"),
    [("ca 13,8 Mkr", True), ("drygt 4 miljoner kronor", True), ("2 300 tkr", True),
     ("13 800 000 kr", False), ("4512300 kr", False)],
)
def test_approximate(raw: str, approx: bool) -> None:
    assert approximate(raw) is approx


def test_contribution_is_read_only_right_after_the_name() -> None:
    s = "Övrig medfinansiering kommer från Region Norr med 1 500 000 kr och från kommunen."
    assert _contribution("Region Norr", s) == 1_500_000
    assert _contribution("kommunen", s) is None
    assert _contribution("Almi", "Projektet drivs med Almi, som bidrar med 200 000 kr.") is None
    cash = "Samordningsförbundet Väst bidrar med kontant medfinansiering på 1 200 000 kr."
    assert _contribution("Samordningsförbundet Väst", cash) == 1_200_000


def _composer(text: str) -> FactComposer:
    chunk = Chunk("c", "r", "P", "Projektfakta", SectionType.FACTS, ("P",), 0, len(text), text,
                  (Sentence(0, len(text)),))
    return FactComposer(CiteBook(lambda rid, offset: chunk if 0 <= offset < len(text) else None))


def test_an_approximate_budget_is_stated_as_the_report_words_it() -> None:
    text = "Projektets budget uppgår till ca 13,8 Mkr, varav ca 6,9 Mkr finansieras av ERUF."
    composer = _composer(text)
    total = Sourced(13_800_000, "r", Span(text.index("ca 13,8"), text.index(" Mkr,") + 4), text)
    eu = Sourced(6_900_000, "r", Span(text.index("ca 6,9"), text.index(" Mkr fin") + 4), text)
    out = Composed()
    composer.compose(ProjectFacts("r", "P", total_budget=total, eu_funding=eu), ["total_budget"], out)
    assert "ca 13,8 Mkr" in out.sentences[0] and "ca 6,9 Mkr" in out.sentences[0]
    assert "13 800 000" not in out.sentences[0]
    assert [f.value for f in out.figures] == [13_800_000, 6_900_000]


def test_an_exact_budget_is_stated_in_swedish_form() -> None:
    text = "Projektets totala budget är 4512300 kr."
    composer = _composer(text)
    total = Sourced(4_512_300, "r", Span(text.index("4512300"), text.index(" kr.") + 3), text)
    out = Composed()
    composer.compose(ProjectFacts("r", "P", total_budget=total), ["total_budget"], out)
    assert "4 512 300 kr" in out.sentences[0]


def test_an_amount_in_euro_is_stated_and_figured_in_euro() -> None:
    text = "Kommunens andel är 380 000 euro, varav 304 000 euro finansieras av Interreg Aurora."
    composer = _composer(text)
    eu = Sourced(304_000, "r", Span(text.index("304"), text.index(" fin")), text, "euro")
    out = Composed()
    composer.compose(ProjectFacts("r", "P", eu_funding=eu), ["eu_funding"], out)
    assert "304 000 euro" in out.sentences[0] and "kr" not in out.sentences[0]
    assert [(f.value, f.unit) for f in out.figures] == [(304_000, "euro")]


def test_an_amount_in_euro_is_stated_with_the_reports_conversion() -> None:
    text = "Beviljat bidrag: 186 400 euro (cirka 2,1 miljoner kronor) från Erasmus+."
    composer = _composer(text)
    eu = Sourced(186_400, "r", Span(text.index("186"), text.index(" från")), text, "euro")
    out = Composed()
    composer.compose(ProjectFacts("r", "P", eu_funding=eu), ["eu_funding"], out)
    assert "186 400 euro (cirka 2,1 miljoner kronor)" in out.sentences[0]
    assert [(f.value, f.unit) for f in out.figures] == [(186_400, "euro")]


def test_a_sum_in_kronor_leaves_amounts_in_euro_out_and_says_so() -> None:
    from qa.aggregates import _numeric

    text = "A har en budget på 5 000 000 kr. B har en budget på 400 000 euro."
    composer = _composer(text)
    a = Sourced(5_000_000, "r", Span(19, 31), text)
    b = Sourced(400_000, "r", Span(text.index("400"), text.index("400") + 12), text, "euro")
    rows = [ProjectFacts("r", "A", total_budget=a), ProjectFacts("r", "B", total_budget=b)]
    out = _numeric("sum", "total_budget", rows, composer, Composed())
    assert out.sentences[0].startswith("Sammanlagt 5 000 000 kr i total budget för 1 projekt")
    assert "B 400 000 euro" in out.sentences[1] and "inte medräknat" in out.sentences[1]
    biggest = _numeric("max", "total_budget", rows, composer, Composed())
    assert biggest.sentences[0].startswith("A har störst total budget")


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("Projektägare: Kulturförvaltningen, enheten Bibliotek och arkiv", "enheten Bibliotek och arkiv"),
        ("Projektet ägs av Kulturförvaltningen och drivs av dess enhet Unga Röster.", "enheten Unga Röster"),
        ("Projektet ägs av Kulturförvaltningen, Biblioteksavdelningen, och projektledare är Eva Ek.",
         "Biblioteksavdelningen"),
        ("Projektet ägs av Kulturförvaltningen genom avdelningen för bibliotek.",
         "avdelningen för bibliotek"),
        ("Ägare: Kulturförvaltningen, Kulturskolan", "Kulturskolan"),
        ("Ansvarig: Kulturförvaltningen, Estetgymnasiet", "Estetgymnasiet"),
        ("Projektägare är Kulturförvaltningen och projektledare är Eva Ek.", None),
        ("Projektägare är Kulturförvaltningen, som också äger Läslyftet.", None),
    ],
)
def test_the_unit_that_runs_the_project_is_named_with_the_owner(sentence: str, unit: str | None) -> None:
    assert owner_unit(sentence, "Kulturförvaltningen") == unit
    text = sentence
    composer = _composer(text)
    at = text.index("Kulturförvaltningen")
    owner = Sourced("Kulturförvaltningen", "r", Span(at, at + len("Kulturförvaltningen")), text)
    out = Composed()
    composer.compose(ProjectFacts("r", "P", owner=owner), ["owner"], out)
    said = f"Kulturförvaltningen ({unit})" if unit else "Kulturförvaltningen"
    assert out.sentences[0].startswith(f"Projektägare för P är {said} [")


def test_an_ongoing_status_is_not_repeated_after_the_period() -> None:
    text = "Projektet pågår 2030-06-01 – 2032-05-31 och pågår enligt plan."
    composer = _composer(text)
    start = Sourced("2030-06-01", "r", Span(16, 26), text)
    end = Sourced("2032-05-31", "r", Span(29, 39), text)
    status = Sourced("ongoing", "r", Span(0, len(text)), text)
    out = Composed()
    composer.compose(ProjectFacts("r", "P", start_date=start, end_date=end, status=status),
                     ["period", "status"], out)
    assert len(out.sentences) == 1 and out.sentences[0].startswith("P pågår 2030-06-01 – 2032-05-31")
    assert {f.field for f in out.figures} == {"start_date", "end_date", "status"}


def test_an_end_asked_of_a_project_with_only_a_start_is_missing() -> None:
    text = "Start: 1 mars 2031."
    start = Sourced("2031-03-01", "r", Span(7, 18), text)
    facts = ProjectFacts("r", "P", start_date=start)
    out = Composed()
    _composer(text).compose(facts, ["end_date"], out)
    assert out.sentences == [] and out.missing == ["slutdatum"]
    whole = Composed()
    _composer(text).compose(facts, ["period"], whole)
    assert whole.sentences == ["P pågår 1 mars 2031 – okänt datum [1]."]


@pytest.mark.parametrize(
    ("passage", "ends"),
    [("Projektet avslutas i december 2036 med en slutkonferens.", True),
     ("Verksamheten pågår till och med 30 juni 2037.", True),
     ("Projekttid 2035-03-01 – 2037-02-28.", True),
     ("Projektet fortsätter under 2037 med samma upplägg.", False),
     ("Start: 1 mars 2035. Budget 3 960 tkr.", False)],
)
def test_an_end_stated_in_prose(passage: str, ends: bool) -> None:
    assert (_ENDS.search(passage) is not None) is ends


def test_the_outcome_figure_that_best_matches_the_question_is_picked() -> None:
    """"Nådde X sina mål för …?" adds the outcome beside a stated goal: the outcome figure
    of the project sharing most question terms, never one in a sentence already said."""
    from corpus.types import Figure
    from qa.citebook import ChunkLocator
    from qa.figure_index import FigureIndex
    from qa.quotes import TermWeights

    s1 = "Målet är att 150 medarbetare ska delta i språkutbildningen."
    s2 = "Projektet har nått målet: 171 medarbetare har deltagit i språkutbildningen."
    s3 = "Hittills har 12 arbetsgivare tecknat avtal."
    figs = [
        Figure("r", "P", "goal", 150, "medarbetare", "medarbetare delta", Span(12, 15), s1, "goal"),
        Figure("r", "P", "participants", 171, "medarbetare", "medarbetare deltagit", Span(130, 133), s2,
               "outcome"),
        Figure("r", "P", "outcome", 12, "arbetsgivare", "arbetsgivare tecknat", Span(214, 216), s3,
               "outcome"),
        Figure("r", "Q", "outcome", 99, "medarbetare", "medarbetare deltagit", Span(400, 402), s2, "outcome"),
    ]
    words = lambda t: [w.lower().strip(".:") for w in t.split()]  # noqa: E731
    weights = TermWeights(words, words, [s1, s2, s3])
    index = FigureIndex(figs, ChunkLocator([]), weights)
    terms = {"medarbetare", "språkutbildningen"}
    best = index.best_of_kind("outcome", ("P",), terms, [])
    assert best is not None and best.value == 171
    assert index.best_of_kind("outcome", ("P",), terms, [(100, 200)]) is None


def test_a_grant_of_a_part_is_not_said_to_be_of_the_whole_budget() -> None:
    text = ("Total budget: 1 840 000 euro. "
            "Karlskronas del: 412 000 euro, varav 329 600 euro Interregstöd.")
    composer = _composer(text)
    first = text[: text.index(" Karlskronas")]
    second = text[len(first) + 1 :]
    total = Sourced(1_840_000, "r", Span(text.index("1 840"), text.index(" euro.") + 5), first, "euro")
    eu = Sourced(329_600, "r", Span(text.index("329"), text.index(" euro Inter") + 5), second, "euro")
    out = Composed()
    composer.compose(ProjectFacts("r", "P", total_budget=total, eu_funding=eu), ["total_budget"], out)
    assert "varav" not in " ".join(out.sentences)
    assert "1 840 000 euro" in out.sentences[0] and "329 600 euro" in out.sentences[1]
    # In one sentence with the total, the grant is of it.
    same = "Budgeten är 3 400 000 kr, varav 1 700 000 kr från ESF+."
    both = _composer(same)
    t2 = Sourced(3_400_000, "r", Span(same.index("3 400"), same.index(" kr,") + 3), same)
    e2 = Sourced(1_700_000, "r", Span(same.index("1 700"), same.index(" kr från") + 3), same)
    out2 = Composed()
    both.compose(ProjectFacts("r", "P", total_budget=t2, eu_funding=e2), ["total_budget"], out2)
    assert "varav 1 700 000 kr" in out2.sentences[0]


def test_a_project_stopped_before_its_planned_end_is_not_said_to_be_extended() -> None:
    text = "Tidsperiod: 2034-02-01 – 2036-01-31 enligt beslut, avslutat i förtid den 30 juni 2035."
    start = Sourced("2034-02-01", "r", Span(12, 22), text)
    planned = Sourced("2036-01-31", "r", Span(25, 35), text)
    end = Sourced("2035-06-30", "r", Span(66, 78), text)
    out = Composed()
    _composer(text).compose(ProjectFacts("r", "P", start_date=start, end_date=end, original_end_date=planned),
                            ["period"], out)
    assert "(avslutat i förtid; planerat till 31 januari 2036)" in out.sentences[0]
    assert "förlängt" not in out.sentences[0]


@pytest.mark.parametrize(
    ("passage", "names_leader"),
    [("Projektet leds sedan i våras av Amir Haddad, som tidigare var coach.", True),
     ("Projektledare är sedan februari Fatima Yusuf.", True),
     ("Föreningen har haft svårt att behålla en projektledare, och arbetet samordnas tillfälligt av "
      "föreningens styrelse.", False)],
)
def test_a_leader_named_in_prose(passage: str, names_leader: bool) -> None:
    assert (_LEADS.search(passage) is not None) is names_leader


def test_a_grant_told_only_as_a_share_is_answered_with_the_share() -> None:
    text = "Total budget: 12 Mkr\nVarav EU: 40 procent av total budget"
    composer = _composer(text)
    total = Sourced(12_000_000, "r", Span(text.index("12 Mkr"), text.index("12 Mkr") + 6), text)
    share = Sourced(40.0, "r", Span(text.index("40 procent"), text.index("40 procent") + 10), text, "procent")
    out = Composed()
    composer.compose(ProjectFacts("r", "P", total_budget=total, eu_share=share), ["eu_funding"], out)
    assert out.missing == []
    assert "40 procent av den totala budgeten" in out.sentences[0] and "12 Mkr" in out.sentences[0]
    assert "4 800 000" not in out.sentences[0]  # no amount is made up from the two
    assert [(f.field, f.value, f.unit) for f in out.figures] == [("eu_funding", 40.0, "procent")]


def test_a_contact_person_standing_in_for_the_manager_is_called_what_the_report_calls_them() -> None:
    text = "Kontaktperson: Oskar Berg (från 15 april 2062), tidigare Lena Strand"
    composer = _composer(text)
    now = Sourced("Oskar Berg", "r", Span(text.index("Oskar"), text.index("Oskar") + 10), text)
    before = Sourced("Lena Strand", "r", Span(text.index("Lena"), len(text)), text)
    out = Composed()
    composer.compose(ProjectFacts("r", "P", managers=[now], former_managers=[before]), ["manager"], out)
    said = " ".join(out.sentences)
    assert said.startswith("Kontaktperson för P är Oskar Berg")
    assert "Någon projektledare anges inte." in said
    assert "Tidigare kontaktperson har varit Lena Strand" in said
    assert [f.label for f in out.figures] == ["kontaktperson", "tidigare kontaktperson"]
