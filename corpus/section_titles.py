"""What a section title says: its words without markup, and the vocabulary that types it
(facts, status, success factors, challenges, implementation, summary, background).

Kept apart from ``corpus.headings`` (which finds where titles are) because both the
heading finder and the section tree ask what a title means.
"""

from __future__ import annotations

import re

from corpus.types import SectionType

# "Projekt: Namn", "PROJEKT 3 – Namn", "Projekt 3 av 10: Namn", "Förstudie: Namn": a label
# saying the title names a project.
PROJECT_LABEL = re.compile(
    r"^(?:(?:del|pilot|för)?projekt(?:et)?|förstudie(?:n)?)(?:\s+(?:nr\.?\s*)?\d+[a-z]?(?:\s+av\s+\d+)?)?"
    r"(?:\s*:|\s+[–—-])\s+",
    re.IGNORECASE,
)

# A phase of a project: "Fas 1", "Etapp 2", "Första etappen" (reported as "<project> – Fas 1").
PHASE_TITLE = re.compile(
    r"(?i)^(?:(?:fas|etapp|steg)\s+\d+|(?:första|andra|tredje|fjärde)\s+(?:fasen|etappen))$"
)

# Subsection vocabulary of a project description, as (lower-case stem pattern, type).
# The type of a title is the one whose stem occurs earliest in it.
SUBSECTION_VOCABULARY: tuple[tuple[str, SectionType], ...] = (
    (r"projektfakta", SectionType.FACTS),
    (r"fakta\b", SectionType.FACTS),  # "Fakta", "Kortfakta", "Basfakta"
    (r"om projektet", SectionType.FACTS),
    (r"projektbeskrivning", SectionType.FACTS),
    (r"grunduppgifter", SectionType.FACTS),
    (r"nyckeluppgifter|basfakta|faktaruta|projektet i korthet", SectionType.FACTS),
    # "Ekonomi och tidplan", "Löptid och budget": a project's money and dates.
    (r"tidplan|\blöptid", SectionType.FACTS),
    (r"aktuellt läge|^aktuellt$", SectionType.STATUS),
    (r"läget\b|^läge$", SectionType.STATUS),
    (r"måluppfyllelse", SectionType.STATUS),
    (r"resultat", SectionType.STATUS),
    (r"\bmål(en)?\b", SectionType.STATUS),
    (r"nyckeltal", SectionType.STATUS),
    (r"lägesrapport", SectionType.STATUS),
    (r"lägesbeskrivning", SectionType.STATUS),
    (r"\bstatus\b", SectionType.STATUS),
    (r"^hur har (?:det|året|arbetet) gått", SectionType.STATUS),
    (r"\butfall|(?:så|hur)(?: här)? (?:går|gick) det|så långt|lägesbild|\bhänt\b"
     r"|^så har (?:året|arbetet) gått",
     SectionType.STATUS),
    (r"nuläge|\bjust nu\b|^så ser det ut\b|\bvar står\b|\bstår (?:vi|projektet)\b|uppnått|uppnåtts",
     SectionType.STATUS),
    (r"^genomförande", SectionType.STATUS),
    (r"^kommentar(?:er)?$", SectionType.STATUS),  # a memo's "Kommentar:" over the year's account
    # "Positivt:" / "Negativt:", "Medvind" / "Motvind", "Plus" / "Minus": what helped and what hindered.
    (r"^positiv(?:t|a)\b|^medvind$|^lyckat$|^plus$", SectionType.SUCCESS_FACTORS),
    (r"^negativt$|^motvind$|^minus$|\bsvagheter\b|\bkrångla(?:t|de|r)\b|\bkrångel\b", SectionType.CHALLENGES),
    (r"framgång|\bstyrkor\b|gjor(?:de|t) skillnad|\bburit\b|\b(?:som|vad) (?:bar|bär)\b"
     r"|\b(?:som|vad) (?:har )?hjälpt(?:e)?\b",
     SectionType.SUCCESS_FACTORS),
    (r"inte fungera(?:t|de|r)|fungera(?:t|de|r) (?:mindre|sämre)", SectionType.CHALLENGES),
    (r"fungera(?:t|de|r)", SectionType.SUCCESS_FACTORS),
    # "Det här gick bra", "Vad som går bra" (not "Allt gick bra.", a statement)
    (r"gått bra|\b(?:det (?:här |som )?|vad (?:som )?)(?:gick|går) bra\b", SectionType.SUCCESS_FACTORS),
    (r"utmaning", SectionType.CHALLENGES),
    (r"\bhinder\b", SectionType.CHALLENGES),
    (r"lärdom", SectionType.CHALLENGES),
    (r"motgång|\blärt (?:oss|sig)\b|\bta(?:r)? (?:vi )?med (?:oss|sig)\b", SectionType.CHALLENGES),
    (r"förbättringsområde|\bannorlunda\b", SectionType.CHALLENGES),  # "Vad skulle vi göra annorlunda?"
    (r"\brisk", SectionType.CHALLENGES),
    (r"\bställ(?:de|er|t) till (?:det|problem)", SectionType.CHALLENGES),
    (r"svårighet|\bsvårt\b|\bsvåra(?:re)?\b|\bknepig\w*|\bskav(?:er|de|at|t)?\b|\bproblem(?:en|et)?\b"
     r"|\b(?:var|varit) tungt\b",
     SectionType.CHALLENGES),
    # Advice to whoever comes next ("Råd till nästa projekt", "Tips till andra skolor").
    (r"^(?:råd|tips)\b|\b(?:och|med) (?:råd|tips)$|^att tänka på\b", SectionType.CHALLENGES),
    # Lessons for the next application ("Att ta med till nästa ansökan").
    (r"nästa ansökan|kommande ansökningar|\brekommendation", SectionType.CHALLENGES),
    (r"implementering", SectionType.IMPLEMENTATION),
    (r"ordinarie verksamhet", SectionType.IMPLEMENTATION),
    (r"efter projekt(?:tiden|slut|et)|fortsättning|lever vidare|överlämning|^vad händer (?:nu|sedan)",
     SectionType.IMPLEMENTATION),
    # The whole title only: "Nästa steg Vivalla" is a project's name.
    (r"^(?:nästa steg|framåt|blick framåt|kommande(?: period)?|plan(?:er)?|(?:det )?fortsatta? arbete(?:t)?)"
     r"(?: (?:inför|under|för) \S+| \d{4})?$",
     SectionType.IMPLEMENTATION),
    (r"sammanfatt", SectionType.SUMMARY),  # "Sammanfattning", "Sammanfattande bedömning"
    (r"slutsats", SectionType.SUMMARY),
    (r"bakgrund", SectionType.BACKGROUND),
)
# Vocabulary that types a title only when nothing else in it does: "Erfarenheter inför
# framtiden" are lessons, "Erfarenheter som har fungerat" success factors.
_WEAK_VOCABULARY: tuple[tuple[str, SectionType], ...] = ((r"erfarenhet|reflektion", SectionType.CHALLENGES),)
# Types that make up a project's description (summary/background usually sit at chapter level).
PROJECT_SUBSECTION_TYPES = frozenset(
    {
        SectionType.FACTS,
        SectionType.STATUS,
        SectionType.SUCCESS_FACTORS,
        SectionType.CHALLENGES,
        SectionType.IMPLEMENTATION,
    }
)
# Chapter-level vocabulary; anything else at chapter level is background.
CHAPTER_VOCABULARY: tuple[tuple[str, SectionType], ...] = (
    (r"sammanfatt", SectionType.SUMMARY),  # "Sammanfattning", "Sammanfattande bedömning"
    (r"slutsats", SectionType.SUMMARY),
    (r"avslutande", SectionType.SUMMARY),
    (r"budget", SectionType.FACTS),
    (r"ekonomisk översikt", SectionType.FACTS),
    (r"bakgrund", SectionType.BACKGROUND),
    (r"inledning", SectionType.BACKGROUND),
    (r"organisation", SectionType.BACKGROUND),
    (r"\bhändelser\b", SectionType.BACKGROUND),  # "Viktiga händelser under året"
    (r"bilaga", SectionType.BACKGROUND),
    # The portfolio as a whole: "Översikt över portföljen", "Året i korthet", "Portföljen i siffror".
    (r"översikt", SectionType.BACKGROUND),
    (r"\bi korthet\b", SectionType.BACKGROUND),
    (r"\bportfölj", SectionType.BACKGROUND),
    # Closing chapters: "Samlade iakttagelser och fortsatt arbete", "Slutord", "Framåtblick 2031".
    (r"iakttagelse", SectionType.BACKGROUND),
    (r"slutord", SectionType.BACKGROUND),
    (r"framåtblick", SectionType.BACKGROUND),
    # A memo to a committee (tjänsteskrivelse): "Ärendet", "Övriga frågor", "Förslag till beslut".
    (r"^ärendet$|övriga frågor|förslag till beslut", SectionType.BACKGROUND),
)
# Words that may accompany vocabulary in a heading that is nothing but vocabulary.
_FILLER = frozenset(
    (
        "och",
        "samt",
        "av",
        "i",
        "för",
        "om",
        "med",
        "inom",
        "till",
        "kring",
        "projektet",
        "projektets",
        "förväntade",
        "de",
        "det",
        "en",
        "ett",
        "viktigaste",
        "övriga",
        "nuvarande",
        "vår",  # "Vår rekommendation"
        "våra",
        "vårt",
    )
)

MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*$")
# "§ 3 Projekt X": a memo to a committee numbers its paragraphs, one project each.
NUMBERED_HEADING = re.compile(r"^(?:§\s*)?(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(\S.*)$")


def _matches(title: str, vocabulary: tuple[tuple[str, SectionType], ...]) -> SectionType | None:
    low = comparable(title)
    best: tuple[int, SectionType] | None = None
    for stem, stype in vocabulary:
        m = re.search(stem, low)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), stype)
    return best[1] if best else None


def subsection_type(title: str) -> SectionType | None:
    """The section type a heading's vocabulary names, or None when it names none. A project
    part named with background ("Bakgrund och projektfakta") is that part."""
    found = _matches(title, SUBSECTION_VOCABULARY) or _matches(title, _WEAK_VOCABULARY)
    if found is SectionType.BACKGROUND:
        own = _matches(title, tuple(v for v in SUBSECTION_VOCABULARY if v[1] in PROJECT_SUBSECTION_TYPES))
        return own or found
    return found


def chapter_type(title: str) -> SectionType:
    """The type of a chapter-level heading (summary, facts for budget tables, else background)."""
    return _matches(title, CHAPTER_VOCABULARY) or SectionType.BACKGROUND


def is_chapter_vocabulary(title: str) -> bool:
    """Whether a heading names a typical chapter (summary, budget, background …)."""
    return _matches(title, CHAPTER_VOCABULARY) is not None


# "Projekten", "3 Projekten", "Våra projekt", "Projektredovisningar", "Projekten under 2033":
# a chapter that says its titles are the projects.
_PROJECTS_CHAPTER = re.compile(
    r"^(?:(?:våra|de|alla|samtliga|pågående|aktuella|plattformens|portföljens)\s+)?"
    r"projekt(?:en|redovisning(?:ar|arna)?|beskrivning(?:ar|arna)?)?(?:\s+(?:i|inom|under)\s+.+)?$"
)


def names_projects(title: str) -> bool:
    """Whether a heading titles the chapter of project accounts ("Projekten")."""
    return _PROJECTS_CHAPTER.match(comparable(title)) is not None


def is_run_in_title(title: str) -> bool:
    """Whether a short sentence is a project subsection's title run in with its paragraph
    ("Utmaningar. Det har …", "Aktuellt läge. Under 2035 …"): nothing but the vocabulary of
    a project's parts."""
    return is_pure_vocabulary(title) and subsection_type(title) in PROJECT_SUBSECTION_TYPES


# "… över målet. Framgångsfaktorer. Den enskilt …": a subsection's title run in as a sentence
# of its own, where a PDF's paragraphs were joined into one line.
#: A run-in title's words: one to four, the first capitalised ("Aktuellt läge").
RUN_IN_WORDS = r"[A-ZÅÄÖ][a-zåäö]+(?: [a-zåäö]+){0,3}"
_RUN_IN_TITLE = re.compile(rf"(?<=[.!?]) (?=(?P<title>{RUN_IN_WORDS})\. [A-ZÅÄÖ0-9])")


def run_in_paragraphs(line: str) -> list[str]:
    """A line cut before each run-in subsection title (pure section vocabulary: "Utmaningar.",
    "Aktuellt läge."), so the title opens its own paragraph."""
    cuts = [m.start() for m in _RUN_IN_TITLE.finditer(line) if is_run_in_title(m.group("title"))]
    if not cuts:
        return [line]
    bounds = [0, *cuts, len(line)]
    parts = [line[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False)]
    return [x for part in parts for x in (part, "")][:-1]


def is_pure_vocabulary(title: str) -> bool:
    """Whether a heading is nothing but section vocabulary ("Slutresultat", "Implementering")."""
    low = comparable(title)
    for stem, _ in SUBSECTION_VOCABULARY:
        low = re.sub(r"\w*(?:" + stem + r")\w*", " ", low)
    words = [w for w in re.split(r"[\s/,()–-]+", low) if w]
    return all(w in _FILLER for w in words)


def clean_title(line: str) -> str:
    """A heading's title without markup: no ``#``, numbering, ``*`` or trailing colon."""
    m = MARKDOWN_HEADING.match(line)
    title = m.group(2) if m else line
    n = NUMBERED_HEADING.match(title)
    if n and n.group(2)[0].isupper():
        title = n.group(2)
    title = title.replace("*", "").replace("_", " ") if "*" in title else title
    if title.startswith("[") and title.endswith("]"):
        title = title[1:-1]  # "[Ny i Kiruna]": a plain-text title set in brackets
    return re.sub(r"\s+", " ", title).strip().rstrip(":").strip()


def comparable(title: str) -> str:
    """A title folded for comparison: lower case, one kind of dash, no markup or leaders."""
    t = clean_title(title).lower().replace("–", "-").replace("—", "-")
    t = re.sub(r"[\s.]*\.{2,}[\s.]*$", "", t)
    return re.sub(r"\s+", " ", t).strip()
