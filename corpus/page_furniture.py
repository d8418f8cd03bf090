"""Page furniture of extracted text: running headers and footers that repeat on every page
("Sida 3 av 25", "Luleå kommun | Årsrapport 2028"), which are layout, not content."""

from __future__ import annotations

import logging
import re
from collections import defaultdict

logger = logging.getLogger(__name__)

# Footer shapes: "37 | Org | Title", "Title | 37", "Sida 3 (40)", "- 3 -", and a PDF footer's
# title and page number in two columns ("Org – Årsrapport 2027<tab>Sida 3 av 25").
_FOOTER_SHAPES = (
    re.compile(r"^\d{1,4}\s*\|.*\|"),
    re.compile(r"^.*\|.*\|\s*\d{1,4}$"),
    re.compile(r"^(sida|page)\s+\d{1,4}(\s*(av|of|/|\()\s*\d{1,4}\)?)?$", re.I),
    re.compile(r"^[^\t]{1,120}\t(sida|page)\s+\d{1,4}(\s*(av|of|/)\s*\d{1,4})?$", re.I),
    re.compile(r"^[-–]\s*\d{1,4}\s*[-–]$"),
)
_MIN_FOOTER_REPEATS = 3
# "2.1.1 Projektfakta", "3. Resultat": numbered headings repeat with a rising number too.
_NUMBERED_HEADING = re.compile(r"^#(?:\.#)*\.\s|^#(?:\.#)+\s")


def _is_footer_shape(line: str) -> bool:
    # Markdown table rows start with "|" and long lines are content, never a footer; so is a
    # plain-text table row of many cells ("1 | Alfa | ESF+ | Kulturförvaltningen | …").
    if line.startswith("|") or len(line) > 200 or line.count("|") > 3:
        return False
    return any(p.match(line) for p in _FOOTER_SHAPES)


def _repeated_numbered_lines(lines: list[str]) -> set[int]:
    """Lines that repeat ≥3 times with only an increasing number changing (running footers).

    Short templates ("Delmål #") are ignored so numbered sub-headings are never dropped.
    """
    by_template: dict[str, list[int]] = defaultdict(list)
    for i, line in enumerate(lines):
        # Table rows repeat per project with rising numbers too ("| Total budget | 14 … kr |").
        is_row = line.startswith("|") or "\t" in line
        # A Markdown heading is the report's own markup ("### 3.2.1 Lägesbeskrivning" per project).
        marked = re.match(r"#{1,6}\s", line) is not None
        if line and re.search(r"\d", line) and len(line) <= 160 and not is_row and not marked:
            by_template[re.sub(r"\d+", "#", line)].append(i)
    out: set[int] = set()
    for template, idxs in by_template.items():
        if len(idxs) < _MIN_FOOTER_REPEATS or _NUMBERED_HEADING.match(template):
            continue
        rows = [[int(n) for n in re.findall(r"\d+", lines[i])] for i in idxs]
        bare = template.replace("#", "").strip(" |-–")
        # The page number may be any of the numbers ("Rapport 2020 – X  Sida 6 av 17").
        increasing = any(
            all(a[p] < b[p] for a, b in zip(rows, rows[1:], strict=False)) for p in range(len(rows[0]))
        )
        if increasing and (not bare or len(bare) >= 12 or "|" in template):
            out.update(idxs)
    return out


def _running_headers(lines: list[str]) -> set[int]:
    """A page header repeated word for word on most pages ("Luleå kommun | Årsrapport 2028 –
    EU-finansierade projekt"): a line that names the report (a year, or parts set off by
    " | "), never a subsection title, which repeats per project without either."""
    by_line: dict[str, list[int]] = defaultdict(list)
    for i, line in enumerate(lines):
        # A header set left and right ("Lägesrapport 2036<tab>Kristianstads kommun") has one
        # tab; a table row repeated per project has its cells and no year in every cell.
        if 20 <= len(line) <= 160 and not line.startswith("|") and line.count("\t") <= 1 and (
            " | " in line or _YEAR_IN_LINE.search(line)
        ):
            by_line[line].append(i)
    return {i for idxs in by_line.values() if len(idxs) >= _MIN_HEADER_REPEATS for i in idxs}


_YEAR_IN_LINE = re.compile(r"\b(?:19|20)\d\d\b")
_MIN_HEADER_REPEATS = 4


def remove_page_furniture(lines: list[str]) -> list[str]:
    """Blank out running headers and footers: what repeats page by page is layout."""
    drop = _repeated_numbered_lines(lines) | _running_headers(lines)
    drop.update(i for i, line in enumerate(lines) if _is_footer_shape(line))
    if drop:
        logger.debug("removing %d page footer lines", len(drop))
    # A removed footer leaves a blank line, so the page-break join below sees the gap.
    return ["" if i in drop else line for i, line in enumerate(lines)]
