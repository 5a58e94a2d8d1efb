"""Text-scrape clean-up: line-level body/chrome F1 and metadata accuracy on the labelled scrape set.

Run from the repository root:  nice .venv/bin/python -m bench.clean.text_bench [--show-errors N]

The set (bench/clean/data/, committed; no shared data needed):
- seeds: the five seed scrapes of examples/kim-putin-2023, lines labelled by hand (seeds_labels.json);
- id-authored: Indonesian scrapes imitating common Indonesian site families (id_authored/, see its README);
- aeb: the article-extraction-benchmark pages (MIT) rendered to text like a browser copy, lines labelled by the
  page's ground-truth body (scrapes_aeb.jsonl.gz, built by bench/clean/build_scrapes.py).
  32 of these pages (16 per half, drawn at random) were hand-checked line by line against the written guide
  data/LABELLING.md (label_audit.json, every changed label with its line's text); the "audited" rows score those
  documents on the automatic and on the hand-checked labels side by side.
Line F1 is over body lines (a chrome line kept is a false positive, a body line removed a false negative), pooled
over all lines of a subset ("micro") and averaged per document ("macro").
"""

from __future__ import annotations

import argparse
import gzip
import json
import textwrap
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from kabar.clean.core import clean_detailed
from kabar.records import RawDocument

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).resolve().parents[2]
SEED_DIR = REPO / "examples" / "kim-putin-2023"


@dataclass
class LabelledScrape:
    id: str
    subset: str
    text: str
    labels: list[bool]
    title: str | None = None
    title_known: bool = False
    outlet: str | None = None
    outlet_known: bool = False
    published: str | None = None
    published_known: bool = False
    published_day: str | None = None
    lines: list[str] = field(default_factory=list)
    # The hand-checked labels of an audited aeb page (label_audit.json), None elsewhere; set by apply_audit.
    hand_labels: list[bool] | None = None


def _non_empty_lines(text: str) -> list[str]:
    return [line.strip() for line in text.replace("\r\n", "\n").split("\n") if line.strip()]


def load_seeds() -> list[LabelledScrape]:
    labels = json.loads((DATA / "seeds_labels.json").read_text(encoding="utf-8"))
    scrapes = []
    for name, info in sorted(labels.items()):
        text = (SEED_DIR / name).read_text(encoding="utf-8")
        chrome = set(info["chrome"])
        lines = _non_empty_lines(text)
        scrapes.append(
            LabelledScrape(
                id=f"seed-{name[:3]}",
                subset="seeds",
                text=text,
                lines=lines,
                labels=[line not in chrome for line in lines],
                title=info["title"],
                title_known=True,
                outlet=info["outlet"],
                outlet_known=True,
                published=info["published"],
                published_known=True,
            )
        )
    return scrapes


def load_authored() -> list[LabelledScrape]:
    scrapes = []
    for path in sorted((DATA / "id_authored").glob("*.txt")):
        fields: dict[str, str | None] = {}
        body_lines: list[str] = []
        labels: list[bool] = []
        for line in path.read_text(encoding="utf-8").split("\n"):
            if line.startswith("@"):
                key, _, value = line[1:].partition(":")
                fields[key.strip()] = None if value.strip() == "-" else value.strip()
            elif line.strip():
                is_chrome = line.startswith("# ")
                body_lines.append(line[2:] if is_chrome else line)
                labels.append(not is_chrome)
        scrapes.append(
            LabelledScrape(
                id=f"id-{path.stem}",
                subset="id-authored",
                text="\n".join(body_lines) + "\n",
                lines=body_lines,
                labels=labels,
                title=fields.get("title"),
                title_known=True,
                outlet=fields.get("outlet"),
                outlet_known=True,
                published=fields.get("published"),
                published_known=True,
            )
        )
    return scrapes


# Pages that entered the aeb set after its halves were drawn (2026-12-05): session 8's browser-faithful renderer
# folds source line breaks, which brought this page under the line cap. No rule was ever tuned on it, so it is
# held out; the halves of the other pages stay as drawn, so figures stay comparable across sessions.
AEB_PAGES_ADDED_LATER = frozenset({"aeb-680c2848e94a"})


def aeb_half(scrape_id: str, ordered_ids: list[str]) -> str:
    """The tuning half (even index in the sorted ids of the pages the halves were drawn from) or the held-out half
    (odd index, and every page added later) of the aeb pages. Rules and constants are calibrated on the tuning half
    only; the held-out half shows how far they generalise."""
    if scrape_id in AEB_PAGES_ADDED_LATER:
        return "aeb-holdout"
    drawn = [page_id for page_id in ordered_ids if page_id not in AEB_PAGES_ADDED_LATER]
    return "aeb-tune" if drawn.index(scrape_id) % 2 == 0 else "aeb-holdout"


AEB_SET = DATA / "scrapes_aeb.jsonl.gz"


def load_aeb(path: Path = AEB_SET) -> list[LabelledScrape]:
    scrapes = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for raw_line in handle:
            record = json.loads(raw_line)
            scrapes.append(
                LabelledScrape(
                    id=record["id"],
                    subset="aeb",
                    text=record["text"],
                    lines=_non_empty_lines(record["text"]),
                    labels=record["labels"],
                    title=record["title"],
                    title_known=record["title"] is not None,
                    published_day=record["published_day"],
                    published_known=True,
                )
            )
    return scrapes


def load_all(aeb_path: Path = AEB_SET) -> list[LabelledScrape]:
    return load_seeds() + load_authored() + load_aeb(aeb_path)


AUDIT = DATA / "label_audit.json"
AUDIT_TEXT_CHARS = 80


def apply_audit(scrapes: list[LabelledScrape], path: Path = AUDIT) -> dict[str, int]:
    """Attach the hand-checked labels of the audited aeb pages (`hand_labels`): the automatic labels with the
    audit's changes applied. Every change is checked against the data — its line exists, the line starts with the
    recorded text, the automatic label is the recorded `from` — and so are each page's line count and half, so a
    rebuilt set that shifts or relabels a line fails here instead of scoring the wrong line. Returns how many labels
    changed in each direction."""
    audit = json.loads(path.read_text(encoding="utf-8"))
    aeb = {scrape.id: scrape for scrape in scrapes if scrape.subset == "aeb"}
    aeb_ids = sorted(aeb)
    changed = {"body -> chrome": 0, "chrome -> body": 0}
    for doc_id, entry in audit["documents"].items():
        scrape = aeb.get(doc_id)
        if scrape is None:
            raise ValueError(f"{doc_id}: audited but not in the aeb set")
        if entry["half"] != aeb_half(doc_id, aeb_ids):
            raise ValueError(
                f"{doc_id}: audited as {entry['half']}, the set puts it in {aeb_half(doc_id, aeb_ids)}"
            )
        if entry["lines"] != len(scrape.lines) or len(scrape.labels) != len(scrape.lines):
            raise ValueError(
                f"{doc_id}: audited with {entry['lines']} lines, the set has {len(scrape.lines)}"
            )
        hand = list(scrape.labels)
        for change in entry["changes"]:
            index = change["line"]
            if not 0 <= index < len(scrape.lines):
                raise ValueError(f"{doc_id}: changed line {index} out of range")
            if scrape.lines[index][:AUDIT_TEXT_CHARS] != change["text"]:
                raise ValueError(
                    f"{doc_id} line {index}: audited {change['text']!r}, the set has {scrape.lines[index]!r}"
                )
            if scrape.labels[index] != change["from"] or change["from"] == change["to"]:
                raise ValueError(
                    f"{doc_id} line {index}: automatic label {scrape.labels[index]}, audit {change}"
                )
            hand[index] = change["to"]
            changed["chrome -> body" if change["to"] else "body -> chrome"] += 1
        scrape.hand_labels = hand
    return changed


def hard_wrapped(scrape: LabelledScrape, width: int) -> LabelledScrape:
    """The scrape as a text-mode dump (`lynx -dump`, `w3m -dump`, a wire feed) prints it: every line broken at
    `width` columns (words kept whole), each piece labelled as the line it came from; blank lines and the metadata
    labels stay."""
    out_lines: list[str] = []
    labels: list[bool] = []
    hand_labels: list[bool] = []
    label_of_line = iter(zip(scrape.labels, scrape.hand_labels or scrape.labels, strict=True))
    for line in scrape.text.replace("\r\n", "\n").split("\n"):
        if not line.strip():
            out_lines.append("")
            continue
        label, hand_label = next(label_of_line)
        pieces = textwrap.wrap(line.strip(), width, break_long_words=False, break_on_hyphens=False)
        out_lines.extend(pieces)
        labels.extend([label] * len(pieces))
        hand_labels.extend([hand_label] * len(pieces))
    text = "\n".join(out_lines)
    return replace(
        scrape,
        text=text,
        labels=labels,
        lines=_non_empty_lines(text),
        hand_labels=hand_labels if scrape.hand_labels is not None else None,
    )


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    doc_f1: list[float] = field(default_factory=list)

    def add(self, predicted: list[bool], expected: list[bool]) -> None:
        tp = sum(p and e for p, e in zip(predicted, expected, strict=True))
        fp = sum(p and not e for p, e in zip(predicted, expected, strict=True))
        fn = sum(e and not p for p, e in zip(predicted, expected, strict=True))
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn
        self.tn += len(expected) - tp - fp - fn
        self.doc_f1.append(2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def normalised_field(value: str | None) -> str | None:
    return " ".join(value.split()).lower() if value else None


def evaluate(scrapes: list[LabelledScrape], show_errors: int = 0) -> dict[str, object]:
    subsets: dict[str, Counts] = {}
    audited: dict[str, Counts] = {}
    meta: dict[str, list[bool]] = {}
    lost_seed_lines: list[str] = []
    errors: list[str] = []
    started = time.process_time()
    aeb_ids = sorted(s.id for s in scrapes if s.subset == "aeb")
    for scrape in scrapes:
        raw = RawDocument(source=scrape.id, kind="text", body=scrape.text)
        document, lines = clean_detailed(raw, doc_id=scrape.id)
        predicted = lines.line_is_body
        if len(predicted) != len(scrape.labels):
            raise SystemExit(f"{scrape.id}: {len(predicted)} lines cleaned, {len(scrape.labels)} labelled")
        names = [scrape.subset, "all"]
        if scrape.subset == "aeb":
            names.append(aeb_half(scrape.id, aeb_ids))
        for name in names:
            subsets.setdefault(name, Counts()).add(predicted, scrape.labels)
        if scrape.hand_labels is not None:
            half = aeb_half(scrape.id, aeb_ids).removeprefix("aeb-")
            for name in ("audited", f"audited-{half}"):
                audited.setdefault(f"{name} (automatic labels)", Counts()).add(predicted, scrape.labels)
                audited.setdefault(f"{name} (hand-checked labels)", Counts()).add(
                    predicted, scrape.hand_labels
                )
        for line, p, e in zip(scrape.lines, predicted, scrape.labels, strict=True):
            if p != e:
                errors.append(f"{scrape.id:22} {'KEPT ' if p else 'LOST '}{line[:110]}")
                if scrape.subset == "seeds" and e:
                    lost_seed_lines.append(line)
        if scrape.title_known:
            title_right = normalised_field(document.title) == normalised_field(scrape.title)
            meta.setdefault(f"title/{scrape.subset}", []).append(title_right)
            if scrape.subset == "aeb":
                meta.setdefault(f"title/{aeb_half(scrape.id, aeb_ids)}", []).append(title_right)
        if scrape.outlet_known:
            meta.setdefault(f"outlet/{scrape.subset}", []).append(
                normalised_field(document.outlet) == normalised_field(scrape.outlet)
            )
        if scrape.subset == "aeb" and scrape.published_day is not None:
            # Only pages whose metadata day is printed in the scrape carry a label; elsewhere the page's own
            # metadata is missing or not shown, and a date kabar reads from the text cannot be checked.
            day = (document.published or "")[:10] or None
            meta.setdefault("published day/aeb", []).append(day == scrape.published_day)
        elif scrape.subset != "aeb" and scrape.published_known:
            meta.setdefault(f"published/{scrape.subset}", []).append(document.published == scrape.published)
    elapsed = time.process_time() - started
    for error in errors[:show_errors]:
        print(error)
    return {
        "lines": subsets,
        "audited": audited,
        "meta": meta,
        "lost_seed_lines": lost_seed_lines,
        "seconds": elapsed,
        "docs": len(scrapes),
    }


def _print_line_table(heading: str, counts_by_name: dict[str, Counts], width: int) -> None:
    """One row per subset: documents, lines, micro line F1 with precision and recall, macro (per-document) F1."""
    print(f"| {heading:{width}} | docs | lines | line F1 (micro) | precision | recall | doc F1 (macro) |")
    print(f"|{'-' * (width + 2)}|------|-------|-----------------|-----------|--------|----------------|")
    for name, counts in sorted(counts_by_name.items()):
        docs = len(counts.doc_f1)
        lines = counts.tp + counts.fp + counts.fn + counts.tn
        macro = sum(counts.doc_f1) / docs
        print(
            f"| {name:{width}} | {docs:4} | {lines:5} | {counts.f1:.4f}          | {counts.precision:.4f}    | "
            f"{counts.recall:.4f} | {macro:.4f}         |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-errors", type=int, default=0, help="print the first N wrongly labelled lines")
    parser.add_argument(
        "--aeb",
        type=Path,
        default=AEB_SET,
        help="the labelled aeb set (default: the committed one; build_scrapes --labelling shingles --output P "
        "gives the labels used before 2026-12-05)",
    )
    parser.add_argument(
        "--wrap",
        type=int,
        default=0,
        help="score every scrape hard-wrapped at this many columns, as text-mode browsers and wire feeds print it "
        "(79: lynx -dump)",
    )
    args = parser.parse_args()
    scrapes = load_all(args.aeb)
    # The audit's changes are relative to the committed labels; another labelling of the pages has no hand labels.
    audit_changes = apply_audit(scrapes) if args.aeb == AEB_SET else None
    if args.wrap:
        scrapes = [hard_wrapped(scrape, args.wrap) for scrape in scrapes]
    result = evaluate(scrapes, args.show_errors)
    print(f"text-scrape clean-up, {result['docs']} documents")
    _print_line_table("subset", result["lines"], 12)  # type: ignore[arg-type]
    print("\n| metadata field / subset | docs | accuracy |")
    print("|-------------------------|------|----------|")
    for name, hits in sorted(result["meta"].items()):  # type: ignore[attr-defined]
        print(f"| {name:23} | {len(hits):4} | {sum(hits) / len(hits):.3f}    |")
    if audit_changes is not None:
        changes = ", ".join(f"{n} {direction}" for direction, n in audit_changes.items())
        print(f"\nhand-checked aeb pages ({AUDIT.name}, guide LABELLING.md; labels changed: {changes})")
        _print_line_table("audited subset (labels)", result["audited"], 37)  # type: ignore[arg-type]
    lost = result["lost_seed_lines"]
    print(f"\nseed body lines lost: {len(lost)}")  # type: ignore[arg-type]
    for line in lost:  # type: ignore[attr-defined]
        print("  LOST", line[:120])
    print(f"CPU time: {result['seconds']:.2f} s ({result['docs'] / result['seconds']:.1f} docs/s)")  # type: ignore[operator]


if __name__ == "__main__":
    main()
