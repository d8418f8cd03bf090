"""Answers over the tenth held-out report (tests/fixtures/heldout10/: a PDF with justified
text, written blind and first measured again, still unseen, after the ninth report's
fixes), added to the session's corpus as a user adds one. Each test is a behaviour its
blind runs lacked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout10" / "rapport_umea_2027.pdf"


@pytest.fixture(scope="module")
def umea(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def fields(answer: Any) -> dict[str, Any]:
    return {f.field: f.value for f in answer.figures}


def test_owner_of_a_unit_and_the_period_from_justified_prose(umea: Any) -> None:
    a = umea.ask("Vem äger Rätt stöd direkt och hur länge pågår projektet?")
    assert a.answerable and fields(a)["owner"] == "Socialtjänsten" and fields(a)["end_date"] == "2028-12-31"


def test_an_extended_period_on_its_own_label_line_is_the_new_end(umea: Any) -> None:
    a = umea.ask("Varför har Stadsliv Ersboda förlängts och vilket är det nya slutdatumet?")
    assert a.answerable and "2028-03-31" in a.text


def test_a_count_of_employees_is_stated_as_co_workers(umea: Any) -> None:
    a = umea.ask("Hur många anställda i äldreomsorgen deltog i Språkbron, jämfört med vad som var planerat?")
    assert a.answerable and "351" in a.text


def test_how_many_of_the_municipalitys_eu_projects_is_a_count(umea: Any) -> None:
    a = umea.ask("Hur många av kommunens EU-projekt får pengar från Regionalfonden, och vilka är det?")
    assert a.answerable and "Stadsliv Ersboda" in a.text and "Grön omställning i småföretag" in a.text


def test_the_cost_of_something_no_sentence_prices_is_declined(umea: Any) -> None:
    # The lighting is described, its cost is not; the project's budget is no answer.
    a = umea.ask("Vad kostade den nya belysningen längs gångstråket på Ersboda?")
    assert not a.answerable and a.suggestions
