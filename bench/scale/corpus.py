"""Build a synthetic news crawl of any size by recombining real article text (Indonesian and English).

    .venv/bin/python -m bench.scale.corpus --documents 10000 --out bench/out/scale/corpus-10k

Sources, read in place from ../shared/data (never copied into the project): IndoSum articles (Indonesian; CNN
Indonesia, Kumparan, Antaranews, ...) and DUC 2004 newswire plus ECB+ web news (English). Each synthetic *story*
starts from one real article; it is reported by one to six outlets, each report keeping the article's lead, a
random majority of its other paragraphs in order, and one paragraph borrowed from another article of the same
language (the "related news" a page carries). Stories are spread over time at `--per-day` documents a day, so a
large corpus spans months and the event clusterer's time window retires old events as it would on a real crawl.

Output: WARC.gz shards of HTML pages (the Common Crawl News layout, so that trafilatura alone can be measured on
exactly the same bytes), or with `--format mixed` a third each as WARC shards, JSON-lines shards and text files.
The generated corpus stays under bench/out/ (ignored by git) and is derived from data that may not be
redistributed: do not publish it.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from io import BytesIO
from pathlib import Path

from bench.shared_data import require_dataset

# Documents per WARC / JSON-lines shard, and text files per folder (a Common Crawl News WARC holds thousands).
SHARD_DOCUMENTS = 1000
# Reports per story: weights for 1..6 outlets (most stories are covered once or twice, a few widely).
REPORTS_WEIGHTS = [30, 25, 18, 12, 9, 6]
# Share of a source article's non-lead paragraphs each report keeps.
KEEP_PARAGRAPHS = 0.7
# English sentences per paragraph where the source has no paragraph breaks (DUC newswire).
SENTENCES_PER_PARAGRAPH = 3

OUTLETS = {
    "id": ["kompas.example", "detik.example", "antaranews.example", "tempo.example", "kumparan.example",
           "cnnindonesia.example", "merdeka.example", "suara.example"],
    "en": ["apnews.example", "reuters.example", "nytimes.example", "xinhua.example", "guardian.example",
           "jakartapost.example"],
}  # fmt: skip

_SPACE_BEFORE = re.compile(r" ([.,;:!?%)\]])")
_SPACE_AFTER = re.compile(r"([(\[]) ")
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’]))\s+(?=[A-Z\"“‘`])")


@dataclass(slots=True)
class Article:
    language: str
    title: str
    paragraphs: list[str]


def _detokenise(tokens: list[str]) -> str:
    text = " ".join(tokens)
    text = _SPACE_BEFORE.sub(r"\1", text)
    text = _SPACE_AFTER.sub(r"\1", text)
    # Straight quotes come as separate tokens: attach each opening quote to the word after it and each closing
    # quote to the word before it.
    parts = text.split(' " ')
    if len(parts) > 1:
        text = parts[0]
        for index, part in enumerate(parts[1:]):
            text += (' "' if index % 2 == 0 else '" ') + part
    return text.replace(" n't", "n't").replace(" 's", "'s")


def indosum_articles() -> Iterator[Article]:
    root = require_dataset("indosum")
    for path in sorted(root.glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                paragraphs = [
                    " ".join(_detokenise(sentence) for sentence in paragraph)
                    for paragraph in record["paragraphs"]
                ]
                slug = re.sub(r"^\d+-", "", record["id"]).replace("-", " ").strip()
                title = slug[:1].upper() + slug[1:]
                if len(paragraphs) >= 3:
                    yield Article("id", title, paragraphs)


def _title_from(text: str) -> str:
    words = text.split()
    return " ".join(words[:10]).rstrip(",.;:")


def duc_articles() -> Iterator[Article]:
    root = require_dataset("duc2004")
    for path in sorted(root.glob("task*/docs/*/*")):
        raw = path.read_text(encoding="utf-8", errors="replace")
        match = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.DOTALL)
        if not match:
            continue
        body = re.sub(r"<[^>]+>", " ", match.group(1))
        body = " ".join(body.split()).replace("``", "“").replace("''", "”")
        sentences = _SENTENCE_END.split(body)
        paragraphs = [
            " ".join(sentences[i : i + SENTENCES_PER_PARAGRAPH])
            for i in range(0, len(sentences), SENTENCES_PER_PARAGRAPH)
        ]
        if len(paragraphs) >= 3:
            yield Article("en", _title_from(sentences[0]), paragraphs)


def ecbplus_articles() -> Iterator[Article]:
    root = require_dataset("ecbplus")
    token = re.compile(r'<token[^>]*sentence="(\d+)"[^>]*>([^<]*)</token>')
    for path in sorted(root.glob("docs/*/*.xml")):
        sentences: dict[int, list[str]] = {}
        for number, word in token.findall(path.read_text(encoding="utf-8", errors="replace")):
            sentences.setdefault(int(number), []).append(html.unescape(word))
        texts = [_detokenise(words) for _, words in sorted(sentences.items())]
        if len(texts) < 4:
            continue
        # ECB+ sentence 0 is usually the headline; the body follows, two sentences a paragraph.
        paragraphs = [" ".join(texts[i : i + 2]) for i in range(1, len(texts), 2)]
        if len(paragraphs) >= 3:
            yield Article("en", texts[0], paragraphs)


@dataclass(slots=True)
class Report:
    language: str
    outlet: str
    url: str
    title: str
    published: datetime
    paragraphs: list[str]


def reports(documents: int, *, per_day: int, seed: int) -> Iterator[Report]:
    """`documents` reports of stories recombined from the real articles, in publication order."""
    rng = random.Random(seed)
    pools = {
        "id": list(indosum_articles()),
        "en": [*duc_articles(), *ecbplus_articles()],
    }
    for pool in pools.values():
        rng.shuffle(pool)
    # The languages alternate in proportion to the pools (about 3 Indonesian to 2 English).
    total = sum(len(pool) for pool in pools.values())
    cursor = {language: 0 for language in pools}
    start = datetime(2024, 1, 1, tzinfo=UTC)
    seconds_per_document = 86400 / per_day
    made = 0
    story = 0
    while made < documents:
        language = "id" if rng.random() < len(pools["id"]) / total else "en"
        pool = pools[language]
        article = pool[cursor[language] % len(pool)]
        cursor[language] += 1
        story_time = start + timedelta(seconds=made * seconds_per_document)
        outlets = rng.sample(OUTLETS[language], k=min(len(OUTLETS[language]), 1 + _weighted(rng)))
        for outlet in outlets:
            if made >= documents:
                break
            lead, rest = article.paragraphs[0], article.paragraphs[1:]
            kept = [p for p in rest if rng.random() < KEEP_PARAGRAPHS] or rest[:1]
            borrowed = rng.choice(pool).paragraphs
            paragraphs = [lead, *kept, rng.choice(borrowed)]
            published = story_time + timedelta(minutes=rng.randint(0, 36 * 60))
            yield Report(
                language=language,
                outlet=outlet,
                url=f"https://{outlet}/{published:%Y/%m/%d}/story-{story}-{made}",
                title=article.title,
                published=published,
                paragraphs=paragraphs,
            )
            made += 1
        story += 1


def _weighted(rng: random.Random) -> int:
    return rng.choices(range(len(REPORTS_WEIGHTS)), weights=REPORTS_WEIGHTS)[0]


def render_html(report: Report) -> str:
    """A news page: the article between site chrome (navigation, related links, footer), as crawled."""
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in report.paragraphs)
    title = html.escape(report.title)
    return (
        f'<!doctype html><html lang="{report.language}"><head><meta charset="utf-8"><title>{title} - '
        f"{report.outlet}</title>"
        f'<meta property="og:site_name" content="{report.outlet}">'
        f'<meta property="article:published_time" content="{report.published.isoformat()}"></head>'
        f'<body><header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>'
        f"<main><article><h1>{title}</h1><time>{report.published:%d %B %Y %H:%M}</time>\n{body}</article>"
        f'<aside><h3>Related</h3><ul><li><a href="/a">Most read today</a></li></ul></aside></main>'
        f"<footer>© {report.published:%Y} {report.outlet}. All rights reserved.</footer></body></html>"
    )


class _WarcShard:
    def __init__(self, path: Path) -> None:
        from warcio.warcwriter import WARCWriter

        self._file = path.open("wb")
        self._writer = WARCWriter(self._file, gzip=True)

    def add(self, report: Report) -> None:
        from warcio.statusandheaders import StatusAndHeaders

        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        payload = BytesIO(render_html(report).encode("utf-8"))
        record = self._writer.create_warc_record(
            report.url, "response", payload=payload, http_headers=headers
        )
        self._writer.write_record(record)

    def close(self) -> None:
        self._file.close()


def write_corpus(out: Path, documents: int, *, per_day: int, seed: int, layout: str) -> dict[str, int]:
    out.mkdir(parents=True, exist_ok=True)
    counts = {"warc": 0, "jsonl": 0, "txt": 0, "id": 0, "en": 0}
    warc: _WarcShard | None = None
    jsonl = None
    for index, report in enumerate(reports(documents, per_day=per_day, seed=seed)):
        counts[report.language] += 1
        kind = "warc" if layout == "warc" else ("warc", "jsonl", "txt")[index % 3]
        number = counts[kind]
        counts[kind] += 1
        if kind == "warc":
            if number % SHARD_DOCUMENTS == 0:
                if warc:
                    warc.close()
                warc = _WarcShard(out / f"crawl-{number // SHARD_DOCUMENTS:05d}.warc.gz")
            warc.add(report)
        elif kind == "jsonl":
            if number % SHARD_DOCUMENTS == 0:
                if jsonl:
                    jsonl.close()
                jsonl = (out / f"feed-{number // SHARD_DOCUMENTS:05d}.jsonl").open("w", encoding="utf-8")
            record = {
                "url": report.url,
                "title": report.title,
                "published": report.published.isoformat(),
                "outlet": report.outlet,
                "text": "\n\n".join(report.paragraphs),
            }
            jsonl.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            folder = out / f"text-{number // SHARD_DOCUMENTS:05d}"
            folder.mkdir(exist_ok=True)
            text = f"{report.title}\n\n{report.outlet} - " + "\n\n".join(report.paragraphs) + "\n"
            (folder / f"{number:07d}.txt").write_text(text, encoding="utf-8")
    if warc:
        warc.close()
    if jsonl:
        jsonl.close()
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--per-day", type=int, default=1000, help="documents published per day")
    parser.add_argument("--seed", type=int, default=2023)
    parser.add_argument("--format", choices=["warc", "mixed"], default="warc", dest="layout")
    args = parser.parse_args()
    counts = write_corpus(args.out, args.documents, per_day=args.per_day, seed=args.seed, layout=args.layout)
    size = sum(path.stat().st_size for path in args.out.rglob("*") if path.is_file())
    print(json.dumps({"documents": args.documents, "bytes": size, **counts}))


if __name__ == "__main__":
    main()
