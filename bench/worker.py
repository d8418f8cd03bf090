"""Benchmark work that runs in its own process, so each measurement has a fresh interpreter
and its own peak RSS: ``python -m bench.worker ingest|inproc ... --out result.json``."""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path
from typing import Any

from bench.stats import vm_rss_mb


def _load(model: str) -> tuple[Any, float]:
    started = time.perf_counter()
    from index.embedder import load_embedder

    embedder = load_embedder(model)
    return embedder, time.perf_counter() - started


class StandInEmbedder:
    """For the one-off 100× run only: the real model embeds the texts in ``real`` (the dev
    reports); every other passage gets a pseudo-random unit vector seeded by its text, so
    the index has the full size without hours of encoding. Search cost over random vectors
    is a fair stand-in for timing (HNSW does not know what the vectors mean); retrieval
    quality over the synthetic part is meaningless and is not reported."""

    def __init__(self, real_embedder: Any, real: set[str]):
        self.real_embedder = real_embedder
        self.real = real
        self.model_id: str = real_embedder.model_id
        self.dimension: int = real_embedder.dimension

    def embed_passages(self, texts: list[str], batch_size: int = 32, show_progress: bool = False) -> Any:
        import hashlib

        import numpy as np

        out = np.empty((len(texts), self.dimension), dtype=np.float32)
        real = [i for i, t in enumerate(texts) if t in self.real]
        if real:
            out[real] = self.real_embedder.embed_passages([texts[i] for i in real], batch_size=batch_size)
        for i, text in enumerate(texts):
            if text not in self.real:
                seed = int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "little")
                v = np.random.default_rng(seed).standard_normal(self.dimension).astype(np.float32)
                out[i] = v / np.linalg.norm(v)
        return out


def ingest(args: argparse.Namespace) -> dict[str, Any]:
    """Index ``files`` into an empty data dir; optionally time raw ``embed_passages`` on the
    exact texts the build embeds (alternating which goes first between repeats)."""
    from index.build import IndexBuilder, context_line
    from index.pipeline import prepare, token_counter

    embedder, load_s = _load(args.model)
    counter = token_counter(args.model)
    files = [Path(f) for f in args.files]
    texts = [context_line(c) + c.text for f in files for c in prepare(f, counter).chunks] if args.raw else []
    # The first full-size batch of a process is slower (allocator, kernels): warm up on real
    # texts so neither figure pays it (measured: whichever of the two ran first lost 20-30 %).
    embedder.embed_passages(texts[:32] if texts else ["Förvaltningen leder projektet."] * 4)
    out: dict[str, Any] = {"load_s": load_s, "chars": sum(len(f.read_text(encoding="utf-8")) for f in files)}

    def raw() -> None:
        started = time.perf_counter()
        embedder.embed_passages(texts, batch_size=32)
        out["raw_encode_s"] = time.perf_counter() - started

    if args.raw and args.raw_first:
        raw()
    started = time.perf_counter()
    items = [prepare(f, counter) for f in files]
    out["prepare_s"] = time.perf_counter() - started
    builder_embedder = embedder
    if args.standin:
        real = {context_line(c) + c.text for item in items if not item.report.id.startswith("synth_")
                for c in item.chunks}
        builder_embedder = StandInEmbedder(embedder, real)
        out["standin_real_chunks"] = len(real)
    result = IndexBuilder(Path(args.data_dir), builder_embedder).add_reports(items)
    out["index_s"] = time.perf_counter() - started
    out["build_timings"] = dict(result.timings)
    out["embedded"], out["reused"], out["chunks"] = result.embedded, result.reused, result.chunk_count
    out["rss_after_index_mb"] = vm_rss_mb()
    if args.raw and not args.raw_first:
        raw()
    out["maxrss_self_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def _ask_all(service: Any, embedder: Any, items: list[dict[str, Any]], clear_cache: bool,
             plains: list[Any], score: bool = False) -> list[dict[str, Any]]:
    """Each question to rapport-qa and each plain pipeline; ``score`` adds text metrics."""
    from bench.quality import text_metrics
    from qa.evaluation import score_item
    from qa.service import Trace

    cache = getattr(embedder, "_cached_query", None)
    rows = []
    for i, item in enumerate(items):
        row: dict[str, Any] = {"id": item["id"]}
        systems = [("rapport", None), *((p.name, p) for p in plains)]
        if i % 2:
            systems.reverse()  # neither system always runs right after the other
        for name, plain in systems:
            if clear_cache and cache is not None:
                cache.cache_clear()
            if plain is None:
                trace = Trace()
                started = time.perf_counter()
                answer = service.ask(item["question"], trace=trace)
                ms = (time.perf_counter() - started) * 1000
                values, _ = score_item(item, answer)
                row["rapport"] = {"ms": ms, "stages": dict(trace.timings.stages), "path": trace.path,
                                  "answerable": answer.answerable, "values": values}
                if score:
                    row["rapport"] |= text_metrics(item, [c.passage.chunk.text for c in answer.citations])
                    row["rapport"]["quote_chars"] = sum(len(c.quote) for c in answer.citations[:5])
            else:
                started = time.perf_counter()
                texts = plain.ask(item["question"])
                row[name] = {"ms": (time.perf_counter() - started) * 1000}
                if score:
                    row[name] |= text_metrics(item, texts)
        rows.append(row)
    return rows


def vector_probe(snapshot: Any, embedder: Any, items: list[dict[str, Any]], k: int) -> dict[str, list[float]]:
    """Where vector-search time goes: the snapshot's search as the service calls it (exact,
    over the generation's vectors held in memory), the same query through LlamaIndex's
    ``ChromaVectorStore`` (how the plain pipeline searches) and a bare Chroma query for ids
    and distances only (ms per query, cached query vectors, no filters)."""
    from index import chroma_store

    collection = snapshot.vector_store.client
    out: dict[str, list[float]] = {"service": [], "llama_chroma": [], "chroma_ids_only": []}
    for item in items:
        vec = embedder.embed_query(item["question"])
        started = time.perf_counter()
        snapshot.vector_search(vec, k, None)
        out["service"].append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        chroma_store.query(snapshot.vector_store, vec, k, None)
        out["llama_chroma"].append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        collection.query(query_embeddings=[vec.tolist()], n_results=min(k, len(snapshot.vectors)),
                         include=["distances"])
        out["chroma_ids_only"].append((time.perf_counter() - started) * 1000)
    return out


def inproc(args: argparse.Namespace) -> dict[str, Any]:
    """Answer every question in-process: one cold pass, then ``runs`` passes with the query
    embedding cache cleared before each question and ``runs`` passes with it warm."""
    from bench.baseline import build_plain
    from index.store import IndexReader
    from qa.evaluation import load_questions
    from qa.index_view import SnapshotView
    from qa.service import QAService

    embedder, load_s = _load(args.model)
    started = time.perf_counter()
    reader = IndexReader.open(Path(args.data_dir), embedder.model_id)
    view = SnapshotView(reader.snapshot())
    service = QAService(view, embedder, view.analyzer)
    service_s = time.perf_counter() - started
    rss_service = vm_rss_mb()
    items = [item for q in args.questions for item in load_questions(Path(q))]
    plains = [build_plain(v, [Path(f) for f in args.baseline_files], embedder, args.model)
              for v in args.baselines]
    out: dict[str, Any] = {
        "load_s": load_s, "service_s": service_s, "rss_service_mb": rss_service,
        "chunks": len(service.retriever.chunks), "questions": len(items),
        "candidates": service.retriever.config.candidates,
        "plain": {p.name: {"chunks": p.chunks, "ingest_s": p.ingest_s} for p in plains},
        "items": {item["id"]: item for item in items},
    }
    # Each system embeds every question itself in the cold and uncached passes (the cache is
    # shared, so otherwise whichever system asks second would get the other's vector).
    out["cold"] = _ask_all(service, embedder, items, True, plains, score=True)
    out["uncached"] = [_ask_all(service, embedder, items, True, plains) for _ in range(args.runs)]
    _ask_all(service, embedder, items, False, plains)  # fills the cache for the cached passes
    out["cached"] = [_ask_all(service, embedder, items, False, plains) for _ in range(args.runs)]
    out["vector_probe"] = vector_probe(view.snapshot, embedder, items, service.retriever.config.candidates)
    out["rss_end_mb"] = vm_rss_mb()
    out["maxrss_self_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="cmd", required=True)
    ing = sub.add_parser("ingest")
    ing.add_argument("--files", nargs="+", required=True)
    ing.add_argument("--data-dir", required=True)
    ing.add_argument("--raw", action="store_true")
    ing.add_argument("--raw-first", action="store_true")
    ing.add_argument("--standin", action="store_true", help="synthetic passages get stand-in vectors")
    inp = sub.add_parser("inproc")
    inp.add_argument("--data-dir", required=True)
    inp.add_argument("--questions", nargs="+", required=True)
    inp.add_argument("--runs", type=int, default=5)
    inp.add_argument("--baselines", nargs="*", default=[])
    inp.add_argument("--baseline-files", nargs="*", default=[])
    for p in (ing, inp):
        p.add_argument("--model", required=True)
        p.add_argument("--out", required=True)
    args = parser.parse_args()
    result = ingest(args) if args.cmd == "ingest" else inproc(args)
    Path(args.out).write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
