"""Which facts a question asks for (owner, manager, dates, amounts, fund …), from the phrases
that ask for each (``qa.vocabulary.FIELD_WORDS``) and the constructions that change what
they ask ("Varifrån kommer pengarna" asks the fund, "började studera" no start date)."""

from __future__ import annotations

import re

from qa.question_text import has_phrase
from qa.vocabulary import FIELD_WORDS

# "Kommer X att förlängas?", "Ska X förlängas?": a decision still to come, which a
# project's period does not answer.
_FUTURE_CHANGE = re.compile(r"\b(?:kommer|ska|skall|planerar|planeras)\b.*\bförläng")
_DATES = {"start_date", "end_date", "period"}


# "Hur mycket pengar får X från Interreg?", "… fick de från fonden": money from a fund or
# programme is the grant (the budget's answer states it beside the total).
_FUNDS = r"(?:eu|interreg|esf|eruf|amif|fro|jtf|fead|erasmus|leader|life|\w*fonden|\w*programmet)"
_MONEY_FROM_FUND = re.compile(
    rf" (?:pengar|medel|kronor|euro) (?:\w+ ){{0,4}}från (?:den |det )?{_FUNDS} "
    # "Hur mycket pengar går Interreg in med i X?": the fund's share, asked of the fund.
    rf"| (?:pengar|medel|kronor|euro) (?:går|gick|skjuter|sköt) {_FUNDS} (?:in )?(?:med|till) "
    rf"| hur mycket (?:går|gick|skjuter|sköt) {_FUNDS} (?:in )?(?:med|till) "
    # "Hur stor del av pengarna i X kommer från EU?": the grant's share, asked of the fund.
    rf"| hur stor (?:del|andel) av (?:\w+ ){{0,10}}?(?:kommer|betalas|finansieras|täcks) (?:\w+ ){{0,2}}?"
    rf"(?:från|av) (?:den |det )?{_FUNDS} "
)


# "När tar ungdomsprojektet X slut?": a "-projektet" word that describes the project may
# stand inside the phrase that asks ("tar … slut").
_DESCRIBING_WORD = re.compile(r" \w*(?:projektet|satsningen) ")


# Particle verbs split by their subject: "När tar avloppsprojektet i skärgården slut?",
# "När drog satsningen på Hertsön igång?".
_SPLIT_PARTICLE = {
    # "Vilka jobbar X tillsammans med?": the partners.
    "co_financiers": re.compile(r" (?:jobbar|arbetar|jobbade|arbetade) (?:\w+ ){0,6}tillsammans med $"),
    # "När tar X slut?"; "När lades X ner?", "När avbröts X?" (not "… innan det lades ned").
    "end_date": re.compile(r" (?:tar|tog) (?:\w+ ){1,8}slut |^ när (?:lades|lagts) (?:\w+ ){1,8}ne[rd] "
                           r"|^ när (?:avbröts|stoppades|lades ne[rd]) "),
    "start_date": re.compile(
        r" (?:drog|drogs|drar|dras|kom|kommer|sätter|satte) (?:\w+ ){1,8}(?:igång|i gång) "
    ),
}


# "Vilka är det X försöker nå?", "Vilka ska projektet hjälpa?": who the project is for.
_WHO_FOR = re.compile(r" (?:vilka|vem) (?:\w+ ){0,8}?(?:försöker|ska|skall|vill|skulle) (?:\w+ ){0,5}?"
                      r"(?:nå|hjälpa|fånga upp|stötta|stödja) ")

_AMOUNT_FIELDS = {"total_budget", "eu_funding"}
# "Hur många företag fick stöd …?": a count of things; "stöd" is what they got, no sum asked
# (unless money is asked too: "… och hur mycket pengar", "hur många kronor").
_COUNT_OF_THINGS = re.compile(r" hur många (?!kronor|kr |euro|miljoner|tkr|mkr|procent)\w+")
_ASKS_MONEY = re.compile(
    r" hur (?:mycket|stor|stort|höga?)\b| (?:belopp\w*|pengar\w*|kronor|euro|budget\w*) "
)
_ALL_PARTNERS = re.compile(
    r" (?:alla|samtliga) (?:partner|partners|partnerna|parter) (?:inräknade|medräknade|inräknat|medräknat)"
    r"| (?:inklusive|inkl\.?) (?:alla |samtliga )?(?:partner|partners|partnerna)"
    r"| (?:för )?hela partnerskapet"
)


_OVER_THE_PERIOD = re.compile(r" (?:för|under) (?:hela )?(?:projekt)?(?:perioden|projekttiden|tiden) ")
_ASKS_WHEN = re.compile(r" (?:när|hur länge|hur lång|vilken (?:projekt)?period|vilka datum) ")


# "Varifrån kom EU-pengarna …", "från vilket håll kommer pengarna": where, not how much.
_MONEY = r"(?:eu[- ])?(?:pengar|stöd|medel|bidrag|finansiering)\w*"
_MONEY_FROM_WHERE = re.compile(
    r" (?:varifrån|var ifrån|från vilket håll|(?:ur|från) vilke[nt] (?:eu )?(?:källa|fond|pott|program))"
    rf" (?:\S+ ){{0,3}}?{_MONEY}"
    # "Var kommer EU-stödet ifrån till X?"
    rf"| var (?:kommer|kom) (?:\S+ ){{0,2}}?{_MONEY} ifrån "
)
# "… fick jobb eller började studera": what participants went on to, not the project's start.
_WENT_ON_TO = re.compile(r" (?:började|börjat|börjar|påbörjade|påbörjat) (?:att )?"
                         r"(?:studera|plugga|arbeta|jobba|läsa|studier|utbilda|en |ett |på |i |med )")


def detect_fields(norm: str) -> list[str]:
    bare = re.sub(r" {2,}", " ", _DESCRIBING_WORD.sub(" ", norm))
    fields = [
        f for f, words in FIELD_WORDS.items() if any(has_phrase(n, w) for n in {norm, bare} for w in words)
    ]
    if _MONEY_FROM_FUND.search(norm) and "eu_funding" not in fields:
        fields.append("eu_funding")
    spaced = re.sub(" +", " ", norm)
    fields += [f for f, rx in _SPLIT_PARTICLE.items() if f not in fields and rx.search(spaced)]
    if _COUNT_OF_THINGS.search(spaced) and not _ASKS_MONEY.search(spaced):
        fields = [f for f in fields if f not in _AMOUNT_FIELDS]
    if _WHO_FOR.search(spaced) and "target_group" not in fields and not has_phrase(norm, "mål"):
        fields.append("target_group")
    if _FUTURE_CHANGE.search(norm):
        fields = [f for f in fields if f != "period"]
    if "co_financiers" in fields and _AMOUNT_FIELDS & set(fields) and _ALL_PARTNERS.search(norm):
        # "Hur stor är hela budgeten, alla partner inräknade?": the partners qualify the amount.
        fields = [f for f in fields if f != "co_financiers"]
    if "period" in fields and _OVER_THE_PERIOD.search(norm) and not _ASKS_WHEN.search(norm):
        # "… vilket deltagarmål har X för hela perioden?": the period bounds what is asked.
        fields = [f for f in fields if f != "period"]
    if _MONEY_FROM_WHERE.search(norm):
        # "Varifrån kommer pengarna till X?" asks which fund (or financier), not an amount.
        fields = [f for f in fields if f not in _AMOUNT_FIELDS] + ["fund"] * ("fund" not in fields)
    if "start_date" in fields and _WENT_ON_TO.search(norm) and not has_phrase(norm, "när"):
        fields = [f for f in fields if f != "start_date"]
    if "status" in fields and has_phrase(norm, "när") and not _DATES & set(fields):
        # "När ska X vara avslutat?" asks for a date, not whether it has ended.
        fields = ["end_date" if f == "status" else f for f in fields]
    return fields
