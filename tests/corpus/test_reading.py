"""Reading report files: encodings, bad input, ids, titles, years and periods."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.errors import CorpusError, ReportReadError
from corpus.normalise import normalise
from corpus.reading import find_period, find_year, parse_report, read_report

pytestmark = pytest.mark.unit

SAMPLE = "Rapport 2020 – Testplattformen\n\nBakgrund\n\nPlattformen omfattar perioden juni 2019-maj 2020.\n"


def test_reads_utf8_txt_and_md(tmp_path: Path) -> None:
    for name in ("rapport_a.txt", "rapport_b.md"):
        path = tmp_path / name
        path.write_text(SAMPLE, encoding="utf-8")
        report = read_report(path)
        assert report.id == path.stem and report.source_name == name
        assert report.title == "Rapport 2020 – Testplattformen" and report.year == 2020
        assert report.period == "juni 2019-maj 2020"


def test_reads_bom_and_cp1252(tmp_path: Path) -> None:
    bom = tmp_path / "bom.txt"
    bom.write_bytes("\ufeff".encode() + SAMPLE.encode("utf-8"))
    assert read_report(bom).title.startswith("Rapport 2020")
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes(SAMPLE.encode("cp1252"))
    assert "Bakgrund" in read_report(legacy).text


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"", "tom"),
        (b"   \n\t\n  ", "tom"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binära"),
        (bytes(range(1, 32)) * 20, "binära"),
    ],
)
def test_bad_files_raise_clear_errors(tmp_path: Path, content: bytes, fragment: str) -> None:
    path = tmp_path / "trasig.txt"
    path.write_bytes(content)
    with pytest.raises(ReportReadError) as info:
        read_report(path)
    assert isinstance(info.value, CorpusError)
    assert fragment in info.value.user_message and "trasig.txt" in info.value.user_message
    assert "trasig.txt" in info.value.message


def test_unsupported_suffix_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReportReadError, match="unsupported"):
        read_report(tmp_path / "rapport.odt")
    with pytest.raises(ReportReadError, match="cannot open"):
        read_report(tmp_path / "saknas.txt")


def test_parse_rejects_empty_text() -> None:
    with pytest.raises(ReportReadError):
        parse_report("tom", "  \n ")


def test_year_from_title_then_date_then_most_mentioned() -> None:
    assert find_year("Rapport 2019 – X", "Datum: 2018-01-01") == 2019
    assert find_year("Lägesbeskrivning", "Upprättad\nDatum: 2018-08-18\n") == 2018
    assert find_year("Okänd", "Under 2017 och 2017 samt 2016.") == 2017
    assert find_year("Okänd", "Inga årtal här.") is None


def test_a_yearly_report_is_of_the_year_its_title_page_names_not_the_year_it_was_signed() -> None:
    page = ("KARLSTADS KOMMUN\nKommunledningskontoret\n\n   EU-PROJEKT I KOMMUNEN\n   Årsuppföljning 2018"
            "\n\nDatum:   2019-03-22\n\n1 INLEDNING\n\nUppföljningen skrevs 2019 och 2019.")
    assert find_year("KARLSTADS KOMMUN", page) == 2018
    assert find_year("X", "X\n\nLägesrapport för verksamhetsåret 2028\n\nFastställd 2029-02-12") == 2028
    report = parse_report("rapport_k", page)
    assert report.year == 2018 and report.title == "KARLSTADS KOMMUN – Årsuppföljning 2018"


def test_period_as_written() -> None:
    assert find_period("Rapporten omfattar perioden *juni 2018-maj 2019* och mer.") == "juni 2018-maj 2019"
    assert find_period("Under den aktuella perioden, juni 2018 – maj 2019, har") == "juni 2018 – maj 2019"
    assert find_period("Ingen period.") is None


def test_whitespace_normalisation_keeps_words_and_table_tabs() -> None:
    raw = "Rubrik  med\u00a0mellanrum   \r\n\r\n\r\n\r\nNamn \t Fond\t\t12 Mkr\r\nText  här.  "
    text = normalise(raw).text
    assert text == "Rubrik med mellanrum\n\nNamn\tFond\t\t12 Mkr\nText här."


def test_toc_without_heading_is_removed_when_it_has_leaders() -> None:
    toc = "Bakgrund ..... 3\nProjekt A ..... 4\nProjektfakta ..... 4\nResultat ..... 5"
    raw = f"Titel\n\n{toc}\n\nBakgrund\n\nText."
    norm = normalise(raw)
    assert norm.text == "Titel\n\nBakgrund\n\nText."
    assert [e.title for e in norm.toc] == ["Bakgrund", "Projekt A", "Projektfakta", "Resultat"]


def _wrapped(words: list[str], width: int = 60) -> list[str]:
    lines, line = [], ""
    for w in words:
        if line and len(line) + 1 + len(w) > width:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}".strip()
    return [*lines, line]


def test_hard_wrapped_paragraphs_are_joined_but_lists_and_key_values_kept() -> None:
    sentence = (
        "Projektet har under året arbetat med att nå fler deltagare genom föreningar och "
        "fritidsgårdar, och det har gett resultat. Nästa steg är att följa upp dem."
    )
    paragraph = _wrapped(sentence.split())
    facts = ["Projektägare: Socialförvaltningen", "Projektledare: Anna Berg", "Fond: ERUF"]
    bullets = ["- Första punkten", "- Andra punkten"]
    raw = "\n\n".join("\n".join(block) for block in [["Rubrik"], paragraph, facts, bullets] * 8)
    text = normalise(raw).text
    assert sentence in text
    assert "\n".join(facts) in text and "\n".join(bullets) in text
    # One paragraph per line stays as written (nothing wrapped there).
    unwrapped = "\n\n".join([sentence, "\n".join(facts)] * 8)
    assert normalise(unwrapped).text == unwrapped


def test_toc_without_page_numbers_is_removed_under_its_heading() -> None:
    raw = "Titel\n\nINNEHÅLL\n1 Om rapporten\n2 Projekten\n3 Ekonomi\n\n1 OM RAPPORTEN\n\nText här."
    norm = normalise(raw)
    assert "2 Projekten" not in norm.text and [e.title for e in norm.toc][:2] == [
        "1 Om rapporten",
        "2 Projekten",
    ]


def test_a_layout_the_parser_trips_on_is_still_read_as_plain_text(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import corpus.reading

    def broken(*args: object) -> None:
        raise ValueError("a layout nobody foresaw")

    monkeypatch.setattr(corpus.reading, "build_projects", broken)
    text = "Rapport 2030\n\nProjekt Alfa\n\nProjektfakta\n\nAlfa ägs av X.\n"
    report = parse_report("r", text)
    assert report.projects == [] and len(report.sections) == 1
    assert "Alfa ägs av X." in report.text and report.year == 2030
    assert "structure not understood" in caplog.text
