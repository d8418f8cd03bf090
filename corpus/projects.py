"""Projects as the report names them: normalised name, status note, abbreviation, aliases.

Everything is read from the project's own heading and section text: a trailing
"– avslutat 2019" becomes the status note, "Namn (ABC)" in the section defines the
abbreviation, a TOC spelling or a near-identical spelling in the section becomes an
alias, and several "Projektägare för X" statements in one project's facts reveal a group
of sub-projects.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from corpus.fact_patterns import FUND_WORDS, find_fund
from corpus.headings import HeadingLine
from corpus.section_titles import PROJECT_LABEL
from corpus.types import Project, Section, SectionKind, SectionType, Span

# "– avslutat 2019", "(förlängt)", "– beviljat, verksamheten startar 2033", "– startar 2033"
_STATUS_WORDS = (
    r"(?:avslutat|avslutad|avslutades|avslutas|avbrutet|avbruten|avbröts|pågående|nytt|ny|förlängt|förlängd|beviljat|beviljad|"
    r"startar|startade|nystartat|ej\s+startat|inte\s+startat)"
)
_STATUS_NOTE = re.compile(
    rf"\s*(?:[–—-]\s*(?P<a>{_STATUS_WORDS}\b[^()]*)|\((?P<b>{_STATUS_WORDS}\b[^()]*)\))\s*$",
    re.I,
)
_SUBPROJECT = re.compile(
    r"(?:Projektägare|Projektledare|Projekttiden|Syftet med|Det övergripande målet) för \*?"
    r"(?P<name>[A-ZÅÄÖ][^*\n]{2,120}?)\*? (?:är|var|har varit)\b"
)
_ALIAS_RATIO = 0.85


def split_status(title: str) -> tuple[str, str | None]:
    """("Projekt X", "avslutat 2019") from "Projekt X – avslutat 2019"."""
    m = _STATUS_NOTE.search(title)
    if not m or m.start() == 0:
        return title, None
    return title[: m.start()].strip(), (m.group("a") or m.group("b")).strip()


_HEADING_ABBREVIATION = re.compile(r"^(?P<name>.+?)\s*\((?P<abbr>[A-ZÅÄÖ][A-ZÅÄÖa-zåäö0-9&-]{1,11})\)$")


# A fund in parentheses is no part of the name: "Projekt X (ESF)", "Projekt Y (Regionalfonden)",
# "(Interreg Öresund-Kattegat-Skagerrak)"; the funds are the facts reader's (FUND_WORDS).
_TRAILING_PAREN = re.compile(r"\s*\((?P<inner>[^()]*)\)\s*$")
# … and so is one after a separator or in brackets: "X · Regionalfonden", "Y | ESF+",
# "Z — Interreg Södra Östersjön", "W [LEADER]".
_TRAILING_FUND = re.compile(r"\s*(?:[·|/—–-]\s+|\[)(?P<inner>[^·|/—–\[\]]+?)\]?\s*$")
_OTHER_FUNDS = frozenset({"EU", "FRO", "JTF"})


def _is_fund(text: str) -> bool:
    """Whether ``text`` names one fund and nothing else ("ESF och ESF+" is a note, not a fund)."""
    mentions = sum(len(rx.findall(text)) for rx in FUND_WORDS.values())
    return text.strip().upper() in _OTHER_FUNDS or (mentions == 1 and find_fund(text) is not None)


def split_heading_abbreviation(title: str) -> tuple[str, str | None]:
    """("Grön omställning i X", "GOX") from a heading "Grön omställning i X (GOX)"; a fund
    in parentheses ("(ESF)") is dropped, it is no abbreviation."""
    for trailing in (_TRAILING_PAREN, _TRAILING_FUND):
        found = trailing.search(title)
        inner = found.group("inner") if found else ""
        # After a separator only the fund's own words ("Interreg Södra Östersjön"): "Ung i
        # Europa – Erasmus+ för yrkesprogrammen" is one name.
        words_ok = trailing is _TRAILING_PAREN or all(not w[0].islower() for w in inner.split())
        if found and found.start() > 0 and words_ok and _is_fund(inner):
            title = title[: found.start()]
    m = _HEADING_ABBREVIATION.match(title)
    if m and sum(c.isupper() for c in m.group("abbr")) >= 2:
        return m.group("name"), m.group("abbr")
    return title, None


def names_by_heading(heads: list[HeadingLine], text: str) -> dict[int, str]:
    """Heading start → title without a "Projekt:" or "PROJEKT 3 –" label, case number, status
    note or abbreviation (used for project headings), in the report's own spelling when the
    heading is set in capitals."""
    caps = _abbreviations(text)
    return {h.start: recased(split_heading_abbreviation(split_status(_unlabelled(h.title))[0])[0],
                             text[h.end :], caps)
            for h in heads}


# A case number before a project's name: "VAR 2038/112 Grön omställning i hamnen", "KS 2037:14 X".
_CASE_NUMBER = re.compile(r"^(?:[A-ZÅÄÖ]{1,5}\s?)?\d{2,4}[/:]\d{1,5}\s+(?=[A-ZÅÄÖ])")


# "Projekt Vägen in": the kind of title before a capitalised name is no part of the name.
_KIND_BEFORE_NAME = re.compile(r"^(?i:(?:del|pilot)?projekt)\s+(?=[A-ZÅÄÖ])")


def _unlabelled(title: str) -> str:
    """A project heading's name without its label ("Projekt 3 av 10:", "Projekt") or case number."""
    title = PROJECT_LABEL.sub("", title)
    if not _is_capitals(title):  # "PROJEKT INOM ARBETSMARKNAD" names a chapter
        title = _KIND_BEFORE_NAME.sub("", title)
    return _CASE_NUMBER.sub("", title)


def _is_capitals(title: str) -> bool:
    letters = [c for c in title if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _abbreviations(text: str) -> frozenset[str]:
    """Words the report writes in capitals within ordinary text ("ESF", "AMIF")."""
    return frozenset(
        w for line in text.splitlines() if not _is_capitals(line)
        for w in re.findall(r"\b[A-ZÅÄÖ]{2,}\b", line)
    )


def _spelled_word(word: str, text: str) -> str:
    """A capitalised word as the text writes it mid-sentence ("Lund"), else in lower case."""
    low, cap = word.lower(), word.capitalize()
    mid = len(re.findall(r"[a-zåäö,] " + re.escape(cap) + r"(?!\w)", text))
    return cap if mid > len(re.findall(r"(?<!\w)" + re.escape(low) + r"(?!\w)", text)) else low


def recased(title: str, after: str, abbreviations: frozenset[str] = frozenset()) -> str:
    """A title set in capitals ("SPRÅKBRON – SPRÅK OCH PRAKTIK") as the text after it spells
    it ("Språkbron – språk och praktik"): each part before and after a dash is looked up in
    the text; a part the text never writes is put in sentence case, keeping abbreviations."""
    if not _is_capitals(title):
        return title
    parts = re.split(r"(\s+[–—-]\s+)", title)
    out = []
    for k, part in enumerate(parts):
        if k % 2:
            out.append(part)
            continue
        found = re.finditer(r"(?<!\w)" + re.escape(part) + r"(?!\w)", after, re.IGNORECASE)
        spelled = next((m.group(0) for m in found if not _is_capitals(m.group(0))), None)
        if spelled is None:
            spelled = " ".join(w if w in abbreviations else _spelled_word(w, after) for w in part.split(" "))
            if k == 0:
                spelled = spelled[:1].upper() + spelled[1:]
        out.append(spelled)
    return "".join(out)


_ABBREVIATION_LINE = re.compile(r"^\W*förkortning\W*[:|]\s*\*?(?P<abbr>[A-ZÅÄÖ][A-ZÅÄÖa-zåäö0-9&-]{1,11})\b",
                                re.IGNORECASE | re.MULTILINE)


def find_abbreviation(name: str, text: str) -> str | None:
    """An abbreviation the text defines right after the name ("Namn (*ABC*)", "Namn (ABC)",
    "Namn, i dagligt tal ABC,") or on a facts line of the project's own text ("Förkortning:
    ABC", "| Förkortning | ABC |")."""
    words = r"\s+".join(re.escape(w) for w in name.replace("*", "").split())
    pattern = r"\*?" + words + r"\*?\s*\(\*?(?P<abbr>[A-ZÅÄÖ][A-ZÅÄÖa-zåäö0-9&-]{1,11})\*?\)"
    # "Namn, i dagligt tal DNI,", "Namn, i vardagligt tal KDO, är …": the name people use.
    spoken = words + r"\*?,\s+(?:i\s+(?:var)?dagligt\s+tal|kallat|förkortat)\s+(?P<abbr>[A-ZÅÄÖ]{2,}[0-9]?)\b"
    found = [*re.finditer(pattern, text, re.IGNORECASE), *re.finditer(spoken, text, re.IGNORECASE)]
    for m in [*found, *_ABBREVIATION_LINE.finditer(text)]:
        abbr = m.group("abbr")
        if sum(c.isupper() for c in abbr) >= 2 and not _is_fund(abbr):
            return abbr
    return None


def _spacing_variants(name: str, text: str) -> list[str]:
    """Spellings that differ from ``name`` only in spaces ("Ung Jobb" for "UngJobb")."""
    squeezed = name.replace(" ", "").lower()
    letters = r"\s?".join(re.escape(c) for c in name.replace(" ", ""))
    found = {m.group(0) for m in re.finditer(r"(?i)\b" + letters + r"\b", text)}
    return sorted(
        f for f in found if f != name and f.replace(" ", "").lower() == squeezed and f[0] == name[0]
    )


def find_aliases(name: str, text: str, section_text: str, extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Other spellings of ``name``: near-identical in its own section, or spaced differently anywhere."""
    words = len(name.split())
    seen: list[str] = [a for a in extra if a != name]
    seen += [v for v in _spacing_variants(name, text) if v not in seen]
    for m in re.finditer(rf"\b[A-ZÅÄÖ][\wåäöÅÄÖ-]*(?: [\wåäöÅÄÖ.-]+){{{words - 1}}}", section_text):
        cand = m.group(0).rstrip(".-")
        if cand != name and cand not in seen and _same_shape(cand, name):
            ratio = SequenceMatcher(None, cand.lower(), name.lower()).ratio()
            if ratio >= _ALIAS_RATIO and cand.split()[0][0] == name[0]:
                seen.append(cand)
    return tuple(seen)


def _same_shape(cand: str, name: str) -> bool:
    """Same capitalisation word by word, and not merely the genitive ("Namns")."""
    if cand.rstrip("s").rstrip(":") == name or len(cand.split()) != len(name.split()):
        return False  # "Budget ......" stripped of its dot leader is one word, not two
    return all(_shape(a) == _shape(b) for a, b in zip(cand.split(), name.split(), strict=True))


def _shape(word: str) -> str:
    first = word[:1]
    return "U" if first.isupper() else "d" if first.isdigit() else "l" if first.isalpha() else first


def _subproject_names(group: str, facts_text: str) -> list[str]:
    names: list[str] = []
    for m in _SUBPROJECT.finditer(facts_text):
        name = m.group("name").strip(" ,")
        if name != group and name not in names:
            names.append(name)
    return names if len(names) >= 2 else []


def build_projects(text: str, sections: list[Section], heads: list[HeadingLine]) -> list[Project]:
    """The report's projects (and sub-projects found in a group's facts), in document order."""
    toc_spelling = {h.start: h.toc_title for h in heads if h.toc_title}
    projects: list[Project] = []
    for top in sections:
        for s in top.walk():
            if s.kind not in (SectionKind.PROJECT, SectionKind.SUBPROJECT) or s.heading is None:
                continue
            raw = text[s.heading.start : s.heading.end]
            bare, note = split_status(raw.replace("*", "").lstrip("# "))
            _, heading_abbr = split_heading_abbreviation(bare)
            body = text[s.body.start : s.body.end]
            toc = toc_spelling.get(s.heading.start)
            extra = (split_status(toc)[0],) if toc else ()
            parent = s.heading_path[-2] if s.kind is SectionKind.SUBPROJECT else None
            abbr = heading_abbr or find_abbreviation(s.title, body)
            aliases = find_aliases(s.title, text, body, extra)
            projects.append(Project(s.title, s.heading, abbr, note, parent, aliases))
            projects.extend(_group_members(s, text))
    return projects


def _group_members(project: Section, text: str) -> list[Project]:
    facts = [c for c in project.children if c.section_type is SectionType.FACTS]
    if not facts or project.kind is not SectionKind.PROJECT:
        return []
    facts_text = text[facts[0].body.start : facts[0].body.end]
    out: list[Project] = []
    for name in _subproject_names(project.title, facts_text):
        at = text.find(name, facts[0].body.start)
        body = text[project.body.start : project.body.end]
        out.append(
            Project(name, Span(at, at + len(name)), find_abbreviation(name, body), None, project.title)
        )
    return out
