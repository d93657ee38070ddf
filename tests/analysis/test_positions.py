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
        # participle clauses belong to the sentence's subject, or to the actors after "with"
        (
            "Transnistria’s president spoke to the nation, blaming Ukraine for the attacks.",
            "Transnistria",
            "Blaming Ukraine for the attacks.",
        ),
        (
            "Calm returned, with Israel and Hizbullah both concluding that another war was too costly.",
            "Hizbullah",
            "Another war was too costly.",
        ),
        # a passive with its agent, and "As X and Y make clear, ..."
        (
            "Donors pledged less than half, pledges deemed “gravely inadequate” by Médecins Sans Frontières.",
            "Médecins Sans Frontières",
            "Pledges are gravely inadequate.",
        ),
        (
            "As experts like Joshua Craze and Kholood Khair make clear, better arrangements are possible.",
            "Joshua Craze",
            "Better arrangements are possible.",
        ),
        # inverted attribution after a quote
        ("“The strikes were lawful,” said President Donald Trump.", "Donald Trump", "The strikes were lawful."),
        # "they" points back to the actor that opened the sentence before
        ("The Kremlin rejected the talks. They argued that the West cannot be trusted.", "Russia", None),
        # a verb coordinated with the subject's first verb
        (
            "Russian officials commented on the explosions and warned of the dangers of escalation.",
            "Russia",
            None,
        ),
        # the author's recommendations in the imperative, as in numbered recommendation lists
        ("Negotiate a chapter on critical minerals to eliminate tariffs.", "A. Writer", None),
        # "While X argues A, B": the concession is X's, the main clause the author's
        (
            "While some analysts have questioned the strategy, the evidence suggests that the crisis was more "
            "contained than it first appeared.",
            "A. Writer",
            None,
        ),
        (
            "While the US assesses that a third of the force has been killed, Israel has little to show for it.",
            "United States",
            "A third of the force has been killed.",
        ),
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
        "Russia’s tendency to blame the West prevents compromise.",  # the tendency is the subject, not Russia
        "Support for the Kremlin has waned in the region.",  # a noun, not an imperative
    ],
)
def test_no_attribution_to_a_named_actor(sentence):
    assert all(actor == "A. Writer" for actor, _ in _positions(sentence))


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        # attribution, discourse markers, asides and hedges go; the claim stays
        (
            "Given the UK government’s more absent policy towards Russia compared to certain European counterparts, "
            "the UK could play a significant role in providing more diversified and collaborative approaches to "
            "dialogue with Russia.",
            "The UK could play a significant role in providing more diversified and collaborative approaches to "
            "dialogue with Russia.",
        ),
        (
            "Again, prospects of reviving full co-operation are unlikely to flourish, given the lack of trust "
            "post-Ukraine and sanctions on Russia’s defence sector.",
            "Prospects of reviving full co-operation are unlikely to flourish.",
        ),
        (
            "However, the review (which opens in July) must be seized as an opportunity to modernise the agreement "
            "and strengthen its rules, particularly on labour standards and rules of origin.",
            "The review must be seized as an opportunity to modernise the agreement and strengthen its rules.",
        ),
    ],
)
def test_stances_are_short_paraphrases(sentence, stance):
    assert ("A. Writer", stance) in _positions(sentence)


def test_stances_are_short_on_the_corpus(corpus_articles):
    lengths = [
        len(p["stance"].split())
        for source in corpus_articles.values()
        for p in to_json(source, suggest(source))["positions"]
    ]
    lengths.sort()
    assert lengths[len(lengths) // 2] <= 18  # the median stance
    assert sum(n <= 22 for n in lengths) / len(lengths) >= 0.75
    assert max(lengths) <= 30
