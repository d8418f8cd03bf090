"""The chunk store: one SQLite file per generation with reports, chunks, vectors and facts.

It keeps what the vector and keyword indexes do not: the normalised report texts (so
any citation span can be shown exactly), the section tree and projects, every chunk
with its sentences, the chunk's embedding (float32 blob) with the hash of the text that
was embedded, and the facts/figures JSON the lead hands over per report. Keeping the
vectors here is what lets a new generation copy unchanged reports forward and
re-index unchanged text without embedding anything.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from corpus.types import Chunk, Project, Report, Section, SectionKind, SectionType, Sentence, Span

_SCHEMA = """
CREATE TABLE IF NOT EXISTS reports (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, year INTEGER, period TEXT, source_name TEXT,
    content_hash TEXT NOT NULL, indexed_at TEXT NOT NULL, text TEXT NOT NULL,
    metadata TEXT NOT NULL, facts TEXT NOT NULL, figures TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS chunks (
    id TEXT PRIMARY KEY, report_id TEXT NOT NULL REFERENCES reports(id), ord INTEGER NOT NULL,
    project TEXT, section_title TEXT NOT NULL, section_type TEXT NOT NULL,
    heading_path TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT NOT NULL, sentences TEXT NOT NULL, page INTEGER, content_hash TEXT NOT NULL,
    embed_text TEXT NOT NULL, embed_hash TEXT NOT NULL, embedding BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_report ON chunks(report_id, ord);
CREATE INDEX IF NOT EXISTS chunks_embed_hash ON chunks(embed_hash);
"""
_CHUNK_COLUMNS = (
    'id, report_id, ord, project, section_title, section_type, heading_path, start, "end", '
    "text, sentences, page, content_hash, embed_text, embed_hash, embedding"
)


@dataclass(slots=True)
class StoredReport:
    """A report row: its parsed ``Report`` plus when it was indexed and its facts JSON."""

    report: Report
    indexed_at: str
    facts: Any
    figures: Any
    project_metadata: dict[str, dict[str, Any]]


@dataclass(slots=True)
class StoredChunk:
    """A chunk row: the ``Chunk``, the text that was embedded, its hash and vector."""

    chunk: Chunk
    embed_text: str
    embed_hash: str
    embedding: np.ndarray


def _section_to_json(s: Section) -> dict[str, Any]:
    return {
        "title": s.title, "kind": s.kind.value, "type": s.section_type.value,
        "heading": [s.heading.start, s.heading.end] if s.heading else None,
        "body": [s.body.start, s.body.end], "path": list(s.heading_path), "project": s.project,
        "children": [_section_to_json(c) for c in s.children],
    }


def _section_from_json(d: dict[str, Any]) -> Section:
    return Section(
        title=d["title"], kind=SectionKind(d["kind"]), section_type=SectionType(d["type"]),
        heading=Span(*d["heading"]) if d["heading"] else None, body=Span(*d["body"]),
        heading_path=tuple(d["path"]), project=d["project"],
        children=[_section_from_json(c) for c in d["children"]],
    )


def report_metadata(report: Report, project_metadata: dict[str, dict[str, Any]]) -> str:
    """The report's structure (sections, projects, pages) as JSON."""
    projects = [
        {"name": p.name, "heading": [p.heading.start, p.heading.end], "abbreviation": p.abbreviation,
         "status_note": p.status_note, "parent": p.parent, "aliases": list(p.aliases)}
        for p in report.projects
    ]
    return json.dumps(
        {"sections": [_section_to_json(s) for s in report.sections], "projects": projects,
         "page_starts": list(report.page_starts), "project_metadata": project_metadata},
        ensure_ascii=False,
    )


def _report_from_row(row: sqlite3.Row) -> StoredReport:
    meta = json.loads(row["metadata"])
    projects = [
        Project(name=p["name"], heading=Span(*p["heading"]), abbreviation=p["abbreviation"],
                status_note=p["status_note"], parent=p["parent"], aliases=tuple(p["aliases"]))
        for p in meta["projects"]
    ]
    report = Report(
        id=row["id"], title=row["title"], year=row["year"], text=row["text"],
        sections=[_section_from_json(s) for s in meta["sections"]], projects=projects,
        period=row["period"], source_name=row["source_name"], page_starts=tuple(meta["page_starts"]),
    )
    return StoredReport(report, row["indexed_at"], json.loads(row["facts"]), json.loads(row["figures"]),
                        meta["project_metadata"])


def _chunk_from_row(row: sqlite3.Row) -> StoredChunk:
    chunk = Chunk(
        id=row["id"], report_id=row["report_id"], project=row["project"],
        section_title=row["section_title"], section_type=SectionType(row["section_type"]),
        heading_path=tuple(json.loads(row["heading_path"])), start=row["start"], end=row["end"],
        text=row["text"], sentences=tuple(Sentence(a, b) for a, b in json.loads(row["sentences"])),
        page=row["page"],
    )
    vec = np.frombuffer(row["embedding"], dtype=np.float32).copy()
    return StoredChunk(chunk, row["embed_text"], row["embed_hash"], vec)


class ChunkStore:
    """One generation's SQLite file. Open read-only for serving, writable for building."""

    def __init__(self, path: str | Path, readonly: bool = True) -> None:
        self.path = Path(path)
        if readonly:
            # A finished generation never changes, so SQLite may skip locking (works on read-only volumes).
            uri = f"{self.path.resolve().as_uri()}?mode=ro&immutable=1"
            self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
        else:
            self._db = sqlite3.connect(self.path, check_same_thread=False)
            self._db.executescript(_SCHEMA)
        self._db.row_factory = sqlite3.Row

    def close(self) -> None:
        self._db.close()

    def add_report(self, stored: StoredReport, chunks: Iterable[StoredChunk]) -> None:
        """Write one report and its chunks (in their order) in a single transaction."""
        r = stored.report
        with self._db:
            self._db.execute(
                "INSERT INTO reports VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (r.id, r.title, r.year, r.period, r.source_name, r.content_hash, stored.indexed_at,
                 r.text, report_metadata(r, stored.project_metadata),
                 json.dumps(stored.facts, ensure_ascii=False),
                 json.dumps(stored.figures, ensure_ascii=False)),
            )
            self._db.executemany(
                f"INSERT INTO chunks ({_CHUNK_COLUMNS}) VALUES ({','.join('?' * 16)})",
                [_chunk_row(i, sc) for i, sc in enumerate(chunks)],
            )

    def report_ids(self) -> list[str]:
        return [row[0] for row in self._db.execute("SELECT id FROM reports ORDER BY id")]

    def report_summaries(self) -> list[dict[str, Any]]:
        """id, title, year, period, source name, content hash, indexed_at and chunk count."""
        rows = self._db.execute(
            "SELECT r.id, r.title, r.year, r.period, r.source_name, r.content_hash, r.indexed_at, "
            "COUNT(c.id) AS chunks FROM reports r LEFT JOIN chunks c ON c.report_id = r.id "
            "GROUP BY r.id ORDER BY r.id"
        )
        return [dict(row) for row in rows]

    def report(self, report_id: str) -> StoredReport | None:
        row = self._db.execute("SELECT * FROM reports WHERE id = ?", (report_id,)).fetchone()
        return _report_from_row(row) if row else None

    def report_field(self, report_id: str, column: str) -> Any:
        """One column of a report row (``text``, ``facts``, ``figures``); None if unknown."""
        if column not in ("text", "facts", "figures", "content_hash"):
            raise ValueError(f"not a readable report column: {column!r}")
        row = self._db.execute(f"SELECT {column} FROM reports WHERE id = ?", (report_id,)).fetchone()
        return row[0] if row else None

    def chunks_of(self, report_id: str) -> list[StoredChunk]:
        rows = self._db.execute(
            f"SELECT {_CHUNK_COLUMNS} FROM chunks WHERE report_id = ? ORDER BY ord", (report_id,)
        )
        return [_chunk_from_row(r) for r in rows]

    def chunks_by_id(self, ids: list[str]) -> dict[str, StoredChunk]:
        out: dict[str, StoredChunk] = {}
        for i in range(0, len(ids), 500):
            part = ids[i : i + 500]
            rows = self._db.execute(
                f"SELECT {_CHUNK_COLUMNS} FROM chunks WHERE id IN ({','.join('?' * len(part))})", part
            )
            out.update((r["id"], _chunk_from_row(r)) for r in rows)
        return out

    def iter_chunks(self) -> Iterator[StoredChunk]:
        """All chunks in report and document order."""
        rows = self._db.execute(f"SELECT {_CHUNK_COLUMNS} FROM chunks ORDER BY report_id, ord")
        for row in rows:
            yield _chunk_from_row(row)

    def chunk_ids(self) -> set[str]:
        return {row[0] for row in self._db.execute("SELECT id FROM chunks")}

    def embeddings_for(self, hashes: list[str]) -> dict[str, np.ndarray]:
        """Stored vectors keyed by the hash of the text they were computed from."""
        out: dict[str, np.ndarray] = {}
        for i in range(0, len(hashes), 500):
            part = hashes[i : i + 500]
            rows = self._db.execute(
                f"SELECT embed_hash, embedding FROM chunks WHERE embed_hash IN ({','.join('?' * len(part))})",
                part,
            )
            out.update((h, np.frombuffer(blob, dtype=np.float32).copy()) for h, blob in rows)
        return out


def _chunk_row(ord_: int, sc: StoredChunk) -> tuple[Any, ...]:
    c = sc.chunk
    return (
        c.id, c.report_id, ord_, c.project, c.section_title, c.section_type.value,
        json.dumps(list(c.heading_path), ensure_ascii=False), c.start, c.end, c.text,
        json.dumps([[s.start, s.end] for s in c.sentences]), c.page, c.content_hash,
        sc.embed_text, sc.embed_hash, np.asarray(sc.embedding, dtype=np.float32).tobytes(),
    )
