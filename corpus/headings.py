"""Heading lines found from a report's own structure (what a title means is
``corpus.section_titles``).

Three styles are recognised: explicit markup (markdown ``#`` headings or numbered
headings such as ``3.2 Projektfakta``, which carry their level), table-of-contents entries
matched against standalone lines of the body, and plain title lines (short, standalone,
capitalised, no terminal punctuation). Nothing here knows any project's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from corpus.contents import TocEntry
from corpus.section_titles import (
    MARKDOWN_HEADING,
    NUMBERED_HEADING,
    PROJECT_LABEL,
    PROJECT_SUBSECTION_TYPES,
    RUN_IN_WORDS,
    clean_title,
    comparable,
    is_pure_vocabulary,
    is_run_in_title,
    subsection_type,
)
from corpus.types import SectionType

_BULLET = re.compile(r"^(?:[-–•o]|\*\s|\d+[.)]\s)")
_MAX_TITLE_WORDS = 12
_MAX_TITLE_CHARS = 100
_FUZZY = 0.85
#: Longest title written as a statement ending in a full stop ("Det vi tar med oss.").
_MAX_STATEMENT_WORDS = 5


@dataclass(frozen=True, slots=True)
class HeadingLine:
    """A line that may be a heading: its span, cleaned title, explicit level and origin.

    ``source`` is "markdown", "numbered", "labelled" ("PROJEKT 3 – X"), "part" (a numbered
    title inside such a project), "toc", "chapter" (a numbered line in capitals where no
    heading has a sub-number) or "plain"; ``level`` is set only for
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


def _standalone_lines(text: str) -> list[tuple[int, int, str]]:
    """Lines that form a paragraph on their own: (start, end, line). So do a project's label
    line heading a block of fact lines ("PROJEKT: Namn" / "Proj.ägare: …" / …) and a part's
    title ending in a colon over its text ("Negativt:" / "Barnomsorgen har …"), which
    memo-like reports write without a blank line after the title."""
    out: list[tuple[int, int, str]] = []
    pos = 0
    for block in re.split(r"(\n\s*\n)", text):
        if block.strip() and not block.startswith("\n"):
            stripped = block.strip()
            first, *rest = stripped.split("\n")
            labelled = PROJECT_LABEL.match(first) and all(_LABEL_LINE.match(line) for line in rest)
            # "Positivt:" with its paragraph on the next line: a lead-in title all the same.
            start = pos + block.index(stripped)
            if not rest or labelled or first.rstrip().endswith(":") and _is_lead_in_title(first):
                out.append((start, start + len(first), first))
            out += _lead_ins_within(stripped, start)
        pos += len(block)
    return out


def _lead_ins_within(block: str, start: int) -> list[tuple[int, int, str]]:
    """Parts' titles ending in a colon inside a paragraph block, after a sentence's end or a
    list item: text extracted from a PDF often has no blank line around them
    ("… i projektet." / "Framgångar:" / "• Samlokaliseringen …")."""
    out = []
    lines = block.split("\n")
    at = start + len(lines[0]) + 1
    for k in range(1, len(lines) - 1):
        prev, line = lines[k - 1], lines[k]
        after_sentence = prev.rstrip().endswith(_TERMINAL_MARKS) or _BULLET.match(prev) is not None
        if after_sentence and line.rstrip().endswith(":") and _is_lead_in_title(line):
            out.append((at, at + len(line), line))
        at += len(line) + 1
    return out


_TERMINAL_MARKS = (".", "!", "?", "”", '"', ")")


# Any label line: "Proj.ägare: …", "Tot. budget: …", "Start/slut: …".
_LABEL_LINE = re.compile(r"^\s*[A-ZÅÄÖ][\w./ ()-]{0,30}:\s+\S")


# A paragraph opening with a bold label that ends in a full stop or colon ("**Svårigheter.**
# Det har varit …"): the label is the paragraph's title, run in with its text.
_RUN_IN = re.compile(r"(?:^|\n\n)(?P<mark>\*\*|__)(?P<label>[^*_\n]{2,80}?)[.:](?P=mark)[ \t]+(?=\S)")


# … or a plain one, nothing but a project part's vocabulary: "Utmaningar. Det har varit …",
# "Läge – Under året har …".
_PLAIN_RUN_IN = re.compile(
    rf"(?:^|\n\n)(?P<label>{RUN_IN_WORDS})(?P<sep>\.|[ \t]+[–—-])[ \t]+(?=[A-ZÅÄÖ0-9\"”])"
)


# … or no title at all, where the paragraph's opening says what it is about: "Det som
# fungerat är …", "Svårare har det varit att …" (the opening stays the paragraph's text).
_OPENING_CLAUSE = re.compile(
    r"(?:^|\n\n)(?P<label>Det som (?:har )?(?:[a-zåäö]+ ){0,2}?[a-zåäö]+(?= (?:är|var|har varit)\b)"
    r"|[A-ZÅÄÖ][a-zåäö]+are(?= har det varit\b))"
)
# … or a plain label and a colon before prose: "Vår rekommendation: Den som …".
_COLON_RUN_IN = re.compile(rf"(?:^|\n\n)(?P<label>{RUN_IN_WORDS}):[ \t]+(?=[A-ZÅÄÖ])")


# A sentence's end: what a run-in title's paragraph has and a fact's value lacks.
_PROSE_END = re.compile(r"[.!?](?:\s|$)")


def _run_in_labels(text: str, bare: bool = False) -> list[tuple[int, int, str]]:
    """Run-in paragraph titles: (start, end of the label's markup, label). A ``bare`` report
    titles none of its projects' parts; there a plain label before a colon or a paragraph's
    opening clause is one too (elsewhere such openings are text under a title of their own)."""
    out = []
    for m in _RUN_IN.finditer(text):
        end = m.end("mark") + len(m.group("label")) + 1 + len(m.group("mark"))
        stop = text.find("\n\n", m.end())
        body = text[m.end() : stop if stop >= 0 else len(text)]
        if _PROSE_END.search(body):  # "**Budget:** 14 600 tkr, varav …" is a fact's label
            out.append((m.start("mark"), end, m.group("label")))
    for m in _PLAIN_RUN_IN.finditer(text):
        if is_run_in_title(m.group("label")):
            out.append((m.start("label"), m.end("sep"), m.group("label")))
    if not bare:
        return out
    for m in _COLON_RUN_IN.finditer(text):
        label = m.group("label")
        stop = text.find("\n", m.end())
        if (is_run_in_title(label) and subsection_type(label) is not SectionType.FACTS
                and _PROSE_END.search(text[m.end() : stop if stop >= 0 else len(text)])):
            out.append((m.start("label"), m.end("label") + 1, label))
    for m in _OPENING_CLAUSE.finditer(text):
        if subsection_type(m.group("label")) in PROJECT_SUBSECTION_TYPES:
            out.append((m.start("label"), m.start("label"), m.group("label")))
    return out


def _is_plain_title(line: str, numbered: bool = False) -> bool:
    """Whether a line on its own reads as a title. A line numbered like the report's other
    headings ("5.1 Hur når man deltagare som inte vill delta?", "3. OMVÄRLD: EN NY
    PERIOD") may be a longer question or carry a colon; an unnumbered one may not."""
    if PROJECT_LABEL.match(line):
        line = PROJECT_LABEL.sub("", line)  # "Delprojekt: Steget vidare" is titled by its name
    title = clean_title(line)
    if not title or len(title) > _MAX_TITLE_CHARS or len(title.split()) > _MAX_TITLE_WORDS:
        return False
    if numbered_capitals(line):
        return True
    if _BULLET.match(line) or "\t" in line or line.rstrip("*").endswith((".", ",", ";", ":", "!")):
        return False
    if line.rstrip("*").endswith("?") and len(title.split()) > 6 and not numbered:
        return False  # a short question on its own line is a heading ("Vad blev resultatet?")
    if ": " in title and not numbered or ". " in title:
        return False
    return title[0].isupper() or title[0].isdigit()


def numbered_capitals(line: str) -> bool:
    """A numbered line in capitals ("3. ARBETSMARKNAD OCH KOMPETENS"): a chapter title,
    never a list item, even where no heading carries a sub-number."""
    n = NUMBERED_HEADING.match(line.strip())
    return n is not None and "." not in n.group(1) and n.group(2).isupper() and len(n.group(2)) >= 4


def _is_lead_in_title(line: str) -> bool:
    """A short line of section vocabulary ending in a colon, on its own above a list or
    quotes ("Vad som har fungerat:", "Det här tar vi med oss:"), or in a full stop where the
    report writes its titles as short statements ("Det som var tungt."): a subsection's title."""
    title = line.rstrip().rstrip("*")
    colon = title.endswith(":") and len(title.split()) <= 6
    # "Svårt." alone is an answer, not a title.
    stop = title.endswith(".") and 2 <= len(title.split()) <= _MAX_STATEMENT_WORDS and "." not in title[:-1]
    if not (colon or stop) or ":" in title[:-1] or _BULLET.match(line):
        return False
    return subsection_type(title[:-1]) in PROJECT_SUBSECTION_TYPES


def _explicit(text: str) -> list[HeadingLine]:
    out: list[HeadingLine] = []
    lines = _standalone_lines(text)
    has_subnumbers = any(
        (n := NUMBERED_HEADING.match(line)) and "." in n.group(1) and _is_plain_title(n.group(2))
        for _, _, line in lines
    )
    for start, end, line in lines:
        m = MARKDOWN_HEADING.match(line)
        if m:
            out.append(HeadingLine(start, end, clean_title(line), "markdown", len(m.group(1))))
            continue
        n = NUMBERED_HEADING.match(line)
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
        elif level is not None and (level <= top or h.source == "markdown"):
            in_labelled = False  # a "#" heading is the report's own chapter, never a project's part
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
    # Labels alone ("Delprojekt: X") give no levels: the plain reading below places them.
    if sum(h.source != "labelled" for h in explicit) >= 3:
        return _with_unmarked_subsections(text, explicit)
    lines = _standalone_lines(text)
    toc_hits = _match_toc(lines, toc) if toc else {}
    if len(toc_hits) * 2 < len(toc):
        toc_hits = {}  # a contents list whose titles the text mostly words otherwise guides nothing
    out: list[HeadingLine] = []
    for k, (start, end, line) in enumerate(lines):
        if k in toc_hits:
            out.append(HeadingLine(start, end, clean_title(line), "toc", None, toc_hits[k]))
        elif numbered_capitals(line):
            out.append(HeadingLine(start, end, clean_title(line), "chapter"))
        elif _is_plain_title(line) or _is_lead_in_title(line):
            # "PROJEKT: Namn" over its fact lines titles the project, whose facts are its text.
            facts = (not subsection_type(line) and not PROJECT_LABEL.match(line)
                     and opens_fact_block(text, end))
            body = SectionType.FACTS if facts else None
            out.append(HeadingLine(start, end, clean_title(line).rstrip("."), "plain", body_type=body))
    # Where no part of a project has a title line, parts run in with their paragraph
    # ("Utmaningar. Det har …", "Det som fungerat är …").
    if any(heading_type(h) in PROJECT_SUBSECTION_TYPES for h in out):
        return out
    taken = {h.start for h in out}
    for start, end, label in _run_in_labels(text, bare=True):
        if start not in taken and subsection_type(label) in PROJECT_SUBSECTION_TYPES:
            out.append(HeadingLine(start, end, clean_title(label), "plain"))
    return sorted(out, key=lambda h: h.start)
