"""The bundled gazetteer: states, organisations, groups and cues for people.

The data lives in ``resources/gazetteer/`` as TSV and JSON files that an officer
or developer can extend without touching code. `load()` reads them once.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from briefcomposer.core.model import ActorKind
from briefcomposer.paths import bundled_dir

# Words, numbers and single symbols; "U.S." and "al-Tawil" are one token each.
# An apostrophe before a capital stays inside the word: "O’Brien", "D’Souza" (not "Russia’s"); so does one
# before two or more small letters that are no contraction: "Ja’han", "Ma’ruf" (not "don’t", "they’ll")
TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}|[^\W\d_](?:(?:[\w\-\u2011]|[’'](?=[A-Z]|(?!(?:s|t|ll|re|ve|d|m)\b)[a-z]{2,}))*[^\W_])?\.?(?<!\.)"
    r"|\d[\d,.]*\d|\d|\S"
)


PLACE = -1  # a surface that names a place, never an actor ("North America")


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text)


@dataclass
class Entry:
    """One gazetteer actor: its canonical name, kind and the surfaces naming it."""

    name: str
    kind: ActorKind
    nouns: list[str] = field(default_factory=list)  # "Russia", "Moscow", "the Kremlin"
    adjectives: list[str] = field(default_factory=list)  # "Russian"
    places: set[str] = field(default_factory=set)  # capitals: "in Moscow" is a place, not the actor


@dataclass
class Gazetteer:
    entries: list[Entry]
    titles: list[str]
    back_titles: list[str]
    particles: set[str]
    not_names: set[str]
    given_names: set[str] = field(default_factory=set)  # "Ronald", "Karol": a name that starts a person's
    leaders: dict[str, str] = field(default_factory=dict)  # "Putin" -> "Vladimir Putin": named by surname alone
    # token tuple -> (entry index, is_adjective); built by `load`
    surfaces: dict[tuple[str, ...], tuple[int, bool]] = field(default_factory=dict)
    max_len: int = 1


def _rows(path: Path) -> list[list[str]]:
    rows = []
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    for line in lines[1:]:  # the first line names the columns
        rows.append([c.strip() for c in line.split("\t")])
    return rows


def _split(cell: str) -> list[str]:
    return [c.strip() for c in cell.split(";") if c.strip()]


@lru_cache(maxsize=4)
def load(folder: Path | None = None) -> Gazetteer:
    """Read the gazetteer from `folder` (default: the bundled ``resources/gazetteer``)."""
    folder = folder or bundled_dir("resources") / "gazetteer"
    entries: list[Entry] = []
    for row in _rows(folder / "states.tsv"):
        row += [""] * (5 - len(row))
        name, aliases, capitals, adjectives, demonyms = row[:5]
        entries.append(
            Entry(
                name,
                ActorKind.STATE,
                nouns=[name, *_split(aliases), *_split(capitals), *_split(demonyms)],
                adjectives=_split(adjectives),
                places=set(_split(capitals)),
            )
        )
    for row in _rows(folder / "organisations.tsv"):
        row += [""] * (3 - len(row))
        name, aliases, kind = row[:3]
        entries.append(Entry(name, ActorKind(kind or "organisation"), nouns=[name, *_split(aliases)]))
    for row in _rows(folder / "groups.tsv"):
        row += [""] * (3 - len(row))
        name, aliases, places = row[:3]
        # places: names that are also a place, an actor only where no preposition of place comes before
        # ("Europe must act" but "trade with Europe", "in Europe")
        entries.append(
            Entry(name, ActorKind.GROUP, nouns=[name, *_split(aliases), *_split(places)], places=set(_split(places)))
        )
    people = json.loads((folder / "people.json").read_text(encoding="utf-8"))
    gaz = Gazetteer(
        entries=entries,
        titles=sorted(people["titles"], key=len, reverse=True),
        back_titles=people["back_reference_titles"],
        particles=set(people["name_particles"]),
        not_names=set(people["not_names"]),
        leaders=dict(people.get("leaders", {})),
    )
    given = folder / "given_names.txt"
    if given.exists():
        gaz.given_names = {
            ln.strip() for ln in given.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")
        }
    for row in _rows(folder / "places.tsv"):
        key = surface_key(row[0])
        if key:
            gaz.surfaces[key] = (PLACE, False)
            gaz.max_len = max(gaz.max_len, len(key))
    for index, entry in enumerate(entries):
        for surface, adjective in [(n, False) for n in entry.nouns] + [(a, True) for a in entry.adjectives]:
            # "aid agencies" also opens sentences: "Aid agencies have warned ..."
            variants = [surface, surface[0].upper() + surface[1:]] if surface[:1].islower() else [surface]
            if surface.startswith("UN "):  # "UN Refugee Agency" is also written out in full, or "U.N."
                variants += ["United Nations " + surface[3:], "U.N. " + surface[3:]]
            if entry.kind is not ActorKind.STATE and len(surface) >= 4 and surface.isalpha() and not surface.isupper():
                variants.append(surface.upper())  # a one-word name in capitals: "NVIDIA", "HAMAS"
            for variant in variants:
                key = surface_key(variant)
                if key and key not in gaz.surfaces:
                    gaz.surfaces[key] = (index, adjective)
                    gaz.max_len = max(gaz.max_len, len(key))
    return gaz


def surface_key(surface: str) -> tuple[str, ...]:
    """The lookup key of a name: its tokens, with a leading "the" in lower case."""
    toks = tokens(surface)
    if toks and toks[0] == "The":
        toks[0] = "the"
    return tuple(toks)
