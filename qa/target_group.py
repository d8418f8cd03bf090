"""Who a project is for: the sentence of a project's own text that states its target group
("Målgruppen är unga mellan 16 och 24 år …", "UngKraft riktar sig till unga i åldern
16–24 år …", "Målgrupp: Anställda inom äldreomsorg …").

Reports state the target group in a sentence of their own, in a handful of wordings, but
seldom in the words a question uses ("Vilken åldersgrupp …", "Vilken typ av företag var
det tänkt för?"): passage retrieval found the sentence and the coverage check then turned
the question away. The sentence is quoted as the report words it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from corpus.fact_patterns import SentenceText, table_row_as_key_value
from corpus.types import Chunk, SectionType, Sentence

_TARGET = re.compile(
    r"\bmålgrupp"
    r"|\b(?:riktar|riktade|vänder|vände)\s+(?:sig|oss)\s+(?:\w+\s+){0,3}?till\b"  # "Vilka vi vänder oss till"
    r"|\b(?:är|var)\s+(?:tänkt|avsedd|avsett|till)\s+för\b",
    re.IGNORECASE,
)
# Sentences about reaching the target group are lessons, not its description.
_LESSONS = (SectionType.SUCCESS_FACTORS, SectionType.CHALLENGES)


def newest_target_group_sentence(
    chunks: Iterable[Chunk], report_years: Mapping[str, int | None]
) -> tuple[Chunk, Sentence] | None:
    """The target-group sentence of a project's newest report among ``chunks`` (the
    project's own chunks)."""
    own = list(chunks)
    if not own:
        return None
    newest = max({c.report_id for c in own}, key=lambda r: (report_years.get(r) or 0, r))
    return target_group_sentence(c for c in own if c.report_id == newest)


def target_group_sentence(chunks: Iterable[Chunk]) -> tuple[Chunk, Sentence] | None:
    """The first sentence of a project's chunks, outside its lessons, that states who the
    project is for; None when no such sentence exists."""
    ordered = sorted(chunks, key=lambda c: (c.section_type in _LESSONS, c.report_id, c.start))
    for chunk in ordered:
        for s in chunk.sentences:
            if _TARGET.search(chunk.text[s.start - chunk.start : s.end - chunk.start]):
                return chunk, s
    return None


def as_read(sentence: str) -> str:
    """A sentence as a reader reads it: a table row ("| Målgrupp | Unga 16–29 år |") as its
    label and value ("Målgrupp: Unga 16–29 år"), without the table's markup."""
    row = table_row_as_key_value(SentenceText(sentence, 0)).text
    return re.sub(r"\s+:", ":", " ".join(row.split()))
