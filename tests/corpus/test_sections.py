"""The section tree: the shipped 2019 report, the fixture reports, and reports without structure."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus.normalise import normalise
from corpus.reading import parse_report, read_report
from corpus.section_titles import chapter_type, is_pure_vocabulary, subsection_type
from corpus.types import Report, Section, SectionKind, SectionType

pytestmark = pytest.mark.unit

REPO = Path(__file__).resolve().parents[2]
REPORT_2019 = REPO / "corpus" / "reports" / "rapport_2019.txt"
FIXTURES = REPO / "tests" / "fixtures"

F, S, SF, C, IMP = (
    SectionType.FACTS,
    SectionType.STATUS,
    SectionType.SUCCESS_FACTORS,
    SectionType.CHALLENGES,
    SectionType.IMPLEMENTATION,
)
STATUS_TITLE = "Aktuellt läge och måluppfyllelse/resultat"
EXPECTED_2019: dict[str, list[tuple[str, SectionType]]] = {
    "Hela Familjen 2.0": [
        ("Projektfakta", F),
        (STATUS_TITLE, S),
        ("Implementering av projektet i ordinarie verksamhet", IMP),
        ("Framgångsfaktorer", SF),
        ("Utmaningar och lärdomar", C),
    ],
    "Vägen In": [
        ("Projektfakta", F),
        (STATUS_TITLE, S),
        ("Framgångsfaktorer", SF),
        ("Utmaningar och förbättringsområden", C),
    ],
    "Dubbel Yrkesutbildning": [
        ("Projektfakta", F),
        (STATUS_TITLE, S),
        ("Framgångsfaktorer", SF),
        ("Utmaningar och förbättringsområden", C),
    ],
    "TAMU Malmö": [
        ("Projektfakta", F),
        (STATUS_TITLE, S),
        ("Slutresultat", S),
        ("Implementering", IMP),
        ("Framgångsfaktorer", SF),
        ("Utmaningar och lärdomar", C),
    ],
    "Highway to Business – Samverkan för ökat entreprenörskap": [
        ("Projektfakta", F),
        (STATUS_TITLE, S),
        ("Framgångsfaktorer", SF),
        ("Utmaningar och förbättringsområden", C),
    ],
    "Wisdome Innovation": [
        ("Projektfakta", F),
        (STATUS_TITLE, S),
        ("Framgångsfaktorer (förväntade)", SF),
        ("Utmaningar och förbättringsområden", C),
    ],
    "Malmö Innovationsarena": [
        ("Projektfakta", F),
        (STATUS_TITLE, S),
        ("Framgångsfaktorer", SF),
        ("Utmaningar och förbättringsområden", C),
    ],
    "Case Sofielund": [
        ("Projektfakta", F),
        (STATUS_TITLE, S),
        ("Framgångsfaktorer", SF),
        ("Utmaningar och förbättringsområden", C),
    ],
}


@pytest.fixture(scope="module")
def report_2019() -> Report:
    return read_report(REPORT_2019)


def _projects(report: Report) -> list[Section]:
    return [s for s in report.all_sections() if s.kind is SectionKind.PROJECT]


def test_2019_has_every_project_with_typed_subsections(report_2019: Report) -> None:
    projects = _projects(report_2019)
    assert [p.title for p in projects] == list(EXPECTED_2019)
    for p in projects:
        got = [(c.title, c.section_type) for c in p.children]
        assert got == EXPECTED_2019[p.title], p.title
        assert all(c.kind is SectionKind.SUBSECTION and c.project == p.title for c in p.children)
        assert all(c.heading_path == (*p.heading_path, c.title) for c in p.children)


def test_2019_chapters_and_types(report_2019: Report) -> None:
    chapters = [(s.title, s.section_type) for s in report_2019.sections]
    assert chapters[1:] == [
        ("Bakgrund", SectionType.BACKGROUND),
        ("Projektplattformens organisation och arbete", SectionType.BACKGROUND),
        ("Projektens tillhörighet och verksamhetsinriktning", SectionType.BACKGROUND),
        ("Projektstatus - nulägesbeskrivningar", SectionType.BACKGROUND),
        ("Projektinriktning och total budget", SectionType.FACTS),
        ("Sammanfattning och slutsatser", SectionType.SUMMARY),
    ]
    assert report_2019.sections[0].title.startswith("Rapport 2019")


def test_2019_report_metadata(report_2019: Report) -> None:
    assert report_2019.id == "rapport_2019"
    assert report_2019.title == "Rapport 2019 – Malmö stads projektplattform Etablera fler snabbare"
    assert report_2019.year == 2019
    assert report_2019.period == "juni 2018-maj 2019"


def test_2019_no_toc_line_or_footer_survives(report_2019: Report) -> None:
    text = report_2019.text
    assert "Innehållsförteckning" not in text
    assert "Projektfakta\t" not in text and "resultat....." not in text
    assert "37 | Stadskontoret" not in text
    assert "*otillräckliga språkkunskaper i svenska* hos deltagare/målgruppen. En utmaning" in text
    # Every section heading is a real body line: exactly one "Vägen In" heading, after the intro.
    headings = [s for s in report_2019.all_sections() if s.title == "Vägen In"]
    assert len(headings) == 1 and headings[0].heading is not None
    assert headings[0].heading.start > text.index("Projektstatus - nulägesbeskrivningar")


def test_2019_lower_level_titles_stay_in_their_subsection(report_2019: Report) -> None:
    titles = {s.title for s in report_2019.all_sections()}
    for lower in (
        "Målgrupp 1.1",
        "Framgångsfaktorer målgrupp 1.1",
        "Göra på riktigt",
        "AF handläggare",
        "Utmaningar relaterade till målgruppen",
        "Case Sofielund Entreprenörskap",
    ):
        assert lower not in titles
    tamu = next(p for p in _projects(report_2019) if p.title == "TAMU Malmö")
    success = next(c for c in tamu.children if c.section_type is SF)
    assert "Göra på riktigt" in report_2019.text[success.body.start : success.body.end]


@pytest.mark.parametrize(
    ("title", "name", "note"),
    [
        ("Alfa – beviljat, verksamheten startar 2033", "Alfa", "beviljat, verksamheten startar 2033"),
        ("Steget Vidare – avslutat 2032", "Steget Vidare", "avslutat 2032"),
        ("Ny start – vägen in", "Ny start – vägen in", None),
    ],
)
def test_a_status_note_after_a_projects_name(title: str, name: str, note: str | None) -> None:
    from corpus.projects import split_status

    assert split_status(title) == (name, note)


def test_2019_project_names_status_abbreviations(report_2019: Report) -> None:
    by_name = {p.name: p for p in report_2019.projects}
    assert by_name["Hela Familjen 2.0"].status_note == "avslutat 2019"
    assert by_name["TAMU Malmö"].status_note == "avslutat 2019"
    assert by_name["Vägen In"].status_note is None
    assert by_name["Dubbel Yrkesutbildning"].abbreviation == "DY"
    assert by_name["Malmö Innovationsarena"].abbreviation == "MIA"
    assert by_name["Wisdome Innovation"].aliases == ("Wisdom Innovation",)
    members = [p.name for p in report_2019.projects if p.parent == "Case Sofielund"]
    assert members == [
        "Case Sofielund - Färdigutveckling av konceptet områdesvärdar för en energieffektivare stadsdel",
        "Case Sofielund Entreprenörskap",
        "Case Sofielund 2030",
    ]
    assert sum(p.parent is None for p in report_2019.projects) == 8


def _expected_files() -> list[Path]:
    return sorted(FIXTURES.glob("*.expected.json"))


@pytest.mark.parametrize("expected_path", _expected_files(), ids=lambda p: p.name)
def test_fixture_report_matches_expected_tree(expected_path: Path) -> None:
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    source = next(p for p in FIXTURES.glob(expected["id"] + ".*") if p.suffix in (".txt", ".md"))
    report = read_report(source)
    assert (report.id, report.title, report.year, report.period) == (
        expected["id"],
        expected["title"],
        expected["year"],
        expected["period"],
    )
    got_projects = []
    sections = {
        s.title: s for s in report.all_sections() if s.kind in (SectionKind.PROJECT, SectionKind.SUBPROJECT)
    }
    for p in report.projects:
        section = sections.get(p.name)
        subs = [
            {"title": c.title, "type": c.section_type.value}
            for c in (section.children if section else [])
            if c.kind is SectionKind.SUBSECTION
        ]
        got_projects.append(
            {
                "name": p.name,
                "abbreviation": p.abbreviation,
                "status_note": p.status_note,
                "parent": p.parent,
                "aliases": list(p.aliases),
                "sections": subs,
            }
        )
    assert got_projects == expected["projects"]
    chapters = [
        {"title": s.title, "type": s.section_type.value}
        for s in report.sections
        if s.kind is SectionKind.CHAPTER and not s.title.startswith(expected["title"])
    ]
    assert chapters == expected["chapters"]


def test_markdown_headings_give_the_tree() -> None:
    text = (
        "# Årsrapport 2023\n\nInledande text.\n\n## Bakgrund\n\nLite bakgrund.\n\n## Projekten\n\n"
        "### Alfa – avslutat 2023\n\n#### Projektfakta\n\nProjektet Alfa (ALF) ägs av X.\n\n"
        "#### Resultat\n\nBra resultat.\n\n##### Delmål 1\n\nDetaljer.\n\n"
        "### Beta\n\n#### Om projektet\n\nFakta.\n\n#### Risker\n\nEn risk.\n"
    )
    report = parse_report("r", text)
    assert report.title == "Årsrapport 2023" and report.year == 2023
    alfa = next(p for p in report.projects if p.name == "Alfa")
    assert (alfa.status_note, alfa.abbreviation) == ("avslutat 2023", "ALF")
    beta = next(s for s in report.all_sections() if s.title == "Beta")
    assert [(c.title, c.section_type) for c in beta.children] == [("Om projektet", F), ("Risker", C)]
    delmal = next(s for s in report.all_sections() if s.title == "Delmål 1")
    assert delmal.section_type is S and delmal.kind is SectionKind.SUBSECTION


def test_numbered_headings_give_the_tree() -> None:
    text = (
        "Rapport 2024\n\n1 Bakgrund\n\nText om bakgrund.\n\n2 Projektstatus\n\nIntro.\n\n2.1 Gamma\n\n"
        "2.1.1 Projektfakta\n\nGamma ägs av Y.\n\n2.1.2 Framgångsfaktorer\n\nSamarbete.\n\n"
        "2.1.3 Utmaningar\n\nTid.\n\n3 Sammanfattning\n\nSlut.\n"
    )
    report = parse_report("r", text)
    assert [s.title for s in report.sections] == [
        "Rapport 2024",
        "Bakgrund",
        "Projektstatus",
        "Sammanfattning",
    ]
    gamma = next(s for s in report.all_sections() if s.kind is SectionKind.PROJECT)
    assert gamma.title == "Gamma"
    assert [c.section_type for c in gamma.children] == [F, SF, C]
    assert report.sections[-1].section_type is SectionType.SUMMARY


def test_underlined_titles_stand_on_their_own() -> None:
    """Titles underlined with ``====`` or ``----`` (plain text, setext Markdown) are titles;
    a table's ruled separator line stays text."""
    text = (
        "Rapport 2027\n\n1. INLEDNING\n\nText.\n\n2. PROJEKTEN\n\n2.1 Alfa\n===========\n\n"
        "Projektfakta\n\nAlfa ägs av X.\n\nUtmaningar\n----------\n\nTid.\n\n"
        "2.2 Beta (avslutat)\n-------------------\n\nMål och utfall\n\n  Indikator   Mål   Utfall\n"
        "  ---------   ---   ------\n  Deltagare   10    12\n\nSvårigheter\n\nFå deltagare.\n"
    )
    report = parse_report("r", text)
    projects = [s for s in report.all_sections() if s.kind is SectionKind.PROJECT]
    assert [p.title for p in projects] == ["Alfa", "Beta"]
    assert [c.section_type for c in projects[0].children] == [F, C]
    assert "=" not in report.text and "--------- ---" in report.text


def test_projects_labelled_as_such_among_numbered_chapters() -> None:
    """"PROJEKT 1 – Alfa" under "3. Projekten" is a project (its facts heading is not
    its title's body), and "3.2 Varför projektet avbröts" inside one is a part of it."""
    text = (
        "Rapport 2033\n\n1. Inledning\n===========\n\nText.\n\n2. Projekten\n============\n\n"
        "PROJEKT 1 – Alfa\n----------------\n\nFakta om projektet\n\n  Projektägare   : Socialförvaltningen\n"
        "  Projektledare  : Anna Berg\n  Projektperiod  : 2031-01-01 – 2033-12-31\n\nUtmaningar\n\nTid.\n\n"
        "PROJEKT 2 – Beta (avbrutet)\n---------------------------\n\nFakta om projektet\n\n"
        "  Projektägare   : Kulturförvaltningen\n  Projektledare  : Olle Ek\n\n"
        "2.1 Varför projektet avbröts\n\nFör få deltagare.\n\nLärdomar från avbrottet\n\nBörja i tid.\n\n"
        "PROJEKT 3 – Gamma\n-----------------\n\nGamma ägs av X och leds av Y.\n\nResultat\n\nBra.\n\n"
        "3. Sammanfattning\n=================\n\nSlut.\n"
    )
    report = parse_report("r", text)
    assert [(p.name, p.status_note) for p in report.projects] == [
        ("Alfa", None), ("Beta", "avbrutet"), ("Gamma", None)]
    beta = next(s for s in report.all_sections() if s.title == "Beta")
    assert [c.title for c in beta.children] == ["Fakta om projektet", "Varför projektet avbröts",
                                                  "Lärdomar från avbrottet"]
    alfa = next(s for s in report.all_sections() if s.title == "Alfa")
    assert alfa.children[0].section_type is F


def test_a_projects_title_is_no_fact_heading_when_its_facts_have_their_own() -> None:
    from corpus.headings import opens_fact_block

    text = "Alfa\n\nFakta om projektet\n\nProjektägare: X\nProjektledare: Y\nBudget: 1 000 kr\n"
    assert not opens_fact_block(text, len("Alfa"))
    assert opens_fact_block(text, text.index("\n\nProjektägare"))


def test_a_lone_project_of_a_fund_chapter_is_a_project_like_its_cousins() -> None:
    def project(name: str) -> str:
        return f"### {name}\n\n{name} ägs av X.\n\n#### Resultat\n\nBra.\n\n#### Utmaningar\n\nTid.\n\n"

    text = (
        "# Rapport 2032\n\n## Socialfonden+\n\n" + project("Alfa") + project("Beta")
        + "## Regionalfonden\n\n" + project("Gamma")
        + "## Interreg\n\n### Delta\n\nDelta drivs med partner.\n\n**Utfall.** 260 patienter."
        "\n\nVad som har fungerat:\n\n- Hembesök.\n\nDet här tar vi med oss:\n\n> Avtala tidigt.\n\n"
        "## Lärdomar\n\n### Förankra tidigt\n\nText.\n"
    )
    report = parse_report("r", text)
    assert [p.name for p in report.projects] == ["Alfa", "Beta", "Gamma", "Delta"]
    delta = next(s for s in report.all_sections() if s.title == "Delta")
    assert [(c.title, c.section_type) for c in delta.children] == [
        ("Utfall", S), ("Vad som har fungerat", SF), ("Det här tar vi med oss", C)]


def test_a_title_set_in_capitals_takes_the_reports_spelling() -> None:
    text = (
        "Rapport 2027\n\n1. INLEDNING\n\nText om ESF och annat.\n\n2. PROJEKTEN\n\n"
        "2.1 SPRÅKBRON – SPRÅK OCH PRAKTIK I LUND\n\nSpråkbron drivs i Lund av kommunen.\n\n"
        "FRAMGÅNGSFAKTORER MED ESF\n\nText.\n\nUTMANINGAR\n\nTid.\n\n"
        "2.2 Beta\n\nProjektfakta\n\nBeta ägs av X.\n\nUtmaningar\n\nTid.\n"
    )
    report = parse_report("r", text)
    assert [p.name for p in report.projects] == ["Språkbron – språk och praktik i Lund", "Beta"]
    first = next(s for s in report.all_sections() if s.kind is SectionKind.PROJECT)
    assert [c.title for c in first.children] == ["Framgångsfaktorer med ESF", "Utmaningar"]
    assert report.sections[1].title == "Inledning"


def test_a_project_told_in_running_text_between_projects_is_a_project() -> None:
    text = (
        "# Rapport 2027\n\n## Projekten\n\n### Alfa\n\n#### Projektfakta\n\nAlfa ägs av X.\n\n"
        "#### Utmaningar\n\nTid.\n\n### Beta Vård\n\nBeta ägs av Y och har nått sina mål. Det svåraste "
        "var att rekrytera.\n\n### Gamma\n\n#### Projektfakta\n\nGamma ägs av Z.\n\n#### Resultat\n\n"
        "Bra.\n\n### Delta\n\n#### Projektfakta\n\nDelta ägs av W.\n\n#### Utmaningar\n\nTid.\n\n"
        "## Sammanfattning\n\nSlut.\n"
    )
    report = parse_report("r", text)
    assert [p.name for p in report.projects] == ["Alfa", "Beta Vård", "Gamma", "Delta"]


def test_projects_told_in_running_text_last_or_side_by_side_are_projects() -> None:
    # Two prose-only projects in a row and one last: their text states who runs them, the
    # money, the period and the fund. A childless title after the projects that states
    # none of it stays a subsection of the chapter.
    prose = (
        "{name} drevs av Förvaltning {n} med projektledare Person {n}. Projektet pågick "
        "2025-01-01 – 2027-12-31 med en budget på 4 200 000 kronor, varav stöd från Regionalfonden "
        "2 100 000 kronor.\n\n"
    )
    described = "#### Projektfakta\n\n{name} ägs av X.\n\n#### Utmaningar\n\nTid.\n\n"
    text = "# Rapport 2028\n\n## 3. Projekten\n\n"
    for n, (name, body) in enumerate(
        [("Alfa", described), ("Beta Vård", described), ("Gamma", prose), ("Delta Hamn", prose),
         ("Epsilon", described), ("Zeta", prose), ("Övriga kontakter", "Många hörde av sig.\n\n")]
    ):
        text += f"### {name}\n\n" + body.format(name=name, n=n)
    text += "## 4. Sammanfattning\n\nSlut.\n"
    report = parse_report("r", text)
    names = ["Alfa", "Beta Vård", "Gamma", "Delta Hamn", "Epsilon", "Zeta"]
    assert [p.name for p in report.projects] == names


def test_a_chapter_of_projects_all_told_in_running_text_is_a_chapter_of_projects() -> None:
    # No project has a subsection title; each opens with who runs it, money, a period and a
    # fund. A subsection of the introduction that states no facts stays a subsection.
    prose = (
        "{name} ägs av Förvaltning {n} och projektledare är Person {n}. Projektet pågår "
        "2017-01-01 – 2019-12-31. Budgeten är 4 200 000 kr, varav 2 100 000 kr från Europeiska "
        "socialfonden.\n\nDet svåraste har varit att rekrytera.\n\n"
    )
    rule = "-" * 60
    text = "1  INLEDNING\n\nText.\n\n1.1  Syfte\n\nUppföljningen ger en överblick.\n\n"
    text += "4  REDOVISNING PROJEKT FÖR PROJEKT\n\n"
    names = ["Alfa Vidare", "Beta", "Gamma Logistik", "Delta"]
    for n, name in enumerate(names, 1):
        text += f"{rule}\n4.{n}  {name.upper()}\n{rule}\n\n" + prose.format(name=name, n=n)
    text += "5  ÖVERGRIPANDE ERFARENHETER\n\nSlut.\n"
    report = parse_report("r", text)
    assert [p.name for p in report.projects] == names
    assert "Syfte" in [s.title for s in report.all_sections() if s.kind is SectionKind.SUBSECTION]


def test_numbered_titles_may_be_longer_questions_or_carry_a_colon() -> None:
    text = (
        "1. Inledning\n\nText.\n\n1.1 Syfte\n\nText.\n\n"
        "2. OMVÄRLD: EN PROGRAMPERIOD GÅR MOT SITT SLUT\n\nText.\n\n"
        "3. Gemensamma lärdomar\n\nText.\n\n"
        "3.1 Hur når man deltagare som inte vill eller vågar delta?\n\nSvar: Genom att söka upp dem.\n\n"
        "3.2 Vad betyder personalen?\n\nSvar: Mycket.\n"
    )
    titles = [s.title for s in parse_report("r", text).all_sections()]
    assert "Omvärld: en programperiod går mot sitt slut" in titles  # recased from capitals
    assert "Hur når man deltagare som inte vill eller vågar delta?" in titles
    assert "Vad betyder personalen?" in titles


def test_plain_report_without_toc() -> None:
    text = (
        "Lägesrapport 2020\n\nBakgrund\n\nPlattformen samlar projekt.\n\nDelta\n\nProjektfakta\n\n"
        "Delta leds av Z.\n\nResultat\n\nMålet nåddes.\n\nViktiga steg\n\nFörsta steget togs.\n\n"
        "Utmaningar\n\nFå deltagare.\n\nSammanfattning\n\nAllt gick bra.\n"
    )
    report = parse_report("r", text)
    delta = next(s for s in report.all_sections() if s.kind is SectionKind.PROJECT)
    assert delta.title == "Delta"
    assert [(c.title, c.section_type) for c in delta.children] == [
        ("Projektfakta", F),
        ("Resultat", S),
        ("Utmaningar", C),
    ]
    status = delta.children[1]
    assert "Viktiga steg" in report.text[status.body.start : status.body.end]
    assert report.sections[-1].title == "Sammanfattning"


def test_text_without_structure_is_one_background_section() -> None:
    report = parse_report("r", "det här är bara löptext utan rubriker. den fortsätter en stund.\n")
    assert len(report.sections) == 1
    only = report.sections[0]
    assert only.section_type is SectionType.BACKGROUND and only.kind is SectionKind.CHAPTER
    assert report.text[only.body.start : only.body.end].strip().startswith("det här")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Projektfakta", F),
        ("Fakta om projekten", F),
        ("Aktuellt läge och måluppfyllelse/resultat", S),
        ("Slutresultat", S),
        ("Framgångsfaktorer (förväntade)", SF),
        ("Vad har fungerat bra", SF),
        ("Utmaningar och förbättringsområden", C),
        ("Lärdomar", C),
        ("Implementering av projektet i ordinarie verksamhet", IMP),
        ("Målgrupp 1.1", None),
        ("Nuläge", S),
        ("Var står projektet?", S),
        ("VAD SOM BAR PROJEKTET", SF),
        ("VAD SOM SKAVDE", C),
        ("Erfarenheter inför framtiden", C),
        ("Erfarenheter som har fungerat", SF),
        ("Nästa steg", IMP),
        ("Nästa steg Vivalla", None),
        ("Så gick det", S),
        ("Efter projektslut", IMP),
        ("Avslut och överlämning", IMP),
        ("Kommande", IMP),
        ("Plan för 2028", IMP),
        ("Problem som uppstod", C),
        ("Problemen under året", C),
        ("Det som ställde till det", C),
        ("Vad händer nu?", IMP),
        ("Reflektioner", C),
        ("Vad bar projektet", SF),
        ("Så har året gått", S),
    ],
)
def test_subsection_vocabulary(title: str, expected: SectionType | None) -> None:
    assert subsection_type(title) is expected


def test_chapter_vocabulary_and_pure_headings() -> None:
    assert chapter_type("Projektinriktning och total budget") is SectionType.FACTS
    assert chapter_type("Sammanfattning och slutsatser") is SectionType.SUMMARY
    assert chapter_type("Projektens tillhörighet") is SectionType.BACKGROUND
    assert is_pure_vocabulary("Slutresultat") and is_pure_vocabulary("Utmaningar och lärdomar")
    assert not is_pure_vocabulary("Framgångsfaktorer målgrupp 1.1")


def test_normalise_removes_repeating_footers_and_joins_sentences() -> None:
    page = "Detta är en lång mening som fortsätter\n\n{n} | Förvaltningen | Rapport X\n\npå nästa sida.\n\n"
    raw = "".join(page.format(n=n) for n in (3, 4, 5))
    text = normalise(raw).text
    assert "Förvaltningen" not in text
    assert text.count("fortsätter på nästa sida.") == 3


def test_a_running_header_without_a_page_number_is_removed() -> None:
    page = "Luleå kommun | Årsrapport 2028 – EU-finansierade projekt\n\nText på sidan {n}.\n\nUtmaningar\n\n"
    text = normalise("".join(page.format(n=n) for n in range(1, 6))).text
    assert "Årsrapport 2028" not in text
    assert text.count("Utmaningar") == 5  # a title repeated per project stays


def test_a_footer_of_title_and_page_in_two_columns_is_removed() -> None:
    words = ("Alfa", "Beta", "Gamma")
    footer = "Umeå kommun – Årsrapport 2027\tSida {} av 3"
    pages = "\n\n".join(f"Om {w}.\n\n" + footer.format(n) for n, w in enumerate(words, 1))
    text = normalise(pages).text
    assert "Sida" not in text and "Om Gamma." in text


def test_a_footer_whose_first_number_is_the_year_is_still_a_footer() -> None:
    """"Rapport 2024 – Plattform X    Sida 6 av 17": the page number is not the first number."""
    page = "Text som fortsätter\n\nRapport 2024 – Plattform Norr    Sida {n} av 9\n\npå nästa sida.\n\n"
    raw = "".join(page.format(n=n) for n in (2, 3, 4))
    text = normalise(raw).text
    assert "Sida" not in text and "Plattform Norr" not in text
    assert text.count("fortsätter på nästa sida.") == 3
    # The same line with a constant number everywhere is content, not a footer.
    same = "".join("Rapport 2024 – Plattform Norr    Sida 1 av 9\n\nText.\n\n" for _ in range(3))
    assert normalise(same).text.count("Plattform Norr") == 3


def test_markdown_projects_with_bold_subsection_lines() -> None:
    text = (
        "# Rapport 2025\n\n## Bakgrund\n\nText.\n\n## Projekten\n\n### Epsilon\n\n**Projektfakta**\n\n"
        "Epsilon ägs av Q.\n\n**Resultat**\n\nMålet nåddes.\n\n"
        "### Zeta\n\n**Projektfakta**\n\nZeta ägs av R.\n\n"
        "**Utmaningar**\n\nFå deltagare.\n"
    )
    report = parse_report("r", text)
    projects = [s for s in report.all_sections() if s.kind is SectionKind.PROJECT]
    assert [p.title for p in projects] == ["Epsilon", "Zeta"]
    assert [(c.title, c.section_type) for c in projects[1].children] == [
        ("Projektfakta", F),
        ("Utmaningar", C),
    ]


def test_markdown_mixing_heading_and_bold_subsections_finds_every_project() -> None:
    """One report, two habits: some projects mark subsections with ``####``, others with
    bold lines; both kinds of project are projects, "– förlängt till …" is a status note."""
    text = (
        "# Rapport 2025\n\n## Bakgrund\n\nText.\n\n## Projekten\n\n"
        "### Epsilon – förlängt till 2026\n\n**Projektfakta**\n\nEpsilon ägs av Q.\n\n"
        "**Mål och resultat**\n\nMålet är 40 deltagare.\n\n"
        "### Zeta\n\n#### Projektfakta\n\nZeta ägs av R.\n\n#### Utmaningar\n\nFå deltagare.\n\n"
        "### Eta\n\n**Projektfakta**\n\nEta ägs av S.\n"
    )
    report = parse_report("r", text)
    assert [p.name for p in report.projects] == ["Epsilon", "Zeta", "Eta"]
    assert report.projects[0].status_note == "förlängt till 2026"
    epsilon = next(s for s in report.all_sections() if s.kind is SectionKind.PROJECT)
    children = [(c.title, c.section_type) for c in epsilon.children]
    assert children == [("Projektfakta", F), ("Mål och resultat", S)]


def test_plain_project_opening_with_background_subsection() -> None:
    text = (
        "Rapport 2022\n\nInledning\n\nOm plattformen.\n\nProjekt Eta\n\nBakgrund\n\nEta startade 2020.\n\n"
        "Resultat\n\nBra.\n\nUtmaningar\n\nSvårt.\n\nSammanfattning\n\nSlut.\n"
    )
    report = parse_report("r", text)
    eta = next(s for s in report.all_sections() if s.kind is SectionKind.PROJECT)
    assert eta.title == "Eta"  # the kind before a capitalised name is no part of it
    assert [c.section_type for c in eta.children] == [SectionType.BACKGROUND, S, C]
    assert report.sections[-1].section_type is SectionType.SUMMARY


def test_a_label_line_with_dot_leaders_in_a_project_is_no_crash() -> None:
    # "Budget ......" stripped of its leader had one word where the two-word name has two.
    text = (
        "Rapport 2030\n\n1. Projekten\n\n1.1 Gröna Kvarter\n\nProjektfakta\n\n"
        "Budget ........ 4 200 000 kr\nProjekttid .... 2028-01-01 – 2030-12-31\n\n"
        "Utmaningar\n\nTid.\n\n1.2 Blå Hamn\n\nProjektfakta\n\nBlå Hamn ägs av X.\n\n"
        "Utmaningar\n\nTid.\n"
    )
    assert [p.name for p in parse_report("r", text).projects] == ["Gröna Kvarter", "Blå Hamn"]


def test_projects_told_in_prose_between_top_level_projects_are_projects() -> None:
    # No chapter title encloses the projects: they are the report's top-level titles, some
    # with subsection titles, some told in running text.
    prose = (
        "{name} drivs av Förvaltning {n} och projektledare är Person {n}. Projektet pågår "
        "2028-01-01 – 2030-12-31 med en budget på 4 200 000 kronor, varav 2 100 000 kronor från "
        "Europeiska socialfonden+.\n\nDet svåraste har varit att rekrytera.\n\n"
    )
    described = "Projektfakta\n\n{name} ägs av X.\n\nUtmaningar\n\nTid.\n\n"
    names = ["Alfa Vidare", "Beta Väg", "Gamma", "Delta Hamn", "Epsilon", "Zeta Kvarter"]
    text = "RAPPORT 2030\n\nInledande text om året.\n\n"
    for n, name in enumerate(names, 1):
        title = f"3.{n}  {name}"
        body = described if n in (1, 4, 6) else prose
        text += f"{title}\n{'-' * len(title)}\n\n" + body.format(name=name, n=n)
    assert [p.name for p in parse_report("r", text).projects] == names


def _wrapped(paragraph: str, width: int = 86) -> str:
    """A paragraph hard-wrapped the way a plain-text export writes it."""
    import textwrap

    return "\n".join(textwrap.wrap(paragraph, width))


def test_plain_text_with_numbered_capital_chapters_and_projects_introduced_three_ways() -> None:
    # No heading has a sub-number; projects are "Delprojekt: X", "[X]" or a title over a
    # line of stars above aligned dot-leader facts; subsections are short statements
    # ending in a full stop, straight above their text.
    filler = " ".join(["Projektet har arbetat vidare med sina aktiviteter under året."] * 4)
    status = "Läget i dag.\n" + _wrapped("Vid årets slut hade 40 deltagare skrivits in. " + filler)
    helped = "Det som hjälpte.\n" + _wrapped("Hembesöken gjorde att fler deltog. " + filler)
    hard = "Det som var tungt.\n" + _wrapped("Rekryteringen av personal tog tid. " + filler)
    prose_facts = _wrapped(
        "Nyckeluppgifter. Projektägare är Kulturförvaltningen; projektledare är Eva Berg; "
        "projektperioden är 1 mars 2030–28 februari 2032; total budget 2 400 tkr, varav "
        "AMIF-stöd 1 800 tkr; målgruppen är nyanlända."
    )
    leaders = (
        "    Projektägare ............ Barn- och utbildningsförvaltningen, enheten för\n"
        "                              kommunalt aktivitetsansvar\n"
        "    Projektledare ........... Ida Nilsson\n"
        "    Projektperiod ........... 2031-01-01 – 2033-12-31\n"
        "    Fond .................... Europeiska socialfonden+ (ESF+)\n"
        "    Total budget ............ 6 420 tkr\n"
        "    ESF+-stöd ............... 3 852 tkr\n"
    )
    intro = _wrapped("Plattformen samordnar kommunens projekt och följer upp dem varje år. " + filler)
    text = (
        "KOMMUNEN\nÅrsrapport 2031\n\n1. INLEDNING\n\n" + intro + "\n\n2. ARBETSMARKNAD\n\n" + intro
        + "\n\nDelprojekt: Steget före\n\n" + prose_facts + "\n\n" + status + "\n\n" + helped + "\n\n" + hard
        + "\n\nKompass Norr\n************\n\n" + leaders + "\n" + status + "\n\n" + hard
        + "\n\n[Ny i Byn]\n\n" + prose_facts.replace("Eva Berg", "Per Ek") + "\n\n" + helped
        + "\n\n3. NÄRINGSLIV\n\n" + intro + "\n"
    )
    report = parse_report("rapport_test_2031", text)
    assert [p.name for p in report.projects] == ["Steget före", "Kompass Norr", "Ny i Byn"]
    chapters = [s.title for s in report.sections if s.kind is SectionKind.CHAPTER]
    assert {"Arbetsmarknad", "Näringsliv"} <= {c.capitalize() for c in chapters}
    by_name = {s.title: s for s in report.all_sections() if s.kind is SectionKind.PROJECT}
    assert [c.section_type for c in by_name["Steget före"].children] == [S, SF, C]
    assert [c.title for c in by_name["Kompass Norr"].children] == ["Läget i dag", "Det som var tungt"]
    # The dot leaders stay in the text (a quote reads as the report does), the value whole.
    assert "Projektledare ...........\tIda Nilsson" in report.text
    assert "enheten för kommunalt aktivitetsansvar\nProjektledare" in report.text


def test_a_lone_prose_project_after_a_prose_project_is_a_project_of_its_own() -> None:
    prose = _wrapped(
        "{name} drivs av Förvaltning {n} och projektledare är Person {n}. Projektet pågår "
        "2028-01-01 – 2030-12-31 med en budget på 4 200 000 kronor, varav 2 100 000 kronor från "
        "Europeiska socialfonden+."
    )
    text = "RAPPORT 2030\n\n1. PROJEKTEN\n\n"
    for n, name in enumerate(["Alfa Väg", "Beta Hamn"], 1):
        text += f"[{name}]\n\n" + prose.format(name=name, n=n) + "\n\nDet svåraste har varit tiden.\n\n"
    assert [p.name for p in parse_report("r", text).projects] == ["Alfa Väg", "Beta Hamn"]


def test_advice_and_help_titles_are_typed() -> None:
    assert subsection_type("Det som hjälpte") is SF
    assert subsection_type("Det som var tungt") is C
    assert subsection_type("Råd till nästa projekt") is C
    assert subsection_type("Tips till andra skolor") is C
    assert subsection_type("Ekonomi och tidplan") is F
    assert subsection_type("Rådgivning för företag") is None


def test_markdown_lone_prose_projects_under_their_fund_chapters_and_no_projects_in_the_introduction() -> None:
    described = (
        "#### {name}\n\n- **Projektägare:** Förvaltning {n}\n- **Budget:** 4 200 000 kr\n\n"
        "##### Aktuellt läge\n\nBra.\n\n##### Utmaningar\n\nTid.\n\n"
    )
    prose = (
        "#### {name}\n\n{name} beviljades stöd från AMIF i december 2033 och är det senaste tillskottet i "
        "portföljen. Projektägare är Socialförvaltningen. Projektet pågår 2034-04-01 – 2037-03-31 med en "
        "total budget på 4 200 000 kr.\n\nMer om arbetet.\n\n"
    )
    intro = (
        "## Inledning\n\n### Året i korthet\n\nSex projekt pågick. Projektägare och projektledare lämnar "
        "uppgifterna; budget 12 000 000 kr i Regionalfonden och socialfonden, 2033-12-31.\n\n"
        "### Läsanvisning\n\nVarje projekt redovisas med projektägare, budget i kr, fond och period "
        "2033-01-01 – 2033-12-31.\n\n### Översikt\n\n"
        "Projektägare, budget 5 000 000 kr, fonden, 2033-01-01.\n\n"
    )
    text = "# Rapport 2033\n\n" + intro + "## ESF+\n\n"
    text += "".join(described.format(name=n, n=k) for k, n in enumerate(["Alfa", "Beta", "Gamma"], 1))
    text += "## Leader\n\n" + prose.format(name="Delta Mat") + "## AMIF\n\n" + prose.format(name="Epsilon Ny")
    report = parse_report("rapport_test_2033", text)
    assert [p.name for p in report.projects] == ["Alfa", "Beta", "Gamma", "Delta Mat", "Epsilon Ny"]


def test_underlined_numbered_chapters_around_labelled_projects() -> None:
    """"1. Inledning" underlined is a chapter; "Projekt 1: Alfa" lines are projects in
    "2. Projekten"; "3. Gemensamma lärdomar" after them is a chapter again, not part of
    the last project; "DET HÄR GICK BRA" names success factors."""
    text = (
        "Årsrapport 2035 – Plattformen\n=============================\n\n"
        "1. Inledning\n------------\n\nPlattformen samlar kommunens projekt.\n\n"
        "2. Projekten\n------------\n\n"
        "Projekt 1: Alfa Väg\n\nHuvudman: Socialförvaltningen\n\nLÄGET\n\nTjugo deltagare.\n\n"
        "DET HÄR GICK BRA\n\nSamarbetet med skolan.\n\n"
        "SVÅRIGHETER\n\nDet har varit svårt att nå de unga som inte söker sig till kommunen.\n\n"
        "Projekt 2: Beta Hamn\n\nHuvudman: Tekniska förvaltningen\n\nLÄGET\n\nKajen är klar.\n\n"
        "SVÅRIGHETER\n\nUpphandlingen drog ut på tiden.\n\n"
        "3. Gemensamma lärdomar\n----------------------\n\nFlera projekt har haft svårt att rekrytera.\n"
    )
    report = parse_report("r", text)
    tops = [(s.kind, s.title) for s in report.sections]
    assert (SectionKind.CHAPTER, "Inledning") in tops
    assert (SectionKind.CHAPTER, "Gemensamma lärdomar") in tops
    projects = [s for s in report.all_sections() if s.kind is SectionKind.PROJECT]
    assert [p.title for p in projects] == ["Alfa Väg", "Beta Hamn"]
    assert [c.section_type for c in projects[0].children] == [S, SF, C]
    assert [c.title for c in projects[1].children] == ["Läget", "Svårigheter"]


def test_every_titled_account_in_a_chapter_named_projekten_is_a_project() -> None:
    # Subsections worded freely ("Vad vi lärt oss", "Inför starten") say little; the chapter's
    # title says what its titles are. A closing note without text of its own stays a subsection.
    facts = "**Ägare:** Förvaltning {n} · **Projektledare:** Person {n} · **Budget:** 3 200 tkr\n\n"
    text = "# Rapport 2036\n\n## 1 Inledning\n\nOm plattformen.\n\n## 3 Projekten\n\n"
    for n, (name, sub) in enumerate([("Alfa Hav", "Läget just nu"), ("Beta Skog", "Vad vi lärt oss"),
                                     ("Gamma", "Inför starten"), ("Delta Väg", "Det som skavt")]):
        text += f"### 3.{n + 1} {name}\n\n" + facts.format(n=n) + f"#### {sub}\n\nText.\n\n"
    text += "### 3.5 Epsilon Mat\n\n" + facts.format(n=5) + "Projektet startade 2035-03-01 med ESF+.\n\n"
    text += "### Övriga kontakter\n\nMånga hörde av sig.\n\n## 4 Samlade lärdomar\n\nSlut.\n"
    report = parse_report("r", text)
    assert [p.name for p in report.projects] == ["Alfa Hav", "Beta Skog", "Gamma", "Delta Väg", "Epsilon Mat"]


def test_plain_text_chapter_projekten_before_underlined_project_titles() -> None:
    # Chapters in capitals, projects in capitals underlined with "=": "PROJEKTEN" straight
    # before the first project's title is the chapter, not a project holding it.
    body = ("Ägare: Förvaltning {n}\nProjektledare: Person {n}\nLöptid: 2031-01-01 – 2033-12-31\n"
            "Fond: ESF+\nTotal budget: 4 100 000 kronor\n\nText om {name}.\n\n")
    text = "INLEDNING\n\nOm plattformen.\n\nPROJEKTEN\n\n"
    for n, name in enumerate(["ALFA VÅRD", "BETA HAMN", "GAMMA"]):
        text += f"{name}\n{'=' * len(name)}\n\n" + body.format(n=n, name=name.title())
    text += "SAMLADE IAKTTAGELSER\n\nSlut.\n"
    report = parse_report("r", text)
    assert [p.name for p in report.projects] == ["Alfa Vård", "Beta Hamn", "Gamma"]
    assert [s.title for s in report.sections if s.kind is SectionKind.CHAPTER][1].lower() == "projekten"


def test_an_abbreviation_given_as_what_people_call_the_project() -> None:
    text = ("# Rapport 2032\n\n## Projekten\n\n### Kompetenslyft Digital Omsorg\n\n"
            "Kompetenslyft Digital Omsorg, i vardagligt tal KDO, är ett projekt för omsorgen.\n\n"
            "#### Utmaningar\n\nTid.\n\n#### Framgångsfaktorer\n\nStöd.\n")
    [project] = parse_report("r", text).projects
    assert project.abbreviation == "KDO"


def test_run_in_subsection_titles_of_joined_paragraphs() -> None:
    # A PDF's paragraphs joined into one line: "… målet. Framgångsfaktorer. Den …" — each
    # sentence that is nothing but a part's vocabulary opens that part.
    body = ("Aktuellt läge. Under året skrevs 46 deltagare in. Framgångsfaktorer. Barnpassning har "
            "gjort det möjligt att delta. Utmaningar. Det har varit svårt att hitta praktikplatser.\n\n")
    text = "# Rapport 2035\n\n## 1 Inledning\n\nOm plattformen.\n\n## 3 Projekten\n\n"
    for n in (1, 2, 3):
        text += f"### 3.{n} Projekt {'ABC'[n - 1]}lfa\n\nProjektledare: Person {n}\n\n" + body
    first = _projects(parse_report("r", text))[0]
    assert [(s.title, s.section_type) for s in first.children] == [
        ("Aktuellt läge", SectionType.STATUS),
        ("Framgångsfaktorer", SectionType.SUCCESS_FACTORS),
        ("Utmaningar", SectionType.CHALLENGES),
    ]
    # Prose that merely mentions the words keeps its paragraph.
    assert "\n\n" not in normalise("Projektet har haft utmaningar. Framgångsfaktorer finns också.").text
