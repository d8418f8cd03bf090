"""Projects called by initials the reports never define ("VTA", "DSF")."""

from __future__ import annotations

import pytest

from qa.initialisms import fits_name, initialism_mentions
from qa.types import ProjectRef
from qa.understanding import ProjectCatalog

pytestmark = pytest.mark.unit

NAMES = ["Vasaloppsvägen till arbete", "Digitala Siljansföretag", "Vätgasnod Österdalarna",
         "Dalarnas Skogsfond"]


@pytest.mark.parametrize(
    ("initials", "name", "fits"),
    [
        ("VTA", "Vasaloppsvägen till arbete", True),
        ("VA", "Vasaloppsvägen till arbete", True),  # a small word may be left out
        ("VT", "Vasaloppsvägen till arbete", False),  # every other word gives its letter
        ("DSF", "Digitala Siljansföretag", True),  # a compound's later part gives one too
        ("DS", "Digitala Siljansföretag", True),
        ("SF", "Digitala Siljansföretag", False),  # the first word gives the first letter
        ("VTA", "Vätgasnod Österdalarna", False),
    ],
)
def test_initials_fit_a_names_words_and_compound_parts(initials: str, name: str, fits: bool) -> None:
    assert fits_name(initials, name) is fits


def test_only_capital_initials_fitting_one_name_and_meaning_nothing_else_call_a_project() -> None:
    assert initialism_mentions("Vem leder VTA-projektet?", NAMES, frozenset()) == {"VTA": NAMES[0]}
    # Not written as initials: no project.
    assert initialism_mentions("Vem leder vta-projektet?", NAMES, frozenset()) == {}
    # "DSF" fits two names ("Dalarnas Skogsfond" too): no project is meant.
    assert initialism_mentions("Hur mycket får DSF?", NAMES, frozenset()) == {}
    assert initialism_mentions("Hur mycket får DSF?", NAMES[:3], frozenset({"dsf"})) == {}  # reserved


def test_the_catalog_links_a_project_called_by_its_initials() -> None:
    refs = [ProjectRef("r", n) for n in NAMES[:3]]
    catalog = ProjectCatalog(refs)
    names, rest, _ = catalog.link("Hur mycket får DSF från Regionalfonden?")
    assert names == ["Digitala Siljansföretag"]
    assert "dsf" not in rest
    # A fund's initials are never a project's, even where they would fit one.
    assert catalog.link("Vilka projekt får pengar från ESF?")[0] == []
