"""Ingest step: find input files and read them into RawDocuments.

`kabar ingest PATH...` accepts files, folders (read recursively, known formats only), glob patterns and `-` for
standard input. Formats: plain-text scrapes, HTML (also gzip-compressed), JSON lines, WARC and RSS/Atom feeds.
"""

from __future__ import annotations

import glob
import hashlib
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from kabar.errors import InputError
from kabar.ingest.readers import (
    CONTAINER_READERS,
    FORMAT_BY_SUFFIX,
    MAX_DOCUMENT_BYTES,
    check_size,
    reader_for_name,
    sniff_reader,
)
from kabar.records import RawDocument

STDIN = "-"


def document_id(raw: RawDocument) -> str:
    """A stable id from the normalised content: the same article read twice gets the same id.

    Normalisation (Unicode NFC, whitespace collapsed) makes a re-saved file with other line endings or
    indentation the same document; any change of words makes a new one.
    """
    normalised = " ".join(unicodedata.normalize("NFC", raw.body).split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]


def _is_hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _visible_files(folder: Path) -> Iterator[Path]:
    """Every file under `folder`, hidden ones (a dot in any part of the path below it) left out."""
    return (child for child in folder.rglob("*") if child.is_file() and not _is_hidden(child, folder))


def discover(paths: Iterable[str | Path]) -> list[str]:
    """Expand folders (recursively, known formats only, hidden files skipped) and globs, keeping order.

    A path that does not exist and matches no glob raises InputError; so does a named file of unknown format.
    """
    found: list[str] = []
    for given in paths:
        text = str(given)
        if text == STDIN:
            found.append(STDIN)
            continue
        path = Path(text)
        if path.is_dir():
            children = sorted(child for child in _visible_files(path) if reader_for_name(child.name))
            found.extend(str(child) for child in children)
        elif path.exists():
            if reader_for_name(path.name) is None:
                known = ", ".join(sorted(FORMAT_BY_SUFFIX))
                raise InputError(text, f"unknown format (kabar reads {known})")
            found.append(text)
        else:
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                raise InputError(text, "no such file, folder or matching pattern")
            found.extend(discover(matches))
    return list(dict.fromkeys(found))


def why_nothing_found(paths: Iterable[str | Path]) -> str:
    """The reason to give when `discover` found no input: how many files the given folders hold in formats kabar
    does not read (extension-less wire files, .csv, .pdf), and the formats it does read."""
    skipped = 0
    for given in paths:
        path = Path(str(given))
        if path.is_dir():
            skipped += sum(1 for child in _visible_files(path) if reader_for_name(child.name) is None)
    if not skipped:
        return "no input files found"
    known = ", ".join(sorted(FORMAT_BY_SUFFIX))
    return f"no input files found ({skipped} file(s) of other formats skipped; kabar reads {known})"


def read_one(source: str, *, max_bytes: int = MAX_DOCUMENT_BYTES) -> Iterator[RawDocument]:
    """Read one discovered input (a path or `-`)."""
    if source == STDIN:
        data = sys.stdin.buffer.read()
        reader = sniff_reader(data)
    else:
        path = Path(source)
        reader = reader_for_name(path.name)
        if reader is None:
            raise InputError(source, "unknown format")
        try:
            size = path.stat().st_size
            if reader not in CONTAINER_READERS:
                check_size(size, source, max_bytes)
            data = path.read_bytes()
        except PermissionError:
            raise InputError(source, "permission denied") from None
        except IsADirectoryError:
            raise InputError(source, "is a folder") from None
        except OSError as error:
            raise InputError(source, f"cannot read ({error.strerror or error})") from None
    for raw in reader(data, source):
        check_size(len(raw.body.encode("utf-8")), raw.source, max_bytes)
        yield raw


def read_paths(paths: Iterable[str | Path], *, max_bytes: int = MAX_DOCUMENT_BYTES) -> Iterator[RawDocument]:
    """Every article in the given inputs; raises InputError at the first unreadable one."""
    for source in discover(paths):
        yield from read_one(source, max_bytes=max_bytes)


__all__ = ["STDIN", "discover", "document_id", "read_one", "read_paths"]
