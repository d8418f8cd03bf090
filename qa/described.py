"""A project the question calls by what it is about rather than by its name
("kanalprojektet", "projektet för nyanlända mammor", "kompetenssatsningen i
äldreomsorgen"): found by retrieval, and accepted only when one project clearly leads
among those whose own text has most of the description's words, in the newest report
that has such a project. Also the words that describe a project the question names
("Storsjöprojektet med våtmarkerna"), which its facts need not repeat.

Officials seldom remember a project's name; a wrong project would give a wrong figure,
so an unclear lead or a description word the project never uses leaves the question
without a project (it is then answered or declined as before).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping

from qa.abstain import guessed_parts
from qa.counting import counted_noun
from qa.quotes import TermWeights, matched
from qa.retrieval import HybridRetriever
from qa.types import Filters, ProjectRef, Question
from qa.understanding import ASKS_COST, ProjectCatalog, normalise

# "kanalprojektet", "projektet med …", "kompetenssatsningen", "det digitala lyftet",
# "räddningstjänstsamarbetet": one project, singular and definite, called by its theme.
_REFERENCE = re.compile(r"\b(\w*?)(projektet|satsningen|förstudien|lyftet|samarbetet)\b")
# "hamnbolagets testbäddsprojekt": a genitive makes an indefinite compound definite.
_INDEFINITE = re.compile(r"(\w{3,}?)(projekt|satsning)")
# … and so does a bare noun with a description after it: "hamnens satsning på landström".
_OWNED_REFERENCE = re.compile(
    rf"\b\w{{3,}}s\s+(?:[a-zåäö+]{{2,}}\s+)?"  # "kommunens esf projekt för …", "hamnens nya satsning på …"
    rf"({_INDEFINITE.pattern}|(?:projekt|satsning)(?=\s+(?:på|för|med|kring|om|inom)\s))\b"
)
#: Candidate passages ranked for the description.
CANDIDATES = 20
#: The leading project's rank score must be this many times the runner-up's.
MARGIN = 1.5
#: Share of the description (weighted by rarity) the project's own text must have.
MIN_COVERAGE = 0.7
# Rank smoothing of the per-project score (1 / (rank + 1 + K)).
_K = 1
# Shortest theme ("mat", "bygd") and other word met as the start of a longer word.
_THEME_HEAD = 3
_WORD_HEAD = 5
# A long theme is met by a word sharing its first 60 % (at least six letters).
_THEME_STEM = 6
_THEME_SHARE = 0.6


_ASKED_NOUN = re.compile(r"\s*(?:vilka|vilken|vilket|hur många)\s+(\w+)")
_ACROSS = re.compile(r"\b(?:projekten|alla projekt|samtliga projekt|flera projekt)\b")
# What follows a bare "projektet" to describe it: "projektet med/för/som …" (a bare
# "samarbetet med X" is cooperation, not a project).
_DESCRIBING = re.compile(r"\s+(?:som|med|för|kring|om|i|på|vid|hos|mot|där)\b")


def reference(text: str) -> str | None:
    """The word that calls a project by its theme, if the question has one: a compound
    ("kanalprojektet") or the bare noun with a description after it ("projektet som …")."""
    norm = normalise(text)
    if _ACROSS.search(norm):
        return None  # "samarbetet med AF i projekten" asks across projects
    for m in _REFERENCE.finditer(norm):
        bare_ok = m.group(2) != "samarbetet" and _DESCRIBING.match(norm, m.end())
        if m.group(1) or bare_ok:
            return m.group(0)
    owned = _OWNED_REFERENCE.search(norm)
    return owned.group(1) if owned else None


# "fossilfria transportprojektet", "turismsamarbetet": a compound beside a named project.
# (stemmed: "äldreomsorgssatsningen" is "äldreomsorgssats", "klimatsatsningen" "klimatsats";
# "utbildningsinsats" is no "-satsning")
_DESCRIBING_COMPOUND = re.compile(r"\w{3,}(?:projekt|satsning|samarb)|\w{3,}(?<!in)sats")
# A phrase right after the project's name (its blanks in the question's rest) or a
# "-projektet" compound: "Storsjöprojektet med våtmarkerna", "X på Hyttbackens skola",
# "turismsamarbetet med Danmark och Norge över X", "X om godstransporterna",
# "satsningen på unga som varken jobbar eller pluggar, X".
_DESCRIBED_BY = re.compile(
    r"(?:\w*projekt(?:et)?|\w*satsning(?:en)?|\w+samarbetet|\w+lyftet| {3,})"
    r"\s+(?:med|på|som|kring|om|vid|hos|inom|där|i|för|längs|utmed|runt|riktad\w* (?:till|mot))\s+([^?.,;]+)",
    re.IGNORECASE,
)


# A "-projekt" compound right before a named project ("klimatrenoveringsprojektet Solsidan",
# "energiprojekt på Hertsön"); the question's rest keeps the name's place as blanks.
_APPOSED = re.compile(r"(\w+projekt(?:et)?)(?:\s+(?:på|i|för|inom))?\s{3,}")


def apposed(rest: str) -> str:
    """The "-projekt" words of ``rest`` standing right before a named project's blanks."""
    return " ".join(m.group(1) for m in _APPOSED.finditer(rest))


# A definite noun that may be what the project does or is ("musselodlingen", "innovationsnoden",
# "logistiknodens"): long enough to be a compound, not a form of the question.
_DEFINITE = re.compile(r"\b(\w{6,}(?:en|et|rn|ns|ens|ets))\b")


# A fact question's opening ("Vem leder …", "Hur mycket får …"), not a lesson's ("Hur gör man …").
_FACT_OPENING = re.compile(r"\s*(?:vem|vilken|vilket|vilka|när|var|hur mycket|hur stor|hur många)\b")


def definite_thing(text: str, residual: set[str], weights: TermWeights) -> str | None:
    """The rarest definite noun of a fact question about one project that is content (its
    stem in ``residual``, the question's stems beyond what it asks), as a word that may
    describe the project; a fund ("Regionalfonden") describes none."""
    norm = normalise(text)
    if not _FACT_OPENING.match(norm) or _ACROSS.search(norm):
        return None
    found = [(m.group(1), weights.query(m.group(1))) for m in _DEFINITE.finditer(norm)
             if not m.group(1).endswith("fonden")]
    content = [(word, stems) for word, stems in found if stems and all(t in residual for t in stems)]
    if not content:
        return None
    return max(content, key=lambda ws: min(weights.idf(t) for t in ws[1]))[0]


_WHOLE = re.compile(r" (?:totalt|sammanlagt|hela|i sin helhet) ")


def priced_as_whole(norm: str) -> bool:
    """Whether a question asks no cost, or the cost of a whole ("Vad kostar robottestbädden
    totalt?"): a thing priced otherwise may be a part of a project ("Vad kostade
    entreprenaden?"), whose cost the project's budget does not answer."""
    return not ASKS_COST.search(norm) or _WHOLE.search(norm) is not None


def describing_compound(term: str) -> bool:
    """Whether a content stem is a "-projekt" compound that describes a named project."""
    return _DESCRIBING_COMPOUND.fullmatch(term) is not None


# What the project does or has, right before a word of its name: "restaureringen av Hagbäcken",
# "upprustningen av packhuset i Smygehamn", "folkhögskolans utlandspraktik i Norden" (a
# definite noun or a genitive and its noun, a preposition, perhaps a place's noun; not a
# place: "Högskolan i Borås i X").
_ACTIVITY_BEFORE = re.compile(
    r"((?:\w+s\s+\w{4,}|\w{3,}(?:en|et|na))\s+(?:av|i|för|på|kring|runt|vid)(?:\s+\w+(?:en|et)\s+(?:i|på|vid))?"
    r"|för\s+att\s+\w{4,})"  # "för att restaurera X"
    r"\s{3,}",
    re.IGNORECASE,
)


# A genitive right before the project's name or the word calling it: "hamnens satsning på …".
_GENITIVE_BEFORE = re.compile(r"\b(\w{3,}s) {3,}")
# What money was granted for, which is what the project does: "… fått för elevutbytena".
_GRANTED_FOR = re.compile(r"\b(?:fått|får|fick|beviljats|beviljades)\s+(?:\w+\s+)?för\s+([^?.,;]+)",
                          re.IGNORECASE)
# When, told by what happened to the project: "… innan det drogs tillbaka", "… efter att
# projektet förlängdes" (not the question's own "När …", nor "när det gäller …").
_WHEN_IT = re.compile(r"(?<=\w)\s+(?:innan|efter\s+att|efter\s+det\s+att|när|sedan)\s+"
                      r"((?:det|den|projektet|satsningen)\s+(?!gäller)[^?.,;]+)", re.IGNORECASE)


def describing_phrases(rest: str, priced: bool = False) -> str:
    """The words of ``rest`` (the question, names blanked) that say which project is meant,
    when ("innan det drogs tillbaka") or what it was granted money for. ``priced``: the
    question asks what something cost, and what the project does right before its name
    ("entreprenaden för våtmarken vid X") is then the thing priced, a part of the project
    whose cost its budget does not answer."""
    after = [m.group(1) for m in _DESCRIBED_BY.finditer(rest)]
    owners = [m.group(1) for m in _GENITIVE_BEFORE.finditer(rest)]
    activities = [] if priced else [m.group(1) for m in _ACTIVITY_BEFORE.finditer(rest)]
    when = [m.group(1) for m in _WHEN_IT.finditer(rest)]
    granted_for = [] if priced else [m.group(1) for m in _GRANTED_FOR.finditer(rest)]
    return " ".join([*after, *activities, *owners, *when, *granted_for])


def _theme(word: str, known: Callable[[str], bool]) -> str:
    """The theme part of a reference: "solcellsprojektet" → "solcell", "kvinnoprojektet" →
    "kvinn" (a linking s or vowel goes unless the word the reports use keeps it: "kompetens")."""
    m = _REFERENCE.fullmatch(word) or _INDEFINITE.fullmatch(word)
    head = m.group(1) if m else ""
    if head.endswith(("s", "o", "e", "u")) and len(head) > 4 and not known(head):
        return head[:-1]
    return head


# A capitalised word that may name a place, a school or a partner ("Sörnäset", "Stensätterskolan").
_PROPER_WORD = re.compile(r"\b[A-ZÅÄÖ][a-zåäöéü]{3,}\b")


def theme_of(word: str, weights: TermWeights) -> str:
    """The theme a reference calls its project by ("vätgasprojektet" → "vätgas")."""
    return _theme(word, lambda w: all(weights.known(t) for t in weights.query(w)))


class DescribedProject:
    """Resolve a described project to one of the catalog's projects."""

    def __init__(
        self,
        retriever: HybridRetriever,
        catalog: ProjectCatalog,
        weights: TermWeights,
        report_years: Mapping[str, int | None],
        synonyms: Mapping[str, frozenset[str]] | None = None,
    ):
        self.retriever = retriever
        self.synonyms = synonyms or {}
        self.report_years = report_years
        self.catalog = catalog
        self.weights = weights
        nouns = ("projekt", "satsning", "förstudie", "lyft", "samarbete")
        self._nouns = {t for w in nouns for t in weights.query(w)}
        self._name_words = {w.casefold() for r in catalog.refs for w in re.findall(r"\w+", r.name)}
        self._vocabulary: dict[str, set[str]] = defaultdict(set)
        for chunk in retriever.chunks.values():
            if chunk.project:
                self._vocabulary[chunk.project] |= set(weights.passage(chunk.text))

    def resolve(self, q: Question, description: set[str], reports: tuple[str, ...],
                thing: str | None = None) -> ProjectRef | None:
        """The project ``q`` describes, or None. ``description`` holds the question's content
        stems beyond what it asks for (field and question-form words removed).

        Projects are ranked by their passages' ranks for the question; of those the
        description fits, the first must lead the next by ``MARGIN``. A name word the
        question shares with several projects (the town in each name) leaves the choice
        to the description, among those projects. ``thing``: what the question calls the
        project instead ("musselodlingen"), a word of its theme."""
        word = thing or reference(q.text)
        if q.projects or q.aggregate not in (None, "sum") or word is None:
            return None
        surface = word if thing else _theme(word, self._known)
        theme = set(self.weights.query(surface))
        # The theme's parts as its written form splits ("matutdelning": utdel), which its
        # stem no longer does.
        parts = {t: set(self.weights.passage(surface)) for t in theme}
        # The reference's theme describes the project; the compound itself is no word of it,
        # nor is what the question asks for ("Vilka personalgrupper var … tänkt för?").
        asked = _ASKED_NOUN.match(normalise(q.text))
        other = set() if thing else set(self.weights.query(word))
        other |= set(self.weights.query(asked.group(1) if asked else ""))
        description = {t for t in description if t not in other} | theme
        if not description:
            return None
        query = _REFERENCE.sub(lambda m: f"{m.group(1)} {m.group(2)}", normalise(q.text))
        passages = self.retriever.retrieve(query, Filters(report_ids=reports), CANDIDATES)
        scores: dict[str, float] = defaultdict(float)
        for rank, p in enumerate(passages):
            if p.chunk.project:
                scores[p.chunk.project] += 1 / (rank + 1 + _K)
        allowed = {r.name for r in q.ambiguous}
        fitting = [
            (name, score) for name, score in sorted(scores.items(), key=lambda kv: -kv[1])
            if (not allowed or name in allowed) and self._describes(name, description, theme, parts)
        ]
        # A project that fits in the newest report is the one meant: officials ask about
        # the current portfolio unless they name a year (the scope has then narrowed reports).
        newest = max((self._year(name) for name, _ in fitting), default=0)
        fitting = [(name, score) for name, score in fitting if self._year(name) == newest]
        if not fitting or len(fitting) > 1 and fitting[0][1] < MARGIN * fitting[1][1]:
            return None
        refs = self.catalog.by_name(fitting[0][0])
        return refs[0] if refs else None

    def read(self, q: Question, description: set[str], reports: tuple[str, ...],
             thing: str | None = None) -> str | None:
        """Read a project called by its theme ("kanalprojektet") as that project, in place:
        ``q`` gets the project, and the describing word is blanked from what it asks.
        Returns the words that called it (with a genitive before a bare noun: "hamnens
        satsning", not "satsning"), or None when no project is read."""
        word = thing or reference(q.text)
        ref = self.resolve(q, description, reports, thing) if word else None
        if word is None or ref is None:
            return None
        q.projects = [ref]
        q.aggregate = None  # "sammanlagt" within the one project described
        q.rest = re.sub(rf"(?i)\b{re.escape(word)}\b", " " * len(word), q.rest or q.text)
        owned = _OWNED_REFERENCE.search(normalise(q.text))
        if not (owned and owned.group(1) == word and word in ("projekt", "satsning")):
            as_written = re.search(rf"\b{re.escape(word)}\b", q.text, re.IGNORECASE)  # "Kvarnbackegymnasiet"
            return as_written.group(0) if as_written else word
        # As the question writes it ("kommunens ESF-projekt"), found by its words.
        written = re.search(r"\W+".join(map(re.escape, owned.group(0).split())), q.text, re.IGNORECASE)
        return written.group(0) if written else owned.group(0)

    def read_question(self, q: Question, asked: set[str], reports: tuple[str, ...]) -> str | None:
        """Read the project a question without a name calls by its theme ("kanalprojektet"),
        by a thing it is or does ("Vilken fond betalar musselodlingen?"; for a cost only as
        a whole, as a part may cost it: "Vad kostade rivningen av skolan?"), or by a name
        only its text has; ``q`` gets the project. Returns the words that called it, or None."""
        thing = None
        one_fact = q.fields and q.aggregate is None and priced_as_whole(normalise(q.text))
        if reference(q.text) is None and one_fact:
            thing = definite_thing(q.text, asked, self.weights)
        if (reference(q.text) or thing) and (described := self.read(q, asked, reports, thing)):
            return described
        named = self.named_in(q, reports)
        if named is None:
            return None
        q.projects = [named[0]]
        rest = q.rest or normalise(q.text)
        for word in named[1]:  # what names the project is no content to look up
            rest = re.sub(rf"\b{re.escape(word.casefold())}\b", " " * len(word), rest)
        q.rest = rest
        return ", ".join(named[1])

    def named_in(self, q: Question, reports: tuple[str, ...]) -> tuple[ProjectRef, list[str]] | None:
        """The project a fact question names by something only its text names, and those
        words: "… till byautvecklingen i Sörnäset, Granvik och Ulvbäcken?", "Hur mycket får
        Stensätterskolan …?" (a place, a school, a partner). Capitalised words that several
        projects' texts use say nothing; one no project's text uses makes it no reading."""
        # "Vad kostade rivningen av skolan i Skogstorp?": the place locates the thing priced.
        norm = normalise(q.text)
        # "Hur många lägenheter hann Kustbo …?": a count may name its project like a fact question.
        counted = counted_noun(q.text, self.weights.query) is not None
        if (q.projects or q.ambiguous or q.aggregate is not None or not (q.fields or counted)
                or ASKS_COST.search(norm)):
            return None
        named: dict[str, str] = {}
        for m in _PROPER_WORD.finditer(q.text):
            if m.start() == 0 or m.group(0).casefold() in self._name_words:
                continue  # the first word is capitalised anyway; names are the catalog's to read
            stems = set(self.weights.query(m.group(0)))
            if not stems:
                continue
            owners = {p for p, seen in self._vocabulary.items() if stems <= seen
                      and any(not reports or r.report_id in reports for r in self.catalog.by_name(p))}
            if not owners:
                return None
            if len(owners) == 1:
                named[m.group(0)] = owners.pop()
        if len(set(named.values())) != 1:
            return None
        refs = self.catalog.by_name(next(iter(named.values())))
        return (refs[0], list(named)) if refs else None

    def _known(self, word: str) -> bool:
        return all(self.weights.known(t) for t in self.weights.query(word))

    def _year(self, project: str) -> int:
        refs = self.catalog.by_name(project)
        return max((self.report_years.get(r.report_id) or 0 for r in refs), default=0)

    def _describes(
        self, project: str, description: Iterable[str], theme: set[str], parts: Mapping[str, set[str]]
    ) -> bool:
        """Whether the project's own text has (most of) the description's words; the theme
        of "matprojektet" is met by "Matbron" or "matkassar" too."""
        seen = self._vocabulary.get(project, set())
        terms = [t for t in description if t not in self._nouns]
        total = sum(self.weights.idf(t) for t in terms)
        # "utan jobb" is met by a project "utanför arbetsmarknaden": the same word, otherwise said.
        covered = sum(self.weights.idf(t) for t in terms if self._met(t, seen, t in theme, parts.get(t))
                      or any(self._met(s, seen, False) for s in self.synonyms.get(t, ())))
        return total > 0 and covered >= MIN_COVERAGE * total

    def _met(self, term: str, seen: set[str], is_theme: bool, parts: set[str] | None = None) -> bool:
        # A compound the text never writes is met by its last part with its first
        # ("skogsföretagen": "företag" and "skogs-"); "utlandspraktik" is not met by
        # "praktik" alone: another project's internships are no trips abroad.
        heads = (self._parts(term) | (parts or set())) - {term}
        # The compound's last part: one the term ends with, the longest (sorted: a tie never
        # depends on string hashing).
        last = max(sorted(heads), key=lambda h: (term.endswith(h), len(h)), default="")
        modifier = term[: -len(last)] if last and term.endswith(last) else ""
        modifier = modifier[:-1] if modifier.endswith("s") and len(modifier) > _WORD_HEAD else modifier
        # A theme's modifier may be short ("mat-" of "matutdelning"); another word's may not.
        shortest = _THEME_HEAD if is_theme else _THEME_HEAD + 1
        # A short modifier counts only as a word of its own ("småföretagen": "små … företag").
        near = (len(modifier) >= shortest and any(w.startswith(modifier) for w in seen)
                or len(modifier) >= _THEME_HEAD and modifier in seen)
        if matched({term}, seen) or (matched(heads, seen) and near):
            return True
        head = _THEME_HEAD if is_theme else _WORD_HEAD
        if is_theme and len(term) >= _THEME_STEM / _THEME_SHARE:
            # "digitaliseringsprojektet" for a project "för digital delaktighet": the theme's stem.
            stem = term[: max(_THEME_STEM, round(len(term) * _THEME_SHARE))]
            return any(w.startswith(stem) for w in seen)
        return len(term) >= head and any(w.startswith(term) for w in seen)

    def _parts(self, term: str) -> set[str]:
        """The term and its compound parts ("personalgrupp" → grupp; of a stem the splitter
        leaves whole the guessed ones: "elevutbyt" → utbyt, elev), never "projekt"."""
        parts = (*self.weights.passage(term)[1:], *guessed_parts(term, self.weights))
        return {p for p in (term, *parts) if p not in self._nouns}
