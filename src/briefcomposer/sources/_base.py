"""Shared pieces of the importers: limits, decoding, warnings, cleaning, dates.

Nothing here imports a third-party parser; the loaders that need trafilatura, pypdf or
python-docx import them themselves.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from briefcomposer.core.errors import SourceError
from briefcomposer.core.model import Source

logger = logging.getLogger(__name__)

# -- limits ---------------------------------------------------------------------------
# A policy article is 5-50 kB of text; a long report as a PDF with images rarely passes
# 30 MB. Anything bigger is refused before it is read, so a stray video or disk image
# named .txt cannot exhaust memory.
MAX_FILE_BYTES = 50 * 1024 * 1024
# Decoded text beyond this is dropped with a warning (about 800,000 words, a long book).
MAX_TEXT_CHARS = 5_000_000
# A paragraph longer than this is split at a space (text without blank lines, say).
MAX_PARAGRAPH_CHARS = 10_000
# Paragraphs beyond this are dropped with a warning.
MAX_PARAGRAPHS = 5_000

ProblemHandler = Callable[[str], None]


class Problems:
    """Collects one-line warnings about a partial import and passes them on.

    `handler` None means the warnings are only logged. A warning repeated word for word
    is passed on once.
    """

    def __init__(self, handler: ProblemHandler | None, name: str) -> None:
        self._handler = handler
        self.name = name
        self.seen: list[str] = []

    def warn(self, message: str) -> None:
        if message in self.seen:
            return
        self.seen.append(message)
        logger.warning("%s: %s", self.name, message)
        if self._handler is not None:
            self._handler(message)


@dataclass
class Draft:
    """What an importer found, before the shared clean-up turns it into a `Source`."""

    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    date: str | None = None
    url: str | None = None
    # (text, is_heading) in document order
    blocks: list[tuple[str, bool]] = field(default_factory=list)

    def add(self, text: str, heading: bool = False) -> None:
        text = clean_paragraph(text)
        if text:
            self.blocks.append((text, heading))


# -- decoding -------------------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# C0 controls other than tab, newline, vertical tab, form feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def decode_text(data: bytes, what: str, problems: Problems | None = None) -> str:
    """Decode the bytes of a text file: UTF-8 (with or without BOM), UTF-16/32 with a BOM,
    UTF-16 without one when it is obvious, else Windows-1252.

    Raises `SourceError` when the bytes are not text (a binary file named .txt). `what`
    names the file in the message.
    """
    text: str | None = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise SourceError(f"{what} is damaged: it says it is {encoding.upper()} text but is not.") from None
            break
    if text is None:
        text, damaged = _decode_without_bom(data)
        if damaged and problems is not None:
            problems.warn("some characters were not valid UTF-8 and were replaced with \ufffd")
    if text is None or _looks_binary(text):
        raise SourceError(f"{what} does not contain readable text; it may be a program, image or other binary file.")
    return text


def _decode_without_bom(data: bytes) -> tuple[str | None, bool]:
    """The text (None: not text) and whether damaged UTF-8 bytes were replaced."""
    sample = data[:4096]
    if len(sample) >= 4 and sample.count(0) * 3 >= len(sample):
        # UTF-16 without a BOM: English text has a NUL in every other byte.
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        encoding = "utf-16-le" if odd > even * 4 else "utf-16-be" if even > odd * 4 else None
        if encoding:
            try:
                return data[: len(data) - len(data) % 2].decode(encoding), False
            except UnicodeDecodeError:
                return None, False
        return None, False
    try:
        return data.decode("utf-8"), False
    except UnicodeDecodeError:
        pass
    # UTF-8 with a few damaged bytes (it has valid multi-byte characters) stays UTF-8;
    # otherwise the text is Windows-1252, as Notepad and Word write it.
    repaired = data.decode("utf-8", errors="replace")
    if any(ord(ch) > 0x7F and ch != "\ufffd" for ch in repaired):
        return repaired, True
    try:
        return data.decode("cp1252"), False
    except UnicodeDecodeError:
        # 0x81, 0x8D, 0x8F, 0x90 and 0x9D are unassigned in Windows-1252; real documents
        # almost never hold them, so their presence means this is not text.
        return None, False


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    sample = text[:65536]
    if not sample:
        return False
    controls = len(_CONTROL.findall(sample)) + sample.count("\ufffd")
    # Each distinct character is looked up once, and the characters are counted only when some
    # are unassigned: a lookup of every character took 0.6 ms of the window's start (the sample
    # article) and up to 6 ms for a long source (issue 5).
    odd = {ch for ch in set(sample) if unicodedata.category(ch) in ("Cn", "Co", "Cs")}
    unassigned = sum(1 for ch in sample if ch in odd) if odd else 0
    bad = controls + unassigned
    return bad > 2 and bad * 100 > len(sample)


def truncate_text(text: str, problems: Problems) -> str:
    """Cut `text` at the last paragraph break before `MAX_TEXT_CHARS`, with a warning."""
    if len(text) <= MAX_TEXT_CHARS:
        return text
    cut = text.rfind("\n\n", 0, MAX_TEXT_CHARS)
    if cut < MAX_TEXT_CHARS // 2:
        cut = MAX_TEXT_CHARS
    problems.warn(f"the text is very long; only the first {cut:,} characters were imported")
    return text[:cut]


# -- cleaning -------------------------------------------------------------------------

_LINE_BREAK = re.compile(r"[\n\r\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85]")
_ASCII_SPACE_RUN = re.compile(r"[ \t\n\r\f\v]+")
_ZERO_WIDTH = str.maketrans("", "", "\ufeff\u200b\u2060")


def clean_paragraph(text: str) -> str:
    """One paragraph on one line: line breaks become a single space, white space at both
    ends (including no-break spaces) is removed; the words and the spaces between them
    are kept as written."""
    text = text.translate(_ZERO_WIDTH).replace("\t", " ")
    # split and strip: a regex like \s*\n\s* is quadratic on long runs of spaces
    return " ".join(part for part in (p.strip() for p in _LINE_BREAK.split(text)) if part)


def collapse_spaces(text: str) -> str:
    """HTML-style white space: runs of ASCII white space become one space (no-break
    spaces are kept); ends are trimmed."""
    return _ASCII_SPACE_RUN.sub(" ", text.translate(_ZERO_WIDTH)).strip()


_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
    }
)


def fold(text: str) -> str:
    """A comparison key: quotes and dashes made plain, case and spacing ignored.

    Only for comparing; stored text keeps its typography.
    """
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return " ".join(text.split())


def is_sentence_end(text: str) -> bool:
    return text.rstrip("\"'\u2019\u201d)]*").endswith((".", "!", "?", "\u2026"))


# -- joined proper nouns ----------------------------------------------------------------

# Names that copying from web pages glues together when a dash is lost ("RussiaNATO").
# Only pairs of two different names from this list are repaired, so ordinary words
# ("McDonald", "iPhone", "USAID") are never touched.
JOINABLE_NAMES = (
    "NATO", "Russia", "Ukraine", "EU", "US", "UK", "UN", "China", "Taiwan", "Japan", "Korea",
    "India", "Pakistan", "Iran", "Iraq", "Israel", "Gaza", "Lebanon", "Syria", "Turkey", "Egypt",
    "Saudi", "Gulf", "Africa", "Europe", "America", "Asia", "France", "Germany", "Britain",
    "Poland", "Belarus", "Moldova", "Georgia", "Armenia", "Azerbaijan", "Serbia", "Kosovo",
    "Mexico", "Canada", "Venezuela", "Brazil", "Sudan", "Ethiopia", "ASEAN", "Hamas", "Hizbullah",
    "Hezbollah", "Kremlin", "Washington", "Moscow", "Beijing", "London", "Brussels", "Kyiv",
)  # fmt: skip
_NAME_ALT = "|".join(sorted(JOINABLE_NAMES, key=len, reverse=True))
_JOINED = re.compile(rf"(?<![\w\u2010-\u2014-])({_NAME_ALT})({_NAME_ALT})(?![\w\u2010-\u2014-])")
_DASHED = re.compile(rf"\b({_NAME_ALT})([\u2010\u2011\u2013\u2014-])({_NAME_ALT})\b")


def repair_joined_names(paragraphs: list[str], title: str | None) -> tuple[list[str], int]:
    """Put back the dash lost between two known names ("RussiaNATO" -> "Russia–NATO").

    The dash is the one the title uses between two known names; else the one the text
    uses for this pair; else an en dash. Returns the paragraphs and the number of repairs.
    """
    title_dash = None
    if title:
        found = _DASHED.search(title)
        title_dash = found.group(2) if found else None
    pair_dashes: dict[frozenset[str], str] = {}
    for text in paragraphs:
        for m in _DASHED.finditer(text):
            pair_dashes.setdefault(frozenset((m.group(1), m.group(3))), m.group(2))
    count = 0

    def fix(m: re.Match[str]) -> str:
        nonlocal count
        first, second = m.group(1), m.group(2)
        if first == second:
            return m.group(0)
        count += 1
        dash = title_dash or pair_dashes.get(frozenset((first, second))) or "\u2013"
        return f"{first}{dash}{second}"

    repaired = [_JOINED.sub(fix, text) for text in paragraphs]
    return repaired, count


# -- headings in plain text -------------------------------------------------------------

_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "is",
        "of",
        "on",
        "or",
        "nor",
        "the",
        "to",
        "with",
        "vs",
        "via",
        "its",
        "it",
        "be",
        "are",
        "was",
        "not",
        "can",
    ]
)


def looks_like_heading(text: str) -> bool:
    """A short line without a full stop whose words are capitalised like a heading
    ("The Second Lebanon War", "1. The Strategic Stakes", "What Happens Next?")."""
    words = text.split()
    if not 1 <= len(words) <= 14 or len(text) > 120:
        return False
    if text.endswith((".", ",", ";", ":", "\u2026")) or not (text[0].isupper() or text[0].isdigit()):
        return False
    if text.endswith("?") and len(words) > 10:
        return False
    content = [w for w in words if w[0].isalpha() and w.lower().strip("'’") not in _SMALL_WORDS]
    if not content:
        return False
    capitalised = sum(1 for w in content if w[0].isupper())
    return capitalised * 3 >= len(content) * 2


# -- dates ----------------------------------------------------------------------------

_MONTHS = {
    name: i
    for i, names in enumerate(
        (
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
            ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
            ("oct", "october"), ("nov", "november"), ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip
# Patterns as text, compiled (once, by `re`'s own cache) when a date is first read: a start of
# the window never reads one, and compiling them at import cost 0.5 ms of it (issue 5).
_ISO = r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$"
_ISO_COMPACT = r"^(?:D:)?(\d{4})(\d{2})(\d{2})"
_DMY = r"^(?:\w+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})$"
_MDY = r"^(?:\w+,?\s+)?([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$"
_SLASHED = r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$"
# Reduced precision, as ISO 8601 allows: a month ("2023-12", "December 2023", "Dec. 2023") or a year
_ISO_MONTH = r"^(\d{4})-(\d{1,2})$"
_MONTH_YEAR = r"^([A-Za-z]+)\.?,?\s+(\d{4})$"
_YEAR = r"^(\d{4})$"
# a note after the date: "2024-02 (approximate)", "12 March 2015 [updated]"
_NOTE = r"\s*(?:\([^()]*\)|\[[^\[\]]*\])$"


def parse_date(value: object) -> str | None:
    """An ISO ``YYYY-MM-DD`` date from common written forms, or None.

    "2024-02-13", "2024-02-13T09:00:00+00:00", "13 February 2024", "February 13, 2024",
    "13/02/2024" (read day first, as in the UK), PDF "D:20240213...". A date given only to the
    month or the year keeps that precision, as ISO 8601 writes it: "December 2023" and "2023-12"
    give ``2023-12``, "2023" gives ``2023`` (inventing a day would be wrong). A note in brackets
    after the date is not part of it: "2024-02 (inferred from the text)" gives ``2024-02``.
    """
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    text = value.strip()
    if len(text) > 400:
        return None
    text = re.sub(_NOTE, "", text)
    if len(text) > 100:
        return None
    parts: tuple[int, int, int] | None = None
    if m := re.match(_ISO, text) or re.match(_ISO_COMPACT, text):
        parts = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif m := re.match(_DMY, text):
        month = _MONTHS.get(m.group(2).lower())
        parts = (int(m.group(3)), month, int(m.group(1))) if month else None
    elif m := re.match(_MDY, text):
        month = _MONTHS.get(m.group(1).lower())
        parts = (int(m.group(3)), month, int(m.group(2))) if month else None
    elif m := re.match(_SLASHED, text):
        parts = int(m.group(3)), int(m.group(2)), int(m.group(1))
    elif m := re.match(_ISO_MONTH, text) or re.match(_MONTH_YEAR, text):
        month = int(m.group(2)) if m.re.pattern == _ISO_MONTH else _MONTHS.get(m.group(1).lower())
        year = int(m.group(1) if m.re.pattern == _ISO_MONTH else m.group(2))
        return f"{year:04d}-{month:02d}" if month and 1 <= month <= 12 and 1000 <= year <= 9999 else None
    elif m := re.match(_YEAR, text):
        return text if 1000 <= int(text) <= 9999 else None
    if parts is None:
        return None
    try:
        return date(*parts).isoformat()
    except ValueError:
        return None


def join_names(names: Iterable[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    names = [n.strip() for n in names if n and n.strip()]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


# -- finishing ------------------------------------------------------------------------


def bound_blocks(blocks: list[tuple[str, bool]], problems: Problems) -> list[tuple[str, bool]]:
    """Split over-long paragraphs at a space and drop paragraphs beyond `MAX_PARAGRAPHS`."""
    out: list[tuple[str, bool]] = []
    split = False
    for text, heading in blocks:
        while len(text) > MAX_PARAGRAPH_CHARS:
            cut = text.rfind(" ", MAX_PARAGRAPH_CHARS // 2, MAX_PARAGRAPH_CHARS)
            if cut <= 0:
                cut = MAX_PARAGRAPH_CHARS
            out.append((text[:cut].rstrip(), heading))
            text = text[cut:].lstrip()
            split = True
        if text:
            out.append((text, heading))
    if split:
        problems.warn(f"some paragraphs were longer than {MAX_PARAGRAPH_CHARS:,} characters and were split")
    if len(out) > MAX_PARAGRAPHS:
        problems.warn(f"the text has {len(out):,} paragraphs; only the first {MAX_PARAGRAPHS:,} were imported")
        out = out[:MAX_PARAGRAPHS]
    return out


def finish(draft: Draft, problems: Problems, what: str, fallback_title: str | None = None) -> Source:
    """Repair, bound and check the draft, and make the `Source`.

    Raises `SourceError` when no paragraph is left.
    """
    blocks = [(t, h) for t, h in draft.blocks if t]
    title = clean_paragraph(draft.title or "") or None
    if title and blocks and fold(blocks[0][0]) == fold(title):
        blocks = blocks[1:]  # the title repeated as the first line of the body
    texts, repaired = repair_joined_names([t for t, _ in blocks], title)
    if repaired:
        logger.info("%s: put back %d dash(es) lost between names", what, repaired)
    blocks = bound_blocks([(t, h) for t, (_, h) in zip(texts, blocks, strict=True)], problems)
    if not blocks:
        raise SourceError(f"{what} contains no text to import.")
    if not title:
        title = fallback_title or _title_from(blocks[0][0])
        problems.warn("no title was found; please check the title")
    return Source(
        title=title,
        paragraphs=[t for t, _ in blocks],
        author=clean_paragraph(draft.author or "") or None,
        publisher=clean_paragraph(draft.publisher or "") or None,
        date=draft.date,
        url=(draft.url or "").strip() or None,
        headings=[i for i, (_, h) in enumerate(blocks) if h],
    )


def _title_from(text: str) -> str:
    words = text.split()
    return text if len(words) <= 12 else " ".join(words[:12]) + "\u2026"


def display_name(path: Path) -> str:
    return f"\u201c{path.name}\u201d"
