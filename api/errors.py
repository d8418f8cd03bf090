"""Maps every error to the canonical shape ``{"error": {"code", "message", "request_id"}}``.

Domain errors from ``corpus``/``index`` are translated to their ``QAError`` counterpart here,
so the rest of the API only ever raises ``QAError``.
"""

from __future__ import annotations

import logging
import uuid

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from qa import errors as qe

log = logging.getLogger(__name__)


def request_id(request: Request) -> str:
    rid = getattr(request.state, "request_id", None)
    if not rid:
        rid = "r-" + uuid.uuid4().hex[:12]
        request.state.request_id = rid
    return str(rid)


def error_body(err: qe.QAError, rid: str) -> dict[str, dict[str, str]]:
    return {"error": {"code": err.code, "message": err.user_message, "request_id": rid}}


def error_response(err: qe.QAError, rid: str) -> JSONResponse:
    headers = getattr(err, "headers", None)
    return JSONResponse(error_body(err, rid), status_code=err.status_code, headers=headers)


def _validation_error(exc: RequestValidationError, max_chars: int) -> qe.QAError:
    """Pick the most telling Swedish message for a body that failed validation."""
    for e in exc.errors():
        kind = str(e.get("type", ""))
        loc = [str(p) for p in e.get("loc", ())]
        if kind == "json_invalid" or (loc == ["body"] and kind in {"model_attributes_type", "dict_type"}):
            return qe.InvalidJSON()
        if "question" in loc:
            if kind == "string_too_long":
                return qe.QuestionTooLong(max_chars)
            if kind in {"string_too_short", "missing", "value_error"}:
                return (
                    qe.EmptyQuestion()
                    if kind != "missing"
                    else qe.InvalidRequest("Fältet ”question” saknas.")
                )
            return qe.InvalidRequest("Fältet ”question” måste vara text.")
        if kind == "extra_forbidden":
            return qe.InvalidRequest(f"Okänt fält i förfrågan: ”{loc[-1][:40]}”.")
        if kind == "missing":
            return qe.InvalidRequest(f"Fältet ”{loc[-1][:40]}” saknas.")
    return qe.InvalidRequest("Förfrågan har fel format.")


def _respond(request: Request, err: qe.QAError) -> JSONResponse:
    # The code is left on the request for the access log and the error metrics.
    request.state.error_code = err.code
    return error_response(err, request_id(request))


def install_error_handlers(app: FastAPI, max_question_chars: int) -> None:
    @app.exception_handler(qe.QAError)
    async def _qa_error(request: Request, exc: qe.QAError) -> JSONResponse:
        log.info("request failed: %s (%s)", exc.code, exc.detail)
        return _respond(request, exc)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return _respond(request, _validation_error(exc, max_question_chars))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        err: qe.QAError
        if exc.status_code == 404:
            err = qe.NotFound()
        elif exc.status_code == 405:
            err = qe.MethodNotAllowed()
        elif exc.status_code == 413:
            err = qe.PayloadTooLarge()
        else:
            err = qe.InvalidRequest()
            err.status_code = exc.status_code if 400 <= exc.status_code < 500 else 400
        return _respond(request, err)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error")
        return _respond(request, qe.QAError())
