"""Composing Swedish answer text from minted citations (extractive; no generator).

Every statement in a composed answer carries the ``[n]`` of the citation it rests on;
the text is framed for the question (project, section) rather than pasted passages.
"""

from __future__ import annotations

from collections import OrderedDict

from corpus.types import SectionType
from qa.quotes import TermWeights, best_quote
from qa.types import CANNOT_ANSWER, Citation, Passage, Question

SECTION_LABELS: dict[SectionType, str] = {
    SectionType.FACTS: "projektfakta",
    SectionType.STATUS: "aktuellt läge och resultat",
    SectionType.SUCCESS_FACTORS: "framgångsfaktorer",
    SectionType.CHALLENGES: "utmaningar och lärdomar",
    SectionType.IMPLEMENTATION: "implementering",
    SectionType.BACKGROUND: "bakgrund",
    SectionType.SUMMARY: "sammanfattning och slutsatser",
}


def mint_citations(passages: list[Passage], query_terms: set[str], weights: TermWeights) -> list[Citation]:
    """Number passages 1..n in order and pick each one's supporting quote."""
    out = []
    for i, p in enumerate(passages, start=1):
        q = best_quote(p.chunk, query_terms, weights)
        out.append(Citation(i, p, q.text, q.start, q.end, q.score))
    return out


def _clean(quote: str) -> str:
    """A quote as running prose: emphasis markers and bullet dashes dropped, one line."""
    text = " ".join(quote.replace("*", "").split())
    return text.lstrip("-•o ").strip()


def _where(c: Citation) -> str:
    chunk = c.passage.chunk
    label = SECTION_LABELS.get(chunk.section_type, chunk.section_title.lower())
    if chunk.project:
        return f"Under {label} för {chunk.project}"
    return f"I rapportens avsnitt ”{chunk.section_title}”"


def extractive_answer(citations: list[Citation], max_statements: int = 2) -> tuple[str, list[Citation]]:
    """One or two cited statements, and the citations they state. A second statement is
    only made when its quote is nearly as well supported as the first."""
    parts: list[str] = []
    used: list[Citation] = []
    seen: set[str] = set()
    ranked = sorted(citations[:3], key=lambda c: -c.passage.score)
    best_support = max((quote_support(c) for c in ranked), default=0.0)
    for c in ranked:
        quote = _clean(c.quote)
        if not quote or quote in seen:
            continue
        if used and quote_support(c) < 0.6 * best_support:
            continue
        seen.add(quote)
        sentence = quote if quote.endswith((".", "!", "?", ":")) else quote + "."
        parts.append(f"{_where(c)} står: {sentence} [{c.id}]")
        used.append(c)
        if len(parts) >= max_statements:
            break
    return ("\n".join(parts) if parts else CANNOT_ANSWER), used


def quote_support(c: Citation) -> float:
    """How well a citation's quote matches the question (set when it was minted)."""
    return c.support


def lessons_answer(question: Question, citations: list[Citation], per_project: int = 2) -> str:
    """Lessons grouped by project: a short heading line and cited bullets per project."""
    groups: OrderedDict[str, list[Citation]] = OrderedDict()
    for c in citations:
        groups.setdefault(c.passage.chunk.project or "Rapporten i stort", []).append(c)
    kinds = {SectionType.SUCCESS_FACTORS: "Framgångsfaktorer", SectionType.CHALLENGES: "Utmaningar"}
    kind = next((kinds[t] for t in question.section_types if t in kinds), "Lärdomar")
    lines = [f"{kind} som rapporterna nämner, per projekt:"]
    for project, cits in groups.items():
        lines.append(f"\n{project}:")
        for c in cits[:per_project]:
            lines.append(f"- {_clean(c.quote)} [{c.id}]")
    return "\n".join(lines)


def abstention_answer(reason: str | None = None) -> str:
    """The Swedish "cannot answer" text, with a reason when one is known."""
    return (
        f"{CANNOT_ANSWER} {reason}".strip()
        if reason
        else (f"{CANNOT_ANSWER} De närmaste avsnitten visas som förslag.")
    )
