"""A project called by a thing it is or does, a sum that is one thing's whole, a project
stopped early asked about, and a company name that is no typo of a project's place
(pure parts; made-up questions)."""

from __future__ import annotations

import pytest
import Stemmer

from qa.described import definite_thing
from qa.quotes import TermWeights
from qa.types import ProjectRef
from qa.understanding import ProjectCatalog, detect_fields, normalise, understand

pytestmark = pytest.mark.unit

_STEM = Stemmer.Stemmer("swedish")


def analyze(text: str) -> list[str]:
    return _STEM.stemWords(normalise(text).split())


@pytest.mark.parametrize(
    ("question", "aggregate"),
    [
        ("Vad kostade bostadsbolagets energirenovering totalt?", None),
        ("Hur många deltagare hade Vägval sammanlagt?", None),
        ("Vad kostar projektet totalt sett?", None),
        ("Hur mycket EU-stöd har projekten fått sammanlagt?", "sum"),
        ("Hur mycket har regionalfondsprojekten fått tillsammans?", "sum"),
        ("Hur stor är budgeten för hela plattformen totalt?", "sum"),
    ],
)
def test_a_sum_is_over_the_portfolio_only_when_the_question_says_so(
    question: str, aggregate: str | None
) -> None:
    assert understand(question, ProjectCatalog([])).aggregate == aggregate


@pytest.mark.parametrize(
    ("question", "asks_end"),
    [
        ("När lades bibliotekens digitaliseringsprojekt ner?", True),
        ("När avbröts projektet?", True),
        ("Vem var projektledare för återbruksprojektet innan det lades ned?", False),
        ("Hur mycket pengar hann man göra av med innan det lades ned?", False),
    ],
)
def test_when_a_project_was_stopped_asks_its_end(question: str, asks_end: bool) -> None:
    assert ("end_date" in detect_fields(normalise(question))) is asks_end


def test_a_company_named_after_the_place_is_no_typo_of_a_project_name() -> None:
    catalog = ProjectCatalog([ProjectRef("r", "Cirkulära Kungsbacka"),
                              ProjectRef("r", "Grön Logistiknod Katrineholm")])
    assert understand("Hur många lägenheter renoverade Kungsbackahem?", catalog).projects == []
    inflected = understand("Hur stor del av logistiknodens kostnader täcks av EU?", catalog)
    assert [p.name for p in inflected.projects] == ["Grön Logistiknod Katrineholm"]


TEXTS = [
    "Byfjordsmusslan odlar musslor i fjorden med stöd från havs- och fiskerifonden.",
    "Kommunen driver också ett projekt om arbetssättet i skolan.",
    "Regionalfonden finansierar två projekt i kommunen.",
]


@pytest.mark.parametrize(
    ("question", "thing"),
    [
        ("Vilken EU-fond betalar musselodlingen i fjorden?", "musselodlingen"),
        ("Vem leder musselodlingen som kommunen driver?", "musselodlingen"),  # the rarest, not "kommunen"
        ("Hur gör man för att arbetssättet ska leva kvar när pengarna tar slut?", None),  # no fact opening
        ("Vilka projekt får pengar från Regionalfonden?", None),  # across projects; a fund
    ],
)
def test_a_definite_thing_of_a_fact_question(question: str, thing: str | None) -> None:
    weights = TermWeights(analyze, analyze, TEXTS)
    residual = set(analyze(question)) - set(analyze("vilken fond betalar vem leder som"))
    assert definite_thing(question, residual, weights) == thing


def test_what_a_project_does_before_its_name_is_the_thing_priced_in_a_cost_question() -> None:
    from qa.described import describing_phrases

    rest = " vad kostade entreprenaden för våtmarken vid          i väsmanprojektet "
    assert "entreprenaden" in describing_phrases(rest)
    assert "entreprenaden" not in describing_phrases(rest, priced=True)


@pytest.mark.parametrize(
    ("question", "spending"),
    [("Hur mycket av pengarna i X hade gjorts av med vid slutet av 2052?", True),
     ("Hur mycket hann man göra av med innan det lades ned?", True),
     ("Hur mycket pengar har X totalt att röra sig med?", False)],
)
def test_how_much_was_spent_is_no_budget_question(question: str, spending: bool) -> None:
    from qa.declines import asks_spending

    assert asks_spending(question) is spending


@pytest.mark.parametrize(
    ("question", "whole"),
    [("Hur mycket kostar solcellsparken på deponin totalt enligt budgeten?", True),
     ("Vad kostade entreprenaden för våtmarken?", False),
     ("Vem leder musselodlingen?", True)],
)
def test_a_thing_priced_is_the_project_only_when_asked_as_a_whole(question: str, whole: bool) -> None:
    from qa.described import priced_as_whole

    assert priced_as_whole(normalise(question)) is whole


def test_pensioners_are_counted_by_seniors() -> None:
    from qa.abstain import synonym_table
    from qa.vocabulary import COVERAGE_SYNONYMS

    table = synonym_table(COVERAGE_SYNONYMS, analyze)
    assert set(analyze("seniorer")) <= table[analyze("pensionärer")[0]]


def test_a_price_is_asked_by_a_cost_word_not_by_what_someone_gives() -> None:
    from qa.understanding import ASKS_COST, ASKS_PRICE

    given = normalise("Hur mycket bidrar EU till återställningen av Lillån?")
    assert ASKS_COST.search(given) and not ASKS_PRICE.search(given)
    assert ASKS_PRICE.search(normalise("Vad kostade entreprenaden för våtmarken?"))


def test_when_told_by_what_happened_to_the_project_is_no_content_of_the_facts() -> None:
    from qa.described import describing_phrases

    rest = " hur mycket eu pengar hade                 fått beviljat innan det drogs tillbaka "
    assert describing_phrases(rest).split() == ["det", "drogs", "tillbaka"]
    # "när det gäller" says what is asked about, and the question's own "När" asks the date.
    assert describing_phrases(" hur gick det för            när det gäller antal deltagare ") == ""
    assert describing_phrases(" när tar det              slut ") == ""
    # What the money was granted for is what the project does; in a price question it is the thing priced.
    granted = " hur mycket erasmuspengar har                     fått för elevutbytena "
    assert describing_phrases(granted).split() == ["elevutbytena"]
    assert describing_phrases(granted, priced=True) == ""


def test_an_indefinite_satsning_or_projekt_is_described_by_what_follows() -> None:
    """"Åby Utvecklings satsning på digitalisering i [name]", "vattenrådets LIFE-projekt med
    restaureringen av [name]": what follows says which project, nothing its facts must state."""
    from qa.described import describing_phrases

    rest = " hur stor är åby utvecklings satsning på digitalisering i      "
    assert "digitalisering" in describing_phrases(rest)
    rest = " när ska vattenrådets life-projekt med restaureringen av dammarna "
    assert "restaureringen" in describing_phrases(rest)
