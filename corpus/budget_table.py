"""A report's own overview tables (project, owner, fund, budget) and the totals its prose states.

Tables are tab-separated rows in the normalised text; a header row says which column is
which ("Projekt", "Tillhörighet/Projektägare", "Budget"). Group rows ("X: - A (ERUF) - B
(ERUF)" or a "X:" row followed by "- A" rows) become one row per sub-project with
``parent`` set. Rounded amounts ("8,9 Mkr") keep their rounding ``tolerance`` in kronor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from corpus.fact_patterns import SentenceText, clean_name, find_fund, split_sentences
from corpus.numbers import Amount, find_amounts
from corpus.types import Report, Sourced, Span

_DEPARTMENT = re.compile(r"\S.*?(?:förvaltningen|kontoret|nämnden|förvaltning|avdelningen|bolaget)\b",
                         re.IGNORECASE)
_STATUS_TAIL = re.compile(r"\s*[,–-]?\s*\b(?:avslutat|avslutad|pågående)\b.*$", re.IGNORECASE)
# "Summa", "Totalt:", "Summa (exkl. X och Y)": a total row, whatever it leaves out.
_TOTAL_ROW = re.compile(
    r"^(?:totalt|total|summa|sammanlagt|samtliga\s+projekt)\W*(?:\(.*\)\W*)?$", re.IGNORECASE
)
_FUND_PAREN = re.compile(r"\((ESF|ERUF|ERDF)\)", re.IGNORECASE)
_TOTAL_CUE = re.compile(r"total|sammanlag|samtliga\s+projekt|summa|totalt|sammantaget|tillsammans",
                        re.IGNORECASE)
_HEADER_UNIT = re.compile(r"(?:\(|\b(?:i|,)\s+|\s)(kr|tkr|mkr|mnkr|sek|tsek|ksek|msek|kronor)\b",
                          re.IGNORECASE)
_PART_OF_BUDGET = re.compile(r"\d{4}|utfall|förbruk|upparbet|hittills|årets|per år", re.IGNORECASE)
_SUBGROUP = re.compile(r"(?:social|regional)fondsprojekt|\b(?:ESF\+?|ERUF)-projekt", re.IGNORECASE)
_SUPPORT_AFTER = re.compile(r"^\s*(?:kr\s+)?(?:i\s+)?(?:\w+\s+){0,3}(?:stöd|EU|ESF|ERUF|fond|bidrag)",
                            re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class BudgetRow:
    """One project's row of a report table. ``amount`` in kronor, ± ``tolerance`` when rounded."""

    report_id: str
    project: str
    span: Span
    line: str
    parent: str | None = None
    owner: str | None = None
    fund: str | None = None
    amount: int | None = None
    amount_raw: str | None = None
    tolerance: int = 0
    table: int = 0
    eu_amount: int | None = None
    eu_tolerance: int = 0
    period: str | None = None
    #: Whether the amount column is the project's whole budget (not "Budget 2026", "Utfall").
    whole_budget: bool = False
    eu_raw: str | None = None
    manager: str | None = None

    def sourced(self, value: object) -> Sourced:
        return Sourced(value, self.report_id, self.span, self.line)

    def sourced_cell(self, value: object, raw: str | None) -> Sourced:
        """A value whose span is the number in its cell, so an answer quoting the
        value quotes the number, not the whole row; the sentence stays the row. A unit
        written in the cell ("7,2 mnkr") is in the span: the number alone would read as exact."""
        number = re.match(r"[\d\s\u00a0,.]*\d", raw or "")
        digits = number.group(0).strip() if number else ""
        if raw and raw != digits and raw in self.line:
            digits = raw
        at = self.line.find(digits) if digits else -1
        if at < 0:
            return self.sourced(value)
        start = self.span.start + at
        return Sourced(value, self.report_id, Span(start, start + len(digits)), self.line)


@dataclass(frozen=True, slots=True)
class StatedTotal:
    """A grand total the prose states: ``kind`` is "total_budget" or "eu_funding"."""

    kind: str
    value: int
    qualifier: str | None
    tolerance: int
    source: Sourced


def rounding_tolerance(amount: Amount) -> int:
    """Half the last written digit's worth in kronor: "8,9 Mkr" → 50 000; "1 234 567 kr" → 0."""
    m = re.search(r"(\d[\d ]*)(?:,(\d+))?\s*([A-Za-zåäö.: -]*)$", amount.raw)
    if not m:
        return 0
    unit = m.group(3).strip().lower()
    scale = 1_000_000 if unit.startswith(("m", "milj")) else 1_000 if unit.startswith(("t", "tusen")) else 1
    if scale == 1:
        return 0
    decimals = len(m.group(2) or "")
    return int(Decimal(scale) / Decimal(10) ** decimals / 2)


def _columns(header: list[str]) -> dict[str, int]:
    roles: dict[str, int] = {}
    for i, cell in enumerate(c.lower() for c in header):
        if re.search(r"tid$|period|löptid", cell):
            roles.setdefault("period", i)
        elif bound := re.fullmatch(r"(?:projekt)?(start|slut)(?:datum|år)?", cell):  # "Start", "Slut"
            roles.setdefault("start" if bound.group(1) == "start" else "end", i)
        elif re.search(r"projektled|kontaktperson", cell):
            roles.setdefault("manager", i)
        elif "ägare" in cell or "tillhörighet" in cell or "förvaltning" in cell or "huvudman" in cell:
            roles.setdefault("owner", i)
        elif "projekt" in cell:
            roles.setdefault("project", i)
        elif re.search(r"stöd|\beu\b|esf|eruf|bidrag", cell) and "budget" not in cell:
            roles.setdefault("eu", i)
        elif re.search(r"budget|kr\b|belopp|kostnad|omslutning|^beviljade medel", cell):
            roles.setdefault("amount", i)
        elif re.search(r"fond|program|finansiär", cell):
            roles.setdefault("fund", i)
    return roles


def _cells(line: str) -> list[str] | None:
    """A table line's cells: tab-separated, a Markdown ``| a | b |`` row, or a plain-text
    ``a | b | c`` row; None otherwise."""
    if "\t" in line:
        return line.split("\t")
    stripped = line.strip()
    if (stripped.startswith("|") and stripped.count("|") >= 2) or stripped.count(" | ") >= 2:
        return [c.strip() for c in stripped.strip("|").split("|")]
    return None


# A plain-text table's ruled line under its header: "-----+------+-----".
_RULED = re.compile(r"[-=:+| ]*[+|][-=:+| ]*")


def _tables(text: str) -> list[list[tuple[int, str, list[str]]]]:
    tables: list[list[tuple[int, str, list[str]]]] = []
    current: list[tuple[int, str, list[str]]] = []
    pos = 0
    for line in text.split("\n"):
        cells = _cells(line)
        if current and "-" in line and _RULED.fullmatch(line.strip()):
            pos += len(line) + 1
            continue
        if cells is not None:
            if not all(re.fullmatch(r":?-{2,}:?", c.strip()) for c in cells if c.strip()):
                current.append((pos, line, cells))
        elif line.strip() and current:
            tables.append(current)
            current = []
        pos += len(line) + 1
    if current:
        tables.append(current)
    return tables


def is_table_line(line: str) -> bool:
    """Whether a line is a table row (so prose readers can skip it)."""
    return _cells(line) is not None


def extract_budget_table(report: Report) -> list[BudgetRow]:
    """Project rows of every table whose header names a project column, in document order."""
    return [r for r in _all_rows(report) if not _TOTAL_ROW.match(r.project)]


def _table_totals(report: Report) -> list[StatedTotal]:
    """A table's own total row ("Totalt … 59,2 Mkr") as a stated total."""
    out: list[StatedTotal] = []
    for row in _all_rows(report):
        if _TOTAL_ROW.match(row.project) and row.amount is not None:
            out.append(StatedTotal("total_budget", row.amount, None, row.tolerance, row.sourced(row.amount)))
    return out


# A key under a table: "FAL       = Förvaltningen för arbete och lärande, Ludvika kommun".
_KEY_LINE = re.compile(r"^\s*(\S{2,20})\s+=\s+([^,(\n]+?)\s*(?:[,(].*)?$", re.MULTILINE)


def _keyed(report: Report) -> dict[str, str]:
    """What a report's key spells out its table's short forms as ("FAL" → the department)."""
    return {m.group(1): m.group(2) for m in _KEY_LINE.finditer(report.text)}


def _all_rows(report: Report) -> list[BudgetRow]:
    keyed = _keyed(report)
    return [replace(r, owner=keyed.get(r.owner, r.owner)) if r.owner else r for r in _table_rows(report)]


def _table_rows(report: Report) -> list[BudgetRow]:
    rows: list[BudgetRow] = []
    for t_index, table in enumerate(_tables(report.text)):
        header = table[0][2]
        roles = _columns(header)
        if "project" not in roles or len(roles) < 2:
            continue
        whole = "amount" in roles and not _PART_OF_BUDGET.search(header[roles["amount"]])
        start = table[0][0]
        units = _header_units(header, roles, report.text[max(0, start - 600) : start].rstrip())
        group: str | None = None
        for pos, line, cells in table[1:]:
            found = _rows_of_line(report.id, pos, line, cells, roles, group, t_index, units)
            new = [replace(r, whole_budget=whole) for r in found]
            if new and new[0].project.endswith(":"):
                group = new[0].project.rstrip(":").strip()
                continue
            if not line.lstrip().startswith("-"):
                group = None if not new or new[0].parent is None else group
            rows.extend(new)
    return rows


# The sentence before a table that gives its unit: "Belopp i kronor.", "Alla belopp anges i tkr."
_STATED_UNIT = re.compile(
    r"\bbelopp(?:en)?\s+(?:anges\s+|redovisas\s+)?i\s+(kr|tkr|mkr|kronor|tusentals\s+kronor)\b", re.IGNORECASE
)
_UNIT_WORDS = {"tusentals kronor": "tkr"}


def _header_units(header: list[str], roles: dict[str, int], before: str) -> dict[str, str]:
    """The unit a money column's header gives its bare numbers: "Total budget (kr)", "(tkr)";
    else the unit the paragraph just above the table states ("Belopp i kronor.")."""
    stated = _STATED_UNIT.findall(before.rsplit("\n\n", 2)[-1] if before.strip() else "")
    out: dict[str, str] = {}
    for role in ("amount", "eu"):
        if role in roles and (m := _HEADER_UNIT.search(header[roles[role]])):
            out[role] = m.group(1)
        elif role in roles and stated:
            unit = " ".join(stated[-1].lower().split())
            out[role] = _UNIT_WORDS.get(unit, unit)
    return out


def _amounts(cell: str, unit: str | None) -> list[Amount]:
    """Amounts of a money cell; a bare number ("4 250 000") takes its column's unit."""
    found = find_amounts(cell, 0)
    if not found and unit and re.fullmatch(r"[\d\s\u00a0,]+", cell.strip() or "x"):
        found = find_amounts(f"{cell.strip()} {unit}", 0)
    return found


def _rows_of_line(report_id: str, pos: int, line: str, cells: list[str], roles: dict[str, int],
                  group: str | None, t_index: int, units: dict[str, str]) -> list[BudgetRow]:

    def cell(role: str) -> str:
        i = roles.get(role)
        return cells[i].strip() if i is not None and i < len(cells) else ""

    name_cell = cell("project")
    span = Span(pos, pos + len(line))
    amounts = _amounts(cell("amount"), units.get("amount")) if "amount" in roles else []
    amount = amounts[0] if amounts else None
    eus = _amounts(cell("eu"), units.get("eu")) if "eu" in roles else []
    if ":" in name_cell and len(_FUND_PAREN.findall(name_cell)) > 1:
        head, rest = name_cell.split(":", 1)
        items = re.findall(r"-\s*(.+?)\s*\((ESF|ERUF|ERDF)\)\s*\**", rest, re.IGNORECASE)
        owners = _DEPARTMENT.findall(cell("owner"))
        return [BudgetRow(report_id, clean_name(n), span, line, clean_name(head),
                          owners[i].strip() if len(owners) == len(items) else None, f.upper(),
                          table=t_index)
                for i, (n, f) in enumerate(items)]
    if not name_cell and amount is None:
        return []
    name = clean_name(_STATUS_TAIL.sub("", _FUND_PAREN.sub("", name_cell)).lstrip("- ").rstrip("*").strip())
    if name_cell.rstrip().endswith(":") and amount is None:
        return [BudgetRow(report_id, name + ":", span, line, table=t_index)]
    fund = _FUND_PAREN.search(name_cell) or None
    fund_name = fund.group(1).upper() if fund else (f[0] if (f := find_fund(cell("fund"))) else None)
    parent = group if name_cell.lstrip().startswith("-") else None
    return [BudgetRow(report_id, name, span, line, parent, cell("owner") or None, fund_name,
                      amount.value if amount else None, amount.raw if amount else None,
                      rounding_tolerance(amount) if amount else 0, t_index,
                      eus[0].value if eus else None, rounding_tolerance(eus[0]) if eus else 0,
                      cell("period") or _between(cell("start"), cell("end")),
                      eu_raw=eus[0].raw if eus else None, manager=cell("manager") or None)]


def _between(start: str, end: str) -> str | None:
    """A period told in a start and an end column, as one cell would tell it."""
    return f"{start} – {end}" if start and end else None


def _chapter_segments(report: Report) -> list[tuple[str, int]]:
    if not report.sections:
        return [(report.text, 0)]
    segs: list[tuple[str, int]] = []
    for s in report.all_sections():
        if s.project is None and not s.children:
            segs.append((report.text[s.body.start:s.body.end], s.body.start))
    return segs


def extract_stated_totals(report: Report) -> list[StatedTotal]:
    """Grand totals stated outside the project sections ("Exakt summa är X kr varav Y kr i stöd")."""
    out = _table_totals(report)
    for text, base in _chapter_segments(report):
        for sent in split_sentences(text, base):
            if any(is_table_line(x) for x in sent.text.split("\n")) or not _TOTAL_CUE.search(sent.text):
                continue
            if _SUBGROUP.search(sent.text):
                continue  # "Socialfondsprojekten har tillsammans …": a part, not the whole
            out.extend(_totals_in(report.id, sent))
    return out


def _totals_in(report_id: str, sent: SentenceText) -> list[StatedTotal]:
    out: list[StatedTotal] = []
    for a in find_amounts(sent.text, sent.start):
        s, e = a.span.start - sent.start, a.span.end - sent.start
        support = re.search(r"varav\s*$", sent.text[max(0, s - 12):s]) or _SUPPORT_AFTER.match(sent.text[e:])
        kind = "eu_funding" if support else "total_budget"
        if any(t.kind == kind for t in out):
            continue
        out.append(StatedTotal(kind, a.value, a.qualifier, rounding_tolerance(a),
                               Sourced(a.value, report_id, a.span, sent.text)))
    return out
