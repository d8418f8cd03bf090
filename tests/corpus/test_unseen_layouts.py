"""Layouts first met in the fourteenth session's blind reports (made-up text in their
shapes): dot-leader facts in a proportional font, bracketed subsection titles, a running
header set left and right, "## Projekt: X" levels, overview tables with units in the header."""

from __future__ import annotations

import pytest

from corpus.facts import extract_project_facts
from corpus.normalise import normalise
from corpus.reading import parse_report
from corpus.types import ProjectFacts, Report, SectionKind

pytestmark = pytest.mark.unit


def _facts(report: Report) -> dict[str, ProjectFacts]:
    return {f.project: f for f in extract_project_facts(report)}


def _value(s: object) -> object:
    return getattr(s, "value", None)


# A PDF in a proportional font: leaders of any length, values in no common column, one value
# wrapped after "och", amounts rounded with the exact figure in brackets.
LEADERS = """Alfa Kust

Alfa Kust är ett projekt för unga som varken arbetar eller studerar i kommunens östra delar.
Projektägare ........................ Arbetsmarknadsförvaltningen
Projektledare ................ Sara Lind
Projektperiod ..................................... 2035-03-01 – 2037-08-31
Fond ......... Europeiska socialfonden plus (ESF+)
Total budget ........................ 14,6 Mkr (14 612 400 kr)
ESF+-stöd ............ 8,8 Mkr (8 767 440 kr)
Samverkanspartner ......... Arbetsförmedlingen, Gymnasieförvaltningen och
Region Skåne

Nuläge

Projektet har 241 deltagare.

Det som varit svårt

Rekryteringen tog tid.

Beta Våtmark

Beta Våtmark är ett LIFE-projekt som återskapar våtmarker längs ån.
Projektägare ........................ Miljöförvaltningen
Projektperiod ..................................... 2033-10-01 – 2038-09-30
Total budget ........................ 3 240 000 euro
EU-bidrag (LIFE) ............ 1 944 000 euro

Nuläge

Hittills har 46 hektar anlagts.

Det som fungerat

Markägarna var med från början.
"""


def test_dot_leader_facts_in_a_proportional_font() -> None:
    facts = _facts(parse_report("rapport_kust_2036", LEADERS))
    alfa, beta = facts["Alfa Kust"], facts["Beta Våtmark"]
    assert _value(alfa.owner) == "Arbetsmarknadsförvaltningen"
    assert [m.value for m in alfa.managers] == ["Sara Lind"]
    assert _value(alfa.total_budget) == 14_612_400
    assert _value(alfa.eu_funding) == 8_767_440  # the exact figure beside the rounded one
    assert [c.value for c in alfa.co_financiers][-1] == "Region Skåne"  # the value wrapped after "och"
    assert _value(beta.eu_funding) == 1_944_000 and beta.eu_funding.unit == "euro"  # type: ignore[union-attr]
    assert _value(beta.end_date) == "2038-09-30"


def test_a_running_header_set_left_and_right_is_removed() -> None:
    page = "Lägesrapport EU-projekt 2036\tKristianstads kommun\n\n{} har ordet.\n\nSida {}"
    names = ("Alfa", "Beta", "Gamma", "Delta", "Epsilon")
    raw = "\n\n".join(page.format(name, n) for n, name in enumerate(names, 1))
    text = normalise(raw).text
    assert "Kristianstads kommun" not in text and text.count("har ordet") == 5


def test_a_title_between_a_finished_sentence_and_a_blank_line_stands_alone() -> None:
    # Text wrapped at 60 columns (lines end mid-sentence), as a PDF is extracted.
    words = ("projektet har under året arbetat vidare med sina deltagare och samverkanspartner "
             "och nått de flesta av sina mål. ") * 12
    lines, line = [], ""
    for word in words.split():
        if len(line) + len(word) + 1 > 60:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    raw = "\n".join([*lines, line]) + "\nOrganisation och arbetssätt\n\nPlattformen leds av en styrgrupp.\n"
    assert "\n\nOrganisation och arbetssätt\n\n" in normalise(raw).text


BRACKETS = """Årsrapport 2038

4. Projekten

4.1 Alfa Industri – kompetens för anställda

Alfa Industri ägs av det kommunala bolaget Tunaverken Energi AB, leds av Omar Lind och pågår från
den 1 mars 2036 till den 28 februari 2039, med en total budget om 1 240 kSEK.

[Aktuellt]
Projektet har 87 deltagande företag.

[Framgångar]
Kartläggningen var kostnadsfri.

[Lärdomar]
Börja tidigt.

4.2 Beta Omsorg – stöd till föräldrar

Projektet ägs av Socialförvaltningen och finansieras av Europeiska havs-, fiskeri- och vattenbruksfonden.

Tidsperiod: 2034-02-01 – 2036-01-31 enligt beslut, avslutat i förtid den 30 juni 2035

[Aktuellt läge]
Projektet avslutades efter beslut i nämnden.

[Svårigheter]
Få anvisades.
"""


def test_bracketed_subsection_titles_and_facts_told_in_one_sentence() -> None:
    report = parse_report("rapport_eskil_2038", BRACKETS)
    alfa = next(s for s in report.all_sections() if s.kind is SectionKind.PROJECT)
    assert [(c.title, c.section_type.value) for c in alfa.children] == [
        ("Aktuellt", "status"), ("Framgångar", "success_factors"), ("Lärdomar", "challenges"),
    ]
    facts = _facts(report)
    first = next(f for name, f in facts.items() if name.startswith("Alfa Industri"))
    assert _value(first.owner) == "Tunaverken Energi AB"  # not "Det kommunala bolaget"
    assert _value(first.total_budget) == 1_240_000  # kSEK
    second = next(f for name, f in facts.items() if name.startswith("Beta Omsorg"))
    assert _value(second.fund) == "EHFVF"
    # Stopped before its planned end: the end it reached, the planned one kept apart.
    assert _value(second.end_date) == "2035-06-30" and _value(second.original_end_date) == "2036-01-31"
    assert _value(second.status) == "ended"


def test_a_handling_date_after_the_year_does_not_end_the_years_projects() -> None:
    text = ("Årsrapport 2038\n\nBehandlad i kommunstyrelsens arbetsutskott 2039-03-10\n\n"
            "4. Projekten\n\n4.1 Alfa Väg\n\nProjektägare: Kulturförvaltningen\n\n"
            "Projektperiod: 2036-03-01 – 2039-02-28\n\nUtmaningar\n\nTiden räckte inte.\n\n"
            "4.2 Beta Väg\n\nProjektägare: Kulturförvaltningen\n\n"
            "Projektperiod: 2036-03-01 – 2038-10-31\n\nUtmaningar\n\nTiden räckte inte.\n")
    facts = _facts(parse_report("rapport_test_2038", text))
    assert _value(facts["Alfa Väg"].status) == "ongoing"  # ends in February, after the year reported
    assert _value(facts["Beta Väg"].status) == "ended"


LABELLED = """# Fjällbryggan – lägesrapport 2034

## Inledning

Plattformen samlar tre projekt.

## Projekt: Alfa Fjäll

- Projektägare: Region Norr
- Budget: 16,4 MSEK

### Var står vi nu?

Projektet har 120 deltagare.

### Vad skulle vi göra annorlunda?

Börja rekrytera tidigare.

## Projekt: Beta Dal

- Projektägare: Dals kommun

### Var står vi nu?

Beta har startat.

## Projekt: Gamma Sjö

- Projektägare: Sjö kommun

### Var står vi nu?

Gamma pågår.

## Samlade iakttagelser

Alfa Fjäll har en budget på 16,4 MSEK och pågår 2032-09-01 – 2035-08-31 med ESF+; Beta Dal drivs av
Dals kommun.
"""


def test_where_projects_are_labelled_an_unlabelled_title_is_a_chapter() -> None:
    report = parse_report("rapport_fjall_2034", LABELLED)
    projects = [s.title for s in report.all_sections() if s.kind is SectionKind.PROJECT]
    assert projects == ["Alfa Fjäll", "Beta Dal", "Gamma Sjö"]
    alfa = next(s for s in report.all_sections() if s.title == "Alfa Fjäll")
    assert [c.section_type.value for c in alfa.children] == ["status", "challenges"]


def test_an_overview_table_with_its_unit_after_the_column_name() -> None:
    text = ("Årsrapport 2037\n\nTabell 1. Projekt\n\n"
            "Projekt\tÄgare\tFond\tPeriod\tBudget tkr\tEU-stöd tkr\n"
            "Alfa Väg\tKulturförvaltningen\tESF+\t2036-09-01 – 2039-08-31\t9 350\t5 610\n"
            "Beta Väg\tMiljöförvaltningen\tLIFE\t2034-10-01 – 2039-09-30\t11 500\t6 900\n\n"
            "4. Projekten\n\n4.1 Alfa Väg\n\nAktuellt läge\n\nDet går bra.\n\nUtmaningar\n\nSvårt.\n\n"
            "4.2 Beta Väg\n\nAktuellt läge\n\nDet går bra.\n\nUtmaningar\n\nSvårt.\n")
    facts = _facts(parse_report("rapport_test_2037", text))
    assert _value(facts["Alfa Väg"].total_budget) == 9_350_000
    assert _value(facts["Alfa Väg"].eu_funding) == 5_610_000


def test_a_title_page_and_a_chapter_of_the_years_events_are_no_projects() -> None:
    text = ("Helgeåplattformen\n\nLägesrapport EU-projekt 2036\n\nKristianstads kommun.\n\n"
            "Viktiga händelser under året\n\nAlfa Kust inom ESF+ har fått en utökad budget på 2 000 000 kr "
            "och pågår till 2037-08-31; Beta Våtmark drivs av Miljöförvaltningen.\n\n" + LEADERS)
    report = parse_report("rapport_kust_2036", text)
    projects = [s.title for s in report.all_sections() if s.kind is SectionKind.PROJECT]
    assert projects == ["Alfa Kust", "Beta Våtmark"]


def test_a_blockquotes_marker_is_no_part_of_its_text() -> None:
    text = normalise("Vad skulle vi göra?\n\n> Vi skulle redan i ansökan ha skrivit in det.\n").text
    assert "\n\nVi skulle redan i ansökan ha skrivit in det." in text and ">" not in text
