"""A PDF page's layout-mode lines made readable: two text columns read one after the other,
wrapped table cells put back in their row, tables and single-column pages left alone."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus.normalise import normalise
from corpus.pdf_layout import reading_order, with_wrapped_cells

pytestmark = pytest.mark.unit

MORE = [
    "Under hösten arrangerade projektet en avslutande",
    "konferens med drygt hundra deltagare från både",
    "företag, kommuner och regionen, och nätverket",
    "som byggts upp drivs vidare av en förening som",
    "har åtagit sig att fortsätta med träffarna.",
]
LEFT = [
    "Hamnlyftet",
    "",
    "Projektet ska ge små företag i hamnen stöd",
    "att ställa om till el och ta fram nya tjänster",
    "tillsammans med kommunens hamnbolag och två",
    "lokala åkerier under hela projektperioden.",
    "Status",
    "Projektet avslutades enligt plan den 30",
    "",
    "juni och slutrapporten lämnas i september.",
    "Målet var att nå fyrtio företag i regionen och",
    "utfallet blev femtiotvå företag med anställda.",
    *MORE,
]
RIGHT = [
    "Det som fungerat",
    "Besöken på plats hos varje företag har sänkt",
    "tröskeln för dem som annars inte hade kommit",
    "",
    "till seminarierna. Samarbetet med åkerierna har",
    "gett projektet kontakter med många fler företag.",
    "",
    "Hinder",
    "Upphandlingen av expertstöd drog ut på tiden",
    "när inga anbud kom in första gången, vilket",
    "försenade den andra fasen med fyra månader.",
    "",
    *MORE,
]


def _page(left: list[str], right: list[str], gutter: int = 52) -> list[str]:
    header = ["Hamnrapport 2034" + " " * 70 + "Sida 3 av 9", ""]
    rows = [f" {a:<{gutter - 1}}{b}".rstrip() for a, b in zip(left, right, strict=True)]
    return header + rows


def test_two_columns_are_read_left_column_first() -> None:
    text = "\n".join(line.strip() for line in reading_order(_page(LEFT, RIGHT)))
    left_end = text.index("femtiotvå företag")
    assert text.count("konferens med drygt hundra") == 2
    right_start = text.index("Det som fungerat")
    assert left_end < right_start
    # Each column's sentences stay whole: no line of the other column in between.
    assert "stöd\natt ställa om" in text
    assert "sänkt\ntröskeln för dem" in text
    # The running header stays on top, whole.
    assert text.splitlines()[0].startswith("Hamnrapport 2034") and "Sida 3 av 9" in text.splitlines()[0]


def test_a_blank_row_of_the_other_column_does_not_break_a_sentence() -> None:
    lines = [line.strip() for line in reading_order(_page(LEFT, RIGHT))]
    # "… den 30" / "juni …": the blank row came from the right column's paragraph gap.
    i = lines.index("Projektet avslutades enligt plan den 30")
    assert lines[i + 1] == "juni och slutrapporten lämnas i september."
    # A real paragraph gap of a column is kept (before "Hinder").
    j = lines.index("Hinder")
    assert lines[j - 1] == ""
    # "… kommit" / "till seminarierna": a full line that ends no sentence goes on.
    k = lines.index("tröskeln för dem som annars inte hade kommit")
    assert lines[k + 1].startswith("till seminarierna")


def test_a_page_in_one_column_is_left_as_it_is() -> None:
    prose = [
        "Kommunen har sedan 2029 samlat sitt arbete med EU-finansierade projekt i en plattform som",
        "samordnas av utvecklingsenheten. Syftet är att förvaltningar och bolag ska kunna använda",
    ] * 8
    assert reading_order(prose) == prose


def test_a_table_with_a_gap_down_the_page_is_no_pair_of_columns() -> None:
    table = [
        f" {name:<30}{fund:<20}{owner:<36}{period:<16}{budget}"
        for name, fund, owner, period, budget in [
            ("Projekt", "Fond/program", "Projektägare", "Period", "Budget totalt"),
            ("Skogslyftet", "FRO", "Näringslivsenheten", "2032–2034", "11,8 Mkr"),
            ("Vägen Vidare", "ESF+", "Arbetsmarknadsförvaltningen", "2032–2035", "9 750 tkr"),
        ]
    ] * 4
    assert reading_order(table) == table


def test_wrapped_table_cells_join_their_row() -> None:
    lines = [
        " Projekt                Fond              Projektägare                   Budget",
        " Vägen Vidare           ESF+              Arbetsmarknads- och            9 750 tkr",
        "                                          integrationsförvaltningen",
        " Energismart Företag    Regionalfonden    Samhällsbyggnadsförv.          7 300 tkr",
        " Söderhamn",
        " Ledbygget              LEADER            Norrbrå Bygdeförening          1 450 tkr",
        " Belopp anges i tusentals kronor (tkr) för alla projekt i portföljen och avser beviljad budget.",
    ]
    out = with_wrapped_cells(lines)
    assert "Vägen Vidare\tESF+\tArbetsmarknads- och integrationsförvaltningen\t9 750 tkr" in out
    # Under the first cell, with a row after it: the project's name goes on.
    assert out[2].startswith("Energismart Företag Söderhamn\t")
    # Prose after the table is no cell.
    assert out[-1].strip().startswith("Belopp anges")
    # A justified line spread word by word is no table row.
    spread = ["Samverkanspartner:     Arbetsförmedlingen,     Region     Norrbotten",
              "                                               (ungdomsmottagningarna), Luleå Energi AB"]
    assert with_wrapped_cells(spread) == spread


def test_a_fact_box_of_label_and_value_apart_by_spaces_is_read_as_label_lines() -> None:
    raw = (
        "Hamnlyftet\n\n"
        "Ägare  Näringslivsenheten,\nKommunledningsförvaltningen\n"
        "Projektledning  Tomas Ek\n"
        "Period  2032-05-01 – 2034-12-31\n\n"
        "Budget totalt  11,8 Mkr\n"
        "EU-bidrag  5 850 tkr efter revidering (tidigare 5\n040 tkr)\n\n"
        "Projektet har arbetat  med företag.\n"
    )
    text = normalise(raw).text
    assert "Ägare\tNäringslivsenheten, Kommunledningsförvaltningen" in text
    assert "Budget totalt\t11,8 Mkr\nEU-bidrag\t5 850 tkr efter revidering (tidigare 5 040 tkr)" in text
    # Two lines are no block; prose with a double space is left alone.
    assert "\t" not in normalise("Ägare  Kulturförvaltningen\nPeriod  2030–2032\n").text


def test_titles_of_narrow_columns_stay_titles_beside_pages_in_one_column() -> None:
    wide = [
        "Kommunen har sedan 2029 samlat sitt arbete med EU-finansierade projekt i en plattform som",
        "samordnas av utvecklingsenheten, och syftet är att förvaltningar och bolag ska kunna söka",
    ] * 15
    column = [
        "Projektet har drivits i samverkan med två",
        "åkerier och Företagarna i kommunen.",
        "Status",
        "Projektet avslutades enligt plan och är nu",
        "i slutredovisningsfasen med sin rapport.",
        "Det som fungerat",
        "Samlokaliseringen med Arbetsförmedlingen på",
        "Kontaktpunkten har varit avgörande för att",
        "deltagarna kommer till sina möten i tid.",
    ] * 3
    text = normalise("\n".join(wide + [""] + column)).text
    assert "\n\nStatus\n\n" in text and "\n\nDet som fungerat\n\n" in text
    assert "Samlokaliseringen med Arbetsförmedlingen på Kontaktpunkten har varit" in text


@given(st.lists(st.text(alphabet=" ab.|", max_size=90), max_size=60))
def test_layout_lines_lose_no_word(lines: list[str]) -> None:
    """Whatever the page, reading order and cell joining only move words, never lose one."""
    words = Counter(w for line in lines for w in line.replace("|", " ").split())
    for out in (reading_order(lines), with_wrapped_cells(lines)):
        assert Counter(w for line in out for w in line.replace("|", " ").split()) == words
