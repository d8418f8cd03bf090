"""Heading lines found from a report's own structure, and the vocabulary that types them.

Three styles are recognised: explicit markup (markdown ``#`` headings or numbered
headings such as ``3.2 Projektfakta``, which carry their level), table-of-contents entries
matched against standalone lines of the body, and plain title lines (short, standalone,
capitalised, no terminal punctuation). Nothing here knows any project's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from corpus.normalise import TocEntry
from corpus.types import SectionType

# Subsection vocabulary of a project description, as (lower-case stem pattern, type).
# The type of a title is the one whose stem occurs earliest in it.
SUBSECTION_VOCABULARY: tuple[tuple[str, SectionType], ...] = (
    (r"projektfakta", SectionType.FACTS),
    (r"fakta\b", SectionType.FACTS),  # "Fakta", "Kortfakta", "Basfakta"
    (r"om projektet", SectionType.FACTS),
    (r"projektbeskrivning", SectionType.FACTS),
    (r"grunduppgifter", SectionType.FACTS),
    (r"nyckeluppgifter|basfakta|faktaruta|projektet i korthet", SectionType.FACTS),
    (r"aktuellt läge", SectionType.STATUS),
    (r"läget\b", SectionType.STATUS),
    (r"måluppfyllelse", SectionType.STATUS),
    (r"resultat", SectionType.STATUS),
    (r"\bmål(en)?\b", SectionType.STATUS),
    (r"nyckeltal", SectionType.STATUS),
    (r"lägesrapport", SectionType.STATUS),
    (r"lägesbeskrivning", SectionType.STATUS),
    (r"\bstatus\b", SectionType.STATUS),
    (r"\butfall|så (?:går|gick) det|så långt|lägesbild|\bhänt\b|^så har (?:året|arbetet) gått",
     SectionType.STATUS),
    (r"nuläge|\bvar står\b|\bstår (?:vi|projektet)\b|uppnått|uppnåtts", SectionType.STATUS),
    (r"^genomförande", SectionType.STATUS),
    (r"framgång|\bstyrkor\b|gjor(?:de|t) skillnad|\bburit\b|\b(?:som|vad) (?:bar|bär)\b",
     SectionType.SUCCESS_FACTORS),
    (r"inte fungera(?:t|de)|fungera(?:t|de) (?:mindre|sämre)", SectionType.CHALLENGES),
    (r"fungera(?:t|de)", SectionType.SUCCESS_FACTORS),
    (r"gått bra", SectionType.SUCCESS_FACTORS),
    (r"utmaning", SectionType.CHALLENGES),
    (r"\bhinder\b", SectionType.CHALLENGES),
    (r"lärdom", SectionType.CHALLENGES),
    (r"motgång|\blärt (?:oss|sig)\b|\bta(?:r)? (?:vi )?med (?:oss|sig)\b", SectionType.CHALLENGES),
    (r"förbättringsområde", SectionType.CHALLENGES),
    (r"\brisk", SectionType.CHALLENGES),
    (r"\bställ(?:de|er|t) till (?:det|problem)", SectionType.CHALLENGES),
    (r"svårighet|\bsvårt\b|\bskav(?:er|de|at|t)?\b|\bproblem(?:en|et)?\b", SectionType.CHALLENGES),
    # Lessons for the next application ("Att ta med till nästa ansökan").
    (r"nästa ansökan|kommande ansökningar|\brekommendation", SectionType.CHALLENGES),
    (r"implementering", SectionType.IMPLEMENTATION),
    (r"ordinarie verksamhet", SectionType.IMPLEMENTATION),
    (r"efter projekt(?:tiden|slut|et)|fortsättning|lever vidare|överlämning|^vad händer (?:nu|sedan)",
     SectionType.IMPLEMENTATION),
    # The whole title only: "Nästa steg Vivalla" is a project's name.
    (r"^(?:nästa steg|framåt|blick framåt|kommande(?: period)?|plan(?:er)?)"
     r"(?: (?:inför|under|för) \S+| \d{4})?$",
     SectionType.IMPLEMENTATION),
    (r"sammanfattning", SectionType.SUMMARY),
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
    (r"sammanfattning", SectionType.SUMMARY),
    (r"slutsats", SectionType.SUMMARY),
    (r"avslutande", SectionType.SUMMARY),
    (r"budget", SectionType.FACTS),
    (r"ekonomisk översikt", SectionType.FACTS),
    (r"bakgrund", SectionType.BACKGROUND),
    (r"inledning", SectionType.BACKGROUND),
    (r"organisation", SectionType.BACKGROUND),
    (r"bilaga", SectionType.BACKGROUND),
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
    )
)

_MARKDOWN = re.compile(r"^(#{1,6})\s+(.+?)\s*#*$")
_NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(\S.*)$")
_BULLET = re.compile(r"^(?:[-–•o]|\*\s|\d+[.)]\s)")
_MAX_TITLE_WORDS = 12
_MAX_TITLE_CHARS = 100
_FUZZY = 0.85


@dataclass(frozen=True, slots=True)
class HeadingLine:
    """A line that may be a heading: its span, cleaned title, explicit level and origin.

    ``source`` is "markdown", "numbered", "labelled" ("PROJEKT 3 – X"), "part" (a numbered
    title inside such a project), "toc" or "plain"; ``level`` is set only for
    explicit markup. ``toc_title`` is the TOC's spelling when the line matched an entry.
    ``body_type`` is the type the body shows when the title names none: "Kortfakta" or
    "Projektets ramar" above lines of project facts.
    """

    start: int
    end: int
    title: str
    source: str
    level: int | None = None
    toc_title: str | None = None
    body_type: SectionType | None = None


# The first line after a title's end when it stands alone (a blank line after it).
_STANDALONE_NEXT = re.compile(r"[ \t]*\n(?:[ \t]*\n)*[ \t]*([^\n]+)\n[ \t]*\n")
# "Projekt: Namn", "PROJEKT 3 – Namn", "Förstudie: Namn": a label saying the title names a project.
PROJECT_LABEL = re.compile(
    r"^(?:(?:del|pilot|för)?projekt(?:et)?|förstudie(?:n)?)(?:\s+(?:nr\.?\s*)?\d+[a-z]?)?(?:\s*:|\s+[–—-])\s+",
    re.IGNORECASE,
)


def heading_type(h: HeadingLine) -> SectionType | None:
    """The section type of a heading: its title's vocabulary, else what its body shows."""
    return subsection_type(h.title) or h.body_type


# A line of a facts block: a fact's key, then a tab (a table cell) or a colon.
_FACT_LINE = re.compile(
    r"^(?:projektägare|ägare|projektledare|projekttid|projektperiod|period|total\w*\s*budget|budget|"
    r"fond|finansiering|eu-stöd|eu-finansiering|stöd\s+från|medfinansi\w*|målgrupp)\b[^\t:\n]{0,30}[\t:]",
    re.IGNORECASE,
)


def opens_fact_block(text: str, end: int) -> bool:
    """Whether the lines right after ``end`` (a title's end) are project facts. Facts under
    a title of their own ("PROJEKT 1 – X", then "Fakta om projektet") are that title's."""
    own = _STANDALONE_NEXT.match(text[end : end + 600])
    if own and not _FACT_LINE.match(own.group(1).strip()) and _is_plain_title(own.group(1).strip()):
        return False
    lines = [x.strip() for x in text[end : end + 600].split("\n") if x.strip()][:6]
    return sum(1 for x in lines if _FACT_LINE.match(x)) >= 2


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


def is_pure_vocabulary(title: str) -> bool:
    """Whether a heading is nothing but section vocabulary ("Slutresultat", "Implementering")."""
    low = comparable(title)
    for stem, _ in SUBSECTION_VOCABULARY:
        low = re.sub(r"\w*" + stem + r"\w*", " ", low)
    words = [w for w in re.split(r"[\s/,()–-]+", low) if w]
    return all(w in _FILLER for w in words)


def clean_title(line: str) -> str:
    """A heading's title without markup: no ``#``, numbering, ``*`` or trailing colon."""
    m = _MARKDOWN.match(line)
    title = m.group(2) if m else line
    n = _NUMBERED.match(title)
    if n and n.group(2)[0].isupper():
        title = n.group(2)
    title = title.replace("*", "").replace("_", " ") if "*" in title else title
    return re.sub(r"\s+", " ", title).strip().rstrip(":").strip()


def comparable(title: str) -> str:
    """A title folded for comparison: lower case, one kind of dash, no markup or leaders."""
    t = clean_title(title).lower().replace("–", "-").replace("—", "-")
    t = re.sub(r"[\s.]*\.{2,}[\s.]*$", "", t)
    return re.sub(r"\s+", " ", t).strip()


def _standalone_lines(text: str) -> list[tuple[int, int, str]]:
    """Lines that form a paragraph on their own: (start, end, line)."""
    out: list[tuple[int, int, str]] = []
    pos = 0
    for block in re.split(r"(\n\s*\n)", text):
        if block.strip() and not block.startswith("\n"):
            stripped = block.strip()
            if "\n" not in stripped:
                start = pos + block.index(stripped)
                out.append((start, start + len(stripped), stripped))
        pos += len(block)
    return out


# A paragraph opening with a bold label that ends in a full stop or colon ("**Svårigheter.**
# Det har varit …"): the label is the paragraph's title, run in with its text.
_RUN_IN = re.compile(r"(?:^|\n\n)(?P<mark>\*\*|__)(?P<label>[^*_\n]{2,80}?)[.:](?P=mark)[ \t]+(?=\S)")


def _run_in_labels(text: str) -> list[tuple[int, int, str]]:
    """Run-in paragraph titles: (start, end of the label's markup, label)."""
    out = []
    for m in _RUN_IN.finditer(text):
        end = m.end("mark") + len(m.group("label")) + 1 + len(m.group("mark"))
        out.append((m.start("mark"), end, m.group("label")))
    return out


def _is_plain_title(line: str, numbered: bool = False) -> bool:
    """Whether a line on its own reads as a title. A line numbered like the report's other
    headings ("5.1 Hur når man deltagare som inte vill delta?", "3. OMVÄRLD: EN NY
    PERIOD") may be a longer question or carry a colon; an unnumbered one may not."""
    title = clean_title(line)
    if not title or len(title) > _MAX_TITLE_CHARS or len(title.split()) > _MAX_TITLE_WORDS:
        return False
    if _BULLET.match(line) or "\t" in line or line.rstrip("*").endswith((".", ",", ";", ":", "!")):
        return False
    if line.rstrip("*").endswith("?") and len(title.split()) > 6 and not numbered:
        return False  # a short question on its own line is a heading ("Vad blev resultatet?")
    if ": " in title and not numbered or ". " in title:
        return False
    return title[0].isupper() or title[0].isdigit()


def _is_lead_in_title(line: str) -> bool:
    """A short line of section vocabulary ending in a colon, on its own above a list or
    quotes ("Vad som har fungerat:", "Det här tar vi med oss:"): a subsection's title."""
    title = line.rstrip().rstrip("*")
    if not title.endswith(":") or len(title.split()) > 6 or ":" in title[:-1] or _BULLET.match(line):
        return False
    return subsection_type(title[:-1]) in PROJECT_SUBSECTION_TYPES


def _explicit(text: str) -> list[HeadingLine]:
    out: list[HeadingLine] = []
    lines = _standalone_lines(text)
    has_subnumbers = any(
        (n := _NUMBERED.match(line)) and "." in n.group(1) and _is_plain_title(n.group(2))
        for _, _, line in lines
    )
    for start, end, line in lines:
        m = _MARKDOWN.match(line)
        if m:
            out.append(HeadingLine(start, end, clean_title(line), "markdown", len(m.group(1))))
            continue
        n = _NUMBERED.match(line)
        if has_subnumbers and n and _is_plain_title(n.group(2), numbered=True) and n.group(2)[0].isupper():
            level = n.group(1).count(".") + 1
            out.append(HeadingLine(start, end, clean_title(line), "numbered", level))
        elif PROJECT_LABEL.match(line) and _is_plain_title(line):
            out.append(HeadingLine(start, end, clean_title(line), "labelled"))
    # "PROJEKT 3 – Namn" among numbered chapters: a project, one level below the chapters;
    # a numbered heading at that level after it ("3.6 Varför projektet avbröts") is a part
    # of that project.
    top = min((h.level for h in out if h.level), default=1)
    levelled: list[HeadingLine] = []
    in_labelled = False
    for h in out:
        level = h.level
        if h.source == "labelled":
            level, in_labelled = top + 1, True
        elif level is not None and level <= top:
            in_labelled = False
        elif in_labelled and level == top + 1:
            levelled.append(HeadingLine(h.start, h.end, h.title, "part", top + 2))
            continue
        levelled.append(HeadingLine(h.start, h.end, h.title, h.source, level))
    return levelled


def _match_toc(lines: list[tuple[int, int, str]], toc: tuple[TocEntry, ...]) -> dict[int, str]:
    """Map line index → TOC title, matching entries in order against standalone lines."""
    matched: dict[int, str] = {}
    cursor = 0
    for entry in toc:
        want = comparable(entry.title)
        for k in range(cursor, len(lines)):
            have = comparable(lines[k][2])
            if have == want or SequenceMatcher(None, have, want).ratio() >= _FUZZY:
                matched[k] = entry.title
                cursor = k + 1
                break
    return matched


def _with_unmarked_subsections(text: str, explicit: list[HeadingLine]) -> list[HeadingLine]:
    """Add plain subsection-vocabulary lines ("**Projektfakta**") where the markup has none.

    Some reports mark chapters and projects with ``#`` or numbers but write subsection
    titles as plain or bold lines, some only for part of their projects; such a line
    becomes a heading one level below the explicit heading it stands under, unless that
    heading's part of the report marks its subsections explicitly (``#### Projektfakta``).
    A line that is nothing but vocabulary ("Framgångsfaktorer") always qualifies; one that
    merely contains it ("Läget just nu", "Kort om projektet") only where at least two such
    lines describe the same part, as a project's subsections do. A title above lines of
    project facts ("Kortfakta"), or "Om <the heading above>", is the part's facts.
    """
    marked = [h.start for h in explicit if subsection_type(h.title) in PROJECT_SUBSECTION_TYPES]
    taken = {h.start for h in explicit}
    found: dict[int | None, list[tuple[int, int, str, SectionType | None]]] = {}
    candidates = sorted(_standalone_lines(text) + _run_in_labels(text))
    for start, end, line in candidates:
        if start in taken or not (_is_plain_title(line) or _is_lead_in_title(line)):
            continue
        i = next((k for k in range(len(explicit) - 1, -1, -1) if explicit[k].start < start), None)
        about_parent = i is not None and comparable(line) == "om " + comparable(explicit[i].title)
        facts = about_parent or opens_fact_block(text, end)
        kind = subsection_type(line) or (SectionType.FACTS if facts else None)
        found.setdefault(i, []).append((start, end, line, kind))
    out = list(explicit)
    for i, lines in found.items():
        level = (explicit[i].level or 1) if i is not None else 1
        after_part = i is not None and explicit[i].source == "part"
        if after_part:
            level -= 1  # titles after a project's numbered part are its siblings
        if i is not None:
            until = next((h.start for h in explicit[i + 1 :] if (h.level or 1) <= level), len(text))
            if any(explicit[i].start < m < until for m in marked):
                continue
        typed = [k for *_, k in lines if k in PROJECT_SUBSECTION_TYPES]
        for start, end, line, kind in lines:
            body = None if subsection_type(line) else kind
            # Among two or more typed titles, an untyped one ("Vad som har burit projektet")
            # is a subsection too, of unknown type, rather than text of the one above.
            if is_pure_vocabulary(line) or len(typed) >= 2 or body is not None or after_part and kind:
                out.append(HeadingLine(start, end, clean_title(line), "plain", level + 1, body_type=body))
    return sorted(out, key=lambda h: h.start)


def find_heading_lines(text: str, toc: tuple[TocEntry, ...]) -> list[HeadingLine]:
    """Every heading candidate of ``text``, in order.

    Explicit markup wins when the report uses it (three or more such headings); otherwise
    TOC-matched lines and plain title lines are returned for ``corpus.sections`` to sort
    into chapters, projects, subsections and lower-level titles.
    """
    explicit = _explicit(text)
    if len(explicit) >= 3:
        return _with_unmarked_subsections(text, explicit)
    lines = _standalone_lines(text)
    toc_hits = _match_toc(lines, toc) if toc else {}
    out: list[HeadingLine] = []
    for k, (start, end, line) in enumerate(lines):
        if k in toc_hits:
            out.append(HeadingLine(start, end, clean_title(line), "toc", None, toc_hits[k]))
        elif _is_plain_title(line):
            body = SectionType.FACTS if not subsection_type(line) and opens_fact_block(text, end) else None
            out.append(HeadingLine(start, end, clean_title(line), "plain", body_type=body))
    return out
