"""Label lines written as columns rather than "Label: value": Markdown definitions
("Projektägare" / ": X"), labels whose values stand in one column after spaces or dot
leaders, and values that wrap onto indented lines. Each becomes "label<TAB>value", the
way a two-cell table row is read, so fact readers see one line per fact.

Kept apart from ``corpus.normalise`` (page furniture, wrapping, contents lists): this is
the part that knows how facts are laid out.
"""

from __future__ import annotations

import re

# A Markdown definition: "Projektägare" on one line, ": Socialförvaltningen" on the next.
_DEFINITION = re.compile(r"^:\s+(\S.*)$")
_TERM = re.compile(r"^[A-ZÅÄÖ][^.:;!?#|]{0,40}$")


def definitions(lines: list[str]) -> list[str]:
    """A term line followed by a ": definition" line is one label line, separated by a tab
    like a two-cell table row, so fact readers see "Projektägare: X"."""
    out: list[str] = []
    for line in lines:
        m = _DEFINITION.match(line.strip())
        if m and out and _TERM.match(out[-1].strip()) and len(out[-1].split()) <= 6:
            out[-1] = f"{out[-1].strip()}\t{m.group(1)}"
        else:
            out.append(line)
    return out


# "    Projektledare    Anna Berg": a label, a gap of spaces, a value in an aligned column;
# or "    Projektägare ......... Kultur AB", dot leaders for the gap (not before a page number).
# A label: one to three words, the first capitalised ("Projektledare", "Budget totalt").
_LABEL = r"[A-ZÅÄÖ][\w+.-]*?(?: \(?\w[\w+/.-]*\)?){0,2}"  # also "EU-bidrag (LIFE)"
_ALIGNED = re.compile(rf"^( *)({_LABEL})( {{2,}}| \.{{3,}} (?!\d+$))([^\s|](?:[^\s|]| (?! ))*)$")


# "Projektägare ........ Kultur AB": dot leaders of any length, the value in no common column
# (a PDF set in a proportional font); never a contents line's page number.
_LEADER = re.compile(rf"^\s*({_LABEL} ?\.{{4,}})\s*(?!\d+$)([^\s.].*)$")


def leader_labels(lines: list[str]) -> list[str]:
    """Each dot-leader line is a label line: label (leader kept, so a quote reads as the
    report does) and value separated by a tab; a line that carries on the value joins it."""
    out: list[str] = []
    open_value = False
    for line in lines:
        m = _LEADER.match(line) if "\t" not in line else None
        if m:
            out.append(f"{m.group(1)}\t{m.group(2).strip()}")
            open_value = True
        elif open_value and line.strip() and not _LEADER.match(line) and (
            _carries_on(out[-1], line.strip()) or line.startswith("    ")  # an indented continuation
        ):
            out[-1] += " " + line.strip()
        else:
            out.append(line)
            open_value = False
    return out


def aligned_labels(lines: list[str]) -> list[str]:
    """A block of label lines whose values stand in one column (two or more lines) is a
    fact block: each label and value are separated by a tab, the way a two-cell table row
    is, so the gap survives the space collapsing below; a value's indented continuation
    line joins its value."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        block = _aligned_block(lines, i)
        if len(block) < 2:
            out.append(lines[i])
            i += 1
            continue
        column = block[0][1]
        end = block[-1][0] + 1
        while end < len(lines) and _continues_value(lines[end], column):
            end += 1  # the last value's own continuation lines
        for k in range(i, end):
            m = _ALIGNED.match(lines[k])
            if m and len(m.group(1) + m.group(2) + m.group(3)) == column:
                # Dot leaders stay (a quote of the line reads as the report does).
                out.append(f"{m.group(1)}{m.group(2)}{m.group(3).rstrip()}\t{m.group(4)}")
            else:
                out[-1] += " " + lines[k].strip()
        i = end
    return out


def _aligned_block(lines: list[str], start: int) -> list[tuple[int, int]]:
    """(line index, value column) of the label lines of an aligned block starting at ``start``;
    indented lines reaching exactly to the value column continue the value before them."""
    found: list[tuple[int, int]] = []
    column = None
    k = start
    while k < len(lines):
        m = _ALIGNED.match(lines[k])
        at = len(m.group(1) + m.group(2) + m.group(3)) if m else None
        if at is not None and (column is None or at == column):
            column = at
            found.append((k, at))
        elif not (found and column and _continues_value(lines[k], column)):
            break
        k += 1
    return found


def _continues_value(line: str, column: int) -> bool:
    """An indented line reaching exactly to the value column: the value above goes on."""
    reaches = line.startswith(" " * column) and bool(line[column : column + 1].strip())
    return reaches and "  " not in line.strip()


# "Ägare  Tekniska förvaltningen": a short label, two or more spaces, a value, where the
# values stand in no common column (a PDF fact box whose labels are set in bold type).
_SPACED = re.compile(rf"^({_LABEL}) {{2,}}(\S(?:\S| (?! ))*)$")
_MIN_SPACED = 3


def spaced_labels(lines: list[str]) -> list[str]:
    """A block of at least three "label  value" lines is a fact block like an aligned one:
    label and value separated by a tab. A line that carries on a value (the value ends with
    a comma or an open bracket, or the line opens in lower case or with a bracket) joins it;
    a blank line between two label lines of the block is dropped."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        block, end = _spaced_block(lines, i)
        if len(block) < _MIN_SPACED:
            out.append(lines[i])
            i += 1
            continue
        out += block
        i = end
    return out


def _spaced_block(lines: list[str], start: int) -> tuple[list[str], int]:
    """The label lines (as "label<TAB>value") of a spaced block at ``start``, and the index
    after it."""
    found: list[str] = []
    k = start
    while k < len(lines):
        line = lines[k].strip()
        m = _SPACED.match(line) if "\t" not in line and "|" not in line else None
        if m:
            found.append(f"{m.group(1)}\t{m.group(2)}")
        elif found and line and _carries_on(found[-1], line):
            found[-1] += " " + line
        elif found and not line and k + 1 < len(lines) and _SPACED.match(lines[k + 1].strip()):
            pass
        else:
            break
        k += 1
    return found, k


def _carries_on(value: str, line: str) -> bool:
    """Whether ``line`` goes on with the value that ``value`` ends."""
    open_bracket = value.count("(") > value.count(")")
    conjunction = re.search(r"\s(?:och|samt|eller)$", value) is not None  # "A, B och" / "C"
    return (value.endswith((",", "–", "-")) or open_bracket or conjunction or line[:1].islower()
            or line[:1] == "(")


# "**Ägare:** Kultur AB · **Projektledare:** Anna Berg · **Tid:** …": a project's facts run
# together on one line, each label bold or not, between middle dots or bullets.
_JOINED_LABEL = re.compile(r"^\*{0,2}([A-ZÅÄÖ][^*:·•|]{0,40}?):\*{0,2}\s+(\S.*)$")
_JOINER = re.compile(r"\s+[·•]\s+")
_BOLD_LABEL = re.compile(r"\*\*[A-ZÅÄÖ][^*:\n]{0,40}:\*\*")


def joined_labels(lines: list[str]) -> list[str]:
    """A line of two or more label-value pairs joined by middle dots ("·", "•") becomes one
    label line per pair, so fact readers see each fact as its own line and a bold label
    opening the paragraph is not taken for a subsection title."""
    out: list[str] = []
    for line in lines:
        parts = _JOINER.split(line.strip()) if len(_BOLD_LABEL.findall(line)) >= 2 or "·" in line else []
        pairs = [_JOINED_LABEL.match(p) for p in parts]
        if len(pairs) >= 2 and all(pairs):
            out.extend(f"{m.group(1).strip()}\t{m.group(2).strip()}" for m in pairs if m)
        else:
            out.append(line)
    return out


# "**Projektägare**" on its own line with the value on the next: a stacked label.
_STACKED_LABEL = re.compile(r"^\*\*([A-ZÅÄÖ][^*:\n]{0,40}?)\*\*$")
_MIN_STACKED = 3


def stacked_labels(lines: list[str]) -> list[str]:
    """Bold labels each over its value ("**Projektägare**" / "Umeå kommun"), in a run of at
    least three with blank lines or none between them, become label lines. A bold line over a
    paragraph that ends a sentence is a title, and so is one alone."""
    pairs = [i for i in range(len(lines) - 1) if _stacked_pair(lines[i], lines[i + 1])]
    keep: set[int] = set()
    run: list[int] = []
    for i in pairs:
        if run and not all(not lines[k].strip() for k in range(run[-1] + 2, i)):
            keep.update(run if len(run) >= _MIN_STACKED else ())
            run = []
        run.append(i)
    keep.update(run if len(run) >= _MIN_STACKED else ())
    out: list[str] = []
    skip = False
    for i, line in enumerate(lines):
        if skip:
            skip = False
            continue
        if i in keep:
            label = _STACKED_LABEL.match(line.strip())
            out.append(f"{label.group(1).strip() if label else line}\t{lines[i + 1].strip()}")
            skip = True
        else:
            out.append(line)
    return out


def _stacked_pair(line: str, value: str) -> bool:
    value = value.strip()
    return (_STACKED_LABEL.match(line.strip()) is not None and bool(value)
            and not value.startswith(("#", "**")) and not value.endswith((".", "!", "?", ":")))



# A fact table that keeps what was decided beside what holds now ("Uppgift | Enligt beslut |
# Aktuellt"): the current value is the row's fact, the decided one follows it as history.
_DECIDED = re.compile(r"(?i)^(?:enligt\s+beslut(?:et)?|beslutat?|ursprungligt?|beviljat|planerat)$")
_CURRENT = re.compile(r"(?i)^(?:aktuellt?|nu|i\s*dag|reviderat?|efter\s+ändring(?:sbeslut)?)$")
_UNCHANGED = re.compile(r"(?i)^(?:oförändra(?:t|d|de)|samma|[–-]?)$")


def current_columns(lines: list[str]) -> list[str]:
    """Rows of a decided/current table as two-cell label rows holding the current value."""
    out: list[str] = []
    active = False
    for line in lines:
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) == 3 and _DECIDED.match(cells[1]) and _CURRENT.match(cells[2]):
            active = True
        elif active and len(cells) == 3:
            label, decided, now = cells
            kept = decided if _UNCHANGED.match(now) else f"{now} (enligt beslut: {decided})"
            line = f"{label}\t{kept}"
        else:
            active = False
        out.append(line)
    return out
