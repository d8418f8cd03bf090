"""``.docx`` and ``.pdf`` reports: structure kept, PDF pages mapped onto chunks, and
corrupt or hostile files refused with a ``ReportReadError`` that names the file."""

from __future__ import annotations

import random
import re
import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from docgen import make_docx, make_pdf, make_zip_bomb

from corpus.chunking import chunk_report
from corpus.errors import ReportReadError
from corpus.formats import check_zip_container, docx_text, page_starts, pdf_pages
from corpus.reading import parse_report, read_report, report_from_bytes

pytestmark = pytest.mark.unit

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
LINES_PER_PAGE = 22


def _words(text: str) -> int:
    return len(text.split())


def _md_blocks(md: str) -> list[tuple[str, object]]:
    """The markdown fixture as Word blocks: ``#`` lines as headings, ``- `` as bullets."""
    blocks: list[tuple[str, object]] = []
    for line in md.replace("*", "").splitlines():
        line = line.strip()
        if not line:
            continue
        m = re.match(r"^(#+)\s+(.*)$", line)
        if m:
            blocks.append((f"heading{len(m.group(1))}", m.group(2)))
        elif line.startswith("- "):
            blocks.append(("bullet", line[2:]))
        else:
            blocks.append(("p", line))
    return blocks


def test_docx_headings_bullets_and_tables_become_markdown_lines() -> None:
    data = make_docx([
        ("title", "Rapport 2020 – Plattformen"),
        ("heading2", "Bakgrund"),
        ("p", "Plattformen   samlar projekten."),
        ("bullet", "Första punkten."),
        ("table", [["Projekt", "Budget"], ["Alfa", "1 000 kr"]]),
    ])
    text = docx_text(data, "r.docx")
    assert text.split("\n\n") == [
        "# Rapport 2020 – Plattformen",
        "## Bakgrund",
        "Plattformen samlar projekten.",
        "- Första punkten.",
        "Projekt\tBudget\nAlfa\t1 000 kr",
    ]


def test_docx_projects_named_in_large_bold_type_or_the_title_style_are_headings() -> None:
    # Projects named by a bold 16 pt paragraph or by the Title style under a "Projekten"
    # chapter: before, they were plain lines (or chapters, for the Title style).
    data = make_docx([
        ("title", "Lägesrapport 2031"),
        ("heading1", "3 Projekten"),
        ("bold16", "Alfa Norr"),
        ("bold", "Så långt har vi kommit"),
        ("p", "Projektet har 40 deltagare."),
        ("title", "Beta – vägen in"),
        ("p", "Beta startade 2030."),
        ("bold16", "Det här är en lång mening i fetstil som slutar med punkt."),
    ])
    assert docx_text(data, "r.docx").split("\n\n") == [
        "# Lägesrapport 2031",
        "# 3 Projekten",
        "## Alfa Norr",
        "Så långt har vi kommit",
        "Projektet har 40 deltagare.",
        "## Beta – vägen in",
        "Beta startade 2030.",
        "Det här är en lång mening i fetstil som slutar med punkt.",
    ]


def test_docx_bold_run_in_titles_type_a_projects_parts_but_fact_labels_stay_facts() -> None:
    # A Word report in one style only: before, "Hinder:" paragraphs were the project's text and
    # the label lines, once run-in titles were read, became subsections of their own.
    data = make_docx([
        ("bold16", "4. Projekten"),
        ("bold16", "Projekt 1: Alfa Norr"),
        ("lead", ("Projektägare:", "Arbetsmarknadsförvaltningen")),
        ("lead", ("Budget:", "14 600 tkr, varav 8 760 tkr från ESF+")),
        ("lead", ("Läget:", "Projektet har 40 deltagare. Det går bra.")),
        ("lead", ("Det som fungerar:", "Coacherna finns där de unga är.")),
        ("lead", ("Hinder:", "Arbetsförmedlingen omorganiserades.")),
        ("bold16", "Projekt 2: Beta Syd"),
        ("lead", ("Läget:", "Beta har startat.")),
        ("lead", ("Problem:", "Lokalerna är för små.")),
    ])
    assert "**Hinder:** Arbetsförmedlingen omorganiserades." in docx_text(data, "r.docx").split("\n\n")
    report = report_from_bytes(data, "r.docx")
    alfa = next(s for s in report.all_sections() if s.title == "Alfa Norr")
    assert [(c.title, c.section_type.value) for c in alfa.children] == [
        ("Läget", "status"), ("Det som fungerar", "success_factors"), ("Hinder", "challenges"),
    ]


def test_docx_report_parses_to_the_same_tree_as_its_markdown() -> None:
    md = (FIXTURES / "rapport_2022.md").read_text(encoding="utf-8")
    from_md = parse_report("rapport_2022", md.replace("*", ""))
    from_docx = report_from_bytes(make_docx(_md_blocks(md)), "rapport_2022.docx")
    assert from_docx.id == "rapport_2022" and from_docx.source_name == "rapport_2022.docx"
    assert [s.title for s in from_docx.all_sections()] == [s.title for s in from_md.all_sections()]
    assert [p.name for p in from_docx.projects] == [p.name for p in from_md.projects]
    assert len(from_docx.projects) >= 3
    assert (from_docx.title, from_docx.year) == (from_md.title, from_md.year) and from_docx.year == 2022
    assert from_docx.page_starts == ()


def _paged(lines: list[str]) -> list[list[str]]:
    """The report's lines cut into pages, each with a running footer the parser removes."""
    pages = [lines[i : i + LINES_PER_PAGE] for i in range(0, len(lines), LINES_PER_PAGE)]
    return [page + ["", f"Sida {n} ({len(pages)})"] for n, page in enumerate(pages, start=1)]


def _pdf_report(tmp_path: Path) -> tuple[Path, list[list[str]]]:
    lines = (FIXTURES / "rapport_2021.txt").read_text(encoding="utf-8").splitlines()
    pages = _paged(lines)
    path = tmp_path / "rapport_2021.pdf"
    path.write_bytes(make_pdf(pages))
    return path, pages


def _page_of(snippet: str, pages: list[list[str]]) -> int | None:
    """The one page whose source lines contain ``snippet`` (None when not exactly one)."""
    hits = [n for n, page in enumerate(pages, start=1) if snippet in " ".join(" ".join(page).split())]
    return hits[0] if len(hits) == 1 else None


def test_pdf_pages_are_mapped_onto_the_normalised_text_and_chunks(tmp_path: Path) -> None:
    path, pages = _pdf_report(tmp_path)
    report = read_report(path)
    assert report.id == "rapport_2021" and report.year == 2021
    assert len(report.page_starts) == len(pages) >= 5
    assert list(report.page_starts) == sorted(report.page_starts)
    assert "Sida 3" not in report.text  # footers are gone, pages are still known
    assert len(report.projects) >= 3
    chunks = chunk_report(report, _words)
    checked = 0
    for chunk in chunks:
        snippet = " ".join(chunk.text.split())[:60]
        expected = _page_of(snippet, pages)
        if expected is not None:
            assert chunk.page == expected, (chunk.id, snippet)
            checked += 1
    assert checked >= len(chunks) * 0.8 and len({c.page for c in chunks}) >= len(pages) - 2


def test_same_text_as_txt_and_as_pdf_differ_only_in_pages(tmp_path: Path) -> None:
    path, _ = _pdf_report(tmp_path)
    from_pdf = read_report(path)
    lines = (FIXTURES / "rapport_2021.txt").read_text(encoding="utf-8").splitlines()
    plain = parse_report("rapport_2021", "\n".join(line for page in _paged(lines) for line in page))
    assert [p.name for p in from_pdf.projects] == [p.name for p in plain.projects]


def test_page_starts_skips_removed_pages_and_footers() -> None:
    pages = ["Innehåll\nBakgrund ..... 2", "Bakgrund\nFörsta sidans text.\n1 | Org | Rapport",
             "Andra sidans text fortsätter.\n2 | Org | Rapport"]
    normalised = "Bakgrund\nFörsta sidans text.\n\nAndra sidans text fortsätter."
    starts = page_starts(normalised, pages)
    assert starts == (0, 0, normalised.index("Andra"))


@pytest.mark.parametrize(
    ("name", "data", "fragment"),
    [
        ("trasig.pdf", make_pdf([["Rapport 2020", "Text."]])[:300], "avkortad"),
        ("brus.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 20 + b"\n%%EOF\n", "skadad"),
        ("inte.pdf", b"just some text pretending\n%%EOF", "inte en giltig PDF"),
        ("tom.pdf", make_pdf([[], []]), "ingen text"),
        ("inte-zip.docx", b"PK\x03\x04 not really a zip" * 50, "inte ett giltigt Word-dokument"),
        ("bomb.docx", make_zip_bomb(), "orimligt mycket"),
        ("binar.txt", random.Random(1).randbytes(4000), "binära data"),
        ("tom.docx", b"", "tom"),
    ],
)
def test_corrupt_files_are_refused_naming_the_file(name: str, data: bytes, fragment: str) -> None:
    with pytest.raises(ReportReadError) as info:
        report_from_bytes(data, name)
    assert fragment in info.value.user_message and name in info.value.user_message
    assert name in info.value.message


def test_zip_without_a_word_document_is_refused() -> None:
    out = BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("hello.txt", "hej")
    with pytest.raises(ReportReadError, match="docx"):
        docx_text(out.getvalue(), "annan.docx")


def test_zip_with_too_many_members_is_refused() -> None:
    out = BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for i in range(2001):
            zf.writestr(f"m{i}.xml", "x")
    with pytest.raises(ReportReadError, match="members"):
        check_zip_container(out.getvalue(), "många.docx")


def test_damaged_pdfs_raise_only_report_read_errors() -> None:
    good = make_pdf([["Rapport 2020", "Bakgrund", "Text om projektet."], ["Mer text."]])
    rng = random.Random(7)
    outcomes = set()
    for _ in range(60):
        data = bytearray(good)
        for _ in range(rng.randint(1, 12)):
            data[rng.randrange(10, len(data) - 8)] = rng.randrange(256)
        try:
            pdf_pages(bytes(data), "skadad.pdf")
            outcomes.add("read")
        except ReportReadError:
            outcomes.add("refused")
    assert "refused" in outcomes


def test_folder_scan_takes_every_report_type_and_skips_lock_files(tmp_path: Path) -> None:
    from index.pipeline import find_report_files

    for name in ("a.txt", "b.md", "c.docx", "d.pdf", "~$c.docx", ".e.txt", "f.odt"):
        (tmp_path / name).write_bytes(b"x")
    assert [p.name for p in find_report_files([tmp_path])] == ["a.txt", "b.md", "c.docx", "d.pdf"]


def test_a_justified_pdf_line_is_prose_and_a_table_row_keeps_its_columns() -> None:
    """Layout mode spreads a justified line word by word; that is no table row."""
    from corpus.pdf_layout import columns_or_words

    spread = "Ansvaret    för    att    samordna    kommunens    EU-projekt    ligger    hos"
    assert columns_or_words(spread) == " ".join(spread.split())
    assert columns_or_words("Antal deltagare     360     298") == "Antal deltagare\t360\t298"
    assert columns_or_words("Deltagare    360    298    83 %    12") == "Deltagare\t360\t298\t83 %\t12"
