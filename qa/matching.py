"""How evaluation decides that an expected value appears in an answer or its figures, and
that a gold quote is inside a citation (the same rules as the shared scorer, score.py)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from corpus.dates import MONTHS

_QUOTES: dict[int, str | None] = {ord(c): '"' for c in "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033"}
_QUOTES.update({ord(c): "'" for c in "\u2018\u2019\u201a\u201b\u2032"})
_QUOTES.update({ord(c): "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"})
_QUOTES.update({ord("\u00ad"): None, ord("\u200b"): None, ord("*"): None})
_WS = re.compile(r"\s+")
_SEP = "[ \u00a0\u2007\u2009\u202f]"


def norm(s: object) -> str:
    s = unicodedata.normalize("NFKC", str(s)).translate(_QUOTES)
    return _WS.sub(" ", s.casefold()).strip()


def _int_pattern(n: int) -> str:
    digits = str(abs(n))
    groups: list[str] = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    lead = r"(?<!\d)(?<!\d[.,])"
    if len(groups[0]) == 3:
        lead += r"(?<!\d" + _SEP + ")"
    sign = "-" if n < 0 else ""
    return lead + sign + (_SEP + "?").join(groups) + r"(?!\d)(?![.,]\d)(?!" + _SEP + r"\d{3}(?!\d))"


def value_patterns(v: Any) -> list[str]:
    if isinstance(v, bool):
        return [re.escape(str(v).lower())]
    if isinstance(v, int):
        return [_int_pattern(v)]
    if isinstance(v, float):
        if v.is_integer():
            return [_int_pattern(int(v))]
        ip, fp = repr(v).split(".")
        base = _int_pattern(int(ip))
        return [base[: base.index("(?!\\d)")] + r"[.,]" + fp + r"(?!\d)"]
    s = str(v)
    if re.fullmatch(r"\d{4}-\d\d-\d\d", s):
        y, m, d = s.split("-")
        return [re.escape(s), rf"(?<!\d)0?{int(d)} {MONTHS[int(m) - 1]},? {y}(?!\d)"]
    compact = s.replace(" ", "").replace("\u00a0", "")
    if re.fullmatch(r"-?\d+", compact):
        return [_int_pattern(int(compact))]
    return [r"(?<!\w)" + re.escape(norm(s)) + r"(?!\w)"]


def _number(x: Any) -> float | None:
    if isinstance(x, bool):
        return None
    if isinstance(x, int | float):
        return float(x)
    if isinstance(x, str):
        t = re.sub(r"(?<=\d)" + _SEP + r"(?=\d{3}(?!\d))", "", unicodedata.normalize("NFKC", x))
        t = re.sub(r"\s*(kr|kronor|sek|%|procent)\s*$", "", t.strip(), flags=re.I).replace(",", ".")
        try:
            return float(t)
        except ValueError:
            return None
    return None


def value_found(
    v: Any, answer: str, figures: Iterable[dict[str, Any]], alternatives: dict[str, list[Any]] | None = None
) -> bool:
    """An expected value (or an accepted alternative) occurs in the answer or figures."""
    candidates = [v, *((alternatives or {}).get(str(v), []))]
    text = norm(answer)
    figs = list(figures)
    for c in candidates:
        if any(re.search(p, text) for p in value_patterns(c)):
            return True
        num = _number(c)
        for f in figs:
            fv = f.get("value")
            if num is not None and _number(fv) == num:
                return True
            if isinstance(fv, str) and any(re.search(p, norm(fv)) for p in value_patterns(c)):
                return True
    return False


def quote_found(quote: str, texts: Iterable[str]) -> bool:
    q = norm(quote)
    return any(q in norm(t) for t in texts)
