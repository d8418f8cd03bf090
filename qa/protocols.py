"""What the answering service needs from the layers below it, as protocols: an index
generation (``qa.index_view.SnapshotView``), the Swedish analyzer and the query embedder."""

from __future__ import annotations

from typing import Any, Protocol

import numpy as np

from corpus.budget_table import StatedTotal
from corpus.types import Figure, ProjectFacts
from qa.retrieval import Reader
from qa.types import ProjectRef


class IndexView(Reader, Protocol):
    """What the service reads from an index generation (see ``qa.index_view``)."""

    def report_years(self) -> dict[str, int | None]: ...

    def reports(self) -> list[dict[str, Any]]: ...

    def project_refs(self) -> list[ProjectRef]: ...

    def project_facts(self) -> list[ProjectFacts]: ...

    def stated_totals(self) -> list[StatedTotal]: ...

    def figures(self) -> list[Figure]: ...

    def discrepancies(self) -> list[dict[str, Any]]: ...


class Analyzer(Protocol):
    """The keyword index's analyzer (``index.analyzer.SwedishAnalyzer``)."""

    def analyze(self, text: str, decompound: bool = False) -> list[str]: ...


class Embeds(Protocol):
    def embed_query(self, text: str) -> np.ndarray: ...
