"""A BM25 keyword index over chunk ids, analysed in Swedish at index and query time.

The index is built from pre-analysed terms (see :mod:`index.analyzer`), so bm25s never
applies a tokenizer or stemmer of its own. It is saved as bm25s's numpy arrays and
JSON vocabulary plus our own ``keyword.json`` (chunk ids and the analyzer's config),
never with pickle; loading re-creates the very analyzer the index was built with, so
a reloaded index still stems Swedish and decompounds with the same vocabulary.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from pathlib import Path

import bm25s
import numpy as np

from index.analyzer import SwedishAnalyzer

logger = logging.getLogger(__name__)

KEYWORD_FORMAT = 1
_META = "keyword.json"


class KeywordIndex:
    """BM25 search over chunk ids with the Swedish analyzer.

    >>> idx = KeywordIndex.build(["a", "b"], ["Vi ordnade en yrkesutbildning.", "Budgeten ökade."])
    >>> idx.search("yrkesutbildningen", k=2)[0][0]
    'a'
    """

    def __init__(self, ids: list[str], analyzer: SwedishAnalyzer, bm25: bm25s.BM25) -> None:
        self.ids = ids
        self.analyzer = analyzer
        self._bm25 = bm25
        self._position = {cid: i for i, cid in enumerate(ids)}

    @classmethod
    def build(cls, ids: Sequence[str], texts: Sequence[str]) -> KeywordIndex:
        """Index ``texts`` under ``ids``; the decompounding vocabulary is learned from them."""
        if len(ids) != len(texts):
            raise ValueError(f"{len(ids)} ids but {len(texts)} texts")
        if len(set(ids)) != len(ids):
            raise ValueError("duplicate chunk ids in keyword index input")
        if not ids:
            raise ValueError("cannot build a keyword index over no chunks")
        analyzer = SwedishAnalyzer.learn(texts)
        corpus_terms = [analyzer.analyze(t, decompound=True) for t in texts]
        bm25 = bm25s.BM25()
        bm25.index(corpus_terms, show_progress=False)
        return cls(list(ids), analyzer, bm25)

    def save(self, directory: str | Path) -> None:
        """Write the index to ``directory`` (numpy arrays and JSON only)."""
        path = Path(directory)
        path.mkdir(parents=True, exist_ok=True)
        self._bm25.save(str(path), allow_pickle=False)
        meta = {"format": KEYWORD_FORMAT, "ids": self.ids, "analyzer": self.analyzer.config()}
        (path / _META).write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, directory: str | Path) -> KeywordIndex:
        """Read an index written by :meth:`save`, with its own analyzer."""
        path = Path(directory)
        meta = json.loads((path / _META).read_text(encoding="utf-8"))
        if meta.get("format") != KEYWORD_FORMAT:
            raise ValueError(f"unsupported keyword index format {meta.get('format')!r} in {path}")
        bm25 = bm25s.BM25.load(str(path), load_corpus=False, allow_pickle=False)
        if bm25.scores["num_docs"] != len(meta["ids"]):
            raise ValueError(f"keyword index in {path} holds {bm25.scores['num_docs']} documents "
                             f"but {len(meta['ids'])} ids")
        return cls(list(meta["ids"]), SwedishAnalyzer.from_config(meta["analyzer"]), bm25)

    def search(
        self, query: str, k: int, allowed_ids: AbstractSet[str] | None = None
    ) -> list[tuple[str, float]]:
        """The ``k`` best chunk ids for ``query`` with their BM25 scores (only scores > 0).

        ``allowed_ids`` restricts the result to those chunks (e.g. one report's).
        """
        if k <= 0:
            return []
        term_ids = self._bm25.get_tokens_ids(self.query_terms(query))
        if not term_ids:
            return []
        scores = np.asarray(self._bm25.get_scores_from_ids(term_ids), dtype=np.float64)
        if allowed_ids is not None:
            mask = np.zeros(len(self.ids), dtype=bool)
            for cid in allowed_ids:
                pos = self._position.get(cid)
                if pos is not None:
                    mask[pos] = True
            scores = np.where(mask, scores, 0.0)
        candidates = np.flatnonzero(scores > 0)
        if candidates.size == 0:
            return []
        # Stable sort by descending score, ties broken by position for reproducibility.
        order = candidates[np.lexsort((candidates, -scores[candidates]))][:k]
        return [(self.ids[i], float(scores[i])) for i in order]

    def query_terms(self, query: str) -> list[str]:
        """The query's stems; a word no report uses also brings its compound parts, so
        "coronapandemin" finds "pandemin" (a known word stays whole: "utbildning" must not
        turn into "bildning")."""
        terms: list[str] = []
        for word in self.analyzer.words(query):
            stem = self.analyzer.stem(word)
            terms.append(stem)
            if stem not in self._bm25.vocab_dict:
                terms.extend(self.analyzer.compound_parts(word))
        return terms

    def __len__(self) -> int:
        return len(self.ids)
