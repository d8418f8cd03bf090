"""Answers over the fifty-seventh held-out report (tests/fixtures/heldout57/: PDF, each
project on its own page under 'PROJEKT: NAMN', a lined facts grid, part titles ending in a
colon on their own line inside the paragraph text ('Nuläge:', 'Utmaningar:'), amounts in
MSEK, tkr and euro; written blind and first measured before any change), added as a user
adds one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout57" / "rapport_alingsas_2048.pdf"


@pytest.fixture(scope="module")
def alingsas(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def test_part_titles_inside_pdf_paragraphs_open_parts(alingsas: Any) -> None:
    a = alingsas.ask("Vilka utmaningar har Steget Vidare haft?")
    assert a.answerable and a.citations[0].passage.chunk.section_title == "Utmaningar"
    assert "Jonas Kärrström lämnade sin tjänst" in a.text


def test_what_eu_goes_in_with_in_euro(alingsas: Any) -> None:
    a = alingsas.ask("Hur många euro går EU in med i Säveåprojektet?")
    assert a.answerable and "1 410 000 euro" in a.text.replace("\u00a0", " ")


def test_a_grant_stated_as_a_share_is_not_called_missing(alingsas: Any) -> None:
    """"EU-finansiering: 56 procent av den totala budgeten": the grant is stated, as a share,
    of a project read from its description and places."""
    a = alingsas.ask("Hur stor del av pengarna i bygdeprojektet i Sollebrunn, Hemsjö och Gräfsnäs kommer "
                     "från EU?")
    assert a.answerable and "Levande byar i Mjörnbygden" in a.text
    assert "anger inte" not in a.text and "nämner inte" not in a.text
