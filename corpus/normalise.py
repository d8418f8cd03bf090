"""Normalised report text: the one text all offsets, citations and figures refer to.

``normalise`` removes what is layout rather than content (table of contents, page footers,
page-break line wrapping, hard line wrapping) and tidies whitespace, keeping every word and ``*`` emphasis
marker as written so citations can quote the exact text.

Whitespace rules: line endings become ``\\n``; NBSP and other space variants become a
space; runs of spaces collapse to one; lines are stripped; a table row keeps its tab
characters as cell separators (one tab per cell boundary, empty cells kept), and so does a
block of label lines whose values stand in one column ("Projektledare    Anna Berg"); three
or more newlines collapse to one blank line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.contents import TocEntry, remove_toc
from corpus.label_lines import (
    aligned_labels,
    current_columns,
    definitions,
    joined_labels,
    leader_labels,
    spaced_labels,
    stacked_labels,
)
from corpus.page_furniture import remove_page_furniture
from corpus.section_titles import PROJECT_SUBSECTION_TYPES, run_in_paragraphs, subsection_type

_SPACE_VARIANTS = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
_TERMINAL = (".", "!", "?", ";", "…")
_BULLET = re.compile(r"^(?:[-–•*o]|\d+[.)])\s")
# "2.1.1 Projektfakta", "3. Resultat": numbered headings repeat with a rising number too.
_NUMBERED_HEADING = re.compile(r"^#(?:\.#)*\.\s|^#(?:\.#)+\s")


@dataclass(frozen=True, slots=True)
class NormalisedText:
    """The normalised text plus the table of contents that was taken out of it."""

    text: str
    toc: tuple[TocEntry, ...]


def normalise(raw: str) -> NormalisedText:
    """Normalise a report's raw text (see the module docstring for the rules)."""
    lines = current_columns(_SPACE_VARIANTS.sub(" ", raw).splitlines())
    labelled = joined_labels(spaced_labels(leader_labels(aligned_labels(definitions(stacked_labels(lines))))))
    lines = [_tidy_line(line) for line in labelled]
    lines = _drop_rules(_bracket_titles(lines))
    lines, toc = remove_toc(lines)
    lines = remove_page_furniture(lines)
    lines = _join_page_breaks(lines)
    lines = _unwrap(lines)
    lines = [part for line in lines for part in run_in_paragraphs(line)]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return NormalisedText(text=text, toc=tuple(toc))


# "Projektledare för Luleås del:Mikael Aho": a label whose value lost its space (a PDF
# cell too narrow for the label).
_LABEL_GLUED = re.compile(r"(?<=[a-zåäö]):(?=[A-ZÅÄÖ0-9])")


# A Markdown blockquote's marker ("> Vi skulle …"): layout, not words a quote should repeat.
_BLOCKQUOTE = re.compile(r"^\s*(?:>\s?)+")


def _tidy_line(line: str) -> str:
    line = _LABEL_GLUED.sub(": ", _INVISIBLE.sub("", _BLOCKQUOTE.sub("", line))).strip(" \r\f\v")
    line = re.sub(r" *\t *", "\t", line.strip()) if "\t" in line.strip() else line.strip()
    return re.sub(r" {2,}", " ", line)


# "[Aktuellt läge]" on a line of its own: a subsection title written in brackets.
_BRACKET_TITLE = re.compile(r"^\[([A-ZÅÄÖ][^\[\]]{0,60})\]$")


# "[Utmaningar] Samverkan med …": the same title run in at the start of its paragraph.
_BRACKET_RUN_IN = re.compile(r"^\[([A-ZÅÄÖ][^\[\]\d:]{0,40})\][ \t]+(?=\S)")


def _bracket_titles(lines: list[str]) -> list[str]:
    """A title in brackets, alone on its line or run in before its paragraph, becomes a
    plain title line standing alone (blank lines around it), the way titles are found."""
    out: list[str] = []
    for line in lines:
        m = _BRACKET_TITLE.match(line)
        run_in = _BRACKET_RUN_IN.match(line)
        if run_in and len(run_in.group(1).split()) <= 5:
            out += ["", run_in.group(1), "", line[run_in.end():]]
        elif m:
            out += ["", m.group(1), ""]
        else:
            out.append(line)
    return out


_RULE = re.compile(r"^(?:={3,}|-{3,}|_{3,}|\*{3,}|~{3,})$")


def _drop_rules(lines: list[str]) -> list[str]:
    """Blank out lines that are nothing but a rule: a title underlined with ``====`` or
    ``----`` (as plain-text and setext Markdown headings are) then stands on its own as a
    title line, and a horizontal rule is no text. An underlined numbered chapter title
    becomes a ``#`` heading: the numbers alone do not tell chapters from numbered lists."""
    out: list[str] = []
    for line in lines:
        rule = _RULE.match(line)
        title = out[-1] if out else ""
        if rule and line[0] in "=-" and _UNDERLINED_CHAPTER.match(title) and not title.endswith(_TERMINAL):
            out[-1] = "# " + title
        out.append("" if rule else line)
    return out


# "1. Inledning" underlined: a chapter, however it is underlined (a title with a sub-number,
# "2.1 Alfa", or none stands on its own and the parser tells its role from the text).
_UNDERLINED_CHAPTER = re.compile(r"^\d{1,2}\.?\s+[A-ZÅÄÖ]\S*(?:\s+\S+){0,10}$")


def _continues(prev: str, nxt: str) -> bool:
    """Whether ``nxt`` continues the sentence ``prev`` left open across a page break."""
    if not prev or not nxt or "\t" in prev or "\t" in nxt or prev.startswith("#"):
        return False
    if prev.rstrip("*”\"')").endswith(_TERMINAL) or _BULLET.match(nxt):
        return False
    first = nxt.lstrip('(*"”')
    return bool(first) and first[0].islower()


# A word hyphenated at a line's end ("in-" / "skrivna", "arbets-" / "marknaden"): lower-case
# letters either side. "kultur- och fritid" is a shared compound part, no hyphenation.
_HYPHENATED = re.compile(r"(?<=[A-ZÅÄÖa-zåäöé][a-zåäöé])-$")
_SHARED_PART = re.compile(r"^(?:och|eller|samt|respektive|till|som|resp\.)\b")


def joined(prev: str, nxt: str) -> str:
    """Two wrapped lines of one paragraph as one line, a hyphenated word made whole."""
    if _HYPHENATED.search(prev) and nxt[:1].islower() and not _SHARED_PART.match(nxt):
        return prev[:-1] + nxt
    return prev + " " + nxt


def _join_page_breaks(lines: list[str]) -> list[str]:
    """Join a paragraph cut by a page break (no terminal punctuation, next starts lower-case)."""
    out: list[str] = []
    blank_run = False
    for line in lines:
        if not line:
            blank_run = True
            out.append(line)
            continue
        if blank_run and out:
            k = len(out) - 1
            while k >= 0 and not out[k]:
                k -= 1
            if k >= 0 and _continues(out[k], line):
                del out[k + 1 :]
                out[k] = joined(out[k], line)
                blank_run = False
                continue
        blank_run = False
        out.append(line)
    return out


# "Projektägare: X" lines of a facts block are kept apart even when wrapping is undone.
_KEY_VALUE = re.compile(r"^[A-ZÅÄÖ][\w\s/()-]{1,40}:\s+\S")
#: A wrapped line is at least this share of the wrap width …
_FULL_LINE = 0.6
#: … and a line break is deliberate when the next word would have fitted this far.
_FIT = 0.85


def _wrap_width(lines: list[str]) -> int | None:
    """The width a hard-wrapped text was wrapped at, or None when it is not wrapped.

    Wrapped text (a text export, PDF extraction) ends lines mid-sentence: many lines near one
    width are followed by a line that starts lower-case. Reports written one paragraph per
    line have no such pairs and are left alone.
    """
    prose = sorted(len(x) for x in lines if x and "\t" not in x and not x.startswith("|"))
    if len(prose) < 20:
        return None
    width = prose[int(len(prose) * 0.95)]
    mid_sentence = sum(
        1
        for a, b in zip(lines, lines[1:], strict=False)
        if a and b and b[0].islower() and len(a) >= _FULL_LINE * width
    )
    return width if width <= 200 and mid_sentence >= max(5, len(prose) // 50) else None


def _joins(prev: str, nxt: str, width: int) -> bool:
    """Whether ``nxt`` continues the wrapped line ``prev`` (same paragraph)."""
    if not prev or not nxt or "\t" in prev or "\t" in nxt or prev.startswith(("#", "|")):
        return False
    if (
        nxt.startswith("|")
        or _BULLET.match(nxt)
        or _KEY_VALUE.match(nxt)
        or _NUMBERED_HEADING.match(re.sub(r"\d+", "#", nxt))
    ):
        return False
    if nxt[0].islower():
        return True
    if prev.endswith(_TERMINAL) and _subsection_title(nxt):
        return False  # "… Söderhamn." then "Status": a narrow column's title, however short the line
    first_word = nxt.split(" ", 1)[0]
    return len(prev) >= _FULL_LINE * width and len(prev) + 1 + len(first_word) > _FIT * width


_NUMBERED_TITLE = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.? [A-ZÅÄÖ]")


def _title_after_sentence(prev: str, line: str) -> bool:
    """A short capitalised line with no closing punctuation between a finished sentence and
    a blank line ("… ansökningar." / "Organisation och arbetssätt" / "" or "2 Projekten"): a title."""
    capitalised = line[:1].isupper() or _NUMBERED_TITLE.match(line) is not None
    return (prev.endswith(_TERMINAL) and capitalised and len(line.split()) <= 6
            and not line.endswith((*_TERMINAL, ",", ";", ":")))


def _subsection_title(line: str) -> bool:
    """A short line in the words of a project's subsection titles ("Hinder", "Det som fungerat")."""
    return len(line.split()) <= 5 and subsection_type(line.rstrip(":")) in PROJECT_SUBSECTION_TYPES


def _unwrap(lines: list[str]) -> list[str]:
    """Undo hard line wrapping: a paragraph's lines become one line (sentences are split
    per line, so a wrapped sentence would otherwise be cut in pieces)."""
    width = _wrap_width(lines)
    if width is None:
        return lines
    widths = _local_widths(lines, width)
    out: list[str] = []
    out_widths: list[int] = []
    for k, (line, local) in enumerate(zip(lines, widths, strict=True)):
        alone = k + 1 == len(lines) or not lines[k + 1]
        if out and _joins(out[-1], line, local) and not (alone and _title_after_sentence(out[-1], line)):
            out[-1] = joined(out[-1], line)
        else:
            out.append(line)
            out_widths.append(local)
    return _set_apart_titles(out, out_widths)


#: Lines either side whose lengths give a line's own wrap width.
_WIDTH_WINDOW = 20


def _local_widths(lines: list[str], width: int) -> list[int]:
    """Each line's wrap width: the document's, or narrower where the lines around it are (a
    PDF's pages set in two columns beside pages in one)."""
    lengths = [len(x) if x and "\t" not in x and not x.startswith("|") else 0 for x in lines]
    out = []
    for i in range(len(lines)):
        near = sorted(n for n in lengths[max(0, i - _WIDTH_WINDOW) : i + _WIDTH_WINDOW + 1] if n)
        out.append(min(width, near[int(len(near) * 0.95)]) if len(near) >= _WIDTH_WINDOW else width)
    return out


def _titled_statement(line: str) -> bool:
    """A title written as a short statement ending in a full stop ("Det som var tungt."),
    in the words of a project's subsections."""
    words = line[:-1]
    return line.endswith(".") and 2 <= len(line.split()) <= 5 and "." not in words and (
        subsection_type(words) in PROJECT_SUBSECTION_TYPES
    )


def _set_apart_titles(lines: list[str], widths: list[int]) -> list[str]:
    """Give a short title line of wrapped text its own paragraph: PDF extraction puts a
    subsection title ("Läget vid årsskiftet") straight above its first paragraph, with no
    blank line, and titles are found among lines that stand alone. ``widths``: each line's
    wrap width."""
    out: list[str] = []
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        # … or one between a finished sentence and a blank line ("… ansökningar." / "Organisation").
        after_sentence = not nxt and i > 0 and lines[i - 1].endswith(_TERMINAL)
        title = (
            line
            and (nxt or after_sentence)
            and len(line) < _FULL_LINE * widths[i]
            and len(line.split()) <= 8
            and (line[0].isupper() or line[0].isdigit())
            and (not line.endswith((*_TERMINAL, ",", ":")) or _titled_statement(line))
            and "\t" not in line
            and ": " not in line
            and not _BULLET.match(line)
            and not line.startswith(("#", "|"))
            and (after_sentence or nxt[0].isupper() or nxt[0].isdigit() or _BULLET.match(nxt) is not None)
        )
        if title and out and out[-1]:
            out.append("")
        out.append(line)
        if title:
            out.append("")
    return out
