"""Reasons to decline a question that retrieval alone would answer with a near miss.

Evidence scores (``qa.abstain``) judge whether the closest passages are about the
question at all. These checks catch the questions whose passages are on topic but do not
hold what is asked: a project or name the reports never mention, a year before the
project started, a count no passage states, a price no passage gives, or "vilka
företag …" when no passage names one. Each gives the Swedish sentence the answer shows.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeGuard

from corpus.numbers import find_amounts, find_euro_amounts
from qa.abstain import parts_of
from qa.counting import SHARE_WORDS, part_of_people, partitive_clause, states_amount, states_count
from qa.entities import asked_entity, names_any
from qa.fact_answers import contributions, end_asked_alone
from qa.facts_table import FactsTable
from qa.quotes import TermWeights
from qa.types import Passage, Question
from qa.understanding import ProjectCatalog
from qa.unknown import before_start_reason, unknown_project_reason, unknown_theme_reason

# How many of the closest passages must hold what is asked.
_CLOSEST = 3
_MONEY = {"total_budget": "någon budget", "eu_funding": "hur stort EU-stödet är"}
# Words that make an amount a budget: "budgeten är", "kostar", "omsluter", "totalt".
_BUDGET_MONEY = re.compile(r"budget|kostnad|kostar|kostade|omslut|omsätt|totalt|totala|sammanlagt|ram\b",
                           re.IGNORECASE)
_EU_MONEY = re.compile(
    r"(?i)\bEU|fond|stöd|bidrag|beviljad|Interreg|LIFE\b|Erasmus|Leader|AMIF|ESF|ERUF|FRO\b"
)
# Money spent asked for ("hur mycket hann man göra av med", "hur stor del har förbrukats") and stated.
_SPENT_ASKED = re.compile(r"(?i)\b(?:förbruka\w*|upparbeta\w*|(?:göra|gjort|gjorts|görs|gör|gjorde) av med|"
                          r"spenderat?|använt|använts|nyttjat?s?|gjort åt)\b")


def asks_spending(text: str) -> bool:
    """Whether a question asks how much of the money was spent ("hade gjorts av med"):
    the budget is no answer to it."""
    return _SPENT_ASKED.search(text) is not None


_SPENT_STATED = re.compile(r"(?i)upparbeta\w*|förbruka\w*|använ\w*|nyttja\w*|\butfall\w*|"
                           r"kostnader(?:na)?\s+(?:hittills|hade|uppgick)")
_SHARE = re.compile(r"(?i)\d+(?:,\d+)?\s*(?:procent|%)")
# Roles a project's facts name ("Vem är projektledare för X?").
_FACT_ROLES = ("projektled", "projektansvarig", "projektägar", "huvudman", "ägare")
# An end stated in prose: "avslutas i december 2036", "pågår till 2037", "t.o.m. 2036-06-30".
_ENDS = re.compile(
    r"(?i)\b(?:avslut\w*|slut\w*|upphör\w*|löper ut|(?:pågår|pågick|förläng\w*|fortsätter)\s+"
    r"(?:\w+\s+)?(?:till|t\.o\.m\.?|fram till|året ut))\b[^.]{0,40}?(?:\b(?:19|20)\d\d\b|årsskiftet)"
    r"|(?:–|-|till(?: och med)?|t\.o\.m\.?)\s*(?:den\s+)?\d{1,2}\s+[a-zåäö]+\s+(?:19|20)\d\d"
    r"|(?:–|-|till)\s*(?:19|20)\d\d-\d\d-\d\d"
)
# A leader named in prose: the role or "leds av", then a capitalised name within a few words
# ("Projektledare är sedan i våras Amir Haddad"); not "svårt att behålla en projektledare".
_LEADS = re.compile(
    r"(?:[Pp]rojektledar\w*|[Pp]rojektansvarig\w*|\b(?:leds|leddes|samordnas|samordnades)(?:\s+\w+){0,3}\s+av)"
    r"(?:\s+[a-zåäö]+){0,4}\s*:?\s+[A-ZÅÄÖ][a-zåäö]+"
)


# "kontaktperson på länsstyrelsen", "projektledare hos Studieförbundet Kunskapsvägen": a
# person asked for at a named organisation (after "på"/"vid" one a word of it says is one).
_AT_ORGANISATION = re.compile(
    r"\b(?:hos\s+(?P<named>[A-ZÅÄÖ][\w-]*(?:\s+[A-ZÅÄÖ][\w-]*){0,2})"
    r"|(?:på|vid)\s+(?P<org>(?:[A-ZÅÄÖ][\w-]*\s+)?\w*(?:kommun|region|länsstyrelse|förvaltning|förbund|"
    r"arbetsförmedling|försäkringskassa|bolag|förening|universitet|högskola|myndighet|stiftelse)\w*))"
)


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


@dataclass(frozen=True, slots=True)
class Asked:
    """What the question asks for beyond its topic words."""

    counted: set[str] | None  # the counted noun's stems and synonyms ("hur många anställda")
    share: bool  # a share or percentage rather than a number
    priced: set[str]  # what is priced or who paid ("vad kostade mässan", "hur mycket betalade Y")


@dataclass(frozen=True, slots=True)
class Decline:
    reason: str | None
    count_stated: bool | None  # None when no count was asked


class DeclineChecks:
    def __init__(
        self,
        facts: FactsTable,
        catalog: ProjectCatalog,
        weights: TermWeights,
        synonyms: Mapping[str, frozenset[str]],
        field_terms: set[str],
        report_years: Mapping[str, int | None],
        ordinary_words: frozenset[str],
        name_pairs: frozenset[tuple[str, str]] = frozenset(),
    ):
        self.facts = facts
        self.catalog = catalog
        self.weights = weights
        self.synonyms = synonyms
        self.field_terms = field_terms
        self.report_years = report_years
        self.ordinary_words = ordinary_words
        self.name_pairs = name_pairs
        self.project_name_words = sorted({w for r in catalog.refs for w in re.findall(r"\w+", r.name)})

    def check(
        self, q: Question, text: str, terms: set[str], passages: list[Passage], asked: Asked,
        reports: tuple[str, ...] = (),
    ) -> Decline:
        """The first reason that applies (the unknown name before the missing count), and
        whether a count, when asked, is stated by the closest passages."""
        closest = passages[:_CLOSEST]
        reasons = [
            before_start_reason(q, self.facts) if q.projects
            else unknown_project_reason(text, self.weights, self.catalog, self.name_pairs),
            # A project read from the theme's description ("bygdeprojektet i Sollebrunn") is known.
            None if q.projects else unknown_theme_reason(text, self.weights, self.catalog),
            self._missing_fact(q, closest, reports),
            self._spending_unstated(q, text, passages),
        ]
        count_stated = None
        if asked.counted:
            count_stated = self._count_stated(q, text, terms, closest, asked)
            if not count_stated:
                reasons.append("Inget av de närmaste avsnitten anger något sådant antal.")
        if asked.priced and not any(self._states_price(p, asked.priced) for p in closest):
            reasons.append("Inget av de närmaste avsnitten anger något sådant belopp.")
        entity = asked_entity(text)
        if entity and q.projects and entity[0].startswith(_FACT_ROLES):
            entity = None  # a named project's manager: its facts and _missing_fact answer that
        known = [*re.findall(r"\w+", text), *self.project_name_words]
        if entity and not names_any(entity[0], (p.chunk.text for p in closest), known, self.ordinary_words):
            reasons.append(f"De närmaste avsnitten nämner {entity[1]}.")
        return Decline(next((r for r in reasons if r), None), count_stated)

    def amount_first(self, passages: list[Passage], priced: set[str]) -> list[Passage]:
        """For a question asking what something cost or was granted, the passages stating such
        a sum first (in their order), so the answer quotes the sum rather than the background."""
        if not priced:
            return passages
        return sorted(passages, key=lambda p: not self._states_price(p, priced))

    def _states_price(self, passage: Passage, priced: set[str]) -> bool:
        """Whether the passage states a sum beside what is priced. A thing priced that names
        the passage's own project ("samarbetet om kusten" of "Kust i balans") is that
        project: any sum the passage states is its."""
        analyze = self.weights.passage
        return states_amount(passage.chunk, priced - set(analyze(passage.chunk.project or "")), analyze)

    def asked_elsewhere(self, q: Question, reports: tuple[str, ...]) -> str | None:
        """Why a person asked for at another organisation than the project's is not stated:
        its manager is the owner's, or their fact says where they work ("kontaktperson på
        länsstyrelsen" of a municipality's project, "hos Studieförbundet X" of a partner)."""
        at = _AT_ORGANISATION.search(q.text)
        if set(q.fields) != {"manager"} or len(q.projects) != 1 or at is None:
            return None
        name = q.projects[0].name
        row = self.facts.project(name, reports)
        if row is None:
            return None
        org = at.group("named") or at.group("org")
        stated = " ".join(s.sentence for s in (row.owner, *row.managers) if s is not None)
        if set(self.weights.query(org)) <= set(self.weights.passage(stated)):
            return None
        return f"Rapporten anger ingen kontaktperson {at.group(0).split()[0]} {org} för {name}."

    def _missing_fact(self, q: Question, closest: list[Passage], reports: tuple[str, ...]) -> str | None:
        """A project's budget, EU funding or manager asked for, which its facts do not hold
        and none of its closest passages states: no amount beside the ones already known
        (its budget said in words does not give the grant: "9,8 miljoner kronor …
        finansieras av ESF+"), no word for who leads it."""
        if len(q.projects) != 1 or q.aggregate not in (None, "sum"):
            return None  # "totalt" about one project is no sum over projects
        name = q.projects[0].name
        row = self.facts.project(name, reports)
        if row is None:
            return None
        own = [p.chunk.text for p in closest if p.chunk.project == name]
        leader_unknown = not (row.managers or row.former_managers or any(_LEADS.search(t) for t in own))
        if set(q.fields) == {"manager"} and leader_unknown:
            return f"Rapporten anger inte vem som är projektledare för {name}."
        if elsewhere := self.asked_elsewhere(q, reports):
            return elsewhere
        if end_asked_alone(q.fields) and row.end_date is None and row.original_end_date is None:
            if not any(_ENDS.search(t) for t in own):
                return f"Rapporten anger inte när {name} slutar."
            return None
        # Asked for the grant, the budget beside it is no answer ("Hur mycket EU-pengar …").
        asked = ["eu_funding"] if "eu_funding" in q.fields else [f for f in q.fields if f in _MONEY]
        if not asked or set(q.fields) - set(_MONEY) or any(getattr(row, f) is not None for f in asked):
            return None
        known = set(contributions(row))
        known |= {v.value for v in (row.total_budget, row.eu_funding) if v is not None and _is_int(v.value)}
        for t in own:
            # "EU-finansiering: 56 procent av den totala budgeten": the grant as a share.
            if asked == ["eu_funding"] and any(_EU_MONEY.search(t[max(0, m.start() - 60) : m.start()])
                                               for m in _SHARE.finditer(t)):
                return None
            for a in (*find_amounts(t), *find_euro_amounts(t)):
                near = t[max(0, a.span.start - 40) : a.span.end + 30]
                # An amount not known yet may be what is asked, unless nothing near it says EU
                # money, or a budget ("ett räntefritt lån om 350 000 kronor" is neither).
                cue = _EU_MONEY if asked == ["eu_funding"] else _BUDGET_MONEY
                if a.value not in known and cue.search(near):
                    return None
        return f"Rapporten anger inte {_MONEY[asked[0]]} för {name}."

    def _spending_unstated(self, q: Question, text: str, passages: list[Passage]) -> str | None:
        """How much of a named project's money was spent, which none of its passages states
        (an amount or share beside "upparbetat", "förbrukat"): its budget is no answer."""
        if len(q.projects) != 1 or not _SPENT_ASKED.search(text):
            return None
        name = q.projects[0].name
        for p in passages:
            t = p.chunk.text
            if p.chunk.project != name:
                continue
            for cue in _SPENT_STATED.finditer(t):
                near = t[max(0, cue.start() - 80) : cue.end() + 80]
                if find_amounts(near) or find_euro_amounts(near) or _SHARE.search(near):
                    return None
        return f"Rapporten anger inte hur mycket av pengarna {name} har förbrukat."

    def counted_forms(self, counted: set[str] | None) -> set[str] | None:
        """The counted noun's stems with the words that count it too: its synonyms ("Hur
        många anställda" is counted by "351 medarbetare") and, for a compound the reports
        may write apart, its known parts ("småföretag" by "46 små och medelstora företag")."""
        if not counted:
            return counted
        synonyms = {s for t in counted for s in self.synonyms.get(t, ())}
        return counted | synonyms | {p for t in counted for p in parts_of(t, self.weights)}

    def count_predicate(
        self, text: str, terms: set[str], counted: set[str] | None
    ) -> tuple[tuple[frozenset[str], float], ...]:
        """"Hur många av deltagarna var kvinnor": the part counted, which must be stated
        too, as each word with its synonyms and weight (empty for other questions)."""
        # Only the count's own clause: "Vem äger X, och hur stor andel …" counts nothing owned.
        clause = set(self.weights.query(partitive_clause(text)))
        rest = (terms & clause) - (counted or set()) - self.field_terms
        rest -= set(self.weights.query(SHARE_WORDS))  # "hur stor andel": the form, not the part
        return tuple((frozenset((t, *self.synonyms.get(t, ()))), self.weights.idf(t)) for t in sorted(rest))

    def _count_stated(
        self, q: Question, text: str, terms: set[str], closest: list[Passage], asked: Asked
    ) -> bool:
        part = self.count_predicate(text, terms, asked.counted)
        # Of a named project, its own passages must state the count; another project's share
        # of women does not answer "hur stor andel av deltagarna i X är kvinnor".
        named = {r.name for r in q.projects}
        # … a group's parts, and a part's group (whose passages tell the parts' results)
        named |= {r.name for r in self.catalog.refs if r.parent in named}
        named |= {r.parent for r in self.catalog.refs if r.name in named and r.parent}
        closest = [p for p in closest if p.chunk.project in named] if named else closest
        return any(
            states_count(
                p.chunk.text, asked.counted or set(), self.weights.passage, asked.share, q.year,
                self.report_years.get(p.chunk.report_id), predicate=part, any_count=part_of_people(text),
            )
            for p in closest
        )
