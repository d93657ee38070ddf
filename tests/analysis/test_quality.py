"""The quality bar on the hand-annotated articles (tests/data/expected/*.json)."""

import json
from pathlib import Path

import pytest
from reading import read_article, read_sample

from briefcomposer.analysis import suggest, to_json
from briefcomposer.analysis.scoring import as_suggestions, score
from conftest import annotations

ANNOTATED = annotations()


def _scores(corpus_dir, tuned):
    out = []
    for ann in ANNOTATED:
        if ann.get("tuned", True) is not tuned:
            continue
        source = read_sample() if ann["article"] == "sample" else read_article(corpus_dir / f"{ann['article']}.txt")
        out.append((ann["article"], score(to_json(source, suggest(source)), ann)))
    return out


def test_at_least_five_annotated_articles():
    assert len(ANNOTATED) >= 5
    assert any(not a.get("tuned", True) for a in ANNOTATED)


def _ratio(scores, part, whole):
    return sum(getattr(s, part) for _, s in scores) / sum(getattr(s, whole) for _, s in scores)


def test_quality_bar_on_tuned_articles(corpus_dir):
    scores = _scores(corpus_dir, tuned=True)
    # Measured: every actor, 98% of positions (each >= 94%), precision 77% (each >= 45%), issues 69%.
    # Precision was 72% (each >= 50%) until an actor's adjacent sentences became one position (stop 29):
    # fewer suggestions, and a run that mixes a kept sentence with a background one counts once. ISW fell
    # from 54% (59 of 109) to 47% (31 of 66): its annotation keeps many adjacent sentences, two kept
    # suggestions that become one.
    # Precision was 77% until the model was trained on the stricter annotators of stop 21 (see
    # test_quality_bar_on_the_second_annotations, which those annotators' view of these articles holds to):
    # it suggests more of the author's claims, which these first annotations leave out (ISW: 50%).
    # Precision was 83% until the author's undated claims became suggestions (stop 10): blind annotators
    # list most of them, which lifted positions found on fresh text from 51% to 63%; these older, full-length
    # annotations leave out many, and long articles carry background sentences that are not positions.
    for name, s in scores:
        assert s.actor_recall >= 0.95, (name, s.missed_actors)
        assert s.position_recall >= 0.9, (name, s.missed_positions)
        assert s.precision >= 0.45, (name, s.wrong_positions)
        assert s.issue_recall >= 0.4, name
    assert _ratio(scores, "actors_found", "actors_expected") >= 0.98
    assert _ratio(scores, "positions_found", "positions_expected") >= 0.97
    assert _ratio(scores, "suggested_correct", "suggested") >= 0.75
    assert _ratio(scores, "issues_found", "issues_expected") >= 0.66


@pytest.mark.parametrize("minimum", [0.85])
def test_leave_out_articles(corpus_dir, minimum):
    # Measured on the article whose misses were never looked at (Venezuela): actors 76%, positions 96%,
    # precision 79% (84% before the author's undated claims became suggestions), issues 50% (see
    # benchmarks/quality.py). Precision stood at 76% at the start of stop 19 and 74.6% (50 of 67) after
    # the larger list of given names found one more person there, who takes one position the annotation
    # lacks; the floor follows, a point under. The messages name no misses, so that a failure does not
    # show what the leave-out check holds. With the model of stop 21: positions 96%, precision 75% (58 of 77);
    # of stop 22: 100% and 78% (61 of 78).
    scores = _scores(corpus_dir, tuned=False)
    for name, s in scores:
        assert s.actor_recall >= 0.75, name
        assert s.position_recall >= minimum, name
        assert s.precision >= 0.74, name
    assert _ratio(scores, "positions_found", "positions_expected") >= minimum
    assert _ratio(scores, "suggested_correct", "suggested") >= 0.74
    assert _ratio(scores, "issues_found", "issues_expected") >= 0.45


SECOND = Path(__file__).resolve().parents[1] / "data" / "second"


def test_quality_bar_on_the_second_annotations(corpus_dir):
    # The sample and the eight corpus articles annotated again (stop 21) by the annotators of the held-out
    # excerpts, who saw neither the tool nor its output nor the first annotations. Measured at stop 21:
    # positions 86.4%, kept 71.9% (the model trained on the older sets: 78.9% and 77.5%). At stop 22, with
    # groups named in passing listed and a position matched by any name of its actor's list: actors 89.7%,
    # positions 87.8%, kept 74.5%; floors a point under.
    scores = []
    for path in sorted(SECOND.glob("*.json")):
        ann = json.loads(path.read_text(encoding="utf-8"))
        source = read_sample() if ann["article"] == "sample" else read_article(corpus_dir / f"{ann['article']}.txt")
        scores.append((ann["article"], score(to_json(source, suggest(source)), ann)))
    assert len(scores) == 9
    assert _ratio(scores, "actors_found", "actors_expected") >= 0.88
    assert _ratio(scores, "positions_found", "positions_expected") >= 0.86
    assert _ratio(scores, "suggested_correct", "suggested") >= 0.73


def test_a_list_of_names_with_the_author_is_matched_by_either():
    result = {
        "actors": [
            {"name": "A. Writer", "kind": "author", "aliases": []},
            {"name": "Lena Osk", "kind": "person", "aliases": ["Osk"]},
        ],
        "issues": [],
        "positions": [
            {"actor": "Lena Osk", "evidence": ["Talks must resume soon."], "paragraph": 0},
            {"actor": "A. Writer", "evidence": ["The deal is fragile."], "paragraph": 1},
        ],
    }
    expected = {
        "actors": [],
        "issues": [],
        "positions": [
            {"actor": ["Lena Osk", "author"], "evidence": "must resume soon"},
            {"actor": ["Lena Osk", "author"], "evidence": "deal is fragile"},
        ],
    }
    assert score(result, expected).positions_found == 2
    expected["positions"] = [{"actor": "author", "evidence": "must resume soon"}]
    assert score(result, expected).positions_found == 0  # Lena Osk is not the author


def test_an_actor_is_matched_without_full_stops_in_its_name():
    result = {
        "actors": [
            {"name": "US Senate", "kind": "organisation", "aliases": ["Senate"]},
            {"name": "Lena Osk Jr", "kind": "person", "aliases": []},
        ],
        "issues": [],
        "positions": [],
    }
    expected = {"actors": [["U.S. Senate"], ["Lena Osk Jr."], ["Tomas Brel"]], "issues": [], "positions": []}
    assert score(result, expected).missed_actors == ["Tomas Brel"]


def test_an_issue_is_found_by_its_phrase_or_by_a_phrase_of_ours_inside_it():
    result = {
        "actors": [],
        "positions": [],
        "issues": [
            {"label": "Frozen assets", "keywords": ["frozen assets"]},
            {"label": "Russian gas", "keywords": ["gas", "pipeline"]},
        ],
    }
    expected = {
        "actors": [],
        "positions": [],
        "issues": [
            ["frozen assets"],  # the annotated phrase in ours
            ["use of the frozen assets of Russia's central bank"],  # ours inside the annotated phrase
            ["gas pipeline politics"],  # a single word of ours does not count
            ["Russian gasoline exports"],  # nor a phrase of ours that is only part of a word
        ],
    }
    assert score(result, expected).issues_found == 2


def test_a_position_matches_its_actor_by_any_name_of_the_annotated_list():
    result = {
        "actors": [{"name": "Trump", "kind": "person", "aliases": ["President Trump"]}],
        "issues": [],
        "positions": [{"actor": "Trump", "evidence": ["Trump said the deal was done."], "paragraph": 0}],
    }
    expected = {
        "actors": [["Donald Trump", "Trump", "President Trump"]],
        "issues": [],
        "positions": [{"actor": "Donald Trump", "evidence": "the deal was done"}],
    }
    assert score(result, expected).positions_found == 1
    expected["actors"] = [["Donald Trump"]]
    assert score(result, expected).positions_found == 0  # no name of the list is the tool's


def test_a_position_of_several_sentences_is_kept_when_one_is_and_each_sentence_is_also_judged_alone():
    result = {
        "actors": [{"name": "Lena Osk", "kind": "person", "aliases": []}],
        "issues": [],
        "positions": [
            {"actor": "Lena Osk", "evidence": ["Osk spoke in Oslo.", "She said the deal was bad."], "paragraph": 0},
            {"actor": "Lena Osk", "evidence": ["Osk flew home."], "paragraph": 1},
        ],
    }
    expected = {
        "actors": [["Lena Osk"]],
        "issues": [],
        "positions": [{"actor": "Lena Osk", "evidence": "the deal was bad"}],
    }
    s = score(result, expected)
    assert (s.suggested_correct, s.suggested) == (1, 2)
    assert (s.sentences_correct, s.sentences) == (1, 3)


def test_a_second_annotation_is_scored_as_suggestions_against_the_first():
    paragraphs = [
        "Lena Osk said the corridor must stay open. Norway disagreed with her.",
        "The plan should be dropped, in our view. Tomas Brel, the envoy, warned of delays.",
    ]
    first = {
        "actors": [["Lena Osk", "Osk"], ["Norway", "Oslo"], ["Tomas Brel"], ["author"]],
        "issues": [["corridor"], ["delays"]],
        "positions": [
            {"actor": "Lena Osk", "evidence": "the corridor must stay open"},
            {"actor": "author", "evidence": "The plan should be dropped"},
            {"actor": "Tomas Brel", "evidence": "warned of delays"},
        ],
        "acceptable": [{"actor": "Norway", "evidence": "Norway disagreed"}],
    }
    second = {
        "actors": [["Osk"], ["Norway"], ["author"]],
        "issues": [["the corridor"], ["fish quotas"]],
        "positions": [
            {"actor": "Osk", "evidence": "corridor must stay"},  # the same sentence, another fragment
            {"actor": "author", "evidence": "Tomas Brel, the envoy, warned"},  # the same sentence, the wrong actor
            {"actor": "Norway", "evidence": "disagreed with her"},  # merely acceptable to the first analyst
        ],
        "acceptable": [{"actor": "author", "evidence": "should be dropped"}],
    }
    result = as_suggestions(second, paragraphs)
    assert [p["evidence"][0] for p in result["positions"]] == [
        "Lena Osk said the corridor must stay open.",
        "Tomas Brel, the envoy, warned of delays.",
        "Norway disagreed with her.",
    ]
    s = score(result, first)
    assert (s.actors_found, s.actors_expected) == (3, 4)  # no Tomas Brel in the second list
    assert (s.positions_found, s.positions_expected) == (1, 3)
    assert (s.suggested_correct, s.suggested) == (2, 3)
    assert (s.issues_found, s.issues_expected) == (1, 2)
    s = score(as_suggestions(second, paragraphs, acceptable=True), first)
    assert (s.positions_found, s.suggested_correct, s.suggested) == (2, 3, 4)
