"""A PDF page's lines in layout mode made readable: two text columns in reading order, and
table cells wrapped onto a line of their own put back in their row, and wide gaps as
table columns.

pypdf's layout mode keeps the blank lines and indentation the parser needs, but it writes a
page row by row: on a two-column page each line holds a line of the left column and a line
of the right one side by side, so sentences of two columns interleave. ``reading_order``
finds such a page by its gutter and returns the left column's lines before the right
column's, block by block, leaving lines that span the page (running headers, a title or a
table across both columns) where they are.

A table also has gaps down the page; it is told apart from two columns of prose because
prose fills its column (most lines on both sides reach close to the gutter and the right
margin) in one run of words, where a table row has several cells.
"""

from __future__ import annotations

import re
from collections import Counter

#: Where a gutter may lie, as a share of the page's text width.
_GUTTER_RANGE = (0.3, 0.7)
#: Blank characters a gutter has at least.
_GUTTER_WIDTH = 2
#: Lines with text on both sides of the gutter that make a page two columns.
_MIN_ROWS = 8
_MIN_ROW_SHARE = 0.4
#: Share of a column's width that a line of prose reaches, and of lines that do.
_FULL = 0.6
_FULL_SHARE = 0.5
_ENDS = (".", "!", "?", ":")
#: A gap between table cells; share of two-sided lines that must be prose on both sides.
_CELL_GAP = re.compile(r" {3,}")
_PROSE_SHARE = 0.8
#: A gap between cells of a table row in layout mode.
_ROW_GAP = re.compile(r" {4,}")


def page_lines(text: str) -> list[str]:
    """A page's layout-mode text as the parser reads it: in reading order, wrapped cells in
    their rows, wide gaps (table columns) as tabs."""
    lines = without_raised_markers(with_wrapped_cells(reading_order(text.splitlines())))
    return [columns_or_words(line.strip()) for line in lines]


# A footnote's number set raised: alone on a row of its own, or opening the raised rest of
# its line ("2 varav 53 procent kvinnor.").
_MARKER_ROW = re.compile(r"^\s*\d{1,2}\s*$")
_RAISED_TAIL = re.compile(r"^\s*\d{1,2} (?=[a-zåäö])")


def without_raised_markers(lines: list[str]) -> list[str]:
    """Lines with footnote markers taken out. Layout mode writes text by its height on the
    page, so a raised footnote number ("…skrivits in,²") lands on a row of its own between
    two lines of its paragraph, or, where the text after it stays raised, becomes a row of
    its own above its line's start ("2 varav 53 procent kvinnor." over "Sedan starten har
    212 deltagare skrivits in,"). A lone number goes when the paragraph carries on in lower
    case below it; a raised tail returns behind its line's start when it opens a sentence
    (after a finished one or a break) and the line below it starts one without ending it."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        before = out[-1].strip() if out else ""
        after = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if _MARKER_ROW.match(line) and before and after[:1].islower():
            i += 1
            continue
        opens = not before or before.endswith(_ENDS)
        tail = _RAISED_TAIL.match(line)
        if tail and opens and after[:1].isupper() and not after.endswith(_ENDS) and "\t" not in after:
            out.append(f"{after} {line[tail.end():].strip()}")
            i += 2
            continue
        out.append(line)
        i += 1
    return out


def columns_or_words(line: str) -> str:
    """Wide gaps as tab-separated columns, except in a justified line of prose, which
    layout mode spreads out word by word ("Ansvaret    för    att    samordna …"): every
    "cell" one word, most of them words of letters."""
    cells = _ROW_GAP.split(line)
    single = all(" " not in c for c in cells)
    wordy = sum(1 for c in cells if any(ch.isalpha() for ch in c)) >= 0.75 * len(cells)
    if len(cells) >= 5 and single and wordy:
        return " ".join(cells)
    return _ROW_GAP.sub("\t", line)


def reading_order(lines: list[str]) -> list[str]:
    """``lines`` (one page in layout mode, indentation kept) in reading order."""
    split = _column_start(lines)
    if split is None:
        return lines
    width = max(len(line.rstrip()) for line in lines)
    out: list[str] = []
    left: list[str] = []
    right: list[str] = []
    for line in lines:
        if _spans(line, split):
            out += _joined(left, split) + _joined(right, width - split) + [line]
            left, right = [], []
        else:
            left.append(line[:split].rstrip())
            right.append(line[split:].strip())
    return out + _joined(left, split) + _joined(right, width - split)


def _joined(column: list[str], width: int) -> list[str]:
    """A column's lines without the blank rows the other column put in the middle of its
    sentences: a blank line after a line that ends no sentence is no paragraph break when
    that line fills the column (no title does) or the text goes on in lower case."""
    out: list[str] = []
    for i, line in enumerate(column):
        before = out[-1].strip() if out else ""
        if not line.strip() and before and not before.endswith(_ENDS):
            after = next((n.strip() for n in column[i + 1 :] if n.strip()), "")
            if after[:1].islower() or len(before) >= _FULL * width:
                continue
        out.append(line)
    return out


def _spans(line: str, split: int) -> bool:
    """Whether ``line`` crosses the gutter or has text right of it that is not the right
    column's (a page number set flush right)."""
    if not line[split - _GUTTER_WIDTH : split].isspace() and len(line) > split - _GUTTER_WIDTH:
        return True
    rest = line[split:]
    return bool(rest.strip()) and (len(rest) - len(rest.lstrip())) > _GUTTER_WIDTH


def _column_start(lines: list[str]) -> int | None:
    """Where the right column starts, or None on a page that is not two columns of prose."""
    texts = [line for line in lines if line.strip()]
    width = max((len(line.rstrip()) for line in texts), default=0)
    if len(texts) < _MIN_ROWS or width == 0:
        return None
    low, high = int(width * _GUTTER_RANGE[0]), int(width * _GUTTER_RANGE[1])
    starts: Counter[int] = Counter()
    for line in texts:
        for x in range(low, min(high, len(line))):
            gap, text_left = line[x - _GUTTER_WIDTH : x], line[: x - _GUTTER_WIDTH]
            if gap.isspace() and not line[x].isspace() and text_left.strip():
                starts[x] += 1
                break
    if not starts:
        return None
    split, rows = starts.most_common(1)[0]
    if rows < _MIN_ROWS or rows < _MIN_ROW_SHARE * len(texts):
        return None
    two_sided = [line for line in texts if len(line) > split and not _spans(line, split)
                 and line[:split].strip() and line[split:].strip()]
    left_full = sum(len(line[:split].rstrip()) >= _FULL * split for line in two_sided)
    right_full = sum(len(line.rstrip()) - split >= _FULL * (width - split) for line in two_sided)
    if min(left_full, right_full) < _FULL_SHARE * len(two_sided):
        return None
    prose = sum(_is_prose(line[:split]) and _is_prose(line[split:]) for line in two_sided)
    return split if prose >= _PROSE_SHARE * len(two_sided) else None


def _is_prose(part: str) -> bool:
    """One run of words, or a justified line spread word by word; a table row has cells."""
    cells = _CELL_GAP.split(part.strip())
    return len(cells) == 1 or (len(cells) >= 5 and all(" " not in c for c in cells))



def with_wrapped_cells(lines: list[str]) -> list[str]:
    """Table rows (layout mode, cells apart by wide gaps) with their wrapped cells joined, as
    tab-separated cells: a line below a row whose one piece of text starts where a cell of
    the row starts and ends before the next cell goes on with that cell ("Arbetsmarknads- och"
    / "integrationsförvaltningen"). Under the first cell only when a row follows, since a
    short line after a table is as likely a title."""
    out: list[str] = []
    row: list[tuple[int, str]] | None = None
    for i, line in enumerate(lines):
        cells = _cells(line)
        if row is not None and len(cells) == 1:
            k = _wrapped_cell(row, cells[0])
            if k is not None and (k > 0 or _is_row(lines[i + 1] if i + 1 < len(lines) else "")):
                row[k] = (row[k][0], f"{row[k][1]} {cells[0][1]}")
                out[-1] = "\t".join(text for _, text in row)
                continue
        following = _cells(lines[i + 1]) if i + 1 < len(lines) else []
        row = cells if len(cells) >= 2 and (not _spread_out(cells) or _aligned(cells, following)) else None
        out.append("\t".join(text for _, text in row) if row else line)
    return out


def _aligned(cells: list[tuple[int, str]], below: list[tuple[int, str]]) -> bool:
    """Whether the row ``below`` has cells starting where ``cells`` do (a header row)."""
    starts = zip(cells, below, strict=True) if len(below) == len(cells) else None
    return starts is not None and all(abs(a - b) <= 1 for (a, _), (b, _) in starts)


def _spread_out(cells: list[tuple[int, str]]) -> bool:
    """A justified line spread word by word ("Samverkanspartner:   Arbetsförmedlingen,
    Region   Norrbotten") rather than a table row: every piece after the first one word."""
    return len(cells) >= 3 and all(" " not in text for _, text in cells[1:])


def _cells(line: str) -> list[tuple[int, str]]:
    """(start column, text) of each piece of ``line`` between wide gaps."""
    out = []
    pos = len(line) - len(line.lstrip())
    for piece in _ROW_GAP.split(line.strip()) if line.strip() else []:
        start = line.index(piece, pos)
        out.append((start, piece))
        pos = start + len(piece)
    return out


def _wrapped_cell(row: list[tuple[int, str]], piece: tuple[int, str]) -> int | None:
    """The index of the cell of ``row`` that ``piece`` carries on, if any."""
    start, text = piece
    for k, (cell_start, _) in enumerate(row):
        next_start = row[k + 1][0] if k + 1 < len(row) else None
        if abs(start - cell_start) <= 1 and (next_start is None or start + len(text) < next_start):
            return k
    return None


def _is_row(line: str) -> bool:
    return len(_cells(line)) >= 2
