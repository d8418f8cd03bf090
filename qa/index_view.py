"""Adapts one index generation (``index.store.IndexSnapshot``) to what ``QAService``
reads: chunks, report years, the project catalog and facts decoded from stored JSON."""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from typing import Any

import numpy as np

from corpus.budget_table import StatedTotal
from corpus.records import facts_from_json, figure_from_json, project_from_json, stated_total_from_json
from corpus.types import Chunk, Figure, ProjectFacts
from qa.types import ProjectRef


class SnapshotView:
    """A fixed generation; a new generation gets a new view (and a new service)."""

    def __init__(self, snapshot: Any):
        self.snapshot = snapshot
        self.generation: str = snapshot.generation
        self._payloads = {rid: snapshot.facts_json(rid) or {} for rid in snapshot.report_ids()}

    @property
    def analyzer(self) -> Any:
        """The keyword index's Swedish analyzer (stemming, stopwords, decompounding)."""
        return self.snapshot.keyword.analyzer

    def all_chunks(self) -> list[Chunk]:
        return list(self.snapshot.all_chunks())

    def report_years(self) -> dict[str, int | None]:
        return {r["id"]: r.get("year") for r in self.snapshot.reports()}

    def reports(self) -> list[dict[str, Any]]:
        return list(self.snapshot.reports())

    def project_refs(self) -> list[ProjectRef]:
        refs = []
        for rid, payload in self._payloads.items():
            for d in payload.get("projects", []):
                p = project_from_json(d)
                refs.append(ProjectRef(rid, p.name, p.abbreviation, p.aliases, p.parent))
        return refs

    def project_facts(self) -> list[ProjectFacts]:
        return [facts_from_json(d) for payload in self._payloads.values() for d in payload.get("facts", [])]

    def stated_totals(self) -> list[StatedTotal]:
        return [
            stated_total_from_json(d) for p in self._payloads.values() for d in p.get("stated_totals", [])
        ]

    def discrepancies(self) -> list[dict[str, Any]]:
        return [d for p in self._payloads.values() for d in p.get("discrepancies", [])]

    def figures(self) -> list[Figure]:
        """Result figures read from the reports' status sections."""
        return [figure_from_json(d) for p in self._payloads.values() for d in p.get("figures", [])]

    def vector_search(
        self, query_vec: np.ndarray, k: int, where: dict[str, object] | None = None
    ) -> list[tuple[str, float]]:
        return list(self.snapshot.vector_search(query_vec, k, where))

    def keyword_search(
        self, query: str, k: int, allowed_ids: AbstractSet[str] | None = None
    ) -> list[tuple[str, float]]:
        return list(self.snapshot.keyword_search(query, k, allowed_ids))
