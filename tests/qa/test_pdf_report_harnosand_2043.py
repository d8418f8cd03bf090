"""Answers over the fifty-third held-out report (tests/fixtures/heldout53/: a justified PDF
whose words are hyphenated at line ends, fact boxes, bold italic run-in parts 'Läge.',
'Lyckat.', one LEADER project in named villages; written blind and first measured before
any change), added as a user adds one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout53" / "rapport_harnosand_2043.pdf"


@pytest.fixture(scope="module")
def harnosand(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def test_hyphenated_words_are_whole_in_passages(harnosand: Any) -> None:
    chunks = [c for c in harnosand.retriever.chunks.values() if c.report_id == "rapport_harnosand_2043"]
    text = " ".join(c.text for c in chunks)
    assert "inskrivna" in text and "in- skrivna" not in text


def test_lyckat_is_a_success_factor(harnosand: Any) -> None:
    a = harnosand.ask("Vad har lyckats i Digitalt Kliv?")
    assert a.answerable and a.citations[0].passage.chunk.section_type.value == "success_factors"
    assert "Personliga besök" in a.citations[0].passage.chunk.text


def test_a_project_named_by_its_villages(harnosand: Any) -> None:
    a = harnosand.ask("Varifrån kommer EU-stödet till byautvecklingen i Sörnäset, Granvik och Ulvbäcken?")
    assert a.answerable and "Levande Byar Härnö" in a.text and "Leader Kustlandet" in a.text
