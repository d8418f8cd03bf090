"""Building, replacing and serving index generations with the real model and real Chroma."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from corpus.types import Chunk, Project, Report, Section, SectionKind, SectionType, Sentence, Span
from index import chroma_store
from index.build import IndexBuilder, ReportInput
from index.errors import DuplicateReportId, IndexBusy, IndexVersionMismatch, NoIndex, ReportNotIndexed
from index.generations import WriterLock, current_generation, generations_root
from index.manifest import MANIFEST_NAME, SCHEMA_VERSION
from index.store import IndexReader

pytestmark = [pytest.mark.integration, pytest.mark.slow]

Sections = list[tuple[str, SectionType, list[str]]]

REPORT_A: dict[str, Sections] = {
    "Stadsodling i Norr": [
        ("Projektfakta", SectionType.FACTS, ["Projektet finansieras av ERUF med 2 400 000 kronor."]),
        ("Utmaningar", SectionType.CHALLENGES,
         ["Det var svårt att rekrytera deltagare under vintern.",
          "Samverkan med fastighetsägarna tog längre tid än planerat."]),
    ],
    "Digitalt lärande": [
        ("Framgångsfaktorer", SectionType.SUCCESS_FACTORS,
         ["Yrkesutbildning på distans gav fler deltagare arbete."]),
    ],
}
REPORT_B: dict[str, Sections] = {
    "Gröna jobb": [
        ("Status", SectionType.STATUS,
         ["Projektet avslutades i december och 40 deltagare fick jobb efter utbildning."]),
        ("Utmaningar", SectionType.CHALLENGES, ["Handledarutbildningen blev försenad."]),
    ],
}


def make_report(report_id: str, year: int, projects: dict[str, Sections]) -> ReportInput:
    """A hand-made parsed report: one chunk per paragraph, spans into the joined text."""
    parts: list[str] = [f"Årsrapport {year}"]
    chunks: list[Chunk] = []
    sections: list[Section] = []
    project_objs: list[Project] = []
    for project, subsections in projects.items():
        p_start = sum(len(p) + 2 for p in parts)
        parts.append(project)
        project_objs.append(Project(project, Span(p_start, p_start + len(project))))
        children = []
        for title, stype, paragraphs in subsections:
            path = (project, title)
            s_start = sum(len(p) + 2 for p in parts)
            parts.append(title)
            for para in paragraphs:
                start = sum(len(p) + 2 for p in parts)
                parts.append(para)
                end = start + len(para)
                chunks.append(Chunk(Chunk.make_id(report_id, path, para), report_id, project, title, stype,
                                    path, start, end, para, (Sentence(start, end),)))
            body_end = sum(len(p) + 2 for p in parts) - 2
            children.append(Section(title, SectionKind.SUBSECTION, stype, Span(s_start, s_start + len(title)),
                                    Span(s_start, body_end), path, project))
        body_end = sum(len(p) + 2 for p in parts) - 2
        sections.append(Section(project, SectionKind.PROJECT, SectionType.BACKGROUND,
                                Span(p_start, p_start + len(project)), Span(p_start, body_end),
                                (project,), project, children))
    text = "\n\n".join(parts)
    for c in chunks:
        assert text[c.start:c.end] == c.text
    report = Report(report_id, f"Årsrapport {year}", year, text, sections, project_objs)
    facts = {"projects": sorted(projects)}
    return ReportInput(report, chunks, facts, [{"field": "amount", "year": year}],
                       {p: {"fund": "ERUF"} for p in projects})


def edited(sections: dict[str, Sections], old: str, new: str) -> dict[str, Sections]:
    """A copy of ``sections`` with one paragraph replaced."""
    return {
        project: [(t, st, [new if p == old else p for p in paras]) for t, st, paras in subs]
        for project, subs in sections.items()
    }


@pytest.fixture(params=["embedded", "server"])
def chroma_url(request: pytest.FixtureRequest) -> str | None:
    """Every build test runs against the embedded store and against a Chroma server."""
    if request.param == "embedded":
        return None
    return str(request.getfixturevalue("chroma_server"))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def builder(data_dir: Path, embedder: Any, chroma_url: str | None) -> IndexBuilder:
    return IndexBuilder(data_dir, embedder, chroma_url=chroma_url)


@pytest.fixture
def built(builder: IndexBuilder) -> IndexBuilder:
    builder.add_reports([make_report("rapport_a", 2020, REPORT_A), make_report("rapport_b", 2021, REPORT_B)])
    return builder


def search_fingerprint(reader: IndexReader, embedder: Any) -> list[Any]:
    queries = ["Vilka utmaningar fanns med rekrytering?", "Hur mycket pengar fick projektet?",
               "utbildning", "samverkan"]
    out: list[Any] = []
    for q in queries:
        out.append([cid for cid, _ in reader.vector_search(embedder.embed_query(q), 3)])
        out.append(reader.keyword_search(q, 3))
    return out


def test_first_build_serves_all_reports(built: IndexBuilder, data_dir: Path, embedder: Any) -> None:
    reader = IndexReader.open(data_dir, embedder.model_id)
    manifest = reader.manifest
    assert manifest.schema_version == SCHEMA_VERSION and manifest.model_id == embedder.model_id
    assert manifest.dimension == embedder.dimension and manifest.chunk_count == 6
    assert {(r.id, r.year, r.chunks) for r in manifest.reports} == {
        ("rapport_a", 2020, 4), ("rapport_b", 2021, 2)}
    assert set(manifest.checksums) >= {"chunks.sqlite", "keyword/keyword.json"}
    assert [r["id"] for r in reader.reports()] == ["rapport_a", "rapport_b"]
    hits = reader.vector_search(embedder.embed_query("Hur många deltagare fick jobb i Gröna jobb?"), 2)
    top = reader.chunk(hits[0][0])
    assert top is not None and top.project == "Gröna jobb" and 0.5 < hits[0][1] <= 1.0001
    rid_hits = reader.vector_search(embedder.embed_query("deltagare"), 10, where={"report_id": "rapport_b"})
    assert {reader.chunk(c).report_id for c, _ in rid_hits} == {"rapport_b"}  # type: ignore[union-attr]
    # "utbildning" occurs on its own in the corpus, so it reaches both compounds too.
    kw = {reader.chunk(c).text for c, _ in reader.keyword_search("utbildningen", 5)}  # type: ignore[union-attr]
    assert kw == {"Yrkesutbildning på distans gav fler deltagare arbete.",
                  "Handledarutbildningen blev försenad.",
                  "Projektet avslutades i december och 40 deltagare fick jobb efter utbildning."}
    report = reader.report("rapport_a")
    assert report is not None and reader.report_text("rapport_a") == report.text
    assert [s.title for s in report.sections] == ["Stadsodling i Norr", "Digitalt lärande"]
    assert reader.facts_json("rapport_a") == {"projects": ["Digitalt lärande", "Stadsodling i Norr"]}
    assert reader.figures_json("rapport_b") == [{"field": "amount", "year": 2021}]
    nodes = reader.vector_store.get_nodes(node_ids=[hits[0][0]])
    assert nodes[0].metadata["fund"] == "ERUF" and nodes[0].metadata["section_type"] == "status"


def test_unchanged_rebuild_embeds_nothing(built: IndexBuilder, data_dir: Path) -> None:
    before = current_generation(data_dir)
    result = built.add_reports([make_report("rapport_a", 2020, REPORT_A)])
    assert (result.embedded, result.reused, result.switched) == (0, 4, False)
    assert current_generation(data_dir) == before


def test_changed_report_embeds_only_its_changed_chunks(
    built: IndexBuilder, data_dir: Path, embedder: Any
) -> None:
    old_reader = IndexReader.open(data_dir, embedder.model_id)
    b_before = old_reader.reports()[1]
    new_para = "Yrkesutbildning på distans gav 25 deltagare arbete."
    changed = edited(REPORT_A, "Yrkesutbildning på distans gav fler deltagare arbete.", new_para)
    result = built.add_reports([make_report("rapport_a", 2020, changed)])
    assert (result.embedded, result.reused, result.chunk_count) == (1, 5, 6)
    assert result.reports_kept == ["rapport_b"]
    reader = IndexReader.open(data_dir, embedder.model_id)
    assert reader.reports()[1] == b_before  # the other report is copied forward untouched
    assert new_para in {c.text for c in reader.all_chunks()}


def test_report_is_replaced_as_a_whole(built: IndexBuilder, data_dir: Path, embedder: Any) -> None:
    smaller = {"Stadsodling i Norr": [("Status", SectionType.STATUS, ["Odlingarna skördades i september."])]}
    built.add_reports([make_report("rapport_a", 2020, smaller)])
    reader = IndexReader.open(data_dir, embedder.model_id)
    a_chunks = [c for c in reader.all_chunks() if c.report_id == "rapport_a"]
    assert [c.text for c in a_chunks] == ["Odlingarna skördades i september."]
    ids = {c.id for c in reader.all_chunks()}
    assert {cid for cid, _ in reader.vector_search(embedder.embed_query("ERUF"), 10)} == ids
    assert reader.keyword_search("rekrytera vintern", 5) == []
    assert reader.manifest.chunk_count == 3


def test_remove_report(built: IndexBuilder, data_dir: Path, embedder: Any) -> None:
    result = built.remove_reports(["rapport_b"])
    assert result.reports_removed == ["rapport_b"] and result.embedded == 0
    reader = IndexReader.open(data_dir, embedder.model_id)
    assert [r["id"] for r in reader.reports()] == ["rapport_a"]
    assert all(c.report_id == "rapport_a" for c in reader.all_chunks())
    query = embedder.embed_query("Gröna jobb")
    assert reader.vector_search(query, 10, where={"report_id": "rapport_b"}) == []
    assert reader.report_years() == {"rapport_a": 2020}
    with pytest.raises(ReportNotIndexed):
        built.remove_reports(["rapport_b"])
    with pytest.raises(ValueError, match="last one"):
        built.remove_reports(["rapport_a"])
    assert IndexReader.open(data_dir, embedder.model_id).generation == reader.generation


def test_duplicate_ids_in_one_call_are_refused(built: IndexBuilder, data_dir: Path) -> None:
    before = current_generation(data_dir)
    with pytest.raises(DuplicateReportId, match="rapport_a"):
        built.add_reports([make_report("rapport_a", 2020, REPORT_A),
                           make_report("rapport_a", 2021, REPORT_B)])
    assert current_generation(data_dir) == before


def test_crash_before_switch_keeps_serving_and_next_build_cleans_up(
    built: IndexBuilder, data_dir: Path, embedder: Any
) -> None:
    reader = IndexReader.open(data_dir, embedder.model_id)
    before = (reader.generation, search_fingerprint(reader, embedder))

    def crash(gen_dir: Path) -> None:
        assert (gen_dir / MANIFEST_NAME).is_file()  # vectors, keyword index and manifest are written
        raise RuntimeError("simulated crash")

    crashing = IndexBuilder(data_dir, embedder, chroma_url=built.chroma_url, before_switch=crash)
    with pytest.raises(RuntimeError, match="simulated crash"):
        changed = edited(REPORT_B, "Handledarutbildningen blev försenad.", "Handledarutbildningen blev klar.")
        crashing.add_reports([make_report("rapport_b", 2021, changed)])
    crashed = {p.name for p in generations_root(data_dir).iterdir()} - {before[0]}
    # A second kind of leftover: a generation killed before its manifest was written.
    (generations_root(data_dir) / "20000101T000000000000-dead00").mkdir()
    assert len(list(generations_root(data_dir).iterdir())) == 3
    again = IndexReader.open(data_dir, embedder.model_id)
    assert (again.generation, search_fingerprint(again, embedder)) == before
    assert reader.reload_if_changed() is False

    result = built.add_reports([make_report("rapport_c", 2022, {"Nytt": [("Status", SectionType.STATUS,
                                                                         ["Allt gick enligt plan."])]})])
    names = {p.name for p in generations_root(data_dir).iterdir()}
    assert names == {before[0], result.generation}
    if built.chroma_url is not None:  # the crashed generation's collection is gone from the server too
        client = chroma_store.open_client(chroma_store.ChromaLocation(url=built.chroma_url))
        ours = {c if isinstance(c, str) else c.name for c in client.list_collections()}
        assert {chroma_store.collection_name(n) for n in names} <= ours
        assert not ours & {chroma_store.collection_name(n) for n in crashed}


def test_reopening_gives_identical_results_and_reload_switches(
    built: IndexBuilder, data_dir: Path, embedder: Any
) -> None:
    first = IndexReader.open(data_dir, embedder.model_id)
    assert search_fingerprint(IndexReader.open(data_dir, embedder.model_id), embedder) == search_fingerprint(
        first, embedder)
    old_snapshot = first.snapshot()
    built.add_reports([make_report("rapport_c", 2022, {"Nytt": [("Status", SectionType.STATUS,
                                                                 ["Allt gick enligt plan."])]})])
    assert first.reload_if_changed() is True
    assert "rapport_c" in [r["id"] for r in first.reports()]
    # A request that holds the old snapshot finishes on the old generation.
    assert "rapport_c" not in old_snapshot.report_ids()
    assert old_snapshot.keyword_search("utbildning", 5)


def test_manifest_mismatch_is_refused(built: IndexBuilder, data_dir: Path, embedder: Any) -> None:
    with pytest.raises(IndexVersionMismatch) as info:
        IndexReader.open(data_dir, "some-other-model")
    assert info.value.code == "index_version_mismatch"
    gen = current_generation(data_dir)
    assert gen is not None
    path = generations_root(data_dir) / gen / MANIFEST_NAME
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(data | {"schema_version": SCHEMA_VERSION + 1}), encoding="utf-8")
    with pytest.raises(IndexVersionMismatch):
        IndexReader.open(data_dir, embedder.model_id)


def test_no_index_and_busy_writer(data_dir: Path, builder: IndexBuilder) -> None:
    with pytest.raises(NoIndex):
        IndexReader.open(data_dir, "any")
    with WriterLock(data_dir), pytest.raises(IndexBusy):
        builder.add_reports([make_report("rapport_a", 2020, REPORT_A)])
    assert current_generation(data_dir) is None


def test_facts_a_wording_trips_up_are_left_out_not_the_report(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import corpus.figures
    from corpus.reading import parse_report
    from index.pipeline import facts_payload

    def broken(*args: object) -> None:
        raise ValueError("a wording nobody foresaw")

    monkeypatch.setattr(corpus.figures, "extract_figures", broken)
    text = "Rapport 2030\n\nAlfa\n\nProjektfakta\n\nAlfa ägs av X.\n\nUtmaningar\n\nTid.\n"
    payload = facts_payload(parse_report("r", text))
    assert [p["name"] for p in payload["projects"]] == ["Alfa"]
    assert payload["facts"] == [] and payload["figures"] == []
    assert "facts not read" in caplog.text
