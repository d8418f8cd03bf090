"""What the running app holds: settings, the embedding model (loaded once) and the QA
service over the current index generation (swapped when a new generation appears)."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field

from api.config import Settings
from qa import errors as qe
from qa.service import QAService

log = logging.getLogger(__name__)


@dataclass
class AppState:
    settings: Settings
    embedder: object | None = None
    service: QAService | None = None
    generation: str | None = None
    reader: object | None = None
    load_error: qe.QAError | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def require_service(self) -> QAService:
        """The current QA service, or the reason there is none (503)."""
        self.refresh()
        if self.service is None:
            raise self.load_error or qe.IndexUnavailable()
        return self.service

    def refresh(self) -> None:
        """Pick up a new index generation if the writer switched ``CURRENT``."""
        from api.loading import load_generation

        with self._lock:
            load_generation(self)
