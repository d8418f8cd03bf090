"""ASGI middleware: request ids and a request-body size limit that counts streamed bytes
(so a body without Content-Length cannot get past it)."""

from __future__ import annotations

import json
import logging
import time
import uuid

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from qa.errors import PayloadTooLarge

log = logging.getLogger("rapport.access")


class RequestContextMiddleware:
    """Gives every request an id (``X-Request-ID``), logs method/path/status/latency, and
    answers 413 in the canonical error shape when the body exceeds ``max_body_bytes``."""

    def __init__(self, app: ASGIApp, max_body_bytes: int):
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rid = "r-" + uuid.uuid4().hex[:12]
        scope.setdefault("state", {})["request_id"] = rid
        started = time.perf_counter()
        status = 500
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_body_bytes:
            await self._reject(send, rid)
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
                if received > self.max_body_bytes:
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
            log.info(
                "%s %s %s %.1fms",
                scope.get("method"),
                scope.get("path"),
                status,
                (time.perf_counter() - started) * 1000,
                extra={"request_id": rid},
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
