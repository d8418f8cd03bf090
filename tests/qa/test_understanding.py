"""Question understanding on a made-up catalog (names unlike any shipped report)."""

from __future__ import annotations

import pytest

from corpus.types import SectionType
from qa.described import reference
from qa.types import ProjectRef
from qa.understanding import ProjectCatalog, detect_fields, normalise, understand

pytestmark = pytest.mark.unit

CATALOG = ProjectCatalog([
    ProjectRef("r", "Språkstegen 3.0"),
    ProjectRef("r", "Grön omställning i Syd", abbreviation="GOS"),
    ProjectRef("r", "Kvarterslyftet"),
    ProjectRef("r", "Kvarterslyftet Norr", parent="Kvarterslyftet"),
    ProjectRef("r", "Kvarterslyftet Entreprenör", parent="Kvarterslyftet"),
    ProjectRef("r", "Bryggan Ut", aliases=("Bryggan Ut i arbete",)),
    ProjectRef("r", "Teknikspåret – Vägar till industrin"),
])


def names(q: str) -> list[str]:
    return [p.name for p in understand(q, CATALOG).projects]


@pytest.mark.parametrize(("question", "expected"), [
    ("Hur stor budget har Språkstegen 3.0?", ["Språkstegen 3.0"]),
    ("hur stor budget har språkstegen 3,0", ["Språkstegen 3.0"]),
    ("Vem leder GOS?", ["Grön omställning i Syd"]),
    ("vem leder gos", ["Grön omställning i Syd"]),
    ("Vem är projektledare för Kvarterslyftet Norr?", ["Kvarterslyftet Norr"]),
    ("Vad är Kvarterslyftet?", ["Kvarterslyftet"]),
    ("Vilka utmaningar har Kvarterslyftet Norr och Kvarterslyftet Entreprenör?",
     ["Kvarterslyftet Norr", "Kvarterslyftet Entreprenör"]),
    ("Vem leder Teknikspåret?", ["Teknikspåret – Vägar till industrin"]),
    ("Hur går det för Bryggan Ut i arbete?", ["Bryggan Ut"]),
    ("Hur stor budget har Språkstegn?", ["Språkstegen 3.0"]),
    ("Vad kostar en biljett till operan?", []),
])
def test_project_linking(question: str, expected: list[str]) -> None:
    assert names(question) == expected


@pytest.mark.parametrize(("question", "field"), [
    ("Hur stor budget har Kvarterslyftet?", "total_budget"),
    ("Hur mycket EU-stöd fick GOS?", "eu_funding"),
    ("Hur mycket bidrar Europeiska socialfonden med?", "eu_funding"),
    ("Vem är projektledare för GOS?", "manager"),
    ("Vem ledde Kvarterslyftet?", "manager"),
    ("Vilken förvaltning äger GOS?", "owner"),
    ("När slutar Kvarterslyftet Norr?", "end_date"),
    ("När startade Bryggan Ut?", "start_date"),
    ("Hur många deltagare har Bryggan Ut?", "participants"),
])
def test_field_detection(question: str, field: str) -> None:
    assert field in understand(question, CATALOG).fields


def test_section_types_and_aggregates() -> None:
    q = understand("Vilka framgångsfaktorer nämns för arbete med unga?", CATALOG)
    assert q.section_types == [SectionType.SUCCESS_FACTORS]
    q = understand("Vilka utmaningar och lärdomar hade projekten?", CATALOG)
    assert q.section_types == [SectionType.CHALLENGES]
    q = understand("Vilka erfarenheter har projekten av samverkan?", CATALOG)
    assert q.section_types == [SectionType.SUCCESS_FACTORS, SectionType.CHALLENGES]
    assert understand("Vilket projekt har minst budget?", CATALOG).aggregate == "min"
    assert understand("Hur mycket EU-stöd fick projekten sammanlagt?", CATALOG).aggregate == "sum"
    assert understand("Hur många projekt finns det?", CATALOG).aggregate == "count"
    assert understand("Vilka ERUF-projekt finns?", CATALOG).aggregate == "list"


def test_a_name_recognised_by_one_misspelt_word_leaves_none_of_its_words_as_content() -> None:
    catalog = ProjectCatalog([ProjectRef("r", "Jobbspåret Nordost"), ProjectRef("r", "Företagslyft Nordost")])
    q = understand("när slutar jobbspårt nordost efter förlängningen", catalog)
    assert [p.name for p in q.projects] == ["Jobbspåret Nordost"]
    assert "nordost" not in q.rest and "förlängningen" in q.rest


def test_a_project_named_to_be_left_out_is_excluded_not_asked_about() -> None:
    q = understand("Hur har digitaliseringen märkts i projekten, utöver i Kvarterslyftet Norr?", CATALOG)
    assert q.projects == [] and q.excluded == ["Kvarterslyftet Norr"]
    q = understand("Vilka utmaningar har projekten förutom GOS haft?", CATALOG)
    assert q.excluded == ["Grön omställning i Syd"]
    assert understand("Vilka utmaningar har Kvarterslyftet Norr?", CATALOG).excluded == []


def test_an_ordinary_word_of_a_name_does_not_name_the_project() -> None:
    refs = [ProjectRef("r", "Dalhem framåt – Lokalt företagande"), ProjectRef("r", "Jobbspåret Nordost")]
    catalog = ProjectCatalog(refs, ordinary=frozenset({"företagande", "lokalt", "framåt"}))
    assert understand("Vilka hinder har projekten mött i kontakten med företagare?", catalog).projects == []
    assert [p.name for p in understand("Hur går det för Dalhem?", catalog).projects] == [refs[0].name]


@pytest.mark.parametrize(
    "question",
    ["Vad vill GOS att man tar med sig till nästa ansökan?", "Vilka projekt har haft svårt att nå kvinnor?"],
)
def test_lessons_for_the_next_application_and_difficulties_name_lessons(question: str) -> None:
    assert SectionType.CHALLENGES in understand(question, CATALOG).section_types


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        ("Vilka knep finns för att nå unga?", {SectionType.SUCCESS_FACTORS}),
        ("Några tips inför nästa samarbete med skolor?", {SectionType.SUCCESS_FACTORS}),
        ("Vad ställde till det med redovisningen?", {SectionType.CHALLENGES}),
        ("Vad gör det knepigt att samarbeta med företag?", {SectionType.CHALLENGES}),
        ("Hur har det funkat med tolkar?", {SectionType.SUCCESS_FACTORS, SectionType.CHALLENGES}),
    ],
)
def test_everyday_words_for_what_worked_or_went_wrong_ask_for_lessons(
    question: str, kinds: set[SectionType]
) -> None:
    assert set(understand(question, CATALOG).section_types) == kinds


def test_a_project_called_by_its_theme() -> None:
    refs = [ProjectRef("r", "Dagvattensmart"), ProjectRef("r", "Hållbar mobilitet Mjärdevi"),
            ProjectRef("r", "Dagvattenlyftet Syd"), ProjectRef("r", "Språkbron")]
    catalog = ProjectCatalog(refs)
    assert [p.name for p in understand("Vem äger mobilitetsprojektet?", catalog).projects] == [
        "Hållbar mobilitet Mjärdevi"
    ]
    assert [p.name for p in understand("Vem leder språkbroprojektet?", catalog).projects] == ["Språkbron"]
    # Two projects share the theme; plural and indefinite forms are kinds of project.
    assert understand("Vem äger dagvattenprojektet?", catalog).projects == []
    assert understand("Hur går det för mobilitetsprojekten?", catalog).projects == []
    # … except after a possessive: "sitt mobilitetsprojekt" is the one project.
    owned = understand("Vem samarbetar kommunen med i sitt mobilitetsprojekt?", catalog)
    assert [p.name for p in owned.projects] == ["Hållbar mobilitet Mjärdevi"]
    assert understand("Vad kostar ett mobilitetsprojekt?", catalog).projects == []


def test_a_subtitle_describes_and_a_theme_may_be_an_ordinary_name_word() -> None:
    """"X – kompetensutveckling i tillverkningsindustrin": the subtitle's words name nothing
    ("industrins" used to pick the project whose subtitle had it); the theme of
    "industriprojektet" may be a name word the reports also write in lower case."""
    refs = [ProjectRef("r", "Kompetenslyft Rekarne Industri – kompetensutveckling i tillverkningsindustrin"),
            ProjectRef("r", "Testbädd Stålstaden – automation för industrins underleverantörer"),
            ProjectRef("r", "Dalhem framåt"),
            ProjectRef("r", "Dalhem framåt – Trygga stråk", parent="Dalhem framåt")]
    catalog = ProjectCatalog(refs, ordinary=frozenset({"industri", "framåt"}))
    meant = understand("Hur stor andel kvinnor går utbildningarna i industriprojektet i Rekarne?", catalog)
    assert [p.name for p in meant.projects] == [refs[0].name]
    # An inflected name word is the name, not content the facts must state.
    linked = catalog.link("När tar industrins kompetenslyft i Rekarne slut?")
    assert linked[0] == [refs[0].name] and "industrins" not in linked[1]
    # After a group's name, the part after the dash is the sub-project's own name.
    assert [p.name for p in understand("Hur stort är stödet till Trygga stråk?", catalog).projects] == [
        refs[3].name
    ]


def test_year_in_a_project_name_is_not_a_year() -> None:
    catalog = ProjectCatalog([ProjectRef("r", "Stad 2040")])
    assert understand("Vem leder Stad 2040?", catalog).year is None
    assert understand("Vem ledde Stad 2040 enligt rapporten 2021?", catalog).year == 2021


def test_normalise_keeps_versions_and_drops_emphasis() -> None:
    assert normalise("*Språkstegen 3,0*.") == " språkstegen 3.0 "


def test_a_name_without_its_closing_place_words() -> None:
    catalog = ProjectCatalog([
        ProjectRef("r", "Gröna verkstan Kalmar"),
        ProjectRef("r", "Kalmar Stadslabb"),
        ProjectRef("r", "Byggbron Öst"),
        ProjectRef("r", "Byggbron Väst"),
        ProjectRef("r", "Unga Makare Central Baltic"),
    ], ordinary=frozenset({"gröna", "verkstan", "unga", "makare"}))  # also written in lower case
    found = [p.name for p in understand("Vem leder Gröna verkstan?", catalog).projects]
    assert found == ["Gröna verkstan Kalmar"]
    # A closing region of two words: "Central Baltic".
    found = [p.name for p in understand("Vad kostar Unga Makare?", catalog).projects]
    assert found == ["Unga Makare Central Baltic"]
    # One word left is the city, not "Kalmar Stadslabb"; two projects share "Byggbron".
    assert understand("Vilka projekt finns i Kalmar?", catalog).projects == []
    assert [p.name for p in understand("Vem leder Byggbron?", catalog).projects] != ["Byggbron Öst"]


@pytest.mark.parametrize(
    ("question", "aggregate"),
    [("Vilka av stadens projekt slutar 2027?", "list"), ("Vilka av portföljens projekt har ESF+?", "list")],
)
def test_which_of_the_organisations_projects_is_a_listing(question: str, aggregate: str) -> None:
    assert understand(question, CATALOG).aggregate == aggregate


def test_drog_i_gang_asks_for_the_start() -> None:
    q = understand("När drog projektet Kvarterslyftet Norr i gång?", CATALOG)
    assert q.fields == ["start_date"] and [p.name for p in q.projects] == ["Kvarterslyftet Norr"]


def test_the_new_value_of_a_fact_is_the_fact() -> None:
    q = understand("När är det nya slutdatumet för Kvarterslyftet Norr?", CATALOG)
    assert "nya" not in q.rest and "end_date" in q.fields


@pytest.mark.parametrize(
    ("question", "fields"),
    [
        # "mål " is the whole word: "målgrupp" asks for no goal, but for the target group.
        ("Vilken målgrupp vänder sig projektet till?", ["target_group"]),
        ("Vilken åldersgrupp är projektet tänkt för?", ["target_group"]),
        ("Vilka mål har projektet?", ["goal"]),
        ("Vem är det som har lett projektet?", ["manager"]),
        ("Vilken förvaltning stod bakom projektet?", ["owner"]),
        ("Mellan vilka datum löpte projektet?", ["period"]),
        ("Hur mycket pengar fick projektet från migrationsfonden?", ["total_budget", "eu_funding"]),
        ("Hur stort Interreg-bidrag fick projektet?", ["eu_funding"]),
        ("Hur mycket Interregpengar i euro får kommunen?", ["eu_funding"]),
        ("Vilken förvaltning äger projektet och vem är ansvarig?", ["manager", "owner"]),
        ("Hur stort belopp har projektet fått?", ["total_budget"]),
        ("Vem var projektledare och vem ägde projektet?", ["manager", "owner"]),
        # "när … avslutat" asks for the date, not the status
        ("När ska projektet vara avslutat?", ["end_date"]),
        ("Är projektet avslutat?", ["status"]),
        # a decision still to come is not answered by the period
        ("Kommer projektet att förlängas efter 2034?", []),
        ("Hur länge förlängdes projektet?", ["period"]),
    ],
)
def test_everyday_words_for_the_fact_asked(question: str, fields: list[str]) -> None:
    from qa.understanding import detect_fields

    assert detect_fields(normalise(question)) == fields


def test_the_word_introducing_a_name_is_part_of_the_mention() -> None:
    catalog = ProjectCatalog([ProjectRef("r", "Digitala byar")])
    q = understand("När tar projektet Digitala byar slut?", catalog)
    assert [p.name for p in q.projects] == ["Digitala byar"] and q.fields == ["end_date"]


def test_a_genitive_before_projects_names_their_owner_not_a_project() -> None:
    catalog = ProjectCatalog([ProjectRef("r", "Omställningskraft Luleå"), ProjectRef("r", "Trygg start")])
    assert understand("Vilka av Luleås projekt finansieras av ESF+?", catalog).projects == []
    assert understand("Vilka projekt i Luleås portfölj avslutas under 2032?", catalog).projects == []
    assert [p.name for p in understand("Hur går det för Omställningskraft?", catalog).projects] == [
        "Omställningskraft Luleå"
    ]


@pytest.mark.parametrize(
    ("question", "fields"),
    [
        # Money from a fund or programme is the grant.
        ("Hur mycket pengar får kanalprojektet från Interreg sammanlagt?", ["total_budget", "eu_funding"]),
        ("Hur mycket pengar från socialfonden får X?", ["total_budget", "eu_funding"]),
        ("Hur mycket pengar har X?", ["total_budget"]),
        # A describing "-projektet" word inside the phrase that asks.
        ("När tar ungdomsprojektet             slut?", ["end_date"]),
        ("När tar avloppsprojektet i skärgården slut?", ["end_date"]),
        ("När drog satsningen på Hertsön igång?", ["start_date"]),
        ("Vilka samarbetar X med?", ["co_financiers"]),
        ("Vilka ska X rikta sig till?", ["target_group"]),
        ("När är det tänkt att återbruksparken ska dra igång?", ["start_date"]),
        # "Vilket EU-stöd" asks which fund (and the grant's answer says it beside).
        ("Vilket EU-stöd finansierar satsningen på öarna?", ["eu_funding", "fund"]),
        # The partners qualify the amount asked; they are not asked for.
        ("Hur stor är hela budgeten för X, alla partner inräknade?", ["total_budget"]),
        ("Vilka partner har X?", ["co_financiers"]),
        # The period bounds a count; it is not asked for.
        ("Hur många har deltagit i X, och vilket deltagarmål har X för hela perioden?", []),
        ("Vilken period gäller för hela projekttiden i X?", ["period"]),
        ("När är sista dagen för X?", ["end_date"]),
        # Where the money comes from is the fund, not an amount.
        ("Varifrån kommer pengarna till X?", ["fund"]),
        ("Varifrån kom EU-pengarna till upprustningen av X?", ["fund"]),
        ("Var kommer EU-stödet ifrån till satsningen på turism?", ["fund"]),
        ("Varifrån kommer EU-stödet till byautvecklingen?", ["fund"]),
        # A particle verb split by a described project; what participants went on to is no start.
        ("När drar återbruksprojektet vid återvinningscentralen igång?", ["start_date"]),
        ("Hur många av dem som gått igenom X fick jobb eller började studera?", []),
        ("När började X?", ["start_date"]),
    ],
)
def test_fields_asked_in_everyday_words(question: str, fields: list[str]) -> None:
    assert detect_fields(normalise(question)) == fields


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("Hur mycket pengar får kanalprojektet från Interreg?", "kanalprojektet"),
        ("Vem leder projektet som vänder sig till nyanlända mammor?", "projektet"),
        ("Vilka personalgrupper var det digitala lyftet i äldreomsorgen tänkt för?", "lyftet"),
        ("Vilka utmaningar har projektet haft?", None),  # no description: no one project
        ("Vem är projektledare för Blå Tillväxt?", None),  # a name, not a description
        ("Hur har samarbetet med AF fungerat i projekten?", None),  # across projects
        # a genitive and a bare noun with what it is about, also with a word between
        ("Vem är huvudman för hamnens satsning på landström?", "satsning"),
        ("Vem leder kommunens ESF-projekt för utrikesfödda kvinnor?", "projekt"),
        ("Vem är kommunens samordnare?", None),
    ],
)
def test_a_description_of_a_project_is_recognised(question: str, word: str | None) -> None:
    assert reference(question) == word


def test_the_place_that_closes_several_names_makes_no_question_ambiguous() -> None:
    catalog = ProjectCatalog([ProjectRef("r", n) for n in
                              ("Nya Steg Falun", "Matbron Falun", "Kvarter Norr", "Kvarter Syd")])
    assert understand("Hur mycket stöd får Falun för sin del av lastbilsprojektet?", catalog).ambiguous == []
    ambiguous = understand("Vem leder Kvarter?", catalog).ambiguous
    assert {p.name for p in ambiguous} == {"Kvarter Norr", "Kvarter Syd"}


def test_a_bare_satsningen_with_what_it_is_about_describes_the_named_project() -> None:
    from qa.described import describing_phrases

    catalog = ProjectCatalog([ProjectRef("r", "Unga Nu Sundsvall")])
    q = understand("När tar satsningen på unga som varken jobbar eller pluggar, Unga Nu, slut?", catalog)
    assert [p.name for p in q.projects] == ["Unga Nu Sundsvall"]
    assert "varken jobbar eller pluggar" in describing_phrases(q.rest)


@pytest.mark.parametrize(
    ("question", "fields"),
    [("Ur vilken EU-källa kommer pengarna till X?", ["fund"]),
     ("Från vilket EU-program kommer pengarna till X?", ["fund"]),
     ("Hur mycket pengar går Interreg in med i X?", ["total_budget", "eu_funding"]),
     ("Vilket projekt är dyrast?", ["total_budget"])],
)
def test_where_the_money_comes_from_and_what_a_fund_brings(question: str, fields: list[str]) -> None:
    assert detect_fields(normalise(question)) == fields


@pytest.mark.parametrize(
    ("question", "described"),
    [
        # "-samarbetet med …" and a name followed by "om …" describe the project they name
        ("Hur stor budget har turismsamarbetet med Danmark och Norge, Kustlabbet?", "danmark och norge"),
        ("När tar Kustlabbet om godstransporterna slut?", "godstransporterna"),
        # a genitive before the name ("hamnens Kustlabbet") says whose it is
        ("Vem är huvudman för hamnens Kustlabbet?", "hamnens"),
        # what it is for: "för att restaurera X"
        ("Hur mycket EU-pengar har kommunen fått för att restaurera Kustlabbet?", "för att restaurera"),
        # "längs kusten", "riktad till företag": where and for whom
        ("Hur mycket kostar Kustlabbet längs kusten?", "kusten"),
        ("Vem leder klimatsatsningen riktad till företag i Kustlabbet?", "företag"),
    ],
)
def test_words_that_describe_a_named_project(question: str, described: str) -> None:
    from qa.described import describing_phrases

    catalog = ProjectCatalog([ProjectRef("r", "Kustlabbet")])
    q = understand(question, catalog)
    assert [p.name for p in q.projects] == ["Kustlabbet"]
    assert described in describing_phrases(q.rest)


def test_having_charge_of_a_project_asks_for_its_manager() -> None:
    assert detect_fields(normalise("Vem har hand om Kustlabbet nu?")) == ["manager"]


@pytest.mark.parametrize(
    "question",
    ["Vilka är det Kustlabbet vill nå?", "Vilka är det Kustlabbet försöker nå?",
     "Vilka ska bostadsbolagets nya projekt hjälpa?",
     "Vilka ungdomar var det som fritidsförvaltningens projekt i Brogården skulle fånga upp?"],
)
def test_whom_a_project_wants_to_reach_is_its_target_group(question: str) -> None:
    assert detect_fields(normalise(question)) == ["target_group"]


def test_the_goals_a_project_wants_to_reach_are_no_target_group() -> None:
    assert detect_fields(normalise("Vilka mål ska Kustlabbet nå?")) == ["goal"]


@pytest.mark.parametrize(
    ("question", "fields"),
    [("Vem ska jag höra av mig till om Kustlabbet?", ["manager"]),
     ("Hur många euro går EU in med i Kustlabbet?", ["eu_funding"]),
     ("Hur mycket går Interreg in med i Kustlabbet?", ["eu_funding"])],
)
def test_contact_and_grant_in_everyday_words(question: str, fields: list[str]) -> None:
    assert detect_fields(normalise(question)) == fields



def test_a_fact_question_may_name_its_project_by_what_only_its_text_names() -> None:
    """A place, a school or a partner named in one project's text only calls that project;
    a word several projects' texts use, or none, does not; a price of something there is
    no question about the project's money."""
    from types import SimpleNamespace

    from corpus.types import Chunk, SectionType, Sentence
    from qa.described import DescribedProject
    from qa.quotes import TermWeights

    texts = {
        "Byalyftet": "Byalyftet rustar mötesplatser i Sörnäset och Granvik i kommunen.",
        "Skolbron": "Skolbron skickar elever från Stensätterskolan till Portugal i kommunen.",
    }
    chunks = {
        name: Chunk(name, "r", name, "t", SectionType.BACKGROUND, (name,), 0, len(text), text,
                    (Sentence(0, len(text)),))
        for name, text in texts.items()
    }
    words = lambda t: [w.lower().strip(".,?") for w in t.split()]  # noqa: E731
    weights = TermWeights(words, words, list(texts.values()))
    catalog = ProjectCatalog([ProjectRef("r", name) for name in texts])
    described = DescribedProject(SimpleNamespace(chunks=chunks), catalog, weights, {"r": 2040})  # type: ignore[arg-type]

    def named(question: str) -> tuple[str, list[str]] | None:
        found = described.named_in(understand(question, catalog), ("r",))
        return (found[0].name, found[1]) if found else None

    assert named("Varifrån kommer stödet till byarna i Sörnäset och Granvik?") == (
        "Byalyftet", ["Sörnäset", "Granvik"])
    assert named("Hur mycket får Stensätterskolan i bidrag?") == ("Skolbron", ["Stensätterskolan"])
    assert named("Varifrån kommer stödet till Sörnäset och Stensätterskolan?") is None  # two projects
    assert named("Varifrån kommer stödet till Kvarnbyn?") is None  # no project's text
    assert named("Vad kostade bryggan i Sörnäset?") is None  # the thing priced, not the project


@pytest.mark.parametrize(
    ("question", "cost"),
    [
        ("Hur många kronor bidrar Arbetsförmedlingen med i medfinansiering till X?", True),
        ("Hur mycket medfinansierar regionen X?", True),
        ("Hur många företag bidrar till X?", False),
    ],
)
def test_an_amount_someone_brings_is_asked_in_kronor_too(question: str, cost: bool) -> None:
    from qa.understanding import ASKS_COST

    assert (ASKS_COST.search(normalise(question)) is not None) is cost


def test_a_phase_is_asked_for_by_its_own_name_and_the_group_by_its_name() -> None:
    catalog = ProjectCatalog([
        ProjectRef("r", "Kustnära Innovation"),
        ProjectRef("r", "Kustnära Innovation – Fas 1", parent="Kustnära Innovation"),
        ProjectRef("r", "Kustnära Innovation – Fas 2", parent="Kustnära Innovation"),
        ProjectRef("r", "Hamnlyftet"),
    ])
    for question in ("Vem äger Kustnära Innovation?",
                     "Hur många företag fick stöd i Kustnära Innovations andra fas?"):
        q = understand(question, catalog)
        assert ([p.name for p in q.projects], q.ambiguous) == (["Kustnära Innovation"], [])
    assert [p.name for p in understand("Vad kostar Kustnära Innovation fas 2?", catalog).projects] == [
        "Kustnära Innovation – Fas 2"]
    # … while a sub-project is a project of its own: the group's word alone is ambiguous
    groups = ProjectCatalog([
        ProjectRef("r", "Kustnära Innovation"),
        ProjectRef("r", "Kustnära Innovation – Trygga stråk", parent="Kustnära Innovation"),
        ProjectRef("r", "Kustnära Innovation – Lokalt företagande", parent="Kustnära Innovation"),
    ])
    assert len(understand("Hur stor budget har Kustnära?", groups).ambiguous) == 3


def test_a_name_is_found_with_a_small_word_between_its_words() -> None:
    catalog = ProjectCatalog([ProjectRef("r", "Förstudie Fossilfri hamn"), ProjectRef("r", "Hamnlyftet")])
    q = understand("När tog hamnbolagets förstudie om fossilfri hamn slut?", catalog)
    assert [p.name for p in q.projects] == ["Förstudie Fossilfri hamn"]


def test_a_satsning_compound_describes_its_project_and_an_insats_does_not() -> None:
    from qa.described import describing_compound

    assert describing_compound("klimatsats") and describing_compound("äldreomsorgssats")
    assert not describing_compound("utbildningsinsats")


def test_till_for_asks_whom_a_project_is_for_but_till_foretag_does_not() -> None:
    assert detect_fields(normalise("Vilka är Kustlabbet till för?")) == ["target_group"]
    assert detect_fields(normalise("Vem leder satsningen riktad till företag?")) == ["manager"]


@pytest.mark.parametrize(
    ("question", "fields"),
    [("Hur många företag fick stöd i Kustlabbet, och nådde man målet?", ["goal", "outcome"]),
     ("Hur många kronor i stöd fick Kustlabbet?", ["eu_funding"]),
     ("Hur många företag fick stöd och hur mycket pengar fick Kustlabbet?", ["total_budget", "eu_funding"])],
)
def test_a_count_of_things_that_got_support_asks_no_sum(question: str, fields: list[str]) -> None:
    assert detect_fields(normalise(question)) == fields


@pytest.mark.parametrize(
    ("question", "field"),
    [("Vilka jobbar Kustlabbet tillsammans med?", "co_financiers"),
     ("Hur stor del av pengarna i Kustlabbet kommer från EU?", "eu_funding"),
     ("Hur stor del av budgeten täcks av Regionalfonden?", "eu_funding")],
)
def test_partners_worked_with_and_the_share_a_fund_pays(question: str, field: str) -> None:
    assert field in detect_fields(normalise(question))
    assert detect_fields(normalise("Vem jobbar tillsammans med projektledaren?")) == ["manager"]
