"""Answers over the twenty-sixth held-out report (tests/fixtures/heldout26/: Markdown with a
chapter per fund, facts as definition lists or bold run-in labels, result tables; written
blind and first measured before any change), added to the session's corpus as a user adds
one. Each test is a behaviour its blind run lacked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from qa.service import Trace

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout26" / "rapport_trollhattan_2032.md"


@pytest.fixture(scope="module")
def trollhattan(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def test_facts_given_as_definition_lists_are_exact(trollhattan: Any) -> None:
    # "Total budget" / ": 14 286 400 kr": before, the overview table's "14 286" tkr stood in.
    trace = Trace()
    a = trollhattan.ask("Hur stor var den totala budgeten för Steget Vidare?", trace=trace)
    assert a.answerable and trace.path == "facts" and "14 286 400 kr" in a.text
    b = trollhattan.ask("Hur mycket pengar kommer från Regionalfonden till Smarta Kajen?")
    assert b.answerable and "9 840 000 kr" in b.text


def test_an_amount_no_partner_is_said_to_bring_is_not_answered_with_their_names(trollhattan: Any) -> None:
    # The report names Smarta Kajen's co-financiers but no amount for the owner's own part.
    a = trollhattan.ask("Hur mycket medfinansierar Trollhättan Energi AB själv i Smarta Kajen?")
    assert not a.answerable and a.citations == [] and a.suggestions


def test_a_status_note_is_no_part_of_the_name(trollhattan: Any) -> None:
    a = trollhattan.ask("Vem äger Föräldrakraft?")
    assert a.answerable and "Socialförvaltningen" in a.text and "beviljat" not in a.text
