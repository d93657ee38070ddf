"""The position model's trainer (`tools/train_positions.py`): how it labels a candidate from an annotation."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from briefcomposer.core.model import ActorKind

TOOL = Path(__file__).resolve().parents[2] / "tools" / "train_positions.py"


@pytest.fixture(scope="module")
def trainer():  # type: ignore[no-untyped-def]
    pytest.importorskip("numpy", reason="the trainer uses numpy (yake brings it)")
    spec = importlib.util.spec_from_file_location("train_positions", TOOL)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("train_positions", module)
    spec.loader.exec_module(module)
    return module


SENTENCE = "lena osk said the corridor must stay open."
NAMES = {"lena osk", "osk"}


@pytest.mark.parametrize("actor", ["Lena Osk", ["Lena Osk", "Minister Osk"], ["Minister Osk", "Osk"]])
def test_an_annotated_actor_given_as_one_name_or_several_labels_its_candidate(trainer, actor):
    annotation = {"actor": actor, "evidence": "the corridor must stay open"}
    assert trainer._holds(annotation, ActorKind.PERSON, NAMES, SENTENCE)
    assert not trainer._holds(annotation, ActorKind.AUTHOR, {"author"}, SENTENCE)
    assert not trainer._holds(annotation, ActorKind.PERSON, {"velmora"}, SENTENCE)


@pytest.mark.parametrize("actor", ["author", ["author"]])
def test_the_author_is_the_authors_candidate_only(trainer, actor):
    annotation = {"actor": actor, "evidence": "the corridor must stay open"}
    assert trainer._holds(annotation, ActorKind.AUTHOR, {"author"}, SENTENCE)
    assert not trainer._holds(annotation, ActorKind.PERSON, NAMES, SENTENCE)


def test_evidence_outside_the_sentence_labels_nothing(trainer):
    annotation = {"actor": "Lena Osk", "evidence": "the border is closed"}
    assert not trainer._holds(annotation, ActorKind.PERSON, NAMES, SENTENCE)


def test_a_position_is_its_actors_by_any_name_the_annotation_lists_for_it(trainer):
    annotation = {"actor": "Lena Osk", "evidence": "the corridor must stay open"}
    actors = [["Lena Osk", "Osk", "Minister Osk"], ["author"]]
    assert trainer._holds(annotation, ActorKind.PERSON, {"osk"}, SENTENCE, actors)  # the text says only "Osk"
    assert not trainer._holds(annotation, ActorKind.PERSON, {"osk"}, SENTENCE)  # without the list: no match
