"""Layouts first met in the sixteenth session's blind reports (made-up text in their shapes):
justified PDF text with words hyphenated at line ends, parts run in after a dash ("Läge –
Under året …"), Markdown with YAML front matter, money under an "Ekonomi" label, a project
"led" by an organisation, partners named with their town."""

from __future__ import annotations

import pytest

from corpus.facts import extract_project_facts
from corpus.normalise import joined, normalise
from corpus.partners import find_co_financiers
from corpus.reading import parse_report, report_from_bytes, without_front_matter
from corpus.section_titles import subsection_type
from corpus.types import ProjectFacts, Report, SectionKind, SectionType

pytestmark = pytest.mark.unit


def _facts(report: Report) -> dict[str, ProjectFacts]:
    return {f.project: f for f in extract_project_facts(report)}


def _parts(report: Report, project: str) -> list[tuple[str, SectionType]]:
    for s in report.sections:
        for p in [s, *s.children]:
            if p.kind is SectionKind.PROJECT and p.title == project:
                return [(c.title, c.section_type) for c in p.children]
    raise AssertionError(f"no project {project}")


@pytest.mark.parametrize(
    ("prev", "nxt", "expected"),
    [
        ("De kan vara in-", "skrivna i tolv månader.", "De kan vara inskrivna i tolv månader."),
        ("Be-", "räkningarna ska följas upp.", "Beräkningarna ska följas upp."),
        # A shared compound part, an acronym's hyphen and a lone letter stay as written.
        ("Kultur-", "och fritidsförvaltningen", "Kultur- och fritidsförvaltningen"),
        ("stöd från ESF-", "fonden", "stöd från ESF- fonden"),
        ("arbetet med e-", "handel", "arbetet med e- handel"),
    ],
)
def test_joined_makes_a_hyphenated_word_whole(prev: str, nxt: str, expected: str) -> None:
    assert joined(prev, nxt) == expected


def test_wrapped_justified_text_is_unwrapped_without_hyphenation_breaks() -> None:
    line = "Projektet har under året arbetat vidare med yrkessvenska och praktik för arbets-"
    rest = "marknaden, och deltagarna har fått stöd av coacher i kommunens verksamheter varje vecka."
    raw = "\n".join([line, rest] * 15)
    text = normalise(raw).text
    assert "arbetsmarknaden" in text and "arbets- marknaden" not in text


DASHED = """Årsrapport 2045 – Plattformen Vänerljus

3 Projekten

3.1 Strandliv

Projektägare.......... Miljöförvaltningen
Projektledare......... Tove Ek
Total budget.......... 4 800 000 kr
Projektperiod......... 2044-01-01 – 2046-12-31

Strandliv restaurerar strandängar längs sjön tillsammans med markägarna.

Läge – Under 2045 har 12 hektar strandäng röjts och betas nu av kor.

Styrkor – Att markägarna var med från början har gjort arbetet smidigt.

Svagheter – Tillstånden tog längre tid än planerat.

Att tänka på – Räkna med att tillstånd tar ett år.

3.2 Kustjobb

Projektägare.......... Arbetsmarknadsförvaltningen
Projektledare......... Omar Ali
Total budget.......... 6 100 000 kr
Projektperiod......... 2043-03-01 – 2046-02-28

Kustjobb ger arbetslösa en väg till jobb i besöksnäringen.

Läge – Under 2045 har 64 deltagare skrivits in.

Lyckat – Handledarna på företagen har gjort stor skillnad.

Svagheter – Många deltagare har långt till praktikplatserna.

3.3 Hamnlyftet

Projektägare.......... Hamnbolaget AB
Projektledare......... Nils Berg
Total budget.......... 9 000 000 kr
Projektperiod......... 2044-05-01 – 2047-04-30

Hamnlyftet bygger en nod för återbruk i hamnen.

Läge – Noden öppnade i maj.

Styrkor – Företagen har kunnat se materialet på plats.
"""


def test_parts_run_in_after_a_dash_are_the_projects_parts() -> None:
    report = parse_report("rapport_test_2045", DASHED)
    assert _parts(report, "Strandliv") == [
        ("Läge", SectionType.STATUS),
        ("Styrkor", SectionType.SUCCESS_FACTORS),
        ("Svagheter", SectionType.CHALLENGES),
        ("Att tänka på", SectionType.CHALLENGES),
    ]
    assert ("Lyckat", SectionType.SUCCESS_FACTORS) in _parts(report, "Kustjobb")


def test_part_vocabulary_of_short_titles() -> None:
    assert subsection_type("Läge") is SectionType.STATUS
    assert subsection_type("Lyckat") is SectionType.SUCCESS_FACTORS
    assert subsection_type("Svagheter") is SectionType.CHALLENGES
    assert subsection_type("Fortsatt arbete 2043") is SectionType.IMPLEMENTATION
    assert subsection_type("Det fortsatta arbetet") is SectionType.IMPLEMENTATION


FRONT = """---
title: "Kvarnljus – årsrapport 2042"
author: "Stadsledningsförvaltningen"
rapportperiod: "2042-01-01 – 2042-12-31"
---

## Inledning

Plattformen samlar stadens EU-projekt.
"""


def test_front_matter_title_becomes_the_heading_and_fields_label_lines() -> None:
    body = without_front_matter(FRONT)
    assert body.startswith("# Kvarnljus – årsrapport 2042\n")
    assert "Rapportperiod: 2042-01-01 – 2042-12-31" in body
    assert "---" not in body and "title:" not in body
    report = report_from_bytes(FRONT.encode(), "rapport_kvarnljus_2042.md")
    assert report.title == "Kvarnljus – årsrapport 2042"


def test_a_body_heading_wins_over_the_front_matter_title() -> None:
    text = "---\ntitle: Metadata\ndate: 2042-12-15\n---\n\n# Årsrapport 2042\n\n## Inledning\n\nText.\n"
    body = without_front_matter(text)
    assert body.startswith("# Årsrapport 2042\n\nDate: 2042-12-15")
    assert "Metadata" not in body
    assert without_front_matter("--- inget\ntext") == "--- inget\ntext"


TABLED = """# Årsrapport 2042

## Projekten

## Kvarnbron

| Uppgift | Uppgifter |
|---|---|
| Projektägare | Stadsmiljöförvaltningen |
| Projektledare | Lina Berg |
| Fond | Regionalfonden |
| Ekonomi | 3 960 000 kr (varav Regionalfonden 1 584 000 kr) |
| Tid | 2043-01-01 till 2045-12-31 |

Kvarnbron är ett Interregprojekt. Projektet leds av Hjørring Kommune som huvudpartner, med staden som partner.

#### Hur går det?

Projektet har startat.

#### Vad har fungerat?

Samarbetet.

## Matnoden

| Uppgift | Uppgifter |
|---|---|
| Projektägare | Föreningen Matnoden |
| Projektledare | Eva Lund |
| Ekonomi | 2 100 000 kr (varav ESF+ 1 260 000 kr) |
| Tid | 2041-01-01 till 2043-12-31 |

Matnoden delar ut matkassar i samverkan med Företagarföreningen i Mölndal och Svenska kyrkan.

#### Hur går det?

Bra.

#### Vad har varit svårt?

Lokalen.

## Jobbvägen

| Uppgift | Uppgifter |
|---|---|
| Projektägare | Arbetsmarknadsförvaltningen |
| Projektledare | Ali Omar |
| Ekonomi | 5 400 000 kr (varav ESF+ 2 700 000 kr) |

#### Hur går det?

Bra.

#### Vad har fungerat?

Coacherna.
"""


def test_money_under_an_ekonomi_label_gives_total_and_grant() -> None:
    facts = _facts(parse_report("rapport_kvarn_2042", TABLED))
    assert facts["Kvarnbron"].total_budget is not None and facts["Kvarnbron"].total_budget.value == 3_960_000
    assert facts["Kvarnbron"].eu_funding is not None and facts["Kvarnbron"].eu_funding.value == 1_584_000
    assert facts["Jobbvägen"].total_budget is not None and facts["Jobbvägen"].total_budget.value == 5_400_000


def test_an_organisation_that_leads_is_no_manager() -> None:
    facts = _facts(parse_report("rapport_kvarn_2042", TABLED))
    assert [m.value for m in facts["Kvarnbron"].managers] == ["Lina Berg"]


def test_a_partner_keeps_its_town() -> None:
    report = parse_report("rapport_kvarn_2042", TABLED)
    sentence = next(s for s in report.text.split("\n") if "matkassar" in s)
    from corpus.fact_patterns import SentenceText

    names = [n for n, _ in find_co_financiers(SentenceText(sentence, 0))]
    assert names == ["Företagarföreningen i Mölndal", "Svenska kyrkan"]
    assert [c.value for c in _facts(report)["Matnoden"].co_financiers] == names
