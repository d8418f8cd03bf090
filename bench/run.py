"""``make bench``: every benchmark of issue 9 in one run, written to docs/benchmarks.md.

    python -m bench.run            # full run (10–20 min on 2 cores, depending on load)
    python -m bench.run --quick    # minutes: fewer repeats, 2× scale, a subset of questions

Sizes come from flags or ``BENCH_*`` environment variables (``BENCH_QUICK=1``,
``BENCH_RUNS``, ``BENCH_SCALE`` …, see ``--help``). Raw results go to bench/results.json.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench import report
from bench.server import Server, sequential, throughput
from bench.stats import load_average, machine
from bench.synth import write_corpus

log = logging.getLogger("bench")
ROOT = Path(__file__).resolve().parents[1]
REPORT_2019 = ROOT / "corpus" / "reports" / "rapport_2019.txt"
DEV_FILES = [REPORT_2019, ROOT / "tests/fixtures/rapport_2021.txt", ROOT / "tests/fixtures/rapport_2022.md"]
BIG_RESULTS = ROOT / "bench" / "results_big.json"
QUESTIONS = [ROOT / "tests/fixtures/dev_seed.jsonl", ROOT / "tests/fixtures/dev_questions.jsonl"]


@dataclass
class Config:
    runs: int = 5
    ingest_repeats: int = 3
    startup_repeats: int = 3
    tp_repeats: int = 3
    tp_requests: int = 200
    clients: tuple[int, ...] = (1, 4, 16)
    workers: int = 2
    scale: int = 10
    big_scale: int = 0
    questions_limit: int = 0
    baselines: tuple[str, ...] = ("plain-default", "plain-e5")
    model: str = str(ROOT / "models" / "multilingual-e5-small")
    shared_machine: bool = False
    quick: bool = False
    big_only: int = 0


def _env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


def parse_config(argv: list[str] | None = None) -> Config:
    quick_env = os.environ.get("BENCH_QUICK", "") not in ("", "0")
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true", default=quick_env, help="small sizes (BENCH_QUICK=1)")
    p.add_argument("--runs", type=int, help="warm passes over the questions (BENCH_RUNS, 5)")
    p.add_argument("--ingest-repeats", type=int, help="BENCH_INGEST_REPEATS (3)")
    p.add_argument("--startup-repeats", type=int, help="BENCH_STARTUP_REPEATS (3)")
    p.add_argument("--tp-repeats", type=int, help="throughput repeats per client count (BENCH_TP_REPEATS, 3)")
    p.add_argument("--tp-requests", type=int, help="requests per throughput repeat (BENCH_TP_REQUESTS, 200)")
    p.add_argument("--workers", type=int, help="server workers for throughput (BENCH_WORKERS, 2)")
    p.add_argument("--scale", type=int, help="synthetic corpus size × the 2019 report (BENCH_SCALE, 10)")
    p.add_argument("--big-scale", type=int, help="one-off larger scale run, 0 = skip (BENCH_BIG_SCALE, 0)")
    p.add_argument("--questions-limit", type=int, help="questions per file, 0 = all (BENCH_QUESTIONS_LIMIT)")
    p.add_argument("--big-only", type=int, default=0, metavar="FACTOR",
                   help="one-off: only the FACTOR× scale run with stand-in vectors for the synthetic "
                        "passages, saved to bench/results_big.json and shown by later runs")
    p.add_argument("--shared-machine", action="store_true",
                   default=os.environ.get("BENCH_SHARED", "") not in ("", "0"),
                   help="note in the doc that other work shared the CPU (BENCH_SHARED=1)")
    a = p.parse_args(argv)
    cfg = Config(quick=a.quick, shared_machine=a.shared_machine, big_only=a.big_only)
    if a.quick:
        cfg = Config(runs=1, ingest_repeats=1, startup_repeats=1, tp_repeats=1, tp_requests=32, scale=2,
                     questions_limit=12, baselines=("plain-default",), quick=True,
                     shared_machine=a.shared_machine, big_only=a.big_only)
    for flag, env in (("runs", "BENCH_RUNS"), ("ingest_repeats", "BENCH_INGEST_REPEATS"),
                      ("startup_repeats", "BENCH_STARTUP_REPEATS"), ("tp_repeats", "BENCH_TP_REPEATS"),
                      ("tp_requests", "BENCH_TP_REQUESTS"), ("workers", "BENCH_WORKERS"),
                      ("scale", "BENCH_SCALE"), ("big_scale", "BENCH_BIG_SCALE"),
                      ("questions_limit", "BENCH_QUESTIONS_LIMIT")):
        value = getattr(a, flag)
        setattr(cfg, flag, value if value is not None else _env_int(env, getattr(cfg, flag)))
    return cfg


def run_worker(args: list[str], work: Path) -> dict[str, Any]:
    """``python -m bench.worker ARGS`` in a fresh process: its JSON result, wall time and
    peak RSS (``os.wait4`` gives this child's own rusage)."""
    out = work / f"worker-{time.monotonic_ns()}.json"
    cmd = [sys.executable, "-m", "bench.worker", *args, "--out", str(out)]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"worker failed ({proc.returncode}): {shlex.join(cmd)}")
    result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    result["wall_s"] = time.perf_counter() - started
    result["maxrss_mb"] = usage.ru_maxrss / 1024
    return result


def bench_ingest(cfg: Config, work: Path) -> list[dict[str, Any]]:
    log.info("ingest: 2019 report from scratch × %d", cfg.ingest_repeats)
    out = []
    for i in range(cfg.ingest_repeats):
        data = work / f"ingest-{i}"
        args = ["ingest", "--model", cfg.model, "--files", str(REPORT_2019), "--data-dir", str(data), "--raw"]
        out.append(run_worker(args + (["--raw-first"] if i % 2 else []), work))
        shutil.rmtree(data, ignore_errors=True)
    return out


def question_files(cfg: Config, work: Path) -> list[Path]:
    if not cfg.questions_limit:
        return QUESTIONS
    out = []
    for q in QUESTIONS:
        lines = [x for x in q.read_text(encoding="utf-8").splitlines() if x.strip()][: cfg.questions_limit]
        path = work / q.name
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        out.append(path)
    return out


def questions_text(files: list[Path]) -> list[str]:
    return [json.loads(x)["question"] for f in files for x in f.read_text(encoding="utf-8").splitlines()
            if x.strip()]


def build_index(cfg: Config, files: list[Path], data: Path, work: Path,
                standin: bool = False) -> dict[str, Any]:
    return run_worker(["ingest", "--model", cfg.model, "--data-dir", str(data), "--files", *map(str, files)]
                      + (["--standin"] if standin else []), work)


def bench_inproc(cfg: Config, data: Path, qfiles: list[Path], work: Path, baselines: bool) -> dict[str, Any]:
    args = ["inproc", "--model", cfg.model, "--data-dir", str(data), "--runs", str(cfg.runs),
            "--questions", *map(str, qfiles)]
    if baselines and cfg.baselines:
        args += ["--baselines", *cfg.baselines, "--baseline-files", *map(str, DEV_FILES)]
    return run_worker(args, work)


def bench_startup_and_http(cfg: Config, data: Path, questions: list[str]) -> dict[str, Any]:
    """Start-up × repeats (1 worker); the last server then serves the sequential latency runs."""
    startups = []
    server = None
    for i in range(cfg.startup_repeats):
        server = Server(data, workers=1)
        server.start()
        try:
            health_s = server.wait_ready()
            ms, errors = sequential(server.port, questions[:1])
            first_s = time.perf_counter() - server.started_at
            startups.append({"health_s": health_s, "first_answer_s": first_s, "first_answer_ms": ms[0],
                             "errors": errors, "worker_rss_mb": server.worker_rss_mb()})
        finally:
            if i < cfg.startup_repeats - 1:
                server.stop()
    assert server is not None
    try:
        log.info("http latency: %d questions × (1 + %d)", len(questions), cfg.runs)
        first, first_err = sequential(server.port, questions)
        warm = [sequential(server.port, questions) for _ in range(cfg.runs)]
        rss = server.worker_rss_mb()
    finally:
        server.stop()
    return {"startup": startups, "command": " ".join(server.command()[1:]),
            "http_first": first, "http_first_errors": first_err,
            "http_warm": [w[0] for w in warm], "http_warm_errors": sum(w[1] for w in warm),
            "rss_after_mb": rss}


def bench_throughput(cfg: Config, data: Path, questions: list[str]) -> dict[str, Any]:
    server = Server(data, workers=cfg.workers)
    server.start()
    try:
        ready_s = server.wait_ready()
        # Many connections, three rounds: each worker has very likely answered each question
        # before (cached query embeddings), as in a server that has run for a while.
        throughput(server.port, questions, 16, len(questions) * cfg.workers * 3)
        levels = []
        for clients in cfg.clients:
            log.info("throughput: %d clients × %d repeats", clients, cfg.tp_repeats)
            runs = [throughput(server.port, questions, clients, max(cfg.tp_requests, clients * 4))
                    for _ in range(cfg.tp_repeats)]
            levels.append({"clients": clients, "runs": runs})
        rss = server.worker_rss_mb()
    finally:
        server.stop()
    return {"command": " ".join(server.command()[1:]), "workers": cfg.workers, "ready_s": ready_s,
            "levels": levels, "worker_rss_mb": rss}


def bench_scale(cfg: Config, factor: int, qfiles: list[Path], work: Path, synth: Path,
                standin: bool = False) -> dict[str, Any]:
    """The dev corpus plus synthetic reports up to ``factor`` × the 2019 report's size
    (``standin``: synthetic passages get stand-in vectors, see ``bench.worker.StandInEmbedder``)."""
    have = sum(len(f.read_text(encoding="utf-8")) for f in DEV_FILES)
    target = factor * len(REPORT_2019.read_text(encoding="utf-8"))
    files = DEV_FILES + write_corpus(synth / f"x{factor}", max(target - have, 0), seed=factor)
    data = work / f"scale-{factor}"
    log.info("scale %d×: %d files, indexing", factor, len(files))
    built = build_index(cfg, files, data, work, standin)
    log.info("scale %d×: queries", factor)
    queried = bench_inproc(cfg, data, qfiles, work, baselines=False)
    shutil.rmtree(data, ignore_errors=True)
    return {"factor": factor, "files": len(files), "build": built, "inproc": queried, "standin": standin}


def run_big(cfg: Config, results: dict[str, Any], started: float) -> None:
    """The one-off large scale run (see ``--big-only``); the next full run shows it."""
    with tempfile.TemporaryDirectory(prefix="rapport-bench-big-") as tmp:
        work = Path(tmp)
        results["scale"] = bench_scale(cfg, cfg.big_only, question_files(cfg, work), work, work / "synth",
                                       standin=True)
    results["load_end"] = load_average()
    results["elapsed_s"] = time.perf_counter() - started
    dump(results, BIG_RESULTS)
    log.info("done in %.0f s: %s", results["elapsed_s"], BIG_RESULTS)


def code_version() -> dict[str, Any]:
    """The commit measured, and product files that differed from it at run time."""
    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)
        return done.stdout

    dirty = git("status", "--porcelain", "--", "corpus", "index", "qa", "api").splitlines()
    return {"commit": git("rev-parse", "--short", "HEAD").strip(), "dirty": [line[3:] for line in dirty]}


def _rounded(value: Any) -> Any:
    """Results with floats to 3 decimals (raw files stay small and readable)."""
    if isinstance(value, float):
        return round(value, 3)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_rounded(v) for v in value]
    return value


def dump(results: dict[str, Any], path: Path) -> None:
    path.write_text(json.dumps(_rounded(results), ensure_ascii=False), encoding="utf-8")


def _command(argv: list[str] | None) -> str:
    """The command line that produced the results, with any ``BENCH_*`` settings."""
    args = argv if argv is not None else sys.argv[1:]
    env = " ".join(f"{k}={v}" for k, v in sorted(os.environ.items()) if k.startswith("BENCH_"))
    cmd = shlex.join(["python", "-m", "bench.run", *args])
    return f"{env} {cmd}".strip()


def main(argv: list[str] | None = None) -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    cfg = parse_config(argv)
    started = time.perf_counter()
    results: dict[str, Any] = {
        "config": asdict(cfg), "machine": machine(), "code": code_version(),
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": _command(argv),
        "load_start": load_average(),
    }
    if cfg.big_only:
        run_big(cfg, results, started)
        return
    with tempfile.TemporaryDirectory(prefix="rapport-bench-") as tmp:
        work = Path(tmp)
        qfiles = question_files(cfg, work)
        questions = questions_text(qfiles)
        results["ingest"] = bench_ingest(cfg, work)
        dev = work / "dev"
        log.info("dev index (3 reports)")
        results["dev_build"] = build_index(cfg, DEV_FILES, dev, work)
        log.info("in-process latency and side by side")
        results["inproc"] = bench_inproc(cfg, dev, qfiles, work, baselines=True)
        log.info("start-up and http latency")
        results["http"] = bench_startup_and_http(cfg, dev, questions)
        results["throughput"] = bench_throughput(cfg, dev, questions)
        results["scale"] = [bench_scale(cfg, cfg.scale, qfiles, work, work / "synth")]
        if cfg.big_scale:
            results["scale"].append(bench_scale(cfg, cfg.big_scale, qfiles, work, work / "synth"))
    results["load_end"] = load_average()
    results["elapsed_s"] = time.perf_counter() - started
    dump(results, ROOT / "bench" / "results.json")
    if BIG_RESULTS.is_file():  # shown in the doc, kept in its own file
        results["big"] = json.loads(BIG_RESULTS.read_text(encoding="utf-8"))
    doc = report.render(results)
    (ROOT / "docs" / "benchmarks.md").write_text(doc, encoding="utf-8")
    log.info("done in %.0f s: docs/benchmarks.md", results["elapsed_s"])


if __name__ == "__main__":
    main()
