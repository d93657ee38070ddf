"""Sentence spans of a paragraph, as character offsets into it.

syntok does the splitting: on the political-prose cases in
``tests/data/expected/sentence_cases.json`` it got more right than pysbd and is
about ten times faster (see ``benchmarks/bench_analysis.py``). Two things are
repaired afterwards: a split after a title abbreviation that syntok does not know
("Amb. Grushko", "Lt. Gen. Hemedti"), and leading/trailing white space, so every
span is a verbatim, stripped substring of the paragraph.
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefcomposer.analysis.lexicon import words

# Abbreviations that come before a name; a sentence never ends on them.
_TITLE_ABBREVIATIONS = frozenset(
    words("amb pres lt gen col maj capt adm sen rep gov prof rev sgt cdr brig hon rt dr mr mrs ms st no vs approx cf")
)
_LOWER_ABBREVIATIONS = frozenset({"approx", "vs", "cf"})
_LAST_WORD = re.compile(r"(\w+)\.\s*$")
# "Foreign Minister Ma. Theresa Lazaro": Filipino "Ma." (María) before a given name and a surname
_FULL_NAME_NEXT = re.compile(
    r"(?!(?:The|This|That|These|Those|He|She|It|They|We|In|On|At|But|And|An?)\b)[A-Z][a-z]+\s+[A-Z][a-z]"
)
# "current U.S. President Joe Biden": a dotted country abbreviation before an office is no sentence end
_ENDS_ON_COUNTRY = re.compile(r"\b(?:U\.S|U\.K|U\.N|E\.U)\.\s*$")
# "on Feb. 2, U.S. forces hit ...": an abbreviated month before its day is no sentence end
_ENDS_ON_MONTH = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.\s*$")
_OFFICE_NEXT = re.compile(
    r"(?:President|Secretary|Ambassador|Envoy|Congress|Senate|Senator|Representative|Army|Navy|Air Force|Marines|"
    r"Treasury|State Department|Department|Embassy|Government|Administration|Forces|Special|Trade|Defense|Defence|"
    r"Secretary-General|Security Council|General Assembly|Mission|officials|forces|troops)\b"
)


@lru_cache(maxsize=1)
def _segmenter():  # type: ignore[no-untyped-def]
    from syntok import segmenter  # lazily: keep `import briefcomposer.analysis` cheap

    return segmenter


_STRAY_STOP = re.compile(r"[.!?]\s+")


def split(text: str) -> list[tuple[int, int]]:
    """Return `(start, end)` spans of the sentences of `text`, in order.

    Each span is stripped of white space at both ends; an empty or blank text has
    no sentences.
    """
    if not text.strip():
        return []
    segmenter = _segmenter()
    raw: list[tuple[int, int]] = []
    for paragraph in segmenter.analyze(text):
        for sentence in paragraph:
            if not sentence:
                continue
            start = sentence[0].offset
            last = sentence[-1]
            raw.append((start, last.offset + len(last.value)))
    spans: list[tuple[int, int]] = []
    for start, end in raw:
        if spans and (
            _ends_on_title(text[spans[-1][0] : spans[-1][1]])
            or (_ENDS_ON_COUNTRY.search(text[spans[-1][0] : spans[-1][1]]) and _OFFICE_NEXT.match(text, start))
            or (_ENDS_ON_MONTH.search(text[spans[-1][0] : spans[-1][1]]) and text[start : start + 1].isdigit())
            or (text[spans[-1][0] : spans[-1][1]].endswith(" Ma.") and _FULL_NAME_NEXT.match(text, start))
        ):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    # Closing quotes and brackets after the final stop belong to the sentence.
    fixed: list[tuple[int, int]] = []
    for i, (start, end) in enumerate(spans):
        limit = spans[i + 1][0] if i + 1 < len(spans) else len(text)
        while end < limit and text[end] in "’'”\")]":
            end += 1
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        stray = _STRAY_STOP.match(text, start, end)
        if stray and fixed and any(c.isalnum() for c in text[stray.end() : end]):
            fixed[-1] = (fixed[-1][0], start + 1)  # ". The talks began": the stop ends the sentence before
            start = stray.end()
        if start < end and fixed and not any(c.isalnum() for c in text[start:end]):
            fixed[-1] = (fixed[-1][0], end)  # "… (Article 392[6]).": a stray stop ends the sentence before
        elif start < end:
            fixed.extend(_after_a_letter(text, start, end))
    return fixed


# "..., he wrote on X. “Any final arrangement ...”": a capital letter's stop before an opening quotation mark
# ends a sentence, as no initial comes before a quotation (syntok takes "X." for an initial)
_LETTER_THEN_QUOTE = re.compile(r"(?<=\s[A-Z]\.)\s+(?=[“\"‘]\s*[A-Z])")


def _after_a_letter(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    for gap in _LETTER_THEN_QUOTE.finditer(text, start, end):
        out.append((start, gap.start()))
        start = gap.end()
    out.append((start, end))
    return out


def sentences(text: str) -> list[str]:
    """The sentences of `text` as strings (see `split`)."""
    return [text[s:e] for s, e in split(text)]


def _ends_on_title(sentence: str) -> bool:
    match = _LAST_WORD.search(sentence)
    if not match:
        return False
    word = match.group(1)
    # Titles are capitalised ("No. 10", "Gen. Burhan"); a lower-case "no." ends a sentence.
    return word.casefold() in _TITLE_ABBREVIATIONS and (word[0].isupper() or word in _LOWER_ABBREVIATIONS)
