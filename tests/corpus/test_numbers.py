"""Swedish amounts and numbers: exact parsing, Swedish formatting, round trips."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus.numbers import (
    find_amounts,
    find_euro_amounts,
    find_quantities,
    format_kr,
    format_mkr,
    format_number,
    format_tkr,
    parse_amount,
    parse_number,
    with_conversions,
)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("4 512 300 kr", 4_512_300),
        ("4512300 kr", 4_512_300),
        ("4 512 300 SEK", 4_512_300),
        ("4\u00a0512\u00a0300 kronor", 4_512_300),
        ("12,2 Mkr", 12_200_000),
        ("12,2 miljoner kronor", 12_200_000),
        ("0,8 Mkr", 800_000),
        ("drygt 150 Mkr", 150_000_000),
        ("2 300 tkr", 2_300_000),
        ("61,819177 Mkr", 61_819_177),
        ("512 640", 512_640),
    ],
)
def test_parse_amount(text: str, value: int) -> None:
    assert parse_amount(text) == value
    assert isinstance(parse_amount(text), int)


def test_parse_amount_without_number_raises() -> None:
    with pytest.raises(ValueError):
        parse_amount("ingen summa här")


@pytest.mark.parametrize(
    "text", ["Hela budgeten är cirka 3,1 miljoner euro.", "Budgeten är 215 000 euro.", "Budget: 215 000 €"]
)
def test_another_currency_is_no_kronor(text: str) -> None:
    assert find_amounts(text) == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Hela budgeten är cirka 3,1 miljoner euro.", [3_100_000]),
        ("Andelen är 498 000 euro, varav 398 400 euro finansieras av Interreg.", [498_000, 398_400]),
        ("Budget: 215 000 €", [215_000]),
        ("Budgeten är 4 620 000 kr.", []),
    ],
)
def test_amounts_in_euro_are_whole_euro(text: str, values: list[int]) -> None:
    found = find_euro_amounts(text, 10)
    assert [a.value for a in found] == values and all(a.unit == "euro" for a in found)
    assert all(text[a.span.start - 10 : a.span.end - 10].rstrip(".").endswith(("euro", "€")) for a in found)


@pytest.mark.parametrize(
    ("text", "euro", "kronor", "raw"),
    [
        ("Beviljat bidrag: 186 400 euro (cirka 2,1 miljoner kronor) från Erasmus+.", 186_400, 2_100_000,
         "186 400 euro (cirka 2,1 miljoner kronor)"),
        ("Budgeten är 420 000 euro, vilket motsvarar 4 620 000 kr.", 420_000, 4_620_000,
         "420 000 euro, vilket motsvarar 4 620 000 kr"),
        ("Andelen är 598 000 euro (omräknat ca 6 877 000 kr).", 598_000, 6_877_000,
         "598 000 euro (omräknat ca 6 877 000 kr)"),
        ("Projektet beviljades 268 000 euro, vilket motsvarar ungefär 3 015 000 kr.", 268_000, 3_015_000,
         "268 000 euro, vilket motsvarar ungefär 3 015 000 kr"),
    ],
)
def test_a_euro_amount_carries_the_reports_kronor_conversion(
    text: str, euro: int, kronor: int, raw: str
) -> None:
    found, converted = with_conversions(text, 5)
    assert [(a.value, a.unit, a.kronor, a.raw) for a in found] == [(euro, "euro", kronor, raw)]
    assert text[found[0].span.start - 5 : found[0].span.end - 5] == raw
    assert [a.value for a in converted] == [kronor]


def test_a_kronor_amount_after_euro_is_no_conversion_unless_the_report_says_so() -> None:
    found, converted = with_conversions("Budgeten är 2,8 miljoner euro, varav kommunens del 3 420 000 kr.")
    assert [(a.value, a.kronor) for a in found] == [(2_800_000, None)] and converted == []


def test_find_amounts_keeps_qualifier_span_and_bare_money() -> None:
    text = "Budgeten är drygt 241 Mkr, varav 398 420 finansierades av fonden."
    found = find_amounts(text, base=100)
    assert [(a.value, a.qualifier, a.raw) for a in found] == [
        (241_000_000, "drygt", "drygt 241 Mkr"),
        (398_420, None, "398 420"),
    ]
    assert text[found[1].span.start - 100:found[1].span.end - 100] == "398 420"


def test_bare_number_without_money_context_is_not_an_amount() -> None:
    assert find_amounts("Under året kom 2 300 besökare till mötesplatsen.") == []


def test_dates_and_codes_are_not_amounts() -> None:
    assert find_amounts("Beslut STK-2015-670 togs 2019-02-28 om budget.") == []


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier", "upper"),
    [
        ("ca 40% av deltagarna", 40, "%", "cirka", None),
        ("40 % av dem", 40, "%", None, None),
        ("40 procent av dem", 40, "%", None, None),
        ("3/4 av platserna", Fraction(3, 4), "andel", None, None),
        ("fler än 250 deltagare", 250, "deltagare", "över", None),
        ("sju av dem", 7, None, None, None),
        ("tre kvinnor", 3, "kvinnor", None, None),
        ("två månader", 2, "månader", None, None),
        ("80–90 gäster", 80, "gäster", None, 90),
        ("12,5 % av budgeten", Decimal("12.5"), "%", None, None),
        ("ett 40-tal deltagare", 40, "deltagare", "cirka", None),
    ],
)
def test_find_quantities(text: str, value: object, unit: str | None, qualifier: str | None,
                         upper: object) -> None:
    q = find_quantities(text)[0]
    assert (q.value, q.unit, q.qualifier, q.upper) == (value, unit, qualifier, upper)


def test_quantities_skip_money_versions_and_codes() -> None:
    found = find_quantities("Målgrupp 1.2 fick 400 000 kr enligt STK-2016-197.")
    assert found == []


def test_article_en_ett_is_not_a_number_unless_time() -> None:
    assert [q.value for q in find_quantities("ett projekt och ett år")] == [1]


def test_format_kr_and_number() -> None:
    assert format_kr(4_512_300) == "4 512 300 kr"
    assert format_kr(0) == "0 kr"
    assert format_kr(-1_000) == "-1 000 kr"
    assert format_number(Decimal("12236.5")) == "12 236,5"
    assert format_mkr(12_200_000) == "12,2 Mkr"
    assert format_tkr(2_300_000) == "2 300 tkr"
    assert parse_number("4 512 300") == 4_512_300


@given(st.integers(min_value=-10**12, max_value=10**12))
def test_format_kr_round_trips(n: int) -> None:
    assert parse_amount(format_kr(n)) == n
    assert "\u00a0" not in format_kr(n) and "\u202f" not in format_kr(n)


@given(st.integers(min_value=0, max_value=10**12))
def test_mkr_and_tkr_round_trip_exactly(n: int) -> None:
    assert parse_amount(format_mkr(n)) == n
    assert parse_amount(format_tkr(n)) == n


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=999_999))
def test_decimal_comma_mkr_is_exact(whole: int, frac: int) -> None:
    digits = str(frac).rjust(6, "0").rstrip("0") or "0"
    assert parse_amount(f"{whole},{digits} Mkr") == int(Decimal(f"{whole}.{digits}") * 1_000_000)


@given(st.text())
def test_finders_never_raise(text: str) -> None:
    for a in find_amounts(text):
        assert isinstance(a.value, int)
    find_quantities(text)


def test_full_stops_group_thousands_in_groups_of_three() -> None:
    assert [a.value for a in find_amounts("Totalkostnad: 14.280.000 kronor")] == [14_280_000]
    assert [a.value for a in find_amounts("Beviljat stöd: 8.568.000 kr (60 procent)")] == [8_568_000]
    # Not a decimal point, a version or a date.
    assert find_amounts("version 2.0 och 1.5 mkr") == []
    assert find_amounts("datum 2034.05.01 kr") == []
