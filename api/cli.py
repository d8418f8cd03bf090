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
    from index.embedder import EmbedderLoadError
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
    except (CorpusError, IndexStoreError, EmbedderLoadError) as exc:
        _fail(str(getattr(exc, "user_message", None) or exc))
        return
    err.print(result.summary())


@app.command()
def remove(
    report_ids: Annotated[list[str], typer.Argument(help="Ids of indexed reports.")],
) -> None:
    """Remove reports from the index (a new generation without them; never the last one)."""
    from index.build import IndexBuilder
    from index.embedder import load_embedder
    from index.errors import IndexBusy, IndexStoreError, ReportNotIndexed

    settings = _settings()
    logging.basicConfig(level=settings.log_level, format="%(levelname)s %(name)s: %(message)s")
    builder = IndexBuilder(settings.data_dir, load_embedder(settings.embed_model),
                           chroma_url=settings.chroma_url)
    try:
        result = builder.remove_reports(report_ids)
    except ReportNotIndexed as exc:
        _fail(f"Rapporten finns inte i indexet ({exc}).")
        return
    except IndexBusy:
        _fail("Indexet byggs om just nu av en annan process; försök igen om en stund.")
        return
    except IndexStoreError as exc:
        _fail(f"{exc} ({exc.code})")
        return
    except ValueError:  # the builder refuses to leave an empty index
        _fail("Den sista rapporten kan inte tas bort: indexet måste innehålla minst en rapport.")
        return
    err.print(f"Index {result.generation}: {', '.join(result.reports_removed)} borttagna, "
              f"{len(result.reports_kept)} rapport(er) kvar.")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 1,
) -> None:
    """Serve the HTTP API, the widget and the demo page."""
    import uvicorn

    from api.config import settings_or_exit
    from api.logging import configure_logging
    from index.embedder import EmbedderLoadError, resolve_model

    settings = settings_or_exit()  # refuses bad settings before binding
    configure_logging(settings.log_level)
    try:
        resolve_model(settings.embed_model)  # a missing model folder: one clear line, no traceback
    except EmbedderLoadError as exc:
        _fail(str(exc))
    # log_config=None: the workers log through api.asgi's JSON set-up, not uvicorn's.
    uvicorn.run("api.asgi:app", host=host, port=port, workers=workers, log_level="warning",
                log_config=None)


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


def _service():  # noqa: ANN202 - qa.service.QAService
    """The QA service over the current index, loaded in-process."""
    from api.state import AppState

    state = AppState(_settings())
    try:
        return state.require_service()
    except Exception as exc:  # QAError: no index, version mismatch
        _fail(str(getattr(exc, "user_message", exc)))
        raise


@app.command("eval")
def eval_cmd(
    questions: Annotated[Path, typer.Argument(help="Questions in the dev_seed.jsonl format.")],
    json_out: Annotated[Path | None, typer.Option(help="Write per-question results here.")] = None,
) -> None:
    """Evaluate in-process: scorer metrics per type plus retrieval diagnostics."""
    from rich.table import Table

    from qa.evaluation import load_questions, overall_score, retrieval_diagnostics, run_answers, summarise

    service = _service()
    items = load_questions(questions)
    results = run_answers(service, items)
    table = summarise(results)
    out = Table(title=f"{questions.name}: {len(items)} frågor")
    for col in ("typ", "n", "value_acc", "recall@5", "abst_acc", "false_abst", "p50 ms"):
        out.add_column(col)
    fmt = lambda v: "–" if v is None else f"{v:.3f}"  # noqa: E731
    for name, row in sorted(table.items(), key=lambda kv: kv[0] == "overall"):
        out.add_row(
            name,
            str(row["n"]),
            fmt(row["value_acc"]),
            fmt(row["recall@5"]),
            fmt(row["abst_acc"]),
            fmt(row["false_abst"]),
            f"{row['p50_ms']:.1f}",
        )
    diag = Table(title="Retrieval (gold passages)")
    for col in ("config", "recall@1", "recall@5", "recall@10", "MRR"):
        diag.add_column(col)
    for name, row in retrieval_diagnostics(service, items).items():
        diag.add_row(name, fmt(row["recall@1"]), fmt(row["recall@5"]), fmt(row["recall@10"]), fmt(row["mrr"]))
    console = Console()
    console.print(out)
    console.print(diag)
    if json_out:
        json_out.write_text(
            json.dumps(
                [
                    {
                        "id": r.item.get("id"),
                        "path": r.path,
                        "answerable": r.answer.answerable,
                        "values": r.values,
                        "quotes": r.quotes,
                        "answer": r.answer.text,
                    }
                    for r in results
                ],
                ensure_ascii=False,
                indent=1,
            ),
            encoding="utf-8",
        )
    typer.echo(f"score: {overall_score(table['overall']):.4f}")


@app.command()
def facts(
    csv_out: Annotated[bool, typer.Option("--csv", help="CSV on stdout.")] = False,
    check: Annotated[bool, typer.Option("--check", help="Show discrepancies between sources.")] = False,
    report: Annotated[str | None, typer.Option(help="Only this report id.")] = None,
) -> None:
    """Print the facts table (every project, newest statement per field)."""
    import csv

    from rich.table import Table

    from corpus.numbers import format_kr

    service = _service()
    rows = sorted(service.facts.rows((report,) if report else ()), key=lambda f: f.project)
    cols = (
        "project",
        "report",
        "owner",
        "managers",
        "start_date",
        "end_date",
        "status",
        "fund",
        "total_budget",
        "eu_funding",
    )

    def values(f) -> list[str]:  # noqa: ANN001
        def v(name: str) -> str:
            s = getattr(f, name)
            return "" if s is None else str(s.value)

        return [
            f.project,
            f.report_id,
            v("owner"),
            "; ".join(str(m.value) for m in f.managers),
            v("start_date"),
            v("end_date"),
            v("status"),
            v("fund"),
            v("total_budget"),
            v("eu_funding"),
        ]

    if csv_out:
        writer = csv.writer(sys.stdout)
        writer.writerow(cols)
        for f in rows:
            writer.writerow(values(f))
    else:
        table = Table(title="Projektfakta")
        for col in cols:
            table.add_column(col)
        for f in rows:
            vals = values(f)
            for i in (8, 9):
                vals[i] = format_kr(int(vals[i])) if vals[i] else ""
            table.add_row(*vals)
        Console().print(table)
    if check:
        found = [d for d in service.facts.discrepancies if not report or d["source_a"]["report_id"] == report]
        for d in found:
            err.print(f"[yellow]{d.get('severity', 'avvikelse')}[/yellow]: {d.get('message')}")
        if not found:
            err.print("Inga avvikelser mellan källorna.")


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
