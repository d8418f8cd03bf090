"""Answer quality as the side-by-side table reads it: citation recall@5, characters cited,
recall at equal cited characters, values in the answer or in the cited text.

The rules for "a gold quote is inside a citation" and "an expected value appears" are the
shared scorer's (``qa.matching``), applied to each system's top-5 texts.
"""

from __future__ import annotations

from typing import Any

from qa.matching import quote_found, value_found

#: Cited-character budgets at which recall is compared (texts cut in rank order).
BUDGETS = (500, 1000, 2000, 3000, 4000, 6000, 8000, 12000)


def within_budget(texts: list[str], budget: int) -> list[str]:
    """The first ``budget`` characters of the ranked texts, the last one cut short."""
    out, left = [], budget
    for t in texts:
        if left <= 0:
            break
        out.append(t[:left])
        left -= len(t)
    return out


def text_metrics(item: dict[str, Any], texts: list[str]) -> dict[str, Any]:
    """What a system's top-5 texts achieve on ``item``, whatever its answer says."""
    texts = texts[:5]
    golds = item.get("gold_quotes") or []
    joined = " ".join(texts)
    return {
        "quotes": [quote_found(q, texts) for q in golds],
        "cited_chars": sum(len(t) for t in texts),
        "budget_quotes": {b: [quote_found(q, within_budget(texts, b)) for q in golds] for b in BUDGETS},
        "values_in_text": [value_found(v, joined, [], item.get("alternatives"))
                           for v in item.get("expected_values", [])],
    }
