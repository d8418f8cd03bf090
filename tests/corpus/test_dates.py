"""Swedish dates: precision, spans, ranges and round trips through the long form."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus.dates import find_date_ranges, find_dates, format_swedish_date, months_between, parse_date

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [
        ("2017-03-01", "2017-03-01", "day"),
        ("den 15 mars 2019", "2019-03-15", "day"),
        ("i november 2018", "2018-11", "month"),
        ("våren 2020", "2020", "season"),
        ("hösten 2019", "2019", "season"),
        ("t.o.m. 2021-12-31", "2021-12-31", "day"),
    ],
)
def test_find_dates(text: str, iso: str, precision: str) -> None:
    d = find_dates(text)[0]
    assert (d.iso, d.precision) == (iso, precision)


def test_season_is_kept() -> None:
    assert find_dates("våren 2020")[0].season == "vår"


def test_six_digit_codes_and_invalid_days_are_not_dates() -> None:
    assert find_dates("under perioden 190305–190605") == []
    assert find_dates("2019-02-30") == []
    assert find_dates("STK-2015-670") == []


def test_spans_are_absolute() -> None:
    text = "Projekttiden är 2017-02-01 – 2020-01-31."
    d = find_dates(text, base=50)[1]
    assert text[d.span.start - 50:d.span.end - 50] == "2020-01-31"


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2017-03-01 – 2019-06-30", "2017-03-01", "2019-06-30"),
        ("2019-01-01 - 2021-12-31", "2019-01-01", "2021-12-31"),
        ("från 2019-01-01 till 2021-12-31", "2019-01-01", "2021-12-31"),
        ("juni 2017-maj 2018", "2017-06", "2018-05"),
        ("mars-augusti 2019", "2019-03", "2019-08"),
    ],
)
def test_ranges(text: str, start: str, end: str) -> None:
    r = find_date_ranges(text)[0]
    assert (r.start.iso, r.end.iso) == (start, end)


def test_parse_date_and_years() -> None:
    assert parse_date("under 2018").iso == "2018"
    with pytest.raises(ValueError):
        parse_date("ingen tid")


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_iso_round_trips_through_swedish_long_form(day: dt.date) -> None:
    long = format_swedish_date(day.isoformat())
    assert parse_date(long).iso == day.isoformat()
    assert parse_date(day.isoformat()).iso == day.isoformat()


@given(st.text())
def test_never_raises(text: str) -> None:
    find_dates(text, include_years=True)
    find_date_ranges(text)


def test_mellan_a_och_b_is_a_range_but_a_list_is_not() -> None:
    from corpus.dates import find_date_ranges

    text = "Projektet pågår mellan 2018-01-15 och 2021-06-30. Möten hölls 2019-01-01 och 2019-02-01."
    ranges = find_date_ranges(text)
    assert [(r.start.iso, r.end.iso) for r in ranges] == [("2018-01-15", "2021-06-30")]


@pytest.mark.parametrize(
    ("earlier", "later", "months"),
    [
        ("2025-02-28", "2025-08-31", 6),  # month ends
        ("2024-12-31", "2025-06-30", 6),
        ("2022-03-15", "2023-03-15", 12),
        ("2025-02", "2025-08", 6),
        ("2025-02-28", "2025-08-15", None),  # not whole months
        ("2025-08-31", "2025-02-28", None),  # not later
        ("2025", "2026", None),
    ],
)
def test_months_between(earlier: str, later: str, months: int | None) -> None:
    assert months_between(earlier, later) == months
