"""The Swedish analyzer: normalisation, stopwords, stemming and corpus-taught decompounding."""

from __future__ import annotations

import pytest

from index.analyzer import SwedishAnalyzer, default_stopwords

pytestmark = pytest.mark.unit

CORPUS = [
    "Deltagarna fick utbildning och praktik.",
    "Utbildningen pågick under hösten.",
    "Samverkan med arbetsgivare har stärkts, och olika former av stöd erbjöds.",
    "Projektet erbjöd yrkesutbildning och handledarutbildning.",
    "Två deltagare började undersköterskeutbildningen.",
    "Nya samverkansformer prövades.",
    "En kommun och regionen ansvarar. Kommunikationen fungerade bra.",
    "Ändring av budgeten gav en förändring av planen.",
    "Ledare och handledare vidare.",
]


@pytest.fixture(scope="module")
def analyzer() -> SwedishAnalyzer:
    return SwedishAnalyzer.learn(CORPUS)


def test_normalises_case_punctuation_and_markdown() -> None:
    a = SwedishAnalyzer()
    assert a.words("**Projektfakta:** EU-medel, 2019!") == ["projektfakta", "eu", "medel", "2019"]


def test_drops_swedish_stopwords_and_single_letters() -> None:
    a = SwedishAnalyzer()
    assert a.words("Det är en plan för att vi x ska nå målen") == ["plan", "ska", "nå", "målen"]
    assert {"och", "att", "som", "för"} <= default_stopwords()


def test_stems_inflections_to_one_term() -> None:
    a = SwedishAnalyzer()
    assert a.analyze("utbildning utbildningen utbildningar") == ["utbildning"] * 3


@pytest.mark.parametrize(
    "compound", ["yrkesutbildning", "handledarutbildning", "undersköterskeutbildningen"]
)
def test_utbildning_reaches_its_compounds(analyzer: SwedishAnalyzer, compound: str) -> None:
    query = analyzer.analyze("utbildning")
    indexed = analyzer.analyze(compound, decompound=True)
    assert query[0] in indexed
    # The whole word stays searchable as itself.
    assert analyzer.stem(compound) in indexed


def test_samverkan_reaches_samverkansformer_through_the_linking_s(analyzer: SwedishAnalyzer) -> None:
    indexed = analyzer.analyze("samverkansformer", decompound=True)
    assert analyzer.analyze("samverkan")[0] in indexed
    assert analyzer.analyze("former")[0] in indexed


def test_queries_are_not_decompounded(analyzer: SwedishAnalyzer) -> None:
    assert analyzer.analyze("yrkesutbildning") == ["yrkesutbildning"]


@pytest.mark.parametrize(
    ("word", "must_not_reach"),
    [
        ("kommunikationen", "kommun"),  # a head without a linking s is not a compound part
        ("förändring", "ändring"),  # particle prefix: a derivation, not a compound
        # "vider" stems like "vidare" ("vid"), but short stems must match a standalone word exactly.
        ("individer", "vidare"),
    ],
)
def test_no_over_matching(analyzer: SwedishAnalyzer, word: str, must_not_reach: str) -> None:
    assert analyzer.stem(must_not_reach) not in analyzer.compound_parts(word)


def test_unknown_tails_and_short_tails_are_not_split() -> None:
    a = SwedishAnalyzer.learn(["Vi har en plan."])
    # "utbildning" never occurs on its own here, so nothing is split off.
    assert a.compound_parts("yrkesutbildning") == ()
    b = SwedishAnalyzer.learn(["Ett mål nåddes."])
    # "mål" is shorter than the minimum tail length.
    assert b.compound_parts("projektmål") == ()


def test_stopword_tail_is_never_emitted() -> None:
    a = SwedishAnalyzer.learn(["under hösten", "mellan raderna"], min_tail=5)
    assert a.compound_parts("därunder") == ()
    assert a.compound_parts("projektmellan") == ()


def test_config_round_trip_gives_the_same_analysis(analyzer: SwedishAnalyzer) -> None:
    again = SwedishAnalyzer.from_config(analyzer.config())
    text = " ".join(CORPUS)
    assert again.analyze(text, decompound=True) == analyzer.analyze(text, decompound=True)


def test_bad_config_is_refused(analyzer: SwedishAnalyzer) -> None:
    config = analyzer.config() | {"stemmer": "english"}
    with pytest.raises(ValueError, match="english"):
        SwedishAnalyzer.from_config(config)
