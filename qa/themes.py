"""The genre's recurring lesson themes, in the words questions and reports use for them.

Kept apart from ``qa.vocabulary`` (what a question asks for) because these words judge
what a lesson is about: a cross-project question's keyword search adds a theme's other
words (``qa.lessons.ThemeQuery``) and its coverage counts them as each other's synonyms.
"""

from __future__ import annotations

#: The genre's recurring lesson themes, in the words questions and reports use for them
#: ("folk i nyckelroller försvunnit" is the report's "personalomsättning", "hur deltagarna
#: mår" its "psykisk ohälsa"). Looser than COVERAGE_SYNONYMS: they judge whether passages
#: are about a question's theme, never what a count counts.
LESSON_THEMES: tuple[tuple[str, ...], ...] = (
    ("samarbeta", "samverka", "samarbete", "samverkan"),
    ("personalomsättning", "slutade", "slutat", "försvann", "försvunnit", "ersatts", "ersättare", "vakans",
     "vakant", "vakanser", "nyckelperson", "nyckelpersoner", "nyckelroller", "lämnade", "bytte", "tomma",
     "sårbar", "sårbart", "bytet", "byte", "överlämning", "överlappning"),
    ("mår", "må", "mående", "hälsa", "ohälsa", "psykisk", "fysisk", "kroppslig", "kroppsligt", "välmående"),
    ("digital", "digitala", "digitalt", "teknik", "teknisk", "tekniska", "app", "appar", "webb", "webbaserad",
     "webbaserade", "webbverktyg", "distans", "inloggning", "inloggningstjänster", "e-legitimation", "bankid",
     "plattform", "teams"),
    ("språk", "språket", "svenska", "svenskan", "språkkunskaper", "tolk", "modersmål", "behärskar"),
    ("arbetsgivare", "näringsliv", "näringslivet", "näringslivsinriktade", "företagen", "chefer"),
    ("utländsk", "utländska", "internationell", "internationella", "andra länder", "partnerländer",
     "utomlands"),
    # Everyday money words ("pengaflödet", "pengabekymmer") are the reports' "likviditet", "utbetalningar".
    ("ekonomi", "ekonomin", "utbetalning", "utbetalningar", "likviditet", "redovisning", "medfinansiering",
     "kassa", "kassan", "efterhand", "efterskott", "förskott", "ligga ute", "pengaflöde", "pengaflödet",
     "pengabekymmer", "pengaproblem", "pengaproblemen", "pengastrul", "pengafrågor"),
    # Finding participants: "hitta och locka deltagare" is the reports' "rekrytering", "uppsökande".
    ("rekrytera", "rekryterat", "rekrytering", "rekryteringen", "hitta", "locka", "lockar", "värva", "värvat",
     "uppsökande", "anvisningar"),
    # "pappersarbetet är betungande" is the reports' "tung administration", "tidskrävande redovisning".
    ("pappersarbete", "pappersarbetet", "administration", "administrationen", "administrativ",
     "administrativa", "dokumentation", "rapportering", "byråkrati", "tidredovisning"),
    ("betungande", "tung", "tungt", "tunga", "tidskrävande", "krävande", "belastning"),
    ("glesbygd", "glesbygden", "landsbygd", "landsbygden", "byar", "byarna", "inlandet", "avlägsna"),
    ("skydda", "skyddar", "sårbar", "sårbart", "sårbarhet", "sårbarheten", "beroende"),
    ("leva kvar", "lever vidare", "implementering", "implementera", "ordinarie verksamhet", "ordinarie",
     "permanent", "permanenta", "efter projektslut", "föras över", "förs över", "vid liv", "behålla"),
    # Public procurement as the reports tell it: bids, appeals, contractors.
    ("upphandling", "upphandlingen", "upphandlingar", "anbud", "anbuden", "överprövning", "överprövade",
     "entreprenad", "entreprenör", "leverantör", "leverantörer"),
)
