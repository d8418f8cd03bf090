"""Layouts first met in the seventeenth session's blind reports (made-up text in their
shapes): a Word contents list typed as one paragraph per entry, facts in label/value table
rows ("Kostnad totalt", "Huvudman", "Löptid"), setext Markdown headings, a project told in
two phases, parts' titles ending in a colon inside PDF paragraphs, bracketed run-in titles
("[Status] …") and a project's facts on one line of "Label: value" pairs."""

from __future__ import annotations

import pytest

from corpus.budgets import find_budget
from corpus.fact_patterns import SentenceText, find_fund_statement
from corpus.facts import extract_project_facts
from corpus.normalise import normalise
from corpus.partners import find_co_financiers
from corpus.periods import find_period, says_not_started
from corpus.reading import parse_report, report_from_bytes, setext_as_atx
from corpus.section_titles import subsection_type
from corpus.types import ProjectFacts, Report, SectionKind, SectionType

pytestmark = pytest.mark.unit


def _facts(report: Report) -> dict[str, ProjectFacts]:
    return {f.project: f for f in extract_project_facts(report)}


def _parts(report: Report, project: str) -> list[tuple[str, SectionType]]:
    for s in report.all_sections():
        if s.kind is SectionKind.PROJECT and s.title == project:
            return [(c.title, c.section_type) for c in s.children]
    raise AssertionError(f"no project {project}")


PARA = ("Plattformen samlar kommunens projekt med stöd från EU och följer upp dem varje kvartal, "
        "så att erfarenheterna tas tillvara i den ordinarie verksamheten.")


def test_a_contents_list_of_one_line_paragraphs_is_dropped_up_to_the_body() -> None:
    entries = ["1. Inledning", "2. Projekten", "2.1 Alfa", "3. Slutord"]
    raw = "\n\n".join(["Årsrapport 2050", "Innehåll", *entries, "# 1. Inledning", PARA])
    text = normalise(raw).text
    assert "2.1 Alfa" not in text and "# 1. Inledning" in text and PARA in text


def test_a_contents_list_ends_where_a_title_over_running_text_begins() -> None:
    wrapped = PARA[:90] + "\n" + PARA[90:]
    raw = "\n\n".join(["Innehåll", "1 Inledning", "2 Projekten", "3 Ekonomi", "1 OM RAPPORTEN", wrapped])
    text = normalise(raw).text
    assert "3 Ekonomi" not in text and "1 OM RAPPORTEN" in text and PARA[:90] in text


@pytest.mark.parametrize(
    ("sentence", "total"),
    [("Kostnad totalt:14 600 000 kronor", 14_600_000), ("Budget totalt\t9,4 Mkr", 9_400_000)],
)
def test_a_total_cost_label_gives_the_budget(sentence: str, total: int) -> None:
    found = find_budget(SentenceText(sentence, 0))
    assert found is not None and found.total is not None and found.total.value == total


@pytest.mark.parametrize(
    ("title", "kind"),
    [("Så här går det", SectionType.STATUS), ("Det här har varit knepigt", SectionType.CHALLENGES),
     ("Det som skaver", SectionType.CHALLENGES)],
)
def test_part_titles(title: str, kind: SectionType) -> None:
    assert subsection_type(title) is kind


def test_what_a_target_group_has_not_begun_is_no_project_not_started() -> None:
    named = "Språkstegen vänder sig till kvinnor som ännu inte har börjat läsa svenska."
    assert not says_not_started(SentenceText(named, 0), named=True)
    assert says_not_started(SentenceText("Projektet har ännu inte börjat.", 0))


def test_an_eu_grant_label_is_no_co_financier_and_medverkande_lists_partners() -> None:
    assert find_co_financiers(SentenceText("Stöd från EU:8 760 000 kronor", 0)) == []
    names = [n for n, _ in find_co_financiers(SentenceText("Medverkande: Arbetsförmedlingen och Komvux", 0))]
    assert names == ["Arbetsförmedlingen", "Komvux"]


PAIRS = ("Ägare: Omsorgsförvaltningen; Projektledare: Eva Lind (från 2049-04-01, tidigare Bo Ek); "
         "Tid: 2048-02-01–2050-01-31; Samverkan: Komvux och Region Norr; Fond: Interreg Aurora")


def test_a_line_of_pairs_gives_its_own_period_partners_and_fund() -> None:
    sent = SentenceText(PAIRS, 0)
    period = find_period(sent)
    assert period is not None and period.start is not None and period.end is not None
    assert (str(period.start.first_day()), str(period.end.first_day())) == ("2048-02-01", "2050-01-31")
    assert [n for n, _ in find_co_financiers(sent)] == ["Komvux", "Region Norr"]
    fund = find_fund_statement(sent)
    assert fund is not None and fund[0] == "Interreg"


def test_setext_headings_of_markdown_get_their_levels() -> None:
    md = "Rapport 2050\n============\n\nIntro.\n\nAlfa\n----\n\nText.\n\n- punkt\n---\n"
    assert setext_as_atx(md).splitlines()[:6] == ["# Rapport 2050", "", "Intro.", "", "## Alfa", ""]
    assert "- punkt\n---" in setext_as_atx(md)  # a list item is no heading


PHASED = """Rapport 2050
============

Kustlyftet
----------

Kustlyftet drivs av Näringslivsbolaget AB och har genomförts i två faser.

**Fas 1**

**Projektperiod:** 2043-03-01 – 2045-02-28
**Total budget:** 6,2 MSEK
**Varav Regionalfonden (ERUF):** 2 480 kkr

**Fas 2**

**Projektperiod:** 2045-06-01 – 2048-05-31
**Total budget:** 11,8 MSEK
**Varav Regionalfonden (ERUF):** 4 720 kkr

**Nuläge**

Fas 2 går in i sitt sista halvår.

**Det som bär**

Företagen har själva tagit upp behov på frukostmötena.

Hamnlyftet
----------

**Projektägare:** Hamnen AB
**Total budget:** 3 MSEK

**Nuläge**

Servicebyggnaden invigdes i oktober.

**Det som bär**

En affärsutvecklare med bakgrund från sjöfarten.

Språkbron
---------

**Projektägare:** Socialförvaltningen
**Total budget:** 2 MSEK

**Nuläge**

Projektet avslutades i december.

**Det som skaver**

Lokalerna var för små.
"""


def test_each_phase_of_a_project_has_its_own_facts() -> None:
    facts = _facts(report_from_bytes(PHASED.encode(), "rapport_2050.md"))
    assert facts["Kustlyftet – Fas 1"].total_budget.value == 6_200_000
    assert facts["Kustlyftet – Fas 2"].total_budget.value == 11_800_000
    assert facts["Kustlyftet"].total_budget is None  # neither phase's budget is the whole's


WITHIN = """Årsrapport 2050

PROJEKT: STEGET VIDARE

Projektägare\tArbetsförvaltningen
Projektledare\tLeyla Demir
Period\t1 februari 2047 – 31 december 2049
Budget\t14,2 MSEK

Steget Vidare erbjuder en samordnad insats för personer långt från arbetsmarknaden.
Nuläge:
Vid årets slut har 132 deltagare skrivits in sedan projektstart.
Framgångar:
• Samlokaliseringen med Arbetsförmedlingen har kortat väntetiderna.
Utmaningar:
Projektledaren lämnade sin tjänst i maj.

PROJEKT: UNG KRAFT

Projektägare\tFritidsförvaltningen
Projektledare\tAmanda Hult
Period\t1 september 2046 – 31 augusti 2048
Budget\t6 480 tkr

Ung Kraft arbetar uppsökande med unga.
Nuläge:
Projektet avslutades i augusti.
Lärdomar:
Börja med förankringen tidigt.
"""


def test_part_titles_with_a_colon_inside_a_pdf_paragraph_open_parts() -> None:
    report = parse_report("rapport_2050", WITHIN)
    assert _parts(report, "Steget Vidare")[:3] == [
        ("Nuläge", SectionType.STATUS), ("Framgångar", SectionType.SUCCESS_FACTORS),
        ("Utmaningar", SectionType.CHALLENGES)]


BRACKETED = """Årsrapport 2050

Projekt 1 av 3: Vägen in

Ägare: Arbetsförvaltningen; Projektledare: Sanna Lind; Tid: 2047-09-01–2050-08-31; Budget: 11,2 Mkr

[Status] Vid utgången av 2049 hade 164 unga skrivits in.

[Framgångar] Det uppsökande arbetet på kvällstid har gett många kontakter.

[Utmaningar] Samverkan med Arbetsförmedlingen har varit svår.

Projekt 2 av 3: Klimatsprånget

Ägare: Kommunstyrelseförvaltningen; Projektledare: Johan Ek; Tid: 2048-01-01–2050-12-31; Budget: 14,8 Mkr

[Status] Hittills har 41 företag deltagit.

[Lärdomar] Börja upphandlingen tidigt.
"""


def test_bracketed_run_in_titles_open_parts() -> None:
    report = parse_report("rapport_2050", BRACKETED)
    assert _parts(report, "Vägen in") == [
        ("Status", SectionType.STATUS), ("Framgångar", SectionType.SUCCESS_FACTORS),
        ("Utmaningar", SectionType.CHALLENGES)]
    assert "Vid utgången av 2049 hade 164 unga skrivits in." in report.text


def test_a_conversion_to_kronor_told_after_a_clause_keeps_the_euro() -> None:
    from corpus.numbers import with_conversions

    text = "Den fick 186 500 euro, vilket till den kurs som användes i budgeten motsvarar 2 088 800 kronor."
    euro, converted = with_conversions(text)
    assert [(a.value, a.unit) for a in euro] == [(186_500, "euro")]
    assert [a.value for a in converted] == [2_088_800]
