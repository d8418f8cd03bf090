"""Pure helpers of answer composition: counts, shares, goals, term folding and matching."""

from __future__ import annotations

import pytest
import Stemmer

from corpus.sentences import is_subheading
from corpus.types import Chunk, SectionType, Sentence
from qa.counting import (
    asks_share,
    count_opener,
    count_parts,
    counted_noun,
    numbers_stated,
    part_of_people,
    partitive,
    partitive_clause,
    states_amount,
    states_count,
)
from qa.fields import asks_money
from qa.quotes import canonical, matched

pytestmark = pytest.mark.unit

_STEM = Stemmer.Stemmer("swedish")


def analyze(text: str) -> list[str]:
    return _STEM.stemWords(text.casefold().replace(",", " ").replace(".", " ").split())


@pytest.mark.parametrize(
    ("question", "noun"),
    [
        ("Hur många kvinnor deltog?", "kvinn"),
        ("Hur många av de unga fick jobb?", "ung"),
        ("Hur stor andel av deltagarna gick vidare?", analyze("deltagarna")[0]),
        ("Vem leder projektet?", None),
        # A part of a group: the group is counted, the genitive only says whose it is.
        ("Hur många av deltagarna i Kvarterslyftet har fått arbete?", analyze("deltagarna")[0]),
        ("Hur många av Kvarterslyftets deltagare har fått arbete?", analyze("deltagare")[0]),
        # No noun follows: a verb or a preposition is not what is counted.
        ("Hur många kom ut i jobb eller studier?", None),
        ("Hur många i Kvarterslyftet har fått en anställning?", None),
        # A unit of measure: what is measured is counted ("ton koldioxid", not "ton byggmaterial").
        ("Hur många ton koldioxid har projektet sparat?", "koldioxid"),
        ("Hur många ton har projektet förmedlat?", "ton"),
    ],
)
def test_counted_noun(question: str, noun: str | None) -> None:
    found = counted_noun(question, analyze)
    assert (next(iter(found)) if found else None) == noun


@pytest.mark.parametrize(
    ("sentence", "stated"),
    [
        ("Totalt skrevs 263 deltagare in, varav 141 kvinnor och 122 män.", True),
        ("Projektet har placerat tre kvinnor inom industrin.", True),
        ("Projektet vänder sig till kvinnor och män i åldern 20–64 år.", False),
        ("En kvinna ledde arbetet.", False),
        # A share of the noun is no count of it.
        ("Fördelningen är ojämn: 64 procent av kvinnorna läser vårdspåret.", False),
        ("Av deltagarna är 64 % kvinnor.", False),
        ("Andelen var 64% av kvinnorna.", False),
    ],
)
def test_a_count_stands_right_before_its_noun(sentence: str, stated: bool) -> None:
    assert states_count(sentence, {"kvinn"}, analyze) is stated


def test_a_part_of_a_group_is_counted_only_where_the_sentence_says_which_part() -> None:
    """"Hur många av deltagarna har fått arbete?" is not answered by a participant goal."""
    assert partitive("Hur många av deltagarna har fått arbete?")
    assert not partitive("Hur många deltagare har projektet haft?")
    # A share of a part: "78 procent är kvinnor" does not say how many got a job.
    assert partitive("Hur stor andel av deltagarna hade fått jobb ett halvår senare?")
    assert partitive("Hur stor andel av kvinnorna fick arbete?")
    work = ((frozenset(analyze("arbete jobb anställning")), 1.0),)
    goal = "Projektet ska under projekttiden nå 120 deltagare."
    assert states_count(goal, {"deltag"}, analyze)
    assert not states_count(goal, {"deltag"}, analyze, predicate=work)
    assert states_count("Av dem har 31 deltagare fått en anställning.", {"deltag"}, analyze, predicate=work)


def test_a_part_of_a_group_of_people_is_stated_without_the_groups_noun() -> None:
    """"Hur många av de unga har fått jobb?" is answered by "Av de inskrivna hade 97 fått
    ett arbete": the report names the group its own way, before the number."""
    assert part_of_people("Hur många av de unga i X har fått jobb?")
    assert part_of_people("Hur många av ungdomarna har börjat studera?")
    assert not part_of_people("Hur många av företagen har anställt?")
    assert not part_of_people("Hur många deltagare fick jobb?")
    # who they were, not what they did: stated beside the group ("141 kvinnor")
    assert not part_of_people("Hur många av deltagarna i X var kvinnor?")
    assert not part_of_people("Hur många av deltagarna hade körkort?")
    assert part_of_people("Hur många av deltagarna hade fått arbete?")
    work = ((frozenset(analyze("arbete jobb anställning")), 1.0),)
    stated = "Av de inskrivna hade 97 fått ett arbete och 54 påbörjat studier."
    assert not states_count(stated, {"ung"}, analyze, predicate=work)
    assert states_count(stated, {"ung"}, analyze, predicate=work, any_count=True)
    # still a number of the part, not a year
    year = "Under 2032 fick flera av dem arbete."
    assert not states_count(year, {"ung"}, analyze, predicate=work, any_count=True)
    # … or with another people noun after the number, in a sentence that says what the part did
    outcome = "35 procent ska ha gått vidare till arbete (utfall: 71 personer, 39 procent av 182 avslutade)."
    assert states_count(outcome, {"deltag"}, analyze, predicate=work, any_count=True)
    assert not states_count("Projektet har haft 71 personer i kö till kurserna.", {"deltag"}, analyze,
                            predicate=work, any_count=True)


def test_a_question_asking_two_counts_has_a_test_for_each() -> None:
    synonyms = {t: frozenset(analyze("arbete jobb anställning")) for t in analyze("arbete jobb anställning")}
    parts = count_parts("Hur många deltagare hade X totalt, och hur många av dem gick vidare till jobb?",
                        analyze, analyze, synonyms)
    total = "Totalt 147 deltagare har skrivits in i projektet."
    work = "39 deltagare har gått vidare till arbete eller studier."
    assert [p(total) for p in parts] == [True, False]
    assert [p(work) for p in parts] == [True, True]  # one number: it states only one of them
    assert numbers_stated(work) == 1 and numbers_stated("Under 2032/2033 deltog 64 av 70 företag.") == 2
    assert count_parts("Hur många deltagare hade X?", analyze, analyze, {}) == []
    assert count_parts("Hur många deltagare hade X och vad var målet?", analyze, analyze, {}) == []


def test_a_part_is_stated_by_most_of_its_weight_not_by_a_common_word() -> None:
    """"Hur många av deltagarna hade körkort när de skrevs in?" is not met by "212 deltagare
    skrevs in": the rare word that defines the part is missing."""
    part = ((frozenset(analyze("körkort")), 5.0), (frozenset(analyze("skrevs")), 1.5))
    assert not states_count("Under året skrevs 212 deltagare in.", {"deltag"}, analyze, predicate=part)
    assert states_count("Av 212 deltagare hade 40 körkort.", {"deltag"}, analyze, predicate=part)


def test_share_questions_accept_any_stated_share() -> None:
    assert asks_share("Hur stor andel av deltagarna fick arbete?")
    assert not asks_share("Hur många deltagare fick arbete?")
    assert states_count("Av de svarande uppgav ca 60 % att de börjat.", {"deltag"}, analyze, share=True)
    assert not states_count("Många har börjat sälja på nätet.", {"deltag"}, analyze, share=True)


@pytest.mark.parametrize(
    ("term", "folded"),
    [
        ("målet", "mål"),
        ("målen", "mål"),
        ("gick", "gå"),
        ("gått", "gå"),
        ("fick", "få"),
        ("projekt", "projekt"),
        ("2020", "2020"),
        # particle verbs: "pågick" and "pågår" meet
        ("pågick", "pågå"),
        ("pågår", "pågå"),
        ("består", "bestå"),
        ("startar", "startar"),
        ("når", "nå"),
        ("nådde", "nå"),
        # the stemmer's "startat" for "startats" meets its "start" for "startas"
        ("startat", "start"),
        # verbal nouns meet their verbs; short stems stay whole
        ("förlängning", "förläng"),
        ("rekrytering", "rekryter"),
        ("förändring", "förändr"),
        ("förening", "förening"),
        ("tidning", "tidning"),
    ],
)
def test_canonical_folds_what_the_stemmer_leaves(term: str, folded: str) -> None:
    assert canonical(term) == folded


def test_definite_and_indefinite_forms_meet_after_stemming() -> None:
    """The stemmer keeps "samarbetet" but cuts "samarbete" to "samarbet"; both must fold
    to one term, or a question's "samarbetet" never meets a report's "samarbete"."""
    import Stemmer

    stem = Stemmer.Stemmer("swedish").stemWord
    for forms in (
        ("samarbetet", "samarbete"),
        ("arbetet", "arbete"),
        ("målet", "mål"),
        ("förlängningen", "förlängdes", "förlänga"),
        ("rekryteringen", "rekrytera", "rekryterade"),
        ("utbildningen", "utbilda", "utbildade"),
    ):
        assert len({canonical(stem(f)) for f in forms}) == 1, forms


def test_matched_takes_compound_heads_but_not_short_prefixes() -> None:
    passage = {"jämställdhetsperspektiv", "utbildning", "kommunikation"}
    assert matched({"jämställd", "utbildning"}, passage) == {"jämställd", "utbildning"}
    assert matched({"kommun"}, passage) == set()


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Framgångsfaktorer målgrupp 1.1", True),
        ("- Saknar nätverk", False),
        ("Projektet har nått sina mål.", False),
    ],
)
def test_sub_heading_lines_are_recognised(line: str, title: bool) -> None:
    assert is_subheading(line) is title


def test_a_quote_never_spans_a_sub_heading() -> None:
    """Two sentences either side of a sub-heading line are not one quote, even when
    together they cover more of the question."""
    from corpus.types import Chunk, SectionType, Sentence
    from qa.quotes import TermWeights, best_quote

    text = (
        "Deltagarna har varit förebilder för andra.\n\n"
        "Ansökan och rekrytering\n\n"
        "En lärdom är att rekrytera personal tidigt."
    )
    spans, start = [], 0
    for part in text.split("\n\n"):
        start = text.index(part, start)
        spans.append(Sentence(start, start + len(part)))
        start += len(part)
    chunk = Chunk("c", "r", "P", "Utmaningar", SectionType.CHALLENGES, ("P", "Utmaningar"),
                  0, len(text), text, tuple(spans))
    words = lambda t: [w.lower().strip(".") for w in t.split()]  # noqa: E731
    weights = TermWeights(words, words, [text])
    quote = best_quote(chunk, {"deltagarna", "rekrytera"}, weights)
    assert "Ansökan och rekrytering" not in quote.text
    assert quote.text in (
        "Deltagarna har varit förebilder för andra.",
        "En lärdom är att rekrytera personal tidigt.",
    )


def test_a_goal_clause_beside_an_outcome_clause_still_states_the_outcome() -> None:
    sentence = ("Målet var att 120 deltagare skulle genomföra språkpraktik, men fram till den 31 maj "
                "2023 hade endast 74 deltagare gjort det.")
    assert states_count(sentence, {"deltag"}, analyze, year=2023, report_year=2023)
    assert not states_count("Målet är att 120 deltagare ska skrivas in under 2023.", {"deltag"}, analyze,
                            year=2023, report_year=2023)


def test_a_count_question_opens_with_what_was_done_not_a_goal_or_a_plan() -> None:
    opener = count_opener(set(analyze("våtmarker")), False, analyze)
    assert opener is not None
    assert opener("Hittills har 11 våtmarker anlagts och 7,4 kilometer vattendrag restaurerats.")
    assert not opener("Projektet har som mål att anlägga 18 våtmarker och restaurera vattendrag.")
    assert not opener("De återstående sju våtmarkerna ska anläggas under sommaren 2033.")
    # The goal first, then the outcome in the same sentence.
    assert opener("Målet var 20 våtmarker och det blev 23 våtmarker som anlades.")
    assert opener("Målet var 20 våtmarker, och hittills har 14 våtmarker anlagts.")
    assert not opener("Målet var 20 våtmarker och det blev ett bra samarbete.")


def test_how_many_of_a_group_opens_with_a_sentence_that_states_what_they_did() -> None:
    opener = count_opener({"ungdom"}, False, lambda s: s.lower().split(), of_part=True)
    assert opener is not None
    assert opener("Av dem har 87 gått vidare till arbete eller studier, vilket motsvarar 61 procent.")
    assert not opener("Flest av dem som gått vidare har påbörjat studier inom vuxenutbildningen.")
    assert not opener("Målet är att 120 unga ska gå vidare till arbete eller studier.")


@pytest.mark.parametrize(
    ("question", "money"),
    [
        ("Hur mycket pengar beviljade Tillväxtverket till ansökan?", True),
        ("Hur stort bidrag har gymnasiet fått?", True),
        ("Hur mycket EU-pengar får kommunen?", True),
        ("Vad kostade laddstationen?", True),
        ("Hur mycket tid tog upphandlingen?", False),
        ("Hur stor andel var kvinnor?", False),
    ],
)
def test_asks_money(question: str, money: bool) -> None:
    assert asks_money(question) is money


def test_a_sum_in_euro_beside_the_thing_priced_is_stated() -> None:
    text = "Bryggan i Ålhamn kostade 120 000 euro. Projektet har haft många besökare."
    chunk = Chunk("c", "r", "P", "t", SectionType.STATUS, ("P", "t"), 0, len(text), text,
                  (Sentence(0, text.index(" Projektet")), Sentence(text.index("Projektet"), len(text))))
    words = lambda t: [w.lower().strip(".,") for w in t.split()]  # noqa: E731
    assert states_amount(chunk, {"bryggan"}, words)
    assert not states_amount(chunk, {"besökare"}, words)
    assert states_amount(chunk, set(), words)  # nothing named beyond the project: any sum


def test_a_results_table_row_counts_what_its_label_names() -> None:
    analyze = lambda t: [_STEM.stemWord(w) for w in t.lower().split()]  # noqa: E731
    assert states_count("Antal företag som har fått stöd\t120\t87", {"företag"}, analyze)
    assert states_count("Antal företag som har fått stöd 120 87", {"företag"}, analyze)  # a PDF row
    # A change in a number is no count of it.
    assert not states_count("Antalet gästnätter i skärgården ökade med 11 procent", {"gästnätt"}, analyze)


def test_the_share_words_of_a_partitive_question_are_no_part_of_what_is_counted() -> None:
    """"Hur stor andel av deltagarna är kvinnor?" is not answered by "Andelen som gått vidare
    till arbete är 50 procent": the part asked is the women, not any share."""
    from qa.declines import DeclineChecks
    from qa.facts_table import FactsTable
    from qa.quotes import TermWeights
    from qa.understanding import ProjectCatalog

    texts = ["Andelen som gått vidare till arbete är i dag 50 procent.", "Deltagarna är unga kvinnor."]
    weights = TermWeights(analyze, analyze, texts)
    checks = DeclineChecks(FactsTable([], {}), ProjectCatalog([]), weights, {}, set(), {}, frozenset())
    question = "Hur stor andel av deltagarna är kvinnor"  # (this analyzer keeps a "?")
    part = checks.count_predicate(question, set(analyze("andel deltagarna kvinnor")), {"deltag"})
    assert [sorted(group) for group, _ in part] == [["kvinn"]]
    assert not states_count(texts[0], {"deltag"}, analyze, share=True, predicate=part)
    # Two asks: the owner asked first is no part of what the share counts.
    two = "Vilken del av kommunen äger Alfa, och hur stor andel av deltagarna är kvinnor"
    part = checks.count_predicate(two, set(analyze("kommunen äger andel deltagarna kvinnor")), {"deltag"})
    assert [sorted(group) for group, _ in part] == [["kvinn"]]


@pytest.mark.parametrize(
    ("question", "part"),
    [("Hur stor andel av de unga som skrivits in i X är tjejer?", "tjejer?"),
     ("Hur stor andel av deltagarna hade fått jobb ett halvår senare?", "fått jobb ett halvår senare?"),
     ("Vem äger X, och hur stor andel av budgeten går till Y?", "till Y?"),
     ("Hur många deltagare har X haft?", "")],
)
def test_the_part_a_partitive_count_asks_for(question: str, part: str) -> None:
    """The group's own relative clause ("som skrivits in") is no part of what is counted."""
    assert partitive_clause(question) == part


def test_a_table_row_of_counts_states_a_count_of_what_its_label_names() -> None:
    row = "  | Medarbetare validerade till undersköterska   | 90    | 72      |"
    staff, people = set(analyze("medarbetare")), set(analyze("deltagare"))
    assert states_count(row, staff, analyze)
    assert states_count("Deltagare som har genomfört arbetsträning\t120\t138", people, analyze)
    # A row of shares counts nothing, nor does a row whose label names something else.
    assert not states_count("| Andel kvinnor bland deltagarna | 45 % | 41 % |", people, analyze)
    assert not states_count("| Genomförda kurser | 12 | 14 |", people, analyze)


def test_an_amount_per_item_is_no_count_of_the_items_unless_money_is_counted() -> None:
    firms, euro = set(analyze("företag")), set(analyze("euro"))
    assert not states_count("Projektet erbjuder checkar på upp till 100 000 kr per företag.", firms, analyze)
    assert states_count("Under projekttiden har 74 företag fått stöd.", firms, analyze)
    assert states_count("Projektet har beviljats 186 400 euro.", euro, analyze)


def test_a_count_question_quotes_the_sentence_stating_the_count() -> None:
    from qa.counting import count_opener
    from qa.quotes import TermWeights, best_quote

    text = ("Projektet erbjuder checkar på upp till 100 000 kr per företag och ett acceleratorprogram. "
            "Under projekttiden har 74 företag fått stöd, att jämföra med målet om 60 företag.")
    chunk = Chunk("c", "r", "P", "Läget", SectionType.STATUS, ("P",), 0, len(text), text,
                  (Sentence(0, text.index("Under") - 1), Sentence(text.index("Under"), len(text))))
    weights = TermWeights(analyze, analyze, [text])
    opener = count_opener(set(analyze("företag")), False, analyze)
    terms = set(analyze("företag hjälp"))
    assert best_quote(chunk, terms, weights).text.startswith("Projektet erbjuder")
    assert best_quote(chunk, terms, weights, prefer=opener).text.startswith("Under projekttiden har 74")


def test_a_count_asked_of_one_phase_is_not_answered_by_another_phases_count() -> None:
    from corpus.fact_scope import of_other_phases, phase_named
    from qa.counting import count_opener

    assert phase_named("Hur många har validerats i fas 2 av lyftet?") == 2
    assert phase_named("Vad kostade andra etappen?") == 2 and phase_named("Hur många deltog?") is None
    staff = set(analyze("medarbetare"))
    earlier = "Under fas 1 deltog 212 medarbetare, och 64 av dem validerades."
    assert of_other_phases(earlier, 2) and not of_other_phases("Fas 2 har 231 medarbetare.", 2)
    opener = count_opener(staff, False, analyze, phase=2)
    assert opener is not None
    assert not opener(earlier)
    assert opener("| Medarbetare validerade till undersköterska | 90 | 72 |")
    # Without a phase asked, the earlier phase's count answers.
    plain = count_opener(staff, False, analyze)
    assert plain is not None and plain(earlier)


def test_a_table_row_of_figures_supports_a_quote_and_a_short_title_does_not() -> None:
    from qa.quotes import supports_nothing

    assert supports_nothing("Case Energismart")
    assert not supports_nothing("| Medarbetare validerade till undersköterska | 90 | 72 |")
    assert not supports_nothing("Antal deltagare\t240\t226")
