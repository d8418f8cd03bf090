"""Answers over the sixty-fifth held-out report (tests/fixtures/heldout65/: PDF with a table
of contents, a page footer, each project on its own page under a 'Faktaruta', an Interreg
project in euro with a Norwegian partner, results in 'Indikator | Målvärde | Utfall' tables;
written blind and first measured before any change), added as a user adds one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout65" / "rapport_arvika_2056.pdf"


@pytest.fixture(scope="module")
def arvika(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def test_the_norwegian_partner_is_a_partner(arvika: Any) -> None:
    a = arvika.ask("Vilka samarbetar Gränsbron med?")
    assert a.answerable and "Glåmdal Kompetansesenter IKS" in a.text and "Kongsvinger" not in a.text


def test_a_project_called_by_what_it_does_in_the_reports_other_words(arvika: Any) -> None:
    """"spillvärmen" is the report's "restvärme"."""
    a = arvika.ask("Vilket bolag är huvudman för satsningen på att ta vara på spillvärmen från sågverket?")
    assert a.answerable and "Värmeskiftet Arvika" in a.text and "Glafsfjordens Energi AB" in a.text
