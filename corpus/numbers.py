"""Swedish amounts and numbers, parsed exactly and formatted the Swedish way.

Kronor are always integers; scaled forms ("8,9 Mkr", "2 300 tkr") are computed with
``Decimal`` so no float rounding creeps in. Spans are absolute: every finder takes the
offset (``base``) of ``text`` in the report's normalised text.

>>> parse_amount("8,9 Mkr")
8900000
>>> format_kr(1234567)
'1 234 567 kr'
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from corpus.types import Span

logger = logging.getLogger(__name__)

# Thin spaces and no-break spaces are common thousands separators in exported reports.
_SEP = "[ \u00a0\u202f\u2009]"
# Full stops group thousands too ("14.280.000 kronor"), always in groups of three.
_NUM = rf"\d{{1,3}}(?:{_SEP}\d{{3}})+(?:,\d+)?|\d{{1,3}}(?:\.\d{{3}})+(?!\.?\d)|\d+(?:,\d+)?"
# Not glued to other digits, dates ("2019-02-28"), versions ("1.2") or codes ("STK-2015-670").
_NUM_RE = rf"(?<![\d\w.,/-])(?P<num>{_NUM})(?![\d]|[.,]\d|-\d|/\d)"

QUALIFIERS: dict[str, str] = {
    "drygt": "drygt", "cirka": "cirka", "ca": "cirka", "ca.": "cirka", "c:a": "cirka",
    "omkring": "cirka", "ungefär": "cirka", "runt": "cirka", "knappt": "knappt",
    "nästan": "knappt", "närmare": "knappt", "över": "över", "mer än": "över",
    "fler än": "över", "minst": "minst", "högst": "högst", "upp till": "högst",
    "under": "under", "mindre än": "under", "färre än": "under",
}
_QUAL_RE = r"(?:(?P<qual>" + "|".join(
    re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True)
) + r")\s+)?"

# Unit word → multiplier in kronor.
_KR_UNITS: dict[str, int] = {
    "kr": 1, "kronor": 1, "sek": 1, ":-": 1,
    "tkr": 1_000, "tusen kronor": 1_000, "tsek": 1_000, "ksek": 1_000, "kkr": 1_000,
    "mkr": 1_000_000, "mnkr": 1_000_000, "msek": 1_000_000, "miljoner kronor": 1_000_000,
    "miljoner kr": 1_000_000, "milj. kr": 1_000_000, "milj kr": 1_000_000, "miljoner": 1_000_000,
    "mdkr": 1_000_000_000, "miljarder kronor": 1_000_000_000, "miljarder": 1_000_000_000,
}
_UNIT_RE = "|".join(re.escape(u) for u in sorted(_KR_UNITS, key=len, reverse=True))
# Another currency after the number or a bare scale word: "3,1 miljoner euro" is no kronor.
_FOREIGN = r"(?!\s*(?:euro|eur\b|€|dollar|usd\b|danska|norska|pund))"
_AMOUNT_RE = re.compile(
    rf"{_QUAL_RE}{_NUM_RE}{_SEP}?(?P<unit>{_UNIT_RE})(?![\wåäö]){_FOREIGN}", re.IGNORECASE
)
_BARE_RE = re.compile(rf"{_QUAL_RE}{_NUM_RE}", re.IGNORECASE)
# Amounts in euro (Interreg and Erasmus+ budgets): "486 000 euro", "2,4 miljoner euro".
EURO_AFTER = re.compile(r"\s*(?:(miljoner|miljon|mn|tusen)\s+)?(?:euro\b|eur\b|€)", re.IGNORECASE)
EURO_SCALE = {"miljoner": 1_000_000, "miljon": 1_000_000, "mn": 1_000_000, "tusen": 1_000}
_EURO_RE = re.compile(
    rf"{_QUAL_RE}{_NUM_RE}\s*(?:(?P<scale>miljoner|miljon|mn|tusen)\s+)?(?:euro\b|eur\b|€)", re.IGNORECASE
)
# … and with the currency before the number: "EUR 2 500 000", "€ 300 000".
_EURO_BEFORE_RE = re.compile(
    rf"{_QUAL_RE}(?:\beur\b|€)\s*{_NUM_RE}(?:\s+(?P<scale>miljoner|miljon|mn|tusen)(?![\wåäö]))?",
    re.IGNORECASE,
)
# A currency other than kronor written before a number.
_FOREIGN_BEFORE = re.compile(r"(?:\b(?:eur|usd|dkk|nok|gbp)|[€$£])\s*$", re.IGNORECASE)
# A bare grouped number is money when money words stand close to it ("varav 398 420 finansierades").
_MONEY_CONTEXT = re.compile(
    r"varav|budget|finansier|kostnad|stöd|medfinansi|kronor|\bkr\b|belopp|summa", re.IGNORECASE
)

NUMBER_WORDS: dict[str, int] = {
    "en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8,
    "nio": 9, "tio": 10, "elva": 11, "tolv": 12, "tretton": 13, "fjorton": 14, "femton": 15,
    "sexton": 16, "sjutton": 17, "arton": 18, "nitton": 19, "tjugo": 20, "trettio": 30,
    "fyrtio": 40, "femtio": 50, "sextio": 60, "sjuttio": 70, "åttio": 80, "nittio": 90,
    "hundra": 100, "etthundra": 100, "tusen": 1000, "ettusen": 1000,
}
# "en"/"ett" are mostly articles; count them only before these nouns.
_ONE_NOUNS = {"år", "månad", "vecka", "dag", "halvår", "termin", "gång"}
_FRACTION_WORDS: dict[str, Fraction] = {
    "hälften": Fraction(1, 2), "en tredjedel": Fraction(1, 3), "två tredjedelar": Fraction(2, 3),
    "en fjärdedel": Fraction(1, 4), "tre fjärdedelar": Fraction(3, 4),
}
_WORD_RE = re.compile(
    _QUAL_RE + r"(?<![\wåäö])(?P<word>" + "|".join(
        sorted(list(NUMBER_WORDS) + list(_FRACTION_WORDS), key=len, reverse=True)
    ) + r")(?![\wåäö])",
    re.IGNORECASE,
)
_RANGE_RE = re.compile(
    rf"{_QUAL_RE}{_NUM_RE}\s*[–—-]\s*(?P<upper>{_NUM})(?![\d])(?:\s*(?P<pct>%|procent))?", re.IGNORECASE
)
_FRACTION_RE = re.compile(r"(?<![\d/.-])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![\d/.-])")
_PERCENT_RE = re.compile(rf"{_QUAL_RE}{_NUM_RE}\s*(?:%|procent\b)", re.IGNORECASE)
_APPROX_SUFFIX = re.compile(r"(?P<num>\d+)-tal\b")
_NEXT_WORD = re.compile(r"\s*\(?(?P<w>[A-Za-zÅÄÖåäöéü][\wåäöÅÄÖ-]*)")

# Words after a number that are not what it counts ("2018 och", "15 i").
_NOT_UNITS = {
    "och", "i", "av", "till", "på", "för", "att", "som", "med", "har", "är", "var", "om", "från",
    "under", "efter", "inom", "men", "eller", "samt", "den", "det", "de", "en", "ett", "års",
    "kr", "kronor", "st", "vid", "ska", "kommer", "blev", "hade", "sedan", "fram",
}

Number = int | Decimal | Fraction


@dataclass(frozen=True, slots=True)
class Amount:
    """A sum of money in whole kronor (or whole euro when ``unit`` is "euro"), as written at
    ``span`` (``raw``)."""

    value: int
    span: Span
    raw: str
    qualifier: str | None = None
    unit: str = "kr"
    #: For an amount in euro, the kronor the report converts it to right after it.
    kronor: int | None = None

    @property
    def approx(self) -> bool:
        return self.qualifier is not None


@dataclass(frozen=True, slots=True)
class Quantity:
    """A count, share or measure: ``value`` (``upper`` for ranges) and the word it counts."""

    value: Number
    unit: str | None
    span: Span
    raw: str
    qualifier: str | None = None
    upper: Number | None = None

    @property
    def approx(self) -> bool:
        return self.qualifier is not None


def parse_number(s: str) -> int | Decimal:
    """A Swedish numeral ("1 234 567", "8,9") as int, or Decimal when it has decimals."""
    digits = re.sub(_SEP, "", s.strip())
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", digits):
        digits = digits.replace(".", "")
    if not re.fullmatch(r"-?\d+(?:,\d+)?", digits):
        raise ValueError(f"not a Swedish number: {s!r}")
    if "," in digits:
        return Decimal(digits.replace(",", "."))
    return int(digits)


def _to_kr(num: str, unit: str) -> int:
    value = Decimal(str(parse_number(num))) * _KR_UNITS[unit.lower()]
    whole = value.to_integral_value(rounding=ROUND_HALF_UP)
    if whole != value:
        logger.debug("amount %s %s rounded to whole kronor", num, unit)
    return int(whole)


def _qualifier(m: re.Match[str]) -> str | None:
    q = m.group("qual")
    return QUALIFIERS[q.lower()] if q else None


def parse_amount(s: str) -> int:
    """The first amount in ``s`` in whole kronor ("8,9 Mkr" → 8 900 000); bare numbers count."""
    s = s.strip()
    neg = s.startswith(("-", "−"))
    body = s.lstrip("-−").strip()
    m = _AMOUNT_RE.search(body)
    if m:
        value = _to_kr(m.group("num"), m.group("unit"))
    else:
        bare = _BARE_RE.search(body)
        if not bare:
            raise ValueError(f"no amount in {s!r}")
        value = _to_kr(bare.group("num"), "kr")
    return -value if neg else value


def find_amounts(text: str, base: int = 0) -> list[Amount]:
    """Every sum of money in ``text``: with a unit, or a grouped number in a money context."""
    out: list[Amount] = []
    taken: list[tuple[int, int]] = []
    for m in _AMOUNT_RE.finditer(text):
        out.append(Amount(_to_kr(m.group("num"), m.group("unit")), Span(base + m.start(), base + m.end()),
                          m.group(0), _qualifier(m)))
        taken.append((m.start(), m.end()))
    for m in _BARE_RE.finditer(text):
        num = m.group("num")
        if any(s <= m.start("num") < e for s, e in taken) or not re.search(_SEP, num):
            continue
        if _is_range_or_percent(text, m.end()) or not re.match(_FOREIGN, text[m.end():]):
            continue
        if _FOREIGN_BEFORE.search(text[max(0, m.start() - 6): m.start()]):
            continue  # "EUR 1 840 000" is no kronor
        window = text[max(0, m.start() - 60): m.end() + 40]
        if _MONEY_CONTEXT.search(window) and parse_number(num) >= 1000:
            out.append(Amount(_to_kr(num, "kr"), Span(base + m.start(), base + m.end()), m.group(0),
                              _qualifier(m)))
    return sorted(out, key=lambda a: a.span.start)


def find_euro_amounts(text: str, base: int = 0) -> list[Amount]:
    """Every sum in euro in ``text`` ("varav 398 400 euro finansieras av Interreg"), in whole
    euro with ``unit`` "euro"; a report's kronor figures stay with ``find_amounts``."""
    out: list[Amount] = []
    found = [*_EURO_RE.finditer(text), *_EURO_BEFORE_RE.finditer(text)]
    for m in sorted(found, key=lambda m: m.start()):
        scale = EURO_SCALE.get((m.group("scale") or "").lower(), 1)
        value = (Decimal(str(parse_number(m.group("num")))) * scale).to_integral_value(rounding=ROUND_HALF_UP)
        span = Span(base + m.start(), base + m.end())
        out.append(Amount(int(value), span, m.group(0), _qualifier(m), unit="euro"))
    return out


# What stands between an amount in euro and the report's conversion of it to kronor:
# "186 400 euro (cirka 2,1 miljoner kronor)", "420 000 euro, vilket motsvarar 4 620 000 kr",
# "186 500 euro, vilket till den kurs som användes i budgeten motsvarar 2 088 800 kronor".
_CONVERSION_GAP = re.compile(
    # "2 400 000 euro för hela projektet (cirka 27,4 miljoner kronor)": what the sum covers first.
    r"(?:\s+för\s+(?:hela\s+)?(?:projektet|[a-zåäö]+s\s+del))?"
    r"\s*(?:\(\s*(?:(?:omräknat|motsvarande|motsvarar)\s+(?:till\s+)?)?"
    r"|,?\s*(?:(?:vilket|som)\s+(?:[a-zåäö]+\s+){0,8}?)?(?:motsvarar|motsvarande|omräknat(?:\s+till)?)\s+)"
    r"(?:(?:ungefär|omkring|runt|cirka|ca\.?)\s+)?",
    re.IGNORECASE,
)


def with_conversions(text: str, base: int = 0) -> tuple[list[Amount], list[Amount]]:
    """The euro amounts of ``text``, each stretched over the kronor conversion the report
    gives right after it, and those conversions. The amount stays in euro, the currency it
    was decided in; its span (and ``raw``) carries the kronor figure for anyone reading it."""
    kronor = find_amounts(text, base)
    euro: list[Amount] = []
    converted: list[Amount] = []
    for e in find_euro_amounts(text, base):
        conv = next((k for k in kronor if k.span.start >= e.span.end
                     and _CONVERSION_GAP.fullmatch(text[e.span.end - base : k.span.start - base])), None)
        if conv is None:
            euro.append(e)
            continue
        end = conv.span.end - base
        end += 1 if "(" in text[e.span.end - base : conv.span.start - base] and \
            text[end : end + 1] == ")" else 0
        converted.append(conv)
        euro.append(Amount(e.value, Span(e.span.start, base + end), text[e.span.start - base : end],
                           e.qualifier, e.unit, conv.value))
    return euro, converted


def _is_range_or_percent(text: str, end: int) -> bool:
    return bool(re.match(r"\s*(?:[–—-]\s*\d|%|procent)", text[end:]))


def _unit_after(text: str, end: int) -> str | None:
    m = _NEXT_WORD.match(text, end)
    if not m:
        return None
    word = m.group("w").lower()
    return None if word in _NOT_UNITS else word


def find_quantities(text: str, base: int = 0) -> list[Quantity]:
    """Counts, shares and ranges that are not money: "fler än 250 deltagare", "ca 40%", "2/3", "sju"."""
    money = [(a.span.start - base, a.span.end - base) for a in find_amounts(text)]
    taken: list[tuple[int, int]] = list(money)
    out: list[Quantity] = []

    def free(s: int, e: int) -> bool:
        return not any(s < te and ts < e for ts, te in taken)

    def add(m: re.Match[str], q: Quantity) -> None:
        taken.append((m.start(), m.end()))
        out.append(q)

    for m in _RANGE_RE.finditer(text):
        if free(m.start(), m.end()):
            unit = "%" if m.group("pct") else _unit_after(text, m.end())
            add(m, Quantity(parse_number(m.group("num")), unit, Span(base + m.start(), base + m.end()),
                            m.group(0), _qualifier(m), parse_number(m.group("upper"))))
    for m in _PERCENT_RE.finditer(text):
        if free(m.start(), m.end()):
            add(m, Quantity(parse_number(m.group("num")), "%", Span(base + m.start(), base + m.end()),
                            m.group(0), _qualifier(m)))
    for m in _FRACTION_RE.finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        if b and a < b and free(m.start(), m.end()):
            add(m, Quantity(Fraction(a, b), "andel", Span(base + m.start(), base + m.end()), m.group(0)))
    for m in _APPROX_SUFFIX.finditer(text):
        if free(m.start(), m.end()):
            add(m, Quantity(int(m.group("num")), _unit_after(text, m.end()),
                            Span(base + m.start(), base + m.end()), m.group(0), "cirka"))
    for m in _BARE_RE.finditer(text):
        if free(m.start("num"), m.end()):
            add(m, Quantity(parse_number(m.group("num")), _unit_after(text, m.end()),
                            Span(base + m.start(), base + m.end()), m.group(0), _qualifier(m)))
    out.extend(_word_quantities(text, base, free))
    return sorted(out, key=lambda q: q.span.start)


def _word_quantities(text: str, base: int, free: object) -> list[Quantity]:
    out: list[Quantity] = []
    for m in _WORD_RE.finditer(text):
        word = m.group("word").lower()
        if not free(m.start(), m.end()):  # type: ignore[operator]
            continue
        unit = _unit_after(text, m.end())
        if word in _FRACTION_WORDS:
            out.append(Quantity(_FRACTION_WORDS[word], "andel", Span(base + m.start(), base + m.end()),
                                m.group(0), _qualifier(m)))
            continue
        if word in ("en", "ett") and not (unit and unit.startswith(tuple(_ONE_NOUNS))):
            continue
        if word == "sex" and unit is None:  # also the noun "sex"
            continue
        out.append(Quantity(NUMBER_WORDS[word], unit, Span(base + m.start(), base + m.end()),
                            m.group(0), _qualifier(m)))
    return out


def format_number(n: int | Decimal | Fraction | float) -> str:
    """Swedish digits: plain-space thousands grouping and a decimal comma ("12 236,5")."""
    if isinstance(n, Fraction):
        n = Decimal(n.numerator) / Decimal(n.denominator)
    if isinstance(n, float):
        n = Decimal(repr(n))
    if isinstance(n, Decimal):
        if n == n.to_integral_value():
            return format_number(int(n))
        sign = "-" if n < 0 else ""
        whole, frac = f"{abs(n):f}".split(".")
        return f"{sign}{int(whole):,}".replace(",", " ") + "," + frac.rstrip("0")
    return f"{n:,}".replace(",", " ")


def format_kr(n: int) -> str:
    """Whole kronor the Swedish way: ``1 234 567 kr``."""
    return f"{format_number(n)} kr"


def format_mkr(n: int) -> str:
    """Kronor in millions with an exact decimal comma: 8 900 000 → ``8,9 Mkr``."""
    return f"{format_number(Decimal(n) / 1_000_000)} Mkr"


def format_tkr(n: int) -> str:
    """Kronor in thousands with an exact decimal comma: 2 300 000 → ``2 300 tkr``."""
    return f"{format_number(Decimal(n) / 1_000)} tkr"
