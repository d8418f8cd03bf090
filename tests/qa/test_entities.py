""""Vilka företag …?" needs names in the passages, not just a count (made-up sentences)."""

from __future__ import annotations

import pytest

from qa.entities import asked_entity, lowercase_words, names_any

pytestmark = pytest.mark.unit

ORDINARY = lowercase_words(["projektet har hittills nått många företag och att para ihop dem"])


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("Vilka företag har deltagit?", ("företag", "företag")),
        ("Vilka vårdcentraler deltar i projektet?", ("vårdcentral", "vårdcentraler")),
        ("vilka skolor ingår?", ("skol", "skolor")),
        ("Vilka aktörer driver projektet i samverkan med?", None),  # role word: not checked
        ("Vilka utmaningar hade projekten?", None),
        ("Hur många företag deltog?", None),
        ("Vad heter de elva nya företag som startats?", ("företag", "företag")),
        ("Vilka projekt stöttar företag?", None),  # asks for projects, not companies
        ("Vilket företag fick leverera modulerna?", ("företag", "företag")),
        ("Vilken förening driver projektet?", ("förening", "förening")),
    ],
)
def test_asked_entity(question: str, asked: tuple[str, str] | None) -> None:
    assert asked_entity(question) == asked


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Hittills har 97 företag deltagit, varav 38 drivs av kvinnor.", False),
        ("Bland deltagarna finns företag som Bergkvist Bygg och Nordkap Foto.", True),
        ("Vårdcentralerna i Kvarnby och Oxie deltar sedan hösten.", True),
        # a name before the noun is something else
        ("Almi, som kan erbjuda företagen finansiering, är medfinansiär.", False),
        # the place the question names is no answer
        ("Vårdcentralerna i Lund avsätter personal.", False),
    ],
)
def test_names_any(text: str, named: bool) -> None:
    entity = "vårdcentral" if text.startswith("Vårdcentral") else "företag"
    assert names_any(entity, [text], ["Vilka", "finns", "i", "Lund", "Projektet"], ORDINARY) is named
