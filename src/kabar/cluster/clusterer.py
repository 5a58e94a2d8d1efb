"""Streaming event clustering: each document joins the most similar live event or founds a new one.

This is single-pass clustering in the TDT tradition, made incremental and bounded:

* A document is compared only with the *live* events that share one of its most distinctive terms (an inverted
  index over event centroids), never with the whole history, so adding a batch costs time in proportion to the
  batch, not to the corpus.
* Similarity mixes TF-IDF cosine over content stems and named entities (IDF kept as running document frequencies)
  with the cosine of multilingual embeddings (where documents carry one), which is what lets an English and an
  Indonesian report of one happening meet. Publication time weighs it: a document counts in full near an event's
  running date range (so an event that runs for weeks keeps growing) and loses weight the further it lies outside
  the range, never all of it: the window decides which events are live, not how late a follow-up may come.
* Events whose last document is older than the window retire: their centroid and postings are dropped. Members
  of a still-growing event that fall out of the window leave memory too (their terms stay in its centroid), and the
  document frequencies behind the IDF are kept per day and forgotten with the window, so memory holds one window of
  news however long the stream runs. An event's id is derived from its founding document and never changes.
* Each batch ends with corrections among its own documents and events: refinement rounds, a merge of
  near-identical events, a split of events whose halves lie far apart, and a consolidation in which the small
  events the batch founded (a short report has a low cosine with any grown centroid) join a live event whose names
  they share at a lower threshold. Only events founded in the batch are absorbed, so every id an earlier batch
  returned stays, and an older event keeps its id.
* Undated documents (no date found on the page) are placed after the batch's dated ones have settled: they first
  form events among themselves, then each may move to a dated or earlier event in refinement. One by one, with no
  time gap to any event, they would join the dated event of their kind before their own event existed. An undated
  document counts as published at the newest date the clusterer had seen when it joined ("seen"), and an event with
  no dated member at the newest date seen when it last gained a member ("touched"), for the window only: they leave
  memory as dated members and events do, so a crawl with undated pages stays bounded by the window too. Corpus time
  advances with the dated documents only, so where documents carry an arrival time (`DocFeatures.arrived`, when the
  store received them; the runner sets it) an event with no dated member also retires once the newest arrival seen
  is more than the window past the newest arrival seen when it last gained a member, and its members leave memory
  the same way: a stream with no date at all stays bounded too. Arrival time never touches a dated event (a backfill
  of old news arrives today) nor similarity; without arrival times (in-memory callers) nothing changes. Their
  similarity stays undated (no time factor).
* Per-document work (`features(doc)`: terms, entities, date) is separate from the grouping step
  (`add_features`), so an executor can compute features anywhere.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

import numpy as np

from kabar.cluster.features import (
    DocFeatures,
    EntityExtractor,
    capitalised_entities,
    document_features,
    embed_documents,
)
from kabar.records import Document, Event, published_datetime

# A document joins its best event when the combined similarity reaches this; below it, it founds a new event.
# Tuned on ECB+ topics 1-35 (bench/cluster/ecbplus.py --tune), where every topic pairs two different events of one
# kind (two earthquakes, two rehab stories), so it separates "same happening" from "same kind of happening":
# B-cubed F1 0.837 / 0.856 / 0.873 / 0.847 at 0.2 / 0.25 / 0.3 / 0.35 without the entity gate; with it (below)
# 0.25 is best (0.879 against 0.867 at 0.3 and 0.872 at 0.22).
JOIN_THRESHOLD = 0.25
# Running IDF counts this many imagined documents that contain none of the terms, so that in a small first batch
# (two reports of one event) the terms the reports share are not weighted down as "common"; by a few hundred
# documents real frequencies dominate. Without it two Cianjur reports alone fall below JOIN_THRESHOLD.
IDF_PRIOR_DOCUMENTS = 100
# Weight of entity features ("ent:" terms) relative to body terms of the same TF-IDF weight; 1.5 and 2.0 scored
# within 0.01 of 1.0 on ECB+ topics 1-35, never above it, with the capitalised-run heuristic as extractor.
ENTITY_BOOST = 1.0
# Share of the combined similarity that comes from embeddings when the document and the event share a language
# (e5 cosines of unrelated news sit around 0.75-0.8, so they are rescaled from the floor..1 to 0..1 before mixing).
# e5 rates two events of one kind nearly as close as two reports of one event: before consolidation and the undated
# ordering, weights 0.3 and 0.5 made ECB+ worse at every threshold (36-45 0.824 -> 0.808). Since, the names and
# the time factor keep events of one kind apart and e5 brings in the reports that word their event differently:
# ECB+ topics 1-35 at the join threshold, weight 0 / 0.1 / 0.15 / 0.2 / 0.25 / 0.3 / 0.4: 0.940 / 0.944 / 0.939 /
# 0.945 / 0.947 / 0.945 / 0.942 (at a 0.22 threshold 0.2-0.35 read 0.950-0.951); streamed in batches of 25,
# weight 0 / 0.25: undated beside their event 0.935 / 0.943, scattered 0.509 / 0.516, dates withheld 0.849 / 0.859;
# DUC 2004 task 2 0.846 / 0.844 (0.843-0.860 over 0.1-0.4), task 5 0.531 / 0.538; IndoSum+seeds alike. Only where
# documents carry embeddings (the embed extra); they are computed for CROSS_LINGUAL_* anyway.
EMBEDDING_WEIGHT = 0.25
EMBEDDING_FLOOR = 0.8
# A document in a language none of the event's members uses leans on the embedding: an English report of the
# Kim-Putin meeting has e5 cosine 0.92 with the Indonesian seeds' centroid, two Indonesian reports of different
# earthquakes 0.87-0.90, unrelated news below 0.8 (measured on the seeds and tests/test_cluster_events.py texts).
CROSS_LINGUAL_FLOOR = 0.85
CROSS_LINGUAL_WEIGHT = 0.7
# A document within this many days of an event's date range counts as simultaneous (reports, follow-ups and
# next-week analyses of one happening); beyond it similarity decays with this scale. On ECB+ topics 1-35 (dates as
# the cleaner finds them, 264 of 772 documents) grace/decay 3/7 gave F1 0.865, 7/14 0.868, 7/30 0.873, 30/60 0.875
# and no dates at all 0.887: dates found in page text are noisy, so the factor is kept lenient; its job is to keep
# apart same-kind events months apart, which ECB+ rarely dates. The factor never falls to 0 at the window: a
# follow-up weeks after its event's last report (Lohan's move from the Betty Ford clinic six weeks after she checked
# in) still joins while the event is live, at a third of the weight. ECB+ 1-35 (bench/cluster/ecbplus.py, shipped
# constants otherwise) with the cut at the window / without it: decay 20 0.936 / 0.936, 30 0.936 / 0.940, 45
# 0.934 / 0.938, 60 0.934 / 0.940, grace 14 0.934 / 0.939; streamed in batches of 25 with undated reports beside
# their event 0.933 / 0.935 at 7/30; DUC 2004 task 2 0.843 / 0.846, task 5 0.511 / 0.531.
TIME_GRACE_DAYS = 7.0
TIME_DECAY_DAYS = 30.0
# Events grow for as long as new documents keep arriving within this window of their last document; events idle
# for longer retire (memory is bounded by the window, not by the corpus). Only the merge of near-identical events,
# which scores centroids without the time factor, is also cut at the window.
DEFAULT_WINDOW_DAYS = 30.0
# Document frequencies are kept per day of publication and a day's counts leave the IDF when the day falls out of the
# window (with its events), so term statistics, like events, are bounded by the window and not by the corpus; they
# also follow what the news of the window is about. Undated documents count in the newest day seen.
DF_BUCKET_SECONDS = 86400
# A document is compared with the events that share one of its this-many highest-weighted terms.
CANDIDATE_TERMS = 20
# After refinement, an event of the batch merges into a live event whose centroid has at least this cosine with its
# own (single pass splits an event when its first reports differ); on ECB+ topics 1-35 0.5 adds 0.006 F1, 0.4
# already merges different events of one kind. The two must lie within the window of each other: without that gate
# ECB+ 1-35 reads 0.946 against 0.940 (9_ecbplus's March and April rulings merge), but nothing in time would then
# keep apart two yearly events of one kind whose centroids meet (a budget, a product launch).
MERGE_THRESHOLD = 0.5
# Two events of one kind share their vocabulary ("Saints place running back on injured reserve") and differ in
# their names (Reggie Bush in 2008, Pierre Thomas in 2011): the lexical similarity is scaled by how much of the
# event's entities the document shares, from 1 - ENTITY_GATE (no entity in common) up to 1 (entity cosine at or
# above ENTITY_FULL). Documents or events without entities are not scaled. Chosen with the join threshold on ECB+
# topics 1-35 (gate / full / threshold: 0 / - / 0.3 -> 0.876, 0.3 / 0.5 / 0.25 -> 0.879, 0.4 / 0.7 / 0.22 ->
# 0.878, 0.3 / 0.5 / 0.3 -> 0.867, 0.5 / 0.5 / 0.2 -> 0.875): a small gain on the tuning topics.
ENTITY_GATE = 0.3
ENTITY_FULL = 0.5
# At most this many candidate events (those sharing most strong terms) are scored in full. Scoring is most of the
# clusterer's time; on ECB+ topics 1-35 B-cubed F1 was 0.871 / 0.866 / 0.868 / 0.868 with 5 / 10 / 20 / 50 (and equal
# on 36-45), so 10 keeps the quality at a fifth of the cost of 50.
MAX_CANDIDATES = 10
# Centroids are pruned to their strongest terms once they grow past the upper bound (long-running events).
MAX_CENTROID_TERMS = 2000
KEEP_CENTROID_TERMS = 1000
# Rounds of batch refinement (each batch document leaves its event and rejoins the best one); on ECB+ topics 1-35
# three rounds lift B-cubed F1 by about 0.02 over plain single pass and rarely is a fourth needed.
REFINE_ROUNDS = 3
# An event formed in one batch splits in two when the centroids of its two-means halves have a cosine below this
# (the counterpart of MERGE_THRESHOLD). On ECB+ topics 1-35 B-cubed F1 0.866 without splitting, 0.866 / 0.872 / 0.867
# / 0.867 at 0.3 / 0.4 / 0.5 / 0.6 (36-45: 0.816 -> 0.848 at 0.4-0.6): it undoes the absorption of one event's
# undated reports by a dated event of the same kind. Each half keeps at least SPLIT_MIN_SIDE members.
SPLIT_THRESHOLD = 0.4
SPLIT_MIN_SIDE = 2
SPLIT_ROUNDS = 5
# Consolidation, the last step of a batch: an event founded in this batch joins a live event of the same language
# when one of the two holds at most CONSOLIDATE_MAX_SIZE documents and their IDF-weighted centroids reach
# CONSOLIDATE_THRESHOLD, scaled by the time factor and by the *full* entity agreement (x min(1, entity cosine /
# ENTITY_FULL): CONSOLIDATE_ENTITY_GATE = 1). A short report (a headline and two sentences) has a low cosine with any
# grown centroid, so the join threshold leaves it a singleton beside its own event; at the lower threshold it must
# share the event's names, which two events of one kind do not (the Cianjur and Garut earthquake pairs of
# tests/test_cluster_events.py score 0.08). Tuned on ECB+ topics 1-35 (bench/cluster/ecbplus.py --tune), B-cubed F1
# 0.879 without the step; max size / threshold with the entity gate at 0.3 (the join's): 1 / 0.18 0.889, 2 / 0.18
# 0.890, 3 / 0.18 0.893, 4 / 0.18 0.898, 5 / 0.16-0.2 0.897-0.899, 6 / 0.18 0.894, 8 / 0.18 0.893, unbounded 0.808
# (whole events of one kind merge); that gate lets the two earthquake pairs merge (0.24), so the full gate: 5 / 0.08
# 0.898, 5 / 0.1 0.896, 5 / 0.12 0.890 (gate 0.8 / 0.1: 0.900 but the earthquake pairs score 0.126).
CONSOLIDATE_THRESHOLD = 0.1
CONSOLIDATE_MAX_SIZE = 5
CONSOLIDATE_ENTITY_GATE = 1.0
# Terms of a member kept to find the event's most central headline.
MEMBER_TERMS = 40


@dataclass(slots=True)
class _Member:
    doc_id: str
    title: str | None
    published: datetime | None
    language: str | None
    terms: dict[str, float]
    # For an undated member: the newest publication time the clusterer had seen when it joined, which stands in for
    # its date when members leave memory with the window (None for a dated member).
    seen: datetime | None = None
    # For an undated member: the newest arrival time the clusterer had seen when it joined (None without arrival
    # times), by which it leaves memory while its event has no dated member.
    seen_arrival: datetime | None = None


@dataclass(slots=True)
class _Live:
    """A live event: the sum of its members' length-normalised term frequencies (weighted by the *current* IDF
    whenever it is compared, so early members do not keep the IDF of a tiny corpus), the squared norm of that
    weighted vector as of batch `norm_batch`, embedding sum, date range and members."""

    id: str
    centroid: dict[str, float] = field(default_factory=dict)
    embedding_sum: np.ndarray | None = None
    embedded: int = 0
    first: datetime | None = None
    last: datetime | None = None
    members: dict[str, _Member] = field(default_factory=dict)  # by document id, in joining order
    languages: Counter[str] = field(default_factory=Counter)
    norm_sq: float = 0.0
    entity_norm_sq: float = 0.0
    norm_batch: int = -1
    # The batch that founded the event (0: before this process, restored from a snapshot).
    born: int = 0
    # The newest publication time the clusterer had seen when the event last gained a member: an event with no dated
    # member has no date range, and retires when this falls behind the window instead.
    touched: datetime | None = None
    # The newest arrival time the clusterer had seen when the event last gained a member (None without arrival
    # times): the second clock by which an event with no dated member retires. Never used for a dated event.
    touched_arrival: datetime | None = None
    # Members published (undated ones: seen) before the window, no longer held in full (an event that runs for months
    # keeps one window of members in memory): their ids in publication order (all of them when retired events are
    # kept, else those the latest add archived, for its caller to save), how many there are, the earliest date, their
    # languages, and the one of them with the most central headline.
    archived: list[str] = field(default_factory=list)
    archived_count: int = 0
    archived_first: datetime | None = None
    archived_languages: set[str] = field(default_factory=set)
    archived_best: _Member | None = None


@dataclass(slots=True)
class _Retired:
    id: str
    title: str | None
    documents: list[str]
    first: datetime | None
    last: datetime | None
    languages: list[str]


def _entity_scale(entity_cosine: float, gate: float) -> float:
    """How much of a lexical similarity survives the entity gate: 1 - gate with no name in common, up to 1 at an
    entity cosine of ENTITY_FULL."""
    return 1.0 - gate + gate * min(1.0, entity_cosine / ENTITY_FULL)


class EventClusterer:
    """Incremental event clustering; `add(docs)` returns each new document's event id."""

    def __init__(
        self,
        *,
        join_threshold: float = JOIN_THRESHOLD,
        window_days: float = DEFAULT_WINDOW_DAYS,
        use_embeddings: bool = True,
        entity_extractor: EntityExtractor | None = capitalised_entities,
        entity_boost: float = ENTITY_BOOST,
        embedding_weight: float = EMBEDDING_WEIGHT,
        keep_retired: bool = True,
        merge_threshold: float = MERGE_THRESHOLD,
        split_threshold: float = SPLIT_THRESHOLD,
        consolidate_threshold: float = CONSOLIDATE_THRESHOLD,
    ) -> None:
        self.consolidate_threshold = consolidate_threshold
        self.merge_threshold = merge_threshold
        self.split_threshold = split_threshold
        self.join_threshold = join_threshold
        self.window_days = window_days
        self.use_embeddings = use_embeddings
        self.entity_extractor = entity_extractor
        self.entity_boost = entity_boost
        self.embedding_weight = embedding_weight
        self.keep_retired = keep_retired
        self._df: Counter[str] = Counter()
        self._n = 0
        # Day number -> (documents, their term document frequencies) of that day, while the day is in the window.
        self._df_days: dict[int, tuple[int, Counter[str]]] = {}
        self._live: dict[str, _Live] = {}
        # Retired events: all of them when kept, else those the latest add retired (for its caller to save).
        self._retired: dict[str, _Retired] = {}
        # Event id -> the events merged into it by the latest add, directly or through an event merged into it, in
        # the order their archived members joined its own (see `absorbed`).
        self._absorbed: dict[str, list[str]] = {}
        self._postings: dict[str, set[str]] = defaultdict(set)
        self._assignment: dict[str, str] = {}
        self._newest: datetime | None = None
        # The newest arrival time seen (`DocFeatures.arrived`; None while no document carried one).
        self._newest_arrival: datetime | None = None
        self._idf_cache: dict[str, float] = {}
        self._units: dict[str, dict[str, float]] = {}
        self._entity_norms: dict[str, float] = {}
        self._raws: dict[str, dict[str, float]] = {}
        self._batch = 0
        # While the batch's undated documents are clustered among themselves: the events they may join.
        self._scope: set[str] | None = None

    # -- weighting -------------------------------------------------------------------------------------------

    def _idf(self, term: str) -> float:
        cached = self._idf_cache.get(term)
        if cached is None:
            cached = math.log((self._n + IDF_PRIOR_DOCUMENTS + 1) / (self._df.get(term, 0) + 1)) + 1.0
            if term.startswith("ent:"):
                cached *= self.entity_boost
            self._idf_cache[term] = cached
        return cached

    def _unit(self, terms: dict[str, float]) -> dict[str, float]:
        """The document's unit TF-IDF vector, each weight multiplied once more by its IDF: its dot product with a
        raw centroid is then the dot product with the IDF-weighted centroid."""
        weighted = {term: tf * self._idf(term) for term, tf in terms.items()}
        norm = math.sqrt(sum(w * w for w in weighted.values()))
        return {term: w / norm * self._idf(term) for term, w in weighted.items()} if norm else {}

    @staticmethod
    def _raw(terms: dict[str, float]) -> dict[str, float]:
        """Length-normalised term frequencies: what a member adds to its event's centroid (every member weighs
        the same, whatever its length)."""
        norm = math.sqrt(sum(v * v for v in terms.values()))
        return {term: v / norm for term, v in terms.items()} if norm else {}

    def _norm_sq(self, event: _Live) -> float:
        """Squared norm of the event's IDF-weighted centroid, recomputed once per batch (IDF moves between them)."""
        if event.norm_batch != self._batch:
            event.norm_sq = sum((v * self._idf(t)) ** 2 for t, v in event.centroid.items())
            event.entity_norm_sq = sum(
                (v * self._idf(t)) ** 2 for t, v in event.centroid.items() if t.startswith("ent:")
            )
            event.norm_batch = self._batch
        return event.norm_sq

    def _shift(self, event: _Live, term: str, old: float, new: float) -> None:
        if event.norm_batch == self._batch:
            weight = self._idf(term)
            change = (new * new - old * old) * weight * weight
            event.norm_sq += change
            if term.startswith("ent:"):
                event.entity_norm_sq += change

    # -- assignment ------------------------------------------------------------------------------------------

    def add(self, docs: Sequence[Document]) -> dict[str, str]:
        """Assign each document to an existing or a new event; returns doc id -> event id for these documents.

        Documents are taken in publication order (undated last, then by id), so the earliest report founds the
        event. A document already assigned keeps its event.
        """
        fresh = [doc for doc in docs if doc.id not in self._assignment]
        if self.use_embeddings:
            embed_documents(fresh)
        result = self.add_features([document_features(doc, self.entity_extractor) for doc in fresh])
        for doc in docs:
            # Not setdefault: without `keep_retired` a document of this add whose event retired at once (a late one,
            # older than the window) is no longer in the assignment, but is in the result.
            if doc.id not in result:
                result[doc.id] = self._assignment[doc.id]
        return result

    def features(self, doc: Document) -> DocFeatures:
        """What `add` computes of a document (terms, entities, date; the embedding it carries): per-document work
        that an executor may do anywhere and hand to `add_features`."""
        return document_features(doc, self.entity_extractor)

    def add_features(self, features: Sequence[DocFeatures]) -> dict[str, str]:
        """`add` for documents whose features are already computed (`features(doc)`); documents already
        assigned keep their event. Returns doc id -> event id for the new ones."""
        self._forget_latest_changes()
        features = [f for f in features if f.doc_id not in self._assignment]
        if not self.use_embeddings:  # a vector the store gave back is ignored too
            features = [replace(f, embedding=None) if f.embedding is not None else f for f in features]
        for feature in features:
            if feature.published is not None and (self._newest is None or feature.published > self._newest):
                self._newest = feature.published
            if feature.arrived is not None and (
                self._newest_arrival is None or feature.arrived > self._newest_arrival
            ):
                self._newest_arrival = feature.arrived
        for feature in features:
            self._count(feature)
        self._idf_cache = {}
        self._batch += 1
        self._units = {feature.doc_id: self._unit(feature.terms) for feature in features}
        self._entity_norms = {
            doc_id: math.sqrt(sum((w / self._idf(t)) ** 2 for t, w in unit.items() if t.startswith("ent:")))
            for doc_id, unit in self._units.items()
        }
        self._raws = {feature.doc_id: self._raw(feature.terms) for feature in features}
        features = self._order(features)
        result: dict[str, str] = {}
        # Undated documents (a page whose date was not found) come last, and a time factor of 1 lets each of them
        # join any live event of its kind: alone, the reports of an event with no dated report would be absorbed one
        # by one by a dated event of the same kind. So the dated documents settle first; the undated ones then form
        # events among themselves, and only then may each move, in refinement rounds over the undated documents, to
        # a dated or earlier event that suits it better, by then choosing between its own event and that one. The
        # dated documents stay where their dates put them: an undated event has no date range, so a dated document
        # would meet it with a time factor of 1 (on ECB+ topics 1-35, refining every document of the batch at
        # the end instead: B-cubed F1 0.912 against 0.936).
        dated = [f for f in features if f.published is not None]
        undated = features[len(dated) :]
        self._settle(dated, result)
        if undated:
            self._scope = set()
            try:
                self._settle(undated, result)
            finally:
                self._scope = None
            for _ in range(REFINE_ROUNDS):
                if not self._refine(undated, result):
                    break
        if self.consolidate_threshold < 1.0:
            self._consolidate(result)
        self._retire()
        self._units, self._raws = {}, {}
        return result

    def _settle(self, features: Sequence[DocFeatures], result: dict[str, str]) -> None:
        """Single pass over `features` (in order), refinement rounds, merge of near-identical events and split of
        events whose halves lie apart, each followed by refinement."""
        for feature in features:
            result[feature.doc_id] = self._assign(feature)
        for _ in range(REFINE_ROUNDS):
            if not self._refine(features, result):
                break
        touched = {result[f.doc_id] for f in features}
        if self.merge_threshold < 1.0 and self._merge(touched, result):
            for _ in range(REFINE_ROUNDS):
                if not self._refine(features, result):
                    break
        if self.split_threshold > 0.0 and self._split(features, result):
            for _ in range(REFINE_ROUNDS):
                if not self._refine(features, result):
                    break

    @staticmethod
    def _order(features: Sequence[DocFeatures]) -> list[DocFeatures]:
        """Publication order, undated last, then id: the earliest report founds the event."""
        return sorted(
            features,
            key=lambda f: (f.published is None, f.published.timestamp() if f.published else 0.0, f.doc_id),
        )

    def _split(self, features: Sequence[DocFeatures], result: dict[str, str]) -> int:
        """Split each event of this batch's documents in two where its two halves are far apart.

        Single pass lets one event absorb the reports of another of the same kind when the first reports of the
        second arrive after the event has grown (undated documents come last). Two-means over the members (seeded
        by the founder and the member least like it) finds the halves; if the cosine of their IDF-weighted centroids
        stays below `split_threshold`, the half without the founder becomes an event of its own."""
        by_event: dict[str, list[DocFeatures]] = defaultdict(list)
        for feature in features:
            by_event[result[feature.doc_id]].append(feature)
        splits = 0
        for event_id, members in sorted(by_event.items()):
            event = self._live.get(event_id)
            if event is None or len(members) < 2 * SPLIT_MIN_SIDE or len(members) != len(event.members):
                continue
            units = [self._units[m.doc_id] for m in members]
            founder = 0
            far = min(range(len(units)), key=lambda k: (_dot(units[founder], units[k]), k))
            seeds = [units[founder], units[far]]
            sides: list[int] = []
            for _ in range(SPLIT_ROUNDS):
                sides = [0 if _dot(u, seeds[0]) >= _dot(u, seeds[1]) else 1 for u in units]
                seeds = [
                    _mean([u for u, side in zip(units, sides, strict=True) if side == k]) for k in (0, 1)
                ]
            if min(sides.count(0), sides.count(1)) < SPLIT_MIN_SIDE:
                continue
            if _cosine(seeds[0], seeds[1]) >= self.split_threshold:
                continue
            leaving = [m for m, side in zip(members, sides, strict=True) if side != sides[founder]]
            for member in leaving:
                self._leave(event, member, self._raws[member.doc_id])
            new = self._new_event(leaving[0].doc_id)
            for member in leaving:
                self._join(new, member, self._units[member.doc_id], self._raws[member.doc_id])
                self._assignment[member.doc_id] = new.id
                result[member.doc_id] = new.id
            splits += 1
        return splits

    def _day(self, published: datetime | None) -> int:
        when = published or self._newest
        return int(when.timestamp() // DF_BUCKET_SECONDS) if when is not None else 0

    def _count(self, feature: DocFeatures) -> None:
        """Add the document's terms to the running document frequencies (overall and of its day)."""
        day = self._day(feature.published)
        documents, counts = self._df_days.get(day, (0, Counter()))
        counts.update(feature.terms.keys())
        self._df_days[day] = (documents + 1, counts)
        self._n += 1
        self._df.update(feature.terms.keys())

    def _forget_days(self, horizon: datetime) -> None:
        """Take the days before the window out of the document frequencies."""
        oldest = int(horizon.timestamp() // DF_BUCKET_SECONDS)
        for day in [d for d in self._df_days if d < oldest]:
            documents, counts = self._df_days.pop(day)
            self._n -= documents
            self._df.subtract(counts)
            for term in counts:
                if self._df[term] <= 0:
                    del self._df[term]

    def similarity(self, feature: DocFeatures, event: _Live, unit: dict[str, float]) -> float:
        factor = self._time_factor(feature.published, event)
        norm_sq = self._norm_sq(event)
        if not unit or norm_sq <= 0.0:
            return 0.0
        centroid = event.centroid
        dot = sum(weight * centroid.get(term, 0.0) for term, weight in unit.items())
        lexical = dot / math.sqrt(norm_sq)
        if ENTITY_GATE > 0.0:
            entity_norm = self._entity_norms.get(feature.doc_id, 0.0)
            if entity_norm > 0.0 and event.entity_norm_sq > 0.0:
                entity_dot = sum(w * centroid.get(t, 0.0) for t, w in unit.items() if t.startswith("ent:"))
                entity_cosine = entity_dot / (entity_norm * math.sqrt(event.entity_norm_sq))
                lexical *= _entity_scale(entity_cosine, ENTITY_GATE)
        if feature.embedding is not None and event.embedding_sum is not None and event.embedded:
            centroid = event.embedding_sum / max(float(np.linalg.norm(event.embedding_sum)), 1e-9)
            cosine = float(centroid @ feature.embedding)
            # Across languages the shared terms are only names and numbers, so the embedding carries the decision.
            crosses = bool(feature.language and event.languages and not event.languages.get(feature.language))
            floor, weight = (
                (CROSS_LINGUAL_FLOOR, CROSS_LINGUAL_WEIGHT)
                if crosses
                else (EMBEDDING_FLOOR, self.embedding_weight)
            )
            semantic = max(0.0, (cosine - floor) / (1.0 - floor))
            combined = (1.0 - weight) * lexical + weight * semantic
        else:
            combined = lexical
        return factor * combined

    @staticmethod
    def _gap_days(published: datetime | None, event: _Live) -> float | None:
        """Days between `published` and the event's date range (0 inside it); None when either has no date."""
        if published is None or event.first is None or event.last is None:
            return None
        if event.first <= published <= event.last:
            return 0.0
        seconds = min(
            abs((published - event.first).total_seconds()), abs((published - event.last).total_seconds())
        )
        return seconds / 86400.0

    def _time_factor(self, published: datetime | None, event: _Live) -> float:
        """1 within TIME_GRACE_DAYS of the event's date range, then decaying; never 0, as the window bounds which
        events are live, not how far apart their reports may lie (see TIME_DECAY_DAYS)."""
        gap = self._gap_days(published, event)
        if gap is None or gap <= TIME_GRACE_DAYS:
            return 1.0
        return math.exp(-(gap - TIME_GRACE_DAYS) / TIME_DECAY_DAYS)

    def _candidates(self, unit: dict[str, float]) -> list[str]:
        """Live events sharing one of the document's strongest terms, the `MAX_CANDIDATES` sharing most of them."""
        top = sorted(unit.items(), key=lambda item: (-item[1], item[0]))[:CANDIDATE_TERMS]
        shared: Counter[str] = Counter()
        for term, _ in top:
            shared.update(self._postings.get(term, ()))
        if self._scope is not None:
            shared = Counter({e: n for e, n in shared.items() if e in self._scope})
        return sorted(shared, key=lambda event_id: (-shared[event_id], event_id))[:MAX_CANDIDATES]

    def _best(self, feature: DocFeatures, unit: dict[str, float]) -> tuple[str | None, float]:
        best_id, best_score = None, 0.0
        for event_id in self._candidates(unit):
            score = self.similarity(feature, self._live[event_id], unit)
            if score > best_score:
                best_id, best_score = event_id, score
        return best_id, best_score

    def _new_event(self, founder: str) -> _Live:
        event_id = event_id_for(founder)
        suffix = 1
        while event_id in self._live or event_id in self._retired:
            suffix += 1
            event_id = f"{event_id_for(founder)}-{suffix}"
        event = _Live(id=event_id, born=self._batch)
        self._live[event_id] = event
        if self._scope is not None:
            self._scope.add(event_id)
        return event

    def _refine(self, features: Sequence[DocFeatures], result: dict[str, str]) -> int:
        """One k-means-like round over this batch only: each new document leaves its event and joins the best one
        again (earlier batches' documents never move). Undoes single-pass order effects; returns how many moved."""
        moved = 0
        for feature in features:
            current = self._live.get(result[feature.doc_id])
            if current is None:
                continue
            unit = self._units[feature.doc_id]
            self._leave(current, feature, self._raws[feature.doc_id])
            best_id, best_score = self._best(feature, unit)
            if best_id is None or best_score < self.join_threshold:
                target = current if _empty(current) else self._new_event(feature.doc_id)
            else:
                target = self._live[best_id]
            if _empty(current) and target is not current:
                self._drop_event(current)
            self._join(target, feature, unit, self._raws[feature.doc_id])
            self._assignment[feature.doc_id] = target.id
            if target.id != result[feature.doc_id]:
                moved += 1
                result[feature.doc_id] = target.id
        return moved

    def _merge(self, touched: set[str], result: dict[str, str]) -> int:
        """Merge events of this batch into a live event whose centroid is this close (fragments of one happening
        that single pass split); the older event, or the larger, keeps its id."""
        merged = 0
        for event_id in sorted(touched):
            event = self._live.get(event_id)
            if event is None or self._norm_sq(event) <= 0.0:
                continue
            unit = self._event_unit(event)
            best_id, best_score = None, 0.0
            for other_id in self._candidates(unit):
                other = self._live[other_id]
                if other_id == event_id or self._norm_sq(other) <= 0.0:
                    continue
                # Merging scores the centroids alone, so the window keeps its fragments together in time.
                if (gap := self._gap_days(event.first, other)) is not None and gap > self.window_days:
                    continue
                score = sum(v * other.centroid.get(t, 0.0) for t, v in unit.items()) / math.sqrt(
                    other.norm_sq
                )
                if score > best_score:
                    best_id, best_score = other_id, score
            if best_id is None or best_score < self.merge_threshold:
                continue
            other = self._live[best_id]
            keeper, absorbed = (
                (other, event)
                if (other_id_is_older := best_id not in touched or len(other.members) >= len(event.members))
                else (event, other)
            )
            del other_id_is_older
            moved = list(absorbed.members)
            self._absorb(keeper, absorbed)
            for doc_id in moved:
                if doc_id in result:
                    result[doc_id] = keeper.id
            merged += 1
        return merged

    def _event_unit(self, event: _Live) -> dict[str, float]:
        """The event's IDF-weighted centroid scaled to unit length, each weight multiplied once more by its IDF (as
        `_unit` does for a document): what finds its candidate events and, dotted with a raw centroid, scores them.
        The event's norm must be positive."""
        norm = math.sqrt(self._norm_sq(event))
        return {term: value * self._idf(term) ** 2 / norm for term, value in event.centroid.items()}

    def _size(self, event: _Live) -> int:
        return len(event.members) + event.archived_count

    def _event_similarity(self, event: _Live, other: _Live, gate: float = ENTITY_GATE) -> float:
        """Cosine of two events' IDF-weighted centroids, scaled by their entity agreement and time gap as a
        document's similarity to an event is."""
        norm_sq, other_sq = self._norm_sq(event), self._norm_sq(other)
        if norm_sq <= 0.0 or other_sq <= 0.0:
            return 0.0
        factor = 1.0
        if event.first is not None and event.last is not None:
            factor = max(self._time_factor(event.first, other), self._time_factor(event.last, other))
        small, large = (event, other) if len(event.centroid) <= len(other.centroid) else (other, event)
        dot = entity_dot = 0.0
        for term, value in small.centroid.items():
            shared = large.centroid.get(term)
            if shared is not None:
                product = value * shared * self._idf(term) ** 2
                dot += product
                if term.startswith("ent:"):
                    entity_dot += product
        lexical = dot / math.sqrt(norm_sq * other_sq)
        if gate > 0.0 and event.entity_norm_sq > 0.0 and other.entity_norm_sq > 0.0:
            entity_cosine = entity_dot / math.sqrt(event.entity_norm_sq * other.entity_norm_sq)
            lexical *= _entity_scale(entity_cosine, gate)
        return factor * lexical

    def _consolidate(self, result: dict[str, str]) -> int:
        """Attach the small events of this batch to their closest live event, and this batch's events to a small
        live event, at `consolidate_threshold`: only events founded in this batch are absorbed, so no id that an
        earlier batch returned disappears; an older event keeps its id, between two of this batch the larger."""
        joined = 0
        fresh = sorted(
            (e for e in self._live.values() if e.born == self._batch and all(d in result for d in e.members)),
            key=lambda e: (len(e.members), e.id),
        )
        for event in fresh:
            if event.id not in self._live or self._norm_sq(event) <= 0.0:
                continue
            unit = self._event_unit(event)
            best, best_score = None, 0.0
            for other_id in self._candidates(unit):
                other = self._live[other_id]
                if other is event:
                    continue
                if min(len(event.members), self._size(other)) > CONSOLIDATE_MAX_SIZE:
                    continue
                if (
                    event.languages
                    and other.languages
                    and not event.languages.keys() & other.languages.keys()
                ):
                    continue  # across languages only names are shared: the embeddings decide (similarity)
                score = self._event_similarity(event, other, CONSOLIDATE_ENTITY_GATE)
                if score > best_score:
                    best, best_score = other, score
            if best is None or best_score < self.consolidate_threshold:
                continue
            keeper, absorbed = (
                (event, best)
                if best.born == self._batch
                and all(d in result for d in best.members)
                and len(event.members) > len(best.members)
                else (best, event)
            )
            moved = list(absorbed.members)
            self._absorb(keeper, absorbed)
            for doc_id in moved:
                result[doc_id] = keeper.id
            joined += 1
        return joined

    def _absorb(self, keeper: _Live, absorbed: _Live) -> None:
        for term, value in absorbed.centroid.items():
            if term not in keeper.centroid:
                self._postings[term].add(keeper.id)
            keeper.centroid[term] = keeper.centroid.get(term, 0.0) + value
        keeper.norm_batch = -1
        if absorbed.embedding_sum is not None:
            keeper.embedding_sum = (
                absorbed.embedding_sum.copy()
                if keeper.embedding_sum is None
                else keeper.embedding_sum + absorbed.embedding_sum
            )
            keeper.embedded += absorbed.embedded
        keeper.members.update(absorbed.members)
        keeper.archived.extend(absorbed.archived)
        keeper.archived_count += absorbed.archived_count
        # Without `keep_retired` the absorbed event's archived members are not all listed here (only one window is
        # held): the caller moves them, told by `absorbed`.
        self._absorbed[keeper.id] = [
            *self._absorbed.get(keeper.id, []),
            absorbed.id,
            *self._absorbed.pop(absorbed.id, []),
        ]
        keeper.archived_languages |= absorbed.archived_languages
        if absorbed.archived_first is not None:
            keeper.archived_first = min(d for d in (keeper.archived_first, absorbed.archived_first) if d)
        if keeper.archived_best is None:
            keeper.archived_best = absorbed.archived_best
        for doc_id in absorbed.archived:
            self._assignment[doc_id] = keeper.id
        keeper.languages.update(absorbed.languages)
        firsts = [d for d in (keeper.first, absorbed.first) if d is not None]
        lasts = [d for d in (keeper.last, absorbed.last) if d is not None]
        keeper.first = min(firsts) if firsts else None
        keeper.last = max(lasts) if lasts else None
        touched = [d for d in (keeper.touched, absorbed.touched) if d is not None]
        keeper.touched = max(touched) if touched else None
        arrivals = [d for d in (keeper.touched_arrival, absorbed.touched_arrival) if d is not None]
        keeper.touched_arrival = max(arrivals) if arrivals else None
        if keeper.last is not None:
            self._drop_arrival_stamps(keeper)
        for doc_id in absorbed.members:
            self._assignment[doc_id] = keeper.id
        self._drop_event(absorbed)
        if len(keeper.centroid) > MAX_CENTROID_TERMS:
            self._prune(keeper)

    def _leave(self, event: _Live, feature: DocFeatures, raw: dict[str, float]) -> None:
        for term, value in raw.items():
            if term in event.centroid:
                old = event.centroid[term]
                remaining = old - value
                if remaining > 1e-9:
                    event.centroid[term] = remaining
                    self._shift(event, term, old, remaining)
                else:
                    del event.centroid[term]
                    self._shift(event, term, old, 0.0)
                    self._drop_posting(term, event.id)
        if not event.centroid:
            event.norm_sq = 0.0
        if feature.embedding is not None and event.embedding_sum is not None:
            event.embedding_sum = event.embedding_sum - feature.embedding
            event.embedded -= 1
            if event.embedded <= 0:
                event.embedding_sum, event.embedded = None, 0
        event.members.pop(feature.doc_id, None)
        if feature.language:
            event.languages[feature.language] -= 1
            if event.languages[feature.language] <= 0:
                del event.languages[feature.language]
        if feature.published is not None and feature.published in (event.first, event.last):
            # Only a member on the edge of the date range moves it: most leaves cost no pass over the members.
            dates = [m.published for m in event.members.values() if m.published is not None]
            event.first = min([*dates, event.archived_first] if event.archived_first else dates, default=None)
            event.last = max(dates) if dates else event.archived_first

    def _drop_event(self, event: _Live) -> None:
        for term in event.centroid:
            self._drop_posting(term, event.id)
        self._live.pop(event.id, None)

    def _assign(self, feature: DocFeatures) -> str:
        unit = self._units[feature.doc_id]
        best_id, best_score = self._best(feature, unit)
        if best_id is None or best_score < self.join_threshold:
            best_id = self._new_event(feature.doc_id).id
        self._join(self._live[best_id], feature, unit, self._raws[feature.doc_id])
        self._assignment[feature.doc_id] = best_id
        return best_id

    def _join(
        self, event: _Live, feature: DocFeatures, unit: dict[str, float], raw: dict[str, float]
    ) -> None:
        centroid = event.centroid
        for term, value in raw.items():
            old = centroid.get(term)
            if old is None:
                self._postings[term].add(event.id)
                old = 0.0
            new = old + value
            centroid[term] = new
            self._shift(event, term, old, new)
        if len(centroid) > MAX_CENTROID_TERMS:
            self._prune(event)
        if feature.embedding is not None:
            event.embedding_sum = (
                feature.embedding.copy()
                if event.embedding_sum is None
                else event.embedding_sum + feature.embedding
            )
            event.embedded += 1
        if feature.published is not None:
            if event.last is None:
                self._drop_arrival_stamps(event)
            event.first = feature.published if event.first is None else min(event.first, feature.published)
            event.last = feature.published if event.last is None else max(event.last, feature.published)
        top = dict(sorted(unit.items(), key=lambda item: (-item[1], item[0]))[:MEMBER_TERMS])
        if feature.language:
            event.languages[feature.language] += 1
        event.members[feature.doc_id] = _Member(
            feature.doc_id,
            feature.title,
            feature.published,
            feature.language,
            top,
            self._newest if feature.published is None else None,
            self._newest_arrival if event.last is None else None,
        )
        if self._newest is not None:
            event.touched = self._newest
        # Only an event with no dated member keeps an arrival stamp (it is never used for a dated one).
        event.touched_arrival = self._newest_arrival if event.last is None else None

    def _prune(self, event: _Live) -> None:
        kept = dict(
            sorted(event.centroid.items(), key=lambda item: (-item[1], item[0]))[:KEEP_CENTROID_TERMS]
        )
        for term in event.centroid.keys() - kept.keys():
            self._drop_posting(term, event.id)
        event.centroid = kept
        event.norm_batch = -1

    def _drop_posting(self, term: str, event_id: str) -> None:
        holders = self._postings.get(term)
        if holders is not None:
            holders.discard(event_id)
            if not holders:
                del self._postings[term]

    def _retire(self) -> None:
        window = timedelta(days=self.window_days)
        horizon = self._newest - window if self._newest is not None else None
        arrival_horizon = self._newest_arrival - window if self._newest_arrival is not None else None
        if horizon is None and arrival_horizon is None:
            return
        if horizon is not None:
            self._forget_days(horizon)
        retiring = []
        for event in self._live.values():
            self._stamp_undated(event)
            if _expired(event, horizon, arrival_horizon):
                retiring.append(event.id)
            else:
                self._archive(event, horizon, arrival_horizon)
        for event_id in retiring:
            event = self._live.pop(event_id)
            for term in event.centroid:
                self._drop_posting(term, event_id)
            # Summarised even when retired events are not kept: an event may change and retire in one add (a late
            # document older than the window founds an event), and the caller of that add saves it.
            self._retired[event_id] = self._summarise(event)
            if not self.keep_retired:
                for member in event.members.values():
                    self._assignment.pop(member.doc_id, None)
        if not any(event.last is None for event in self._live.values()):
            # The arrival clock retires only events with no dated member: with none live it stops (and is not saved)
            # and the next add starts it again from its own documents. A stream of dated news then keeps no arrival
            # time, so its state does not depend on when its documents reached the store.
            self._newest_arrival = None

    def _stamp_undated(self, event: _Live) -> None:
        """Undated members and events that joined before any date was seen (or come from a snapshot older than
        `seen`/`touched`, or from adds without arrival times) count as seen now: they get one window from here, on
        each clock that has started."""
        if event.touched is None:
            event.touched = self._newest
        if event.touched_arrival is None and event.last is None:
            event.touched_arrival = self._newest_arrival
        for member in event.members.values():
            if member.published is None:
                if member.seen is None:
                    member.seen = self._newest
                if member.seen_arrival is None and event.last is None:
                    member.seen_arrival = self._newest_arrival

    @staticmethod
    def _drop_arrival_stamps(event: _Live) -> None:
        """An event that gains a dated member leaves the arrival clock: its stamps would never be read (and would make
        its saved state depend on when its documents reached the store)."""
        event.touched_arrival = None
        for member in event.members.values():
            member.seen_arrival = None
        if event.archived_best is not None:
            event.archived_best.seen_arrival = None

    def _archive(self, event: _Live, horizon: datetime | None, arrival_horizon: datetime | None) -> None:
        """Let go of the members of a still-growing event that were published before the window, or, undated, joined
        it before the window (their terms stay in its centroid); the event keeps its id, first date and, if they are
        kept, their ids. In an event with no dated member, members that joined more than a window of arrival time
        ago leave too."""
        undated_event = event.last is None
        old = [
            m
            for m in event.members.values()
            if (horizon is not None and (when := _when(m)) is not None and when < horizon)
            or (
                undated_event
                and arrival_horizon is not None
                and m.seen_arrival is not None
                and m.seen_arrival < arrival_horizon
            )
        ]
        if not old:
            return
        # By publication time (undated: seen), then id; members seen only on the arrival clock (no date seen yet)
        # last.
        old.sort(key=lambda m: ((when.timestamp() if (when := _when(m)) is not None else math.inf), m.doc_id))
        candidates = [*old, *([event.archived_best] if event.archived_best else [])]
        event.archived_best = max(
            (m for m in candidates if m.title),
            key=lambda m: (self._centrality(m, event), m.doc_id),
            default=event.archived_best,
        )
        for member in old:
            del event.members[member.doc_id]
            if member.language:
                event.archived_languages.add(member.language)
                event.languages[member.language] -= 1
                if event.languages[member.language] <= 0:
                    del event.languages[member.language]
            event.archived.append(member.doc_id)
            if not self.keep_retired:
                self._assignment.pop(member.doc_id, None)
        event.archived_count += len(old)
        dates = [m.published for m in old if m.published is not None]
        if dates:
            first = min(dates)
            event.archived_first = first if event.archived_first is None else min(event.archived_first, first)

    # -- reading ---------------------------------------------------------------------------------------------

    @staticmethod
    def _centrality(member: _Member, event: _Live) -> float:
        return sum(v * event.centroid.get(t, 0.0) for t, v in member.terms.items())

    def _central_title(self, event: _Live) -> str | None:
        best: tuple[float, str] | None = None
        archived = [event.archived_best] if event.archived_best is not None else []
        for member in [*event.members.values(), *archived]:
            if not member.title:
                continue
            score = sum(v * event.centroid.get(t, 0.0) for t, v in member.terms.items())
            if best is None or score > best[0]:
                best = (score, member.title)
        return best[1] if best else None

    def _summarise(self, event: _Live) -> _Retired:
        members = sorted(
            event.members.values(),
            key=lambda m: (m.published is None, m.published.timestamp() if m.published else 0, m.doc_id),
        )
        return _Retired(
            id=event.id,
            title=self._central_title(event),
            documents=[*event.archived, *(m.doc_id for m in members)],
            first=event.first,
            last=event.last,
            languages=sorted({m.language for m in members if m.language} | event.archived_languages),
        )

    def _forget_latest_changes(self) -> None:
        """At the start of an add: what the previous one archived, retired and merged was its caller's to save.
        Without `keep_retired` only the live events of the window stay in memory."""
        self._absorbed = {}
        if not self.keep_retired:
            self._retired = {}
            for event in self._live.values():
                event.archived = []

    def events(self, event_ids: Collection[str] | None = None) -> list[Event]:
        """Every event (or those of `event_ids`), live and retired, ordered by first publication (undated last), then
        id.

        Without `keep_retired` the retired events are those the latest add retired, and an event's documents are its
        members in the window and those the latest add archived: earlier adds returned the rest, and the caller keeps
        them (as `kabar.store.Store.save_clustered_events` does).
        """
        if event_ids is None:
            live, retired = list(self._live.values()), list(self._retired.values())
        else:
            live = [self._live[e] for e in event_ids if e in self._live]
            retired = [self._retired[e] for e in event_ids if e in self._retired]
        summaries = [*retired, *(self._summarise(e) for e in live)]
        summaries.sort(key=lambda s: (s.first is None, s.first.timestamp() if s.first else 0.0, s.id))
        return [
            Event(
                id=s.id,
                title=s.title,
                documents=list(s.documents),
                first_published=s.first.isoformat() if s.first else None,
                last_published=s.last.isoformat() if s.last else None,
                languages=list(s.languages),
            )
            for s in summaries
        ]

    def absorbed(self) -> dict[str, list[str]]:
        """Event id -> the events the latest add merged into it (directly or through an event merged into it), in the
        order their members joined it. Without `keep_retired` the event does not list their archived members, which
        the caller (holding every member) moves to it."""
        return {event_id: list(merged) for event_id, merged in self._absorbed.items()}

    def event_of(self, doc_id: str) -> str | None:
        """The event of a document (without `keep_retired`: of a document of the window)."""
        return self._assignment.get(doc_id)

    @property
    def live_events(self) -> int:
        return len(self._live)

    @property
    def live_documents(self) -> int:
        """Documents of the live events (what memory holds besides the window's term counts)."""
        return sum(len(event.members) for event in self._live.values())

    # -- persistence -----------------------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able snapshot: running document frequencies, live events with their centroids, retired events."""
        return {
            # 3: undated members carry `seen`, events `touched`; 4: and their arrival clock, `seen_arrival`,
            # `touched_arrival` and `newest_arrival` (from_dict reads 1-3 too).
            "version": 4,
            "config": {
                "join_threshold": self.join_threshold,
                "window_days": self.window_days,
                "use_embeddings": self.use_embeddings,
                "entity_boost": self.entity_boost,
                "embedding_weight": self.embedding_weight,
                "keep_retired": self.keep_retired,
                "merge_threshold": self.merge_threshold,
                "split_threshold": self.split_threshold,
                "consolidate_threshold": self.consolidate_threshold,
            },
            "n": self._n,
            "df": dict(self._df),
            "df_days": [[day, documents, dict(counts)] for day, (documents, counts) in self._df_days.items()],
            "newest": _iso(self._newest),
            "newest_arrival": _iso(self._newest_arrival),
            "live": [
                {
                    "id": e.id,
                    "centroid": e.centroid,
                    "embedding_sum": e.embedding_sum.tolist() if e.embedding_sum is not None else None,
                    "embedded": e.embedded,
                    "first": _iso(e.first),
                    "last": _iso(e.last),
                    "touched": _iso(e.touched),
                    "touched_arrival": _iso(e.touched_arrival),
                    "members": [_member_row(m) for m in e.members.values()],
                    # Without `keep_retired` archived ids are the caller's to keep: the snapshot holds one window.
                    "archived": e.archived if self.keep_retired else [],
                    "archived_count": e.archived_count,
                    "archived_first": _iso(e.archived_first),
                    "archived_languages": sorted(e.archived_languages),
                    "archived_best": _member_row(e.archived_best) if e.archived_best else None,
                }
                for e in self._live.values()
            ],
            "retired": [
                [r.id, r.title, r.documents, _iso(r.first), _iso(r.last), r.languages]
                for r in (self._retired.values() if self.keep_retired else ())
            ],
        }

    @classmethod
    def from_dict(
        cls,
        data: dict[str, Any],
        *,
        entity_extractor: EntityExtractor | None = capitalised_entities,
        keep_retired: bool | None = None,
    ) -> EventClusterer:
        """The clusterer `to_dict` saved. `keep_retired=False` restores a snapshot that kept retired events and
        archived ids without them (one window in memory); True cannot bring back what a snapshot did not keep."""
        config = dict(data["config"])
        if keep_retired is not None:
            config["keep_retired"] = keep_retired
        clusterer = cls(entity_extractor=entity_extractor, **config)
        clusterer._n = data["n"]
        clusterer._df = Counter(data["df"])
        clusterer._newest = published_datetime(data["newest"])
        clusterer._newest_arrival = published_datetime(data.get("newest_arrival"))
        if "df_days" in data:
            clusterer._df_days = {
                day: (documents, Counter(counts)) for day, documents, counts in data["df_days"]
            }
        else:  # version 1 kept one overall count: it leaves the IDF as one day, the newest
            clusterer._df_days = {clusterer._day(None): (clusterer._n, Counter(clusterer._df))}
        for item in data["live"]:
            event = _Live(
                id=item["id"],
                centroid=dict(item["centroid"]),
                embedding_sum=(
                    np.asarray(item["embedding_sum"], dtype=np.float32)
                    if item["embedding_sum"] is not None
                    else None
                ),
                embedded=item["embedded"],
                first=published_datetime(item["first"]),
                last=published_datetime(item["last"]),
                members={member[0]: _member(member) for member in item["members"]},
                touched=published_datetime(item.get("touched")),
                touched_arrival=published_datetime(item.get("touched_arrival")),
            )
            event.languages = Counter(m.language for m in event.members.values() if m.language)
            archived = list(item.get("archived", []))
            event.archived = archived if clusterer.keep_retired else []
            event.archived_count = item.get("archived_count", len(archived))
            event.archived_first = published_datetime(item.get("archived_first"))
            event.archived_languages = set(item.get("archived_languages", []))
            if best := item.get("archived_best"):
                event.archived_best = _member(best)
            for doc_id in event.archived:
                clusterer._assignment[doc_id] = event.id
            clusterer._live[event.id] = event
            for term in event.centroid:
                clusterer._postings[term].add(event.id)
            for doc_id in event.members:
                clusterer._assignment[doc_id] = event.id
        retired = data["retired"] if clusterer.keep_retired else []
        for event_id, title, documents, first, last, languages in retired:
            clusterer._retired[event_id] = _Retired(
                event_id,
                title,
                list(documents),
                published_datetime(first),
                published_datetime(last),
                list(languages),
            )
            for doc_id in documents:
                clusterer._assignment[doc_id] = event_id
        return clusterer


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _member_row(member: _Member) -> list[Any]:
    """A member as `to_dict` lists it (read back by `_member`)."""
    return [
        member.doc_id,
        member.title,
        _iso(member.published),
        member.language,
        member.terms,
        _iso(member.seen),
        _iso(member.seen_arrival),
    ]


def _member(item: list[Any]) -> _Member:
    """A member as `to_dict` lists it; version 2 snapshots have no `seen`, version 3 no `seen_arrival` (their
    undated members are stamped when the clusterer next retires)."""
    doc_id, title, published, language, terms, *rest = item
    seen = published_datetime(rest[0]) if rest else None
    seen_arrival = published_datetime(rest[1]) if len(rest) > 1 else None
    return _Member(doc_id, title, published_datetime(published), language, dict(terms), seen, seen_arrival)


def _empty(event: _Live) -> bool:
    """No member, live or archived: the event can go."""
    return not event.members and not event.archived_count and event.archived_first is None


def _when(member: _Member) -> datetime | None:
    """When a member counts as published for the window: its date, or for an undated one when it was seen."""
    return member.published if member.published is not None else member.seen


def _expired(event: _Live, horizon: datetime | None, arrival_horizon: datetime | None) -> bool:
    """Whether a (stamped) event has fallen behind the window: a dated event by its last publication date only; one
    with no dated member when it last gained a member, by publication time seen or by arrival time seen."""
    if event.last is not None:
        return horizon is not None and event.last < horizon
    if horizon is not None and event.touched is not None and event.touched < horizon:
        return True
    return (
        arrival_horizon is not None
        and event.touched_arrival is not None
        and event.touched_arrival < arrival_horizon
    )


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(b) < len(a):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def _mean(vectors: Sequence[dict[str, float]]) -> dict[str, float]:
    total: dict[str, float] = defaultdict(float)
    for vector in vectors:
        for term, value in vector.items():
            total[term] += value
    return dict(total)


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    norm = math.sqrt(_dot(a, a) * _dot(b, b))
    return _dot(a, b) / norm if norm else 0.0


def event_id_for(founding_doc_id: str) -> str:
    """An event's id: derived from its founding document, so it stays the same however the event grows."""
    return f"event-{founding_doc_id}"


def cluster_documents(docs: Iterable[Document], **options: Any) -> list[Event]:
    """One-shot convenience: cluster a set of documents and return the events."""
    clusterer = EventClusterer(**options)
    clusterer.add(list(docs))
    return clusterer.events()
