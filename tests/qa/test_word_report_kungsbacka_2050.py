"""Answers over the fifty-ninth held-out report (tests/fixtures/heldout59/: Word, every
project a Heading 1, facts mostly only in an overview table with a header row, parts as
bold run-in phrases, one project stopped early, one owned by a company named after a
description; written blind and first measured before any change), added as a user adds one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout59" / "rapport_kungsbacka_2050.docx"


@pytest.fixture(scope="module")
def kungsbacka(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def test_a_project_stopped_early_described_by_what_it_did(kungsbacka: Any) -> None:
    a = kungsbacka.ask("När lades bibliotekens digitaliseringsprojekt för arbetssökande över 50 ner?")
    assert a.answerable and "Digitalt självständig" in a.text
    assert "31 maj 2050" in a.text or "2050-05-31" in a.text


def test_an_amount_in_thousands_read_whole_and_an_owner_after_its_description(kungsbacka: Any) -> None:
    a = kungsbacka.ask("Hur stor budget hade Digitalt självständig?")
    assert a.answerable and any(f.field == "total_budget" and f.value == 6_200_000 for f in a.figures)
    b = kungsbacka.ask("Vem äger Energilyftet Hem?")
    assert b.answerable and "Kungsbackahem AB" in b.text
