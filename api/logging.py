"""Structured logs for the running server: one JSON object per line on stderr.

Every line has ``ts``, ``level``, ``logger``, ``message`` and, inside a request, its
``request_id``; the access log adds ``method``, ``path`` (never the query string, which may
hold a question), ``status`` and ``latency_ms``. Questions are never logged, only
``question_ref`` (a short hash, enough to find repeats). Set up by the server entry point
(``api.asgi``), not by ``create_app``, so tests and the in-process CLI stay quiet.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sys
from contextvars import ContextVar
from datetime import UTC, datetime

#: The id of the request being handled (set by the request middleware).
REQUEST_ID: ContextVar[str | None] = ContextVar("request_id", default=None)

#: ``extra=`` fields copied into the JSON object when a record has them.
FIELDS = ("request_id", "method", "path", "status", "latency_ms", "code", "question_ref",
          "answerable", "citations", "generation")


def question_ref(question: str) -> str:
    """A short, stable hash of a question: repeats can be counted, the text not read back."""
    return "q-" + hashlib.sha256(question.strip().encode("utf-8")).hexdigest()[:10]


class RequestIdFilter(logging.Filter):
    """Stamps the current request's id on a record while it is being logged (formatting may
    happen later or elsewhere, where the context variable no longer holds it)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "request_id", None) is None:
            record.request_id = REQUEST_ID.get()
        return True


class JsonFormatter(logging.Formatter):
    """Formats a record as one line of JSON."""

    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, object] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name in FIELDS:
            value = getattr(record, name, None)
            if value is not None:
                out[name] = value
        if record.exc_info:
            out["exception"] = self.formatException(record.exc_info)
        return json.dumps(out, ensure_ascii=False, default=str)


def configure_logging(level: str = "INFO") -> None:
    """Route every log record (ours, uvicorn's) through one JSON handler on stderr. Uvicorn's
    own access log is switched off: the request middleware writes a richer one."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for name in ("uvicorn", "uvicorn.error"):
        logger = logging.getLogger(name)
        logger.handlers[:] = []
        logger.propagate = True
    logging.getLogger("uvicorn.access").disabled = True
