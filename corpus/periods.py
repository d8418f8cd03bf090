"""Sentence-level patterns for a project's period: start, end, an end an extension moved,
and whether the project has ended.

Like ``corpus.fact_patterns``, each reader takes one sentence with its absolute offset and
returns what it found with absolute spans; ``corpus.facts`` combines findings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.dates import SwedishDate, find_date_ranges, find_dates
from corpus.fact_patterns import SentenceText

_PERIOD_CUE = re.compile(r"projekttid|projektperiod|genomförandeperiod|löp|pågå|pågick|pågått|period|start|"
                         r"avslut|avbr[öu]t|förläng|t\.o\.m|fram till|mellan|genomför|varade", re.IGNORECASE)
_EXTENDED_RE = re.compile(r"förläng\w*", re.IGNORECASE)
_START_BEFORE = re.compile(r"(?:start\w*|inleddes|påbörjades|fr\.o\.m\.?)\s*(?:den\s+)?$", re.IGNORECASE)
# "avslutades enligt plan 2027-06-30": as planned is no part of the cue.
_AS_PLANNED = r"(?:\s+(?:enligt\s+plan|som\s+planerat|planenligt))?"
_END_BEFORE = re.compile(rf"(?:avslut(?:ats|as|ades){_AS_PLANNED}|slutat?|till(?:\s+och\s+med)?|t\.o\.m\.?)"
                         r"\s*(?:den\s+)?$", re.IGNORECASE)
_ORIGINALLY = re.compile(
    # "… (förlängt; ursprungligt slutdatum 2036-08-31)"
    r"(?:ursprungligen\s+(?:till\s+(?:och\s+med\s+)?|t\.o\.m\.?\s*)?|förläng\w*\s+från\s+"
    r"|ursprungligt?\s+(?:slutdatum|slut)\s*:?\s*)(?:den\s+)?$",
    re.IGNORECASE,
)
_LONE_END_BEFORE = re.compile(rf"(?:till|t\.o\.m\.?|till\s+och\s+med|fram\s+till|"
                              rf"(?:avslut(?:as|ades){_AS_PLANNED}|slutar|upphör)(?:\s+(?:därmed|därför|nu|alltså|slutligen))?|"
                              r"(?:avbröts|avbrutits|avslutades|avslutats|upphörde)\s+i\s+förtid)"
                              r"\s*(?:den\s+)?$", re.IGNORECASE)
# "Projektet beviljades ursprungligen för perioden A – B": B is the end an extension moved.
_ORIGINAL_RANGE = re.compile(r"\bursprungligen\b[^.;]{0,40}$", re.IGNORECASE)
# "Den ursprungliga projektperioden sträckte sig till …", "var tänkt att pågå till och med …".
_PLANNED_END = re.compile(r"\bursprungligt?a?\b|\bursprungligen\b|\b(?:var|är)\s+tänkt\s+att\b",
                          re.IGNORECASE)
# "avslutas därmed C i stället för, som ursprungligen planerat, …": C replaces an earlier end.
_INSTEAD = re.compile(r"^\W*i\s+stället\s+för\b", re.IGNORECASE)
_LONE_START_BEFORE = re.compile(r"(?:start\w*|inleddes|påbörjades|från|fr\.o\.m\.?)\s*(?:den\s+)?$",
                                re.IGNORECASE)
_ENDED_RE = re.compile(r"\b(?:avslutades|avslutats|avslutat\s+i\s+förtid|avbröts|avbrutits|löpte\s+ut"
                       r"|upphörde|slutfördes)\b", re.IGNORECASE)
# An end that did not happen: "skulle enligt den ursprungliga planen ha avslutats den …".
_COUNTERFACTUAL = re.compile(r"\bskulle\b[^.;]{0,80}?\bha\s+(?:avslutats|upphört|slutförts|löpt\s+ut)\b",
                             re.IGNORECASE)
_WOULD_HAVE_ENDED = re.compile(_COUNTERFACTUAL.pattern + r"\s*(?:den\s+)?$", re.IGNORECASE)
# "Ursprunglig projekttid: …" and "Förlängd projekttid: …" on label lines.
_PERIOD_LABEL = r"\w*\s+(?:projekt)?(?:tid|period)\w*\s*:"
_ORIGINAL_LABEL = re.compile(r"\s*(?:ursprunglig|tidigare|planerad)" + _PERIOD_LABEL, re.I)
_EXTENDED_LABEL = re.compile(r"\s*(?:förlängd|ny|ändrad|reviderad)" + _PERIOD_LABEL, re.I)
# "Startdatum: 2029-11-01", "Projektslut: 2031-12-31": one date on a label line.
_START_LABEL = re.compile(r"\s*(?:projekt)?start(?:datum)?\s*:", re.I)
_END_LABEL = re.compile(r"\s*(?:(?:projekt)?slut(?:datum)?|avslut(?:as|sdatum)?)\s*:", re.I)
# "Tidigare projektledare: A (2025-03-01 – 2027-02-14)": a manager's time, not the project's.
_MANAGER_LINE = re.compile(r"projektledar|\bledde\b|efterträd", re.IGNORECASE)
_MANAGER_LABEL = re.compile(r"\s*(?:tidigare\s+|ny\s+)?projektled(?:are|ning)\w*\s*:", re.IGNORECASE)


_STOPPED_BEFORE = re.compile(r"\b(?:avslutat|avslutades|avbröts|avbrutet|upphörde)\s+(?:i\s+förtid\s+)?"
                             r"(?:den\s+)?$", re.IGNORECASE)
# A period's label line: "Tidsperiod: …", "Projekttid<TAB>…", "Period: …".
_PERIOD_LINE = re.compile(r"^\s*\w*(?:tid|period)\w*\s*[:\t]", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class PeriodFinding:
    """Start, end and original (pre-extension) end a sentence states."""

    start: SwedishDate | None = None
    end: SwedishDate | None = None
    original_end: SwedishDate | None = None
    extension_only: bool = False


def find_period(sent: SentenceText, named: bool = False) -> PeriodFinding | None:
    """The project period in a sentence ("Projekttiden är 2017-02-01 – 2020-01-31").
    ``named``: the sentence opens with the project's name ("X avslutades den 31 januari
    2033"), as good as saying "projektet"."""
    t = sent.text
    if ";" in t and not _PERIOD_LINE.match(t):
        # "Ägare: X; Projektledare: Y (från 2049-04-01); Tid: A–B": the period's own pair.
        at = 0
        for item in t.split(";"):
            if _PERIOD_LINE.match(item) and at:
                return find_period(SentenceText(item, sent.start + at), named)
            at += len(item) + 1
    label = _START_LABEL.match(t) or _END_LABEL.match(t)
    if label:
        dates = find_dates(t[label.end() :], sent.start + label.end())
        if len(dates) == 1:
            return PeriodFinding(start=dates[0]) if label.re is _START_LABEL else PeriodFinding(end=dates[0])
    cue = _PERIOD_CUE.search(t)
    if (not cue or _MANAGER_LABEL.match(t)) and _about_a_manager(t):
        return None  # "Projektledare: X; Från 1 juni 2034 …, Y fram till 31 maj": the managers' times
    ranges = [r for r in find_date_ranges(t, sent.start)
              if cue or r.start.precision == r.end.precision == "day"]
    if not ranges and not cue:
        return None
    dates = [d for d in find_dates(t, sent.start) if d.precision == "day"]
    if ranges and _ORIGINAL_LABEL.match(t):
        # "Ursprunglig projekttid: A – B": the start, and the end an extension moved.
        return PeriodFinding(ranges[0].start, None, ranges[0].end)
    if ranges and _EXTENDED_LABEL.match(t):
        # "Förlängd projekttid: A – C": the new end, wherever the original was stated.
        return PeriodFinding(ranges[0].start, ranges[0].end, extension_only=True)
    before_range = t[: ranges[0].span.start - sent.start] if ranges else ""
    if ranges and not _EXTENDED_RE.search(t) and _ORIGINAL_RANGE.search(before_range):
        return PeriodFinding(ranges[0].start, None, ranges[0].end)
    if ranges:
        r = ranges[0]
        later = [d for d in dates if d.span.start >= r.span.end and d.first_day() > r.end.first_day()]
        if _EXTENDED_RE.search(t) and later:
            return PeriodFinding(r.start, later[-1], r.end)
        # "2034-02-01 – 2036-01-31 enligt beslut, avslutat i förtid den 30 juni 2035": the
        # project stopped before its planned end, which becomes the end it did not reach.
        stopped = [d for d in dates if d.span.start >= r.span.end and d.first_day() < r.end.first_day()
                   and _STOPPED_BEFORE.search(t[: d.span.start - sent.start])]
        if stopped:
            return PeriodFinding(r.start, stopped[0], r.end)
        if _PLANNED_END.search(t[r.start.span.end - sent.start : r.end.span.start - sent.start]):
            return PeriodFinding(r.start, None, r.end)  # "startade A och var tänkt att pågå till B"
        # "2020-09-01 – 2023-08-31 (ursprungligen till 2022-12-31)": the end before a change.
        earlier = [d for d in dates if d.span.start >= r.span.end
                   and _ORIGINALLY.search(t[: d.span.start - sent.start])]
        return PeriodFinding(r.start, r.end, earlier[0] if earlier else None)
    if _EXTENDED_RE.search(t) and dates:
        # "startade den 1 september 2020 och skulle ha avslutats den 31 mars 2023, men …
        # förlängning till och med den 31 december 2023"
        # The new end is the last date with an end cue: "… avslutades den 31 maj 2025 efter en
        # förlängning, och slutrapporten lämnades in den 15 augusti 2025" ends in May.
        cued = [d for d in dates if _END_BEFORE.search(t[: d.span.start - sent.start])
                or _LONE_END_BEFORE.search(t[: d.span.start - sent.start])]
        new_end = cued[-1] if cued else dates[-1]
        begun = next((d for d in dates if _START_BEFORE.search(t[: d.span.start - sent.start])), None)
        first_end = next((d for d in cued if d is not new_end and d.span.start < new_end.span.start), None)
        if _WOULD_HAVE_ENDED.search(t[: new_end.span.start - sent.start]):
            # "skulle ursprungligen ha avslutats B, men förlängdes med tre månader": B is the
            # end the extension moved; the new one is not in this sentence.
            return PeriodFinding(begun if begun is not new_end else None, None, new_end)
        if begun is not None and begun is not new_end:
            return PeriodFinding(begun, new_end, first_end)
        return PeriodFinding(end=new_end, original_end=first_end, extension_only=True)
    if not dates or not (named or "projekt" in t.lower()):
        return None
    # "Projektet startade 2022-09-01 och pågår till och med 2025-06-30": each date by its cue.
    start = end = None
    for d in dates:
        before = t[: d.span.start - sent.start]
        if end is None and _LONE_END_BEFORE.search(before):
            end = d
        elif start is None and _LONE_START_BEFORE.search(before):
            start = d
    if end is not None and start is None and _INSTEAD.search(t[end.span.end - sent.start :]):
        return PeriodFinding(end=end, extension_only=True)
    if end is not None and _PLANNED_END.search(t[: end.span.start - sent.start]):
        # "Den ursprungliga projektperioden sträckte sig till och med B": an end not reached.
        return PeriodFinding(start=start, original_end=end)
    return PeriodFinding(start=start, end=end) if start or end else None


def _about_a_manager(t: str) -> bool:
    """Whether a date stands beside a manager; on a line of items separated by "·" or "|"
    ("Projektägare: X · Projektledare: Y · ESF+ · A – B") only the date's own item counts."""
    items = re.split(r"\s[·|•]\s|;", t)
    return any(_MANAGER_LINE.search(i) and re.search(r"\d{4}", i) for i in items)


def says_ended(sent: SentenceText, named: bool = False) -> bool:
    """Whether a sentence says the project has ended ("avslutades 2019-02-28"); not one
    about an end that an extension moved ("skulle ha avslutats …, men … förlängning")."""
    t = sent.text
    ended = _ENDED_RE.search(t)
    if ended is None or _EXTENDED_RE.search(t) or _COUNTERFACTUAL.search(t):
        return False
    if "projekt" in t.lower() or _PERIOD_LINE.match(t):
        return True
    # "X avslutades den …", not "X bygger på den förstudie som avslutades …"; "X, som ägdes av
    # Y, avslutades …" has the project for its subject all the same.
    before = t[: ended.start()]
    plain = not re.search(r"\bsom\b|[,;(]", before)
    return named and (plain or _SUBJECT_CLAUSE.fullmatch(before) is not None)


_SUBJECT_CLAUSE = re.compile(r"[^,;(]+,\s+som\s+[^;(]*,\s*")


# "Projektet har ännu inte startat", "Det är ännu inte i gång", "har beviljats men inte startat än"
# (not "… som ännu inte har börjat läsa svenska": what the target group has not begun).
_NOT_STARTED = re.compile(r"\b(?:ännu\s+inte|inte\s+ännu)\s+(?:har\s+)?(?:startat|startats|påbörjat\w*|"
                          r"kommit\s+i\s*gång|i\s*gång|börjat(?!\s+(?!än\b|ännu\b|under\b|i\b)[a-zåäö]+a\b))|\binte\s+(?:startat|kommit\s+i\s*gång)\s+än\b",
                          re.IGNORECASE)


def says_not_started(sent: SentenceText, named: bool = False) -> bool:
    """Whether a sentence says the project has not started yet ("X har ännu inte startat");
    of the project itself (named, or "projektet", "det"), not of a part of it ("Etapp två
    har ännu inte påbörjats")."""
    m = _NOT_STARTED.search(sent.text)
    if m is None:
        return False
    subject = sent.text[: m.start()].strip().lower()
    short = subject.startswith(("projektet ", "det ")) and len(subject.split()) <= 4 and "," not in subject
    return named or subject in ("projektet", "det") or short

