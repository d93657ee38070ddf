"""Attribution patterns of the genre, one sentence each (after a neutral opening sentence)."""

import pytest

from briefcomposer.analysis import suggest, to_json
from briefcomposer.core.model import Source


def _positions(sentence: str, author: str | None = "A. Writer") -> list[tuple[str, str]]:
    source = Source(title="t", paragraphs=["An opening sentence.", sentence], author=author)
    return [(p["actor"], p["stance"]) for p in to_json(source, suggest(source))["positions"]]


@pytest.mark.parametrize(
    ("sentence", "actor", "stance"),
    [
        ("President Donald Trump said the sanctions would stay.", "Donald Trump", "The sanctions would stay."),
        ("The Kremlin insists that the referendums were legitimate.", "Russia", "The referendums were legitimate."),
        (
            "“We are going to run the country until a transition,” Trump argued at a news conference.",
            "Trump",
            "We are going to run the country until a transition.",
        ),
        ("Critics have questioned the legality of the strikes.", "critics", "Questioned the legality of the strikes."),
        ("Republican leadership has largely rallied behind the administration.", "Republicans", None),
        ("Washington frames the operation as part of a counternarcotics mission.", "United States", None),
        (
            "According to Indian officials, pilots operated under strict rules of engagement.",
            "India",
            "Pilots operated under strict rules of engagement.",
        ),
        (
            "In the eyes of the Indian government, the use of force has become the norm.",
            "India",
            "The use of force has become the norm.",
        ),
        ("The Indian government has taken the view that restraint pays.", "India", "Restraint pays."),
        ("Pakistani allegations that five aircraft were shot down spread quickly.", "Pakistan", None),
        ("Beijing has repeatedly warned Washington against arms sales to Taiwan.", "China", None),
        ("The EU's foreign policy chief Josep Borrell called for restraint.", "Josep Borrell", "Called for restraint."),
        (
            "NATO’s ‘open door policy’ is seen as one of the ‘biggest geopolitical mistakes’, as the Ambassador "
            "Alexander Grushko put it.",
            "Alexander Grushko",
            None,
        ),
        (
            "Hizbullah is adamant that no diplomatic resolution is possible until the war in Gaza ends.",
            "Hizbullah",
            None,
        ),
        (
            "The US should press Iran to restrain its proxy.",
            "A. Writer",
            "The US should press Iran to restrain its proxy.",
        ),
        (
            "The obvious conclusion, therefore, is that formats of engagement should be broadened.",
            "A. Writer",
            "Formats of engagement should be broadened.",
        ),
        ("Moscow will likely attempt to absorb the captured territory.", "A. Writer", None),
    ],
)
def test_attribution(sentence, actor, stance):
    found = _positions(sentence)
    assert actor in [a for a, _ in found], found
    if stance is not None:
        assert (actor, stance) in found


@pytest.mark.parametrize(
    "sentence",
    [
        "If the government seeks to develop deep tech, it should invest in civilian research.",  # a condition
        "The Kremlin maintains significant influence in Transnistria as its primary sponsor.",  # not a view
        "Transnistrian authorities repay this Russian support by emphasizing their ties.",  # "support" is a noun
        "Jake Sullivan met with Yang Jiechi in Rome.",  # an event, not a position
    ],
)
def test_no_attribution_to_a_named_actor(sentence):
    assert all(actor == "A. Writer" for actor, _ in _positions(sentence))
