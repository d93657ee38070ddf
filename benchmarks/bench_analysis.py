"""Speed of `analysis.suggest`, and the sentence-segmenter comparison.

    .venv/bin/python benchmarks/bench_analysis.py

Prints: the sample's analysis time in-process after imports (goal < 150 ms); the
time for ~20,000 and ~200,000 words made by repeating the corpus articles (goal
< 10 s, and 10x the words in at most 12x the time); peak memory (tracemalloc); run-on
"paragraphs" at two sizes (their growth should be about linear);
and how pysbd, syntok and our wrapper split the cases of
tests/data/expected/sentence_cases.json.
"""

from __future__ import annotations

import json
import sys
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "analysis"))

from reading import read_article, read_sample  # noqa: E402

from briefcomposer.analysis import suggest  # noqa: E402
from briefcomposer.core.model import Source  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus"
out = sys.stdout.write


def _timed(source: Source) -> float:
    start = time.perf_counter()
    suggest(source)
    return time.perf_counter() - start


def _document(words: int) -> Source:
    articles = [read_article(p) for p in sorted(CORPUS.glob("*.txt"))]
    paragraphs: list[str] = []
    count = 0
    while count < words:
        for article in articles:
            for paragraph in article.paragraphs:
                paragraphs.append(paragraph)
                count += len(paragraph.split())
                if count >= words:
                    break
            if count >= words:
                break
    return Source(title="Concatenated corpus", paragraphs=paragraphs, author="Various")


def bench_speed() -> None:
    sample = read_sample()
    suggest(sample)  # imports, gazetteer, caches
    runs = sorted(_timed(sample) for _ in range(11))
    words = sum(len(p.split()) for p in sample.paragraphs)
    out(f"sample ({words} words): median {runs[5] * 1000:.0f} ms, best {runs[0] * 1000:.0f} ms\n")
    if not CORPUS.is_dir():
        out("corpus not found: skipping the large documents\n")
        return
    small, large = _document(20_000), _document(200_000)
    t_small, t_large = _timed(small), _timed(large)
    out(f"~20,000 words: {t_small:.2f} s\n~200,000 words: {t_large:.2f} s\n")
    out(f"10x the words -> {t_large / t_small:.1f}x the time\n")
    tracemalloc.start()
    suggest(large)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    out(f"peak memory (tracemalloc) on ~200,000 words: {peak / 1e6:.0f} MB\n")


# Run-on "paragraphs" that once made a rule quadratic (a list of 2,000 mentions in one sentence, a long run
# of capitalised words, a cue verb repeated): time at n and 2n repetitions; linear growth is about 2x.
RUN_ONS = {
    "Analysts and ... observers said so": lambda n: "Analysts and " * n + "observers said so.",
    "Lord X of Y GCB DSC PC ...": lambda n: "Lord West of Spithead GCB DSC PC " * (n // 2),
    "criticised by ... groups": lambda n: "criticised by " * n + "groups",
    "Name (ABBR in Spanish) ...": lambda n: "Movement for Socialism (MAS in Spanish) " * (n // 3),
    "the the ...": lambda n: "the " * (5 * n),
    "Title Case ... Agreement (TCA)": lambda n: "The " + "Big " * (2 * n) + "Agreement (BA) was signed.",
    "China-US Russian-backed ...": lambda n: "China-US Russian-backed " * n + "groups said so.",
    # an unsigned piece naming its publisher, and "the administration" after a president, again and again
    "Kystposten Forum said ... (unsigned)": lambda n: "The Kystposten Forum said so. " * (n // 5),
    "Trump ... the administration has cut": lambda n: "Trump spoke and the administration has cut aid. " * (n // 8),
    # many sentences in one paragraph, each quoting or naming actors: a sentence's mentions, who spoke last and
    # whether a quotation is open are looked up per sentence, never by scanning the paragraph again
    "Osk said “...” ... (quotations)": lambda n: "Lena Osk said “the deal is bad for Norway” and left. " * n,
    "between Norway and Iceland ...": lambda n: (
        "Norway met Iceland between Norway and Iceland, including Velmora. " * n
    ),
}


def bench_run_ons() -> None:
    for name, make in RUN_ONS.items():
        t1 = _timed(Source(title="t", paragraphs=[make(1000)], publisher="Kystposten Forum"))
        t2 = _timed(Source(title="t", paragraphs=[make(2000)], publisher="Kystposten Forum"))
        out(f"run-on {name:36} n=1000 {t1:.2f} s, n=2000 {t2:.2f} s ({t2 / t1:.1f}x)\n")


def bench_segmenters() -> None:
    import pysbd
    from syntok import segmenter

    from briefcomposer.analysis.sentences import sentences

    cases = json.loads((REPO / "tests" / "data" / "expected" / "sentence_cases.json").read_text("utf-8"))["cases"]
    pysbd_seg = pysbd.Segmenter(language="en", clean=False)

    def by_pysbd(text: str) -> list[str]:
        return [s.strip() for s in pysbd_seg.segment(text)]

    def by_syntok(text: str) -> list[str]:
        out_ = []
        for paragraph in segmenter.analyze(text):
            for sentence in paragraph:
                out_.append("".join(t.spacing + t.value for t in sentence).strip())
        return out_

    text = (
        " ".join(p for path in sorted(CORPUS.glob("*.txt")) for p in read_article(path).paragraphs)
        if CORPUS.is_dir()
        else ""
    )
    for name, split in (("pysbd", by_pysbd), ("syntok", by_syntok), ("briefcomposer (syntok + titles)", sentences)):
        right = sum(1 for case, expected in cases if split(case) == expected)
        failed = [case[:40] for case, expected in cases if split(case) != expected]
        start = time.perf_counter()
        split(text)
        took = time.perf_counter() - start
        out(f"{name:32} {right}/{len(cases)} cases right, corpus ({len(text.split())} words) in {took * 1000:.0f} ms\n")
        for case in failed:
            out(f"    wrong: {case}\n")


if __name__ == "__main__":
    bench_segmenters()
    bench_speed()
    bench_run_ons()
