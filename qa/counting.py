""" "Hur många …?" and "Vad kostade …?" questions: the answer must state the quantity asked.

If none of the best passages has a sentence with both a number (digits or a Swedish number
word) and the counted noun, the reports do not give that count, however similar the
passages are otherwise; likewise a cost needs a sentence with a sum of money beside the
thing it is the cost of.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from corpus.fact_scope import of_other_phases, without_other_phases
from corpus.numbers import find_amounts, find_euro_amounts, find_quantities
from corpus.types import Chunk
from qa.quotes import matched
from qa.types import Passage

_COUNT_Q = re.compile(
    r"\bhur\s+(?:många\s+(?:av\s+\w+\s+)?|stor\s+andel\s+(?:av\s+)?(?:de\s+|dessa\s+)?)([^\W\d_][\w-]*)",
    re.IGNORECASE,
)
# "en"/"ett" are left out: far more often articles than numbers.
_NUMBER = re.compile(
    r"\d|\b(?:två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|tjugo|trettio|fyrtio|femtio|"
    r"hundra|tusen|hälften|dubbelt)\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[^.!?\n]+")

Analyze = Callable[[str], Sequence[str]]

# "Hur många kom ut i jobb?", "Hur många i X har fått arbete?": a verb or a preposition,
# not a counted noun, follows; the count is of the people the sentence is about, so no
# noun can be required of the answer.
_NOT_NOUNS = frozenset(
    "kom har hade fick får gick går blev blir är var deltog hann lyckades klarade kan kunde ska "
    "skulle i på inom från som".split()
)


# "Hur många av deltagarna (i X) har fått arbete?": a part of a group, defined by what follows.
# "av Språkbrons deltagare": the genitive names whose group it is; the group is the noun.
_PARTITIVE = re.compile(
    r"\bhur\s+många\s+av\s+(?:de\s+|dessa\s+|alla\s+)?(?:[\w-]+s\s+(?=[a-zåäö]))?([^\W\d_][\w-]*)",
    re.IGNORECASE,
)


_PART_VERB = re.compile(r"\s(?:är|var|blev|blir|har|hade|fick|får|gick|går)\s", re.IGNORECASE)


def partitive_clause(question: str) -> str:
    """The part of a question from its partitive count on ("Vem äger X, och hur stor andel av
    budgeten finansieras av Y?" → "hur stor andel av budgeten finansieras av Y?"); empty
    when it asks none."""
    m = _PARTITIVE.search(question) or _SHARE_OF_PART.search(question)
    if not m:
        return ""
    clause = question[m.start() :]
    # "… av de unga som skrivits in i X är tjejer": what the part is follows the group's
    # finite verb; the group's own relative clause ("som skrivits in") is not the part.
    verb = _PART_VERB.search(clause, m.end() - m.start())
    return clause[verb.end() :] if verb else clause


def partitive(question: str) -> bool:
    """Whether a count question asks for a part of a group ("hur många av deltagarna …",
    "hur stor andel av deltagarna …"): a count or share of the whole group ("120
    deltagare", "78 procent är kvinnor") does not answer it."""
    return _PARTITIVE.search(question) is not None or _SHARE_OF_PART.search(question) is not None


_SHARE_OF_PART = re.compile(r"\bhur\s+stor\s+andel\s+av\s+", re.IGNORECASE)


# Groups of people the reports count under other names ("de unga" are "de inskrivna").
_PEOPLE_STEMS = ("deltag", "ungdom", "unga", "inskriv", "person", "elev", "kvinn", "medarbet", "anställ",
                 "sökand", "nyanländ", "individ", "familj", "föräld")


def part_of_people(question: str) -> bool:
    """Whether a partitive question counts part of a group of people ("hur många av de
    unga har fått jobb"): the report names the group in its own way ("Av de inskrivna
    hade 97 fått ett arbete"), often before the number, so what the part did decides."""
    m = _PARTITIVE.search(question)
    if m is None or not m.group(1).lower().startswith(_PEOPLE_STEMS):
        return False
    # "hur många av deltagarna var kvinnor / hade körkort": who they were, stated as "141
    # kvinnor" beside the group, not something they did
    return _ATTRIBUTE.search(question, m.end()) is None


_ATTRIBUTE = re.compile(r"\b(?:var|är|hade)\s+(?![\wåäö]+(?:ats|its|tts|ts|at|it|tt|dd)\b)", re.IGNORECASE)


def counted_noun(question: str, analyze: Analyze) -> set[str] | None:
    """Stems of the noun a "hur många X" question counts, or None for other questions."""
    part = _PARTITIVE.search(question)
    if part and (terms := set(analyze(part.group(1)))):
        return terms
    m = _COUNT_Q.search(question)
    if not m or m.group(1).lower() in _NOT_NOUNS:
        return None
    measured = _MEASURED.match(question, m.end())
    if m.group(1).lower() in _MEASURES and measured and measured.group(1).lower() not in _NOT_NOUNS:
        # "Hur många ton koldioxid …" is not answered by "212 ton byggmaterial".
        return set(analyze(measured.group(1))) or None
    terms = set(analyze(m.group(1)))
    return terms or None


# Units of measure: the count is of what follows them ("ton koldioxid", "kWh el").
_MEASURES = frozenset(
    "ton kilo kg liter kubikmeter kvadratmeter kvm kwh mwh gwh kilometer km".split()
)
_MEASURED = re.compile(r"\s+([^\W\d_][\w-]*)")


_TOKEN = re.compile(r"[\w%–-]+")


#: Words that ask for a share rather than name what is counted.
SHARE_WORDS = "andel andelen procent"
_SHARE_Q = re.compile(r"\bhur\s+stor\s+andel\b", re.IGNORECASE)
_SHARE = re.compile(r"\d\s*%|\bprocent\b|\bhälften\b|\btredjedel|\bfjärdedel|\b\d+/\d+\b", re.IGNORECASE)


def states_amount(chunk: Chunk, things: set[str], analyze: Analyze) -> bool:
    """Whether a sentence of ``chunk`` gives a sum of money beside one of ``things`` (stems;
    any sum when there are none):
    "Vad kostade belysningen i X?" is not answered by X's budget nor by a sentence about the
    lighting that states no cost."""
    off = chunk.start
    for s in chunk.sentences:
        text = chunk.text[s.start - off : s.end - off]
        beside = not things or matched(things, set(analyze(text)))
        if beside and (find_amounts(text) or find_euro_amounts(text)):
            return True
    return False


def asks_share(question: str) -> bool:
    return _SHARE_Q.search(question) is not None


def states_count(
    text: str,
    noun: set[str],
    analyze: Analyze,
    share: bool = False,
    year: int | None = None,
    report_year: int | None = None,
    predicate: tuple[tuple[frozenset[str], float], ...] = (),
    any_count: bool = False,
) -> bool:
    """Whether some sentence of ``text`` has a number shortly before the counted noun
    ("141 kvinnor", "ca 50 % av dessa ungdomar"); a number elsewhere in the sentence (an
    age range, a date) does not count. For a share question any stated share counts
    ("uppgav ca 60 % att de …"). With ``year`` (the question's), a sentence dated to other
    years only ("Per den 31 december 2022 hade …") states no count for it; an undated
    sentence speaks of ``report_year`` (the year its report covers), when known. With a
    ``predicate`` (the words, each with its synonyms and weight, that define the part a
    partitive question counts), only a sentence that also says it counts: one holding at
    least half their weight ("hade körkort när de skrevs in" is not met by "skrevs in").
    With ``any_count`` the number may stand before what the part did instead of the noun."""
    sentences = [s for s in _SENTENCE.findall(text) if _fits_year(s, year, report_year)]
    if predicate:  # the part asked for must be what the sentence counts ("fått arbete")
        total = sum(w for _, w in predicate)
        sentences = [s for s in sentences
                     if 2 * sum(w for group, w in predicate if group & set(analyze(s))) >= total]
    if share:
        return any(_SHARE.search(sentence) for sentence in sentences)
    for sentence in sentences:
        row = _COUNT_ROW.match(sentence) or _COUNTS_ROW.match(sentence)
        if row and noun & set(analyze(row.group(1))):
            return True
        tokens = _TOKEN.findall(sentence)
        for i, token in enumerate(tokens):
            if _NUMBER.fullmatch(token) or _NUMBER.match(token) and token[:1].isdigit():
                if token.endswith("%") or tokens[i + 1 : i + 2] in (["procent"], ["%"]):
                    continue  # "64 procent av deltagarna" is a share, not a count of them
                after = next((t for t in tokens[i + 1 :] if not t.isdigit()), "")
                if after.casefold() in _MONEY_UNITS and not noun & set(analyze(after)):
                    continue  # "100 000 kr per företag" is an amount, not a count of companies
                window = set(analyze(" ".join(tokens[i + 1 : i + 5])))
                if noun & window:
                    return True
                if any_count and not _YEAR.fullmatch(token) and any(group & window for group, _ in predicate):
                    return True  # "97 fått ett arbete": the number of those who did what is asked
                if any_count and predicate and any(w.startswith(_PEOPLE_STEMS) for w in window):
                    # "… till arbete eller studier (utfall: 71 personer)": people, named otherwise
                    return True
    return False


# A results table's row: "Antal företag som fått stöd | 120 | 87", nothing but numbers after
# the label ("Antalet gästnätter ökade med 11 procent" is no count).
_MONEY_UNITS = frozenset("kr kronor tkr mkr sek euro miljoner miljon tusen".split())
_COUNT_ROW = re.compile(r"^\W*antal(?:et)?\s+([^\d\t|]+?)[\s|]+\d[\d\s|,.%]*$", re.IGNORECASE)
# A table row of counts under a label naming what is counted: "| Medarbetare validerade till
# undersköterska | 90 | 72 |", "Deltagare som genomfört arbetsträning<TAB>120<TAB>138" (whole
# numbers only: a row of shares is no count).
_COUNTS_ROW = re.compile(r"^\W*([^\d\t|]+?)\s*[|\t]\s*\d[\d ]*(?:\s*[|\t]\s*\d[\d ]*)*[\s|]*$")


def _fits_year(sentence: str, year: int | None, report_year: int | None = None) -> bool:
    """No year asked, or the sentence is an outcome dated to it, or undated in a report of
    that year ("hittills har 214 …" is the state the report describes; a goal is no count
    of what a year brought)."""
    if year is None:
        return True
    years = {int(y) for y in _YEAR.findall(sentence)}
    dated = year in years if years else report_year in (None, year)
    # "Målet var att 120 … skulle …, men fram till 31 maj 2023 hade 74 gjort det": a goal
    # clause beside an outcome clause still states the outcome.
    return dated and any(not GOAL.search(clause) for clause in _CONTRAST.split(sentence))


_CONTRAST = re.compile(r",\s+men\s+|;\s+", re.IGNORECASE)


_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")

#: A sentence that states a goal, not an outcome: "Målet är …", "… mål … ska …", a bullet
#: "minst 30 procent … ska …".
GOAL = re.compile(
    r"^\W*(?:projektets\s+)?mål|\bmål\w*\b.*\b(?:skulle|ska)\b|\bminst\b.*\b(?:skulle|ska)\b"
    # "har som mål att anlägga 18 våtmarker", "målet är 300"
    r"|\bmål(?:et|en|sättningen)?\s+(?:är\s+|var\s+)?att\b|\bmålet\s+(?:är|var)\b",
    re.IGNORECASE,
)


# "De återstående sju ska anläggas under 2033": a plan, not what has been done.
_PLANNED = re.compile(r"\b(?:ska|skall|planeras|kommer\s+att)\b", re.IGNORECASE)


def count_opener(
    counted: set[str] | None, share: bool, analyze: Analyze, of_part: bool = False, phase: int | None = None
) -> Callable[[str], bool] | None:
    """For "hur många X": the answer opens with a sentence stating a count of X that is
    not a goal or a plan (None for other questions; a question asking what is planned has
    no opener). ``of_part``: how many of a group did something, which a sentence counts
    without naming the group again (``states_done_count``). ``phase``: the phase asked
    ("i fas 2"), whose count no sentence about another phase states."""
    def in_phase(sentence: str) -> bool:
        return phase is None or not of_other_phases(sentence, phase)

    if of_part:
        return states_done_count if phase is None else lambda s: states_done_count(s) and in_phase(s)
    if not counted:
        return None
    nouns = counted  # narrowed for the closure

    def opener(sentence: str) -> bool:
        return states_count(sentence, nouns, analyze, share) and not _a_plan(sentence) and in_phase(sentence)

    return opener


def count_first(
    passages: list[Passage], counted: set[str], analyze: Analyze, share: bool,
    predicate: tuple[tuple[frozenset[str], float], ...], any_count: bool, phase: int | None,
) -> list[Passage]:
    """A count question's passages, those stating such a count first (of the phase asked,
    when one is: "Hur många … i fas 2?" is not answered by "Under fas 1 deltog 212 …")."""
    def states(p: Passage) -> bool:
        text = p.chunk.text if phase is None else without_other_phases(p.chunk.text, phase)
        return states_count(text, counted, analyze, share, predicate=predicate, any_count=any_count)

    return sorted(passages, key=lambda p: not states(p))


def _a_plan(sentence: str) -> bool:
    """Whether a sentence's first count is a goal or a plan ("Målet är att 300 ska delta",
    "minst 30 procent ska gå vidare"), not an outcome compared with one afterwards ("184
    personer har skrivits in, att jämföra med målet om 300")."""
    first = _COMPARED.split(sentence, maxsplit=1)[0]
    if _OUTCOME_AFTER.search(first):
        return False  # "Målet var 80 deltagare och det blev 96 seniorer": the goal, then the outcome
    return bool(GOAL.search(first) or _PLANNED.search(first))


# An outcome told after the goal in the same sentence: "… och det blev 96", "… och hittills har 47".
_OUTCOME_AFTER = re.compile(
    r"\b(?:och|men)\s+(?:det\s+blev|hittills\s+har|utfallet\s+(?:blev|är|var)|vi\s+nådde|"
    r"resultatet\s+(?:blev|är))\b[^.]*\d",
    re.IGNORECASE,
)


# ", att jämföra med målet …", "(målet är …)", ", medan målet …": a goal set beside the outcome.
_COMPARED = re.compile(r",\s+(?:att\s+jämföra|jämfört|i\s+förhållande|medan|mot\s+målet)|\s\((?=mål)|;\s+")


def states_done_count(sentence: str) -> bool:
    """For how many of a group did something ("hur många av ungdomarna fick jobb"): a
    sentence that states a number that is not a goal or a plan ("Av dem har 87 gått vidare
    …"), where the group is often only "dem"."""
    return bool(find_quantities(sentence)) and not _a_plan(sentence)


# ", och hur många …", "och hur stor andel …": a question asking a second count.
_NEXT_COUNT = re.compile(r",?\s+och\s+(?=hur\s+(?:många|stor\s+andel)\b)", re.IGNORECASE)
# "hur många av dem gick vidare": a part of the group the count before it asked about.
_OF_THEM = re.compile(r"\bhur\s+många\s+av\s+(?:dem|dessa|de)\b(?!\s+\w+(?:na|ma|rna)\b)", re.IGNORECASE)


def count_parts(
    question: str, analyze_query: Analyze, analyze: Analyze, synonyms: dict[str, frozenset[str]]
) -> list[Callable[[str], bool]]:
    """For a question asking two counts ("Hur många deltagare hade X, och hur många av dem
    fick jobb?"): per count, whether a sentence states it. Empty for other questions. The
    answer then states a sentence for each count, not only the one covering most words."""
    pieces = _NEXT_COUNT.split(question)
    if len(pieces) < 2:
        return []

    def related(terms: set[str]) -> frozenset[str]:
        return frozenset(terms | {s for t in terms for s in synonyms.get(t, ())})

    out: list[Callable[[str], bool]] = []
    group: frozenset[str] = frozenset()
    for piece in pieces:
        of_them = _OF_THEM.search(piece)
        if of_them and group:
            # the earlier part's group, doing what this part says: any number in a sentence
            # holding at least half of what it says
            said = tuple((related({t}), 1.0) for t in set(analyze_query(piece[of_them.end():])))
            out.append(_stating(set(group), analyze, predicate=said))
            continue
        noun = counted_noun(piece, analyze_query)
        if not noun:
            return []  # a part that is no count ("och vad var målet?") is covered by its words
        group = related(noun)
        out.append(_stating(set(group), analyze, share=asks_share(piece)))
    return out


def _stating(
    group: set[str], analyze: Analyze, share: bool = False,
    predicate: tuple[tuple[frozenset[str], float], ...] = (),
) -> Callable[[str], bool]:
    def states(sentence: str) -> bool:
        return states_count(sentence, group, analyze, share, predicate=predicate, any_count=bool(predicate))

    return states


def numbers_stated(sentence: str) -> int:
    """How many numbers a sentence states (years left out): one number states one count."""
    return sum(1 for t in _TOKEN.findall(sentence) if t[:1].isdigit() and not _YEAR.fullmatch(t))
