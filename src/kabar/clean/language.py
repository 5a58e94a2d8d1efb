"""The language of an article body: "id", "en", "other", or None when the body is too short to judge."""

from __future__ import annotations

from functools import lru_cache

# Fewer words than this and a character-n-gram classifier guesses; such a body gets language None.
MIN_WORDS_FOR_LANGUAGE = 12
# How much text is enough to judge: the first characters of the body (the classifier is linear in length).
SAMPLE_CHARS = 2000


@lru_cache(maxsize=1)
def _classify():  # type: ignore[no-untyped-def]
    import py3langid

    return py3langid.classify


def detect_language(text: str) -> str | None:
    if len(text.split()) < MIN_WORDS_FOR_LANGUAGE:
        return None
    code, _ = _classify()(text[:SAMPLE_CHARS])
    # langid confuses Indonesian with Malay on news prose (shared vocabulary); kabar reads both as "id".
    if code in {"id", "ms"}:
        return "id"
    if code == "en":
        return "en"
    return "other"
