"""The ``rapport`` command line: index, serve, ask, parse (see API.md and README.md)."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

app = typer.Typer(
    add_completion=False, no_args_is_help=True, help="rapport-qa: frågor och svar ur rapporterna."
)
err = Console(stderr=True)


def _settings():  # noqa: ANN202 - typed via api.config
    import index  # noqa: F401  (offline environment first)
    from api.config import get_settings

    return get_settings()


def _fail(message: str, code: int = 1) -> None:
    err.print(f"[red]fel:[/red] {message}")
    raise typer.Exit(code)


@app.command("index")
def index_cmd(
    paths: Annotated[list[Path] | None, typer.Argument(help="Report files or folders.")] = None,
    missing: Annotated[bool, typer.Option("--missing", help="Only reports not indexed yet.")] = False,
) -> None:
    """Add or replace reports in the index (default: corpus/reports/)."""
    from corpus.errors import CorpusError
    from index.errors import IndexStoreError
    from index.pipeline import index_paths

    settings = _settings()
    logging.basicConfig(level=settings.log_level, format="%(levelname)s %(name)s: %(message)s")
    try:
        result = index_paths(
            paths or [settings.reports_dir],
            data_dir=settings.data_dir,
            embed_model=settings.embed_model,
            chroma_url=settings.chroma_url,
            only_missing=missing,
            show_progress=sys.stderr.isatty(),
        )
    except (CorpusError, IndexStoreError) as exc:
        _fail(str(getattr(exc, "user_message", None) or exc))
        return
    err.print(result.summary())


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 1,
) -> None:
    """Serve the HTTP API, the widget and the demo page."""
    import uvicorn

    settings = _settings()
    logging.basicConfig(level=settings.log_level, format="%(levelname)s %(name)s: %(message)s")
    uvicorn.run("api.asgi:app", host=host, port=port, workers=workers, log_level="warning")


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="Frågan, på svenska.")],
    report: Annotated[str | None, typer.Option(help="Exact report id.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print exactly the /ask response.")] = False,
) -> None:
    """Ask one question in-process and print the answer."""
    from fastapi.testclient import TestClient

    from api.main import create_app

    with TestClient(create_app(_settings())) as client:
        body: dict[str, str] = {"question": question}
        if report:
            body["report"] = report
        resp = client.post("/ask", json=body)
    data = resp.json()
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        raise typer.Exit(0 if resp.status_code == 200 else 1)
    if resp.status_code != 200:
        _fail(data["error"]["message"])
    typer.echo(data["answer"])
    for c in data["citations"]:
        typer.echo(f"[{c['id']}] {c['report']} · {c['project'] or '–'} · {c['section']}: {c['quote'][:160]}")


@app.command()
def parse(
    file: Annotated[Path, typer.Argument(help="A report file.")],
    as_json: Annotated[bool, typer.Option("--json", help="Chunks as JSON lines.")] = False,
) -> None:
    """Show how a report is understood: section tree with types, or the chunks."""
    from corpus.chunking import chunk_report
    from corpus.errors import CorpusError
    from corpus.inspect import chunks_as_json_lines, format_tree
    from corpus.reading import read_report
    from index.pipeline import token_counter

    settings = _settings()
    try:
        report = read_report(file)
    except CorpusError as exc:
        _fail(str(getattr(exc, "user_message", None) or exc))
        return
    chunks = chunk_report(report, token_counter(settings.embed_model))
    if as_json:
        for line in chunks_as_json_lines(chunks):
            typer.echo(line)
    else:
        typer.echo(format_tree(report, chunks))


if __name__ == "__main__":
    app()
