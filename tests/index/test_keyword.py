"""The keyword index: Swedish BM25 over chunk ids, filters, and save/load without pickle."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from index.keyword import KeywordIndex

pytestmark = pytest.mark.unit

IDS = ["c1", "c2", "c3", "c4", "c5"]
TEXTS = [
    "Projektet erbjöd yrkesutbildning inom vård och omsorg.",
    "Utbildningen av handledare genomfördes under hösten.",
    "Nya samverkansformer med näringslivet prövades.",
    "Budgeten uppgick till 4 512 300 kronor.",
    "Kommunikationen med kommunens förvaltningar fungerade väl.",
]


@pytest.fixture(scope="module")
def index() -> KeywordIndex:
    return KeywordIndex.build(IDS, TEXTS)


def ids_of(hits: list[tuple[str, float]]) -> list[str]:
    return [cid for cid, _ in hits]


def test_stemmed_query_finds_inflected_and_compound_forms(index: KeywordIndex) -> None:
    assert set(ids_of(index.search("utbildningar", k=5))) == {"c1", "c2"}


def test_a_compound_no_text_writes_is_searched_by_its_known_parts(index: KeywordIndex) -> None:
    # "omsorgsutbildningen" is in no text; "utbildning" and "omsorg" are.
    hits = ids_of(index.search("omsorgsutbildningen", k=5))
    assert hits[0] == "c1" and set(hits) == {"c1", "c2"}
    # A word the texts use stays whole: no "bildning" out of "utbildningen".
    assert index.query_terms("utbildningen") == index.analyzer.analyze("utbildningen")


def test_scores_are_positive_and_descending(index: KeywordIndex) -> None:
    hits = index.search("samverkan med näringslivet", k=5)
    assert hits[0][0] == "c3"
    scores = [s for _, s in hits]
    assert all(s > 0 for s in scores) and scores == sorted(scores, reverse=True)


def test_allowed_ids_restrict_results(index: KeywordIndex) -> None:
    assert ids_of(index.search("utbildning", k=5, allowed_ids={"c2", "c4"})) == ["c2"]
    assert index.search("utbildning", k=5, allowed_ids=set()) == []


def test_k_limits_and_no_match_gives_nothing(index: KeywordIndex) -> None:
    assert len(index.search("utbildning", k=1)) == 1
    assert index.search("och att som", k=5) == []  # stopwords only
    assert index.search("zebraförsäkring", k=5) == []
    assert index.search("utbildning", k=0) == []


def test_numbers_are_searchable(index: KeywordIndex) -> None:
    assert ids_of(index.search("4 512 300", k=1)) == ["c4"]


def test_no_over_matching_on_a_shared_prefix(index: KeywordIndex) -> None:
    # "kommun" must not reach "kommunikationen" through decompounding; it does reach
    # "kommunens" by stemming.
    assert ids_of(index.search("kommun", k=5)) == ["c5"]
    hits_for_kommunikation = ids_of(index.search("kommunikation", k=5))
    assert hits_for_kommunikation == ["c5"]


def test_save_load_gives_identical_results_and_still_stems_swedish(
    index: KeywordIndex, tmp_path: Path
) -> None:
    index.save(tmp_path / "kw")
    again = KeywordIndex.load(tmp_path / "kw")
    for query in ["utbildningar", "samverkan", "budgeten", "handledarna", "kommunens förvaltning"]:
        assert again.search(query, k=5) == index.search(query, k=5)
    # Swedish stemming survives: "förvaltningarna" only matches as the stem "förvaltning".
    assert ids_of(again.search("förvaltningarna", k=5)) == ["c5"]


def test_saved_files_hold_no_pickle(index: KeywordIndex, tmp_path: Path) -> None:
    index.save(tmp_path / "kw")
    names = sorted(p.name for p in (tmp_path / "kw").iterdir())
    assert all(n.endswith((".json", ".npy")) for n in names), names
    meta = json.loads((tmp_path / "kw" / "keyword.json").read_text(encoding="utf-8"))
    assert meta["ids"] == IDS and meta["analyzer"]["stemmer"] == "swedish"


def test_load_refuses_a_mismatched_id_list(index: KeywordIndex, tmp_path: Path) -> None:
    index.save(tmp_path / "kw")
    meta_path = tmp_path / "kw" / "keyword.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["ids"] = meta["ids"][:-1]
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(ValueError, match="ids"):
        KeywordIndex.load(tmp_path / "kw")


@pytest.mark.parametrize(
    ("ids", "texts", "message"),
    [([], [], "no chunks"), (["a", "a"], ["x", "y"], "duplicate"), (["a"], ["x", "y"], "texts")],
)
def test_bad_build_input_is_refused(ids: list[str], texts: list[str], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        KeywordIndex.build(ids, texts)
