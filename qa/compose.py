"""Composing Swedish answer text from minted citations (extractive; no generator).

Every statement in a composed answer carries the ``[n]`` of the citation it rests on;
the text is framed for the question (project, section) rather than pasted passages.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence

from corpus.types import SectionType, Sourced
from qa.counting import numbers_stated
from qa.quotes import TermWeights, best_quote, matched, sentence_spans, supports_nothing
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


def mint_citations(
    passages: list[Passage], query_terms: set[str], weights: TermWeights,
    prefer: Callable[[str], bool] | None = None,
) -> list[Citation]:
    """Number passages 1..n in order and pick each one's supporting quote (one with a
    sentence ``prefer`` accepts first, where a passage has one)."""
    out = []
    for i, p in enumerate(passages, start=1):
        q = best_quote(p.chunk, query_terms, weights, prefer=prefer)
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


def extractive_answer(
    citations: list[Citation],
    terms: set[str],
    weights: TermWeights,
    max_statements: int = 3,
    reports: tuple[str, ...] = (),
    projects: tuple[str, ...] = (),
    section_types: tuple[SectionType, ...] = (),
    opener: Callable[[str], bool] | None = None,
    facts: Sequence[Sourced] = (),
    counts: Sequence[Callable[[str], bool]] = (),
) -> tuple[str, list[tuple[Citation, list[tuple[int, int]]]]]:
    """Cited statements chosen greedily from the best passages' sentences: each adds the
    question content (idf-weighted) that the statements so far do not cover, so a two-part
    question ("hur många … och vad var målet?") gets both parts. A cited passage's quote
    becomes the span of its chosen sentences. Only passages of ``reports`` (when given and
    present) are stated: the newest report speaks for facts that changed; likewise only
    passages of the asked ``projects`` when there are any. Returns the text and, per
    stated citation, the spans of the sentences it states. ``opener``, when given, picks
    which sentences may be stated first (e.g. one stating the count a question asks for).
    ``facts`` are the stored facts a question asks beside something they do not say ("Vem
    äger X, och hur stor andel …?"): a sentence stating one covers it like a rare term.
    ``counts`` tell, for a question asking two counts, whether a sentence states each; a
    sentence covers as many of them as it states numbers (the more specific, later ones
    first), so "39 deltagare fick jobb" does not also answer "hur många deltagare totalt"."""
    top = list(enumerate(citations[:3]))
    if reports and any(c.passage.chunk.report_id in reports for _, c in top):
        top = [(r, c) for r, c in top if c.passage.chunk.report_id in reports]
    for attr, wanted in (("project", projects), ("section_type", section_types)):
        if wanted and any(getattr(c.passage.chunk, attr) in wanted for _, c in top):
            top = [(r, c) for r, c in top if getattr(c.passage.chunk, attr) in wanted]
    candidates = []
    for rank, c in top:
        chunk = c.passage.chunk
        for start, end in sentence_spans(chunk):
            text = chunk.text[start - chunk.start : end - chunk.start]
            if not supports_nothing(text):
                first_ok = opener is None or opener(text)
                found = matched(terms, set(weights.passage(text)))
                found |= {
                    f"#fact{i}"
                    for i, f in enumerate(facts)
                    if f.report_id == chunk.report_id and start <= f.span.start < end
                }
                hits = [i for i, states in enumerate(counts) if states(text)]
                n = min(numbers_stated(text), len(hits))
                found |= {f"#count{i}" for i in hits[len(hits) - n :]} if n else set()
                candidates.append((rank, start, end, found, first_ok))
    covered: set[str] = set()
    chosen: dict[int, list[tuple[int, int]]] = {}
    for _ in range(max_statements):
        started = bool(chosen)
        best = max(
            candidates,
            key=lambda x: (
                started or x[4],
                sum(weights.idf(t) for t in x[3] - covered),
                len(x[3]),
                -x[0],
                -x[1],
            ),
            default=None,
        )
        # The sentence stating the count asked for opens the answer though it words the
        # counted thing otherwise ("87 företag genomfört en kartläggning" for "småföretag …
        # energikartläggning"); without it the section's opening would stand first.
        if best is None or not (best[3] - covered or opener is not None and not started and best[4]):
            break
        covered |= best[3]
        chosen.setdefault(best[0], []).append((best[1], best[2]))
        candidates.remove(best)
    if not chosen and top:
        # Nothing to cover beyond a project and a kind of section: the section's opening.
        rank, c = top[0]
        opening = [sp for sp in sentence_spans(c.passage.chunk) if not supports_nothing(_text(c, sp))]
        chosen[rank] = opening[:2] or [(c.quote_start, c.quote_end)]
    parts: list[str] = []
    used: list[tuple[Citation, list[tuple[int, int]]]] = []
    for rank, spans in sorted(chosen.items()):
        c = citations[rank]
        chunk = c.passage.chunk
        c.quote_start, c.quote_end = min(a for a, _ in spans), max(b for _, b in spans)
        c.quote = chunk.text[c.quote_start - chunk.start : c.quote_end - chunk.start]
        said = " ".join(_sentence(chunk.text[a - chunk.start : b - chunk.start]) for a, b in sorted(spans))
        parts.append(f"{_where(c)} står: {said} [{c.id}]")
        used.append((c, spans))
    return ("\n".join(parts) if parts else CANNOT_ANSWER), used


def _text(c: Citation, span: tuple[int, int]) -> str:
    chunk = c.passage.chunk
    return chunk.text[span[0] - chunk.start : span[1] - chunk.start]


def _sentence(quote: str) -> str:
    text = _clean(quote)
    return text if text.endswith((".", "!", "?", ":")) else text + "."


def lessons_answer(question: Question, citations: list[Citation], per_project: int = 2) -> str:
    """Lessons grouped by project: a short heading line and cited bullets per project."""
    groups: OrderedDict[str, list[Citation]] = OrderedDict()
    for c in citations:
        groups.setdefault(c.passage.chunk.project or "Rapporten i stort", []).append(c)
    kinds = {SectionType.SUCCESS_FACTORS: "Framgångsfaktorer", SectionType.CHALLENGES: "Utmaningar"}
    asked = [kinds[t] for t in question.section_types if t in kinds]
    if not asked:  # an open question across projects ("Vilka projekt arbetar med unga?")
        lead = "Det här skriver rapporterna, per projekt:"
    else:  # "erfarenheter" asks for both kinds
        lead = f"{asked[0] if len(asked) == 1 else 'Lärdomar'} som rapporterna nämner, per projekt:"
    lines = [lead]
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
