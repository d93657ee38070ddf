"""Compare suggestions with a hand annotation (``tests/data/expected/*.json``).

An annotation lists the actors a careful analyst would name (each as a list of
acceptable names), the issues (each as a list of phrases, any of which may
appear in a suggested issue's label or keywords) and the positions: an actor
and a short, distinctive fragment of the evidence sentence. ``"author"`` stands
for the byline. ``acceptable`` positions are right but not required: they count
for precision, not against recall.

A suggested position matches an annotated one when its actor carries one of the
annotated names and one of its evidence sentences contains the fragment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass
class Score:
    actors_found: int
    actors_expected: int
    positions_found: int
    positions_expected: int
    suggested_correct: int
    suggested: int
    issues_found: int
    issues_expected: int
    missed_actors: list[str]
    missed_positions: list[str]
    wrong_positions: list[str]
    # each evidence sentence judged alone, as if it were a position of its own: a position of several
    # sentences (an actor's adjacent sentences, joined) counts as kept when one of them is
    sentences_correct: int = 0
    sentences: int = 0

    @property
    def actor_recall(self) -> float:
        return self.actors_found / self.actors_expected if self.actors_expected else 1.0

    @property
    def position_recall(self) -> float:
        return self.positions_found / self.positions_expected if self.positions_expected else 1.0

    @property
    def precision(self) -> float:
        return self.suggested_correct / self.suggested if self.suggested else 1.0

    @property
    def issue_recall(self) -> float:
        return self.issues_found / self.issues_expected if self.issues_expected else 1.0


def _fold(text: str) -> str:
    """Compare names and fragments without case, curly quotes or a leading "the" ("the Baltic states")."""
    folded = " ".join(text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').casefold().split())
    return folded.removeprefix("the ")


def _fold_name(name: str) -> str:
    """Compare actors' names also without full stops: "U.S. Senate" is "US Senate", "Kennedy Jr." is "Kennedy Jr"."""
    return _fold(name).replace(".", "")


def score(result: dict, expected: dict) -> Score:
    """Score `result` (the dict of `to_json`) against the annotation `expected`."""
    names: dict[str, set[str]] = {}
    kinds: dict[str, str] = {}
    for actor in result["actors"]:
        names[actor["name"]] = {_fold_name(n) for n in [actor["name"], *actor["aliases"]]}
        kinds[actor["name"]] = actor["kind"]

    def actor_matches(predicted: str, wanted: list[str]) -> bool:
        # a list is of acceptable names: ["Lena Osk", "author"] is matched by the author or by Lena Osk
        if kinds.get(predicted) == "author":
            return "author" in wanted
        return bool(names.get(predicted, set()) & {_fold_name(w) for w in wanted if w != "author"})

    missed_actors = [a[0] for a in expected["actors"] if not any(actor_matches(p, a) for p in names)]

    def position_matches(pos: dict, ann: dict) -> bool:
        if not actor_matches(pos["actor"], names_of(ann["actor"], expected["actors"])):
            return False
        fragment = _fold(ann["evidence"])
        return any(fragment in _fold(ev) for ev in pos["evidence"])

    required = expected["positions"]
    allowed = required + expected.get("acceptable", [])
    found = [a for a in required if any(position_matches(p, a) for p in result["positions"])]
    missed = [f"{_first(a['actor'])}: {a['evidence']}" for a in required if a not in found]
    correct = [p for p in result["positions"] if any(position_matches(p, a) for a in allowed)]
    wrong = [f"{p['actor']}: {p['evidence'][0][:90]}" for p in result["positions"] if p not in correct]
    alone = [{**p, "evidence": [e]} for p in result["positions"] for e in p["evidence"]]

    issues_found = len(expected.get("issues", [])) - len(missed_issues(result, expected))
    return Score(
        actors_found=len(expected["actors"]) - len(missed_actors),
        actors_expected=len(expected["actors"]),
        positions_found=len(found),
        positions_expected=len(required),
        suggested_correct=len(correct),
        suggested=len(result["positions"]),
        issues_found=issues_found,
        issues_expected=len(expected.get("issues", [])),
        missed_actors=missed_actors,
        missed_positions=missed,
        wrong_positions=wrong,
        sentences_correct=sum(any(position_matches(p, a) for a in allowed) for p in alone),
        sentences=len(alone),
    )


def missed_issues(result: dict, expected: dict) -> list[list[str]]:
    """The annotated issues (each a list of phrases) that no suggested issue covers.

    An annotated issue is found when one of its phrases is in an issue's label or keywords ("Russian assets"
    in "Frozen Russian assets"), or when a phrase of ours of two or more words is in one of its phrases
    ("Russian assets" for "frozen Russian assets"): annotators often spell an issue longer than a heading.
    """
    labels = [_fold(" ".join([i["label"], *i["keywords"]])) for i in result["issues"]]
    phrases = [_fold(k) for i in result["issues"] for k in [i["label"], *i["keywords"]] if len(k.split()) >= 2]
    return [
        terms
        for terms in expected.get("issues", [])
        if not any(_fold(t) in lab for t in terms for lab in labels)
        and not any(re.search(r"(?<!\w)" + re.escape(k) + r"(?!\w)", _fold(t)) for t in terms for k in phrases)
    ]


def names_of(actor: str | list[str], actors: list[list[str]]) -> list[str]:
    """Every name the annotation gives the actor of a position: a position names its actor by the first name
    of the actor's list (or by a list of such names), and the list holds the other names the text uses for it
    ("Donald Trump", "Trump", "President Trump")."""
    wanted = actor if isinstance(actor, list) else [actor]
    lists = {names[0]: names for names in actors if names}
    return [name for w in wanted for name in lists.get(w, [w])]


def _first(actor: str | list[str]) -> str:
    return actor[0] if isinstance(actor, list) else actor


def as_suggestions(ann: dict, paragraphs: list[str], *, acceptable: bool = False) -> dict:
    """A second annotation of the same article in the shape of `to_json`'s result, so that `score` measures
    how far two analysts agree: what one keeps of the other's list is the ceiling of "suggestions kept".

    Each annotated position becomes a suggestion whose evidence is the sentence that holds its fragment (the
    paragraph, should the fragment run over two sentences); its actor is the first name of the actor's list,
    with the list's other names as aliases. `acceptable` adds the positions listed as merely defensible.
    """
    from briefcomposer.analysis.sentences import split

    actors = []
    for names in ann.get("actors", []):
        if names and names[0] != "author":
            actors.append({"name": names[0], "kind": "person", "aliases": list(names[1:])})
    actors.append({"name": "author", "kind": "author", "aliases": []})
    positions = []
    for a in ann.get("positions", []) + (ann.get("acceptable", []) if acceptable else []):
        fragment = _fold(a["evidence"])
        for p, text in enumerate(paragraphs):
            if fragment in _fold(text):
                held = [text[s:e] for s, e in split(text) if fragment in _fold(text[s:e])]
                actor = _first(a["actor"])
                if actor != "author" and not any(x["name"] == actor for x in actors):
                    actors.append({"name": actor, "kind": "person", "aliases": []})
                positions.append({"actor": actor, "evidence": [held[0] if held else text], "paragraph": p})
                break
    issues = [
        {"id": str(n), "label": t[0], "keywords": list(t[1:]), "paragraphs": []}
        for n, t in enumerate(ann.get("issues", []))
        if t
    ]
    return {"actors": actors, "positions": positions, "issues": issues}
