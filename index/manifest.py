"""A generation's manifest: what it holds and what it needs to be read correctly.

``manifest.json`` records the schema version, the embedding model id and dimension,
chunk and report counts, checksums of the generation's files, and where its vectors
live (Chroma collection and location). A generation whose schema or model does not
match the running code raises :class:`IndexVersionMismatch`: mixing embedding spaces
would return confident nonsense.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from index.errors import IndexCorrupt, IndexVersionMismatch

SCHEMA_VERSION = 1
MANIFEST_NAME = "manifest.json"


@dataclass(slots=True)
class ManifestReport:
    """One report of a generation."""

    id: str
    year: int | None
    chunks: int
    content_hash: str
    title: str = ""


@dataclass(slots=True)
class Manifest:
    """The contents of ``manifest.json``."""

    generation: str
    model_id: str
    dimension: int
    chunk_count: int
    reports: list[ManifestReport]
    created_at: str
    chroma_collection: str
    chroma_location: str
    checksums: dict[str, str] = field(default_factory=dict)
    previous_generation: str | None = None
    schema_version: int = SCHEMA_VERSION

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2, sort_keys=True)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Manifest:
        data = dict(data)
        data["reports"] = [ManifestReport(**r) for r in data["reports"]]
        return cls(**data)


def file_checksums(directory: Path, names: list[str]) -> dict[str, str]:
    """SHA-256 of each file under ``directory`` named (relative paths, sorted)."""
    out: dict[str, str] = {}
    for name in sorted(names):
        h = hashlib.sha256()
        with open(directory / name, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
        out[name] = h.hexdigest()
    return out


def write_manifest(directory: Path, manifest: Manifest) -> None:
    """Write ``manifest.json`` durably (temp file, fsync, rename); its presence marks the
    generation complete."""
    tmp = directory / (MANIFEST_NAME + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(manifest.to_json())
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, directory / MANIFEST_NAME)


def read_manifest(directory: Path) -> Manifest:
    """Read a generation's manifest without checking compatibility."""
    path = directory / MANIFEST_NAME
    try:
        return Manifest.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError, KeyError) as exc:
        raise IndexCorrupt(f"unreadable manifest {path}: {exc}") from exc


def check_compatible(manifest: Manifest, model_id: str) -> None:
    """Raise ``IndexVersionMismatch`` unless ``manifest`` fits this code and model."""
    if manifest.schema_version != SCHEMA_VERSION:
        raise IndexVersionMismatch(
            f"generation {manifest.generation} has schema {manifest.schema_version}, "
            f"code expects {SCHEMA_VERSION}"
        )
    if manifest.model_id != model_id:
        raise IndexVersionMismatch(
            f"generation {manifest.generation} was embedded with {manifest.model_id!r}, "
            f"the service uses {model_id!r}"
        )


def load_manifest(directory: Path, model_id: str) -> Manifest:
    """Read and check a generation's manifest (see :func:`check_compatible`)."""
    manifest = read_manifest(directory)
    check_compatible(manifest, model_id)
    return manifest


def verify_checksums(directory: Path, manifest: Manifest) -> None:
    """Raise ``IndexCorrupt`` when a file of the generation differs from its checksum."""
    actual = file_checksums(directory, list(manifest.checksums))
    bad = [name for name, digest in manifest.checksums.items() if actual.get(name) != digest]
    if bad:
        raise IndexCorrupt(f"generation {manifest.generation}: checksum mismatch in {bad}")
