"""The held-out report (tests/fixtures/heldout/, written blind by a separate author to
measure generalisation, see docs/evaluation.md): its layout must parse as a reader sees it
— running footers with the year before the page number gone, every project found."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.budget_table import extract_stated_totals
from corpus.facts import extract_project_facts
from corpus.reading import read_report

pytestmark = pytest.mark.unit

REPORT = read_report(Path(__file__).resolve().parents[1] / "fixtures" / "heldout" / "rapport_vagar_2020.txt")


def test_no_footer_survives_and_every_project_is_found() -> None:
    assert "Sida " not in REPORT.text
    assert REPORT.year == 2020
    names = {p.name for p in REPORT.projects}
    assert {"Snabbspår Vård", "Ung Framtid Uppsala", "Föräldrakraft", "Kompetenslyftet Gröna Jobb",
            "Innovationsslussen Uppsala", "Case Gottsunda"} <= names
    parts = {p.name for p in REPORT.projects if p.parent == "Case Gottsunda"}
    assert len(parts) == 3
    assert not any(n.startswith("Rapport 2020") for n in names)


def test_facts_of_the_sub_projects_and_an_approximate_budget() -> None:
    facts = {f.project: f for f in extract_project_facts(REPORT)}
    entre = facts["Case Gottsunda Entreprenörskap"]
    assert [m.value for m in entre.managers] == ["Yusuf Demir"]
    assert entre.total_budget is not None and entre.total_budget.value == 13_800_000
    assert "ca 13,8 Mkr" in REPORT.text[entre.total_budget.span.start : entre.total_budget.span.end]


def test_second_held_out_report_in_markdown_with_mixed_subsection_markup() -> None:
    """tests/fixtures/heldout2/: markdown where some projects mark subsections with
    ``####`` and others with bold lines; every project must be found."""
    path = Path(__file__).resolve().parents[1] / "fixtures" / "heldout2" / "rapport_nordost_2021.md"
    report = read_report(path)
    assert report.year == 2021
    assert len(report.projects) == 7
    names = {p.name for p in report.projects}
    assert "Jobbspåret Nordost" in names and "Företagslyft Nordost" in names


HELDOUT3 = Path(__file__).resolve().parents[1] / "fixtures" / "heldout3" / "rapport_lund_2022.txt"


def test_third_held_out_report_hard_wrapped_with_numbered_headings() -> None:
    """tests/fixtures/heldout3/: text hard-wrapped at ~96 characters, numbered headings
    ("4.1 Jobbnav Lund (ESF) – förlängt"), plain subsection titles that only contain
    vocabulary ("Läget just nu", "Det här har fungerat"), facts as key-value lines for some
    projects and as prose for others."""
    report = read_report(HELDOUT3)
    assert "sid 3" not in report.text and "INNEHÅLL" not in report.text
    assert report.period == "2022-01-01 – 2022-12-31"  # "Rapportperiod: …" on the title page
    # "Socialfondsprojekten har tillsammans en budget på …" is a part, not the whole.
    assert [(t.kind, t.value) for t in extract_stated_totals(report) if t.kind == "total_budget"] == [
        ("total_budget", 113_200_000),
        ("total_budget", 113_164_700),
    ]
    # Wrapping undone: a wrapped sentence is one line, the key-value block is not joined.
    assert "finansierades av Europeiska socialfonden" in report.text
    assert "Projektledare: Sanna Höglund\nProjektperiod:" in report.text
    names = [p.name for p in report.projects]
    assert names == [
        "Jobbnav Lund",
        "Vårdsteget",
        "UngKraft Lund",
        "Spårbyte",
        "Innovationsslussen Brunnshög",
        "GOS – Grön omställning i småföretag",
        "Klimatkvarter Norra Fäladen",
    ]
    types = {(s.project, s.title): s.section_type.value for s in report.all_sections() if s.project}
    assert types[("Jobbnav Lund", "Det här har fungerat")] == "success_factors"
    assert types[("Jobbnav Lund", "Svårigheter och hinder")] == "challenges"
    assert types[("Spårbyte", "Kort om projektet")] == "facts"
    assert types[("GOS – Grön omställning i småföretag", "Bakgrund och projektfakta")] == "facts"
    assert types[("Vårdsteget", "Vad blev resultatet?")] == "status"


def test_third_held_out_report_facts_from_key_values_prose_and_headings() -> None:
    facts = {f.project: f for f in extract_project_facts(read_report(HELDOUT3))}
    got = {
        name: tuple(
            getattr(f, k).value if getattr(f, k) else None
            for k in ("owner", "fund", "start_date", "end_date", "eu_funding")
        )
        for name, f in facts.items()
    }
    assert got["Jobbnav Lund"] == ("Socialförvaltningen", "ESF", "2020-09-01", "2023-08-31", 11_926_365)
    assert facts["Jobbnav Lund"].original_end_date.value == "2022-12-31"  # type: ignore[union-attr]
    # Prose: "ägdes av vård- och omsorgsförvaltningen och leddes under hela projekttiden av …"
    assert got["Vårdsteget"] == (
        "Vård- och omsorgsförvaltningen",
        "ESF",
        "2019-07-01",
        "2022-06-30",
        5_922_240,
    )
    assert [m.value for m in facts["Vårdsteget"].managers] == ["Farida Ekholm"]
    # "från april 2019 till den 31 mars 2022", "EU-stödet uppgick till ca 3,7 Mkr"
    assert got["GOS – Grön omställning i småföretag"] == (
        "Miljöförvaltningen",
        "ERUF",
        "2019-04",
        "2022-03-31",
        3_700_000,
    )


HELDOUT4 = Path(__file__).resolve().parents[1] / "fixtures" / "heldout4" / "rapport_norrkoping_2023.md"


def test_fourth_held_out_report_markdown_with_fact_tables() -> None:
    """tests/fixtures/heldout4/: "## Projekt: X" headings with "####" subsections ("Det som
    gått bra", "Det som varit svårt", "Nyckeltal"), ERUF projects one level deeper under a
    grouping heading, key facts as two-cell markdown table rows (which repeat per project
    with rising numbers and are no running footer)."""
    report = read_report(HELDOUT4)
    names = [p.name for p in report.projects]
    assert names == ["Jobbsteget Hageby", "Språkbron", "Digital vardag", "Unga på väg Norrköping",
                     "Industriport Händelö", "Företagslots Norrköping", "Grön omställning Inre hamnen"]
    assert "| Total budget | 14 380 500 kr |" in report.text
    facts = {f.project: f for f in extract_project_facts(report)}
    jsh = facts["Jobbsteget Hageby"]
    got = tuple(getattr(jsh, k).value for k in ("owner", "total_budget", "eu_funding", "fund"))  # type: ignore[union-attr]
    assert got == ("Arbetsmarknads- och vuxenutbildningsförvaltningen", 14_380_500, 9_347_325, "ESF")
    assert [m.value for m in jsh.managers] == ["Karin Holmström"] and jsh.abbreviation == "JSH"
    # Prose: an extension moved the end; "finansieras X kr, alltså drygt …, av Europeiska socialfonden".
    spb = facts["Språkbron"]
    assert (spb.start_date.value, spb.end_date.value, spb.original_end_date.value) == (  # type: ignore[union-attr]
        "2020-09-01", "2023-12-31", "2023-03-31")
    assert spb.status.value == "ongoing" and spb.eu_funding.value == 7_553_260  # type: ignore[union-attr]
    # "drygt 26 miljoner kronor (26 180 000 kr)": the exact figure.
    assert facts["Grön omställning Inre hamnen"].total_budget.value == 26_180_000  # type: ignore[union-attr]


HELDOUT5 = Path(__file__).resolve().parents[1] / "fixtures" / "heldout5" / "rapport_vasteras_2024.docx"


def test_fifth_held_out_report_word_document_with_fact_tables() -> None:
    """tests/fixtures/heldout5/: a Word document with heading styles, facts in two-column
    Word tables (read as "Key<TAB>Value" rows) or in prose, subsection titles in everyday
    words ("Nyckeluppgifter", "Utfall", "Det som fungerade", "Det tar vi med oss") and a
    closed project marked "– avslutat 2024"."""
    report = read_report(HELDOUT5)
    names = [p.name for p in report.projects]
    assert names == ["Språkbron", "Yrkesvägen Mälardalen", "UngKraft Västerås", "Grön Omställning Västerås",
                     "Kompassen – arbete genom socialt företagande", "Innovationsnod Västmanland",
                     "Omsorgslyftet"]
    types = {s.title: s.section_type.value for s in report.all_sections()}
    assert types["Nyckeluppgifter"] == "facts" and types["Projektet i korthet"] == "facts"
    assert types["Utfall"] == types["Så går det"] == types["Så långt har vi kommit"] == "status"
    assert types["Det som fungerade"] == types["Nycklar till framgång"] == "success_factors"
    assert types["Det tar vi med oss"] == types["Vad vi har lärt oss"] == "challenges"
    assert types["Efter projekttiden"] == "implementation"
    facts = {f.project: f for f in extract_project_facts(report)}

    def values(name: str) -> tuple[object, ...]:
        f = facts[name]
        return tuple(getattr(f, k).value if getattr(f, k) else None
                     for k in ("owner", "fund", "start_date", "end_date", "total_budget", "eu_funding"))

    # Table rows; "Europeiska socialfonden+" is ESF+; "ESF+-stöd" is the EU funding.
    assert values("Kompassen – arbete genom socialt företagande") == (
        "Stiftelsen Arbetsbryggan", "ESF+", "2023-08-01", "2026-01-31", 12_336_900, 7_402_140)
    assert [c.value for c in facts["Språkbron"].co_financiers] == ["Arbetsförmedlingen", "Västerås stad"]
    # Prose: "startade X och pågår till och med Y"; "varav Y kr, eller 40 procent, finansieras av …";
    # "ägs av Region Västmanland".
    assert values("Yrkesvägen Mälardalen")[2:4] == ("2022-09-01", "2025-06-30")
    assert values("Grön Omställning Västerås")[5] == 12_712_000
    assert values("Innovationsnod Västmanland")[0] == "Region Västmanland"


HELDOUT6 = Path(__file__).resolve().parents[1] / "fixtures" / "heldout6" / "rapport_orebro_2025.pdf"


def test_sixth_held_out_report_pdf_with_plain_titles() -> None:
    """tests/fixtures/heldout6/: a PDF (title page, contents, running footers) whose
    subsection titles are bold lines straight above their paragraph, some worded with no
    section vocabulary ("Kortfakta", "Projektets ramar", "Om Digibron", "Syfte och ramar")."""
    report = read_report(HELDOUT6)
    assert (report.title, report.year) == ("Örebro kommun – Årsrapport 2025", 2025)
    assert "sida 3" not in report.text
    names = [p.name for p in report.projects]
    assert names == ["Nästa Steg Vivalla", "Vårdsteget Bergslagen", "Digibron", "Återbruksnoden Örebro",
                     "Startkraft Landsbygd", "Ung Bas Örebro", "Logistiklyftet Örebro", "Förstudie Jobbresan"]
    types = {s.title: s.section_type.value for s in report.all_sections() if s.project}
    # Titles above lines of project facts, or "Om <the project>", are facts.
    assert types["Kortfakta"] == types["Projektets ramar"] == types["Om Digibron"] == "facts"
    assert types["Vad har hänt under 2025"] == "status"
    assert types["Styrkor i arbetssättet"] == types["Vad som har burit projektet"] == "success_factors"
    # An untyped title among typed ones is a subsection of its own, not text of the one above.
    assert types["Det som har gett effekt"] == "background"
    facts = {f.project: f for f in extract_project_facts(report)}

    def values(name: str) -> tuple[object, ...]:
        f = facts[name]
        return tuple(getattr(f, k).value if getattr(f, k) else None
                     for k in ("owner", "start_date", "end_date", "original_end_date", "eu_funding"))

    # "drivs av Stiftelsen X i Örebro län"; "varav Y kr kommer från Regionalfonden".
    assert values("Startkraft Landsbygd") == (
        "Stiftelsen Företagsfrämjande i Örebro län", "2023-10-01", "2026-03-31", None, 4_960_000)
    # "varav Regionalfonden står för Y kr"; "Förvaltningen för X och Y".
    assert values("Logistiklyftet Örebro")[0::4] == ("Förvaltningen för näringsliv och tillväxt", 6_120_000)
    # "skulle ursprungligen ha avslutats X, men förlängdes med sex månader till Y"
    assert values("Ung Bas Örebro")[2:4] == ("2025-12-31", "2025-06-30")
    assert [m.value for m in facts["Digibron"].managers] == ["Oskar Engqvist"]  # "med X som projektledare"


HELDOUT7 = Path(__file__).resolve().parents[1] / "fixtures" / "heldout7" / "rapport_helsingborg_2026.md"


def test_seventh_held_out_report_markdown_with_run_in_titles_and_fund_notes() -> None:
    """tests/fixtures/heldout7/: project headings that carry the fund in parentheses
    ("(Regionalfonden)", "(AMIF)", "(Interreg …)"), some projects titled by bold run-in
    labels ("**Svårigheter.** Det har …"), facts in pipe tables, prose or an overview table."""
    report = read_report(HELDOUT7)
    names = [p.name for p in report.projects]
    assert names == ["Språkspåret Helsingborg", "Jobbnod Drottninghög", "Cirkulär verkstad Helsingborg",
                     "Startbanan Söder", "Bro till vården", "Välkommen hit", "Gränsbryggan Öresund",
                     "UngKraft", "Förstudie Digitala vardagsvägar"]
    assert all(p.abbreviation is None for p in report.projects)  # "(AMIF)" is the fund
    by_project: dict[str, dict[str, str]] = {}
    for s in report.all_sections():
        if s.project and s.title != s.project:
            by_project.setdefault(s.project, {})[s.title] = s.section_type.value
    assert by_project["Cirkulär verkstad Helsingborg"]["Svårigheter"] == "challenges"
    assert by_project["Startbanan Söder"]["Framgångar"] == "success_factors"
    assert by_project["Språkspåret Helsingborg"]["Det här har burit projektet"] == "success_factors"
    assert by_project["UngKraft"]["Det projektet tar med sig hittills"] == "challenges"  # lessons
    facts = {f.project: f for f in extract_project_facts(report)}

    def value(name: str, key: str) -> object:
        s = getattr(facts[name], key)
        return s.value if s is not None else None

    assert (value("Välkommen hit", "fund"), value("Gränsbryggan Öresund", "fund")) == ("AMIF", "Interreg")
    # "cirka 3,1 miljoner euro" is no budget in kronor; the city's own part is.
    assert value("Gränsbryggan Öresund", "total_budget") == 8_460_000
    # "Av dessa kommer Y kr från Europeiska socialfonden+"; "Regionalfonden finansierar 40
    # procent, motsvarande Y kr".
    assert (value("Jobbnod Drottninghög", "eu_funding"), value("Startbanan Söder", "eu_funding")) == (
        13_640_000, 2_968_000)
    # A facts table in a project of run-in titles; "(förlängt från X)".
    keys = ("owner", "end_date", "original_end_date")
    assert [value("Cirkulär verkstad Helsingborg", k) for k in keys] == [
        "Miljöförvaltningen", "2026-12-31", "2026-08-31"]
    # "Projektledare: A till och med 31 mars 2026, därefter B".
    assert [m.value for m in facts["Bro till vården"].managers] == ["Jonas Ahmadi"]
    assert [m.value for m in facts["Bro till vården"].former_managers] == ["Helena Strand"]
    # Filled from the overview table: the text names no owner (a partner in an Interreg project).
    assert value("Gränsbryggan Öresund", "owner") == "Arbetsmarknadsförvaltningen"
    # "– avslutas 31 december 2026" is an end to come, not an ended project.
    assert value("Cirkulär verkstad Helsingborg", "status") != "ended"


HELDOUT8 = Path(__file__).resolve().parents[1] / "fixtures" / "heldout8" / "rapport_jonkoping_2026.docx"


def test_eighth_held_out_report_word_with_key_facts_in_lists_and_tables() -> None:
    """tests/fixtures/heldout8/: a Word report whose facts stand in tables, bullet lists
    ("Kortfakta") or prose, with an extension told twice and an owner that is an association."""
    report = read_report(HELDOUT8)
    # "Förstudie: X" among the projects is a project, though it has no subsections.
    assert "Validering i Vätterbygden" in [p.name for p in report.projects]
    types = {s.title: s.section_type.value for s in report.all_sections() if s.project}
    assert types["Kortfakta"] == "facts"  # a compound of "fakta" is the facts
    facts = {f.project: f for f in extract_project_facts(report)}
    nya_steg = facts["Nya Steg Vättern"]
    # "avslutades den 31 augusti 2026 efter en förlängning, och slutredovisningen lämnades in
    # den 20 oktober 2026": the end is August, the report's submission is no end date.
    assert nya_steg.end_date is not None and nya_steg.end_date.value == "2026-08-31"
    assert nya_steg.original_end_date is not None and nya_steg.original_end_date.value == "2026-02-28"
    logistik = facts["Logistiklyftet 2.0"].owner
    assert logistik is not None and logistik.value == "Föreningen Logistikforum Vätterbygden"
    # "X, som har bakgrund som samhällskommunikatör, är projektledare"
    assert [m.value for m in facts["Hållbar Start – samhällsintroduktion för föräldralediga"].managers] == [
        "Dalia Yousef"]
    # Co-financiers listed under "Kortfakta": "Medfinansiering: Region Jönköpings län med …"
    assert "Region Jönköpings län" in [c.value for c in facts["Smart Industri Vätterbygden"].co_financiers]
