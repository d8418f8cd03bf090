"""Answers over the thirty-second held-out report (tests/fixtures/heldout32/: Markdown
with YAML front matter, a chapter per fund with projects as level-4 headings and their
acronyms, facts as tables, bold bullets or prose, lone prose projects under their fund's
chapter; written blind and first measured before any change), added to the session's
corpus as a user adds one. Each test is a behaviour its blind run lacked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout32" / "rapport_norrtalje_2033.md"


@pytest.fixture(scope="module")
def norrtalje(service_with_report: Callable[[Path], Any]) -> Any:
    return service_with_report(REPORT)


def test_the_current_manager_asked_with_words_of_the_change(norrtalje: Any) -> None:
    q = "Vem är det som leder ungdomsprojektet VIR numera, efter bytet av projektledare under 2033?"
    a = norrtalje.ask(q)
    assert a.answerable and "Linnea Dahlgren" in a.text


def test_a_project_named_in_part_and_described_in_the_rest(norrtalje: Any) -> None:
    a = norrtalje.ask("Vem är projektledare för kompetenslyftet i industriföretagen?")
    assert "Petra Nyholm" in a.text


def test_a_lone_prose_project_under_its_fund_chapter_has_its_facts(norrtalje: Any) -> None:
    a = norrtalje.ask("Hur stort EU-bidrag har Ny i Norrtälje fått beviljat?")
    assert "3 150 000 kr" in a.text


def test_a_grant_the_report_does_not_state_is_declined(norrtalje: Any) -> None:
    # The total and the fund are stated, the ESF+ amount is not.
    a = norrtalje.ask("Hur mycket ESF+-stöd har samordningsförbundet fått till HVH?")
    assert not a.answerable and "Hela vägen hem" in a.text


def test_the_cost_of_something_no_passage_prices_is_declined(norrtalje: Any) -> None:
    a = norrtalje.ask("Vad kostade laddstationen för lastbilar i Bergsnäs?")
    assert not a.answerable


def test_an_end_date_written_as_the_report_writes_it(norrtalje: Any) -> None:
    # "När tar … slut": a particle verb split by its subject; the report spells its dates.
    a = norrtalje.ask("När tar avloppsprojektet i skärgården slut?")
    assert "31 juli 2034" in a.text and "2034-07-31" in {f.value for f in a.figures}
