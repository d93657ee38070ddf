import json
from pathlib import Path

import pytest

from briefcomposer.analysis.sentences import sentences, split

CASES = json.loads(
    (Path(__file__).resolve().parents[1] / "data" / "expected" / "sentence_cases.json").read_text("utf-8")
)


@pytest.mark.parametrize(("text", "expected"), CASES["cases"])
def test_split_political_prose(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "\n"])
def test_blank_text_has_no_sentences(text):
    assert split(text) == []


def test_spans_are_stripped_verbatim_substrings(sample):
    for paragraph in sample.paragraphs:
        spans = split(paragraph)
        assert spans
        for start, end in spans:
            piece = paragraph[start:end]
            assert piece == piece.strip()
            assert piece
        assert [s for s, _ in spans] == sorted(s for s, _ in spans)


def test_a_dotted_country_before_an_office_ends_no_sentence():
    text = (
        "It is a year since the current U.S. President Ana Ruto opened her campaign. "
        "It was imposed by the U.S. It failed."
    )
    assert sentences(text) == [
        "It is a year since the current U.S. President Ana Ruto opened her campaign.",
        "It was imposed by the U.S.",
        "It failed.",
    ]


def test_an_abbreviated_month_before_its_day_ends_no_sentence():
    text = "The talks stalled. On Feb. 2, however, the envoys met again. They left on Sept. 30."
    assert sentences(text) == [
        "The talks stalled.",
        "On Feb. 2, however, the envoys met again.",
        "They left on Sept. 30.",
    ]


def test_a_filipino_ma_before_a_full_name_ends_no_sentence():
    text = "Foreign Minister Ma. Lena Osk called for a review. The deal was praised by Jack Ma. The Government agreed."
    assert sentences(text) == [
        "Foreign Minister Ma. Lena Osk called for a review.",
        "The deal was praised by Jack Ma.",
        "The Government agreed.",
    ]


def test_a_stray_stop_after_a_bracket_ends_the_sentence_before():
    text = "Both parties shall consider linking their systems. (Article 392[6]). The talks began in May."
    assert [text[s:e] for s, e in split(text)] == [
        "Both parties shall consider linking their systems.",
        "(Article 392[6]).",
        "The talks began in May.",
    ]


def test_a_letters_stop_before_a_quotation_ends_a_sentence():
    text = "“The deal is done,” he wrote on X. “Any final deal must end enrichment.” George W. Bush agreed."
    assert sentences(text) == [
        "“The deal is done,” he wrote on X.",
        "“Any final deal must end enrichment.”",
        "George W. Bush agreed.",
    ]
