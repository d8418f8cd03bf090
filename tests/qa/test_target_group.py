"""The sentence that says who a project is for (pure; made-up chunks)."""

from __future__ import annotations

import pytest

from corpus.types import Chunk, SectionType, Sentence
from qa.target_group import newest_target_group_sentence, target_group_sentence

pytestmark = pytest.mark.unit


def _chunk(cid: str, start: int, kind: SectionType, *sentences: str) -> Chunk:
    text = " ".join(sentences)
    spans, at = [], start
    for s in sentences:
        spans.append(Sentence(at, at + len(s)))
        at += len(s) + 1
    return Chunk(cid, "r", "P", "t", kind, ("P",), start, start + len(text), text, tuple(spans))


def _said(found: tuple[Chunk, Sentence] | None) -> str | None:
    if found is None:
        return None
    chunk, s = found
    return chunk.text[s.start - chunk.start : s.end - chunk.start]


@pytest.mark.parametrize(
    "sentence",
    [
        "Målgruppen är unga mellan 16 och 24 år som varken arbetar eller studerar.",
        "Projektet riktar sig främst till kvinnor med långvarigt försörjningsstöd.",
        "Satsningen vände sig i första hand till små företag i länet.",
        "Utbildningen var tänkt för anställda utan undersköterskeexamen.",
        "Målgrupp\tAnställda inom hemtjänsten",
        "| Vilka vi vänder oss till | Utrikes födda kvinnor 25–64 år |",
    ],
)
def test_the_wordings_of_a_target_group(sentence: str) -> None:
    chunk = _chunk("a", 0, SectionType.FACTS, "Projektet startade 2029.", sentence, "Budgeten är 2 Mkr.")
    assert _said(target_group_sentence([chunk])) == sentence


def test_a_lesson_about_reaching_the_group_is_no_description_of_it() -> None:
    lesson = _chunk("a", 0, SectionType.CHALLENGES, "Det har varit svårt att nå målgruppen via annonser.")
    facts = _chunk("b", 500, SectionType.BACKGROUND, "Projektet vänder sig till nyanlända föräldrar.")
    assert _said(target_group_sentence([lesson, facts])) == "Projektet vänder sig till nyanlända föräldrar."
    assert target_group_sentence([_chunk("c", 0, SectionType.FACTS, "Budgeten är 2 Mkr.")]) is None


def test_the_newest_report_says_who_the_project_is_for() -> None:
    old = _chunk("a", 0, SectionType.FACTS, "Projektet vänder sig till unga.")
    new = _chunk("b", 0, SectionType.FACTS, "Projektet vänder sig nu till unga vuxna.")
    new.report_id = "r2"
    found = newest_target_group_sentence([old, new], {"r": 2030, "r2": 2031})
    assert _said(found) == "Projektet vänder sig nu till unga vuxna."
    assert newest_target_group_sentence([], {}) is None


def test_a_table_row_is_quoted_as_its_label_and_value() -> None:
    from qa.target_group import as_read

    row = "| Vilka vi vänder oss till | Unga 16–29 år |"
    assert as_read(row) == "Vilka vi vänder oss till: Unga 16–29 år"
    assert as_read("Målgruppen är unga  vuxna.") == "Målgruppen är unga vuxna."
