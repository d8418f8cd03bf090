"""Deciding whether the retrieved evidence answers the question.

Evidence, not one similarity cut-off: (1) key-term coverage — the share of the question's
content terms (weighted by rarity) found in the best passages; (2) unknown terms — content
words that occur nowhere in the indexed reports; (3) the dense similarity of the best
passage. Thresholds are calibrated on development questions (docs/evaluation.md).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from qa.quotes import TermWeights, matched, sentence_spans
from qa.types import Passage

#: Words that make up the question form rather than its content ("i så fall", "både … och",
#: "hur ser det ut", "hur ligger X till", "när det gäller", "vad har de kommit fram till",
#: "hur gick det för X", "hur långt har X kommit", "hur stor del av", "kopplat till",
#: "vilka ingår i", a season qualifying a date ("sedan våren 2027"), "tack vare X", "hunnit
#: genomföra", "hittills", "ur vilken källa", "vilken typ av", "hos X", "alltså"/"dvs"/"med
#: andra ord" before a restatement, "omfattar" (what a budget or a target group covers),
#: hedges and degree words; "dom" is spoken Swedish for de/dem).
QUESTION_TERMS = frozenset(
    """
    vad vem vilken vilket vilka hur när var va e varför varifrån ifrån många mycket mkt stor stort störst
    finns fanns projekt projektet projekten rapport rapporten enligt står säger sägs nämner
    nämns gör gjort har hade kan kunde kunna kunnat ska skulle får fick
    beskriv beskriver berätta berättar
    exakt exakta nuvarande just nu totalt totala sammanlagt hela helt innan tidigare över tog jämfört
    jämförelse förhållande genom ur dra drar drog dragit haft varit blivit blev utöver förutom
    antal antalet generellt generella allmänhet överlag märks märkts märktes tänkt tänkta
    fall dom både ser såg egentligen faktiskt verkligen tillräckligt tillräcklig ungefär ganska
    sin sitt sina ligger låg legat gäller gällde gällt kommit fram bäst lyfter lyfte lyfts lyft pekar pekade
    del delen gick gått långt in kring angående beträffande avseende kopplat kopplad kopplade
    ingår ingick ingått ingå våren hösten sommaren vintern idag hos ner ned hittills hittintills
    källa källan källor
    tack vare hinna hinner hann hunnit typ slags sorts alltså dvs menar andra ord
    omfatta omfattar omfattade omfattat röra rör
    vänder vände vänt riktar riktade riktat belopp beloppet medräknad medräknat medräknade inräknad inräknat
    kontakta kontaktar kontaktat vända igenom
    """.split()
) | frozenset(
    # Words that frame what is asked about rather than name it: attempts and explanations
    # ("hur har de försökt …", "vad förklarar det", "det viktigaste skälet"), experiences
    # ("vad har de erfarit"), effects ("vilka följder av X") and coping with a difficulty
    # the question names ("hur har de överbryggt dem", "vilka problem har de stött på"). A
    # report states the difficulty or the cause, seldom the question's word for asking about it.
    """
    försöka försök försökt försöker försökte förklara förklarar förklaras förklarade
    förklarat bero beror berodde berott orsak orsaken orsakerna erfara erfar erfarit erfor
    uppleva upplever upplevde upplevt hantera hanterar hanterade hanterat lösa löser löste
    löst möta möter mötte mött stöta stöter stötte stött tackla tacklar tacklade tacklat
    överbrygga överbryggar
    överbryggade överbryggat övervinna övervinner övervann övervunnit främja främjar främjat
    skäl skälet skälen anledning anledningen anledningarna viktig viktigt viktiga viktigaste
    följd följder följderna konsekvens konsekvenser konsekvenserna
    """.split()
) | frozenset(
    # Everyday framing of a lesson question: "vilka knep/tips", "vad ställde till det", "vilket
    # strul har de råkat ut för", "hur har de burit sig åt / gått till väga", "fått tag på",
    # "hänga med", "vad hände", "vad har det betytt", "vad har de vunnit på", "under resans
    # gång", "folk", "jobba ihop", "lärt sig", "vad gick snett/fel", "var landade det". The report names the
    # topic, not these words.
    """
    knep knepen tips tipsen strul strulet krångel snett fel galet
    ställa ställer ställde ställt råka råkar råkade råkat
    bära bär bar burit väga tag hänga hänger hängde hängt haka hakar hakade hakat hända händer hände hänt
    betyda betyder
    betydde betytt vinna vinner vann vunnit resa resan resans gång gången folk ihop lära lär lärde
    lärt märka märker märkte märkt hjälpa hjälper hjälpte hjälpt använda använder använde använt
    satsa satsar satsade satsat satsning satsningen satsningar satsningarna
    få fått kronor räknat räknad räknade landa landar landade landat
    """.split()
)


#: Words that place a fact in time ("vem leder X numera, efter bytet under året", "den förra", "i
#: somras") or place ("ute i"), or say that it changed ("efter att budgeten ändrades",
#: "skurits ner", "gått i pension"): a stored fact, with its earlier value or manager,
#: answers them without repeating them; so do the kinds of organisation a fact names ("vilka
#: myndigheter och organisationer samarbetar X med": the partners, each by its name). Only
#: the facts route leaves them out; elsewhere a passage that has them is closer.
FACT_QUALIFIERS = frozenset(
    """
    myndighet myndigheter organisation organisationer aktör aktörer
    numera hittills förra förre byte bytet bytt bytte ute året
    somras våras höstas vintras
    ändrades ändrats ändrad ändrade reviderades reviderats reviderad justerades justerats
    höjdes höjts sänktes sänkts skurits skars skära ner minskades minskats ökades ökats utökades utökats
    pension pensionen pensionerad pensionerades
    """.split()
)


@dataclass(frozen=True, slots=True)
class Evidence:
    coverage: float
    unknown_share: float
    top_dense: float
    content_terms: int
    #: For "hur många" questions: whether a best passage states such a count.
    states_count: bool | None = None
    #: The question names a project and a kind of section, and the best passage is that
    #: project's section of that kind (the section itself is the answer).
    section_hit: bool = False
    #: New compounds of known words ("klimatanpassning") that no best sentence expresses:
    #: the topic the question is about is not there, however well the rest is covered.
    unmet_compounds: int = 0
    #: Measured over the passages of a cross-project answer (one per project first).
    across: bool = False

    def as_dict(self) -> dict[str, float]:
        return {
            "coverage": self.coverage,
            "unknown_share": self.unknown_share,
            "top_dense": self.top_dense,
            "content_terms": float(self.content_terms),
            "unmet_compounds": float(self.unmet_compounds),
        }




@dataclass(frozen=True, slots=True)
class AbstentionPolicy:
    """Calibrated thresholds (docs/evaluation.md shows the trade-off they were chosen on).

    Answerable when the best passages cover at least 60 % of the question's content
    (idf-weighted; 50 % across projects) and at most a fifth of its content words are
    unknown to the reports, or at least 70 % with up to a third unknown: a colloquial
    question ("allt pappersarbete", "pengaproblem") whose other words are met well;
    a question with no content words beyond a project and a section type is answerable
    when its passages are reasonably close. A new compound of known words that no best
    sentence expresses ("klimatanpassning") is never answered around: on every question
    set so far such a compound was the topic the reports lack.
    """

    min_coverage: float = 0.6
    max_unknown_share: float = 0.2
    min_dense: float = 0.80
    #: Across projects each project tells its part in its own words, and the question's
    #: verbs ("försvinner", "garderar sig") are its form more than its topic (measured over
    #: 65 sets: false abstentions 85 → 76 of 1527, lesson recall@5 0.613 → 0.625, every
    #: cross-project negative still declined).
    min_coverage_across: float = 0.5
    #: Coverage that lets more words be unknown, and how many then (measured over 65 sets:
    #: false abstentions 91 → 85 of 1527, no unanswerable question more answered).
    well_covered: float = 0.7
    max_unknown_share_well_covered: float = 0.34

    def answerable(self, ev: Evidence) -> bool:
        if ev.top_dense < self.min_dense or ev.unmet_compounds:
            return False
        if ev.content_terms == 0:
            return True
        if ev.section_hit and ev.unknown_share <= self.max_unknown_share:
            return True
        # A stated count of the very thing asked about is strong evidence on its own.
        bar = self.min_coverage_across if ev.across else self.min_coverage
        needed = bar * (0.7 if ev.states_count else 1.0)
        if ev.unknown_share <= self.max_unknown_share:
            return ev.coverage >= needed
        well = ev.coverage >= max(needed, self.well_covered)
        return well and ev.unknown_share <= self.max_unknown_share_well_covered


# "<word>projekt": "mobilitetsprojektet", "esfprojektet".
_PROJECT_COMPOUND = re.compile(r"(\w+?)s?projekt")
_PART_KINDS = frozenset({"del", "under", "pilot", "sido"})  # "delprojekt" is a part, not the project


def names_the_project(term: str, names: Iterable[str]) -> bool:
    """Whether a content stem is a compound of "projekt" whose first part is a word of the
    named project's name ("mobilitetsprojektet" beside "Hållbar mobilitet Mjärdevi"): the
    project itself, not content. "genomförandeprojektet" beside a pre-study is something else."""
    m = _PROJECT_COMPOUND.fullmatch(term)
    if m is None or len(m.group(1)) < 3 or m.group(1) in _PART_KINDS:
        return False
    words = {w.lower() for name in names for w in re.findall(r"\w+", name)}
    return any(w.startswith(m.group(1)) for w in words)


def content_terms(question_terms: list[str], ignore: set[str]) -> set[str]:
    """The question's content stems: without question-form words, ``ignore`` and numbers.
    ``ignore`` and the terms are stems; QUESTION_TERMS are words, so compare stems of both."""
    return {t for t in question_terms if t not in ignore and not t.isdigit()}


_SHORT_STEM = 4
#: The longest unknown stem that may be a question's wording rather than its topic.
_PLAIN_FORM = 10


def gather_evidence(
    terms: set[str],
    passages: list[Passage],
    weights: TermWeights,
    top_n: int = 3,
    synonyms: Mapping[str, frozenset[str]] | None = None,
    field_terms: AbstractSet[str] = frozenset(),
    short_is_form: bool = False,
) -> Evidence:
    """Coverage of ``terms`` in the ``top_n`` passages, weighted by idf; a term also counts
    as covered by one of its ``synonyms``. Words that ask for a fact (``field_terms``:
    "kostar", "pengar") are never unknown: the facts answer them in the report's words.
    With ``short_is_form`` (questions across projects), a short known word no passage has
    is left out of the total once a longer word is met, and an unknown plain word is no
    unknown topic."""
    top = passages[:top_n]
    seen: set[str] = set()
    for p in top:
        seen |= set(weights.passage(p.chunk.text))
    total = sum(weights.idf(t) for t in terms)
    hits = matched(terms, seen)
    hits |= {t for t in terms - hits if synonyms and matched(set(synonyms.get(t, ())), seen)}
    # A compound the reports never write, of words they do ("coronapandemin",
    # "svenskkunskaper"), is a new compound rather than an unknown word; it is met where
    # one sentence has all its parts ("kunskaper i svenska"), not parts spread over a
    # passage ("barnen" … "omsorg" is no "barnomsorg").
    composed = {t: parts for t in terms - hits if not weights.known(t) and (parts := known_parts(t, weights))}
    # A compound they do write is met that way too where the best passages lack it ("46 små och
    # medelstora företag" for "småföretag"); unmet, it is no sign of a missing topic.
    apart = {t: parts for t in terms - hits - composed.keys() if (parts := known_parts(t, weights))}
    # … and one the splitter leaves whole ("gymnasieelever": "64 elever på gymnasiet"), where
    # its guessed last part is a word of its own there ("sjukskrivningar" is not met by
    # "inskrivning"); unmet, it stays an unknown word.
    guessed = {t: parts for t in terms - hits - composed.keys() - apart.keys()
               if (parts := guessed_parts(t, weights))}
    if composed or apart or guessed:
        hits |= _met_in_a_sentence(composed | apart, guessed, top, weights)
    covered = sum(weights.idf(t) for t in hits)
    # Short unknown words are mostly verbs and particles of the question's form; the
    # unknown words that matter are names and nouns ("biljett", "ombyggnad").
    # A word the reports never use but whose synonym they do ("funkat" → "fungerat") is known.
    # An everyday word ("folk", "tjejer", "fullt upp") is the question's wording, not a topic
    # the reports lack; it still weighs in coverage, by its general rarity.
    unknown = [t for t in terms - field_terms - hits if len(t) >= 4 and not weights.known(t)
               and t not in composed and not weights.everyday(t)
               and not any(weights.known(s) for s in (synonyms or {}).get(t, ()))]
    if short_is_form:
        # Across projects an unknown plain word is mostly how the question is put ("flyta",
        # "gardera sig", "nappa"); an unknown compound or long word is a topic ("körkortsteori").
        # Measured over 73 sets: false abstentions 96 → 88 of 1727, no unanswerable answered.
        unknown = [t for t in unknown if len(t) > _PLAIN_FORM or parts_of(t, weights)]
    # Across projects, a short word the passages lack is mostly the question's everyday form
    # ("knep som funkat", "ont om tid", "lockar") once a longer word of its topic is met.
    if short_is_form and any(len(t) > _SHORT_STEM for t in hits):
        total -= sum(weights.idf(t) for t in terms - hits if len(t) <= _SHORT_STEM and weights.known(t))
    dense = max((p.dense for p in passages if p.dense is not None), default=0.0)
    return Evidence(
        coverage=covered / total if total else 1.0,
        unknown_share=len(unknown) / len(terms) if terms else 0.0,
        top_dense=dense,
        content_terms=len(terms),
        unmet_compounds=len(set(composed) - hits),
        across=short_is_form,
    )


def _met_in_a_sentence(
    compounds: dict[str, list[str]], guessed: dict[str, list[str]], top: list[Passage], weights: TermWeights
) -> set[str]:
    """The compounds one sentence of ``top`` has all parts of; of a ``guessed`` one, the
    last part as a word of its own."""
    texts = [p.chunk.text[a - p.chunk.start : b - p.chunk.start]
             for p in top for a, b in sentence_spans(p.chunk)]
    sentences = [set(weights.passage(text)) for text in texts]
    met = {t for t, parts in compounds.items() if any(all(matched({x}, s) for x in parts) for s in sentences)}
    for t, (tail, *heads) in guessed.items():
        for text, s in zip(texts, sentences, strict=True):
            if matched({tail}, set(weights.query(text))) and all(matched({x}, s) for x in heads):
                met.add(t)
                break
    return met


def known_parts(term: str, weights: TermWeights) -> list[str]:
    """The parts of a compound question word that must be met for it to count as met:
    its last part, which the reports use, and its first part unless the reports never use
    that ("coronapandemin" → pandemin; "svenskkunskap" → kunskap and svensk). Empty when
    the last part is unknown too."""
    tails = [p for p in weights.passage(term)[1:] if weights.known(p) and term.endswith(p)]
    if not tails:
        return []
    return _with_head(term, max(tails, key=len), weights)


def guessed_parts(term: str, weights: TermWeights) -> list[str]:
    """The parts of an unknown stem the compound splitter does not take apart
    ("gymnasieelev", "omsorgsmedarb"): its longest known ending of at least four letters
    after a known part of at least three. A guess, so it may meet a
    question word but never makes one a missing compound ("sjukskrivning" is no
    "inskrivning")."""
    if weights.known(term) or known_parts(term, weights):
        return []
    tails = [term[i:] for i in range(3, len(term) - 3) if weights.known(term[i:])][:1]
    parts = _with_head(term, tails[0], weights) if tails else []
    # Both parts known: a lone known ending is too weak a guess ("sjukskriv" → "skriv").
    return parts if len(parts) >= 2 else []


def _with_head(term: str, tail: str, weights: TermWeights) -> list[str]:
    head = term[: len(term) - len(tail)]
    if head.endswith("s") and len(head) > 3:
        head = head[:-1]  # the linking s: "tidsperiod" → tid
    return [tail, *(h for h in weights.query(head) if len(h) >= 3 and weights.known(h))]


def parts_of(term: str, weights: TermWeights) -> list[str]:
    """A compound's known parts (``known_parts``), else its guessed ones (``guessed_parts``):
    what a passage may write apart ("64 elever" for "gymnasieelever")."""
    return known_parts(term, weights) or guessed_parts(term, weights)


def with_known_parts(terms: set[str], weights: TermWeights) -> set[str]:
    """``terms`` and the known parts of those no report uses ("coronapandemin" →
    pandemin), so quotes and ranking find the sentences that write them apart."""
    return terms | {p for t in terms if not weights.known(t) for p in parts_of(t, weights)}


def synonym_table(
    groups: tuple[tuple[str, ...], ...], analyze: Callable[[str], list[str]]
) -> dict[str, frozenset[str]]:
    """Stem → the stems of its synonyms, from groups of words that count as each other (a
    stem in two groups has the synonyms of both)."""
    table: dict[str, frozenset[str]] = {}
    for group in groups:
        stems = {t for w in group for t in analyze(w)}
        for t in stems:
            table[t] = table.get(t, frozenset()) | (stems - {t})
    return table
