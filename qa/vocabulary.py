"""Swedish question vocabulary as data: which words ask for which field, section type or
aggregate. Matched against casefolded question text by word-prefix (so "budgeten",
"budgetar" hit "budget"). Nothing here names a project of any report."""

from __future__ import annotations

from corpus.types import SectionType

#: Figure field → word prefixes (or phrases) that ask for it.
FIELD_WORDS: dict[str, tuple[str, ...]] = {
    "total_budget": (
        "budget", "totalbudget", "projektbudget", "kostnad", "kostade", "kostar", "totala kostnad",
        "dyrast", "dyraste", "billigast", "billigaste",
        "omslutning", "omsluter", "omsätter", "omsättning", "pengar",
        # "Hur stort belopp har X fått från fonden?": the budget's answer says the grant too.
        "belopp",
    ),
    "eu_funding": (
        "eu-stöd",
        "eu-medel",
        "eu-finansier",
        "eustöd",
        "socialfond",
        "regionala utvecklingsfond",
        "regionalfond",
        "täcks av",
        "esf-stöd",
        "eruf-stöd",
        "esfstöd",
        "erufstöd",
        "esf-medel",
        "eruf-medel",
        "stöd från eu",
        "betalas av",
        "bidrar",
        "bidrag från",
        # "Hur stort Interreg-bidrag fick X?": the grant is the EU funding.
        "bidrag ",
        "bidraget",
        "fondstöd",
        "finansieras av eu",
        "europeiska",
        "i stöd",
        "stöd",
        "stödet",
        "strukturfond",
        "integrationsfond",
        "migrationsfond",
        "amif-stöd",
        "interreg-stöd",
        # "Interregpengar", "ESF-pengarna", "Erasmusbidraget": a fund's money is its grant.
        "eu-pengar", "eupengar", "interregpengar", "interreg-pengar", "interregmedel", "interregstöd",
        "esf-pengar", "esfpengar", "eruf-pengar", "amif-pengar", "amifpengar", "erasmuspengar",
        "erasmusbidrag", "erasmus-bidrag", "erasmusstöd", "regionalfondspengar", "socialfondspengar",
        "fro-stöd",
        "rättvisefond",
        # "Hur mycket har X beviljats?": the support granted.
        "beviljats",
        "beviljades",
        "beviljat",
        # Everyday words: "hur mkt eu pengar fick de".
        "eu pengar",
        "eu-pengar",
        "eupengar",
        "pengar från eu",
    ),
    "fund": (
        "vilken fond",
        "vilka fonder",
        "esf eller eruf",
        "fonden finansierar",
        "fond",
        "eu-program",
        "vilket program",
        # "Vilket EU-stöd finansierar X?": which support, i.e. which fund
        "vilket eu-stöd", "vilken eu-finansiering", "vilket eu-bidrag",
    ),
    # "Vem driver X?" asks who runs it: the owner and the manager.
    "manager": (
        "projektledare", "leder", "ledde", "ledare", "leds av", "ansvarig för projektet", "vem driver",
        "har lett", "lett projektet", "projektansvarig", "som leder", "som driver", "håller i", "höll i",
        "har hand om", "hade hand om",
        # "… och vem är ansvarig?": a person; "vilken förvaltning är ansvarig" asks for the owner.
        "vem är ansvarig", "vem var ansvarig", "vem ansvarar", "vem ansvarade", "samordnare", "kontaktperson",
        # "Vem ska jag höra av mig till om X?", "vem kontaktar man": the contact, the manager.
        "höra av mig till", "höra av sig till", "vem kontaktar", "vem ska jag kontakta",
        "vem ska man kontakta",
    ),
    "owner": (
        "projektägare",
        "ägare",
        "äger",
        "ägde",
        "ägs av",
        "ägdes av",
        "förvaltning",
        "tillhör",
        "huvudman",
        "vilken organisation",
        "vilket bolag",
        "vem driver",
        "som driver",
        "drivs av",
        "står bakom",
        "stod bakom",
        "stått bakom",
    ),
    "start_date": (
        "startade", "startar", "började", "börjar", "start", "inleddes",
        "drog i gång", "drogs i gång", "drog igång", "drogs igång", "kom i gång", "kom igång",
        "dra igång", "dra i gång", "drar igång", "drar i gång", "komma igång", "komma i gång",
    ),
    "end_date": (
        "slutar",
        "slutade",
        "avslutas",
        "avslutades",
        "slutdatum",
        "pågår till",
        "löper ut",
        "upphör",
        "tar slut",
        "tog slut",
        "tog det slut",
        # "När är sista dagen för X?", "vilket är sista datumet"
        "sista dagen", "sista datum", "sista dag ",
        # "När ska projektet vara klart?", "När blev förstudien klar?"
        "vara klar",
        "bli klar",
        "blir klar",
        "blev klar",
        "blev den klar",
        "blir det klart",
        "vara färdig",
        "bli färdig",
        "blev färdig",
    ),
    "period": (
        "projekttid",
        "projektperiod",
        "period",
        "hur länge", "ska pågå",
        "löptid",
        "förläng",
        "ursprungliga slutdatum",
        "ursprungligen",
        "datum",
        "tidsperiod",
        "löper",
        "löpte",
        "pågick",
        "hur lång tid",
        "mer tid",
        "längre tid",
    ),
    "status": ("pågår", "pågående", "avslutat", "avslutade", "status", "fortfarande igång"),
    "participants": ("deltagare", "deltog", "inskrivna", "inskrivn"),
    "goal": (
        "målet", "målen", "mål ", "målsättning", "målvärde", "ska nås", "ska uppnås", "planerat", "var tänkt",
    ),
    "outcome": ("resultat", "uppnått", "nådde", "utfall", "hur gick det", "hur har det gått", "hur det gick"),
    # Who the project is for: answered with the sentence that says so (qa/target_group.py).
    "target_group": (
        "målgrupp", "riktar sig", "riktade sig", "riktat sig", "rikta sig", "vänder sig", "vände sig",
        "vända sig", "åldersgrupp",
        "åldrar", "ålder", "tänkt för", "avsett för", "avsedd för", "till för ", "vill nå",
    ),
    "co_financiers": (
        "medfinansiär",
        "medfinansier",
        "samverkan med",
        "samarbetspart",
        "samverkanspart",
        # "Vilka samarbetar X med?", "vilka partner har projektet?"
        "samarbetar", "samarbetade", "samverkar", "samverkade", "partner ", "partnerna", "partners",
    ),
}

#: Section type → word prefixes in a question that ask for that kind of passage.
_HOW_IT_WENT = ("funkat", "funkar", "funkade", "har fungerat")
SECTION_WORDS: dict[SectionType, tuple[str, ...]] = {
    # "Erfarenheter" are lessons of either kind.
    SectionType.SUCCESS_FACTORS: (
        "framgångsfaktor",
        "framgång",
        "lyckats",
        "fungerat bra",
        "gått bra",
        "styrkor", "positivt", "medvind",
        "erfarenhet",
        "lärt sig",
        "lärde sig",
        "lärde man sig",
        # Everyday asking for what worked: "vilka knep/tips/råd".
        "knep ",
        "knepen",
        "knepet",
        "tips",
        "råd ",
        "råden",
        # "Hur har det funkat", like "erfarenhet", asks for lessons of either kind.
        *_HOW_IT_WENT,
    ),
    SectionType.CHALLENGES: (
        "utmaning",
        "lärdom",
        "erfarenhet",
        "lärt sig",
        "lärde sig",
        "lärde man sig",
        "förbättringsområde",
        "annorlunda",  # "Vad skulle de göra annorlunda?"
        "svårighet",
        "problem",
        "hinder",
        "hindr",
        "risker",
        "fungerat mindre bra",
        "svårt", "negativt", "motvind", "svaghet", "fallgrop",
        # Lessons for the next application ("Vad ska man ta med sig till nästa ansökan?").
        "nästa ansökan",
        "kommande ansökningar",
        "ta med sig",
        "tar med sig",
        "rekommendation",
        # Spoken Swedish for trouble: "det som har krånglat".
        "krångl",
        "krångel",
        # "vad ställde till det", "vilket strul", "vad gör det knepigt", "vad har de råkat ut för".
        "ställde till",
        "ställt till",
        "ställer till",
        "strul",
        "knepig",
        "råkat ut",
        "råkade ut",
        *_HOW_IT_WENT,
    ),
    SectionType.STATUS: ("läget", "lägesbild", "lägesbeskrivning"),
    SectionType.IMPLEMENTATION: ("implementer", "ordinarie verksamhet"),
    SectionType.SUMMARY: ("sammanfattning", "slutsats"),
}

#: Abbreviations of the genre's public bodies, spelled out in a question so that it meets
#: the reports' words ("samarbetet med AF" → Arbetsförmedlingen). Upper case only.
AGENCY_ABBREVIATIONS: dict[str, str] = {
    "AF": "Arbetsförmedlingen",
    "FK": "Försäkringskassan",
    "KAA": "kommunala aktivitetsansvaret",
    "SKR": "Sveriges Kommuner och Regioner",
    "TVV": "Tillväxtverket",
}

#: Words that count as each other when judging whether passages cover a question
#: ("fick jobb" is covered by "fått anställning"). Words, stemmed when the service starts.
COVERAGE_SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("jobb", "arbete", "anställning", "sysselsättning"),
    ("tillbaka", "återgått", "återgick", "återgår", "återvänt", "återvände"),  # "kommit tillbaka till jobbet"
    ("nådde", "uppnådde", "överträffade", "klarade"),
    ("företag", "företagare", "bolag"),
    ("unga", "ungdomar"),
    # "Vilka riktar sig projektet till?" is answered by the "Målgrupp" line.
    ("målgrupp", "riktar"),
    ("period", "projekttid", "projektperiod", "tidsperiod"),
    ("deltagit", "deltagare", "deltar", "delta"),
    ("lämna", "överlämning", "överlämnade", "överlämnas"),
    # Everyday short forms: "Af", "funkat".
    ("af", "arbetsförmedlingen"),
    ("anställda", "medarbetare", "personal"),
    ("pensionär", "pensionärer", "senior", "seniorer"),
    # "innan X lades ner" is the report's "avbröts", "avslutades i förtid".
    ("lades", "lagts", "avbröts", "avbrutits", "avbrutet", "förtid"),
    ("fk", "försäkringskassan"),
    ("funka", "funkar", "funkat", "funkade", "fungera", "fungerar", "fungerat", "fungerade"),
    ("studera", "studerar", "studerat", "studier", "studierna", "plugga", "pluggar", "pluggat", "pluggade"),
    ("börja", "började", "börjat", "påbörja", "påbörjade", "påbörjat"),
    ("stötta", "stöttat", "stöttade", "stöd", "stödja", "stött", "stödet"),  # "stötta företag" / "fått stöd"
    ("gratis", "kostnadsfri", "kostnadsfritt", "kostnadsfria", "avgiftsfri", "avgiftsfritt"),
    ("spillvärme", "spillvärmen", "restvärme", "restvärmen", "överskottsvärme", "överskottsvärmen"),
    # "praktik" in upper secondary school is "arbetsplatsförlagt lärande" (APL).
    ("praktik", "praktiken", "praktikplats", "apl", "arbetsplatsförlagt", "arbetsplatsförlagd"),
    # "turistprojektet" is the report's "besöksnäring".
    ("turism", "turist", "turister", "turistnäring", "turistnäringen", "besöksnäring", "besöksnäringen"),
    ("återställa", "återställt", "återställd", "återställda", "restaurera", "restaureras", "restaurerat",
     "restaurerade", "restaurering"),
)

#: Aggregate operation → phrases that ask for it.
AGGREGATE_WORDS: dict[str, tuple[str, ...]] = {
    "min": ("minst", "lägst", "minsta", "lägsta", "billigast", "billigaste"),
    "max": ("störst", "högst", "mest", "största", "högsta", "dyrast", "dyraste"),
    "sum": (
        "sammanlagt", "sammanlagd", "totalsumma", "totalt", "tillsammans", "summan", "sammantaget", "i summa",
        "samtliga projekt", "alla projekt", "hela plattformen",
    ),
    "count": ("hur många projekt", "hur många av projekten", "antal projekt", "antalet projekt"),
    "list": (
        "vilka projekt",
        "vilka av projekten",
        "vilka är projekten",
        "lista projekten",
        "vilka esf",
        "vilka eruf",
    ),
}

#: Words meaning "the projects" collectively (a cross-project question).
#: "Vilka projekt …" asks across projects too, when it is no listing by a fact.
LIST_WORDS: tuple[str, ...] = ("vilka projekt", "vilka av projekten")
#: Words of a plain listing ("Vilka projekt ingår i plattformen?"), not content to look up
#: ("finns" and the like are question-form words already).
LISTING_WORDS: tuple[str, ...] = (
    "plattform", "ingår", "ingick", "idag",
    # The portfolio itself: "kommunens EU-projekt", "stadens projekt", "portföljen".
    "kommunens", "stadens", "eu", "portfölj",
)

ALL_PROJECTS_WORDS: tuple[str, ...] = (
    "projekten", "projekt i plattformen", "alla projekt", "plattformens projekt",
)

#: Fund names and abbreviations as they are written in reports.
FUND_WORDS: dict[str, tuple[str, ...]] = {
    "ESF": ("esf", "socialfond"),
    "ERUF": ("eruf", "regionala utvecklingsfond", "regionalfond"),
    "AMIF": ("amif", "migrations- och integrationsfond", "migrationsfond"),
    "Interreg": ("interreg",),
    "FRO": ("fro", "jtf", "rättvis omställning", "rättvisefond", "omställningsfond"),
    "Erasmus+": ("erasmus",),
    "EJFLU": ("ejflu", "jordbruksfond", "landsbygdsfond"),
    "FEAD": ("fead", "sämst ställt"),
    "LIFE": ("life",),
    "LEADER": ("leader",),
    "EHFVF": ("ehfvf", "ehff", "emff", "havsfond", "fiskerifond", "vattenbruksfond"),
}

#: A fund's family: a question about ESF projects includes those of its successor ESF+.
FUND_FAMILY: dict[str, str] = {"ESF+": "ESF", "LEADER": "EJFLU"}


def in_fund(value: object, fund: str) -> bool:
    """Whether a project's fund value belongs to the ``fund`` a question names."""
    return value == fund or FUND_FAMILY.get(str(value)) == fund


#: Words too common in project names to identify one on their own.
NAME_STOPWORDS: frozenset[str] = frozenset(
    [
        "och",
        "i",
        "för",
        "av",
        "med",
        "på",
        "till",
        "om",
        "en",
        "ett",
        "det",
        "den",
        "de",
        "projekt",
        "projektet",
        "case",
        "stad",
        "staden",
        "samverkan",
        "ökat",
        "nya",
        "ny",
        "the",
        "to",
        "of",
        "and",
    ]
)
