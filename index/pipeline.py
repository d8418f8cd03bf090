"""From report files to an index build: read → parse → chunk → facts → ``IndexBuilder``.

This is the I/O edge of the corpus layer: it finds files, reads them, and hands pure
parsing results to the builder together with the facts/figures as plain JSON.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from corpus.errors import CorpusError
from corpus.types import Report

log = logging.getLogger(__name__)

#: File types ``rapport index`` reads.
REPORT_SUFFIXES = (".txt", ".md", ".docx", ".pdf")


class ReportFileError(CorpusError):
    """A path given to ``rapport index`` is missing, not a report, or ambiguous."""


def find_report_files(paths: Iterable[Path]) -> list[Path]:
    """Report files named by ``paths`` (folders are searched, not recursively)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            # Hidden files and Word's "~$name.docx" lock files are never reports.
            files += sorted(p for p in path.iterdir() if p.suffix.lower() in REPORT_SUFFIXES
                            and not p.name.startswith(("~$", ".")) and p.is_file())
        elif path.is_file():
            if path.suffix.lower() not in REPORT_SUFFIXES:
                raise ReportFileError(f"{path}: unsupported file type (use {', '.join(REPORT_SUFFIXES)})",
                                      f"Filtypen stöds inte: {path.name}")
            files.append(path)
        else:
            raise ReportFileError(f"{path}: no such file or folder", f"Filen finns inte: {path.name}")
    ids: dict[str, Path] = {}
    for f in files:
        if f.stem in ids and ids[f.stem].resolve() != f.resolve():
            raise ReportFileError(f"two files with report id {f.stem!r}: {ids[f.stem]} and {f}",
                                  f"Två filer har samma rapport-id ”{f.stem}”.")
        ids[f.stem] = f
    return list(ids.values())


@lru_cache(maxsize=4)
def token_counter(embed_model: str) -> Callable[[str], int]:
    """The embedding model's own token counter (no torch import)."""
    from index.embedder import load_tokenizer_counter

    return load_tokenizer_counter(embed_model)


def facts_payload(report: Report) -> dict[str, Any]:
    """Projects, facts, figures and consistency findings of a report as plain JSON."""
    from corpus.facts import (
        check_consistency,
        extract_budget_table,
        extract_project_facts,
        extract_stated_totals,
    )
    from corpus.figures import extract_figures
    from corpus.records import facts_to_json, figure_to_json, project_to_json, stated_total_to_json

    try:
        facts = extract_project_facts(report)
        figures = extract_figures(report, facts)
        table = extract_budget_table(report)
        totals = extract_stated_totals(report)
    except Exception:
        # Facts a wording trips up are left out; the report's passages still answer.
        log.exception("report %s: facts not read, indexed without them", report.id)
        facts, figures, table, totals = [], [], [], []
    return {
        "projects": [project_to_json(p) for p in report.projects],
        "facts": [facts_to_json(f) for f in facts],
        "figures": [figure_to_json(f) for f in figures],
        "stated_totals": [stated_total_to_json(t) for t in totals],
        "discrepancies": [d.to_json() for d in check_consistency(facts, table, totals)],
    }


def prepare(path: Path, count_tokens: Callable[[str], int]) -> Any:
    """Read, parse and chunk one file into the builder's ``ReportInput``."""
    from corpus.reading import read_report

    return prepare_report(read_report(path), count_tokens)


def prepare_upload(data: bytes, name: str, report_id: str | None, count_tokens: Callable[[str], int]) -> Any:
    """Parse and chunk an uploaded file's bytes (type from ``name``) into a ``ReportInput``."""
    from corpus.reading import report_from_bytes

    return prepare_report(report_from_bytes(data, name, report_id), count_tokens)


def prepare_report(report: Report, count_tokens: Callable[[str], int]) -> Any:
    """Chunk a parsed report and extract its facts into the builder's ``ReportInput``."""
    from corpus.chunking import chunk_report
    from index.build import ReportInput

    chunks = chunk_report(report, count_tokens)
    payload = facts_payload(report)
    metadata: dict[str, dict[str, Any]] = {}
    for f in payload["facts"]:
        meta = {k: f[k]["value"] for k in ("fund", "owner") if f.get(k)}
        if meta:
            metadata[f["project"]] = meta
    return ReportInput(report, chunks, facts_json=payload, project_metadata=metadata)


@dataclass(slots=True)
class IndexSummary:
    files: list[Path]
    result: Any | None

    def summary(self) -> str:
        if self.result is None:
            return "Inget att indexera: alla rapporter finns redan i indexet."
        r = self.result
        return (f"Index {r.generation}: {len(r.reports_indexed)} rapport(er) indexerade "
                f"({r.embedded} nya vektorer, {r.reused} återanvända), {r.chunk_count} avsnitt totalt.")


def index_paths(paths: Iterable[Path], *, data_dir: Path, embed_model: str, chroma_url: str | None,
                only_missing: bool = False, show_progress: bool = False) -> IndexSummary:
    """Index the reports at ``paths`` into ``data_dir`` (a new generation, switched atomically)."""
    from index.build import IndexBuilder
    from index.embedder import load_embedder
    from index.generations import current_generation, generation_dir

    files = find_report_files(paths)
    if only_missing:
        current = current_generation(data_dir)
        if current is not None:
            from index.chunkstore import ChunkStore

            store = ChunkStore(generation_dir(data_dir, current) / "chunks.sqlite")
            try:
                have = set(store.report_ids())
            finally:
                store.close()
            files = [f for f in files if f.stem not in have]
    if not files:
        return IndexSummary([], None)
    counter = token_counter(embed_model)
    items = [prepare(f, counter) for f in files]
    builder = IndexBuilder(data_dir, load_embedder(embed_model), chroma_url=chroma_url,
                           show_progress=show_progress)
    return IndexSummary(files, builder.add_reports(items))
