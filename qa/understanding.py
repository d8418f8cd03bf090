"""Question understanding: which projects, fields, section types, year and aggregate a
Swedish question asks about. Pure functions over the question text and a project catalog
learned from the indexed reports (names, abbreviations and aliases found in the text)."""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from corpus.section_titles import PHASE_TITLE
from qa.asked_fields import detect_fields
from qa.initialisms import initialism_mentions
from qa.question_text import has_phrase, normalise
from qa.types import ProjectRef, Question
from qa.vocabulary import (
    AGENCY_ABBREVIATIONS,
    AGGREGATE_WORDS,
    FUND_WORDS,
    NAME_STOPWORDS,
    SECTION_WORDS,
)

_YEAR = re.compile(r"\b(20\d\d)\b")


#: What a municipality's genitive names before it: its projects, its portfolio.
_OWNERS_NOUNS = ("projekt", "portfölj", "eu-projekt", "eu-portfölj", "projektportfölj", "satsningar")


# Capital initials that stand for something other than a project: funds, organisations.
_RESERVED_INITIALS = frozenset(
    {k.casefold() for k in (*FUND_WORDS, *AGENCY_ABBREVIATIONS)}
    | {w for words in FUND_WORDS.values() for w in words}
    | {"eu", "ab", "vd", "sfi", "it", "hr", "rf", "iks", "sms", "cv", "ai", "csn", "vo"}
)


def short_name(name: str) -> str:
    """A name without its subtitle: "Steget Vidare – vägar till arbete" is "Steget Vidare"."""
    return re.split(r"\s[–-]\s", name)[0]


@dataclass(slots=True)
class _Match:
    ref: ProjectRef
    score: float
    start: int
    end: int


def is_phase(ref: ProjectRef) -> bool:
    """Whether a project is a phase of its group ("X – Fas 2", see ``corpus.sections``): its
    group's name is how it is asked for, unlike a sub-project's ("X – Trygga stråk")."""
    prefix = f"{ref.parent} – "
    phase = PHASE_TITLE.match(ref.name[len(prefix):]) is not None
    return bool(ref.parent) and ref.name.startswith(prefix) and phase


class ProjectCatalog:
    """All projects of the indexed reports and the names they go by."""

    def __init__(self, refs: Iterable[ProjectRef], ordinary: frozenset[str] = frozenset()):
        """``ordinary``: words the reports also write in lower case ("företagande",
        "framåt"); such a word of a name never identifies the project on its own."""
        self.refs = list(refs)
        self._variants: list[tuple[str, ProjectRef]] = []
        for ref in self.refs:
            for variant in self._name_variants(ref):
                self._variants.append((variant, ref))
        self._variants += self._without_place()
        # Initials the reports never define ("VTA"): of a name without its subtitle; never a
        # fund's, a stated abbreviation or a common organisation's.
        self._short_names = {short_name(r.name): r for r in self.refs if not is_phase(r)}
        self._reserved = _RESERVED_INITIALS | {
            a.casefold() for r in self.refs for a in (r.abbreviation, *r.aliases) if a}
        # A word that closes two or more names is the place they are in ("Nya Steg Borlänge",
        # "Matbron Borlänge"): "får Borlänge …" names the town, no project it might mean.
        short = {r.name: short_name(r.name) for r in self.refs}
        closing = Counter(normalise(short[r.name]).split()[-1] for r in self.refs
                          if not r.parent and " " in short[r.name])
        self._places = {w for w, n in closing.items() if n >= 2}
        counts: dict[str, set[str]] = defaultdict(set)
        groups = {r.name for r in self.refs} | {r.parent for r in self.refs if r.parent}
        for ref in self.refs:
            # A subtitle ("X – energieffektivisering i små företag") describes; its words name
            # nothing, unless what precedes it is a group's name ("Grupp – Delprojekt").
            for name in {ref.name, *ref.aliases, *([ref.abbreviation] if ref.abbreviation else [])}:
                own = name if short_name(name) in groups - {ref.name} else short_name(name)
                if is_phase(ref):
                    own = own[len(ref.parent or ""):]  # "X – Fas 2": the group's words name the group
                for token in normalise(own).split():
                    counts[token].add(ref.name)
        self._name_words = counts
        # A token is distinctive when it belongs to one project's names only.
        self._distinctive: dict[str, str] = {
            tok: next(iter(names))
            for tok, names in counts.items()
            if len(names) == 1
            and len(tok) >= 3
            and tok not in NAME_STOPWORDS
            and tok not in ordinary
            and not tok.isdigit()
        }

    @staticmethod
    def _name_variants(ref: ProjectRef) -> set[str]:
        names = {ref.name, *ref.aliases}
        # "Name – Subtitle": the short name alone is how people ask.
        names |= {short_name(n) for n in list(names)}
        variants = {normalise(n).strip() for n in names}
        if ref.abbreviation:
            variants.add(normalise(ref.abbreviation).strip())
        return {v for v in variants if v}

    def _without_place(self) -> list[tuple[str, ProjectRef]]:
        """"Gröna verkstan Kalmar" is asked about as "Gröna verkstan", "Young Makers Central
        Baltic" as "Young Makers": a name without its closing capitalised word or two (a
        place, a region), where no other project shares it. Two words at least remain
        ("Kalmar" alone names the city, not a project "Kalmar Stadslabb"); a one-word name
        is found by its distinctive word already."""
        found: dict[str, list[ProjectRef]] = defaultdict(list)
        for ref in self.refs:
            words = short_name(ref.name).split()
            for cut in (1, 2):
                if len(words) - cut < 2 or ref.parent is not None:
                    break
                if not all(w[:1].isupper() for w in words[-cut:]):
                    break
                short = normalise(" ".join(words[:-cut])).strip()
                if " " in short:
                    found[short].append(ref)
        taken = {v for v, _ in self._variants}
        return [(v, refs[0]) for v, refs in found.items() if len(refs) == 1 and v not in taken]

    def names(self) -> list[str]:
        return sorted({r.name for r in self.refs})

    def by_name(self, name: str) -> list[ProjectRef]:
        return [r for r in self.refs if r.name == name]

    def link(self, question: str) -> tuple[list[str], str, list[str]]:
        """Project names the question mentions, the question's normalised text with those
        mentions blanked out (so "2030" in a name is not read as a year), and the names it
        mentions only to exclude them ("… i projekten, utöver i DKA")."""
        norm = normalise(question)
        matches = self._exact_matches(norm) + self._initials(question, norm)
        by_token = not matches
        if by_token:
            matches = self._token_matches(norm)
        if not matches:
            return [], norm, []
        # A match inside a longer match of another project is not a mention of its own
        # ("Grupp 2030" mentions the sub-project, not the group "Grupp").
        kept = [
            m
            for m in matches
            if not any(
                o is not m and o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start)
                for o in matches
            )
        ]
        # A sub-project's short name can equal its group's name; then the group is meant.
        spans = {(m.start, m.end): m for m in kept if m.ref.parent is None}
        kept = [m for m in kept if not (m.ref.parent and (m.start, m.end) in spans)]
        names = list(dict.fromkeys(m.ref.name for m in sorted(kept, key=lambda m: m.start)))
        excluded = [
            n for n in names if all(_EXCLUDING.search(norm[: m.start + 1]) for m in kept if m.ref.name == n)
        ]
        names = [n for n in names if n not in excluded]
        rest = norm
        for m in kept:
            rest = rest[: m.start] + " " * (m.end - m.start) + rest[m.end :]
            # "När tar projektet X slut?": the word introducing the name is part of the mention.
            before = _INTRODUCES_NAME.search(rest[: m.start + 1])
            if before:
                rest = rest[: before.start()] + " " * (before.end() - before.start()) + rest[before.end() :]
        # A name recognised by one word ("jobbspårt nordost"): its other words are the name too.
        own = {t for v, ref in self._variants if ref.name in names for t in v.split() if len(t) >= 3}
        for t in own if by_token else ():
            # … inflected too: "industrins kompetenslyft" names "Kompetenslyft X Industri".
            ending = r"\w{0,3}" if len(t) >= 5 else ""
            rest = re.sub(rf" {re.escape(t)}{ending}(?= )", lambda m: " " * len(m.group(0)), rest)
        return names, rest, excluded

    def candidates(self, question: str) -> list[str]:
        """Projects the question may mean when it names none fully: those sharing a
        name word with it (not a generic word) — "Kvarter" → "Kvarter Norr", "Kvarter Syd"."""
        words = set(normalise(question).split())
        found: dict[str, None] = {}
        for variant, ref in self._variants:
            tokens = set(variant.split())
            shared = tokens & words - self._places
            if any(len(t) >= 4 and t not in NAME_STOPWORDS and not t.isdigit() for t in shared):
                found[ref.parent or ref.name] = None
                if not is_phase(ref):
                    found[ref.name] = None  # a phase ("X – Fas 2") is asked for by its group's name
        return list(found)

    def _initials(self, question: str, norm: str) -> list[_Match]:
        out = []
        for initials, name in initialism_mentions(question, self._short_names, self._reserved).items():
            needle = f" {initials.casefold()} "
            ref = self._short_names[name]
            out += [_Match(ref, len(initials), m.start(), m.end())
                    for m in re.finditer(re.escape(needle), norm)]
        return out

    def _exact_matches(self, norm: str) -> list[_Match]:
        out = []
        for variant, ref in self._variants:
            needle = f" {variant} "
            # A plain substring test first: a regex per name variant per question was the
            # stage that grew fastest with the corpus (docs/benchmarks.md).
            if needle in norm:
                found = re.finditer(re.escape(needle), norm)
                out += [_Match(ref, len(variant), m.start(), m.end()) for m in found]
                continue
            words = variant.split()
            # "förstudien om fossilfri hamn" for "Förstudie Fossilfri hamn": a small word between.
            if len(words) >= 3 and all(f" {w} " in norm for w in words):
                joined = r" (?:\w{1,4} )?".join(map(re.escape, words))
                found = re.finditer(f" {joined} ", norm)
                out += [_Match(ref, len(variant), m.start(), m.end()) for m in found]
        return out

    def _by_compound(self, token: str) -> str | None:
        """The project a "<tema>projektet" compound calls by its theme: the one project
        with a distinctive name word starting with the theme ("vattenprojektet" →
        "Vattensmart X")."""
        m = _THEME_PROJECT.fullmatch(token)
        if m is None:
            return None
        names = {name for tok, name in self._distinctive.items() if tok.startswith(m.group(1))}
        if not names:
            # A name word the reports also use in lower case may be the theme too, when no
            # distinctive one is ("industriprojektet" → "X Rekarne Industri"): the word itself,
            # inflected at most, not a longer compound ("energieffektivare" is no "energi").
            theme = m.group(1)
            names = {n for tok, owners in self._name_words.items()
                     if tok.startswith(theme) and len(tok) - len(theme) <= 3 for n in owners}
        return names.pop() if len(names) == 1 else None

    def _token_matches(self, norm: str) -> list[_Match]:
        """Distinctive name tokens, also with small typos ("wisdome" ~ "wisdom"); not a
        genitive before "projekt" or "portfölj" ("Luleås projekt", "Kalmars portfölj" are
        the municipality's, not "Omställningskraft Luleå" or "Matlandet Kalmar")."""
        out = []
        pos = 0
        tokens = norm.split()
        for k, token in enumerate(tokens):
            start = norm.find(f" {token} ", pos)
            pos = start + 1
            if token.endswith("s") and k + 1 < len(tokens) and tokens[k + 1].startswith(_OWNERS_NOUNS):
                continue
            # "sitt språkprojekt": a possessive makes the indefinite form definite.
            owned = k and tokens[k - 1] in _POSSESSIVES and token.endswith("projekt")
            definite = f"{token}et" if owned else token
            name = self._distinctive.get(token) or self._by_compound(definite)
            if name is None and len(token) >= 5:
                close = difflib.get_close_matches(token, list(self._distinctive), n=1, cutoff=0.84)
                # A typo, not a longer word: "kungsbackahem" (a company) is no "Kungsbacka".
                extra = token[len(close[0]):] if close and token.startswith(close[0]) else ""
                compound = len(extra) >= 3 and not _INFLECTION.fullmatch(extra)
                name = self._distinctive[close[0]] if close and not compound else None
            if name is not None:
                ref = self.by_name(name)[0]
                out.append(_Match(ref, 1.0, start, start + len(token) + 2))
        return out


_POSSESSIVES = frozenset("sitt deras dess vårt ert hans hennes".split())
# What inflection adds to a name word ("logistiknodens", "bryggornas"), not a compound's part.
_INFLECTION = re.compile(r"e?ns?|e?ts?|[aeo]rn?as?")
# "vattenprojektet", "cykelprojektet": one project called by its theme (singular definite
# only: "ESF-projekten", "vattenprojekt" are kinds of project).
_THEME_PROJECT = re.compile(r"(\w{5,}?)s?projektet")


# "projektet X", "förstudien X" just before a name it introduces.
_INTRODUCES_NAME = re.compile(r" (?:projektet|förstudien|delprojektet|satsningen) +$")




# "hur många ESF-projekt", "hur många av kommunens EU-projekt"
_COUNT_PROJECTS = re.compile(
    r" (?:hur många|antal(?:et)?) (?:av )?(?:de |alla )?(?:\w+s (?:eu )?|\w+ )?projekt"
)


# "Vilka av portföljens projekt", "vilka av stadens projekt": a listing like "vilka projekt".
_LIST_PROJECTS = re.compile(r" vilka (?:av )?(?:\w+s )(?:eu )?projekt")


def detect_aggregate(norm: str) -> str | None:
    if _COUNT_PROJECTS.search(norm):
        return "count"
    if _LIST_PROJECTS.search(norm):
        return "list"
    for op in ("count", "min", "max", "sum", "list"):
        if op == "sum" and not _PORTFOLIO.search(norm):
            continue  # "Vad kostade X totalt?", "Hur många deltagare hade X sammanlagt?": one thing's whole
        if any(has_phrase(norm, w) for w in AGGREGATE_WORDS[op]):
            return op
    return None


# What a sum over the portfolio names: "projekten", "alla ESF-projekt", "plattformen".
_PORTFOLIO = re.compile(r"projekt(?!ets?\b)|plattform|portfölj|\b(?:alla|samtliga)\b|satsningarna|insatserna")


# "utöver i X", "förutom X", "andra än X": a project named to be left out.
_EXCLUDING = re.compile(r" (?:utöver|förutom|utom|bortsett från|andra än|exklusive)(?: i| för| hos| inom)? $")

_AGENCY = re.compile(r"\b(" + "|".join(map(re.escape, AGENCY_ABBREVIATIONS)) + r")\b")


def spell_out_agencies(text: str) -> str:
    """ "samarbetet med AF" → "samarbetet med AF (Arbetsförmedlingen)": reports write the
    agency's name, so the question must carry it too."""
    return _AGENCY.sub(lambda m: f"{m.group(1)} ({AGENCY_ABBREVIATIONS[m.group(1)]})", text)


# "Vad kostade X?", "vilken kostnad", "hur mycket medfinansierade Y": the price of something,
# or what someone paid, not a share of the budget.
ASKS_COST = re.compile(
    r" (?:kosta|kostnad)"
    r"|hur (?:mycket|många kronor|många euro) (?:\w+ ){0,2}(?:medfinansier|betal|bidr|satsa|investera)"
)
# … and of those, the price of something ("Vad kostade entreprenaden?"), not what someone gave.
ASKS_PRICE = re.compile(r" (?:kosta|kostnad)")


# "det nya slutdatumet", "ny projektledare": the new value of a fact is the fact asked for.
_NEW_FACT = re.compile(
    r"\bny(?:a|tt)?\s+(?=(?:slutdatum|startdatum|projektledar|budget|projekttid|projektägar))"
)


def understand(text: str, catalog: ProjectCatalog) -> Question:
    """Parse a question into a ``Question`` (no retrieval, no I/O)."""
    norm = normalise(text)
    names, rest, excluded = catalog.link(text)
    rest = _NEW_FACT.sub(lambda m: " " * len(m.group(0)), rest)
    year_match = _YEAR.search(rest)
    maybe = [] if names else catalog.candidates(text)
    # What is asked is read without the project names: "Startkraft" asks for no start date.
    asked = normalise(rest) if names else norm
    return Question(
        text=text,
        projects=[catalog.by_name(n)[0] for n in names],
        excluded=excluded,
        ambiguous=[catalog.by_name(n)[0] for n in maybe] if len(maybe) > 1 else [],
        fields=detect_fields(asked),
        section_types=[t for t, words in SECTION_WORDS.items() if any(has_phrase(asked, w) for w in words)],
        year=int(year_match.group(1)) if year_match else None,
        aggregate=detect_aggregate(asked),
        rest=rest,
    )
