"""Roles of a report's titles where it has no markup: chapter, project or subsection,
read from the document's rhythm (a project title is directly followed by a subsection
title or opens with a project's facts; inside a project, subsection vocabulary opens
subsections; TOC entries and chapter vocabulary open chapters)."""

from __future__ import annotations

import dataclasses
import re

from corpus.fact_cues import OPENING, states_facts
from corpus.headings import HeadingLine, heading_type
from corpus.section_titles import (
    PROJECT_LABEL,
    PROJECT_SUBSECTION_TYPES,
    is_chapter_vocabulary,
    is_pure_vocabulary,
    names_projects,
    subsection_type,
)
from corpus.types import SectionType

CHAPTER, PROJECT, SUBSECTION = 1, 2, 3


# A report's own title: "Lägesrapport EU-projekt 2036", "Årsrapport 2037".
_REPORT_TITLE = re.compile(r"(?i)rapport\b.*\b(?:19|20)\d\d\b")


def _is_project_start(heads: list[HeadingLine], i: int, text: str) -> bool:
    """A heading right before a subsection heading (or before a facts heading) opens a
    project, and so does one labelled as a project."""
    title = heads[i].title
    if heading_type(heads[i]) or is_chapter_vocabulary(title) or names_projects(title) or i + 1 >= len(heads):
        return False
    if PROJECT_LABEL.match(heads[i].title):
        return True  # "PROJEKT 3 – Namn" says so itself
    nxt = heads[i + 1]
    if _REPORT_TITLE.search(nxt.title):
        return False  # "Helgeåplattformen" over "Lägesrapport EU-projekt 2036": the title page
    nxt_type = heading_type(nxt)
    adjacent = not text[heads[i].end : nxt.start].strip()
    if nxt_type is SectionType.BACKGROUND:
        # "Projekt X" directly followed by "Bakgrund" and then by project subsections.
        return adjacent and _next_is_subsection(heads, i + 1)
    if nxt_type not in PROJECT_SUBSECTION_TYPES:
        return False
    return adjacent or nxt_type is SectionType.FACTS


def _opens_with_facts(heads: list[HeadingLine], i: int, text: str) -> bool:
    """Whether a plain title is a project's because its own text states a project's facts:
    the facts stand straight under it (a block of label lines, which alone would type it as
    a facts heading) or in its opening prose ("Nyckeluppgifter. Projektägare är …")."""
    h = heads[i]
    if subsection_type(h.title) or is_chapter_vocabulary(h.title) or h.source != "plain":
        return False
    if h.body_type is SectionType.FACTS:
        return True
    end = heads[i + 1].start if i + 1 < len(heads) else len(text)
    return states_facts(text[h.end : min(end, h.end + OPENING)])


def flat_roles(heads: list[HeadingLine], text: str) -> list[tuple[HeadingLine, int]]:
    """Levels for headings without markup; lower-level titles are dropped (they stay body).

    A title whose text opens with a project's facts opens a project where no project is
    open, or the open one has had its subsections or stated its own facts: the next
    project, introduced without a subsection straight under its title ("Projektets ramar"
    straight under a project's title is that project's facts)."""
    has_toc = any(h.source == "toc" for h in heads)
    # Where the projects say so in their titles ("PROJEKT: Namn") and no other title has a
    # project's subsections, a title that does not say so is none, whatever its text states
    # ("ÖVERGRIPANDE LÄGE" sums up the portfolio's money); one in capitals, as the report's
    # chapters are, ends the project before it.
    says = [PROJECT_LABEL.match(h.title) is not None for h in heads]
    by_label = sum(says) >= 3 and not any(
        not said and (_is_project_start(heads, i, text) or heads[i].body_type is SectionType.FACTS)
        for i, said in enumerate(says)
    )
    out: list[tuple[HeadingLine, int]] = []
    in_project = False
    current: SectionType | None = None
    opened = 0  # where the open project's own text starts
    upper = False  # whether the open project's title is in capitals
    for i, h in enumerate(heads):
        stype = heading_type(h)
        labelled = says[i]
        if h.source == "chapter" or by_label and not labelled and h.title.isupper() and stype is None:
            out.append((h, CHAPTER))
            in_project, current = False, None
        elif by_label and labelled or not by_label and (_is_project_start(heads, i, text) or (
            (not in_project or current is not None or states_facts(text[opened : h.start]))
            and _opens_with_facts(heads, i, text)
        ) or in_project and upper and _capital_title(h) and not is_chapter_vocabulary(h.title)):
            # The facts under a project's own title are its text, not a facts heading. A
            # title in capitals after a project titled so is the next project.
            out.append((dataclasses.replace(h, body_type=None), PROJECT))
            in_project, current, opened, upper = True, None, h.end, h.title.isupper()
        elif in_project and stype in PROJECT_SUBSECTION_TYPES:
            if h.source == "toc" or stype is not current or is_pure_vocabulary(h.title):
                out.append((h, SUBSECTION))
                current = stype
        elif in_project and stype is not None and _next_is_subsection(heads, i):
            out.append((h, SUBSECTION))
            current = stype
        elif h.source == "toc" or (
            not has_toc and (not in_project or is_chapter_vocabulary(h.title) or names_projects(h.title))
        ):
            out.append((h, CHAPTER))
            in_project, current = False, None
    return out


def _capital_title(h: HeadingLine) -> bool:
    return h.title.isupper() and heading_type(h) is None


def _next_is_subsection(heads: list[HeadingLine], i: int) -> bool:
    return i + 1 < len(heads) and heading_type(heads[i + 1]) in PROJECT_SUBSECTION_TYPES
