"""Answers over the forty-fifth held-out report (tests/fixtures/heldout45/: a PDF with a
running header set left and right, unnumbered project titles, facts as dot-leader lines in a
proportional font, rounded amounts with the exact figure in brackets, an EHFVF project;
written blind and first measured before any change), added as a user adds one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout45" / "rapport_kristianstad_2036.pdf"


@pytest.fixture(scope="module")
def kristianstad(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def test_dot_leader_facts_give_the_exact_grant(kristianstad: Any) -> None:
    a = kristianstad.ask("Hur mycket ESF+-stöd får Vägen vidare?")
    assert a.answerable and "8 767 440 kr" in a.text
    euro = kristianstad.ask("Hur stort är EU-bidraget till våtmarksprojektet i Ekeslätten?")
    assert euro.answerable and "1 944 000 euro" in euro.text


def test_the_maritime_fund(kristianstad: Any) -> None:
    a = kristianstad.ask("Vilken fond finansierar Fiskelägen i förändring?")
    assert a.answerable and "(EHFVF)" in a.text


def test_every_project_under_an_unnumbered_title_is_found(kristianstad: Any) -> None:
    # "Yrkesväg Europa" opens with prose, then dot-leader facts; the title page is no project.
    assert kristianstad.catalog.by_name("Yrkesväg Europa")
    assert not kristianstad.catalog.by_name("Helgeåplattformen")


def test_partners_asked_for_as_authorities_and_organisations(kristianstad: Any) -> None:
    a = kristianstad.ask(
        "Vilka myndigheter och organisationer samarbetade rehabiliteringsprojektet Hela vägen med?"
    )
    assert a.answerable and "Försäkringskassan" in a.text and "Arbetsförmedlingen" in a.text
