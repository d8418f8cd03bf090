"""Answers over the thirty-sixth held-out report (tests/fixtures/heldout36/: Markdown
with "Uppgift | Värde | Kommentar" fact tables, definition lists and bold labels in
prose; written blind and first measured before any change), added as a user adds one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout36" / "rapport_gotland_2034.md"


@pytest.fixture(scope="module")
def gotland(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def test_a_comment_column_says_who_led_before(gotland: Any) -> None:
    a = gotland.ask("Vem är projektledare för Omsorgslyftet Gotland?")
    assert "Projektledare för Omsorgslyftet Gotland är Erik Sjövall" in a.text
    assert "Tidigare projektledare har varit Maria Hejdenberg" in a.text


def test_the_grant_from_a_fund_called_by_its_everyday_name(gotland: Any) -> None:
    a = gotland.ask("Hur mycket pengar får Slitelyftet från omställningsfonden?")
    assert "24 960 tkr" in a.text


def test_the_department_owns_the_project_not_the_region(gotland: Any) -> None:
    a = gotland.ask("Vilken förvaltning äger Vägen Vidare Gotland?")
    assert "Utbildnings- och arbetslivsförvaltningen" in a.text


def test_labels_set_in_bold_inside_prose(gotland: Any) -> None:
    a = gotland.ask("Vem leder Året runt-Gotland?")
    assert "Anneli Rosvall" in a.text
