"""Which projects a listing or count asks for: the filter a question sets (fund, status,
end year or date, owner and kind of owner, a change of manager, an extension, a bound on
the end, money in euro), read from its words against the facts table. Kept apart from
``qa.aggregates``, which computes and words the answer for the projects it admits."""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.types import ProjectFacts, Sourced
from qa.types import Question
from qa.understanding import normalise
from qa.vocabulary import FUND_WORDS, in_fund

_ISO = re.compile(r"\b(20\d\d-\d\d-\d\d)\b")


@dataclass(frozen=True, slots=True)
class AggregateFilter:
    fund: str | None = None
    status: str | None = None
    end_year: int | None = None
    end_date: str | None = None
    owner: str | None = None
    #: "I vilka projekt har projektledaren bytts ut?": projects with a former manager.
    manager_change: bool = False
    #: "Vilka projekt drivs av kommunala bolag?": the kinds of owner (see ``owner_kind``).
    owner_kinds: frozenset[str] = frozenset()
    #: "Vilka projekt har förlängts?": projects whose end was moved (an original end stated).
    extended: bool = False
    #: "Vilka projekt håller på efter 2050?" / "… slutar före 2048?": the end's year beyond a bound.
    ends_after: int | None = None
    ends_before: int | None = None
    #: "Vilka projekt har sin budget i euro?": the currency a project's money is stated in.
    in_euro: bool = False

    def admits(self, f: ProjectFacts) -> bool:
        if self.manager_change and not f.former_managers:
            return False
        if self.extended and f.original_end_date is None:
            return False
        money = f.total_budget or f.eu_funding
        if self.in_euro and (money is None or money.unit != "euro"):
            return False
        end_year = int(str(f.end_date.value)[:4]) if f.end_date else None
        if self.ends_after and (end_year is None or end_year <= self.ends_after):
            return False
        if self.ends_before and (end_year is None or end_year >= self.ends_before):
            return False
        if self.fund and (f.fund is None or not in_fund(f.fund.value, self.fund)):
            return False
        if self.status and (f.status is None or f.status.value != self.status):
            return False
        end = str(f.end_date.value) if f.end_date else ""
        if self.end_date and end != self.end_date:
            return False
        if self.end_year and not end.startswith(str(self.end_year)):
            return False
        if self.owner_kinds and (f.owner is None or owner_kind(str(f.owner.value)) not in self.owner_kinds):
            return False
        return not (self.owner and (f.owner is None or normalise(str(f.owner.value)) != self.owner))

    def sources(self, f: ProjectFacts) -> list[Sourced]:
        """The facts that made ``f`` pass the filter, best first (what to cite for it)."""
        first: list[Sourced | None]
        if self.manager_change:
            first = [*f.managers, *f.former_managers]
        elif self.extended:
            first = [f.end_date, f.original_end_date]
        elif self.in_euro:
            first = [f.total_budget, f.eu_funding]
        elif self.end_date or self.end_year or self.ends_after or self.ends_before:
            first = [f.end_date]
        elif self.fund:
            first = [f.fund]
        elif self.status:
            first = [f.status, f.end_date]
        elif self.owner or self.owner_kinds:
            first = [f.owner]
        else:
            first = []
        return [s for s in (*first, f.total_budget, f.owner) if s is not None]


_ENDED_OR_ENDING = re.compile(
    r"\b(?:avslutats|avslutades|slutat|slutade)\s+eller\s+(?:ska\s+|kommer\s+att\s+)?(?:avslutas|sluta|slutar)\b"
)


_TO_BE_ENDED = re.compile(r"\bska\s+(?:vara\s+|ha\s+)?(?:avslutade|avslutat|avslutats)\b")


def read_filter(q: Question, rows: list[ProjectFacts], newest_year: int | None) -> AggregateFilter:
    norm = normalise(q.text)
    fund = next((name for name, words in FUND_WORDS.items() if any(f" {w}" in norm for w in words)), None)
    status = None
    if any(w in norm for w in (" pågår ", " pågående ", " fortfarande ")):
        status = "ongoing"
    elif any(w in norm for w in (" avslutade ", " avslutats ", " avslutat ", " avslutades ", " slutförda ")):
        status = "ended"
    if _ENDED_OR_ENDING.search(norm) or _TO_BE_ENDED.search(norm) and q.year:
        # "har avslutats eller avslutas under 2031", "ska vara avslutade under 2040": the end
        # year decides
        status = None
    end_date = None
    end_year = None
    if ("end_date" in q.fields or "status" in q.fields) and status is None:
        iso = _ISO.search(q.text)
        end_date = iso.group(1) if iso else None
        if end_date is None:
            end_year = q.year or (newest_year if " i år " in norm else None)
        if end_date or end_year:
            status = None
    owners = {normalise(str(f.owner.value)) for f in rows if f.owner}
    owner = next((o for o in owners if o.strip() and o in norm), None)
    change = "manager" in q.fields and _MANAGER_CHANGE.search(norm) is not None
    # The kinds the question names before it sets any aside: "drivs av ett bolag eller en
    # förening i stället för av en förvaltning".
    aside = _ASIDE.search(norm)
    kinds = frozenset(kind for kind, rx in _KIND_ASKED.items()
                      if (m := rx.search(norm)) and (aside is None or m.start() < aside.start()))
    after, before = _END_BOUND.search(norm), _END_BOUND_BEFORE.search(norm)
    about_end = bool({"end_date", "status", "period"} & set(q.fields)) or _GOES_ON.search(norm) is not None
    bounds = (int(after.group(1)) if after else None, int(before.group(1)) if before else None)
    if about_end and "start_date" not in q.fields and any(bounds):
        end_year = None
    else:
        bounds = (None, None)
    euro = bool({"total_budget", "eu_funding"} & set(q.fields)) and " euro " in norm
    return AggregateFilter(fund, status, end_year, end_date, owner, change, kinds,
                           _EXTENDED.search(norm) is not None, *bounds, euro)


# "har förlängts", "fått förlängd projekttid", "skjuta fram sitt slutdatum", "fått mer tid"
_EXTENDED = re.compile(r" (?:förläng\w*|(?:skjuta|skjutit|skjutits|flytta|flyttat|flyttats) fram \w* ?slut\w*"
                       r"|fått (?:mer|längre) tid) ")
# "håller på efter att 2050 är slut", "slutar efter 2048", "pågår längre än 2049"
_END_BOUND = re.compile(r" (?:efter|senare än|längre än|bortom) (?:att |utgången av |år )?(20\d\d)\b")
_END_BOUND_BEFORE = re.compile(r" (?:före|innan|tidigare än) (?:utgången av |år )?(20\d\d)\b")
_GOES_ON = re.compile(r" (?:håller på|hålla på|pågår|pågå|fortsätter|löper|slutar|avslutas) ")


_ASIDE = re.compile(r" (?:i stället för|istället för|och inte|men inte|snarare än|inte av) ")

# Kinds of project owner, as owners' names show them and as questions ask for them.
_KIND_NAMED = {
    "company": re.compile(r"\bAB\b|aktiebolag|\bbolag(?:et)?\b"),
    "association": re.compile(r"(?i)förening|\bstiftelse"),
    "department": re.compile(r"(?i)förvaltning|kontoret\b|nämnd"),
}
_KIND_ASKED = {
    "company": re.compile(r" (?:kommunala |kommunägda )?(?:bolag|bolagen|aktiebolag)\b"),
    "association": re.compile(r" (?:ideella )?(?:föreningar|föreningarna|förening|stiftelser)\b"),
    "department": re.compile(r" (?:förvaltningar|förvaltningarna|förvaltning|en förvaltning)\b"),
}


def owner_kind(owner: str) -> str | None:
    """Whether an owner is a (municipal) company, an association or a department."""
    return next((kind for kind, rx in _KIND_NAMED.items() if rx.search(owner)), None)


_MANAGER_CHANGE = re.compile(r"\bbyt(?:t|ts|te|tes|e)?\b|\bbyte\b|\bny projektledare\b|\bersat|\btog över\b")
