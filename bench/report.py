"""docs/benchmarks.md from the raw results of ``bench.run`` (tables, targets, observations)."""

from __future__ import annotations

import statistics
from typing import Any

from bench.fmt import LAT_HEAD, STAGES, asks, fx, lat_line, latency_rows, mean, med_p95, pct
from bench.report_compare import baseline_of, section_scale, section_side_by_side, side_by_side, targets
from bench.stats import percentile


def section_latency(r: dict[str, Any]) -> list[str]:
    inproc, http = r["inproc"], r["http"]
    lat = latency_rows(inproc)
    runs = r["config"]["runs"]
    per_run = {k: [[row["rapport"]["ms"] for row in run] for run in inproc[k]]
               for k in ("uncached", "cached")}
    out = ["## Query latency (`/ask`)", "",
           f"{inproc['questions']} dev questions (`tests/fixtures/dev_seed.jsonl` + `dev_questions.jsonl`) "
           "over "
           f"the three dev reports ({inproc['chunks']} chunks). One cold pass, then {runs} passes with the "
           "query-embedding cache cleared before every question (*warm, new question*: the model and index "
           "are "
           f"warm, the question has not been seen) and {runs} passes with the cache warm (*repeated "
           "question*).",
           "", "**In-process** (`QAService.ask`, one process, one torch thread):", "", LAT_HEAD,
           lat_line("cold process, first pass (uncached)", lat["cold"]),
           lat_line("warm, new question (cache cleared)", lat["uncached"], per_run["uncached"]),
           lat_line("warm, repeated question (cached)", lat["cached"], per_run["cached"]), ""]
    first, warm = http["http_first"], [x for run in http["http_warm"] for x in run]
    out += [f"**Over HTTP** (`rapport {http['command']}`, one worker, one keep-alive client on loopback; "
            "a server cannot clear its cache, so the first pass is the uncached one):", "", LAT_HEAD,
            lat_line("first pass (uncached)", first),
            lat_line("warm, repeated question (cached)", warm, http["http_warm"]),
            "", f"HTTP errors: {http['http_first_errors'] + http['http_warm_errors']}. HTTP overhead "
            f"(HTTP cached p50 − in-process cached p50): "
            f"{fx(statistics.median(warm) - statistics.median(lat['cached']))} ms.", ""]
    return out + section_stages(inproc)


def _stage_table(asks: list[dict[str, Any]]) -> list[str]:
    totals = [a["ms"] for a in asks]
    rows = ["| stage | p50 ms | p95 ms | mean ms | share of mean total |", "|---|---:|---:|---:|---:|"]
    mean_total = mean(totals) or 1.0
    for st in STAGES:
        xs = [a["stages"].get(st, 0.0) for a in asks]
        rows.append(f"| {st} | {fx(statistics.median(xs), 2)} | {fx(percentile(xs, 95), 2)} | "
                    f"{fx(mean(xs), 2)} | {pct((mean(xs) or 0) / mean_total)} |")
    other = [a["ms"] - sum(a["stages"].get(s, 0.0) for s in STAGES) for a in asks]
    rows.append(f"| (unaccounted) | {fx(statistics.median(other), 2)} | {fx(percentile(other, 95), 2)} | "
                f"{fx(mean(other), 2)} | {pct((mean(other) or 0) / mean_total)} |")
    rows.append(f"| **total** | {fx(statistics.median(totals), 2)} | {fx(percentile(totals, 95), 2)} | "
                f"{fx(mean_total, 2)} | 100 % |")
    return rows


def floor_ratio(asks: list[dict[str, Any]]) -> tuple[float, float]:
    """Median per-question total/floor, and median total / median floor."""
    floors = [a["stages"].get("query_embedding", 0) + a["stages"].get("vector_search", 0) for a in asks]
    ratios = [a["ms"] / f for a, f in zip(asks, floors, strict=True) if f > 0]
    return statistics.median(ratios), statistics.median(a["ms"] for a in asks) / statistics.median(floors)


def section_stages(inproc: dict[str, Any]) -> list[str]:
    new, cached = asks(inproc["uncached"]), asks(inproc["cached"])
    r_new, r_new_meds = floor_ratio(new)
    paths: dict[str, list[float]] = {}
    for a in new:
        paths.setdefault(a["path"], []).append(a["ms"])
    out = ["### Where the time goes (in-process, warm, new question)", "", *_stage_table(new), "",
           "`query_embedding` includes building the metadata-filter id set that precedes it in the "
           "retriever; "
           "the lexical search runs twice when filters starve the first retrieval (fallback), and its time "
           "is summed.", "",
           f"**Total ÷ floor** (floor = query embedding + vector search): median per question "
           f"{fx(r_new, 2)}×, median total ÷ median floor {fx(r_new_meds, 2)}×.", "",
           "Same breakdown for repeated (cached) questions, where the floor is almost only the vector "
           "search:",
           "", *_stage_table(cached), "",
           "By answer path (warm, new question):", "",
           "| path | asks | p50 ms | p95 ms |", "|---|---:|---:|---:|"]
    for name, xs in sorted(paths.items()):
        out.append(f"| {name} | {len(xs)} | {fx(statistics.median(xs))} | {fx(percentile(xs, 95))} |")
    return out + [""] + section_vector_probe(inproc)


def section_vector_probe(inproc: dict[str, Any]) -> list[str]:
    probe = inproc.get("vector_probe")
    if not probe:
        return []
    labels = {"service": "`IndexSnapshot.vector_search` as the service calls it (exact, over the "
                         "generation's vectors held in memory, `index/vectors.py`)",
              "llama_chroma": "the same Chroma collection through LlamaIndex's `ChromaVectorStore.query` "
                              "(count, then ids, documents and metadata; how the plain pipeline searches)",
              "chroma_ids_only": "bare Chroma `collection.query`, distances only"}
    out = ["### Vector search: where its time goes", "",
           f"The same {len(probe['service'])} query vectors (cached), top "
           f"{inproc.get('candidates', 30)}, no filter, over the {inproc['chunks']} chunks:", "",
           "| search | p50 ms | p95 ms |", "|---|---:|---:|"]
    for key, label in labels.items():
        out.append(f"| {label} | {med_p95(probe[key], 3).replace(' / ', ' | ')} |")
    return out + [""]


def section_throughput(r: dict[str, Any]) -> list[str]:
    tp = r["throughput"]
    out = ["## Throughput over HTTP", "",
           f"`rapport {tp['command']}`: the documented server command (`make run` serves with "
           "`rapport serve`) with one worker process per core; clients are threads with "
           "keep-alive connections in the benchmark process, on the same 2 cores. Questions cycle through "
           "the dev set after a warm-up of three rounds per worker over 16 connections, so the workers' "
           "query-embedding caches very likely hold every question (repeated-question figures). "
           f"Ready after {fx(tp['ready_s'])} s; worker RSS after the runs: "
           f"{', '.join(fx(x, 0) for x in tp['worker_rss_mb'])} MB.", "",
           "| clients | repeats × requests | req/s median / p95 | req/s min | errors | latency p50 / p95 "
           "ms |",
           "|---:|---|---:|---:|---:|---:|"]
    for level in tp["levels"]:
        runs = level["runs"]
        rps = [x["rps"] for x in runs]
        lats = [ms for x in runs for ms in x["latencies"]]
        out.append(f"| {level['clients']} | {len(runs)} × {runs[0]['requests']} | {med_p95(rps)} | "
                   f"{fx(min(rps))} | {sum(x['errors'] for x in runs)} | {med_p95(lats, 0)} |")
    return out + [""]


def section_ingest(r: dict[str, Any]) -> list[str]:
    ing = r["ingest"]
    first = ing[0]
    ratio = [x["index_s"] / x["raw_encode_s"] for x in ing]
    embed_ratio = [x["build_timings"]["embed"] / x["raw_encode_s"] for x in ing]
    rows = [
        ("index from scratch (parse + chunk + facts + embed + stores), s", [x["index_s"] for x in ing]),
        ("… of which parse, chunk and facts, s", [x["prepare_s"] for x in ing]),
        ("… of which embedding inside the build, s", [x["build_timings"]["embed"] for x in ing]),
        ("… of which Chroma writes, s", [x["build_timings"]["chroma"] for x in ing]),
        ("… of which chunk store + keyword index, s",
         [x["build_timings"]["chunkstore_and_keyword"] for x in ing]),
        ("raw `embed_passages` on the same texts, s", [x["raw_encode_s"] for x in ing]),
        ("**index ÷ raw encode**", ratio),
        ("embedding inside the build ÷ raw encode", embed_ratio),
        ("model load (in the process), s", [x["load_s"] for x in ing]),
        ("whole process wall time (imports, load, index, raw encode), s", [x["wall_s"] for x in ing]),
        ("peak RSS of the indexing process, MB", [x["maxrss_mb"] for x in ing]),
    ]
    out = ["## Ingest", "",
           f"The 2019 report ({fx(first['chars'], 0)} characters, {first['chunks']} chunks) indexed from "
           f"scratch into an empty data dir in a fresh process, {len(ing)} times; the raw encode runs in the "
           "same process on exactly the texts the build embeds (context line + chunk), before the build on "
           "odd repeats and after it on even ones, both after a warm-up encode of one batch of those texts. "
           "Peak RSS is the child's own `ru_maxrss` (`os.wait4`).", "",
           "| measure | median / p95 |", "|---|---:|"]
    out += [f"| {name} | {med_p95(xs, 2)} |" for name, xs in rows]
    return out + [""]


def section_startup(r: dict[str, Any]) -> list[str]:
    st = r["http"]["startup"]
    rss = [x["worker_rss_mb"][0] for x in st]
    return ["## Start-up", "",
            f"`rapport {r['http']['command']}` started {len(st)} times as a subprocess; clock from `Popen` "
            "to `/health` "
            "= 200 and to the first answered `/ask`; RSS is `VmRSS` of the serving process after that "
            "answer.", "",
            "| measure | median / p95 |", "|---|---:|",
            f"| process start → `/health` 200, s | {med_p95([x['health_s'] for x in st], 2)} |",
            f"| process start → first answer, s | {med_p95([x['first_answer_s'] for x in st], 2)} |",
            f"| first `/ask` itself, ms | {med_p95([x['first_answer_ms'] for x in st])} |",
            f"| RSS of one API worker, MB | {med_p95(rss, 0)} |",
            f"| RSS per worker of the {r['throughput']['workers']}-worker server after the throughput runs, "
            "MB | "
            f"{med_p95(r['throughput']['worker_rss_mb'], 0)} |", ""]


def _code_line(r: dict[str, Any]) -> str:
    code = r.get("code") or {}
    dirty = code.get("dirty") or []
    extra = f" plus uncommitted changes to {', '.join(f'`{d}`' for d in dirty)} at run time" if dirty else ""
    return f"- Code: commit `{code.get('commit', '?')}`{extra}."


def header(r: dict[str, Any]) -> list[str]:
    m, cfg = r["machine"], r["config"]
    pk = ", ".join(f"{k} {v}" for k, v in m["packages"].items())
    shared = ("**Shared machine:** other engineers' processes used the same 2 cores during this run, so "
              "absolute times are pessimistic and noisier than on a quiet machine; ratios within the run are "
              "the more reliable figures. " if cfg["shared_machine"] else "")
    quick = "**Quick mode** (small sizes, for development; not the reference figures). "
    quick = quick if cfg["quick"] else ""
    return ["# Benchmarks", "",
            "Written by `make bench` (`python -m bench.run`, scripts in `bench/`); do not edit by hand. "
            "Raw results: `bench/results.json`. Quick mode for development: `BENCH_QUICK=1 make bench` "
            "(a few minutes); every size is a `BENCH_*` variable or flag (`python -m bench.run --help`); "
            "the one-off large run: `python -m bench.run --big-only 100` (shown by the next full run).", "",
            f"- Date: {r['date']}; command: `{r['command']}`; run time {fx(r['elapsed_s'] / 60)} min.",
            _code_line(r),
            f"- Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB RAM, {m['os']}, Python "
            f"{m['python']}.",
            f"- Packages: {pk}.",
            f"- Load average (1/5/15 min) at start {', '.join(fx(x, 2) for x in r['load_start'])}, at end "
            f"{', '.join(fx(x, 2) for x in r['load_end'])}.",
            f"- Sizes: {cfg['runs']} passes per latency mode, {cfg['ingest_repeats']} ingest repeats, "
            f"{cfg['startup_repeats']} start-ups, {cfg['tp_repeats']} throughput repeats per client count, "
            f"scale {cfg['scale']}×" + (f" and {cfg['big_scale']}×" if cfg["big_scale"] else "") + ".",
            "- Every figure is a median and a p95 (p99 where asked) over the repeated runs or asks it names; "
            "model: the local multilingual-e5-small folder, one torch thread per process.", "",
            shared + quick, ""]


def render(r: dict[str, Any]) -> str:
    sbs = side_by_side(r)
    parts = [header(r), targets(r, sbs), section_latency(r), section_throughput(r), section_ingest(r),
             section_startup(r), section_scale(r), section_side_by_side(r, sbs), observations(r, sbs)]
    return "\n".join(line for part in parts for line in part).replace("\n\n\n", "\n\n") + "\n"


def observations(r: dict[str, Any], sbs: dict[str, dict[str, Any]]) -> list[str]:
    """What the numbers say, computed from them (no figure here is typed by hand)."""
    inproc = r["inproc"]
    new, cached = asks(inproc["uncached"]), asks(inproc["cached"])
    means = {st: mean([a["stages"].get(st, 0.0) for a in new]) or 0.0 for st in STAGES}
    total = mean([a["ms"] for a in new]) or 1.0
    top = sorted(STAGES, key=lambda st: -means[st])[:2]
    lat = latency_rows(inproc)
    tp = r["throughput"]["levels"]
    rps = {lv["clients"]: statistics.median(x["rps"] for x in lv["runs"]) for lv in tp}
    ing = r["ingest"]
    share_embed = statistics.median(x["build_timings"]["embed"] / x["index_s"] for x in ing)
    mine, plain = sbs["rapport"], baseline_of(sbs)
    cold50, warm50 = statistics.median(lat["cold"]), statistics.median(lat["uncached"])
    out = ["## What the numbers say", "",
           f"- **Where query time goes** (warm, new question): `{top[0]}` {pct(means[top[0]] / total)} and "
           f"`{top[1]}` {pct(means[top[1]] / total)} of the mean {fx(total)} ms. Repeating a question skips "
           f"the model (cached embedding): p50 {fx(statistics.median(lat['uncached']))} → "
           f"{fx(statistics.median(lat['cached']))} ms; what remains is retrieval and answer composition, "
           f"mean {fx(mean([a['ms'] for a in cached]))} ms.",
           f"- **Cold first pass** p50 {fx(cold50)} ms vs warm {fx(warm50)} ms (both embed every "
           "question): " + ("the first questions of a fresh process pay lazy initialisation (model kernels, "
                            "Chroma and caches)." if cold50 > 1.1 * warm50 else
                            "no per-question cold penalty beyond the start-up itself (model and index are "
                            "loaded before the first question)."),
           f"- **Throughput** {', '.join(f'{c} client(s) {fx(v)} req/s' for c, v in rps.items())}, "
           + ("still rising at the highest concurrency: with one client a worker waits on the client's round "
              "trip, with more both workers stay busy; latency rises with the queue."
              if list(rps.values())[-1] > 1.1 * max(list(rps.values())[:-1], default=0) else
              "flat or falling at the highest concurrency: both cores are busy (clients included), so more "
              "clients raise latency rather than throughput."),
           f"- **Ingest** is the embedding model: {pct(share_embed)} of the build time; parsing, facts, the "
           "keyword index and the stores are the rest.",
           f"- **Side by side**: rapport-qa recall@5 {pct(mine['recall@5'])} citing a median "
           f"{fx(mine['cited_chars'], 0)} characters vs the plain pipeline's {pct(plain['recall@5'])} with "
           f"{fx(plain['cited_chars'], 0)}; at an equal budget of {mine['budget']} characters the plain "
           "pipeline "
           f"reaches {pct(plain['recall@budget'])}. The plain pipeline never abstains and gives no answer "
           "text, so its value accuracy is 0 by construction; the 'values in the top-5 texts' row shows "
           "what a "
           "reader of its sources could find."]
    probe = inproc.get("vector_probe")
    if probe:
        exact = statistics.median(probe["service"])
        llama = statistics.median(probe["llama_chroma"])
        bare = statistics.median(probe["chroma_ids_only"])
        rest = {k: mean([a["stages"].get(k, 0.0) for a in cached]) or 0.0 for k in STAGES
                if k != "query_embedding"}
        biggest = max(rest, key=lambda k: rest[k])
        out.append(
            "- **Vector search**: the service searches an in-memory copy of the generation's vectors read "
            f"from Chroma when the generation is opened ({fx(exact, 3)} ms p50, exact); the same query "
            f"through LlamaIndex's `ChromaVectorStore` takes {fx(llama, 2)} ms and a bare Chroma query "
            f"{fx(bare, 2)} ms. After the model, the largest stage is now `{biggest}` "
            f"({fx(rest[biggest], 2)} ms mean for a repeated question); a new question stays bounded by "
            "the query embedding (one torch thread).")
    return out + [""]
