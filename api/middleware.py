"""ASGI middleware: request ids, the access log and request metrics, and a request-body
size limit that counts streamed bytes (so a body without Content-Length cannot get past it)."""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections.abc import Mapping

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.logging import REQUEST_ID
from api.metrics import Metrics
from qa.errors import PayloadTooLarge

log = logging.getLogger("rapport.access")


def route_label(scope: Scope) -> str:
    """The route template that served a request (``/projects/{project}``), or ``unmatched``."""
    route = scope.get("route")
    path = getattr(route, "path", None)
    return str(path) if path else "unmatched"


class RequestContextMiddleware:
    """Gives every request an id (``X-Request-ID``), logs method/path/status/latency, counts
    it in ``metrics``, and answers 413 in the canonical error shape when the body exceeds
    ``max_body_bytes`` (or the path's own limit in ``path_limits``, e.g. uploads)."""

    def __init__(
        self, app: ASGIApp, max_body_bytes: int, metrics: Metrics | None = None,
        path_limits: Mapping[str, int] | None = None,
    ):
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.metrics = metrics
        self.path_limits = dict(path_limits or {})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rid = "r-" + uuid.uuid4().hex[:12]
        request_state = scope.setdefault("state", {})
        request_state["request_id"] = rid
        token = REQUEST_ID.set(rid)
        started = time.perf_counter()
        status = 500
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        limit = self.path_limits.get(str(scope.get("path")), self.max_body_bytes)
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await self._reject(send, rid)
            self._finish(scope, rid, 413, started, PayloadTooLarge.code)
            REQUEST_ID.reset(token)
            return
        received = 0
        response_started = False
        rejected = False

        async def limited_receive() -> Message:
            # Over the limit: answer 413 ourselves and tell the app the client left, so it
            # stops reading; whatever it still tries to send is dropped.
            nonlocal received, rejected, status
            if rejected:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    rejected, status = True, 413
                    if not response_started:
                        await self._reject(send, rid)
                    return {"type": "http.disconnect"}
            return message

        async def send_with_id(message: Message) -> None:
            nonlocal status, response_started
            if rejected:
                return
            if message["type"] == "http.response.start":
                status = message["status"]
                response_started = True
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-request-id", rid.encode())]
            await send(message)

        try:
            await self.app(scope, limited_receive, send_with_id)
        except Exception:
            if not rejected:
                raise
        finally:
            code = PayloadTooLarge.code if rejected else request_state.get("error_code")
            self._finish(scope, rid, status, started, code)
            REQUEST_ID.reset(token)

    def _finish(self, scope: Scope, rid: str, status: int, started: float, code: str | None) -> None:
        """Access log line and metrics of one request (never the query string: it may hold a
        question)."""
        seconds = time.perf_counter() - started
        method, path = str(scope.get("method")), str(scope.get("path"))
        if self.metrics is not None:
            self.metrics.observe(method, route_label(scope), status, seconds, code)
        log.info(
            "%s %s %s %.1fms",
            method, path, status, seconds * 1000,
            extra={"request_id": rid, "method": method, "path": path, "status": status,
                   "latency_ms": round(seconds * 1000, 1), "code": code},
        )

    @staticmethod
    async def _reject(send: Send, rid: str) -> None:
        err = PayloadTooLarge()
        body = json.dumps(
            {"error": {"code": err.code, "message": err.user_message, "request_id": rid}}
        ).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"x-request-id", rid.encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})
