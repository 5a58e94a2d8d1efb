"""The hand audit of the aeb scrape labels (bench/clean/data/label_audit.json) stays consistent with the data.

The audit records every label it changed with the line's index and text and the automatic label it replaced; a
rebuilt scrape set that shifts, rewrites or relabels a line must fail here (and in text_bench's apply_audit) rather
than silently score a hand label against the wrong line. No cleaner runs here.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from bench.clean.text_bench import (
    AEB_PAGES_ADDED_LATER,
    AUDIT,
    AUDIT_TEXT_CHARS,
    aeb_half,
    apply_audit,
    load_aeb,
)

GUIDE = AUDIT.parent / "LABELLING.md"
RULES = {
    "paragraph",
    "subheading",
    "list-table",
    "editor-note",
    "headline",
    "standfirst-repeat",
    "byline",
    "date",
    "navigation",
    "ad",
    "related",
    "share-subscribe",
    "caption",
    "gallery-video",
    "tags",
    "comments",
    "poll",
    "legal-footer",
}


@pytest.fixture(scope="module")
def audit() -> dict:
    return json.loads(AUDIT.read_text(encoding="utf-8"))


def test_audit_is_consistent_with_the_labelled_set(audit: dict) -> None:
    scrapes = {scrape.id: scrape for scrape in load_aeb()}
    ordered = sorted(scrapes)
    documents = audit["documents"]
    assert audit["guide"] == GUIDE.name and GUIDE.is_file()
    assert len(documents) == 32
    halves = [entry["half"] for entry in documents.values()]
    assert halves.count("aeb-tune") == 16 and halves.count("aeb-holdout") == 16
    for doc_id, entry in documents.items():
        scrape = scrapes[doc_id]
        assert entry["half"] == aeb_half(doc_id, ordered)
        assert entry["lines"] == len(scrape.lines) == len(scrape.labels)
        indices = [change["line"] for change in entry["changes"]]
        assert len(indices) == len(set(indices)), doc_id
        for change in entry["changes"]:
            assert 0 <= change["line"] < len(scrape.lines), (doc_id, change)
            assert scrape.lines[change["line"]][:AUDIT_TEXT_CHARS] == change["text"], (doc_id, change)
            assert scrape.labels[change["line"]] is change["from"], (doc_id, change)
            assert change["to"] is (not change["from"]), (doc_id, change)
            assert change["rule"] in RULES and f"[{change['rule']}]" in GUIDE.read_text(encoding="utf-8")


def test_sample_is_the_recorded_draw(audit: dict) -> None:
    # The draw was made from the pages the halves were drawn from; a page added to the set later is not in it.
    ordered = sorted(scrape.id for scrape in load_aeb() if scrape.id not in AEB_PAGES_ADDED_LATER)
    rng = random.Random(audit["seed"])
    tune = rng.sample(ordered[0::2], 16)
    holdout = rng.sample(ordered[1::2], 16)
    assert list(audit["documents"]) == tune + holdout


def test_apply_audit_sets_the_hand_labels() -> None:
    scrapes = load_aeb()
    changed = apply_audit(scrapes)
    audited = [scrape for scrape in scrapes if scrape.hand_labels is not None]
    assert len(audited) == 32
    differing = sum(
        hand != auto
        for scrape in audited
        for hand, auto in zip(scrape.hand_labels or [], scrape.labels, strict=True)
    )
    assert differing == sum(changed.values()) > 0


@pytest.mark.parametrize(
    ("field", "corrupt"),
    [
        ("text", lambda change: change["text"][:-1] + "#"),
        ("from", lambda change: not change["from"]),
        ("line", lambda change: change["line"] + 1),
        ("line", lambda change: 10**6),
    ],
)
def test_apply_audit_refuses_an_audit_that_drifted_from_the_data(
    tmp_path: Path, audit: dict, field: str, corrupt
) -> None:
    doc_id = next(d for d, e in audit["documents"].items() if e["changes"])
    broken = json.loads(json.dumps(audit))
    change = broken["documents"][doc_id]["changes"][0]
    change[field] = corrupt(change)
    path = tmp_path / "label_audit.json"
    path.write_text(json.dumps(broken), encoding="utf-8")
    with pytest.raises(ValueError, match=doc_id):
        apply_audit(load_aeb(), path)
