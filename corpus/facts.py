"""Project facts with provenance: one ``ProjectFacts`` per project and sub-project of a report.

The work happens on text segments (a "Projektfakta" section body plus its absolute offset),
so every reader is pure and testable without a parsed report; ``extract_project_facts``
walks a ``Report`` and feeds its fact sections in. A group section that describes several
sub-projects ("Projektägare för *X* … Projektägare för *Y* …") is split into one block per
sub-project. Values: kronor as int, dates as ISO strings, "ESF"/"ESF+"/"ERUF",
"ongoing"/"ended"/"planned" (not started yet).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass

from corpus.budget_table import BudgetRow, StatedTotal, extract_budget_table, extract_stated_totals
from corpus.budgets import find_budget, find_eu_share
from corpus.consistency import Discrepancy, check_consistency
from corpus.fact_gaps import fill_from_table, fill_missing
from corpus.fact_patterns import (
    SentenceText,
    clean_name,
    find_fund,
    find_fund_statement,
    find_owner,
    find_runner,
    split_sentences,
    subject_of_owner_clause,
    table_row_as_key_value,
)
from corpus.fact_scope import about_predecessor, earlier_phase, fund_chapter, latest_phase
from corpus.managers import find_contacts, find_managers
from corpus.numbers import Amount, find_amounts
from corpus.partners import find_co_financiers
from corpus.periods import find_period, says_ended, says_not_started
from corpus.projects import find_abbreviation
from corpus.status import decide_status, report_date
from corpus.types import Project, ProjectFacts, Report, Section, SectionKind, SectionType, Sourced, Span

logger = logging.getLogger(__name__)

__all__ = [
    "BudgetRow", "Discrepancy", "StatedTotal", "Segment", "check_consistency", "extract_budget_table",
    "extract_project_facts", "extract_stated_totals", "facts_from_segment", "report_date",
    "split_project_blocks",
]


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of a report's normalised text and where it starts."""

    text: str
    base: int

    @property
    def span(self) -> Span:
        return Span(self.base, self.base + len(self.text))


def name_key(name: str) -> str:
    """A comparison key for project names: no stars, one dash kind, case-folded, one space."""
    s = clean_name(name).replace("–", "-").replace("—", "-")
    return re.sub(r"\s+", " ", re.sub(r"\s*-\s*", " - ", s)).casefold()


def split_project_blocks(seg: Segment, names: list[str]) -> list[tuple[str | None, Segment]]:
    """Paragraph blocks of a group's fact text, each tagged with the sub-project it is about.

    A paragraph whose first sentence names exactly one of ``names`` (or says "Projektägare
    för *X*") opens that project's block; one naming several belongs to the group (None);
    other paragraphs continue the current block.
    """
    keys = {name_key(n): n for n in names}
    out: list[tuple[str | None, Segment]] = []
    current: str | None = None
    for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", seg.text):
        para = m.group(0)
        first = split_sentences(para)[0].text if para.strip() else ""
        subject = subject_of_owner_clause(SentenceText(first, 0))
        named = [n for k, n in keys.items() if k in name_key(first)]
        if subject and name_key(subject) in keys:
            current = keys[name_key(subject)]
        elif len(named) == 1:
            current = named[0]
        elif len(named) > 1:
            current = None
        out.append((current, Segment(para, seg.base + m.start())))
    return out


_BULLET = re.compile(r"^(\s*)[-*•](?=\s)")


def facts_from_segment(report_id: str, project: str, segments: list[Segment],
                       report_day: dt.date | None = None, parent: str | None = None) -> ProjectFacts:
    """Read one project's facts from its segments (fact sections first, then other text)."""
    facts = ProjectFacts(report_id=report_id, project=project, parent=parent)
    mentions: list[tuple[str, str, Sourced]] = []
    runner: Sourced | None = None
    latest = latest_phase(segment.text for segment in segments)
    for seg in segments:
        for sent in split_sentences(seg.text, seg.base):
            if latest and earlier_phase(sent.text, latest):  # its manager is a former one
                mentions += [(m.name, "former", _src(report_id, m.name, m.span, sent))
                             for m in find_managers(sent)]
                continue
            # "**Projektägare** är X": bold marks set off a label, they are no part of it;
            # nor is a list's bullet ("- **Ekonomi:** 14,2 Mkr, varav …").
            plain = SentenceText(_BULLET.sub(r"\1 ", sent.text.replace("**", "  ")), sent.start)
            row = table_row_as_key_value(plain)
            _read_sentence(facts, row, mentions)
            if runner is None and (found := find_runner(row)):
                runner = _src(report_id, found[0], found[1], row)
    # Who runs the project answers who owns it only when no sentence names an owner.
    facts.owner = facts.owner or runner
    _assign_managers(facts, mentions)
    decide_status(facts, report_day)
    return facts


def _src(report_id: str, value: object, span: Span, sent: SentenceText) -> Sourced:
    return Sourced(value, report_id, span, sent.text)


def _money(report_id: str, amount: Amount, sent: SentenceText) -> Sourced:
    """An amount's fact; one in euro keeps its currency (a kronor amount has none)."""
    unit = None if amount.unit == "kr" else amount.unit
    return Sourced(amount.value, report_id, amount.span, sent.text, unit)


def _read_sentence(facts: ProjectFacts, sent: SentenceText, mentions: list[tuple[str, str, Sourced]]) -> None:
    rid = facts.report_id
    if facts.owner is None and (owner := find_owner(sent)):
        facts.owner = _src(rid, owner[0], owner[1], sent)
    for m in find_managers(sent):
        mentions.append((m.name, m.role, _src(rid, m.name, m.span, sent)))
    for m in find_contacts(sent):
        mentions.append((m.name, _CONTACT + m.role, _src(rid, m.name, m.span, sent)))
    # "X avslutades den 31 januari 2033": the project as the sentence's subject
    # … or by the short name before its subtitle ("ÅTERBRUK" of "ÅTERBRUK – Cirkulära byggmaterial")
    opening = sent.text.lstrip().lower()
    named = opening.startswith(facts.project.lower()) or bool(re.match(_short_name(facts.project), opening))
    if about_predecessor(sent.text):
        return  # "… fortsättningsprojekt till X, som drevs 2050–2053 med en budget på Y": X's facts
    if period := find_period(sent, named):
        if period.extension_only and period.end:
            if period.original_end and facts.original_end_date is None:
                # "skulle ursprungligen ha avslutats X, men förlängdes … till Y"
                facts.original_end_date = _src(rid, period.original_end.iso, period.original_end.span, sent)
            elif not facts.original_end_date and facts.end_date and facts.end_date.value != period.end.iso:
                facts.original_end_date = facts.end_date  # the end an extension moved
            facts.end_date = _src(rid, period.end.iso, period.end.span, sent)
        else:
            if period.start and _sharper(facts.start_date, period.start.iso):
                facts.start_date = _src(rid, period.start.iso, period.start.span, sent)
            if period.end and _sharper(facts.end_date, period.end.iso):
                facts.end_date = _src(rid, period.end.iso, period.end.span, sent)
            if facts.original_end_date is None and period.original_end:
                facts.original_end_date = _src(rid, period.original_end.iso, period.original_end.span, sent)
    if says_ended(sent, named) and facts.status is None:
        facts.status = _src(rid, "ended", sent.span, sent)
    elif says_not_started(sent, named) and facts.status is None:
        facts.status = _src(rid, "planned", sent.span, sent)
    _read_money(facts, sent)
    if facts.fund is None and (fund := find_fund_statement(sent)):
        facts.fund = _src(rid, fund[0], fund[1], sent)
    for name, span in find_co_financiers(sent):
        if all(c.value != name for c in facts.co_financiers):
            facts.co_financiers.append(_src(rid, name, span, sent))


def _short_name(project: str) -> str:
    """A pattern of a name's part before its subtitle, as a whole word."""
    head = project.partition(" – ")[0]
    return re.escape(head.lower()) + r"(?!\w)"


def _sharper(known: Sourced | None, iso: str) -> bool:
    """Whether ``iso`` should replace a known date: none is known yet, or it is the known
    month's day ("från november 2029" in prose, "Startdatum: 2029-11-01" on a label line)."""
    if known is None:
        return True
    old = str(known.value)
    return len(iso) > len(old) and iso.startswith(old)


def _open_for(known: Sourced | None, amount: Amount) -> bool:
    """Whether ``amount`` takes a money field: none is known yet, or the known one is in
    euro and this one in kronor ("Hela projektets budget: N miljoner euro", then "Stadens
    budget: M kr": the municipality's part in its own currency), or in euro with the
    report's conversion to kronor ("Kommunens andel: N euro (ca M kr)") where the known one
    has none."""
    if known is None:
        return True
    if known.unit is None:
        return False
    return amount.unit == "kr" or (amount.kronor is not None and not find_amounts(known.sentence))


def _read_money(facts: ProjectFacts, sent: SentenceText) -> None:
    rid = facts.report_id
    budget = find_budget(sent)
    if facts.eu_share is None and (budget is None or budget.eu is None) and (share := find_eu_share(sent)):
        facts.eu_share = Sourced(share[0], rid, share[1], sent.text, unit="procent")
    if budget is None:
        return
    if budget.total and _open_for(facts.total_budget, budget.total):
        facts.total_budget = _money(rid, budget.total, sent)
        facts.budget_revised = facts.budget_revised or budget.revised
    if budget.original_total and _open_for(facts.original_total_budget, budget.original_total):
        facts.original_total_budget = _money(rid, budget.original_total, sent)
        facts.budget_revised = True
    if budget.eu and _open_for(facts.eu_funding, budget.eu):
        facts.eu_funding = _money(rid, budget.eu, sent)
    if budget.fund and facts.fund is None and (budget.eu or budget.total):
        facts.fund = _src(rid, budget.fund[0], budget.fund[1], sent)


_CONTACT = "contact-"


def _assign_managers(facts: ProjectFacts, mentions: list[tuple[str, str, Sourced]]) -> None:
    """Past-tense managers are former only when a current one is named too (else the project ended).
    A fact box's contact person stands in only where no manager is named."""
    managers = [m for m in mentions if not m[1].startswith(_CONTACT)]
    mentions = managers or [(name, role.removeprefix(_CONTACT), src) for name, role, src in mentions]
    has_current = any(role == "current" for _, role, _ in mentions)
    seen: set[str] = set()
    for name, role, src in mentions:
        if name in seen:
            continue
        seen.add(name)
        if role == "former" or (role == "past" and has_current):
            facts.former_managers.append(src)
        else:
            facts.managers.append(src)
    former = {s.value for s in facts.former_managers}
    facts.managers = [s for s in facts.managers if s.value not in former]


def _project_sections(report: Report) -> dict[str, Section]:
    out: dict[str, Section] = {}
    for s in report.all_sections():
        if s.kind in (SectionKind.PROJECT, SectionKind.SUBPROJECT) and s.project:
            out.setdefault(name_key(s.project), s)
    return out


def _segments(report: Report, sections: list[Section], types: tuple[SectionType, ...]) -> list[Segment]:
    segs = []
    for s in sections:
        for sub in s.walk():
            if sub.section_type in types and (sub is not s or not s.children):
                segs.append(Segment(report.text[sub.body.start:sub.body.end], sub.body.start))
    return segs


def _typed_segments(report: Report, section: Section, types: tuple[SectionType, ...]) -> list[Segment]:
    """Bodies of ``section``'s outermost subsections of the given types, in document order."""
    segs: list[Segment] = []
    covered: list[Span] = []
    for sub in section.walk():
        if sub is section or sub.section_type not in types:
            continue
        if any(c.start <= sub.body.start < c.end for c in covered):
            continue
        covered.append(sub.body)
        segs.append(Segment(report.text[sub.body.start:sub.body.end], sub.body.start))
    return segs


#: How far into a project's opening text facts are looked for (then to the paragraph's end).
_LEAD = 2000


def _fact_segments(report: Report, section: Section) -> list[Segment]:
    """The project's opening text (facts usually open it, also above a facts table or an
    "Om projektet" paragraph) and its facts subsections."""
    end = section.children[0].body.start if section.children else section.body.end
    if end - section.body.start > _LEAD:
        # Cut at a paragraph's end: a sentence cut short ("6 200 tusen kron") misreads its amount.
        stop = report.text.find("\n", section.body.start + _LEAD, end)
        end = stop if stop != -1 else end
    lead = Segment(report.text[section.body.start:end], section.body.start)
    return [*([lead] if lead.text.strip() else []), *_typed_segments(report, section, (SectionType.FACTS,))]


_A_PARTS_SHARE = re.compile(r"\w+s\s+(?:del|andel)$")


def _discovered_subprojects(project: str, segs: list[Segment]) -> list[str]:
    """Sub-projects a group's fact text introduces with "Projektägare för *X* …"."""
    found: list[str] = []
    for seg in segs:
        for sent in split_sentences(seg.text, seg.base):
            subject = subject_of_owner_clause(sent)
            # A name, not "Projektledare för hela projektet är …" nor "för Skellefteå kommuns del".
            if subject is None or not subject[0].isupper() or _A_PARTS_SHARE.search(subject):
                continue
            if name_key(subject) != name_key(project) and subject not in found:
                found.append(subject)
    return found


def extract_project_facts(report: Report) -> list[ProjectFacts]:
    """Facts for every project and sub-project of ``report``, each value with its source."""
    day = report_date(report)
    by_key = _project_sections(report)
    projects = list(report.projects)
    out: list[ProjectFacts] = []
    for p in [p for p in projects if p.parent is None]:
        section = by_key.get(name_key(p.name))
        if section is None:
            logger.debug("no section for project %r", p.name)
            continue
        segs = _fact_segments(report, section)
        subs = [c.name for c in projects if c.parent == p.name]
        for name in _discovered_subprojects(p.name, segs):
            if all(name_key(name) != name_key(s) for s in subs):
                subs.append(name)
                projects.append(Project(name=name, heading=segs[0].span, parent=p.name))
        out.extend(_facts_for_group(report, p, section, segs, subs, projects, day))
    fill_from_table(out, extract_budget_table(report))
    for facts in out:
        _planned_end_as_end(facts, day)
    return out


def _planned_end_as_end(facts: ProjectFacts, day: dt.date | None) -> None:
    """"Planerad period: jan 2038 – dec 2040" and no other end, in the text or the report's
    table: the planned end is the end (of a project stopped early it is no end it had)."""
    ended = facts.status is not None and facts.status.value == "ended"
    if facts.end_date and facts.original_end_date and facts.end_date.value == facts.original_end_date.value:
        facts.original_end_date = None  # the table's end is the planned one
    if facts.end_date is not None or facts.original_end_date is None or ended:
        return
    facts.end_date, facts.original_end_date = facts.original_end_date, None
    planned = str(facts.end_date.value)
    if facts.status is None and day and len(planned) == 10 and dt.date.fromisoformat(planned) < day:
        decide_status(facts, day)  # a planned end already passed ends it


def _facts_for_group(report: Report, p: Project, section: Section, segs: list[Segment], subs: list[str],
                     projects: list[Project], day: dt.date | None) -> list[ProjectFacts]:
    blocks: dict[str | None, list[Segment]] = {}
    for seg in segs:
        for owner, block in split_project_blocks(seg, subs) if subs else [(None, seg)]:
            blocks.setdefault(owner, []).append(block)
    group = _finish(report, p, section, blocks.get(None, []), day)
    if not subs:
        rest = _other_segments(report, section, segs)
        fill_missing(group, facts_from_segment(report.id, p.name, rest, day))
    out = [group]
    by_name = {c.name: c for c in projects}
    for name in subs:
        sub_section = _project_sections(report).get(name_key(name))
        sub_segs = _fact_segments(report, sub_section) if sub_section else []
        out.append(_finish(report, by_name[name], sub_section or section,
                           sub_segs + blocks.get(name, []), day, parent=p.name))
    return out


def _finish(report: Report, p: Project, section: Section, segs: list[Segment], day: dt.date | None,
            parent: str | None = None) -> ProjectFacts:
    facts = facts_from_segment(report.id, p.name, segs, day, parent)
    facts.abbreviation = p.abbreviation
    if facts.abbreviation is None:
        scope = [*segs, Segment(report.text[section.body.start:section.body.end], section.body.start)]
        for seg in scope:
            if found := find_abbreviation(p.name, seg.text):
                facts.abbreviation = found
                break
    heading = report.text[p.heading.start:p.heading.end]
    fund = find_fund(heading, p.heading.start)
    # "4.2 Projekt X (ESF)": a fund the text does not name, or names less sharply ("ESF-rådet").
    if fund and (facts.fund is None or (facts.fund.value, fund[0]) == ("ESF", "ESF+")):
        facts.fund = Sourced(fund[0], report.id, fund[1], heading)
    if facts.fund is None and (chapter := fund_chapter(report, p.heading.start)):
        # "Projekt inom Regionalfonden": the chapter the project stands in names its one fund.
        facts.fund = Sourced(chapter[0], report.id, chapter[1], report.text[chapter[2].start:chapter[2].end])
    start = facts.start_date
    running = facts.status is None or facts.status.value == "ongoing"  # "ongoing" is read off the dates
    if running and start is not None and report.year and int(str(start.value)[:4]) > report.year:
        # Starting after the year the report covers ("startar i januari 2038" in the report
        # for 2037): not started as the report tells it.
        facts.status = Sourced("planned", report.id, start.span, start.sentence)
    if p.status_note and re.search(r"avslut(?!as)|slut\b|avbr[uö]t|ended", p.status_note, re.IGNORECASE):
        facts.status = Sourced("ended", report.id, p.heading, heading)
        year = re.search(r"(?:19|20)\d\d", p.status_note)
        facts.ended_year = int(year.group(0)) if year else facts.ended_year
    return facts


def _other_segments(report: Report, section: Section, used: list[Segment]) -> list[Segment]:
    """The project's text outside its fact segments (facts are sometimes stated elsewhere)."""
    types = tuple(t for t in SectionType if t not in (SectionType.FACTS,))
    segs = _typed_segments(report, section, types)
    return [g for g in segs if all(g.base != u.base for u in used)]
