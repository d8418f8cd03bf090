"""``GET /reports``, ``POST /reports`` (multipart upload) and ``DELETE /reports/{id}``.

Admin only. An upload is counted byte by byte against ``max_upload_bytes`` while it
streams in (413 before anything is parsed), parsed, and indexed by ``IndexBuilder`` into
a new generation that ``CURRENT`` switches to; the app serves it from the next request.
Index work runs in a worker thread with the embedding model the app already holds; one
writer at a time (a second gets 409 ``index_busy``).
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.types import Message

from api.deps import StateDep
from api.schemas import ErrorResponse
from api.security import require_admin
from api.state import AppState
from qa import errors as qe

log = logging.getLogger(__name__)

router = APIRouter(
    tags=["reports"],
    dependencies=[Depends(require_admin)],
    responses={code: {"model": ErrorResponse} for code in (401, 403, 503)},
)

#: A report id: a file name stem without path separators or control characters.
REPORT_ID = re.compile(r"^[\w][\w .()-]{0,119}$")


class ReportInfo(BaseModel):
    """One indexed report."""

    id: str
    title: str
    year: int | None
    period: str | None = None
    source_name: str | None = None
    chunks: int
    content_hash: str
    indexed_at: str


class ReportList(BaseModel):
    index_generation: str
    reports: list[ReportInfo]


class ReportIndexed(BaseModel):
    """What an upload did: the report as indexed and the generation now served."""

    id: str
    title: str
    year: int | None
    chunks: int
    content_hash: str
    generation: str
    embedded: int
    reused: int


class ReportRemoved(BaseModel):
    id: str
    generation: str
    reports: list[str]


_UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {
                        "file": {"type": "string", "format": "binary",
                                 "description": ".txt, .md, .docx or .pdf"},
                        "report_id": {"type": "string", "description": "default: the file name "
                                      "without extension"},
                    },
                }
            }
        },
    }
}


@router.get("/reports", response_model=ReportList)
def list_reports(state: StateDep) -> ReportList:
    """Every indexed report with its title, year, chunk count, content hash and index time."""
    state.require_service()
    reader: Any = state.reader
    snapshot = reader.snapshot()
    return ReportList(
        index_generation=snapshot.generation,
        reports=[ReportInfo(**{k: r.get(k) for k in ReportInfo.model_fields}) for r in snapshot.reports()],
    )


@router.post(
    "/reports",
    status_code=201,
    response_model=ReportIndexed,
    openapi_extra=_UPLOAD_BODY,
    responses={code: {"model": ErrorResponse} for code in (409, 413, 422)},
)
async def upload_report(request: Request, state: StateDep) -> ReportIndexed:
    """Add or replace a report from an uploaded file (multipart field ``file``)."""
    data, filename, report_id = await _read_upload(request, state.settings.max_upload_bytes)
    return await run_in_threadpool(_index_upload, state, data, filename, report_id)


@router.delete(
    "/reports/{report_id}",
    response_model=ReportRemoved,
    responses={code: {"model": ErrorResponse} for code in (404, 409, 422)},
)
async def delete_report(report_id: str, state: StateDep) -> ReportRemoved:
    """Remove a report (a new generation without it); the last report cannot be removed."""
    return await run_in_threadpool(_remove, state, report_id)


async def _read_upload(request: Request, limit: int) -> tuple[bytes, str, str]:
    """The uploaded file's bytes, its name and the report id; 413 as soon as the body
    grows past ``limit`` (declared or streamed), before any of it is parsed."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise qe.UploadTooLarge(limit)
    received = 0
    receive = request.receive

    async def counting_receive() -> Message:
        nonlocal received
        message = await receive()
        received += len(message.get("body", b""))
        if received > limit:
            raise qe.UploadTooLarge(limit)
        return message

    counted = Request(request.scope, counting_receive)
    if not counted.headers.get("content-type", "").startswith("multipart/form-data"):
        raise qe.InvalidRequest("Skicka rapporten som multipart/form-data i fältet ”file”.")
    try:
        form = await counted.form(max_files=1, max_fields=4)
    except qe.QAError:
        raise
    except Exception as exc:  # malformed multipart bodies raise several starlette types
        raise qe.InvalidRequest("Uppladdningen har fel format.", detail=repr(exc)) from exc
    try:
        upload = form.get("file")
        if not isinstance(upload, UploadFile) or not upload.filename:
            raise qe.InvalidRequest("Fältet ”file” med rapportfilen saknas.")
        data = await upload.read()
        filename = Path(upload.filename.replace("\\", "/")).name
        given = form.get("report_id")
        report_id = given.strip() if isinstance(given, str) and given.strip() else Path(filename).stem
    finally:
        await form.close()
    if not REPORT_ID.fullmatch(report_id):
        raise qe.InvalidReportId()
    return data, filename, report_id


def _index_upload(state: AppState, data: bytes, filename: str, report_id: str) -> ReportIndexed:
    """Parse and index an upload (worker thread): the whole write path of ``rapport index``."""
    from corpus.errors import CorpusError
    from index.build import IndexBuilder
    from index.pipeline import prepare_upload, token_counter

    settings = state.settings
    try:
        item = prepare_upload(data, filename, report_id, token_counter(settings.embed_model))
    except CorpusError as exc:
        raise qe.ReportUnreadable(exc.user_message, detail=exc.message) from exc
    if not item.chunks:
        raise qe.ReportUnreadable(f"Rapporten ”{filename[:80]}” innehåller ingen text att indexera.")
    builder = IndexBuilder(settings.data_dir, _embedder(state), chroma_url=settings.chroma_url)
    try:
        result = _run_build(lambda: builder.add_reports([item]))
    except ValueError as exc:  # the builder refuses chunks it cannot store (e.g. duplicate ids)
        raise qe.ReportUnreadable(f"Rapporten ”{filename[:80]}” kunde inte indexeras.",
                                  detail=str(exc)) from exc
    log.info("upload %s indexed into generation %s (%d embedded, %d reused)",
             report_id, result.generation, result.embedded, result.reused)
    state.refresh()
    report = item.report
    return ReportIndexed(
        id=report.id, title=report.title, year=report.year, chunks=len(item.chunks),
        content_hash=report.content_hash, generation=result.generation,
        embedded=result.embedded, reused=result.reused,
    )


def _remove(state: AppState, report_id: str) -> ReportRemoved:
    from index.build import IndexBuilder

    state.require_service()
    reader: Any = state.reader
    ids = reader.snapshot().report_ids()
    if report_id not in ids:
        raise qe.UnknownReport(report_id)
    if ids == [report_id]:
        raise qe.LastReport()
    settings = state.settings
    builder = IndexBuilder(settings.data_dir, _embedder(state), chroma_url=settings.chroma_url)
    try:
        result = _run_build(lambda: builder.remove_reports([report_id]))
    except ValueError as exc:  # another removal left only this report meanwhile
        raise qe.LastReport(detail=str(exc)) from exc
    log.info("report %s removed; generation %s", report_id, result.generation)
    state.refresh()
    return ReportRemoved(id=report_id, generation=result.generation,
                         reports=sorted(set(ids) - {report_id}))


def _embedder(state: AppState) -> Any:
    if state.embedder is None:
        from api.loading import load_embedder

        load_embedder(state)
    return state.embedder


def _run_build(build: Any) -> Any:
    """Run one build, translating the index layer's refusals into API errors."""
    from index.errors import IndexBusy, ReportNotIndexed

    try:
        return build()
    except IndexBusy as exc:
        raise qe.IndexBusyError(detail=str(exc)) from exc
    except ReportNotIndexed as exc:
        raise qe.NotFound("Rapporten finns inte i indexet.", detail=str(exc)) from exc
