"""Quality of the suggestions against the hand annotations in tests/data/expected/.

    .venv/bin/python benchmarks/quality.py [-v] [--all] [--expected DIR --corpus DIR]

Prints, per article and overall, actor recall, position recall (right actor,
overlapping evidence) and precision of suggested positions (a position of several
evidence sentences is kept when one of them is; the share of evidence sentences
kept, each judged alone, follows the table), plus issue recall
(an annotated issue is found when one of its phrases occurs in a suggested
issue's label or keywords). Articles annotated with ``"tuned": false`` were never
looked at while tuning: they are the leave-out check and are summed separately.
``-v`` lists the misses of the tuned articles only (actors, positions, issues, with the
suggested issue labels), so that tuning does not peek at the leave-out ones; ``--all``
lists them for every article. ``--against DIR`` scores, instead of the tool, a second analyst's
annotation of the same articles (``DIR/SLUG.json``, made blind): how far two analysts agree, the
ceiling of the figures. ``--expected DIR --corpus DIR`` score another set of
annotations (``DIR/*.json``) against the articles of another folder (``SLUG.txt``): a
held-out set kept outside the repository, because its texts are third-party, or
``tests/data/second``: the sample and the corpus articles annotated a second time, blind, by
the annotators of the held-out sets (``"tuned"`` there marks the articles the rules were tuned on).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "analysis"))

from reading import read_article, read_sample  # noqa: E402

from briefcomposer.analysis import suggest, to_json  # noqa: E402
from briefcomposer.analysis.scoring import Score, as_suggestions, missed_issues, score  # noqa: E402

EXPECTED = REPO / "tests" / "data" / "expected"
CORPUS = REPO.parent / "shared" / "corpus"


def evaluate(
    expected: Path = EXPECTED, corpus: Path = CORPUS, against: Path | None = None
) -> list[tuple[str, bool, Score]]:
    """Score each annotated article's suggestions; with `against`, score instead the annotation of the same
    article in that folder (a second analyst's, `SLUG.json`), as if it were the suggestions."""
    rows = []
    for path in sorted(expected.glob("*.json")):
        if path.name == "sentence_cases.json":
            continue
        ann = json.loads(path.read_text(encoding="utf-8"))
        if ann["article"] == "sample":
            source = read_sample()
        else:
            article = corpus / f"{ann['article']}.txt"
            if not article.exists():
                continue
            source = read_article(article)
        if against is not None:
            other = against / path.name
            if not other.exists():
                continue
            result = as_suggestions(json.loads(other.read_text(encoding="utf-8")), source.paragraphs)
        else:
            result = to_json(source, suggest(source))
        s = score(result, ann)
        s.missed_issues = [" / ".join(terms) for terms in missed_issues(result, ann)]  # type: ignore[attr-defined]
        s.issue_labels = [i["label"] for i in result["issues"]]  # type: ignore[attr-defined]
        rows.append((path.stem, ann.get("tuned", True), s))
    return rows


def _total(scores: list[Score]) -> tuple[float, float, float, float]:
    def ratio(a: int, b: int) -> float:
        return a / b if b else 1.0

    return (
        ratio(sum(s.actors_found for s in scores), sum(s.actors_expected for s in scores)),
        ratio(sum(s.positions_found for s in scores), sum(s.positions_expected for s in scores)),
        ratio(sum(s.suggested_correct for s in scores), sum(s.suggested for s in scores)),
        ratio(sum(s.issues_found for s in scores), sum(s.issues_expected for s in scores)),
    )


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", action="store_true", help="list the misses of the tuned articles")
    parser.add_argument("--all", action="store_true", help="list the misses of every article")
    parser.add_argument("--expected", type=Path, default=EXPECTED, help="folder of annotation .json files")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder of the articles (.txt)")
    parser.add_argument(
        "--against", type=Path, help="score a second annotation of the same articles (DIR/SLUG.json), not the tool"
    )
    args = parser.parse_args()
    verbose = args.v or args.all
    rows = evaluate(args.expected, args.corpus, args.against)
    out = sys.stdout.write
    out(f"{'article':50} {'actors':>7} {'pos.rec':>8} {'prec':>6} {'issues':>7}  found/expected, correct/suggested\n")
    for name, tuned, s in rows:
        mark = "" if tuned else " (leave-out)"
        out(
            f"{name + mark:50} {s.actor_recall:7.0%} {s.position_recall:8.0%} {s.precision:6.0%} {s.issue_recall:7.0%}"
            f"  {s.positions_found}/{s.positions_expected}, {s.suggested_correct}/{s.suggested}\n"
        )
        if verbose and (tuned or args.all):
            for a in s.missed_actors:
                out(f"    missed actor: {a}\n")
            for p in s.missed_positions:
                out(f"    missed: {p}\n")
            for p in s.wrong_positions:
                out(f"    not annotated: {p}\n")
            out(f"    issues: {'; '.join(getattr(s, 'issue_labels', []))}\n")
            for i in getattr(s, "missed_issues", []):
                out(f"    missed issue: {i}\n")
    for label, subset in (
        ("overall (tuned)", [s for _, t, s in rows if t]),
        ("overall (leave-out)", [s for _, t, s in rows if not t]),
        ("overall (all)", [s for _, _, s in rows]),
    ):
        if subset:
            a, r, p, i = _total(subset)
            out(f"{label:50} {a:7.0%} {r:8.0%} {p:6.0%} {i:7.0%}\n")
    kept, alone = sum(s.sentences_correct for _, _, s in rows), sum(s.sentences for _, _, s in rows)
    if alone:
        # an actor's adjacent sentences are one suggestion, counted kept when one of them is: each sentence
        # judged alone is the stricter reading of the same suggestions
        out(f"evidence sentences kept, each judged alone (all): {kept / alone:.0%} ({kept}/{alone})\n")


if __name__ == "__main__":
    main()
