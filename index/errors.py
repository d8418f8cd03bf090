"""Errors of the index layer, each with a stable ``code`` the API maps to HTTP.

The index layer does not depend on ``qa``; the lead maps these to ``QAError`` subclasses
(e.g. ``IndexVersionMismatch`` → 503 ``index_version_mismatch``, ``NoIndex`` → 503).
"""

from __future__ import annotations


class IndexStoreError(Exception):
    """Base class of index errors; ``code`` is stable and documented."""

    code: str = "index_error"


class NoIndex(IndexStoreError):
    """There is no CURRENT generation in the data directory yet."""

    code = "index_unavailable"


class IndexVersionMismatch(IndexStoreError):
    """The generation's manifest was written with another schema or embedding model."""

    code = "index_version_mismatch"


class IndexBusy(IndexStoreError):
    """Another writer holds the data directory's writer lock."""

    code = "index_busy"


class DuplicateReportId(IndexStoreError):
    """Two inputs of one build carry the same report id."""

    code = "duplicate_report_id"


class ReportNotIndexed(IndexStoreError):
    """A report id asked to be removed is not in the index."""

    code = "unknown_report"


class IndexCorrupt(IndexStoreError):
    """A generation failed verification or its files do not match the manifest."""

    code = "index_corrupt"
