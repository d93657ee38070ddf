"""Suggestions from a source: actors, issues and positions. Pure functions, no Qt.

Everything returned is a suggestion (`Status.SUGGESTED`) for the officer to accept
or reject. Importing this package is cheap: syntok and yake-rust are imported
inside the functions that need them, and nothing here needs numpy.

    suggestions = suggest(source)
    to_json(source, suggestions)          # the shape `briefcomposer analyse` prints
    added = merge_into(brief, source, suggestions)
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from dataclasses import dataclass, field

from briefcomposer.core.model import Actor, ActorKind, Brief, Issue, ParagraphRef, Position, Source, Status

__all__ = ["Suggestions", "merge_into", "suggest", "to_json"]


@dataclass
class Suggestions:
    actors: list[Actor] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)


# Patterns as text, compiled (once, by `re`'s own cache) when first used: a start of the window
# with a cached analysis never uses them, and compiling them at import cost 0.7 ms of it (issue 5).
_HEADING_END = r"[.!?:;…\"”’)]$"
# a few quoted words as a paragraph, with no stop inside: a crosshead quoting the text ("”Must deter”")
_QUOTED_HEADING = r"[“”\"‘’']\s*[^.!?:;…]{1,60}?[^.!?:;…\s][”\"’']"


def heading_indices(source: Source) -> set[int]:
    """Paragraphs that are headings: those the importer marked, and short unpunctuated lines."""
    out = set(source.headings)
    for i, text in enumerate(source.paragraphs):
        t = text.strip()
        if t and len(t.split()) <= 12 and (not re.search(_HEADING_END, t) or re.fullmatch(_QUOTED_HEADING, t)):
            out.add(i)
    return out


def suggest(source: Source, *, model: bool = True, join: bool = True) -> Suggestions:
    """Suggest the actors, issues and positions of `source`.

    Evidence excerpts are whole sentences of `source.paragraphs`, so they stay
    verbatim. A source without paragraphs gives empty suggestions. `model=False`
    gives the rules' findings alone, without the position model of `ranking`;
    `join=False` one position per sentence, without joining an actor's adjacent
    sentences into one (`positions.join_runs`).
    """
    from briefcomposer.analysis.actors import ING_MODIFIERS, find_actors, publisher_key
    from briefcomposer.analysis.gazetteer import load as load_gazetteer
    from briefcomposer.analysis.issues import find_issues, issue_of, issue_owner
    from briefcomposer.analysis.positions import (
        double_quoted,
        expert_turns,
        find_positions,
        give_expert_turns,
        give_quotations,
        join_runs,
        quotation_speakers,
    )
    from briefcomposer.analysis.ranking import rank
    from briefcomposer.analysis.sentences import split

    paragraphs = source.paragraphs
    if not any(p.strip() for p in paragraphs):
        return Suggestions()
    headings = heading_indices(source)
    index = find_actors(paragraphs, source.author, headings=headings, publisher=source.publisher)
    spans = [split(text) for text in paragraphs]
    found = find_positions(paragraphs, spans, index, headings)
    if model:
        found = rank(paragraphs, spans, index, headings, found)
    found = give_expert_turns(found, expert_turns(paragraphs, index, headings), index.author_key)
    # a quotation's sentences go to its speaker, in single marks as in double ones ("'I think ...,' said Osk.")
    quoted = double_quoted(paragraphs)
    found = give_quotations(found, quotation_speakers(quoted, spans, index), quoted, spans, index.author_key)
    if not (source.author or "").strip():
        found = _publisher_speaks(found, publisher_key(index, source.publisher, paragraphs), index.author_key)
    # Words that name actors: single-word names and aliases ("Russia", "Moscow", "NATO", "Russian") and
    # every part of a person's name; not the parts of longer names ("defence" of "Ministry of Defence").
    actor_words: set[str] = set()
    actor_names: set[str] = set()
    person_words: set[str] = set()
    for actor in index.actors.values():
        if actor.kind is ActorKind.AUTHOR:
            continue
        for name in [actor.name, *actor.surfaces]:
            parts = re.findall(r"[\w\u2011][\w\u2011’'\-]*", name)
            if not (actor.kind is ActorKind.GROUP and name.split()[0].lower() in ING_MODIFIERS):
                # "smuggling networks", "warring parties": a group named by what it does names a topic too
                actor_names.add(name.casefold())
            if actor.kind is ActorKind.PERSON:
                person_words.update(w.lower() for w in parts if w[:1].isupper() and len(w) > 2)
            elif actor.kind is ActorKind.ORGANISATION and parts[-1].lower() in ("administration", "team", "camp"):
                person_words.add(parts[0].lower())  # "Trump" of "the Trump administration"
            if actor.kind is ActorKind.PERSON or len(parts) == 1:
                actor_words.update(w.lower() for w in parts)
            else:  # acronyms inside longer names: "UK" of "the UK", "RSF" of "RSF fighters"
                actor_words.update(w.lower() for w in parts if len(w) > 1 and w.isupper())
    # the sentences that make positions point to the issues; the author's plain claims are too many to
    focus = [paragraphs[f.paragraph][s:e] for f in found if f.cue not in ("claim", "ranked") for s, e in f.spans]
    found_issues = find_issues(
        paragraphs,
        headings,
        actor_words,
        focus,
        actor_names=actor_names,
        person_words=person_words,
        title=source.title or "",
    )

    # Keep actors that hold a position or are named at least twice (or are titled or introduced people).
    holders = {f.actor_key for f in found}
    # the leaders commentary names by surname alone (a curated list): an analyst lists them named once
    leaders = set(load_gazetteer().leaders.values())
    actors: dict[str, Actor] = {}
    for fa in index.ordered():
        if (
            fa.key in holders
            or fa.count >= _min_count(fa.kind)
            or fa.titles
            or fa.affiliated
            or fa.introduced
            or fa.kind is ActorKind.AUTHOR
            or (fa.kind is ActorKind.PERSON and fa.name in leaders)  # "Neither Vučić nor Kurti is ready"
        ):
            actors[fa.key] = Actor(fa.name, fa.kind, fa.aliases())
    issues = {
        fi.key: Issue(fi.label, keywords=fi.keywords, paragraphs=[ParagraphRef(source.id, p) for p in fi.paragraphs])
        for fi in found_issues
    }
    positions = []
    owner = issue_owner(found_issues)
    # an actor's view over adjacent sentences is one position with all of them as its evidence (after the
    # issues: what points to them is each sentence's own cue)
    if join:
        found = join_runs(found, spans)
    for f in found:
        # the stance is the claim, so the topic it names comes first; then the evidence and its paragraph
        issue_key = issue_of(f.stance, -1, found_issues, owner) or issue_of(
            paragraphs[f.paragraph][f.spans[0][0] : f.spans[0][1]], f.paragraph, found_issues, owner
        )
        evidence = [source.excerpt(f.paragraph, s, e) for s, e in f.spans]
        positions.append(
            Position(
                actors[f.actor_key].id,
                issues[issue_key].id if issue_key else None,
                f.stance,
                evidence,
                Status.SUGGESTED,
            )
        )
    return Suggestions(list(actors.values()), list(issues.values()), positions)


def to_json(source: Source, suggestions: Suggestions) -> dict:
    """A plain dict of the suggestions, for printing and for tests (paragraph indices from 0)."""
    names = {a.id: a.name for a in suggestions.actors}
    return {
        "source": {
            "title": source.title,
            "author": source.author,
            "publisher": source.publisher,
            "date": source.date,
            "url": source.url,
        },
        "paragraphs": list(source.paragraphs),
        "actors": [{"name": a.name, "kind": a.kind.value, "aliases": list(a.aliases)} for a in suggestions.actors],
        "issues": [
            {
                "id": i.id,
                "label": i.label,
                "keywords": list(i.keywords),
                "paragraphs": [r.paragraph for r in i.paragraphs],
            }
            for i in suggestions.issues
        ],
        "positions": [
            {
                "actor": names[p.actor_id],
                "issue": p.issue_id,
                "stance": p.stance,
                "evidence": [e.quote for e in p.evidence],
                "paragraph": p.evidence[0].paragraph if p.evidence else 0,
            }
            for p in suggestions.positions
        ],
    }


def merge_into(brief: Brief, source: Source, suggestions: Suggestions) -> Suggestions:
    """Add the suggestions of `source` (already in `brief.sources`) to `brief`; return what was added.

    Actors with the same name or alias as one in the brief are reused (their new
    aliases are added); issues with the same label (case-insensitive) too. A
    position is skipped when it repeats one the brief holds, or one the officer
    rejected: same actor with overlapping evidence, or same actor and stance.
    """
    added = Suggestions()
    actor_map: dict[str, str] = {}
    # The actors of one source are distinct, though they may share a name of a pair or a group ("Socialists and
    # Greens" names both, "activists" two groups of activists): none is merged into another actor of the same
    # source, and an alias two of them hold is no ground to merge either with an actor of the brief.
    new_ids: set[str] = set()
    held = Counter(n.casefold() for actor in suggestions.actors for n in dict.fromkeys(actor.names()))

    def named(name: str) -> Actor | None:
        wanted = name.casefold()
        return next(
            (a for a in brief.actors if a.id not in new_ids and any(n.casefold() == wanted for n in a.names())), None
        )

    for actor in suggestions.actors:
        existing = named(actor.name) or next(
            (
                a
                for alias in actor.aliases
                if held[alias.casefold()] < 2 and (a := named(alias)) and actor.kind is not ActorKind.AUTHOR
            ),
            None,
        )
        if existing is not None:
            actor_map[actor.id] = existing.id
            for name in actor.names():
                if name.casefold() not in {n.casefold() for n in existing.names()}:
                    existing.aliases.append(name)
        else:
            brief.actors.append(actor)
            added.actors.append(actor)
            actor_map[actor.id] = actor.id
            new_ids.add(actor.id)
    issue_map: dict[str, str] = {}
    for issue in suggestions.issues:
        existing_issue = next((i for i in brief.issues if i.label.casefold() == issue.label.casefold()), None)
        if existing_issue is not None:
            issue_map[issue.id] = existing_issue.id
            known = set(existing_issue.paragraphs)
            existing_issue.paragraphs.extend(r for r in issue.paragraphs if r not in known)
            existing_issue.keywords.extend(k for k in issue.keywords if k not in existing_issue.keywords)
        else:
            brief.issues.append(issue)
            added.issues.append(issue)
            issue_map[issue.id] = issue.id
    # A repeat is always the same actor's: each position is checked against that actor's only,
    # their stances normalised once (against every position, 860 checks for the sample: 1 ms of
    # each start of the window, issue 5).
    held: dict[str, list[tuple[str, Position]]] = {}
    for old in brief.positions:
        held.setdefault(old.actor_id, []).append((_stance_key(old.stance), old))
    for position in suggestions.positions:
        actor_id = actor_map.get(position.actor_id, position.actor_id)
        stance = _stance_key(position.stance)
        if any(key == stance or _evidence_overlaps(old, position) for key, old in held.get(actor_id, ())):
            continue
        position.actor_id = actor_id
        if position.issue_id is not None:
            position.issue_id = issue_map.get(position.issue_id, position.issue_id)
        brief.positions.append(position)
        held.setdefault(actor_id, []).append((stance, position))
        added.positions.append(position)
    return added


def _stance_key(stance: str) -> str:
    """A stance as compared for repeats: case and spacing do not count."""
    return " ".join(stance.casefold().split())


def _evidence_overlaps(old: Position, new: Position) -> bool:
    for a in old.evidence:
        for b in new.evidence:
            if a.source_id == b.source_id and a.paragraph == b.paragraph and a.start < b.end and b.start < a.end:
                return True
    return False


def _publisher_speaks(found: list, publisher: str | None, author: str | None) -> list:
    """An unsigned piece that names its publisher ("argues a new British Future report") speaks for it: the
    author's positions are the publisher's."""
    if publisher is None or author is None:
        return found
    held = {(f.paragraph, f.spans[0][0]) for f in found if f.actor_key == publisher}
    out = []
    for f in found:
        if f.actor_key == author:
            if (f.paragraph, f.spans[0][0]) in held:
                continue
            f = dataclasses.replace(f, actor_key=publisher)
        out.append(f)
    return out


def _min_count(kind: ActorKind) -> int:
    """How often an actor holding no position must be named to be listed.

    States, organisations and groups named once matter in a piece of any length: the annotators of
    the full articles list them (Qatar and Oman as channels to Iran, the companies a sanctions list
    names, "mediators", "major powers"), which took actors found there from 73% to 85%. People need
    two mentions, a title or an affiliation, because single capitalised names are often not actors.
    """
    return 2 if kind is ActorKind.PERSON else 1
