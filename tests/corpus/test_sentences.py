"""The Swedish sentence splitter: abbreviations, decimals, list numbers and bullets stay whole."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus.sentences import split_sentences

pytestmark = pytest.mark.unit


def _texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Projektet samarbetar bl.a. Arbetsförmedlingen och Region Skåne.",
        "Det gäller t.ex. Malmö och Lund.",
        "Budgeten är ca. 12,2 Mkr för hela perioden.",
        "Satsningen kostar 500 kr. Per deltagare blir det mindre.",
        "Ett s.k. Business center planeras.",
        "Gäller fr.o.m. Januari och t.o.m. December.",
        "Vi mötte K. Olsson på stadskontoret.",
        "Räntan var 3.5 procent och andelen 12,2 procent.",
        "Projekttiden är 2016-10-01 – 2019-09-30 enligt beslutet.",
        "Workshoppar, seminarier m.m. Genomfördes under året.",
        "Deltagare inom vård, omsorg osv. Deltog också.",
    ],
)
def test_no_split_inside(sentence: str) -> None:
    assert _texts(sentence) == [sentence]


def test_splits_after_terminal_punctuation() -> None:
    text = 'Målet nåddes. 42 personer fick arbete! Varför? "Citat" börjar här. *Betoning* också.'
    assert _texts(text) == [
        "Målet nåddes.",
        "42 personer fick arbete!",
        "Varför?",
        '"Citat" börjar här.',
        "*Betoning* också.",
    ]


def test_list_number_at_line_start_does_not_split() -> None:
    assert _texts("2. Kunskap och validering") == ["2. Kunskap och validering"]
    assert _texts("Det hände 2019. Sedan 2020.") == ["Det hände 2019.", "Sedan 2020."]


def test_bullets_and_table_rows_are_whole_units() -> None:
    text = "Inledning:\n- Första punkten. Med två meningar.\n- 1) Andra\nNamn\tFond\t12,2 Mkr\n\nSlut."
    assert _texts(text) == [
        "Inledning:",
        "- Första punkten. Med två meningar.",
        "- 1) Andra",
        "Namn\tFond\t12,2 Mkr",
        "Slut.",
    ]


def test_offsets_are_absolute_within_a_range() -> None:
    text = "Rubrik\n\nEn mening. En till."
    spans = split_sentences(text, 8, len(text))
    assert [(s.start, s.end) for s in spans] == [(8, 18), (19, 27)]


@given(st.text(alphabet=st.sampled_from(list("abcåäö ABCÅÄÖ.!?,\n-*\t0123456789")), max_size=300))
def test_spans_cover_every_non_space_character_in_order(text: str) -> None:
    spans = split_sentences(text)
    covered = "".join(text[s.start : s.end] for s in spans)
    assert "".join(covered.split()) == "".join(text.split())
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))
    assert all(text[s.start : s.end] == text[s.start : s.end].strip() and s.end > s.start for s in spans)
