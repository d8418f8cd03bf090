"""Layouts first met in the fifteenth session's blind reports (made-up text in their shapes):
memo-like "PROJEKT: X" blocks with abbreviated keys, stacked bold labels, case numbers before
project names, raised footnote numbers in PDF layout text, "Projekt 3 av 8:" labels."""

from __future__ import annotations

import pytest

from corpus.facts import extract_project_facts, report_date
from corpus.pdf_layout import without_raised_markers
from corpus.reading import parse_report
from corpus.section_titles import PROJECT_LABEL, subsection_type
from corpus.types import ProjectFacts, Report, SectionKind, SectionType

pytestmark = pytest.mark.unit


def _facts(report: Report) -> dict[str, ProjectFacts]:
    return {f.project: f for f in extract_project_facts(report)}


def _value(s: object) -> object:
    return getattr(s, "value", None)


def _projects(report: Report) -> list[str]:
    return [s.title for s in report.sections for s in [s, *s.children] if s.kind is SectionKind.PROJECT]


# A memo: chapters in capitals, projects as "PROJEKT: X" straight over abbreviated key lines,
# parts as "Positivt:" with their paragraph on the next line, a chapter that sums up money.
MEMO = """BILDNINGSFÖRVALTNINGEN

ÅRSRAPPORT 2033 – PLATTFORMEN BRON

Denna PM redovisar plattformens projekt.

LÄGET I PORTFÖLJEN

Portföljen omfattar tre projekt med en total budget på 21 mkr, varav 11 mkr från ESF+. Två projekt pågår.

PROJEKTEN

PROJEKT: Ljusgården
Proj.ägare: Socialförvaltningen
Proj.ledare: Nora Ek
Tot. budget: 7 200 kkr
Varav EU: 3 600 kkr
Start/slut: 2031-05-01/2034-04-30 (förlängt; ursprungligt slutdatum 2033-04-30)
Fond: ESF+ PO2

Kommentar:
Projektet har haft 80 deltagare under året.

Positivt:
Samarbetet med föreningarna har gett många kontakter.

Negativt:
Lokalfrågan tog lång tid att lösa.

PROJEKT: Vattenspegeln
Proj.ägare: Tekniska förvaltningen
Proj.ledare: Ivar Moberg
Tot. budget: 9 400 kkr
Start/slut: 2032-01-01/2035-12-31

Arbetet med dammarna har påbörjats. Två av fem dammar är klara.

PROJEKT: Språkstegen
Proj.ägare: Kultur- och fritidsförvaltningen
Proj.ledare: Samir Haddad
Tot. budget: 4 400 kkr
Start/slut: 2033-02-01/2035-01-31

Projektet har startat språkcaféer på tre bibliotek.

STYRGRUPPENS BEDÖMNING

Styrgruppen bedömer att portföljen utvecklas väl.
"""


def test_memo_projects_are_their_labelled_blocks_and_capitals_are_chapters() -> None:
    report = parse_report("memo", MEMO)
    assert _projects(report) == ["Ljusgården", "Vattenspegeln", "Språkstegen"]
    titles = [s.title for s in report.sections]
    assert "Läget i portföljen" in titles and "Styrgruppens bedömning" in titles


def test_memo_parts_titled_with_a_colon_over_their_paragraph() -> None:
    report = parse_report("memo", MEMO)
    project = next(s for top in report.sections for s in top.children if s.title == "Ljusgården")
    kinds = {c.title: c.section_type for c in project.children}
    assert kinds == {
        "Kommentar": SectionType.STATUS,
        "Positivt": SectionType.SUCCESS_FACTORS,
        "Negativt": SectionType.CHALLENGES,
    }


def test_memo_abbreviated_keys_and_iso_interval() -> None:
    facts = _facts(parse_report("memo", MEMO))
    first = facts["Ljusgården"]
    assert _value(first.owner) == "Socialförvaltningen"
    assert [m.value for m in first.managers] == ["Nora Ek"]
    assert _value(first.start_date) == "2031-05-01"
    assert _value(first.end_date) == "2034-04-30"
    assert _value(first.original_end_date) == "2033-04-30"
    assert _value(first.total_budget) == 7_200_000
    assert _value(facts["Vattenspegeln"].end_date) == "2035-12-31"


def test_a_project_label_may_count_the_projects() -> None:
    assert PROJECT_LABEL.match("Projekt 3 av 10: Hamnlyftet")
    assert PROJECT_LABEL.match("Projekt 12: Hamnlyftet")
    assert not PROJECT_LABEL.match("Projektet av kommunen: x")


# Word headings with a case number before the name; a two-column table read as label lines.
CASE_NUMBERS = """# Inledning

Kommunens EU-projekt redovisas nedan.

# KS 2031/207 Strandlyftet

Strandlyftet återställer stränderna vid sjön.

Ansvarig\tMiljö- och hälsoskyddsförvaltningen
Projektledare\tAlma Berg
Tidsperiod\t2031-01-01 – 2034-12-31
Budget\t12,5 miljoner kronor varav EU-bidrag från LIFE 7,5 miljoner kronor

## Medvind

Markägarna har varit positiva.

## Motvind

Det som har krånglat är tillstånden.

# KS 2032/044 Cykelvägen

Cykelvägen bygger en cykelled längs kusten.

Projektägare\tSamhällsbyggnadsförvaltningen
Projektledare\tOlle Sten

## Så långt har vi kommit

Halva leden är byggd.

## Det som har krånglat

Upphandlingen fick göras om.
"""


def test_case_number_is_no_part_of_the_project_name() -> None:
    report = parse_report("case", CASE_NUMBERS)
    assert _projects(report) == ["Strandlyftet", "Cykelvägen"]


def test_a_department_as_responsible_owns_and_a_grant_from_the_named_fund() -> None:
    facts = _facts(parse_report("case", CASE_NUMBERS))["Strandlyftet"]
    assert _value(facts.owner) == "Miljö- och hälsoskyddsförvaltningen"
    assert _value(facts.total_budget) == 12_500_000
    assert _value(facts.eu_funding) == 7_500_000


def test_tailwind_and_headwind_titles() -> None:
    assert subsection_type("Medvind") is SectionType.SUCCESS_FACTORS
    assert subsection_type("Motvind") is SectionType.CHALLENGES
    assert subsection_type("Det som har krånglat") is SectionType.CHALLENGES


# Markdown facts as stacked bold labels, the value on the next line; a planned period alone;
# a project stopped early, told of by its short name.
STACKED = """# Rapport 2036

## 2 Projekten

### 2.1 HAMNBRO – Logistik över sundet

**Projektägare**
Sundsvik kommun

**Projektledare**
Lina Holm

**Planerad period**
mar 2037 – feb 2040

**Budget**
6 400 tkr, varav 3 200 tkr ESF+

HAMNBRO har ännu inte startat. Rekryteringen av personal pågår.

**Läget i december**

Lokaler är klara.

**Svårigheter**

Beslutet dröjde.

### 2.2 FISKLÄGE – Förädling av fisk

**Projektägare**
Fiskarnas förening

**Projektledare**
Per Strand

**Period**
jan 2034 – dec 2036

**Läget i december**

FISKLÄGE, som ägdes av Fiskarnas förening, avslutades i förtid den 31 mars 2035. Huvudpartnern drog sig ur.

**Det här tar vi med oss**

Bind partner med avtal före ansökan.
"""


def test_stacked_bold_labels_are_label_lines() -> None:
    facts = _facts(parse_report("stacked", STACKED))
    first = facts["HAMNBRO – Logistik över sundet"]
    assert _value(first.owner) == "Sundsvik kommun"
    assert [m.value for m in first.managers] == ["Lina Holm"]
    assert _value(first.total_budget) == 6_400_000


def test_a_planned_period_alone_gives_the_end() -> None:
    first = _facts(parse_report("stacked", STACKED))["HAMNBRO – Logistik över sundet"]
    assert _value(first.end_date) == "2040-02"
    assert first.original_end_date is None


def test_a_project_not_started_yet() -> None:
    first = _facts(parse_report("stacked", STACKED))["HAMNBRO – Logistik över sundet"]
    assert _value(first.status) == "planned" and first.ended_year is None


def test_a_part_not_started_is_no_project_not_started() -> None:
    text = MEMO.replace("Två av fem dammar är klara.", "Etapp två har ännu inte påbörjats.")
    assert _value(_facts(parse_report("memo", text))["Vattenspegeln"].status) != "planned"


def test_a_title_page_month_after_the_report_year_dates_the_report() -> None:
    # "Årsrapport 2040" dated "Februari 2041": written after its year, so a project that
    # ended on 31 December 2040 has ended.
    text = "Kustlyftet\n\nÅrsrapport 2040\n\nFebruari 2041\n\n# Inledning\n\nText om året.\n"
    report = parse_report("kust", text)
    assert str(report_date(report)) == "2041-01-01"


def test_stopped_early_told_by_the_short_name_with_a_relative_clause() -> None:
    second = _facts(parse_report("stacked", STACKED))["FISKLÄGE – Förädling av fisk"]
    assert _value(second.status) == "ended"


def test_a_bold_title_over_prose_is_no_stacked_label() -> None:
    text = "# R\n\n## Alfa\n\n**Läget i december**\nProjektet har 40 deltagare.\n\n**Styrkor**\nSamverkan.\n"
    report = parse_report("r", text)
    assert "Läget i december\tProjektet" not in report.text


def test_raised_footnote_numbers_in_pdf_layout_text() -> None:
    lines = [
        "Projektet tar inte emot nya deltagare.",
        "3 varav 55 procent kvinnor. Målet var",
        "Sedan starten har 190 deltagare skrivits in,",
        "200 deltagare.",
        "",
        "Beloppen anges i miljoner kronor med en",
        "1",
        "decimal.",
    ]
    assert without_raised_markers(lines) == [
        "Projektet tar inte emot nya deltagare.",
        "Sedan starten har 190 deltagare skrivits in, varav 55 procent kvinnor. Målet var",
        "200 deltagare.",
        "",
        "Beloppen anges i miljoner kronor med en",
        "decimal.",
    ]


def test_a_sentence_opening_with_a_number_stays() -> None:
    lines = ["Året gick bra.", "12 av deltagarna har fått arbete inom", "vården."]
    assert without_raised_markers(lines) == lines


def test_a_partner_named_after_its_kind() -> None:
    from corpus.fact_patterns import SentenceText
    from corpus.partners import find_co_financiers

    found = find_co_financiers(SentenceText(
        "Samverkanspartner: Vuxenutbildningen, fackförbundet Kommunal och föreningen Kvinnor i Norr", 0
    ))
    assert [name for name, _ in found] == ["Vuxenutbildningen", "Kommunal", "Kvinnor i Norr"]
