"""What the cross-document chrome memory adds once kabar has read other articles of the same outlet.

Run from the repository root:  nice -n 10 .venv/bin/python -m bench.clean.memory_bench

text_bench scores every labelled page alone, with no memory. A media monitor crawling a site reads many of its
articles, observes a batch into `ChromeMemory` and cleans each document with it; a line an outlet repeats word for
word across its articles is the site's frame. The labelled set holds no two articles of one outlet (each aeb page
comes from a different site), so the other articles are SIMULATED here, deterministically:

- for a page P (aeb, and the Indonesian authored set), K sibling texts are built: P's lines in P's order, every
  line labelled chrome kept, every line labelled body replaced by a body line of other labelled pages (a stream of
  the other pages' body lines in a seeded order, same subset first, cut into consecutive chunks: no two siblings of
  P share a donor line, so the siblings share P's frame and not any article);
- variant "full": every chrome line of P is in every sibling. An upper bound: nav, footer and legal lines repeat on
  a real site, but related-article teasers, the headline, the byline and the date change from article to article;
- variant "partial": each chrome line of P is in a sibling with probability 0.5 (seeded per page and sibling);
- variant "own-title": "full", but P's headline (the labelled title, chrome in the aeb labels) is replaced in each
  sibling by another page's headline wherever a chrome line holds it: the siblings repeat P's frame, not P's
  headline (P's headline printed in the siblings' "most read" box, as a real site may, is what "full" simulates);
- P and its siblings carry one source URL on a host of their own (`memory_outlet` buckets by container outlet,
  then URL host), each sibling a distinct body and so a distinct document key (core.observe hashes the body);
- the K siblings (not P) are observed into a fresh memory (`kabar.clean.core.observe`), then P is cleaned with it
  (`clean_detailed(..., chrome=memory)`) and its lines scored against its labels as text_bench does. The pipeline
  also observes P itself in its batch, so K siblings here are a batch of K + 1 articles there.

K = 0 is the page alone (no memory): asserted equal to text_bench's rows. "by memory" counts the lines whose reason
is "repeated across the outlet's documents", and how many of them are labelled body (siblings carry other bodies,
so a body line taken by memory is a bug or a line P shares with its own frame; each is printed). "flips" compare
with K = 0: body lines lost / chrome lines removed in all, whatever rule ends up taking them (the memory's marks
also move the densest-span search).
"""

from __future__ import annotations

import random
import re
import time
from dataclasses import dataclass, field

from bench.clean.text_bench import (
    Counts,
    LabelledScrape,
    aeb_half,
    evaluate,
    load_aeb,
    load_authored,
    normalised_field,
)
from kabar.clean.core import clean_detailed, memory_outlet, observe
from kabar.clean.memory import ChromeMemory, normalise_line
from kabar.clean.rules import REASON_REPEATED
from kabar.records import RawDocument

SEED = 20261206
KS = (0, 2, 3, 5, 10)
VARIANTS = ("full", "partial", "own-title")
PARTIAL_KEEP = 0.5
BENCH_HOST = "memory-bench.example"
WORST_PAGES = 5


def page_host(scrape_id: str) -> str:
    """The simulated outlet of one page: a host of its own, shared by the page and its siblings."""
    return f"{re.sub(r'[^a-z0-9]+', '-', scrape_id.lower()).strip('-')}.{BENCH_HOST}"


def _donor_pages(page: LabelledScrape, pool: list[LabelledScrape], seed: int) -> list[LabelledScrape]:
    rng = random.Random(f"{seed}:donors:{page.id}")
    same = [s for s in pool if s.id != page.id and s.subset == page.subset]
    other = [s for s in pool if s.id != page.id and s.subset != page.subset]
    rng.shuffle(same)
    rng.shuffle(other)
    return same + other


def donor_stream(page: LabelledScrape, pool: list[LabelledScrape], seed: int = SEED) -> list[str]:
    """Body lines of the other pages, in a seeded order of pages, those of P's own subset first."""
    donors = _donor_pages(page, pool, seed)
    return [line for donor in donors for line, body in zip(donor.lines, donor.labels, strict=True) if body]


def donor_titles(page: LabelledScrape, pool: list[LabelledScrape], seed: int = SEED) -> list[str]:
    """Headlines of the other pages (those known), in the same seeded order: sibling j's own headline."""
    return [donor.title for donor in _donor_pages(page, pool, seed) if donor.title]


def build_siblings(
    page: LabelledScrape,
    donors: list[str],
    k: int,
    variant: str,
    seed: int = SEED,
    titles: list[str] | None = None,
) -> list[list[str]]:
    """K simulated articles of P's outlet: P's chrome lines (all, or each with probability PARTIAL_KEEP) in P's
    order, P's body lines replaced by consecutive chunks of `donors` (disjoint between siblings). "own-title" is
    "full" where P's headline, wherever a chrome line holds it (the headline line, the window title "... – Site"),
    is replaced by sibling j's own headline `titles[j]`."""
    if variant not in VARIANTS:
        raise ValueError(f"unknown variant {variant!r}")
    own_title = variant == "own-title" and page.title
    if own_title and (titles is None or len(titles) < k):
        raise ValueError(f"{page.id}: {k} siblings need {k} headlines")
    body_count = sum(page.labels)
    if k * body_count > len(donors):
        raise ValueError(
            f"{page.id}: {k} siblings need {k * body_count} donor lines, {len(donors)} available"
        )
    siblings = []
    for j in range(k):
        rng = random.Random(f"{seed}:{variant}:{page.id}:{j}")
        chunk = iter(donors[j * body_count : (j + 1) * body_count])
        lines = []
        for line, body in zip(page.lines, page.labels, strict=True):
            if body:
                lines.append(next(chunk))
            elif own_title and page.title.lower() in line.lower():
                start = line.lower().index(page.title.lower())
                lines.append(line[:start] + titles[j] + line[start + len(page.title) :])  # type: ignore[index]
            elif variant != "partial" or rng.random() < PARTIAL_KEEP:
                lines.append(line)
        siblings.append(lines)
    return siblings


def _raw(scrape_id: str, host: str, name: str, body: str) -> RawDocument:
    return RawDocument(source=f"{scrape_id}#{name}", kind="text", body=body, url=f"https://{host}/{name}")


@dataclass
class Row:
    counts: dict[str, Counts] = field(default_factory=dict)
    by_memory: int = 0
    by_memory_body: list[str] = field(default_factory=list)
    body_lost: int = 0
    chrome_removed: int = 0
    body_regained: int = 0
    chrome_kept: int = 0
    lost_by_page: dict[str, int] = field(default_factory=dict)
    # Headlines right / labelled per aeb half: the memory's marks also decide which line can be the headline.
    titles: dict[str, list[int]] = field(default_factory=dict)


def _squash(line: str) -> str:
    return re.sub(r"[ \u2000-\u200a\u3000]+", " ", line).strip()


def run(
    scrapes: list[LabelledScrape], pool: list[LabelledScrape], variant: str, ks: tuple[int, ...]
) -> tuple[dict[int, Row], dict[str, list[bool]]]:
    aeb_ids = sorted(s.id for s in scrapes if s.subset == "aeb")
    rows = {k: Row() for k in ks}
    alone: dict[str, list[bool]] = {}
    for page in scrapes:
        host = page_host(page.id)
        donors = donor_stream(page, pool)
        all_siblings = build_siblings(page, donors, max(ks), variant, titles=donor_titles(page, pool))
        names = [page.subset] + ([aeb_half(page.id, aeb_ids)] if page.subset == "aeb" else [])
        baseline: list[bool] | None = None
        own_chrome = {
            normalise_line(line) for line, body in zip(page.lines, page.labels, strict=True) if not body
        }
        for k in sorted(ks):
            memory = ChromeMemory()
            for j, lines in enumerate(all_siblings[:k]):
                observe(memory, _raw(page.id, host, f"sibling-{j}", "\n".join(lines) + "\n"))
            if len(memory.seen_documents) != k or len(memory.outlets) != (1 if k else 0):
                raise SystemExit(f"{page.id}: {k} siblings made {len(memory.seen_documents)} documents")
            raw = _raw(page.id, host, "article", page.text)
            assert memory_outlet(raw) == host
            document, result = clean_detailed(raw, doc_id=page.id, chrome=memory)
            predicted = result.line_is_body
            if baseline is None:
                baseline = predicted
                alone[page.id] = predicted
            row = rows[k]
            for name in names:
                row.counts.setdefault(name, Counts()).add(predicted, page.labels)
                if page.title_known:
                    right = row.titles.setdefault(name, [0, 0])
                    right[0] += normalised_field(document.title) == normalised_field(page.title)
                    right[1] += 1
            repeated = {r.text for r in result.removed if r.reason == REASON_REPEATED}
            for line, body in zip(page.lines, page.labels, strict=True):
                if _squash(line) in repeated:
                    row.by_memory += 1
                    if body:
                        # Siblings carry P's chrome lines: a body line P also prints as chrome reaches them.
                        also = (
                            "P prints it as chrome too"
                            if normalise_line(line) in own_chrome
                            else "NOT in P's chrome"
                        )
                        row.by_memory_body.append(f"{page.id}: {line[:110]}  ({also})")
            for was, now, body in zip(baseline, predicted, page.labels, strict=True):
                if was and not now:
                    row.body_lost += body
                    if body:
                        row.lost_by_page[page.id] = row.lost_by_page.get(page.id, 0) + 1
                    row.chrome_removed += not body
                elif now and not was:
                    row.body_regained += body
                    row.chrome_kept += not body
    return rows, alone


def _fmt(counts: Counts | None) -> str:
    if counts is None:
        return "-"
    return f"{counts.f1:.4f} / {counts.precision:.4f} / {counts.recall:.4f}"


def main() -> None:
    started = time.process_time()
    aeb = load_aeb()
    authored = load_authored()
    pool = aeb + authored
    # The pages alone, scored by text_bench itself: the K = 0 rows must be these.
    reference = evaluate(aeb + authored)["lines"]
    print(
        "chrome memory with SIMULATED sibling articles (no two labelled pages share an outlet): P's chrome lines "
        "+ other pages' body lines;\n"
        "full = every chrome line in every sibling (upper bound), "
        f"partial = each chrome line with p={PARTIAL_KEEP}, own-title = full without P's headline; "
        "K siblings observed, P cleaned with the memory\n"
    )
    print(
        "| variant   | K  | aeb-tune F1 / P / R      | aeb-holdout F1 / P / R   | aeb F1 / P / R           | "
        "id-authored F1 / P / R   | by memory (body) | chrome removed | body lost | back: chrome / body | "
        "headlines tune / held-out |"
    )
    print(
        "|-----------|----|--------------------------|--------------------------|--------------------------|"
        "--------------------------|------------------|----------------|-----------|---------------------|"
        "---------------------------|"
    )
    suspicious: dict[str, list[str]] = {}
    worst: list[str] = []
    for variant in VARIANTS:
        rows, _ = run(aeb + authored, pool, variant, KS)
        for name in ("aeb", "aeb-tune", "aeb-holdout", "id-authored"):
            mine, theirs = rows[0].counts[name], reference[name]  # type: ignore[index]
            if (mine.tp, mine.fp, mine.fn, mine.tn) != (theirs.tp, theirs.fp, theirs.fn, theirs.tn):
                raise SystemExit(f"K = 0 differs from text_bench on {name}")
        for k, row in rows.items():
            c = row.counts
            taken = f"{row.by_memory:6} ({len(row.by_memory_body):3})"
            heads = " / ".join(
                f"{a}/{b}" for a, b in (row.titles.get(h, [0, 0]) for h in ("aeb-tune", "aeb-holdout"))
            )
            print(
                f"| {variant:9} | {k:2} | {_fmt(c.get('aeb-tune'))} | {_fmt(c.get('aeb-holdout'))} | "
                f"{_fmt(c.get('aeb'))} | {_fmt(c.get('id-authored'))} | {taken:16} | {row.chrome_removed:14} | "
                f"{row.body_lost:9} | {row.chrome_kept:6} / {row.body_regained:<12} | {heads:25} |"
            )
            for line in dict.fromkeys(row.by_memory_body):
                suspicious.setdefault(line, []).append(f"{variant} K={k}")
        top = sorted(rows[max(KS)].lost_by_page.items(), key=lambda item: (-item[1], item[0]))[:WORST_PAGES]
        worst.append(f"{variant} K={max(KS)}: " + ", ".join(f"{page} {n}" for page, n in top))
    print("\npages losing most body lines against K = 0 (page lines):")
    for line in worst:
        print("  ", line)
    print(f"\nbody-labelled lines taken by memory (distinct page/line pairs): {len(suspicious)}")
    for line, where in suspicious.items():
        print(f"   {line}   [{', '.join(where)}]")
    print(f"CPU time: {time.process_time() - started:.1f} s")


if __name__ == "__main__":
    main()
