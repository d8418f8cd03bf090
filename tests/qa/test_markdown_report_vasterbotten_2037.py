"""Answers over the forty-eighth held-out report (tests/fixtures/heldout48/: Markdown,
"### 3.1 KORTNAMN – beskrivande namn" projects, facts as bold labels stacked over their
values, periods in month names, a project not started yet and one closed early; written
blind and first measured before any change), added as a user adds one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout48" / "rapport_vasterbotten_2037.md"


@pytest.fixture(scope="module")
def vasterbotten(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def test_stacked_labels_give_the_manager(vasterbotten: Any) -> None:
    a = vasterbotten.ask("Vem är projektledare i SKOGSLYFT?")
    assert a.answerable and "Tove Mattsson" in a.text


def test_two_co_leaders(vasterbotten: Any) -> None:
    a = vasterbotten.ask("Vilka är projektledare för MALMBRO?")
    assert a.answerable and "Erik Nordmark" in a.text and "Sofia Abrahamsson" in a.text


def test_a_project_not_started_yet_is_told_so(vasterbotten: Any) -> None:
    a = vasterbotten.ask("När ska Matbron i Umeå pågå?")
    assert a.answerable and "ska pågå januari 2038" in a.text and "december 2040" in a.text


def test_a_project_closed_early_told_by_its_short_name(vasterbotten: Any) -> None:
    a = vasterbotten.ask("Vilka av projekten har avslutats i förtid?")
    assert a.answerable and "ÅTERBRUK" in a.text


def test_a_project_called_by_the_women_it_is_for(vasterbotten: Any) -> None:
    a = vasterbotten.ask("Vilken fond står för kvinnoprojektet i Vännäs?")
    assert a.answerable and "NYSTART" in a.text and "AMIF" in a.text


def test_back_to_work_is_a_return_to_work(vasterbotten: Any) -> None:
    # "kommit tillbaka till jobbet" is the report's "återgått … i arbete".
    a = vasterbotten.ask("Hur stor andel av de sjukskrivna i HÄLSOSTEG har kommit tillbaka till jobbet?")
    assert a.answerable and "38 procent återgått" in a.text
