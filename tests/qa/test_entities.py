""""Vilka företag …?" needs names in the passages, not just a count (made-up sentences)."""

from __future__ import annotations

import pytest

from qa.entities import WIDESPREAD, asked_entity, lowercase_words, names_any, widespread_words

pytestmark = pytest.mark.unit

ORDINARY = lowercase_words(["projektet har hittills nått många företag och att para ihop dem"])


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("Vilka företag har deltagit?", ("företag", "inga företag vid namn")),
        ("Vilka vårdcentraler deltar i projektet?", ("vårdcentral", "inga vårdcentraler vid namn")),
        ("vilka skolor ingår?", ("skol", "inga skolor vid namn")),
        ("Vilka aktörer driver projektet i samverkan med?", None),  # role word: not checked
        ("Vilka utmaningar hade projekten?", None),
        ("Hur många företag deltog?", None),
        ("Vad heter de elva nya företag som startats?", ("företag", "inga företag vid namn")),
        ("Vilka projekt stöttar företag?", None),  # asks for projects, not companies
        ("Vilket företag fick leverera modulerna?", ("företag", "inget företag vid namn")),
        ("Vilken förening driver projektet?", ("förening", "ingen förening vid namn")),
        # any noun's name: its head noun, before the preposition
        (
            "Vad heter den externa utvärderaren för projektet?",
            ("utvärderar", "inte vad den externa utvärderaren heter"),
        ),
        ("Vad heter chefen i Lund?", ("chef", "inte vad chefen heter")),
        ("Vem är Språkbron till för?", None),  # who it serves: the target group
        (
            "Vem är kommunstyrelsens ordförande i Lund?",
            ("ordföran", "inte vem som är kommunstyrelsens ordförande"),
        ),
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


def test_a_word_in_many_projects_texts_is_the_place_not_a_name() -> None:
    chunks = [("r", f"Projekt {i}", f"Projektet i Bäckby har nått {i} deltagare.") for i in range(WIDESPREAD)]
    chunks += [("r", "Utbyte Bäckby–Tartu", "Eleverna från Tartu bodde hos familjer."),
               ("s", "Annat", "Tartu nämns i en annan rapport.")]
    words = widespread_words(chunks)
    assert "bäckby" in words  # in every project's text: the town
    assert "tartu" not in words  # in two projects' texts, one of each report: a name
