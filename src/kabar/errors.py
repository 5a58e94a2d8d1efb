"""Errors kabar reports to a user: one line naming the input and the reason."""

from __future__ import annotations


class KabarError(Exception):
    """Base class of the errors kabar explains to a user; the CLI prints `str(error)` and exits non-zero."""

    exit_code = 1


class InputError(KabarError):
    """An input that cannot be read as articles: unknown format, binary, undecodable, empty, too large."""

    exit_code = 2

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class StoreError(KabarError):
    """The store cannot be opened or written (not a kabar store, newer schema, locked too long)."""

    exit_code = 3
