"""Questions about a project the reports do not contain (pure; made-up names and texts)."""

from __future__ import annotations

import pytest

from qa.quotes import TermWeights
from qa.types import ProjectRef
from qa.understanding import ProjectCatalog
from qa.unknown import unknown_project_reason

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
