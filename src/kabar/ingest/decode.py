"""Turning bytes into text: BOMs, declared charsets, UTF-8, then detection — never an assumed encoding."""

from __future__ import annotations

import codecs
import gzip
import re

from kabar.errors import InputError

GZIP_MAGIC = b"\x1f\x8b"

# Share of control characters (other than tab/newline/carriage return/form feed) above which decoded text is
# treated as binary. Real scrapes have none; 1% allows a stray control byte in an old cp1252 file.
MAX_CONTROL_CHARACTER_SHARE = 0.01

# Share of letters outside ASCII above which a cp1252 reading is rejected as mojibake of another code page:
# Latin-script news (Indonesian, English, French, German) stays far below it; Cyrillic read as cp1252 is ~100%.
MAX_ACCENTED_LETTER_SHARE = 0.3

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def gunzip_if_needed(data: bytes, source: str) -> bytes:
    if not data.startswith(GZIP_MAGIC):
        return data
    try:
        return gzip.decompress(data)
    except (OSError, EOFError) as error:
        raise InputError(source, f"corrupt gzip data ({error})") from None


def _declared_encoding(data: bytes) -> str | None:
    head = data[:4096]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    controls = sum(1 for char in text if ord(char) < 32 and char not in "\t\n\r\f")
    return controls / len(text)


def decode_bytes(data: bytes, source: str) -> str:
    """Decode `data` to text, or raise InputError saying the file is binary or undecodable."""
    if not data.strip():
        raise InputError(source, "empty input")
    encoding: str | None = None
    for bom, name in _BOMS:
        if data.startswith(bom):
            data, encoding = data[len(bom) :], name
            break
    if encoding is None and b"\x00" in data[:4096]:
        # UTF-16 without a BOM shows NUL in every other byte of ASCII text; anything else with NULs is binary.
        even, odd = data[0:4096:2], data[1:4096:2]
        if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
            encoding = "utf-16-le"
        elif even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
            encoding = "utf-16-be"
        else:
            raise InputError(source, "binary file, not text")
    candidates = [encoding] if encoding else [_declared_encoding(data), "utf-8"]
    for candidate in candidates:
        if not candidate:
            continue
        try:
            text = data.decode(candidate)
        except (UnicodeDecodeError, LookupError):
            continue
        return _checked_text(text, source)
    text = _plausible_cp1252(data)
    if text is None:
        text = _detect_and_decode(data, source)
    return _checked_text(text, source)


def _plausible_cp1252(data: bytes) -> str | None:
    """The cp1252 (Windows Western, a superset of latin-1's printable range) reading, if it reads as Latin text.

    Detectors confuse cp1252 with cp1250 on short Western texts ("naïve" -> "naďve"); news in Indonesian and
    English that is not UTF-8 is nearly always cp1252, so it is tried first and kept where plausible.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [char for char in text if char.isalpha()]
    if not letters:
        return text
    accented = sum(1 for char in letters if ord(char) > 127)
    return text if accented / len(letters) <= MAX_ACCENTED_LETTER_SHARE else None


def _detect_and_decode(data: bytes, source: str) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(source, "undecodable text: no known encoding fits its bytes")
    return str(best)


def _checked_text(text: str, source: str) -> str:
    if _control_share(text) > MAX_CONTROL_CHARACTER_SHARE:
        raise InputError(source, "binary file, not text")
    if "\ufffd" in text[:10000] and text[:10000].count("\ufffd") > 0.01 * len(text[:10000]):
        raise InputError(source, "undecodable text: too many invalid characters")
    if not text.strip():
        raise InputError(source, "empty input")
    return text
