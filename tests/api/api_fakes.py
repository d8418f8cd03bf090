"""A small fake answering service and an app over it (no model, no index), for API tests
whose behaviour does not depend on retrieval (streaming, conversations, feedback)."""

from __future__ import annotations

import hashlib
import threading
import time
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from api.config import Settings
from api.deps import get_service
from api.main import create_app
from corpus.types import Chunk, SectionType
from qa.errors import QAError
from qa.service import Trace
from qa.types import CANNOT_ANSWER, Answer, Citation, Passage, ProjectRef, Question

PROJECTS = ("Alfaprojektet", "Betaprojektet")
PASSAGE = "Projektet Alfaprojektet hade en total budget om 5 000 000 kr. Det leddes av Eva Exempel."


class ComputeFailed(QAError):
    """A failure in the middle of computing an answer (for the streaming error event)."""

    status_code = 503
    code = "index_unavailable"
    user_message = "Inget index är laddat ännu. Indexera rapporterna och försök igen."


class FakeService:
    """Answers like ``QAService``: deterministic answer ids, a project when the question
    names one (or the context project), abstains on "okänt", fails on "krascha"."""

    report_years: dict[str, int | None] = {"rapport_test": 2020}

    def __init__(self, delay: float = 0.0) -> None:
        self.delay = delay
        self.calls: list[dict[str, Any]] = []
        self.finished = threading.Event()

    def ask(self, text: str, report: str | None = None, trace: Trace | None = None,
            context_project: str | None = None) -> Answer:
        self.calls.append({"text": text, "report": report, "context_project": context_project})
        time.sleep(self.delay)
        try:
            return self._answer(text, trace, context_project)
        finally:
            self.finished.set()

    def _answer(self, text: str, trace: Trace | None, context_project: str | None) -> Answer:
        if "krascha" in text:
            raise ComputeFailed(detail="fake failure")
        answer_id = "a-" + hashlib.sha256(text.encode()).hexdigest()[:8]
        named = [p for p in PROJECTS if p.lower() in text.lower()]
        used_context = None
        if not named and context_project:
            named, used_context = [context_project], context_project
        if trace is not None:
            trace.question = Question(text, projects=[ProjectRef("rapport_test", p) for p in named])
        if "okänt" in text:
            return Answer(answer_id, CANNOT_ANSWER, False, suggestions=[_citation(1)])
        project = named[0] if named else "projekten"
        body = f"Svaret om {project} står i rapporten [1]. Budgeten var 5 000 000 kr enligt rapporten."
        return Answer(answer_id, body, True, [_citation(1)], context_project=used_context)


def _citation(number: int) -> Citation:
    start = 1000
    chunk = Chunk("c-1", "rapport_test", "Alfaprojektet", "Fakta om projektet", SectionType.FACTS,
                  ("Alfaprojektet", "Fakta om projektet"), start, start + len(PASSAGE), PASSAGE, ())
    quote = PASSAGE.split(". ")[0] + "."
    return Citation(number, Passage(chunk, 0.9), quote, start, start + len(quote))


def fake_app(data_dir: Path, service: FakeService, **settings: Any) -> FastAPI:
    """The real app (routers, middleware, store) with ``service`` in place of ``QAService``."""
    app = create_app(Settings(data_dir=data_dir, **settings))
    app.dependency_overrides[get_service] = lambda: service
    return app


def parse_sse(body: str) -> list[tuple[str, Any]]:
    """``(event, data)`` pairs of an SSE body; comment lines come back as ``(":", text)``."""
    import json

    events: list[tuple[str, Any]] = []
    for block in body.split("\n\n"):
        if not block.strip():
            continue
        if block.startswith(":"):
            events.append((":", block[1:].strip()))
            continue
        lines = dict(line.split(": ", 1) for line in block.splitlines())
        events.append((lines["event"], json.loads(lines["data"])))
    return events
