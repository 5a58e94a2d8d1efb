"""Inputs for `kabar run`: local paths through `kabar.ingest`, and any fsspec URL (s3://, gs://, http://, memory://).

A URL is read with the same readers as a local file (chosen by the file name), so a WARC on object storage and the
same WARC on disk give the same documents. Only the source names differ: a URL keeps its protocol
(`s3://bucket/crawl.warc.gz#record-3`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath

from kabar.errors import InputError
from kabar.ingest import discover, read_one
from kabar.ingest.readers import (
    CONTAINER_READERS,
    FORMAT_BY_SUFFIX,
    MAX_DOCUMENT_BYTES,
    check_size,
    reader_for_name,
)
from kabar.records import RawDocument

URL_MARK = "://"
GLOB_CHARACTERS = frozenset("*?[")


def is_url(path: str | Path) -> bool:
    """Whether an input names an fsspec location (`protocol://...`) rather than a local path."""
    return URL_MARK in str(path)


def _filesystem(url: str):  # type: ignore[no-untyped-def]
    try:
        import fsspec
    except ImportError:
        raise InputError(url, "reading URLs needs fsspec (pip install fsspec)") from None
    try:
        return fsspec.core.url_to_fs(url)
    except (ImportError, ValueError) as error:
        raise InputError(url, f"cannot open this location ({error})") from None


def _hidden(path: str, root: str) -> bool:
    relative = PurePosixPath(path).relative_to(root) if path.startswith(root) else PurePosixPath(path)
    return any(part.startswith(".") for part in relative.parts)


def _discover_url(url: str) -> list[str]:
    fs, root = _filesystem(url)
    try:
        if any(character in root for character in GLOB_CHARACTERS):
            matches = sorted(fs.glob(root))
            if not matches:
                raise InputError(url, "no matching files")
            return [fs.unstrip_protocol(match) for match in matches if reader_for_name(match) is not None]
        if fs.isdir(root):
            files = sorted(
                path
                for path in fs.find(root)
                if reader_for_name(PurePosixPath(path).name) and not _hidden(path, root)
            )
            return [fs.unstrip_protocol(path) for path in files]
        if fs.exists(root):
            if reader_for_name(PurePosixPath(root).name) is None:
                known = ", ".join(sorted(FORMAT_BY_SUFFIX))
                raise InputError(url, f"unknown format (kabar reads {known})")
            return [url]
    except OSError as error:
        raise InputError(url, f"cannot list ({error})") from None
    raise InputError(url, "no such file, folder or matching pattern")


def discover_sources(paths: Iterable[str | Path]) -> list[str]:
    """Every input file, in the order given (folders expanded recursively and sorted), each once."""
    found: list[str] = []
    for path in paths:
        found.extend(_discover_url(str(path)) if is_url(path) else discover([path]))
    return list(dict.fromkeys(found))


def read_source(source: str, *, max_bytes: int = MAX_DOCUMENT_BYTES) -> Iterator[RawDocument]:
    """The articles of one discovered input, local or fsspec."""
    if not is_url(source):
        yield from read_one(source, max_bytes=max_bytes)
        return
    reader = reader_for_name(PurePosixPath(source.split(URL_MARK, 1)[1]).name)
    if reader is None:
        raise InputError(source, "unknown format")
    fs, path = _filesystem(source)
    try:
        if reader not in CONTAINER_READERS:
            check_size(int(fs.size(path) or 0), source, max_bytes)
        data = fs.cat_file(path)
    except FileNotFoundError:
        raise InputError(source, "no such file") from None
    except OSError as error:
        raise InputError(source, f"cannot read ({error})") from None
    for raw in reader(data, source):
        check_size(len(raw.body.encode("utf-8")), raw.source, max_bytes)
        yield raw
