"""``POST /ask/stream``: the ``/ask`` answer as Server-Sent Events (API.md): ``meta``, the
answer text in ``delta`` pieces, ``done`` with the complete ``/ask`` response, or ``error``.

The answer is computed in a worker thread while the event loop sends ``: keep-alive``
comments, so proxies keep the connection open. A client that goes away cancels the event
generator at its next ``await``; the worker thread finishes its one computation and its
result is dropped.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import threading
from collections.abc import AsyncGenerator, Callable
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse

from api.deps import ServiceDep, StateDep
from api.errors import error_body, request_id
from api.schemas import AskRequest, AskResponse, ErrorResponse
from api.turns import GateDep, StoreDep, answer_turn
from qa import errors as qe

log = logging.getLogger(__name__)

router = APIRouter(tags=["ask"])

META_FIELDS = ("answer_id", "conversation_id", "citations", "figures", "suggestions", "answerable",
               "context_project", "conversation_reset", "notes")
WORDS_PER_DELTA = 4
STREAM_HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
_WORD = re.compile(r"\s*\S+")


class StreamGauge:
    """How many answer streams are open right now (a dropped stream must not linger)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._open = 0

    def change(self, delta: int) -> None:
        with self._lock:
            self._open += delta

    @property
    def open(self) -> int:
        return self._open


OPEN_STREAMS = StreamGauge()


def sse(event: str, data: dict[str, Any]) -> str:
    """One SSE event; ``json.dumps`` never emits a newline, so one ``data:`` line suffices."""
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


def word_groups(text: str, size: int = WORDS_PER_DELTA) -> list[str]:
    """``text`` cut into pieces of ``size`` words that concatenate back to exactly ``text``."""
    words = _WORD.findall(text)
    if not words:
        return [text] if text else []
    pieces = ["".join(words[i:i + size]) for i in range(0, len(words), size)]
    pieces[-1] += text[len("".join(pieces)):]  # trailing whitespace
    return pieces


async def answer_events(compute: Callable[[], AskResponse], keepalive_seconds: float,
                        rid: str) -> AsyncGenerator[str, None]:
    """The event stream of one answer: keep-alives while ``compute`` runs in a thread, then
    ``meta``, ``delta``s and ``done`` (or one ``error``)."""
    OPEN_STREAMS.change(1)
    future = asyncio.get_running_loop().run_in_executor(None, compute)
    try:
        while not future.done():
            await asyncio.wait({future}, timeout=keepalive_seconds)
            if not future.done():
                yield ": keep-alive\n\n"
        try:
            response = future.result()
        except qe.QAError as exc:
            log.info("stream failed: %s (%s)", exc.code, exc.detail)
            yield sse("error", error_body(exc, rid))
            return
        except Exception:
            log.exception("unexpected error while streaming an answer")
            yield sse("error", error_body(qe.QAError(), rid))
            return
        payload = response.model_dump(mode="json")
        yield sse("meta", {k: payload[k] for k in META_FIELDS})
        for piece in word_groups(payload["answer"]):
            yield sse("delta", {"text": piece})
        yield sse("done", payload)
    finally:
        OPEN_STREAMS.change(-1)
        if not future.done():
            log.info("answer stream closed by the client before the answer was ready")
            # Retrieve the late result so an exception in it is not reported as unhandled.
            future.add_done_callback(lambda f: f.cancelled() or f.exception())


@router.post(
    "/ask/stream",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}}},
               **{code: {"model": ErrorResponse} for code in (404, 413, 422, 503)}},
)
def ask_stream(body: AskRequest, request: Request, state: StateDep, service: ServiceDep,
               store: StoreDep, gate: GateDep) -> StreamingResponse:
    """``/ask`` as Server-Sent Events. Invalid requests and unknown reports fail before the
    stream starts, with the normal JSON error; later failures arrive as ``event: error``."""
    if body.report is not None and body.report not in service.report_years:
        raise qe.UnknownReport(body.report)
    events = answer_events(lambda: answer_turn(service, store, body, gate),
                           state.settings.stream_keepalive_seconds, request_id(request))
    return StreamingResponse(events, media_type="text/event-stream", headers=STREAM_HEADERS)
