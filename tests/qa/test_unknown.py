"""Questions about a project the reports do not contain (pure; made-up names and texts)."""

from __future__ import annotations

import pytest

from qa.quotes import TermWeights
from qa.types import ProjectRef
from qa.understanding import ProjectCatalog
from qa.unknown import name_pairs, unknown_name_run, unknown_project_reason

pytestmark = pytest.mark.unit

TEXTS = ["Grön omställning i Ljungby hamn.", "Språkbryggan vänder sig till föräldrar i Ljungby."]
WORDS = lambda t: [w.lower().strip(".,?:") for w in t.split()]  # noqa: E731
WEIGHTS = TermWeights(WORDS, WORDS, TEXTS)
CATALOG = ProjectCatalog([ProjectRef("r", "Språkbryggan"), ProjectRef("r", "Hamnlyftet")])


def test_a_name_called_a_project_is_unknown_even_when_its_words_are_known() -> None:
    # Every word of "Grön hamn Ljungby" occurs in the reports; none of their projects has it.
    reason = unknown_project_reason("Vem är projektledare för projektet Grön hamn Ljungby?", WEIGHTS, CATALOG)
    assert reason is not None and "”Grön hamn Ljungby”" in reason


@pytest.mark.parametrize(
    "question",
    ["Vad har projektet lärt sig om föräldrar?", "Hur har det gått för projekten i Ljungby?",
     "Vilka föräldrar har projektet nått?"],
)
def test_no_name_after_projektet_is_no_unknown_project(question: str) -> None:
    assert unknown_project_reason(question, WEIGHTS, CATALOG) is None


def test_an_unknown_capitalised_word_is_named() -> None:
    reason = unknown_project_reason("Hur stor budget har Solstrålen?", WEIGHTS, CATALOG)
    assert reason is not None and "”Solstrålen”" in reason


PAIRS = name_pairs(TEXTS + ["Kontakt med Region Kronoberg och EU-projektplattformen Växa Ljungby."])


def test_a_name_whose_words_the_reports_never_write_together_is_unknown() -> None:
    # "Grön", "hamn" and "Ljungby" all occur; "Grön Hamn Ljungby" as a name does not.
    assert unknown_name_run("Vem är projektledare för Grön Hamn Ljungby?", PAIRS) == "Grön Hamn Ljungby"
    reason = unknown_project_reason("Vem leder Grön Hamn Ljungby?", WEIGHTS, CATALOG, PAIRS)
    assert reason is not None and "”Grön Hamn Ljungby”" in reason


@pytest.mark.parametrize(
    "question",
    [
        "Vad gör Region Kronoberg i projekten?",  # written together in the reports (any case)
        "Vem samordnar Ljungbys EU-projektplattform Växa Ljungby?",  # capitalised for its acronym
        "Grön Hamn har vad för budget?",  # the question's first word opens no name
    ],
)
def test_names_the_reports_write_are_not_unknown(question: str) -> None:
    assert unknown_name_run(question, PAIRS) is None


def test_a_capitalised_compound_of_known_words_is_no_unknown_name() -> None:
    """"Interregpengar" is "Interreg" and "pengar", both in the reports: no name to decline."""
    from index.analyzer import SwedishAnalyzer

    texts = ["Projektet får pengar från Interreg.", "Interreg betalar ut stödet i efterhand.",
             "Pengar till hamnen kommer från kommunen."]
    analyzer = SwedishAnalyzer.learn(texts)
    weights = TermWeights(analyzer.analyze, lambda t: analyzer.analyze(t, decompound=True), texts)
    assert unknown_project_reason("Hur mycket Interregpengar får hamnen?", weights, CATALOG) is None
    reason = unknown_project_reason("Hur mycket Solkraftpengar får hamnen?", weights, CATALOG)
    assert reason is not None and "”Solkraftpengar”" in reason


def test_a_project_called_by_a_theme_no_report_writes_is_unknown() -> None:
    from qa.unknown import unknown_theme_reason

    reason = unknown_theme_reason("Hur mycket får vätgasprojektet i hamnen?", WEIGHTS, CATALOG)
    assert reason == "Rapporterna nämner inte ”vätgasprojektet”."
    # A theme the reports write, and a project's own name ending like a reference, are no such thing.
    assert unknown_theme_reason("Hur mycket får hamnprojektet?", WEIGHTS, CATALOG) is None
    assert unknown_theme_reason("Hur mycket får Hamnlyftet?", WEIGHTS, CATALOG) is None


def test_a_theme_that_begins_a_name_word_is_that_project() -> None:
    """"Säveåprojektet" calls "Säveåns våtmarker" by its name word's stem: no unknown theme."""
    from qa.unknown import unknown_theme_reason

    catalog = ProjectCatalog([ProjectRef("r", "Säveåns våtmarker"), ProjectRef("r", "Hamnlyftet")])
    assert unknown_theme_reason("Hur många euro får Säveåprojektet?", WEIGHTS, catalog) is None
    reason = unknown_theme_reason("Hur många euro får vätgasprojektet?", WEIGHTS, catalog)
    assert reason == "Rapporterna nämner inte ”vätgasprojektet”."
