"""Swedish dates: ISO days, "15 mars 2019", "i november 2018", "hösten 2019", and ranges.

Every date keeps its precision (day, month, season, year) so a caller never mistakes
"hösten 2019" for a day. Six-digit strings such as "190305" are deliberately not dates:
they are too often case numbers or codes.

>>> find_dates("Projekttiden är 2017-02-01 – 2020-01-31.")[0].iso
'2017-02-01'
>>> format_swedish_date("2020-03-01")
'1 mars 2020'
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from corpus.types import Span

MONTHS = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)}
_MONTH_NUM = {m: i + 1 for i, m in enumerate(MONTHS)}
SEASONS = {
    "våren": "vår",
    "vårterminen": "vår",
    "sommaren": "sommar",
    "hösten": "höst",
    "höstterminen": "höst",
    "vintern": "vinter",
}
_MONTH_RE = "|".join(MONTHS) + r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec"
_YEAR = r"(?:19|20)\d\d"

# Not inside codes ("STK-2019-05-06x"), but "2020-01-01-2022-12-31" is two dates.
_ISO_RE = re.compile(
    rf"(?<!\d)(?<![A-Za-z]-)(?P<y>{_YEAR})-(?P<m>\d\d)-(?P<d>\d\d)(?!\d|-\d(?!\d{{3}}-\d\d-\d\d))"
)
_LONG_RE = re.compile(
    rf"(?<![\d\w])(?P<d>[0-3]?\d)(?::e|:a)?\s+(?P<mon>{_MONTH_RE})\.?\s+(?P<y>{_YEAR})(?!\d)", re.IGNORECASE
)
_MONTH_YEAR_RE = re.compile(rf"(?<![\wåäö])(?P<mon>{_MONTH_RE})\.?\s+(?P<y>{_YEAR})(?!\d)", re.IGNORECASE)
_SEASON_RE = re.compile(
    r"(?<![\wåäö])(?P<season>" + "|".join(SEASONS) + rf")\s+(?P<y>{_YEAR})(?!\d)", re.IGNORECASE
)
_YEAR_RE = re.compile(rf"(?<![\d\w.,/-])(?P<y>{_YEAR})(?![\d\w]|[-/]\d|\s?\d{{3}}\b)")
# A month without a year that borrows the next date's year: "mars–augusti 2019".
_BARE_MONTH_RANGE_RE = re.compile(
    rf"(?<![\wåäö])(?P<mon>{_MONTH_RE})(?=\s*(?:--|[–—-])\s*(?:{_MONTH_RE})\.?\s+{_YEAR})", re.IGNORECASE
)
# "mellan 2029-04-01 och 2031-03-31", "mellan den 1 april 2029 och den 31 mars 2031"
_MELLAN_RE = re.compile(r"\bmellan\s+(?:den\s+)?$", re.IGNORECASE)
_OCH_RE = re.compile(r"\s+och\s+(?:den\s+)?")
_RANGE_SEP_RE = re.compile(
    r"\s*(?:--|[–—-]|till(?:\s+och\s+med)?(?:\s+den)?|t\.o\.m\.?|tom)\s*", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class SwedishDate:
    """A date as written. ``iso`` is "YYYY-MM-DD", "YYYY-MM" or "YYYY" depending on ``precision``."""

    iso: str
    precision: str  # "day", "month", "season" or "year"
    span: Span
    raw: str
    season: str | None = None

    @property
    def year(self) -> int:
        return int(self.iso[:4])

    def first_day(self) -> dt.date:
        """The earliest calendar day the date can mean (for ordering and comparisons)."""
        parts = [int(p) for p in self.iso.split("-")]
        if self.season:
            parts = [parts[0], {"vår": 1, "sommar": 6, "höst": 8, "vinter": 1}[self.season]]
        return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


@dataclass(frozen=True, slots=True)
class DateRange:
    """Two dates joined by a dash or "till": "2017-03-01 – 2019-06-30"."""

    start: SwedishDate
    end: SwedishDate
    span: Span
    raw: str


def _month(name: str) -> int:
    name = name.lower().rstrip(".")
    return _MONTH_NUM.get(name) or _MONTH_ABBR[name[:3]]


def _valid(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
    except ValueError:
        return False
    return True


def find_dates(text: str, base: int = 0, include_years: bool = False) -> list[SwedishDate]:
    """Every date in ``text`` with absolute spans; bare years only with ``include_years``."""
    out: list[SwedishDate] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], iso: str, precision: str, season: str | None = None) -> None:
        if any(m.start() < e and s < m.end() for s, e in taken):
            return
        taken.append((m.start(), m.end()))
        out.append(SwedishDate(iso, precision, Span(base + m.start(), base + m.end()), m.group(0), season))

    for m in _ISO_RE.finditer(text):
        y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        if _valid(y, mo, d):
            add(m, f"{y:04d}-{mo:02d}-{d:02d}", "day")
    for m in _LONG_RE.finditer(text):
        y, mo, d = int(m.group("y")), _month(m.group("mon")), int(m.group("d"))
        if _valid(y, mo, d):
            add(m, f"{y:04d}-{mo:02d}-{d:02d}", "day")
    for m in _MONTH_YEAR_RE.finditer(text):
        add(m, f"{int(m.group('y')):04d}-{_month(m.group('mon')):02d}", "month")
    for m in _SEASON_RE.finditer(text):
        add(m, m.group("y"), "season", SEASONS[m.group("season").lower()])
    for m in _BARE_MONTH_RANGE_RE.finditer(text):
        nxt = _MONTH_YEAR_RE.search(text, m.end())
        if nxt:
            add(m, f"{nxt.group('y')}-{_month(m.group('mon')):02d}", "month")
    if include_years:
        for m in _YEAR_RE.finditer(text):
            add(m, m.group("y"), "year")
    return sorted(out, key=lambda d: d.span.start)


def find_date_ranges(text: str, base: int = 0) -> list[DateRange]:
    """Pairs of adjacent dates joined by "–", "-", "till" or "t.o.m.", and "mellan A och B"."""
    dates = find_dates(text, base)
    out: list[DateRange] = []
    i = 0
    while i + 1 < len(dates):
        a, b = dates[i], dates[i + 1]
        gap = text[a.span.end - base : b.span.start - base]
        between = _MELLAN_RE.search(text[max(0, a.span.start - base - 12) : a.span.start - base]) is not None
        # "2035-03-01/2037-02-28": an ISO interval, the slash with no space around it.
        joined = _RANGE_SEP_RE.fullmatch(gap) or (between and _OCH_RE.fullmatch(gap)) or gap == "/"
        if joined and a.first_day() <= b.first_day():
            raw = text[a.span.start - base : b.span.end - base]
            out.append(DateRange(a, b, Span(a.span.start, b.span.end), raw))
            i += 2
        else:
            i += 1
    return out


def parse_date(s: str) -> SwedishDate:
    """The first date in ``s``; ValueError when there is none."""
    found = find_dates(s, include_years=True)
    if not found:
        raise ValueError(f"no date in {s!r}")
    return found[0]


def format_swedish_date(iso: str) -> str:
    """An ISO day, month or year in Swedish long form: "2020-03-01" → "1 mars 2020"."""
    parts = iso.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return parts[0]


def months_between(earlier: str, later: str) -> int | None:
    """Whole months from one ISO date to another, or None when the gap is not whole months.

    An extension is reported as a new end date; its length is what officials ask ("med
    hur lång tid?"). Month ends count as the same day ("2025-02-28" → "2025-08-31" is six
    months), and two months ("2025-02" → "2025-08") differ by their count."""
    a, b = earlier.split("-"), later.split("-")
    if len(a) != len(b) or len(a) not in (2, 3):
        return None
    months = (int(b[0]) - int(a[0])) * 12 + int(b[1]) - int(a[1])
    if len(a) == 3:
        da, db = dt.date(*map(int, a)), dt.date(*map(int, b))
        if da.day != db.day and not (_month_end(da) and _month_end(db)):
            return None
    return months if months > 0 else None


def _month_end(d: dt.date) -> bool:
    return (d + dt.timedelta(days=1)).month != d.month
