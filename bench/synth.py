"""Synthetic yearly reports in the genre of the shipped report, for the scale benchmark.

Every report is generated from this module's own templates and Swedish vocabulary
(invented platforms, projects, people, departments and figures), seeded so a run is
reproducible. The layout follows the genre the parser reads: title block, table of
contents, chapters, then one section per project with facts, status/results, success
factors and challenges, and a closing budget table and summary.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

CITIES = ("Lund", "Uppsala", "Örebro", "Västerås", "Linköping", "Norrköping", "Jönköping", "Umeå",
          "Gävle", "Borås", "Eskilstuna", "Karlstad", "Växjö", "Halmstad", "Sundsvall", "Luleå",
          "Trollhättan", "Östersund", "Kalmar", "Kristianstad", "Skövde", "Falun", "Visby", "Kiruna")
PLATFORM_WORDS = ("Växa tillsammans", "Nya vägar", "Starkare stad", "Jobb och framtid",
                  "Hållbar tillväxt", "Lika chanser", "Broar till arbete", "Grön omställning",
                  "Kunskapslyftet", "Staden för alla")
NAME_HEADS = ("Steg", "Bro", "Kraft", "Nav", "Lyft", "Språng", "Framtid", "Grön", "Digi", "Ung", "Kompetens",
              "Jobb", "Start", "Mötes", "Kultur", "Stads", "Idé", "Rot", "Solvind", "Hamn", "Skog", "Tillit")
NAME_TAILS = ("porten", "bron", "lyftet", "kraft", "steget", "vägen", "verket", "spåret", "labbet", "nätet",
              "skolan", "rummet", "torget", "kompassen", "motorn", "fabriken")
AREAS = ("Norr", "Söder", "Väster", "Öster", "Centrum", "Hamnen", "Ängen", "Backa", "Dalen", "Holmen")
DEPARTMENTS = ("Arbetsmarknadsförvaltningen", "Socialförvaltningen", "Miljöförvaltningen",
               "Kulturförvaltningen", "Stadsbyggnadskontoret", "Fritidsförvaltningen",
               "Gymnasieförvaltningen", "Näringslivskontoret", "Serviceförvaltningen",
               "Fastighetskontoret", "Utbildningsförvaltningen", "Stadsledningskontoret")
FIRST = ("Anna", "Erik", "Sofia", "Karl", "Elin", "Johan", "Sara", "Mikael", "Linnea", "Oskar", "Hanna",
         "Ahmed", "Fatima", "Leila", "Nils", "Ida", "Petra", "Yusuf", "Maja", "Gustav", "Tove", "Ali")
LAST = ("Berg", "Lind", "Holm", "Ek", "Strand", "Nyström", "Sandberg", "Lundgren", "Åkesson", "Forsberg",
        "Hassan", "Karimi", "Wallin", "Björk", "Sjögren", "Dahl", "Engström", "Falk", "Öberg", "Rahimi")
TARGETS = ("unga som varken arbetar eller studerar", "nyanlända kvinnor", "långtidsarbetslösa",
           "personer med funktionsnedsättning", "småföretagare", "föräldrar med försörjningsstöd",
           "elever i gymnasiets introduktionsprogram", "personer över 55 år", "lokala föreningar",
           "fastighetsägare i området", "boende i stadsdelen", "nystartade företag")
ACTIVITIES = ("coachning", "språkstöd på arbetsplatsen", "yrkesutbildning", "praktik", "studiebesök",
              "mentorskap", "digitala verktyg", "nätverksträffar", "workshoppar", "rådgivning",
              "hälsofrämjande insatser", "validering av kompetens", "arbetsgivarkontakter", "korta kurser")
PARTNERS = ("Arbetsförmedlingen", "Försäkringskassan", "Region", "Länsstyrelsen", "högskolan",
            "det lokala näringslivet", "civilsamhället", "bostadsbolaget", "Tillväxtverket", "folkbildningen")
MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
          "oktober", "november", "december")
FUNDS = (("ESF", "Europeiska socialfonden"), ("ERUF", "Europeiska regionala utvecklingsfonden"))
FACTS_TITLES = ("Projektfakta", "Fakta om projektet")
STATUS_TITLES = ("Aktuellt läge och måluppfyllelse/resultat", "Läget just nu och resultat")
SUCCESS_TITLES = ("Framgångsfaktorer", "Vad har fungerat bra")
CHALLENGE_TITLES = ("Utmaningar och förbättringsområden", "Utmaningar och lärdomar")


@dataclass
class SynthProject:
    name: str
    owner: str
    leader: str
    fund: tuple[str, str]
    start: str
    end: str
    budget: int
    funded: int
    target: str
    paragraphs: dict[str, list[str]] = field(default_factory=dict)


def _money(n: int) -> str:
    return f"{n:,}".replace(",", " ")


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _project_name(rng: random.Random, used: set[str]) -> str:
    while True:
        name = rng.choice(NAME_HEADS) + rng.choice(NAME_TAILS)
        if rng.random() < 0.4:
            name += f" {rng.choice(AREAS)}"
        if rng.random() < 0.25:
            name += f" {rng.randint(2, 4)}.0"
        if name not in used:
            used.add(name)
            return name


def _status_sentence(rng: random.Random, p: SynthProject) -> str:
    goal = rng.randint(40, 900)
    got = int(goal * rng.uniform(0.4, 1.4))
    women = rng.randint(0, got)
    forms = (
        f"Målet var att nå {goal} deltagare och hittills har {got} deltagare skrivits in, varav {women} "
        "kvinnor.",
        f"Under perioden har {rng.randint(3, 60)} {rng.choice(ACTIVITIES)} genomförts tillsammans med "
        f"{rng.choice(PARTNERS)}.",
        f"Av deltagarna har {rng.randint(5, 200)} gått vidare till arbete och {rng.randint(2, 90)} till "
        "studier.",
        f"Projektet har arbetat med {rng.choice(ACTIVITIES)} för {p.target} i {rng.choice(AREAS)}.",
        f"En uppföljning i {rng.choice(MONTHS)} visade att {rng.randint(20, 95)} procent av deltagarna var "
        f"nöjda med {rng.choice(ACTIVITIES)}.",
        f"Sammanlagt har {rng.randint(10, 400)} timmar {rng.choice(ACTIVITIES)} erbjudits under året.",
        f"Projektet har tecknat avsiktsförklaringar med {rng.randint(2, 40)} arbetsgivare.",
        f"Utfallet ligger {'över' if got >= goal else 'under'} plan, främst beroende på rekryteringen av "
        f"{p.target}.",
    )
    return rng.choice(forms)


def _lesson_sentence(rng: random.Random, kind: str) -> str:
    if kind == "success":
        forms = (
            f"En viktig framgångsfaktor har varit det nära samarbetet med {rng.choice(PARTNERS)}.",
            f"Att arbeta med {rng.choice(ACTIVITIES)} i små grupper har gett deltagarna trygghet.",
            "Projektledningen lyfter fram den gemensamma styrgruppen som en förutsättning för resultaten.",
            f"Deltagarna uppskattar särskilt {rng.choice(ACTIVITIES)} och den personliga kontakten.",
            "Tidig dialog om implementering har gjort att arbetssättet kan leva vidare efter projekttiden.",
        )
    else:
        forms = (
            f"Det har varit svårt att rekrytera deltagare via {rng.choice(PARTNERS)}.",
            "Personalomsättning i projektet har försenat flera aktiviteter.",
            f"Administrationen kring {rng.choice(ACTIVITIES)} har tagit mer tid än planerat.",
            "Pandemin gjorde att fysiska träffar ersattes av digitala möten under en period.",
            f"En lärdom är att {rng.choice(PARTNERS)} behöver involveras redan i planeringsfasen.",
        )
    return rng.choice(forms)


def _paragraph(rng: random.Random, make) -> str:  # noqa: ANN001 - a sentence factory
    return " ".join(make() for _ in range(rng.randint(4, 7)))


def _project(rng: random.Random, used: set[str], year: int) -> SynthProject:
    budget = rng.randint(15, 400) * 100_000 + rng.randint(0, 99_999)
    start_year = rng.randint(year - 4, year - 1)
    p = SynthProject(
        name=_project_name(rng, used), owner=rng.choice(DEPARTMENTS), leader=_person(rng),
        fund=rng.choice(FUNDS), start=f"{start_year}-{rng.randint(1, 12):02d}-01",
        end=f"{start_year + rng.randint(2, 4)}-{rng.randint(1, 12):02d}-{rng.choice((28, 30, 31)):02d}",
        budget=budget, funded=int(budget * rng.uniform(0.4, 0.7)), target=rng.choice(TARGETS),
    )
    facts = (f"Projektägare är *{p.owner}* och projektledare är {p.leader}. Projekttiden är {p.start} – "
             f"{p.end}. Projektets totala budget är {_money(p.budget)} kr, varav {_money(p.funded)} kr "
             f"finansieras av {p.fund[1]}.")
    aim = (f"Projektet riktar sig till {p.target} och ska genom {rng.choice(ACTIVITIES)} och "
           f"{rng.choice(ACTIVITIES)} öka möjligheterna till arbete eller studier.")
    p.paragraphs = {
        "facts": [facts, aim],
        "status": [_paragraph(rng, lambda: _status_sentence(rng, p)) for _ in range(rng.randint(8, 13))],
        "success": [_paragraph(rng, lambda: _lesson_sentence(rng, "success"))
                    for _ in range(rng.randint(2, 4))],
        "challenges": [_paragraph(rng, lambda: _lesson_sentence(rng, "challenge"))
                       for _ in range(rng.randint(2, 4))],
    }
    return p


def _project_text(rng: random.Random, p: SynthProject) -> tuple[list[str], str]:
    titles = [rng.choice(FACTS_TITLES), rng.choice(STATUS_TITLES), rng.choice(SUCCESS_TITLES),
              rng.choice(CHALLENGE_TITLES)]
    parts = [p.name]
    for title, key in zip(titles, ("facts", "status", "success", "challenges"), strict=True):
        parts += [title, *p.paragraphs[key]]
    return [p.name, *titles], "\n\n".join(parts)


def synth_report(seed: int, target_chars: int) -> tuple[str, str]:
    """One report of about ``target_chars`` characters: (report id, text)."""
    rng = random.Random(seed)
    year = rng.randint(2015, 2024)
    city, platform = rng.choice(CITIES), rng.choice(PLATFORM_WORDS)
    title = f"Rapport {year} – {city}s projektplattform *{platform}*"
    owner = rng.choice(DEPARTMENTS)
    used: set[str] = set()
    projects: list[tuple[SynthProject, list[str], str]] = []
    size = 0
    while size < target_chars * 0.92 or len(projects) < 2:
        p = _project(rng, used, year)
        heads, text = _project_text(rng, p)
        projects.append((p, heads, text))
        size += len(text)
    intro = (f"{city}s projektplattform *{platform}* samlar stadens projekt med stöd från Europeiska "
             f"socialfonden (ESF) och Europeiska regionala utvecklingsfonden (ERUF). Denna rapport omfattar "
             f"perioden *juni {year - 1}–maj {year}* och beskriver läget i vart och ett av "
             f"plattformens {len(projects)} projekt.")
    table = ["Projekt\tProjektägare\tBudget (kr)"]
    table += [f"{p.name} ({p.fund[0]})\t{p.owner}\t{_money(p.budget)}" for p, _, _ in projects]
    total = sum(p.budget for p, _, _ in projects)
    summary = (f"Plattformens projekt har tillsammans en total budget på {_money(total)} kr. "
               + _paragraph(rng, lambda: _lesson_sentence(rng, rng.choice(("success", "challenge")))))
    toc = ["Innehållsförteckning", "", f"{title}\t1", "Bakgrund\t3", "Projektstatus – lägesbeskrivningar\t4"]
    page = 4
    for _, heads, _ in projects:
        toc += [f"{h}\t{page + i // 2}" for i, h in enumerate(heads)]
        page += 2
    toc += [f"Projektinriktning och total budget\t{page}", f"Sammanfattning och slutsatser\t{page + 1}"]
    head = [title, "", "Upprättad", f"Datum: {year}-08-{rng.randint(10, 28)}",
            f"Ansvariga: {_person(rng)}, samordnare", f"Förvaltning: {owner}", "", *toc]
    body = ["Bakgrund", intro, "Projektstatus – lägesbeskrivningar",
            "Nedan följer beskrivningar av plattformens projekt.", *(t for _, _, t in projects),
            "Projektinriktning och total budget", "\n".join(table), "Sammanfattning och slutsatser", summary]
    rid = f"synth_{year}_{seed:03d}"
    return rid, "\n".join(head) + "\n\n" + "\n\n".join(body) + "\n"


def write_corpus(folder: Path, total_chars: int, seed: int = 1, per_report: int = 100_000) -> list[Path]:
    """Synthetic reports of about ``per_report`` characters each, ``total_chars`` in all."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    n = max(1, round(total_chars / per_report))
    for i in range(n):
        rid, text = synth_report(seed * 1000 + i, total_chars // n)
        path = folder / f"{rid}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
