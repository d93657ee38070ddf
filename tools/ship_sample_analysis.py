"""Write the embedded sample's analysis into ``resources/analyses/``, where the app reads it on a first start.

    python tools/ship_sample_analysis.py            # (re)write it, removing the outdated entry
    python tools/ship_sample_analysis.py --check    # exit 1 if the shipped entry is not the current analyser's

The entry is named by its cache key, which digests the analysis code, the gazetteer and the model:
after any change to those, the shipped entry no longer matches (the app analyses the sample
instead, as it did before anything shipped) and the test suite asks for this script to be run.
"""

from __future__ import annotations

import argparse
import sys

from briefcomposer.sources import load_sample
from briefcomposer.suggestion_cache import fresh_entry, shipped_folder, source_key


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that the shipped entry is current")
    args = parser.parse_args(argv)
    source = load_sample()
    folder = shipped_folder()
    target = folder / f"{source_key(source)}.json"
    text = fresh_entry(source)
    others = [p for p in folder.glob("*.json") if p != target]
    if args.check:
        current = target.is_file() and target.read_text(encoding="utf-8") == text and not others
        print(f"{target.name}: {'current' if current else 'out of date; run tools/ship_sample_analysis.py'}")
        return 0 if current else 1
    folder.mkdir(parents=True, exist_ok=True)
    for old in others:
        old.unlink()
    target.write_text(text, encoding="utf-8", newline="\n")
    print(f"Wrote {target} ({len(text.encode('utf-8')):,} bytes); removed {len(others)} outdated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
