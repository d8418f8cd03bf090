"""Fact boxes and fact prose met in later reports: bulleted label lines, a contact person
where no manager is named, managers named after a fronted time, a grant as a share and
its amount, a predecessor told beside the project, projects told in phases and chapters
named by their fund (pure parsing; made-up reports)."""

from __future__ import annotations

import pytest

from corpus.fact_patterns import SentenceText
from corpus.facts import extract_project_facts
from corpus.partners import find_co_financiers
from corpus.reading import parse_report
from corpus.types import ProjectFacts

pytestmark = pytest.mark.unit


def _facts(name: str, text: str) -> dict[str, ProjectFacts]:
    return {f.project: f for f in extract_project_facts(parse_report(name, text))}


BULLETED = """---
title: Årsrapport 2061
---

Inledning
=========

Plattformen Bron samlar kommunens EU-projekt.

Projekten
=========

Projekt 1: Verkstan
-------------------

- **Ägare:** Tekniska förvaltningen, avdelningen för återbruk
- **Projektledning:** Karl Ek
- **Löptid:** 1 mars 2060 – 28 februari 2063
- **Ekonomi:** 9,6 Mkr, varav 4,8 Mkr ESF+

Verkstan är ett fortsättningsprojekt till Gamla Verkstan, som drevs mellan 2055 och 2058 med stöd
från Europeiska socialfonden och en budget på 6,1 Mkr.

**Så går det**

Verkstan har tagit emot 40 deltagare.

Projekt 2: Strandlyftet
-----------------------

- **Ägare:** Miljöförvaltningen
- **Projektledning:** Eva Lind
- **Ekonomi:** 11 480 000 kronor, varav 4 592 000 kronor Regionalfonden

**Så går det**

Strandlyftet har restaurerat två stränder.
"""


def test_bulleted_label_lines_give_the_budget_and_a_predecessor_gives_none_of_its_facts() -> None:
    facts = _facts("rapport_2061", BULLETED)
    verkstan, strand = facts["Verkstan"], facts["Strandlyftet"]
    assert verkstan.total_budget is not None and verkstan.total_budget.value == 9_600_000
    assert verkstan.eu_funding is not None and verkstan.eu_funding.value == 4_800_000
    assert verkstan.fund is not None and verkstan.fund.value == "ESF+"
    assert strand.total_budget is not None and strand.total_budget.value == 11_480_000


BOXED = """# Årsrapport 2062 för Kustplattformen

# Inledning

Kustplattformen samlar kommunens EU-projekt.

Kontaktperson: Lisa Holm, EU-samordnare

# Projekt inom Regionalfonden

Plattformen har två projekt inom Europeiska regionala utvecklingsfonden.

## Hamnlyftet

Ansvarig organisation\tKommunledningsförvaltningen, Näringslivsenheten
Kontaktperson\tOskar Berg (från 15 april 2062), tidigare Lena Strand
Projektperiod\t1 januari 2061 – 31 december 2063
Budget totalt\t24 600 000 kr
EU-medel\t40 procent, motsvarande 9 840 000 kr
I samverkan med\tHamnbolaget AB, Region Kust och hälsocentralen i Norr
Norsk partner\tKystbyen Næring AS, Kystbyen

### Var står projektet idag?

Hamnlyftet har elektrifierat två kajer.

## Digiby

Ansvarig organisation\tServiceförvaltningen
Projektledare\tAnna Vik
Kontaktperson\tPer Sand
Projektperiod\t1 mars 2062 – 28 februari 2065
Budget totalt\t15 300 000 kr
Varav EU-medel\t7 650 000 kr

### Var står projektet idag?

Digiby har byggt fiber till tre byar.
"""


def test_a_fact_box_gives_owner_contact_partners_and_a_grant_told_as_a_share_with_its_amount() -> None:
    facts = _facts("rapport_2062", BOXED)
    hamn, digi = facts["Hamnlyftet"], facts["Digiby"]
    assert hamn.owner is not None and hamn.owner.value.startswith("Kommunledningsförvaltningen")
    # The contact person answers for the project where no manager is named …
    assert [m.value for m in hamn.managers] == ["Oskar Berg"]
    assert [m.value for m in hamn.former_managers] == ["Lena Strand"]
    # … and never beside a named manager.
    assert [m.value for m in digi.managers] == ["Anna Vik"]
    assert hamn.eu_funding is not None and hamn.eu_funding.value == 9_840_000
    assert {c.value for c in hamn.co_financiers} >= {"Hamnbolaget AB", "Region Kust", "Kystbyen Næring AS"}
    assert "Kystbyen" not in {c.value for c in hamn.co_financiers}  # where the partner is, not who
    # The chapter "Projekt inom Regionalfonden" names both projects' fund.
    assert hamn.fund is not None and hamn.fund.value == "ERUF"
    assert digi.fund is not None and digi.fund.value == "ERUF"


PROSE = """MORA LIKA KOMMUN

1. Inledning

Plattformen Älvporten samlar kommunens EU-projekt.

2. Projekten

PROJEKT 1 AV 2: VÄGEN UT

Vägen ut ägs av Arbetsmarknadsförvaltningen och finansieras av ESF+. Projektet pågår mellan den 1 \
september 2060 och den 31 augusti 2063 och har en total budget på 14 250 000 kronor, varav 8 550 000 \
kronor utgörs av stöd från ESF+. Projektet leddes fram till den 30 april 2062 av Karin Ek, som då gick \
över till en annan tjänst. Sedan den 1 maj 2062 är Jonas Sten projektledare.

Läget:
Projektet har 164 deltagare.

PROJEKT 2 AV 2: OMSORGSLYFTET

Omsorgslyftet är ett ESF+-projekt som ägs av Socialförvaltningen och som har genomförts i två faser.

Fas 1 pågick mellan den 1 januari 2058 och den 30 juni 2060 med en total budget på 5 800 000 kronor, \
varav 3 480 000 kronor i stöd från ESF+. Projektledare under fas 1 var Eva Sko. Fas 2 pågår från den 1 \
september 2060 till den 31 maj 2063. Budgeten för fas 2 är 7 350 000 kronor, varav ESF+ bidrar med \
4 410 000 kronor. Projektledare för fas 2 är Maria Lind.

Läget i fas 2:
Fas 2 går enligt plan.
"""


def test_a_manager_after_a_fronted_time_and_a_project_in_phases_read_as_its_current_phase() -> None:
    facts = _facts("rapport_2062", PROSE)
    vagen, lyft = facts["Vägen ut"], facts["Omsorgslyftet"]
    assert [m.value for m in vagen.managers] == ["Jonas Sten"]
    assert [m.value for m in vagen.former_managers] == ["Karin Ek"]
    assert lyft.start_date is not None and lyft.start_date.value == "2060-09-01"
    assert lyft.end_date is not None and lyft.end_date.value == "2063-05-31"
    assert lyft.total_budget is not None and lyft.total_budget.value == 7_350_000
    assert lyft.eu_funding is not None and lyft.eu_funding.value == 4_410_000
    assert [m.value for m in lyft.managers] == ["Maria Lind"]
    assert [m.value for m in lyft.former_managers] == ["Eva Sko"]


def test_a_partner_list_opening_with_how_many_names_no_partners() -> None:
    sent = SentenceText("Partner: Sju kommuner och bolag i Danmark, Nederländerna, Tyskland och Norge", 0)
    assert find_co_financiers(sent) == []
