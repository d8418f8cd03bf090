"""Answers over the thirty-fourth held-out report (tests/fixtures/heldout34/: an A4 PDF
with a cover and contents page, running header and footer, shaded fact tables or inline
labels, prose-only projects, an acting project manager; written blind and first measured
before any change), added to the session's corpus as a user adds one. Each test is a
behaviour its blind run lacked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout34" / "rapport_motala_2033.pdf"


@pytest.fixture(scope="module")
def motala(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def test_money_from_a_programme_is_the_grant_of_a_project_called_by_its_theme(motala: Any) -> None:
    a = motala.ask("Hur mycket pengar får kanalprojektet från Interreg sammanlagt för alla partner?")
    assert a.answerable and "1 232 000 euro" in a.text and "Blue Canals Baltic" in a.text


def test_a_theme_shared_by_the_town_in_every_name_is_read_by_its_description(motala: Any) -> None:
    # "Motala" is in four names; the description picks the innovation project.
    a = motala.ask("Vem är det som har lett innovationsprojektet hos Motala Näringsliv?")
    assert "Anders Wikström" in a.text


def test_an_acting_manager_after_the_manager_left(motala: Any) -> None:
    a = motala.ask("Vem håller i solcellsprojektet just nu när projektledaren har slutat?")
    assert "Per Nyhlén" in a.text


def test_an_association_runs_a_prose_project(motala: Any) -> None:
    a = motala.ask("Vem driver Bygdekraft Norrstrand?")
    assert "Norrstrands Bygderåd" in a.text
