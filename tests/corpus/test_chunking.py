"""Chunks: inside one section, sentence-aligned, sized, and covering the body text exactly once."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus.chunking import chunk_report
from corpus.errors import ReportReadError
from corpus.inspect import chunks_as_json_lines, format_tree
from corpus.normalise import normalise
from corpus.reading import parse_report, read_report
from corpus.types import Chunk, Report

pytestmark = pytest.mark.unit

REPO = Path(__file__).resolve().parents[2]
REPORT_2019 = REPO / "corpus" / "reports" / "rapport_2019.txt"
MODEL_DIR = REPO / "models" / "multilingual-e5-small"


def words_x2(text: str) -> int:
    return len(text.split()) * 2


def assert_exact_cover(report: Report, chunks: list[Chunk]) -> None:
    """Every non-space character outside heading lines is in exactly one chunk, in order."""
    headings = [s.heading for s in report.all_sections() if s.heading is not None]
    in_heading = bytearray(len(report.text))
    for h in headings:
        in_heading[h.start : h.end] = b"\x01" * (h.end - h.start)
    body = "".join(c for i, c in enumerate(report.text) if not in_heading[i] and not c.isspace())
    covered = "".join("".join(c.text.split()) for c in chunks)
    assert covered == body
    for a, b in zip(chunks, chunks[1:], strict=False):
        assert a.end <= b.start
    for c in chunks:
        assert report.text[c.start : c.end] == c.text
        assert not any(in_heading[c.start : c.end])
        assert c.sentences[0].start == c.start and c.sentences[-1].end == c.end


@pytest.fixture(scope="module")
def report_2019() -> Report:
    return read_report(REPORT_2019)


def test_2019_chunks_cover_body_and_respect_sections(report_2019: Report) -> None:
    chunks = chunk_report(report_2019, words_x2)
    assert_exact_cover(report_2019, chunks)
    assert all(words_x2(c.text) <= 480 for c in chunks)
    sections = {s.heading_path: s for s in report_2019.all_sections()}
    for c in chunks:
        section = sections[c.heading_path]
        assert section.body.start <= c.start and c.end <= section.body.end
        assert (c.project, c.section_title, c.section_type) == (
            section.project,
            section.title,
            section.section_type,
        )
        assert c.id == Chunk.make_id(c.report_id, c.heading_path, c.text)
    assert len({c.id for c in chunks}) == len(chunks)


def test_2019_bullets_stay_whole(report_2019: Report) -> None:
    chunks = chunk_report(report_2019, words_x2, target=40, max_tokens=480)
    for c in chunks:
        for s in c.sentences:
            line_start = report_2019.text.rfind("\n", 0, s.start) + 1
            if report_2019.text[line_start:].startswith("- "):
                assert s.start == line_start and report_2019.text[s.end : s.end + 1] in ("\n", "")


def test_small_target_respects_max_and_splits_overlong_sentences() -> None:
    long_sentence = "Projektet " + ", ".join(f"ord{i} och mer" for i in range(200)) + "."
    report = parse_report("r", f"Rubrik 2020\n\nBakgrund\n\nKort mening.\n\n{long_sentence}\n")
    chunks = chunk_report(report, words_x2, target=50, max_tokens=80)
    assert_exact_cover(report, chunks)
    assert all(words_x2(c.text) <= 80 for c in chunks)
    assert len(chunks) > 5


def test_tiny_tail_merges_into_previous_chunk() -> None:
    text = "Titel 2020\n\nBakgrund\n\n" + " ".join(["Det här är en mening med flera ord."] * 12) + " Slut."
    report = parse_report("r", text)
    chunks = chunk_report(report, words_x2, target=100, max_tokens=200)
    body_chunks = [c for c in chunks if c.section_title == "Bakgrund"]
    assert body_chunks[-1].text.endswith("Slut.") and words_x2(body_chunks[-1].text) > 4


def test_bad_sizes_are_refused(report_2019: Report) -> None:
    with pytest.raises(ValueError, match="target"):
        chunk_report(report_2019, words_x2, target=500, max_tokens=480)


def test_inspection_views(report_2019: Report) -> None:
    chunks = chunk_report(report_2019, words_x2)
    tree = format_tree(report_2019, chunks)
    assert "[project] TAMU Malmö (avslutat 2019)" in tree
    assert "[subsection] Slutresultat — status, 1 chunk" in tree
    assert "[subproject] Case Sofielund 2030" in tree
    lines = list(chunks_as_json_lines(chunks))
    assert len(lines) == len(chunks) and '"section_type": "facts"' in "".join(lines)


_WORDS = st.sampled_from(
    [
        "projektet",
        "deltagare",
        "målet",
        "Malmö",
        "t.ex.",
        "bl.a.",
        "ca",
        "12,2",
        "Mkr",
        "2019-02-28",
        "kr.",
        "arbete",
        "och",
        "i",
        "på",
        "för",
        "*ESF*",
        "(ERUF)",
        "s.k.",
        "nr",
        "3",
        "samverkan",
    ]
)
_SENTENCE = st.builds(
    lambda first, rest, end: " ".join([first.capitalize(), *rest]) + end,
    _WORDS,
    st.lists(_WORDS, max_size=25),
    st.sampled_from([".", "!", "?", "", ":"]),
)
_BLOCK = st.one_of(
    st.lists(_SENTENCE, min_size=1, max_size=6).map(" ".join),
    st.lists(_SENTENCE, min_size=1, max_size=4).map(lambda xs: "\n".join("- " + x for x in xs)),
    st.sampled_from(
        [
            "Projektfakta",
            "Aktuellt läge",
            "Framgångsfaktorer",
            "Utmaningar och lärdomar",
            "Bakgrund",
            "Sammanfattning",
            "Projekt Alfa – avslutat 2019",
            "Målgrupp 1.1",
            "## Beta",
            "### Projektfakta",
            "2.1 Gamma",
            "Innehållsförteckning",
            "Bakgrund\t3",
            "7 | Förvaltningen | Rapport",
            "Namn\tFond\t12 Mkr",
            "   ",
            "\u00a0",
        ]
    ),
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_BLOCK, min_size=1, max_size=25), st.sampled_from(["\n\n", "\n", "\n\n\n"]))
def test_any_swedish_like_text_parses_and_chunks_exactly(blocks: list[str], sep: str) -> None:
    text = sep.join(blocks)
    if not text.strip():
        return
    if not normalise(text).text.strip():
        # Nothing but a contents heading or page furniture: refused, with a reason to show.
        with pytest.raises(ReportReadError) as refused:
            parse_report("h", text)
        assert refused.value.user_message
        return
    report = parse_report("h", text)
    chunks = chunk_report(report, words_x2, target=60, max_tokens=100)
    assert_exact_cover(report, chunks)
    assert all(words_x2(c.text) <= 100 for c in chunks)


@pytest.mark.integration
@pytest.mark.skipif(not (MODEL_DIR / "tokenizer.json").exists(), reason="embedding model not prepared")
def test_2019_with_the_real_tokenizer(report_2019: Report) -> None:
    from index.embedder import load_tokenizer_counter

    count = load_tokenizer_counter(MODEL_DIR)
    chunks = chunk_report(report_2019, count)
    assert_exact_cover(report_2019, chunks)
    sizes = [count(c.text) for c in chunks]
    assert max(sizes) <= 480
    big = [s for s in sizes if s >= 150]
    assert len(big) >= len(sizes) // 2


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_text_parses_or_fails_clearly(text: str) -> None:
    try:
        report = parse_report("x", text)
    except ReportReadError as exc:
        assert exc.user_message
        return
    assert report.sections
    assert_exact_cover(report, chunk_report(report, words_x2, target=30, max_tokens=60))


def test_a_full_chunk_closes_before_a_sub_heading_not_inside_a_paragraph() -> None:
    """A group's results section with a sub-heading per sub-project: the chunk that fills
    up ends before the last sub-heading, so that sub-project's goal and result sentences
    stay in one chunk (greedy packing would cut between them)."""
    filler = " ".join(["Projektet har arbetat med rådgivning och nätverk i området."] * 4)
    text = (
        "Rapport 2030\n\nProjekten\n\nCase Norr\n\nProjektfakta\n\nCase Norr ägs av X.\n\n"
        "Aktuellt läge och resultat\n\n"
        f"Case Norr Del A\n\n{filler}\n\n"
        "Case Norr Del B\n\nMålet är att 500 hushåll ska nås. Hittills har 210 hushåll nåtts.\n"
    )
    report = parse_report("r", text)
    chunks = chunk_report(report, words_x2, target=100, max_tokens=160)
    assert_exact_cover(report, chunks)
    status = [c for c in chunks if c.section_title.startswith("Aktuellt")]
    assert len(status) == 2
    assert status[1].text.startswith("Case Norr Del B")
    assert "Målet är att 500 hushåll ska nås. Hittills har 210 hushåll nåtts." in status[1].text
