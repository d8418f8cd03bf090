"""Layouts met in later reports: projects told as interviews under underlined capital
titles, overview tables with a key of short forms and start/end columns, projects stopped
early, owners named after a description, and closing chapters in the projects' style
(pure parsing; made-up reports)."""

from __future__ import annotations

import pytest

from corpus.budgets import find_budget
from corpus.fact_patterns import SentenceText, find_owner, find_runner
from corpus.facts import extract_project_facts
from corpus.numbers import with_conversions
from corpus.reading import parse_report
from corpus.types import ProjectFacts, Report, SectionKind, SectionType

pytestmark = pytest.mark.unit


def _facts(report: Report) -> dict[str, ProjectFacts]:
    return {f.project: f for f in extract_project_facts(report)}


def _kinds(report: Report) -> dict[str, SectionKind]:
    wanted = (SectionKind.PROJECT, SectionKind.CHAPTER)
    return {s.title: s.kind for s in report.all_sections() if s.kind in wanted}


def _parts(report: Report, project: str) -> list[tuple[str, SectionType]]:
    section = next(s for s in report.all_sections() if s.kind is SectionKind.PROJECT and s.title == project)
    return [(c.title, c.section_type) for c in section.children]


INTERVIEWS = """KOMMUNEN I SJÖSTAD
Årsrapport 2060 för kommunens EU-projekt


INLEDNING
~~~~~~~~~

Plattformen samlar kommunens EU-projekt. Rapporten bygger på intervjuer med projektledarna.


ÖVERSIKT ÖVER PORTFÖLJEN
~~~~~~~~~~~~~~~~~~~~~~~~

| Projekt     | Ägare | Start      | Slut       | Budget kSEK | Fond |
| Vägval      | AVF   | 2059-01-01 | 2061-12-31 | 8 400       | ESF+ |
| Hamnsteget  | HAB   | 2058-03-01 | 2060-02-28 | 5 100       | ERUF |

AVF = Arbets- och välfärdsförvaltningen, Sjöstads kommun
HAB = Sjöstads Hamn AB (helägt kommunalt bolag)


VÄGVAL
~~~~~~

Intervju med: Ida Berg, projektledare

Kan du kort beskriva projektet?

Vägval är ett ESF+-projekt som ägs av Arbets- och välfärdsförvaltningen och pågår 2059–2061.
Vi arbetar med unga vuxna och har skrivit in 64 deltagare.

Vad har fungerat bra?

Att ha en fast kontaktperson hos Arbetsförmedlingen har gjort stor skillnad.

Vad har varit svårt?

Resorna har varit ett hinder för deltagare som bor på landsbygden.


HAMNSTEGET
~~~~~~~~~~

Intervju med: Omar Said, projektledare

Vad går projektet ut på?

Hamnsteget hjälper små företag i hamnen att ställa om till fossilfria transporter.

Vad har hänt under året?

Under året har 14 företag fått rådgivning.


AVSLUTANDE KOMMENTAR
~~~~~~~~~~~~~~~~~~~~

Projekten har gjort stora framsteg under året.
"""


def test_interviews_under_underlined_capital_titles() -> None:
    report = parse_report("rapport_2060", INTERVIEWS)
    kinds = _kinds(report)
    assert kinds["Vägval"] is SectionKind.PROJECT and kinds["Hamnsteget"] is SectionKind.PROJECT
    assert kinds["Inledning"] is SectionKind.CHAPTER
    assert kinds["Översikt över portföljen"] is SectionKind.CHAPTER
    assert kinds["Avslutande kommentar"] is SectionKind.CHAPTER
    # The interviewer's own questions are text; questions naming a part open that part.
    assert _parts(report, "Vägval") == [
        ("Vad har fungerat bra?", SectionType.SUCCESS_FACTORS),
        ("Vad har varit svårt?", SectionType.CHALLENGES),
    ]
    assert _parts(report, "Hamnsteget") == [("Vad har hänt under året?", SectionType.STATUS)]


def test_an_overview_table_key_and_its_start_and_end_columns() -> None:
    facts = _facts(parse_report("rapport_2060", INTERVIEWS))
    owner = facts["Vägval"].owner
    assert owner is not None and owner.value == "Arbets- och välfärdsförvaltningen"
    harbour = facts["Hamnsteget"]
    assert harbour.owner is not None and harbour.owner.value == "Sjöstads Hamn AB"
    assert harbour.start_date is not None and harbour.start_date.value == "2058-03-01"
    assert harbour.end_date is not None and harbour.end_date.value == "2060-02-28"


STOPPED = """Årsrapport 2050

# Om plattformen

Plattformen har fyra projekt.

| Projekt | Ägare | Tid | Total budget (tkr) |
|---|---|---|---|
| Digital vardag | Kulturförvaltningen | 2049-08-15 – 2050-05-31 (avbrutet) | 6 200 |
| Hamnlyftet | Kultur- och | 2049-01-01 – 2051-12-31 | 4 000 |
| Lotsen | Näringslivsenheten | 2048-06-01 – 2050-06-30 | 3 000 |

# Digital vardag

Digital vardag startade i augusti 2049 och skulle stärka äldres digitala kunskaper.

Projektet avbröts i förtid den 31 maj 2050.
Den ursprungliga projektperioden sträckte sig till och med den 31 december 2051.

**Läget just nu.** Projektet har avslutats.

**Hinder på vägen.** Leverantören gick i konkurs.

# Hamnlyftet

Hamnlyftet är ett ungdomsutbyte som Kultur- och fritidsförvaltningen driver tillsammans med en dansk förening.

**Läget just nu.** Två läger har genomförts.

**Hinder på vägen.** Det är svårt att nå nya ungdomar.

# Lotsen

Lotsen startade den 1 juni 2048 och var tänkt att pågå till och med den 31 december 2050.

**Läget just nu.** Lotsen har slagits samman med ett annat projekt.

**Hinder på vägen.** Två lotsar slutade.
"""


def test_a_project_stopped_early_ends_when_it_stopped() -> None:
    facts = _facts(parse_report("rapport_2050", STOPPED))
    stopped = facts["Digital vardag"]
    assert stopped.end_date is not None and stopped.end_date.value == "2050-05-31"
    assert stopped.original_end_date is not None and stopped.original_end_date.value == "2051-12-31"
    # The text told only when it stopped; the table's period with that end gives the start.
    assert stopped.start_date is not None and stopped.start_date.value == "2049-08-15"
    pilot = facts["Lotsen"]
    assert pilot.start_date is not None and pilot.start_date.value == "2048-06-01"
    assert pilot.end_date is not None and pilot.end_date.value == "2050-06-30"


def test_a_table_cell_cut_by_wrapping_is_no_owner() -> None:
    facts = _facts(parse_report("rapport_2050", STOPPED))
    owner = facts["Hamnlyftet"].owner
    assert owner is not None and owner.value == "Kultur- och fritidsförvaltningen"


@pytest.mark.parametrize(
    ("sentence", "owner"),
    [
        ("Projektet ägdes av det kommunala bostadsbolaget Kustbo AB och hade en budget om 18 Mkr.",
         "Kustbo AB"),
        ("Norrtäljes del drivs av det kommunala bolaget Roslagens Vatten och Miljö AB.",
         "Roslagens Vatten och Miljö AB"),
        ("Projektet ägs av socialförvaltningen i samverkan med regionen.", "Socialförvaltningen"),
    ],
)
def test_an_owner_named_after_a_description(sentence: str, owner: str) -> None:
    found = find_owner(SentenceText(sentence, 0)) or find_runner(SentenceText(sentence, 0))
    assert found is not None and found[0] == owner


def test_a_granted_total_with_its_eu_part_below_and_a_sum_said_for_the_whole_project() -> None:
    total = find_budget(SentenceText("Beviljade medel: 14,6 miljoner kronor", 0))
    assert total is not None and total.total is not None and total.total.value == 14_600_000
    in_euro = find_budget(SentenceText("Beviljade medel: 2 400 000 euro för hela projektet", 0))
    assert in_euro is not None and in_euro.total is not None and in_euro.total.value == 2_400_000
    grant = find_budget(SentenceText("Beviljade medel: 3 000 000 kr från ESF+", 0))
    assert grant is None or grant.total is None  # a fund named makes the sum its grant
    whole = "Beviljade medel: 2 400 000 euro för hela projektet (cirka 27,4 miljoner kronor)"
    euro, converted = with_conversions(whole)
    assert [(a.value, a.kronor) for a in euro] == [(2_400_000, 27_400_000)]
    assert euro[0].raw.endswith("kronor)") and [a.value for a in converted] == [27_400_000]
    erasmus = find_budget(SentenceText(
        "Projektets totala budget är 1 310 tkr, varav 1 240 tkr utgörs av bidrag från Erasmus+.", 0))
    assert erasmus is not None and erasmus.eu is not None and erasmus.eu.value == 1_240_000


SHARED_CHAPTER = """# Lägesrapport 2051

# 1 Inledning

Plattformen har tre projekt.

# 3 Projekten

## 3.1 Alfa

### 3.1.1 Lägesbeskrivning

Alfa har 40 deltagare.

### 3.1.2 Motvind

Rekryteringen har gått trögt.

## 3.2 Beta

### 3.2.1 Lägesbeskrivning

Beta har 12 företag.

### 3.2.2 Motvind

Upphandlingen överprövades.

## 3.3 Gamma

### 3.3.1 Lägesbeskrivning

Gamma har startat.

### 3.3.2 Framgångsfaktorer

Ett nära samarbete med skolorna.

# 4 Samlade iakttagelser

## 4.1 Gemensamma framgångsfaktorer

Att arbeta nära målgruppen.

## 4.2 Gemensamma utmaningar

Personalomsättningen.
"""


def test_a_chapter_of_shared_parts_beside_the_projects_chapter_is_no_project() -> None:
    kinds = _kinds(parse_report("rapport_2051", SHARED_CHAPTER))
    assert [t for t, k in kinds.items() if k is SectionKind.PROJECT] == ["Alfa", "Beta", "Gamma"]
    assert kinds["Samlade iakttagelser"] is SectionKind.CHAPTER


@pytest.mark.parametrize(
    ("line", "names"),
    [("Intervju med: Ida Berg, projektledare", ["Ida Berg"]), ("Ida Berg, projektledare", ["Ida Berg"]),
     ("Region Dalarna, projektledare", [])],
)
def test_a_line_signed_by_the_manager(line: str, names: list[str]) -> None:
    from corpus.managers import find_managers

    assert [m.name for m in find_managers(SentenceText(line, 0))] == names
