"""Answers over the sixty-first held-out report (tests/fixtures/heldout61/: PDF with a
running header, projects running across page breaks, dot-leader fact lines, an overview
table whose cells wrap; written blind and first measured before any change), added as a
user adds one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout61" / "rapport_landskrona_2052.pdf"


@pytest.fixture(scope="module")
def landskrona(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def test_an_owner_from_prose_not_a_wrapped_table_cell(landskrona: Any) -> None:
    a = landskrona.ask("Vem äger Unga Röster över Sundet?")
    assert a.answerable and "Kultur- och fritidsförvaltningen" in a.text


def test_an_erasmus_grant_is_the_eu_funding(landskrona: Any) -> None:
    a = landskrona.ask("Hur mycket EU-stöd får Unga Röster över Sundet?")
    assert a.answerable and any(f.field == "eu_funding" and f.value == 1_240_000 for f in a.figures)


def test_a_count_asked_with_a_success_word_is_quoted_from_the_results(landskrona: Any) -> None:
    a = landskrona.ask("Hur många företag har Klimatkliv Industri Landskrona lyckats nå så här långt?")
    assert a.answerable and "38 företag" in a.text
