"""Layouts first met in the twentieth session's blind reports (made-up text in their shapes):
a memo to a committee numbered "§ 3 Projekt X (fund)" with lower-case keys and untitled
parts, a wiki's Markdown with HTML fact tables and the fund after a separator, and
"Plus" / "Minus" / "Positiva erfarenheter" as part titles (pure parsing)."""

from __future__ import annotations

import pytest

from corpus.fact_patterns import SentenceText, find_owner, find_runner
from corpus.facts import extract_project_facts
from corpus.managers import is_contact_line
from corpus.reading import html_tables_as_lines, parse_report, report_from_bytes
from corpus.section_titles import subsection_type
from corpus.types import ProjectFacts, Report, SectionKind, SectionType

pytestmark = pytest.mark.unit


def _facts(report: Report) -> dict[str, ProjectFacts]:
    return {f.project: f for f in extract_project_facts(report)}


def _value(s: object) -> object:
    return getattr(s, "value", None)


def _projects(report: Report) -> dict[str, list[tuple[str, SectionType]]]:
    """Each project's name → its parts' (title, type)."""
    out: dict[str, list[tuple[str, SectionType]]] = {}
    for s in report.all_sections():
        if s.kind is SectionKind.PROJECT:
            out[s.title] = [(c.title, c.section_type) for c in s.children]
    return out


_PROJECT = """§ {n} Projekt {name} ({fund})

- ägare: {owner}
- partner: Företagarföreningen i Bäckby
- ledare: {manager}
- löptid: {start} – {end}
- kostnad: {cost}
- eu-bidrag: {eu}

Projektet har under året arbetat vidare med sina aktiviteter och nått fler deltagare än året innan.

Det som fungerat är framför allt samarbetet med föreningarna, som har öppnat dörrar till nya grupper.

Svårare har det varit att hitta lokaler, och flytten under hösten tog mycket tid från verksamheten.

Vår rekommendation: Planera för lokalfrågan redan i ansökan och skriv in en reserv i budgeten.
"""

MEMO = "\n\n".join([
    """BÄCKBY KOMMUN

TJÄNSTESKRIVELSE

Till: Kommunstyrelsens arbetsutskott
Datum: 2071-02-03
Ärende: Årsrapport 2070 – projektplattformen Bäckby framåt


§ 1 Ärendet

Plattformen redovisar en gång per år läget i projekten för arbetsutskottet.


§ 2 Sammanfattande bedömning

Projekten utvecklas i huvudsak enligt plan, men rekryteringen av deltagare går långsamt.
""",
    _PROJECT.format(n=3, name="Nya steg", fund="ESF+", owner="Arbetslivsförvaltningen",
                    manager="Lena Forsman t.o.m. 2070-04-30, därefter Kemal Aydin",
                    start="2069-01-01", end="2071-12-31", cost="7,4 mnkr",
                    eu="4 440 000 kr (60 %)"),
    _PROJECT.format(n=4, name="Ängsmarker i Bäckby", fund="Regionalfonden", owner="Miljöförvaltningen",
                    manager="Tove Lindahl", start="2069-05-01", end="2072-04-30", cost="5 200 000 kr",
                    eu="40 %"),
    _PROJECT.format(n=5, name="Sommarjobb i byarna", fund="LEADER", owner="Byalaget i Norrskog",
                    manager="Ivar Holm", start="2070-03-01", end="2071-02-28", cost="980 000 kr",
                    eu="637 000 kr"),
    """§ 6 Övriga frågor

En ansökan om projektet Solcellsbyn fick avslag och redovisas därför inte.


§ 7 Förslag till beslut

Arbetsutskottet föreslås lägga rapporten till handlingarna.
""",
])


def test_committee_paragraphs_are_the_projects_named_without_their_kind_or_fund() -> None:
    report = parse_report("rapport_backby_2070", MEMO)
    assert list(_projects(report)) == ["Nya steg", "Ängsmarker i Bäckby", "Sommarjobb i byarna"]
    closing = [s.title for s in report.sections if s.kind is SectionKind.CHAPTER]
    assert "Övriga frågor" in closing and "Förslag till beslut" in closing  # not the last project's text


def test_committee_paragraphs_lower_case_keys_give_the_facts() -> None:
    facts = _facts(parse_report("rapport_backby_2070", MEMO))
    steps = facts["Nya steg"]
    assert _value(steps.owner) == "Arbetslivsförvaltningen"
    assert [m.value for m in steps.managers] == ["Kemal Aydin"]  # the one after "därefter"
    assert _value(steps.total_budget) == 7_400_000 and _value(steps.eu_funding) == 4_440_000
    assert _value(steps.fund) == "ESF+" and _value(steps.end_date) == "2071-12-31"
    meadows = facts["Ängsmarker i Bäckby"]
    assert _value(meadows.total_budget) == 5_200_000 and _value(meadows.fund) == "ERUF"
    assert [m.value for m in meadows.managers] == ["Tove Lindahl"]


def test_untitled_parts_are_read_from_their_opening_where_no_part_has_a_title() -> None:
    parts = _projects(parse_report("rapport_backby_2070", MEMO))["Nya steg"]
    assert [t for _, t in parts] == [
        SectionType.SUCCESS_FACTORS, SectionType.CHALLENGES, SectionType.CHALLENGES]
    report = parse_report("rapport_backby_2070", MEMO)
    success = next(c for s in report.all_sections() if s.title == "Nya steg" for c in s.children)
    # The opening clause stays the paragraph's text: it is quoted with it.
    assert report.text[success.body.start:success.body.end].startswith("Det som fungerat är framför allt")


def test_opening_clauses_are_text_where_parts_have_titles() -> None:
    titled = MEMO.replace("Det som fungerat är", "Framgångsfaktorer\n\nDet som fungerat är", 1)
    parts = _projects(parse_report("rapport_backby_2070", titled))["Nya steg"]
    assert [t for t, _ in parts] == ["Framgångsfaktorer"]


WIKI = """# Årsuppföljning 2066 – Åspåret

[[_TOC_]]

Om rapporten: uppföljningen gäller plattformens projekt under 2066.

## Gröna jobb · Regionalfonden

<table>
<tr><th>Projektägare</th><td>Åbygge AB</td></tr>
<tr><th>Projektledare</th><td>Nora Viklund</td></tr>
<tr><th>Projekttid</th><td>1 mars 2065 – 28 februari 2068</td></tr>
<tr><th>Total budget</th><td>6 300 tkr</td></tr>
</table>

**Läget:** Projektet har genomfört fyra kurser under året och har nu 41 deltagare.

**Plus:** Kurserna på kvällstid har lockat deltagare som annars inte hade kunnat vara med.

**Minus:** Det har varit svårt att få lärare till kurserna på landsbygden.

## Unga i Europa – Erasmus+ för yrkesprogrammen

Projektet ägs av Utbildningsförvaltningen, leds av Olle Berg och pågår från 1 augusti 2065 till 31 juli 2067.

**Läget:** Tolv elever har gjort sin praktik utomlands.

**Plus:** Värdfamiljerna har gjort vistelsen trygg för eleverna.

**Minus:** Resorna blev dyrare än beräknat när priserna steg.

## Skogens värde [LEADER] – avslutat

Projektet ägs av Föreningen Skogsbygden, leds av Siv Åberg och pågick till 30 juni 2066.

**Läget:** Projektet avslutades under sommaren.

**Plus:** Markägarna ställde upp med mark och virke.

**Minus:** Det ideella arbetet var svårt att redovisa timme för timme.
"""


def test_html_fact_rows_become_label_lines() -> None:
    assert html_tables_as_lines(
        "<table>\n<tr><th>Projektägare</th><td>Åbygge AB</td></tr>\n<tr><td>a</td><td>b</td></tr>\n</table>"
    ) == "\nProjektägare: Åbygge AB\n| a | b |\n"
    report = report_from_bytes(WIKI.encode(), "rapport_aspar_2066.md")
    green = _facts(report)["Gröna jobb"]
    assert _value(green.owner) == "Åbygge AB" and [m.value for m in green.managers] == ["Nora Viklund"]
    assert _value(green.total_budget) == 6_300_000 and _value(green.fund) == "ERUF"


def test_fund_after_a_separator_is_no_part_of_the_name() -> None:
    report = report_from_bytes(WIKI.encode(), "rapport_aspar_2066.md")
    names = list(_projects(report))
    # A separator before words that are not only the fund's keeps them in the name.
    assert names == ["Gröna jobb", "Unga i Europa – Erasmus+ för yrkesprogrammen", "Skogens värde"]


def test_plus_minus_and_positive_experiences_name_their_parts() -> None:
    assert subsection_type("Plus") is SectionType.SUCCESS_FACTORS
    assert subsection_type("Minus") is SectionType.CHALLENGES
    assert subsection_type("Positiva erfarenheter") is SectionType.SUCCESS_FACTORS
    assert subsection_type("Sammanfattande bedömning") is SectionType.SUMMARY
    report = report_from_bytes(WIKI.encode(), "rapport_aspar_2066.md")
    assert [t for _, t in _projects(report)["Gröna jobb"]] == [
        SectionType.STATUS, SectionType.SUCCESS_FACTORS, SectionType.CHALLENGES]


DECIDED_AND_CURRENT = """# Årsrapport 2066

## Projekt

### Ljusare kvällar

Uppgift\tEnligt beslut\tAktuellt
Projektägare\tTekniska förvaltningen\tOförändrat
Projektledare\tPia Norén\tAxel Strid (sedan 2066-03-01)
Projektperiod\t1 maj 2064 – 30 april 2067\tOförändrat
Total budget\t7 200 000 kronor\t6 480 000 kronor (sänkt i juni 2066)
Varav Regionalfonden\t2 880 000 kronor\t2 592 000 kronor

#### Läget

Belysningen är uppsatt på sex platser.

#### Svårigheter

Leveranserna av armaturer blev försenade.
"""


def test_decided_and_current_columns_give_the_current_value() -> None:
    facts = _facts(report_from_bytes(DECIDED_AND_CURRENT.encode(), "rapport_ljus_2066.md"))["Ljusare kvällar"]
    assert [m.value for m in facts.managers] == ["Axel Strid"]
    assert _value(facts.total_budget) == 6_480_000 and _value(facts.eu_funding) == 2_592_000
    assert _value(facts.owner) == "Tekniska förvaltningen"  # "Oförändrat" keeps the decided value
    assert _value(facts.end_date) == "2067-04-30"


def test_shared_leadership_names_both_managers() -> None:
    text = DECIDED_AND_CURRENT.replace(
        "Projektledare\tPia Norén\tAxel Strid (sedan 2066-03-01)",
        "Projektledning\tDelat projektledarskap: Pia Norén och Axel Strid\tOförändrat")
    facts = _facts(report_from_bytes(text.encode(), "rapport_ljus_2066.md"))["Ljusare kvällar"]
    assert [m.value for m in facts.managers] == ["Pia Norén", "Axel Strid"]


def test_a_contact_person_named_in_a_sentence_stands_in_for_a_missing_manager() -> None:
    text = DECIDED_AND_CURRENT.replace(
        "Projektledare\tPia Norén\tAxel Strid (sedan 2066-03-01)",
        "Projektledare\tRekrytering pågår – tillförordnad kontaktperson är föreningens ordförande Siri Ek"
        "\tOförändrat")
    facts = _facts(report_from_bytes(text.encode(), "rapport_ljus_2066.md"))["Ljusare kvällar"]
    assert [m.value for m in facts.managers] == ["Siri Ek"]
    assert is_contact_line(facts.managers[0].sentence)  # answered as the contact, not a manager


@pytest.mark.parametrize(
    ("sentence", "owner"),
    [
        ("Åby Näringsliv AB äger projektet, som leds av Nils Berg.", "Åby Näringsliv AB"),
        ("Projektet ägs av Åby kommun, socialförvaltningen, och leds av Nils Berg.", "Åby kommun"),
        ("Projektet ägs av Föreningen Ungas hus i Åby och pågår till maj.", "Föreningen Ungas hus i Åby"),
        ("X är ett projekt inom ERUF som ägs av Näringslivsenheten inom Kommunledningsförvaltningen.",
         "Näringslivsenheten inom Kommunledningsförvaltningen"),
        # A partner's owner is not the project's.
        ("Åby Hamn AB, som ägs av Åby kommun, deltog som en av fem partner.", None),
    ],
)
def test_owners_in_prose(sentence: str, owner: str | None) -> None:
    found = find_owner(SentenceText(sentence, 0))
    assert (found[0] if found else None) == owner


def test_an_association_s_name_may_close_in_lower_case() -> None:
    found = find_runner(SentenceText("Projektet drivs av Föreningen Åbys småskaliga odlare sedan maj.", 0))
    assert found is not None and found[0] == "Föreningen Åbys småskaliga odlare"
