"""How common a question word is in general Swedish decides how much a word the reports
never use counts (real wordfreq data; made-up report texts)."""

from __future__ import annotations

import re

import pytest
import Stemmer

from corpus.types import Chunk, SectionType, Sentence
from qa.abstain import AbstentionPolicy, gather_evidence
from qa.everyday import GeneralSwedish
from qa.quotes import TermWeights, canonical
from qa.types import Passage

pytestmark = pytest.mark.unit

GENERAL = GeneralSwedish()


def test_everyday_words_weigh_less_than_specific_topics() -> None:
    assert GENERAL.everyday("folk") and GENERAL.everyday("tjej")
    assert not GENERAL.everyday("kameraövervakning") and not GENERAL.everyday("kriminalvård")
    assert GENERAL.rarity("folk") < GENERAL.rarity("pensionär") < GENERAL.rarity("kameraövervakning") == 1.0
    assert GENERAL.rarity("zzxqy") == 1.0  # a word general Swedish does not know is as rare as any


_STEMMER = Stemmer.Stemmer("swedish")
_STOP = {"hur", "har", "det", "för", "som", "på", "att", "sig", "till", "med", "vilka", "i", "ut", "ta"}


def _stems(text: str) -> list[str]:
    return [canonical(_STEMMER.stemWord(w)) for w in re.findall(r"\w+", text.lower()) if w not in _STOP]


TEXT = "Många deltagare bor på landsbygden och har långt till verksamheten, särskilt utan bil."
CHUNK = Chunk("c", "r", "Alfa", "t", SectionType.CHALLENGES, ("Alfa", "t"), 0, len(TEXT), TEXT,
              (Sentence(0, len(TEXT)),))
OTHER = ["Projektet har anställt två coacher.", "Budgeten är 3 miljoner kronor."]


def _evidence(question: str, general: GeneralSwedish | None) -> bool:
    weights = TermWeights(_stems, _stems, [TEXT, *OTHER], general)
    terms = set(weights.query(question))
    ev = gather_evidence(terms, [Passage(CHUNK, 1.0, dense=0.9)], weights)
    return AbstentionPolicy().answerable(ev)


def test_an_everyday_word_the_reports_do_not_use_does_not_decline_a_covered_question() -> None:
    question = "Hur går det för deltagare som bor långt ut på landet?"
    assert not _evidence(question, None)  # "landet" counted as a topic the reports lack
    assert _evidence(question, GENERAL)


def test_a_specific_topic_the_reports_do_not_use_still_declines() -> None:
    question = "Hur går det för deltagare med kameraövervakning?"
    assert not _evidence(question, GENERAL)


def test_a_compound_the_reports_write_elsewhere_is_met_by_its_parts_in_one_sentence() -> None:
    # "småföretag" stands in another report; this passage writes "små och medelstora företag".
    text = "Totalt har 46 små och medelstora företag fått stöd från projektet."
    chunk = Chunk("d", "r", "Alfa", "t", SectionType.STATUS, ("Alfa", "t"), 0, len(text), text,
                  (Sentence(0, len(text)),))
    weights = TermWeights(_stems, _stems, [text, "Småföretag i Beta växer.", *OTHER], GENERAL)
    weights_split = TermWeights(_stems, _split, [text, "Småföretag i Beta växer.", *OTHER], GENERAL)
    ev = gather_evidence({"småföretag"}, [Passage(chunk, 1.0, dense=0.9)], weights_split)
    assert ev.coverage == 1.0 and ev.unmet_compounds == 0
    assert gather_evidence({"småföretag"}, [Passage(chunk, 1.0, dense=0.9)], weights).coverage == 0.0


def _split(text: str) -> list[str]:
    """Stems, and "små" + "företag" for "småföretag" (the index-time decompounding, in small)."""
    out = []
    for t in _stems(text):
        out += [t, "små", "företag"] if t == "småföretag" else [t]
    return out


def test_a_compound_the_splitter_leaves_whole_is_guessed_from_known_parts() -> None:
    """"gymnasieelever" is met by "elever … gymnasiet" in one sentence, the ending a word of
    its own; "sjukskrivningar" is not met by "inskrivning" (only a part of another word)."""
    from index.analyzer import SwedishAnalyzer
    from qa.abstain import guessed_parts

    texts = ["Under året har 64 elever på gymnasiet gjort praktik utomlands.",
             "Inskrivningen av nya deltagare tog längre tid. Många var sjuka under hösten.",
             "Projektet har haft många elever och lärare i utbyte. Skrivningen av ansökan tog tid."]
    analyzer = SwedishAnalyzer.learn(texts)
    weights = TermWeights(analyzer.analyze, lambda t: analyzer.analyze(t, decompound=True), texts)
    chunks = [Chunk(f"c{i}", "r", "Alfa", "t", SectionType.STATUS, ("Alfa", "t"), 0, len(t), t,
                    (Sentence(0, len(t)),)) for i, t in enumerate(texts)]
    (pupils,) = weights.query("gymnasieelever")
    assert not weights.known(pupils) and set(guessed_parts(pupils, weights)) >= {"elev"}
    met = gather_evidence({pupils}, [Passage(chunks[0], 1.0, dense=0.9)], weights)
    assert met.coverage == 1.0 and met.unknown_share == 0.0
    (sick,) = weights.query("sjukskrivningar")
    assert guessed_parts(sick, weights)  # guessed, but its ending is no word of the passage
    unmet = gather_evidence({sick}, [Passage(chunks[1], 1.0, dense=0.9)], weights)
    assert unmet.coverage == 0.0 and unmet.unknown_share == 1.0 and unmet.unmet_compounds == 0


def test_across_projects_an_unknown_plain_word_is_wording_and_an_unknown_long_word_a_topic() -> None:
    weights = TermWeights(_stems, _stems, [TEXT, *OTHER])
    passages = [Passage(CHUNK, 1.0, dense=0.9)]

    def unknown(question: str) -> float:
        terms = set(weights.query(question))
        return gather_evidence(terms, passages, weights, short_is_form=True).unknown_share

    assert unknown("Hur har deltagare på landsbygden fått verksamheten att flyta?") == 0.0
    assert unknown("Hur har deltagare på landsbygden klarat körkortsteorin?") > 0.0
    # One question about one project keeps every unknown word.
    terms = set(weights.query("Hur har deltagare på landsbygden fått verksamheten att flyta?"))
    assert gather_evidence(terms, passages, weights).unknown_share > 0.0
