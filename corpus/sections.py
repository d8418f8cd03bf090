"""The section tree of a report: chapters → projects (→ sub-projects) → subsections.

Heading candidates from ``corpus.headings`` are given roles. With explicit markup the
levels are given and a heading is a project when its children describe a project (a facts
subsection, or two or more project-subsection headings). Without markup the roles come
from the document's rhythm (``corpus.flat_roles``); other title lines stay in the body.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from corpus.fact_cues import FIRST_PARAGRAPH, OPENING, fact_cues, names_runner
from corpus.flat_roles import PROJECT, flat_roles
from corpus.headings import HeadingLine, heading_type
from corpus.section_titles import (
    PHASE_TITLE,
    PROJECT_LABEL,
    PROJECT_SUBSECTION_TYPES,
    chapter_type,
    clean_title,
    is_chapter_vocabulary,
    names_projects,
)
from corpus.types import Section, SectionKind, SectionType, Span

logger = logging.getLogger(__name__)


@dataclass(slots=True)
class _Node:
    """A heading with its level while the tree is being built."""

    heading: HeadingLine
    level: int
    end: int = 0
    children: list[_Node] = field(default_factory=list)
    states_facts: bool = False  # its text says who runs it, what it costs, when and with which fund
    projects_level: bool = False  # most titles of its level elsewhere in the report are projects
    read_as_project: bool = False  # the plain reading (no markup) found a project here
    names_runner: bool = False  # its first paragraph says who runs it, and its facts


def _nest(levelled: list[tuple[HeadingLine, int]], text_len: int, flat: bool = False) -> list[_Node]:
    """Nest headings by level; each node ends where the next heading of its level or higher starts."""
    roots: list[_Node] = []
    stack: list[_Node] = []
    for h, level in levelled:
        node = _Node(h, level, read_as_project=flat and level == PROJECT)
        while stack and stack[-1].level >= level:
            stack.pop().end = h.start
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    for node in stack:
        node.end = text_len
    return roots


def _mark_fact_bodies(nodes: list[_Node], text: str) -> None:
    """Mark the titles whose text opens with three of the four kinds of project facts."""
    for node in nodes:
        opening = text[node.heading.end : min(node.end, node.heading.end + OPENING)]
        node.states_facts = fact_cues(opening) >= 3
        first = text[node.heading.end : min(node.end, node.heading.end + FIRST_PARAGRAPH)]
        node.names_runner = node.states_facts and names_runner(first)
        _mark_fact_bodies(node.children, text)


def _describes_project(node: _Node) -> bool:
    types = [heading_type(c.heading) for c in node.children]
    if heading_type(node.heading):
        return False
    return SectionType.FACTS in types or sum(t in PROJECT_SUBSECTION_TYPES for t in types) >= 2


def _among_projects(nodes: list[_Node]) -> bool:
    """Whether most titles of this level that have subsections are projects (a report's
    "Projektredovisningar"): then one whose subsections are worded less plainly
    ("Syfte och ramar", "Genomförande och resultat") is a project too."""
    parents = [n for n in nodes if n.children]
    described = sum(_describes_project(n) for n in parents)
    return described >= 3 and described * 2 >= len(parents)


def _mark_project_levels(roots: list[_Node]) -> None:
    """Mark the levels at which most titles with subsections describe projects. Projects
    grouped by fund ("## Regionalfonden" / "### X") share a level across chapters, so a
    chapter with a single project ("## Interreg" / "### Y") has company elsewhere."""
    by_level: dict[int, list[_Node]] = {}
    stack = list(roots)
    while stack:
        node = stack.pop()
        by_level.setdefault(node.level, []).append(node)
        stack.extend(node.children)
    for nodes in by_level.values():
        if _among_projects(nodes):
            for node in nodes:
                node.projects_level = True


def _plain(node: _Node) -> bool:
    """A title without vocabulary: neither a part's or chapter's word, nor one naming the
    projects collectively ("Projekt inom Regionalfonden")."""
    title = node.heading.title
    return not (heading_type(node.heading) or is_chapter_vocabulary(title) or names_projects(title))


def _told_in_prose(nodes: list[_Node]) -> bool:
    """Whether this level is a chapter of projects told in running text only: three or more
    plain titles without subsections whose text opens with a project's facts, and they are
    most of the level ("4.1 STEGET VIDARE" … "4.10 …", each a page of prose)."""
    stating = sum(_plain(n) and not n.children and n.states_facts for n in nodes)
    return stating >= 3 and stating * 2 > len(nodes)


def _like_a_project(node: _Node) -> bool:
    """A title with at least one project subsection, among projects (see _among_projects),
    or one that says it is a project of its own ("Förstudie: X", "Delprojekt Y") though it
    has no subsections; not one that names a chapter ("Plattformens organisation")."""
    if heading_type(node.heading) or is_chapter_vocabulary(node.heading.title):
        return False
    if _PROJECT_KIND.match(node.heading.title):
        return True
    return any(heading_type(c.heading) in PROJECT_SUBSECTION_TYPES for c in node.children)


# The kind of project, then its name: "Förstudie: Validering i X", "Delprojekt Y" (not
# "Projekt som avslutats under året").
_PROJECT_KIND = re.compile(r"(?i:(?:del|pilot|för)?projekt(?:et)?|förstudie(?:n)?)(?:\s*:\s*|\s+)[A-ZÅÄÖ0-9]")


def _strip_document_title(levelled: list[tuple[HeadingLine, int]]) -> list[tuple[HeadingLine, int]]:
    """Drop a lone top-level heading that opens the document: it is the report's title."""
    if levelled:
        top = min(level for _, level in levelled)
        tops = [h for h, level in levelled if level == top]
        if len(tops) == 1 and tops[0] is levelled[0][0] and len(levelled) > 1:
            return levelled[1:]
    return levelled


def _to_section(
    node: _Node,
    kind: SectionKind,
    stype: SectionType,
    path: tuple[str, ...],
    project: str | None,
    name_of: dict[int, str],
) -> Section:
    title = name_of.get(node.heading.start, node.heading.title)
    here = (*path, title)
    if kind in (SectionKind.PROJECT, SectionKind.SUBPROJECT):
        project = title
    section = Section(
        title=title,
        kind=kind,
        section_type=stype,
        heading=Span(node.heading.start, node.heading.end),
        body=Span(node.heading.end, max(node.end, node.heading.end)),
        heading_path=here,
        project=project,
    )
    kids = node.children
    # An introduction ("Inledning", "Bakgrund") tells about the projects; it holds none.
    holds = project is None and not is_chapter_vocabulary(node.heading.title)
    among = holds and (_among_projects(kids) or any(c.projects_level for c in kids))
    told = _told_in_running_text(kids, among) if holds else [False] * len(kids)
    if holds and names_projects(node.heading.title):
        # "3 Projekten": a plain title in it is a project when it has subsections, however
        # little they say so, or its text states a project's facts; a title grouping projects
        # ("3.1 Näringsliv") or a closing note ("Övriga kontakter") is not one.
        told = [
            t or _plain(c) and (bool(c.children) or c.states_facts)
            and not any(map(_describes_project, c.children))
            for t, c in zip(told, kids, strict=True)
        ]
    for child, between in zip(kids, told, strict=True):
        section.children.append(
            _child_section(node, child, kind, stype, here, project, name_of, among, between)
        )
    return section


def _told_in_running_text(nodes: list[_Node], among: bool) -> list[bool]:
    """Which of these sibling titles are projects that tell everything in running text,
    without subsection titles: among projects, a plain title after a project when another
    project follows or its text states a project's facts; and every such title of a level
    of them (``_told_in_prose``)."""
    projectish = [_describes_project(c) or _like_a_project(c) for c in nodes]
    prose = _told_in_prose(nodes)
    # Under a fund's chapter ("## Leader" / "#### X"), titles told in prose at a level that
    # holds projects elsewhere, when every title there is a project or such a one.
    in_prose = [c.projects_level and _plain(c) and not c.children and c.names_runner for c in nodes]
    own_chapter = all(p or q for p, q in zip(projectish, in_prose, strict=True))
    # Where the projects say so in their titles ("## Projekt: X") and no other title of the
    # level has a project's subsections, a title that does not say so ("## Samlade
    # iakttagelser") is no project, whatever facts its text repeats.
    labelled = [PROJECT_LABEL.match(c.heading.title) is not None for c in nodes]
    by_label = sum(labelled) >= 3 and not any(
        _describes_project(c) for c, says in zip(nodes, labelled, strict=True) if not says
    )
    out = []
    for k, child in enumerate(nodes):
        if by_label and not labelled[k]:
            out.append(False)
            continue
        plain = _plain(child) and not child.children
        between = (among and plain and any(projectish[:k])
                   and (k < len(nodes) - 1 and projectish[k + 1] or child.states_facts))
        out.append(between or own_chapter and in_prose[k] or prose and plain and child.states_facts)
    return out


def _child_section(
    parent: _Node,
    child: _Node,
    kind: SectionKind,
    stype: SectionType,
    path: tuple[str, ...],
    project: str | None,
    name_of: dict[int, str],
    among_projects: bool = False,
    between_projects: bool = False,
) -> Section:
    own = heading_type(child.heading)
    if kind is SectionKind.PROJECT and child.states_facts and PHASE_TITLE.match(child.heading.title):
        # "Fas 2" with its own period and budget: a phase is reported as a project of its
        # own, named with its project's name, so its facts are not read as the whole's.
        name_of[child.heading.start] = f"{project} – {child.heading.title}"
        return _to_section(child, SectionKind.SUBPROJECT, SectionType.BACKGROUND, path, project, name_of)
    if kind in (SectionKind.PROJECT, SectionKind.SUBPROJECT) and _describes_project(child):
        return _to_section(child, SectionKind.SUBPROJECT, SectionType.BACKGROUND, path, project, name_of)
    if kind in (SectionKind.PROJECT, SectionKind.SUBPROJECT):
        return _to_section(
            child, SectionKind.SUBSECTION, own or SectionType.BACKGROUND, path, project, name_of
        )
    if project is None and (
        PROJECT_LABEL.match(child.heading.title) is not None
        or child.read_as_project
        or _describes_project(child)
        or among_projects and _like_a_project(child)
        or between_projects
    ):
        # Directly under a chapter, or under a grouping title inside one ("4.1 Näringsliv").
        return _to_section(child, SectionKind.PROJECT, SectionType.BACKGROUND, path, None, name_of)
    # Below a subsection (or a chapter) a lower-level title keeps its parent's type.
    child_type = stype if kind is SectionKind.SUBSECTION else (own or stype)
    return _to_section(child, SectionKind.SUBSECTION, child_type, path, project, name_of)


def _top_section(
    node: _Node, name_of: dict[int, str], among_projects: bool = False, told: bool = False,
    projects_below: bool = False,
) -> Section:
    labelled = PROJECT_LABEL.match(node.heading.title) is not None or node.read_as_project
    # Where the projects sit under a chapter ("# 3 Projekten" / "## 3.1 X"), a chapter beside
    # it with shared parts ("# 4 Samlade iakttagelser" / "## Gemensamma utmaningar") is none.
    described = _describes_project(node) and not (projects_below and not node.states_facts)
    if labelled or described or among_projects and _like_a_project(node) or told:
        return _to_section(node, SectionKind.PROJECT, SectionType.BACKGROUND, (), None, name_of)
    return _to_section(node, SectionKind.CHAPTER, chapter_type(node.heading.title), (), None, name_of)


def build_sections(text: str, heads: list[HeadingLine], name_of: dict[int, str]) -> list[Section]:
    """The section tree of ``text``, with a leading front-matter chapter when text precedes it.

    ``name_of`` maps a heading's start offset to a normalised title (project names).
    """
    flat = not (heads and all(h.level is not None for h in heads))
    marked = [(h, h.level or 1) for h in heads]
    # An interview's own question ("Kan du kort beskriva projektet?") is text, not a title,
    # where no markup says otherwise; "Vad har varit svårt?" names a part and stays one.
    plain = [h for h in heads if not (h.title.endswith("?") and heading_type(h) is None)]
    levelled = flat_roles(plain, text) if flat else _strip_document_title(marked)
    roots = _nest(levelled, len(text), flat)
    _mark_fact_bodies(roots, text)
    _mark_project_levels(roots)
    among = _among_projects(roots)
    told = _told_in_running_text(roots, among)
    below = not among and any(c.projects_level for r in roots for c in r.children)
    sections = [_top_section(node, name_of, among, t, below) for node, t in zip(roots, told, strict=True)]
    first = roots[0].heading.start if roots else len(text)
    if text[:first].strip():
        sections.insert(0, _front_matter(text, first))
    logger.debug("built %d top-level sections", len(sections))
    return sections


def _front_matter(text: str, end: int) -> Section:
    """Text before the first heading (title page): a background chapter titled by its first line."""
    start = len(text[:end]) - len(text[:end].lstrip())
    first_line = text[start:end].split("\n", 1)[0].strip()
    looks_like_title = not first_line.rstrip("*").endswith((".", "!", "?", ":", ","))
    has_title = 0 < len(first_line) <= 200 and ("\n" in text[start:end].strip() or looks_like_title)
    title = clean_title(first_line) if has_title else "Inledning"
    heading = Span(start, start + len(first_line)) if has_title else None
    body = Span(heading.end if heading else 0, end)
    return Section(title, SectionKind.CHAPTER, SectionType.BACKGROUND, heading, body, (title,))
