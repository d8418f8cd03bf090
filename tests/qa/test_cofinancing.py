"""Co-financing stated as an amount under its financier's word, and which financier a
question asks about (pure; made-up lines)."""

from __future__ import annotations

import pytest

from corpus.types import Chunk, SectionType, Sentence
from qa.cofinancing import asks_cofinancing, cofinancing_lines, matching

pytestmark = pytest.mark.unit


def _chunk(*lines: str) -> Chunk:
    text = "\n".join(lines)
    sentences, at = [], 0
    for line in lines:
        sentences.append(Sentence(at, at + len(line)))
        at += len(line) + 1
    return Chunk("c", "r", "Alfa", "t", SectionType.FACTS, ("Alfa",), 0, len(text), text, tuple(sentences))


LINES = _chunk(
    "Total budget: 9 800 tkr",
    "Regionens egen medfinansiering: 2 450 tkr",
    "Kommunal medfinansiering 468 000 kronor",
    "Finsam Lund bidrar med kontant medfinansiering om 950 000 kr för hela perioden.",
    "Medfinansieringen sker i form av arbetstid.",
)


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("Hur mycket skjuter kommunen själv till i Alfa?", True),
        ("Hur mycket egna pengar skjuter regionen till i Alfa?", True),
        ("Hur stor är medfinansieringen i Alfa?", True),
        ("Hur mycket pengar får Alfa från ESF?", False),
        ("Vem medfinansierar Alfa?", False),
    ],
)
def test_questions_asking_for_co_financing(question: str, asks: bool) -> None:
    assert asks_cofinancing(question) is asks


def test_lines_state_an_amount_right_after_the_word() -> None:
    lines = cofinancing_lines([LINES])
    assert [(line.who, line.amount.value) for line in lines] == [
        ("Regionens egen", 2_450_000), ("Kommunal", 468_000), ("Lund bidrar med", 950_000)]


@pytest.mark.parametrize(
    ("question", "amounts"),
    [
        ("Hur mycket skjuter kommunen själv till i Alfa?", [468_000]),
        ("Hur mycket egna pengar skjuter regionen till i Alfa?", [2_450_000]),
        ("Hur mycket medfinansierar Finsam Lund Alfa?", [950_000]),
        # A financier no line names gets no line: not the municipality's share instead.
        ("Hur mycket medfinansierar Arbetsförmedlingen Alfa?", []),
        ("Hur stor är medfinansieringen i Alfa?", [2_450_000, 468_000, 950_000]),
    ],
)
def test_the_financier_asked_decides_the_line(question: str, amounts: list[int]) -> None:
    found = matching(cofinancing_lines([LINES]), question, {"alfa"})
    assert [line.amount.value for line in found] == amounts
