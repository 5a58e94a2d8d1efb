"""The task functions every executor runs: pure functions of their arguments, importable by worker processes.

`prepare_task` is the per-document work (clean, language, sentences, embedding), `brief_task` the per-event work
(copies and rewrites, entities, briefing). Both call the pipeline's own functions (`kabar.pipeline.prepare`,
`kabar.pipeline.brief_events`), so there is one implementation of each step whoever runs it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from kabar.clean import ChromeMemory
from kabar.clean.core import memory_outlet
from kabar.clean.memory import outlet_key
from kabar.cluster import DocFeatures
from kabar.pipeline import BriefOptions, brief_events, prepare
from kabar.records import Document, Event, RawDocument

# The per-document step: `kabar.pipeline.prepare` unless a caller gives another (a module-level function, so that
# tasks carrying it can be sent to other processes).
PrepareFunction = Callable[[RawDocument, ChromeMemory | None], Document]


@dataclass(slots=True)
class PrepareTask:
    """A slice of one clean batch: raw documents and the chrome memory they are cleaned with."""

    raws: list[RawDocument]
    chrome: ChromeMemory
    keep_going: bool = False
    prepare: PrepareFunction | None = None


@dataclass(slots=True)
class Failure:
    """A document that could not be prepared (only returned with keep-going; otherwise the task raises)."""

    source: str
    reason: str


@dataclass(slots=True)
class Prepared:
    """Documents in the order of the task's raw documents (None where that one failed)."""

    documents: list[Document | None]
    failures: list[Failure] = field(default_factory=list)


def chrome_for(raws: list[RawDocument], chrome: ChromeMemory) -> ChromeMemory:
    """The part of the chrome memory that cleaning `raws` reads: the buckets of their outlets.

    Cleaning asks the memory about a line only under the document's own outlet (`memory_outlet`), so a task needs
    a few buckets, not the memory of every outlet ever seen (nor the keys of every document observed).
    """
    keys = {outlet_key(memory_outlet(raw)) for raw in raws}
    return ChromeMemory(outlets={key: chrome.outlets[key] for key in sorted(keys) if key in chrome.outlets})


def prepare_task(_shared: object, task: PrepareTask) -> Prepared:
    """Clean each raw document, split sentences, and embed the batch (the clusterer reuses the embeddings)."""
    from kabar.cluster import embed_documents

    prepare_document = task.prepare or prepare
    result = Prepared(documents=[])
    for raw in task.raws:
        try:
            result.documents.append(prepare_document(raw, task.chrome))
        except Exception as error:
            if not task.keep_going:
                raise
            result.documents.append(None)
            result.failures.append(Failure(raw.source, f"cannot clean ({type(error).__name__}: {error})"))
    embed_documents([document for document in result.documents if document is not None])
    return result


@dataclass(slots=True)
class FeatureTask:
    """Stored documents about to be clustered."""

    documents: list[Document]


def cluster_features_task(_shared: object, task: FeatureTask) -> list[DocFeatures]:
    """The clusterer's per-document work (terms, stems, entities, the embedding it carries), in document order.

    It does not depend on the clusterer's state, so any executor computes it and the driver's clusterer only adds
    the results (`EventClusterer.add_features`), exactly as `EventClusterer.add` would have. The clusterer's
    default configuration is the one `EventClusterer.from_dict` restores (the entity extractor is not saved).
    """
    from kabar.cluster import EventClusterer, embed_documents

    embed_documents(task.documents)  # only where a stored document lacks its vector
    clusterer = EventClusterer()
    return [clusterer.features(document) for document in task.documents]


@dataclass(slots=True)
class BriefTask:
    """Events (membership known, not yet briefed) and every document they hold."""

    events: list[Event]
    documents: dict[str, Document]


def brief_task(options: BriefOptions, task: BriefTask) -> list[Event]:
    """Brief each event of the task: independent of every other event, so tasks run anywhere in any order."""
    return brief_events(task.events, task.documents, options)
