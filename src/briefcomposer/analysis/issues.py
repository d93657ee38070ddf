"""Issues: the topics a source discusses, labelled like headings in a brief.

Candidates come from two places. YAKE scores key phrases (yake-rust, the Rust port of the
reference algorithm; at most `YAKE_WORDS` words
of text are given to it, sampled evenly, so long documents cost a bounded time), and
the policy vocabulary (``resources/gazetteer/policy_terms.txt``: enlargement,
sanctions, missile defence, ceasefire, tariffs, ...) adds the phrases built around
its terms: with the actor before them ("NATO enlargement", "Russia–NATO
relations"), the actor or place after a preposition ("dialogue with Russia", "war
in Gaza") and the owner of a policy ("UK policy towards Russia"); its verbs count
for their nouns ("coerce" for "coercion"). Phrases that only name actors, that are
generic ("areas"), that join two things ("judicious and smart") or that end on an
adjective are dropped, and a phrase outside the vocabulary must recur to count.

Phrases are grouped when they share a topic word ("missile defence",
"missile-defence projects"), and groups that name the same line of the vocabulary
are one issue ("Israeli strike" joins "Military operations"). Groups are ranked by
how widely the text discusses them, by the vocabulary, by the positions that are
about them and by the headings; 5 to 9 become issues, labelled by their best phrase
as the text spells it, in sentence case with acronyms and names kept. A label that
names an actor, a place, a person, a fragment of a longer name, a speaker's quoted
words, ends on a verb or names no topic ("Unique security", "Decision") is passed over for the next group; a
phrase the text never uses without its next word is completed ("Critical raw materials"); "Contraction in GDP"
reads "GDP contraction"; two conflicts over one place ("War in Ukraine", "Invasion
of Ukraine") are one issue; keywords with verbs or adverbs in them are dropped.
"""

from __future__ import annotations

import bisect
import importlib.util
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from briefcomposer.analysis import lexicon
from briefcomposer.analysis.actors import ORG_HEADS
from briefcomposer.analysis.lexicon import words

YAKE_WORDS = 2_500  # at most this much text goes to YAKE (sampled evenly), so long texts cost a bounded time
MAX_CANDIDATES = 600  # best-scored YAKE phrases considered
_WORD = re.compile(r"[^\W_]+(?:[’'][^\W_]+)*")
_TOKEN = re.compile(r"[\w\u2011][\w\u2011’'\-]*")
_GENERIC = frozenset(
    words(
        "area areas issue issues way ways time times case cases fact facts question questions part parts form "
        "forms level levels number numbers year years day days week weeks month months point points thing "
        "things lot kind sort example examples term terms place side sides end start basis context course "
        "result results view views today people person country countries state states world region event "
        "events role efforts effort need needs ability capacity approach approaches use degree extent order "
        "interest interests element elements aspect aspects piece pieces instance hand matter matters sense "
        "share percent per cent mr ms dr sir ambassador president minister secretary general prime chief "
        "officials official government administration analysis pretty billion million trillion back height heights "
        "top bottom middle rest beginning onset aftermath wake lack absence presence argument arguments reason "
        "reasons mind minds eyes face heart wave criticism criticisms difference differences perception perceptions "
        "concern concerns opinion opinions discussion discussions conversation question debate focus off tons tonnes "
        "blog decade decades century"
    )
)
_LEADING = frozenset(
    words(
        "current future full recent new significant limited poor greater broader further other certain various "
        "several main key major primary overall entire total only first last latest strong weak enormous huge "
        "relatively rare such much many more most less least long short whole real genuine clear obvious existing "
        "possible potential particular specific similar same little big large small high low good bad wider "
        "increasingly very already commonly official unofficial tough aware unhelpful helpful hard easy able unable "
        "keen willing unwilling ready eager difficult impossible possible expansive episodic important unfair "
        "judicious smart genuine actual massive effective ineffective successful failed meaningful robust "
        "credible decisive concerted comprehensive sustainable lasting durable stronger better worse best "
        "fundamental serious growing mounting ongoing continued renewed viable evident apparent largest biggest "
        "greatest smallest vulnerable unlike despite amid"
    )
)
_ING_NOUNS = frozenset(
    words(
        "spending training funding fighting peacekeeping bombing financing peace-making peacemaking shelling "
        "trafficking smuggling screening building housing policing planning lending borrowing warming "
        "state-building nation-building rebuilding bargaining"
    )
)
_VERBISH = frozenset(
    words(
        "met fell went came took made gave got led left held ran rose saw spoke began brought built bought caught "
        "chose did drew drove fought flew grew hid kept knew laid lost meant paid put read sent set shot shut sat "
        "spent stood struck taught threw understood won become becomes speak speaks tend tends lean leans seem seems "
        "remain remains include includes continue continues make makes take takes give gives go goes come comes "
        "get gets keep keeps help helps show shows try tries use uses work works need needs visit visits "
        "play plays serve serves lead leads face faces"
    )
)
# Verbs that open recommendations ("Cement U.S. energy dominance"): never the start of a topic.
_IMPERATIVES = frozenset(
    words(
        "expand cement secure build strengthen protect promote deepen launch negotiate ensure modernize modernise "
        "institutionalize institutionalise streamline guarantee prioritise prioritize reinforce bolster boost "
        "accelerate establish create adopt pursue impose designate enforce fund provide support use condition "
        "tighten restore reform stop end avoid halt destabilize destabilise undermine weaken counter deter "
        "address tackle reduce increase improve maintain develop gain achieve obtain win"
    )
)
_VERB_CONTEXT = re.compile(
    r"\b(?:he|she|it|they|we|i|will|would|can|could|should|may|might|must|did|does|do)\s+([a-z]+)\b"
)
_NOUN_ENDINGS = ("ing", "ion", "ment", "ity", "ness", "ence", "ance", "ism", "ship", "s", "age", "ure", "cy")
_AFTER_TO = re.compile(r"\bto\s+([a-z]+)\b")
_AFTER_DETERMINER = re.compile(r"\b(?:the|a|an|its|their|his|her|our|this|these|those|such|any|no|of)\s+([a-z]+)\b")
_ADJECTIVE_ENDINGS = (
    "ic",
    "ive",
    "ous",
    "ful",
    "less",
    "able",
    "ible",
    "ical",
    "ary",
    "ant",
    "ent",
    "al",
    "ian",
    "ese",
    "ular",
)
_NOUNS_LIKE_ADJECTIVES = frozenset(
    words(
        "proposal potential arsenal referral withdrawal approval renewal trial survival tribunal rival capital "
        "council deal appeal signal portal rental arrival denial dismissal removal proposal principal terminal "
        "agent client incident element government agreement president resident settlement investment development "
        "management movement payment statement treatment deployment commitment engagement enlargement "
        "environment equipment establishment parliament assessment argument document moment percent talent "
        "content event intent extent accident patent dissent consent continent opponent component student "
        "parent ant giant migrant immigrant applicant assistant consultant defendant descendant tenant covenant "
        "participant merchant servant sergeant lieutenant infant elephant restaurant peasant pageant grant "
        "combatant claimant informant militant protestant emigrant occupant descendant entrant supplicant "
        "legal-tender communiqué military-industrial narrative initiative objective incentive alternative directive "
        "offensive executive collective perspective "
        # nouns with an adjective's ending: "Panama Canal", "coal", "COVID-19 pandemic", "power plant"
        "coal goal canal scandal festival mineral animal criminal hospital journal ritual metal total interval "
        "material individual official general cardinal admiral disposal burial betrayal refusal reversal upheaval "
        "memorial editorial tutorial manual chemical radical liberal meal seal zeal ideal ordeal repeal medal "
        "secretary boundary salary library dictionary anniversary commentary documentary beneficiary adversary "
        "emissary subsidiary summary sanctuary judiciary military dignitary itinerary primary diary "
        "civilian guardian politician technician historian physician musician pedestrian custodian "
        "precedent respondent correspondent recipient ingredient constituent insurgent contingent proponent "
        "plant variant pollutant warrant tyrant lubricant stimulant contaminant implant "
        "republic traffic topic tactic clinic critic panic logic mechanic music public fabric plastic statistic "
        "characteristic rhetoric epidemic pandemic cleric relic mosaic "
        "drive archive representative operative native motive explosive derivative prerogative imperative "
        "table cable vegetable variable timetable deliverable"
    )
)
_STOP_IN_LABEL = frozenset(
    words(
        "the a an is are was were be been has have had to and or but not no this that these those it its their "
        "his her our they he she we i you can could would should will may might must do does did so very more "
        "most less than then there here which who what when where how why if as at by from into out up down "
        "about after before over under again further once"
    )
)
_PREPOSITIONS = frozenset(words("with towards toward on against to in for of"))
_SYNONYMS = {
    "enlargement": "expansion",
    "cooperation": "co-operation",
    "defense": "defence",
    "programme": "program",
    "counterterrorism": "counter-terrorism",
    "terrorist": "terrorism",
    "sanction": "sanctions",
    "soldier": "troop",
    "expand": "expansion",
    "expenditure": "spending",
}


_VERBS = frozenset(lexicon.VERB_FORMS)
_GENERIC_NORMS = frozenset()  # filled below, once _norm exists
_TITLES = frozenset(
    words("ambassador representative secretary minister president sir general chief adviser advisor spokesperson")
)


@dataclass
class FoundIssue:
    key: str
    label: str
    keywords: list[str]
    paragraphs: list[int]
    score: float
    extra: dict = field(default_factory=dict)


@lru_cache(maxsize=65536)
@lru_cache(maxsize=1 << 16)  # called for every word of the text; the vocabulary is small
def _norm(word: str) -> str:
    w = word.lower().replace("\u2011", "-").replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = _SYNONYMS.get(w, w)
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    return _SYNONYMS.get(w, w)


_GENERIC_NORMS = frozenset(_norm(w) for w in _GENERIC | {"leader", "leaders"})


@dataclass
class _Group:
    norms: frozenset[str]
    phrases: dict[str, float] = field(default_factory=dict)  # phrase -> YAKE score
    counts: dict[str, int] = field(default_factory=dict)  # phrase -> occurrences in the text
    keys: set[tuple[str, ...]] = field(default_factory=set)  # the phrases' normalised token tuples
    paras: set[int] = field(default_factory=set)
    count: int = 0
    score: float = 99.0
    multi: bool = False  # has a phrase of several words ("NATO expansion")
    concepts: set[int] = field(default_factory=set)  # lines of the policy vocabulary its phrases name

    @property
    def multiword(self) -> bool:
        return len(self.norms) > 1


def _add_candidate(
    groups: dict[frozenset[str], _Group],
    cleaned: str,
    key: tuple[str, ...],
    score: float,
    norms: frozenset[str],
    multi: bool,
    count: int,
    paras: set[int],
    concepts: frozenset[int],
) -> None:
    group = groups.get(norms)
    if group is None:
        group = groups[norms] = _Group(norms)
    group.multi = group.multi or multi
    group.phrases[cleaned] = min(score, group.phrases.get(cleaned, 99.0))
    group.counts[cleaned] = count
    group.keys.add(key)
    group.paras |= paras
    group.count = max(group.count, count)
    group.score = min(group.score, score)
    group.concepts |= concepts


def _head_word(key: tuple[str, ...]) -> str:
    """The head of a normalised phrase: "operation" of "peace operations", "membership" of "membership in the UN"."""
    cut = next((i for i, w in enumerate(key) if i and w in _PREPOSITIONS), len(key))
    return key[cut - 1]


def _contains(home: _Group, group: _Group) -> bool:
    """`group` belongs in `home`: a general group ("dialogue") joins a specific one that contains it, never the
    other way round, so "policy" does not swallow "open door policy"."""
    return group.norms <= home.norms or (len(home.norms) >= 2 and home.norms <= group.norms)


def _merged(groups: Iterable[_Group]) -> list[_Group]:
    """`groups` with each joined to the first (most used) group that contains it."""
    merged: list[_Group] = []
    for group in sorted(groups, key=lambda g: (-g.count, len(g.norms))):
        home = next((m for m in merged if _contains(m, group)), None)
        if home is None:
            merged.append(group)
            continue
        home.phrases.update(group.phrases)
        home.counts.update(group.counts)
        home.keys |= group.keys
        home.paras |= group.paras
        home.count += group.count
        home.score = min(home.score, group.score)
        home.multi = home.multi or group.multi
        home.concepts |= group.concepts
    return merged


def find_issues(
    paragraphs: list[str],
    headings: set[int],
    actor_words: set[str],
    focus: list[str] | None = None,
    max_issues: int | None = None,
    actor_names: set[str] | None = None,
    person_words: set[str] | None = None,
    title: str = "",
) -> list[FoundIssue]:
    """Suggest issues for `paragraphs`.

    `actor_words` are the lower-case words of actor names and aliases; a phrase made
    only of them is not an issue. `focus` are sentences that carry positions: a topic
    they name is more likely an issue. `max_issues` defaults to one per 120 words, 6 to 9.
    `actor_names` (whole names and aliases, case-folded) and `person_words` (parts of
    people's names, lower case) keep actors and people out of the labels ("Indian Air
    Force", "Trump lite"). `title` (the source's) names its main topics as a heading does.
    """
    body = [i for i in range(len(paragraphs)) if i not in headings and paragraphs[i].strip()]
    if not body:
        return []
    n_words = sum(len(paragraphs[i].split()) for i in body)
    if max_issues is None:
        # analysts listed 6 issues (median; 5.8 on average) for each of 242 excerpts of 230-300 words
        max_issues = max(6, min(9, n_words // 120))
    extractor = _extractor()
    stop = set(_stopwords())
    texts = [paragraphs[i] for i in body]
    lowered = [t.lower() for t in texts]
    after_determiner = {m.group(1) for t in lowered for m in _AFTER_DETERMINER.finditer(t)}
    verbs = set(_VERBISH) | {m.group(1) for t in lowered for m in _VERB_CONTEXT.finditer(t)}
    verbs |= {
        w
        for t in lowered
        for m in _AFTER_TO.finditer(t)
        if not (w := m.group(1)).endswith(_NOUN_ENDINGS) and w not in after_determiner
    }
    # Theme words run through most of the text ("defence" in a piece on defence spending): they do not
    # tell one issue from another, so topics are grouped without them.
    tokenized = [_tokens(text) for text in texts]
    spread: dict[str, int] = {}
    freq: dict[str, int] = {}
    for toks in tokenized:
        for t in toks:
            freq[t[0]] = freq.get(t[0], 0) + 1
        for w in {t[0] for t in toks}:
            spread[w] = spread.get(w, 0) + 1
    theme_words = {w for w, n in spread.items() if len(body) >= 6 and n > 0.6 * len(body)}
    sample = _sample(paragraphs, body)
    first_seen = _FirstSurfaces(sample, names=actor_names or ())
    stop_verbs = stop | verbs
    candidates: list[tuple[str, tuple[str, ...], float, frozenset[str], bool]] = []
    for phrase, score in extractor.get_n_best(sample.replace("\n", " "), n=5000):
        if len(candidates) >= MAX_CANDIDATES:
            break
        surface = first_seen.get(tuple(_norm(w) for w in _WORD.findall(phrase)))
        if surface is None:
            continue
        cleaned = _clean(surface, stop_verbs, actor_words)
        if cleaned is None:
            continue
        parts = [t for t in re.split(r"[\s\-\u2011]+", cleaned) if t.lower() not in stop]
        norms = frozenset(_norm(t) for t in parts if t.lower() not in actor_words and t.lower() not in _LEADING)
        if not norms or norms & _GENERIC_NORMS:
            continue
        norms = norms - theme_words or frozenset({"<theme>"})
        key = tuple(_norm(w) for w in _WORD.findall(cleaned))
        if not key:
            continue  # punctuation and apostrophes only ("’s")
        # yake-rust sums in hash-map order, so a score's last bits vary from run to run: ten significant
        # digits make the same text give the same issues every time
        candidates.append((cleaned, key, float(f"{score:.10g}"), norms, len(parts) > 1))
    wanted = {c[1] for c in candidates}
    counts, where = _count(tokenized, body, wanted)
    # Policy vocabulary the keyword extractor missed or cut badly ("NATO enlargement", "policy towards Russia").
    extra = _lexicon_candidates(texts, tokenized, body, actor_words)
    for phrase, key, count, paras in extra:
        if key in wanted:
            counts[key] = max(counts.get(key, 0), count)
            where[key] = where.get(key, set()) | paras
            # the vocabulary's phrase may name the owner the extractor left out ("UK policy towards Russia")
            candidates = [(phrase if c[1] == key and len(phrase) > len(c[0]) else c[0], *c[1:]) for c in candidates]
            continue
        parts = [t for t in re.split(r"[\s\-\u2011]+", phrase) if t.lower() not in stop]
        norms = frozenset(_norm(t) for t in parts if t.lower() not in actor_words and t.lower() not in _LEADING)
        if not norms or norms & _GENERIC_NORMS:
            continue
        norms = norms - theme_words or frozenset({"<theme>"})
        wanted.add(key)
        counts[key], where[key] = count, paras
        candidates.append((phrase, key, 0.1, norms, len(parts) > 1))
    # The source's section headings name its topics ("Labor Rights Enforcement to Prevent ..."): their noun
    # phrases are strong candidates.
    heading_keys: set[tuple[str, ...]] = set()
    # The title is one more heading, after the last paragraph: its phrases count only where the text uses them.
    titled = [*paragraphs, title] if title.strip() else list(paragraphs)
    all_headings = headings | {len(paragraphs)} if title.strip() else set(headings)
    from_headings = _heading_candidates(titled, all_headings, texts, tokenized, body, stop_verbs, actor_words)
    found_counts, found_where = _count(tokenized, body, {key for _, key, _ in from_headings} - wanted)
    sorted_headings = sorted(all_headings)
    for phrase, key, h in from_headings:
        parts = [t for t in re.split(r"[\s\-\u2011]+", phrase) if t.lower() not in stop]
        norms = frozenset(_norm(t) for t in parts if t.lower() not in actor_words and t.lower() not in _LEADING)
        if not norms or norms & _GENERIC_NORMS:
            continue
        heading_keys.add(key)
        if key not in wanted:
            wanted.add(key)
            counts[key], where[key] = found_counts.get(key, 0), found_where.get(key, set())
            candidates.append((phrase, key, 0.05, norms - theme_words or frozenset({"<theme>"}), len(parts) > 1))
        counts[key] = max(counts.get(key, 0), 2)  # the heading counts as a mention
        if not where.get(key):  # a heading's words the section does not repeat: the section discusses it
            after = bisect.bisect_right(sorted_headings, h)
            stop_at = sorted_headings[after] if after < len(sorted_headings) else len(paragraphs)
            where[key] = {i for i in range(h + 1, stop_at) if paragraphs[i].strip()}
            if not where[key]:
                counts[key] = 0
    # A sea or a region the text keeps discussing is a topic of its own ("South China Sea", "Sahel"): not an actor.
    places = _places(texts, body, min(3, max(2, len(body) // 3)))
    if places:
        place_keys = {key for _, key, _, _ in places}
        candidates = [c for c in candidates if c[1] not in place_keys]
        for name, key, count, paras in places:
            counts[key], where[key] = count, paras
            heading_keys.add(key)  # kept like a heading's phrase, whatever its count
            candidates.append((name, key, 0.1, frozenset({"<place> " + name.casefold()}), len(key) > 1))
    documents = [d for d in _documents(texts, body, title) if d[1] not in {key for _, key, _, _ in places}]
    if documents:
        document_keys = {key for _, key, _, _ in documents}
        candidates = [c for c in candidates if c[1] not in document_keys]
        for name, key, count, paras in documents:
            counts[key], where[key] = count, paras
            heading_keys.add(key)
            candidates.append((name, key, 0.1, frozenset(_norm(w) for w in _WORD.findall(name)), True))
    # seas, regions and named topics ("AUKUS") are topics though the gazetteer may know the name as an actor's
    place_labels = {name.casefold() for name, _, _, _ in places} | {
        name.casefold() for name, _, _, _ in documents if name.casefold() in named_topic_labels()
    }
    spoken = _mostly_quoted(texts)
    groups: dict[frozenset[str], _Group] = {}
    # Topics that are weaker evidence (a term of the vocabulary named once, a phrase outside it named once, a word
    # outside it the text keeps using): they fill the slots the others leave, as in a short commentary.
    spare: dict[frozenset[str], _Group] = {}
    for cleaned, key, score, norms, multi in candidates:
        count = counts.get(key, 0)
        concepts = _concepts(key)
        if count == 0:
            continue
        if all(t[:1].isupper() for t in cleaned.split()) and count < 2 and freq.get(_head_word(key), 0) < 2:
            continue  # a name (a conference, a document) mentioned once; "Panama Canal" is back as "the canal"
        into = groups
        if count < 2 and len(key) < 2:
            if not concepts:
                continue
            into = spare  # "peacekeeping", once
        elif not concepts and (count < 2 or not multi) and key not in heading_keys:
            # outside the policy vocabulary, only a phrase the text repeats is a topic
            if not (multi or (count >= 3 and len(where[key]) >= 2)):
                continue
            if count < 2 and freq.get(_head_word(key), 0) < 2:
                continue  # "holy grail", "great skill": a turn of phrase, unless its head recurs ("peace operations")
            into = spare  # "peace operations" once; "fraud" in most paragraphs
        _add_candidate(into, cleaned, key, score, norms, multi, count, where[key], concepts)
    # "missile defence" takes in "missile defence projects"; "NATO expansion" and "NATO enlargement" already share
    # their key through the synonyms.
    merged = _merged(groups.values())
    spares = [g for g in _merged(g for g in spare.values() if not any(_contains(m, g) for m in merged))]

    def merit(g: _Group) -> float:
        policy = 3.0 if g.concepts else 1.0
        # a term of the vocabulary is a topic on its own ("ceasefire", "famine"); another single word is not
        single = 2.0 if g.concepts and len(g.paras) >= 2 else 1.0
        return policy * (1 + len(g.paras)) ** 0.5 * (4.0 if g.multi else single) / (0.05 + g.score) ** 0.25

    # Issues are what positions are about: each sentence that carries a position votes for the most
    # specific topic it names; the rest of the slots go to the topics the text keeps coming back to.
    votes: dict[int, int] = {}
    # The theme of the whole text (in over half of its paragraphs) is one issue, not a topic of sentences.
    theme = {n for n, g in enumerate(merged) if len(body) >= 6 and len(g.paras) > len(body) / 2}
    owner = {key: n for n, g in enumerate(merged) if n not in theme for key in g.keys}
    for sentence in focus or []:
        present = _present(_tokens(sentence), owner)
        if present:
            # a multi-word topic before a single word; among them, the one named first
            best = min(present, key=lambda n: (not merged[n].multi, present[n]))
            votes[best] = votes.get(best, 0) + 1
    # Headings name the topics of their sections.
    in_headings: set[int] = set()
    for h in all_headings:
        if 0 <= h < len(titled):
            in_headings.update(_present(_tokens(titled[h]), owner))
    in_headings |= {n for n, g in enumerate(merged) if g.keys & heading_keys}

    # A topic of the vocabulary is discussed in all the paragraphs of its phrases ("humanitarian access", "aid
    # modalities", "relief"): its groups are ranked by their family's reach, not by each fragment's.
    heads = [_head_concept(g) for g in merged]
    family: dict[int, set[int]] = {}
    for n, g in enumerate(merged):
        if heads[n] is not None:
            family.setdefault(heads[n], set()).update(g.paras)

    def reach(n: int) -> float:
        own = len(merged[n].paras)
        if heads[n] is None:
            return 1.0
        return ((1 + len(family[heads[n]])) / (1 + own)) ** 0.5

    def weight(n: int) -> float:
        return merit(merged[n]) * reach(n) * (1 + votes.get(n, 0)) * (3.0 if n in in_headings else 1.0)

    top_theme = sorted(theme, key=lambda n: -merit(merged[n]))[:1]
    ranked = top_theme + sorted((n for n in range(len(merged)) if n not in theme), key=lambda n: -weight(n))
    # The author's own section headings come first: a topic of the vocabulary they name is an issue.
    general = _general_concepts()
    headed: list[int] = []
    headed_concepts: set[int | None] = set()
    for n in ranked:
        if n in in_headings and n not in top_theme and merged[n].concepts and heads[n] not in general:
            if heads[n] is None or heads[n] not in headed_concepts:
                headed.append(n)
                headed_concepts.add(heads[n])
            if len(headed) >= max(2, max_issues - 3):
                break
    ranked = top_theme + headed + [n for n in ranked if n not in top_theme and n not in headed]
    chosen: list[_Group] = []
    chosen_labels: list[str] = []
    min_paras = 3 if len(body) >= 12 else 2  # a short commentary comes back to a topic less often
    by_concept: dict[int, _Group] = {}
    handled: set[int] = set()
    general = _general_concepts()
    # A second pass fills the slots left with topics of the vocabulary the text names only once ("economic
    # decoupling", "regime change"): a text discusses more issues than it keeps repeating.
    # A third pass fills what is still left: the other topics above, then the spare ones ("peace operations").
    first_spare = len(merged)
    merged.extend(spares)
    fill = ranked + sorted(range(first_spare, len(merged)), key=lambda n: -merit(merged[n]))
    passes = [(0, n) for n in ranked] + [(1, n) for n in ranked] + [(2, n) for n in fill]
    for stage, n in passes:
        relaxed = stage > 0
        if n in handled:
            continue
        group = merged[n]
        concept = _head_concept(group)
        if concept is not None and concept in by_concept and n not in top_theme:
            # One issue per topic of the vocabulary: "Israeli strike" joins "Military operations".
            handled.add(n)
            home = by_concept[concept]
            home.keys |= group.keys
            home.paras |= group.paras
            for phrase, value in group.phrases.items():
                home.phrases.setdefault(phrase, value + 1.0)  # after the home group's own phrases
                home.counts.setdefault(phrase, group.counts.get(phrase, 0))
            continue
        if len(chosen) >= max_issues:
            continue
        place = any(phrase.casefold() in place_labels for phrase in group.phrases)
        if place and stage == 0:
            continue  # a place comes after the topics discussed in it
        if stage == 1 and not place and not (group.multi and concept is not None and concept not in general):
            continue
        if not relaxed and (
            not group.multi
            and len(group.paras) < min_paras
            and not (group.concepts and group.count >= 3)
            and not (n in in_headings and group.concepts)
        ):
            continue  # a single word becomes an issue only when the text keeps coming back to it
        if group.count < 2 and not votes.get(n) and not relaxed:
            continue  # named once and no position is about it
        own = [paragraphs[i] for i in sorted(group.paras)[:40]] or texts

        def junk(label: str, own: list[str] = own) -> bool:
            if label.casefold() in place_labels:
                return False
            return _junk_label(label, own, actor_names or set(), person_words or set(), spoken)

        if stage == 2:

            def junk(label: str, own: list[str] = own) -> bool:
                # a spare topic is weaker evidence: nor may its label hold a verb ("Somaliland sits")
                if label.casefold() in place_labels:
                    return False
                return _junk_label(label, own, actor_names or set(), person_words or set(), spoken) or _verb_in(
                    label, own, verbs
                )

        label = _label(group, own, junk)
        if junk(label):
            continue
        same = _same_conflict(label, chosen_labels)
        if same is None:
            # "European migration" completed reads "European migration policy", as another group does
            same = next((k for k, other in enumerate(chosen_labels) if other.casefold() == label.casefold()), None)
        if same is None and not place:
            same = _same_topic(label, group.paras, chosen_labels, chosen, actor_words)
        handled.add(n)
        if same is not None:
            # "War in Ukraine" and "Invasion of Ukraine" are one issue
            home = chosen[same]
            home.keys |= group.keys
            home.paras |= group.paras
            for phrase, value in group.phrases.items():
                home.phrases.setdefault(phrase, value + 1.0)
                home.counts.setdefault(phrase, group.counts.get(phrase, 0))
            continue
        chosen.append(group)
        chosen_labels.append(label)
        if concept is not None:
            by_concept.setdefault(concept, group)
    issues: list[FoundIssue] = []
    seen_labels: set[str] = set()
    for n, group in enumerate(sorted(chosen, key=lambda g: min(g.paras))):
        # only the group's own paragraphs are searched for spellings (at most 40): long texts stay fast
        own = [paragraphs[i] for i in sorted(group.paras)[:40]] or texts
        label = _label(
            group,
            own,
            # a label another issue has ("European migration policy") passes over to the group's next phrase
            lambda lab, own=own: (
                lab.casefold() in seen_labels
                or (
                    lab.casefold() not in place_labels
                    and _junk_label(lab, own, actor_names or set(), person_words or set(), spoken)
                )
            ),
        )
        if label.casefold() in seen_labels:
            continue
        seen_labels.add(label.casefold())
        keywords = _keywords(group, chosen, own, verbs) or [label.lower() if not label.isupper() else label]
        issues.append(
            FoundIssue(
                f"i{n + 1}",
                label,
                keywords,
                sorted(group.paras),
                group.score,
                {"keys": group.keys, "multi": group.multi, "theme": any(group is merged[t] for t in top_theme)},
            )
        )
    return issues


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[dict[tuple[str, ...], int], dict[tuple[str, ...], str]]:
    """The policy vocabulary (``resources/gazetteer/policy_terms.txt``).

    Returns the normalised terms with their line, and the "~" variants (verbs, adjectives) with the
    line's first term, which stands for them.
    """
    terms: dict[tuple[str, ...], int] = {}
    variants: dict[tuple[str, ...], str] = {}
    for n, line in enumerate(_vocabulary_lines()):
        cells = [c.strip() for c in line.split(";") if c.strip()]
        head = next((c for c in cells if not c.startswith("~")), "")
        for cell in cells:
            key = tuple(_norm(w) for w in _WORD.findall(cell.lstrip("~")))
            if key:
                terms.setdefault(key, n)
                if cell.startswith("~") and head:
                    variants.setdefault(key, head)
    return terms, variants


@lru_cache(maxsize=1)
def _vocabulary_lines() -> tuple[str, ...]:
    from briefcomposer.paths import bundled_dir

    path = bundled_dir("resources") / "gazetteer" / "policy_terms.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(ln for ln in lines if ln.strip() and not ln.startswith("#"))


@lru_cache(maxsize=1)
def _vocabulary_heads() -> frozenset[str]:
    """The first term of each line of the policy vocabulary, in lower case: how a heading names the concept."""
    return frozenset(ln.split(";")[0].strip().lower() for ln in _vocabulary_lines())


def _policy_terms() -> dict[tuple[str, ...], int]:
    return _vocabulary()[0]


@lru_cache(maxsize=65536)
def _concepts(key: tuple[str, ...], nouns_only: bool = False) -> frozenset[int]:
    """Lines of the policy vocabulary named by the phrase `key` (normalised words); with `nouns_only`,
    not through a "~" variant ("coercive power" names coercion, but is no heading for it)."""
    terms, variants = _vocabulary()
    return frozenset(
        terms[key[i : i + n]]
        for n in (1, 2, 3)
        for i in range(len(key) - n + 1)
        if key[i : i + n] in terms and not (nouns_only and key[i : i + n] in variants)
    )


def _head_concept(group: _Group) -> int | None:
    """The vocabulary line of the group's most used phrase's head ("spending" of "defence spending")."""
    terms = _policy_terms()
    general = _general_concepts()
    for phrase in sorted(group.phrases, key=lambda ph: (-group.counts.get(ph, 0), group.phrases[ph])):
        key = tuple(_norm(w) for w in _WORD.findall(phrase))
        found = [
            terms[key[end - n : end]]
            for end in range(len(key), 0, -1)
            for n in (3, 2, 1)
            if end - n >= 0 and key[end - n : end] in terms
        ]
        if found:
            # "Sanctions strategy" is about sanctions: a general head ("strategy", "policy") gives way
            return next((c for c in found if c not in general), found[0])
    return None


@lru_cache(maxsize=1)
def _general_concepts() -> frozenset[int]:
    """Lines of the vocabulary that head nothing by themselves: strategy/policy, engagement, relations, crisis."""
    terms = _policy_terms()
    return frozenset(c for w in ("strategy", "engagement", "relation", "crisis") if (c := terms.get((w,))) is not None)


_NOUN_BEFORE = re.compile(r"^(?:the|a|an|its|their|this|that|confidential|secret|classified)$|[’']s$")
_NOUN_PREFIXES = frozenset(words("anti counter de non post pre re co"))
_LINKS = frozenset(words("with towards toward on against in within over"))
_OWNED = frozenset(words("policy policies strategy approach doctrine relations"))
_PAIRED = frozenset(words("relation tie"))


def _inside_name(text: str, toks: list[tuple[str, int, int]], i: int, end: int) -> bool:
    """Tokens `i:end` are capitalised words of a longer capitalised name ("Defence Force" of "Australian
    Defence Force", "Defence" of "Defence Force")."""
    if not text[toks[i][1]].isupper() or text[toks[i][1] : toks[i][2]].isupper():
        return False

    def joined(a: int, b: int) -> bool:
        return text[toks[a][2] : toks[b][1]] == " " and text[toks[a][1]].isupper() and text[toks[b][1]].isupper()

    return (i > 0 and joined(i - 1, i)) or (end < len(toks) and joined(end - 1, end))


def _lexicon_candidates(
    texts: list[str], tokenized: list[list[tuple[str, int, int]]], body: list[int], actor_words: set[str]
) -> list[tuple[str, tuple[str, ...], int, set[int]]]:
    """Phrases built around the policy vocabulary: the term, an actor before it ("NATO enlargement") and
    an actor after a preposition ("dialogue with Russia", "UK policy towards Russia").

    Returns `(phrase, normalised key, occurrences, paragraphs)`.
    """
    terms = _policy_terms()
    adjectives = _adjectives()
    names = {w for w in actor_words if w not in adjectives and w not in _STOP_IN_LABEL}
    firsts = {key[0] for key in terms}
    found: dict[tuple[str, ...], list] = {}
    for p, text, toks in zip(body, texts, tokenized, strict=True):
        if not any(t[0] in firsts for t in toks):
            continue
        lower = [text[s:e].lower() for _, s, e in toks]
        i = 0
        while i < len(toks):
            if toks[i][0] not in firsts:
                i += 1
                continue
            n = next((n for n in (3, 2, 1) if i + n <= len(toks) and tuple(t[0] for t in toks[i : i + n]) in terms), 0)
            if not n:
                i += 1
                continue
            start, end = i, i + n
            if _inside_name(text, toks, i, end):
                i = end  # "Force" of "Australian Defence Force": a word of a name, no topic
                continue
            head = _vocabulary()[1].get(tuple(t[0] for t in toks[i:end]))
            if head is not None and n == 1 and i > 0 and _NOUN_BEFORE.search(lower[i - 1]) and lower[i][-1:] != "d":
                i = end  # "the agreement's annex", "a confidential annex": the noun, not the verb "annex"
                continue
            if head is not None:  # "coerce" counts for "coercion"
                key = tuple(_norm(w) for w in _WORD.findall(head))
                entry = found.setdefault(key, [head, 0, set()])
                entry[1] += 1
                entry[2].add(p)
                i = end
                continue
            if end < len(toks) and not _gap(text, toks, end - 1, end) and text[toks[end - 1][2]] in "-\u2011":
                i = end  # "trade" of "trade-offs"
                continue
            if i > 0 and text[toks[i][1] - 1] in "-\u2011" and lower[i - 1] not in _NOUN_PREFIXES:
                i = end  # "border" of "cross-border"
                continue
            while start > 0 and not _gap(text, toks, start - 1, start, "-–\u2011"):
                # "NATO enlargement", "Ukraine crisis", "Russia–NATO relations"; a name that also describes
                # ("US", "UK") only when a dash joins it to the next: "US–China relations", not "US troops"
                dashed = text[toks[start - 1][2]] in "-–\u2011" or (
                    start > 1 and text[toks[start - 2][2]] in "-–\u2011" and lower[start - 2] in actor_words
                )  # "US–China", "Taiwan–UK": a pair of names
                if not (lower[start - 1] in names or (dashed and lower[start - 1] in actor_words)):
                    break
                start -= 1
            linked = end
            if end + 1 < len(toks) and lower[end] in _LINKS and not _gap(text, toks, end - 1, end):
                k = end + 1 + (lower[end + 1] == "the")
                proper = (
                    k < len(toks)
                    and text[toks[k][1]].isupper()
                    and lower[k] not in _STOP_IN_LABEL
                    and text[toks[k][1] : toks[k][2]] not in lexicon.MONTHS  # "invasion in February": a date
                )
                longer = k + 1 < len(toks) and text[toks[k + 1][1]].isupper() and not _gap(text, toks, k, k + 1)
                possessive = k < len(toks) and lower[k].endswith(("’s", "'s"))
                if proper and not longer and not possessive and (lower[k] in names or lower[k] not in actor_words):
                    linked = k + 1  # "dialogue with Russia", "war in Gaza"; not "sanctions on Russia’s defence"
            owner = ""
            if linked > end and toks[i][0] in _OWNED and start == i:
                # "the UK government’s more absent policy towards Russia" -> "UK policy towards Russia"
                for b in range(i - 1, max(-1, i - 5), -1):
                    if _gap(text, toks, b, b + 1):
                        break
                    if lower[b].removesuffix("’s").removesuffix("'s") in actor_words:
                        owner = text[toks[b][1] : toks[b][2]].removesuffix("’s").removesuffix("'s") + " "
                        break
            for s_, e_ in {(start, end), (start, linked)}:
                if toks[i][0] in _PAIRED and sum(lower[k] in actor_words for k in range(s_, e_)) < 2:
                    continue  # "relations" are between two actors: "Russia–NATO relations", "ties with China"
                surface = text[toks[s_][1] : toks[e_ - 1][2]]
                key = tuple(_norm(w) for w in _WORD.findall(surface))
                entry = found.setdefault(key, [surface, 0, set()])
                if owner and e_ == linked:
                    entry[0] = owner + surface  # the label names the owner; the key stays the phrase
                entry[1] += 1
                entry[2].add(p)
            i = end
    return [(surface, key, count, paras) for key, (surface, count, paras) in found.items()]


_HEADING_BREAK = re.compile(
    r"[,:;?!()\u2013\u2014]|\s-\s|\b(?:that|which|who|to|is|are|was|were|be|can|could|will|would|should|must|may|"
    r"might|does|do|did|not|has|have|had|amid|under|for|from|between|and|or|but|as|of the|versus|vs)\b",
    re.IGNORECASE,
)


def _heading_candidates(
    paragraphs: list[str],
    headings: set[int],
    texts: list[str],
    tokenized: list[list[tuple[str, int, int]]],
    body: list[int],
    stop: set[str],
    actor_words: set[str],
) -> list[tuple[str, tuple[str, ...], int]]:
    """Noun phrases of the section headings that the text discusses: "Labor Rights Enforcement to Prevent
    Unfair Competition" gives "Labor rights enforcement"; "Restraint Under Fire" gives "Restraint". A phrase is
    cut from the front to the longest tail the text uses ("Sustaining Calibrated Deterrence" -> "calibrated
    deterrence"); a single word must be in the policy vocabulary.

    Returns `(phrase, normalised key, heading index)`.
    """
    chunks: list[tuple[int, list[str]]] = []
    seen: set[str] = set()
    for h in sorted(headings):
        if not 0 <= h < len(paragraphs):
            continue
        heading = re.sub(r"^\s*(?:\d+|[IVX]+)[.)]\s*", "", paragraphs[h].strip())
        if len(heading.split()) > 16 or heading.casefold() in seen:
            continue
        seen.add(heading.casefold())
        pieces = _HEADING_BREAK.split(heading)
        seps = [m.group().lower() for m in _HEADING_BREAK.finditer(heading)]
        for n_piece, chunk in enumerate(pieces):
            toks = [t for t in chunk.split() if t]
            if n_piece and seps[n_piece - 1] in _BEFORE_VERB:
                toks = toks[1:]  # "... can Harm Macroeconomic Stability": the verb goes
            while toks and (toks[0].lower() in _STOP_IN_LABEL or toks[0].lower() in _LEADING):
                toks = toks[1:]
            if toks:
                chunks.append((h, toks))
    if not chunks:
        return []
    tails = {tuple(_norm(w) for w in _WORD.findall(" ".join(toks[i:]))) for _, toks in chunks for i in range(len(toks))}
    # and the phrases of two to four words inside a chunk, for a headline's subject before its verb ("Why
    # Russia’s Shadow Fleet Sails Unhindered" discusses the shadow fleet)
    inner = {
        tuple(_norm(w) for w in _WORD.findall(" ".join(toks[i:j])))
        for _, toks in chunks
        for i in range(len(toks))
        for j in range(i + 2, min(len(toks), i + 4) + 1)
    }
    counts, where = _count(tokenized, body, {k for k in tails | inner if k})
    terms = _policy_terms()
    out: list[tuple[str, tuple[str, ...], int]] = []
    for h, toks in chunks:
        before = len(out)
        for start in range(len(toks)):
            tail = toks[start:]
            phrase = " ".join(tail)
            low = phrase.lower()
            key = tuple(_norm(w) for w in _WORD.findall(phrase))
            if not key or all(w in actor_words for w in low.split()):
                break
            if len(key) == 1 and not _concepts(key, nouns_only=True):
                break
            if not counts.get(key) and not _concepts(key, nouns_only=True):
                continue
            cleaned = _clean(low, stop, actor_words)
            named = any(key[i : i + 2] in terms for i in range(len(key) - 1)) or key in terms
            if (cleaned is None or cleaned.lower() != low) and not (named and _clean(low, set(), set()) is None):
                continue
            own = [paragraphs[i] for i in sorted(where.get(key, ()))[:5]]
            out.append((_cased(phrase, own, actor_words), key, h))
            break
        if len(out) == before:  # no tail of the chunk is a topic: a phrase inside it may be
            inside = _inner_phrase(toks, counts, stop, actor_words)
            if inside is not None:
                phrase, key = inside
                own = [paragraphs[i] for i in sorted(where.get(key, ()))[:5]]
                out.append((_cased(phrase, own, actor_words), key, h))
    return out


# People a headline names ("West African military leaders prepare to exit ..."): its subject, not a topic
_INNER_PEOPLE = frozenset(words("leaders leader officials official ministers rulers juntas junta government lawmakers"))


def _inner_phrase(
    toks: list[str], counts: dict[tuple[str, ...], int], stop: set[str], actor_words: set[str]
) -> tuple[str, tuple[str, ...]] | None:
    """The longest phrase of two to four words inside a heading's chunk that the text uses too and
    that is a clean label (no verb, no stop word at its ends, not an actor's name): the subject of a headline
    that goes on with its verb ("Shadow Fleet" of "Russia’s Shadow Fleet Sails Unhindered")."""
    best: tuple[int, int, str, tuple[str, ...]] | None = None
    for i in range(len(toks)):
        for j in range(i + 2, min(len(toks), i + 4) + 1):
            phrase = " ".join(toks[i:j])
            key = tuple(_norm(w) for w in _WORD.findall(phrase))
            low = phrase.lower()
            if len(key) < 2 or counts.get(key, 0) < 1 or all(w in actor_words for w in low.split()):
                continue
            last = _WORD.findall(low)[-1]
            if (
                re.search(r"[’'“”\"‘]|\d", phrase)  # "Pakistan’s 27th", "“bounty hunters” targeting"
                or any(w.endswith("ing") for w in low.split())
                or any(w in _PEOPLE_HEADS or w in _TITLES or w in _INNER_PEOPLE for w in low.split())
                or (last.endswith(_ADJECTIVE_ENDINGS) and last not in _NOUNS_LIKE_ADJECTIVES)
                or (toks[j - 1][:1].isupper() and last.endswith(("an", "ese", "ish")))  # "West African"
            ):
                continue
            cleaned = _clean(low, stop, actor_words)
            if cleaned is None or cleaned.lower() != low:
                continue
            rank = (j - i, counts[key])
            if best is None or rank > best[:2]:
                best = (*rank, phrase, key)
    return (best[2], best[3]) if best else None


_BEFORE_VERB = frozenset(words("to is are was were be can could will would should must may might does do did not"))


def _cased(phrase: str, texts: list[str], actor_words: set[str]) -> str:
    """`phrase` (from a title-case heading) as the text spells it, else in lower case but for acronyms."""
    pattern = re.compile(r"\b" + re.escape(phrase) + r"\b", re.IGNORECASE)
    for t in texts:
        m = pattern.search(t)
        if m:
            return m.group()
    return " ".join(
        w if (w.isupper() and len(w) > 1) or w.lower() in actor_words else w.lower() for w in phrase.split()
    )


def _gap(text: str, toks: list[tuple[str, int, int]], a: int, b: int, joiners: str = "-\u2011") -> bool:
    """Punctuation between tokens `a` and `b`: a phrase does not run across it."""
    between = text[toks[a][2] : toks[b][1]]
    return len(between) > 1 or bool(between.strip(" " + joiners))


_RUN_ON = re.compile(r"[a-z][.!?;:][A-Z]")  # "borders.The": two sentences run together
_THIRD_PERSON = frozenset(
    w + "s"
    for w in words(
        "protect ensure secure strengthen promote deepen bolster boost reinforce accelerate establish create pursue "
        "impose enforce provide tighten restore guarantee prioritise prioritize undermine threaten"
    )
)


def _cut_quote(phrase: str) -> bool:
    """`phrase` opens a quotation it does not close, or closes one it did not open ("Facility’ for Ukraine")."""
    if phrase.count("“") != phrase.count("”"):
        return True
    opened = False
    for t in phrase.split():
        if t.startswith("‘"):
            opened = True
        if t.endswith("’") and not opened:
            return True  # "Facility’", "Allies’"
        if t.endswith("’"):
            opened = False
    return opened


_TIME_PREPOSITIONS = frozenset(words("in on since by until from"))
_YEAR = re.compile(r"\d{4}s?")
_PORTIONS = frozenset(
    words("thousands hundreds millions billions dozens tens tenth third quarter half fifth majority minority share")
)


def _clean(phrase: str, stop: set[str], actor_words: set[str]) -> str | None:
    """The phrase trimmed to a heading-like noun phrase, or None when it is not a topic."""
    toks = phrase.split()
    if phrase.count("(") != phrase.count(")"):
        toks = [t.strip("()") for t in toks if t.strip("()")]  # "FDI) screening" of "investment (FDI) screening"
    if any(t[:1] in "’'" for t in toks):
        return None  # YAKE splits "Russia’s" into "Russia ’s"
    if _cut_quote(phrase) or any(_RUN_ON.search(t) for t in toks):
        return None  # "Operation ‘Prosperity" of "Operation ‘Prosperity Guardian’"; "borders.The" lacks a space
    whole_name = isinstance(phrase, WholeName)
    while whole_name and len(toks) > 1 and toks[0].lower() in ("the", "a", "an"):
        toks = toks[1:]
    trimmed = toks if whole_name else None  # a whole name keeps its opening words ("Just", "New")
    while toks != trimmed:  # "continue receiving ammunitions": the verb, then the participle
        trimmed = toks
        while toks and (toks[0].lower().endswith("ing") and toks[0].lower() not in _ING_NOUNS):
            toks = toks[1:]
        while toks and toks[0].islower() and toks[0].endswith("ed") and len(toks) > 1:
            toks = toks[1:]  # "increased defence spending" -> "defence spending"
        while toks and (
            toks[0].lower() in _LEADING
            or toks[0].lower() in stop
            or toks[0].isdigit()
            or toks[0].lower() in _IMPERATIVES
            or toks[0] in _THIRD_PERSON
        ):
            toks = toks[1:]  # "Expand cross-border banking" -> "cross-border banking"; "protects Israeli territory"
    if len(toks) > 1 and toks[-1].lower() == "hostage":
        toks = toks[:-1]  # "keep global trade hostage": an idiom, the topic is "global trade"
    if (
        len(toks) >= 3
        and toks[-2].lower() in _TIME_PREPOSITIONS
        and (toks[-1] in lexicon.MONTHS or _YEAR.fullmatch(toks[-1]))
    ):
        toks = toks[:-2]  # "invasion in February": the topic is the invasion, not its date
    if len(toks) > 1 and toks[0].lower() == "capita":
        toks = ["per", *toks]  # "capita growth": the extractor dropped the "per" of "per capita growth"
    if len(toks) >= 3 and toks[1].lower() == "of" and toks[0].lower() in _PORTIONS:
        return None  # "Thousands of soldiers", "Tenth of GDP": an amount, not a topic
    while toks and _not_a_head(toks[-1], stop):
        toks = toks[:-1]
    if not toks or toks[-1].endswith(("’s", "'s")) or toks[-1].endswith(("-border", "-wide", "-based", "-led")):
        return None  # "North America’s", "cross-border": no head noun
    lower = [t.lower() for t in toks]
    if not whole_name and any(t in _STOP_IN_LABEL or t in stop and t not in _PREPOSITIONS for t in lower[1:-1]):
        return None  # "judicious and smart", "Russia that missile-defence": not one noun phrase
    if lower[-1] in ("relations", "ties") and sum(t in actor_words for t in lower) < 2:
        return None  # "Western relations": relations between whom?
    if any(t in _VERBS or t in _TITLES for t in lower):
        return None  # "Ambassador Grushko highlighted", "Permanent Representative"
    head = len(toks) - 1
    if lower[-1] in actor_words:
        # "dialogue with Russia", "policy towards Russia" name a topic; "impact Russia" does not;
        # nor does "minds of Israeli", which ends on an adjective
        if len(toks) >= 3 and lower[-2] in _PREPOSITIONS and lower[-1] not in _adjectives():
            head = len(toks) - 3
        else:
            return None
    if lower[head] in _GENERIC or lower[head] in actor_words or lower[head] in stop:
        return None
    content = [t for t in lower if t not in stop and t not in actor_words and t not in _GENERIC]
    if not content:
        return None
    if (
        not whole_name
        and any(t[:1].isupper() and t.lower() not in actor_words and not t.isupper() for t in toks[1:])
        and not all(t[:1].isupper() for t in toks)
    ):
        return None  # fragments of names ("Secretary General Jens")
    if len(toks) == 1 and toks[0][:1].isupper():
        return None
    return " ".join(toks)


def _tokens(text: str) -> list[tuple[str, int, int]]:
    """`(normalised word, start, end)` for the words of `text`; hyphens and dashes separate words."""
    return [(_norm(m.group()), m.start(), m.end()) for m in _WORD.finditer(text)]


class _FirstSurfaces:
    """Each n-gram (normalised) of `text` with its first spelling; not inside a longer capitalised name.

    Looked up lazily from a word index: only the few hundred phrases YAKE returns are ever asked
    for, so spelling out every n-gram of the text first cost more than the look-ups.
    """

    def __init__(self, text: str, longest: int = 4, names: Iterable[str] = ()) -> None:
        self.text = text
        self.longest = longest
        self.names = {n.casefold() for n in names}  # actors' names: a whole name is no topic
        self.toks = _tokens(text)
        self._lower: set[str] | None = None  # the words the text writes in lower case, when first needed
        self.starts: dict[str, list[int]] = {}
        for i, t in enumerate(self.toks):
            self.starts.setdefault(t[0], []).append(i)

    def _joined(self, a: int, b: int, loose: bool = False) -> bool:
        """Tokens `a` and `b` (next to each other) are words of one capitalised name (`loose`: any two characters
        between them, as the fragment rule always read it)."""
        text, toks = self.text, self.toks
        gap = text[toks[a][2] : toks[b][1]]
        joined = len(gap) <= 2 if loose else gap in (" ", "-", "–", "\u2011")
        return text[toks[a][1]].isupper() and text[toks[b][1]].isupper() and joined

    def get(self, key: tuple[str, ...]) -> str | None:
        n = len(key)
        if not n or n > self.longest:
            return None
        text, toks = self.text, self.toks
        for i in self.starts.get(key[0], ()):
            if i + n > len(toks) or any(toks[i + j][0] != key[j] for j in range(1, n)):
                continue
            surface = text[toks[i][1] : toks[i + n - 1][2]]
            if "\n" in surface:
                continue
            if not surface[:1].isupper() or re.search(r"[^\w\s’'\-\u2011\u2013]", surface):
                return surface  # lower case, or across a bracket or a quote ("Road Initiative (BRI")
            # "Energy Transition Partnership" inside "Just Energy Transition Partnership" is a fragment: the
            # phrase is the whole name (YAKE's phrases have at most three words)
            first, last = i, i + n - 1
            text = self.text
            while first > 0 and i - first < 3:
                if self._title_cased(first - 1):
                    break  # "Set" of "Set Concrete AI Regulations to ...": a run-in heading's word, not a name's
                if self._joined(first - 1, first, loose=True):
                    first -= 1
                elif (
                    first > 1
                    and self._connector(first - 1)
                    and text[toks[first - 2][1]].isupper()
                    and not self._names_in(toks[first - 2][1], toks[last][2])
                ):
                    first -= 2  # "Belt and Road Initiative"; not "Papua New Guinea and New Zealand"
                else:
                    break
            if first > 0 and self._joined(first - 1, first):
                return None  # the end of a name longer than that: "Asian Association for ..." of "South Asian ..."
            if first == i:
                return surface
            if last + 1 < len(toks) and self._joined(last, last + 1):
                return None  # "Energy Transition" of "Just Energy Transition Partnership": the middle of a name
            whole = text[toks[first][1] : toks[last][2]]
            if (
                re.search(r"[^\w\s’'\-\u2011\u2013]|[’']s\b", whole)
                or re.sub(r"^the\s+", "", whole.casefold()) in self.names
            ):
                return None  # across a sentence's end, or an actor's whole name
            words_ = whole.split()
            if any(
                w in ORG_HEADS and (k == len(words_) - 1 or words_[k + 1] in ("of", "for"))
                for k, w in enumerate(words_)
            ):
                return None  # a body's name ("Court of Auditors", "Institute of International Affairs"), an actor's
            if all(w[:1].isupper() or w in ("and", "of", "for") for w in words_) and words_[-1][:1].isupper():
                return WholeName(whole)  # "Belt and Road Initiative"
            return whole  # "Sri Lanka is due": a name and other words, left to the checks of any phrase
        return None

    def _title_cased(self, k: int) -> bool:
        """Token `k` opens a sentence and is a word the text also writes in lower case: capitalised for
        its place, not as part of a name."""
        text = self.text
        before = text[max(0, self.toks[k][1] - 3) : self.toks[k][1]].rstrip(" “‘\"'")
        if before and before[-1] not in ".!?:\n":
            return False
        if self._lower is None:
            self._lower = {m.group() for m in re.finditer(r"(?<![\w’'])[a-z][a-z’'\-]*", text)}
        return text[self.toks[k][1] : self.toks[k][2]].lower() in self._lower

    def _names_in(self, start: int, end: int) -> bool:
        """An actor's name is in `text[start:end]`."""
        span = " " + " ".join(re.findall(r"[\w’'\-]+", self.text[start:end].casefold())) + " "
        return any(len(n) > 2 and f" {n} " in span for n in self.names)

    def _connector(self, k: int) -> bool:
        """Token `k` is a lower-case word that joins the words of a name, with single spaces around it."""
        text, toks = self.text, self.toks
        return (
            toks[k][0] in ("and", "of", "for")
            and text[toks[k][1]].islower()
            and text[toks[k - 1][2] : toks[k][1]] == " "
            and text[toks[k][2] : toks[k + 1][1]] == " "
        )


class WholeName(str):
    """A capitalised name read whole around a phrase ("Just Energy Transition Partnership"): its opening word
    is part of the name, not a stop word or a describing word to trim ("Just", "New")."""


def _count(
    tokenized: list[list[tuple[str, int, int]]], body: list[int], wanted: set[tuple[str, ...]]
) -> tuple[dict[tuple[str, ...], int], dict[tuple[str, ...], set[int]]]:
    """Occurrences and paragraphs of the `wanted` n-grams in the text: one pass over its words."""
    wanted = {k for k in wanted if k}
    firsts = {k[0] for k in wanted}
    lengths = sorted({len(k) for k in wanted})
    counts: dict[tuple[str, ...], int] = {}
    where: dict[tuple[str, ...], set[int]] = {}
    for p, toks in zip(body, tokenized, strict=True):
        words_ = [t[0] for t in toks]
        for i, w in enumerate(words_):
            if w not in firsts:
                continue
            for n in lengths:
                if i + n > len(words_):
                    break  # a shorter slice at the paragraph's end would count its words twice
                key = tuple(words_[i : i + n])
                if key in wanted:
                    counts[key] = counts.get(key, 0) + 1
                    where.setdefault(key, set()).add(p)
    return counts, where


def _present(toks: list[tuple[str, int, int]], owner: dict[tuple[str, ...], int]) -> dict[int, int]:
    """Group index -> offset of its first phrase in a sentence."""
    words_ = [t[0] for t in toks]
    out: dict[int, int] = {}
    for i in range(len(words_)):
        for n in (1, 2, 3, 4):
            n_group = owner.get(tuple(words_[i : i + n]))
            if n_group is not None and n_group not in out:
                out[n_group] = toks[i][1]
    return out


@lru_cache(maxsize=1)
def _adjectives() -> frozenset[str]:
    """The gazetteer's adjectives of states ("israeli", "russian")."""
    from briefcomposer.analysis.gazetteer import load

    return frozenset(a.lower() for entry in load().entries for a in entry.adjectives)


# Adjectives with no adjective's ending: "Japanese foreign (minister)" is no topic
_ADJECTIVES_ONLY = frozenset(words("foreign domestic overseas senior junior upcoming ongoing bilateral multilateral"))
# Adjectives with no adjective's ending that a phrase may end on when cut before its noun ("stability of maritime")
_BARE_ADJECTIVES = _ADJECTIVES_ONLY | frozenset(
    words(
        "maritime private modern intermediate legitimate immediate appropriate adequate separate moderate urban "
        "free fair unfair late early civil deep northeastern northwestern southeastern southwestern "
        "north-eastern north-western south-eastern south-western northern southern eastern western"
    )
)


def _not_a_head(word: str, stop: set[str]) -> bool:
    w = word.lower()
    if (
        w in stop
        or w in _VERBS
        or w.isdigit()
        or w in _LEADING
        or w in ("inside", "alongside", "vis-à-vis", "vis-a-vis", "multiple", "various", "several", "numerous")
        or w in _ADJECTIVES_ONLY
    ):
        return True
    if w.endswith("s") and w[:-1] in stop and w[:-1] not in _GENERIC:
        return True  # "relations prevents"
    if w.endswith(("izes", "ises", "ized", "ised")):
        return True
    if w.endswith(_ADJECTIVE_ENDINGS) and w not in _NOUNS_LIKE_ADJECTIVES and not w.endswith("ment"):
        return True
    if w.endswith(("ed", "ly")) and w not in ("need", "speed", "seed", "creed", "greed", "bed"):
        return True
    return w.endswith("ing") and w not in _ING_NOUNS


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    """YAKE's English stop words, which our filters share with the extractor.

    Read from the data of the reference `yake` package without importing it: importing it pulls in numpy
    and networkx (0.4 s), and yake-rust, which does the extraction, does not expose its own copy of the list.
    """
    spec = importlib.util.find_spec("yake")
    folders = list(spec.submodule_search_locations or []) if spec else []
    for folder in folders:
        path = Path(folder) / "core" / "StopwordsList" / "stopwords_en.txt"
        if path.is_file():
            return frozenset(w.strip().lower() for w in path.read_text(encoding="utf-8").splitlines() if w.strip())
    raise RuntimeError("YAKE's English stop words were not found: the 'yake' package is missing")


@lru_cache(maxsize=1)
def _extractor():  # type: ignore[no-untyped-def]
    """YAKE, the Rust port (yake-rust): the reference algorithm's scores, four times faster and without numpy.

    Up to 3-word phrases, no de-duplication (the grouping in `find_issues` does that job).
    """
    import yake_rust  # lazily: keep `import briefcomposer.analysis` cheap

    return yake_rust.Yake(stopwords=set(_stopwords()), ngrams=3, remove_duplicates=False)


def _sample(paragraphs: list[str], body: list[int]) -> str:
    total = sum(len(paragraphs[i].split()) for i in body)
    if total <= YAKE_WORDS:
        return "\n".join(paragraphs[i] for i in body)
    step = total / YAKE_WORDS
    picked, budget, acc = [], 0.0, 0.0
    for i in body:
        acc += len(paragraphs[i].split())
        if acc >= budget:
            picked.append(paragraphs[i])
            budget += step * len(paragraphs[i].split())
    return "\n".join(picked)


_GEO_HEADS = frozenset(
    words(
        "River Mountains Valley Province Region Basin Desert Lake America Africa Asia Europe Heights Plateau Coast "
        "Delta State"
    )
)
_TOO_GENERAL = frozenset(
    words(
        "policy policies strategy strategies relations ties approach issue "
        # words that head a topic but do not name one alone: "Pressure" on whom, "Crisis" of what
        "pressure pledge pledges crisis conflict war aid capabilities investment investments borders "
        "territory escalation expansion cooperation dialogue membership economy economies nations independence "
        "money weapons party mediator expenditure post capital members organisations organizations company "
        "companies firms technologies"
    )
)
# One word that heads nothing: an adverb ("Abroad"), people ("Experts"), a talk or its limits
_NOT_A_TOPIC_ALONE = frozenset(
    words(
        "abroad ahead overseas elsewhere together experts judges partner partners analysts officials observers "
        "critics talk limits accounts soldiers allies group forces parties party police motion student students "
        "media"
    )
)
_PEOPLE_HEADS = frozenset(
    words(
        "experts analysts allies observers critics commentators scholars journalists diplomats protesters voters "
        "citizens soldiers carmakers"
    )
)
# "High-profile", "Pro-China", "Sci-fi": one hyphenated word that describes and names nothing
_DESCRIBING_PREFIX = re.compile(r"^(?:high|low|pro|sci|well|long|short|full|large|small|far|near|top|mid)-", re.I)
_ARMED_GROUPS = frozenset(words("militias militia proxies rebels insurgents gangs cartels"))
_CONFLICT_HEADS = frozenset(words("war wars conflict conflicts crisis fighting violence invasion offensive insurgency"))


_REGIONS = (
    "Sahel|Arctic|High North|Balkans|Western Balkans|Caucasus|South Caucasus|Levant|Maghreb|Horn of Africa|"
    "Middle East|Central Asia|South Asia|Southeast Asia|Indo-Pacific|Asia-Pacific|Baltic|Baltics|Mediterranean|"
    "Persian Gulf|Gulf of Aden|Gulf of Guinea|Sea of Azov|Strait of Hormuz|Strait of Malacca|Bab-el-Mandeb|"
    # contested regions commentary keeps returning to
    "Donbas|Donbass|Crimea|Kashmir|Xinjiang|Tibet|Darfur|Idlib|Rakhine|Balochistan|Baluchistan|Sinai|"
    "Nagorno-Karabakh|Transnistria|Abkhazia|South Ossetia|Ladakh|Mindanao|West Bank|Gaza Strip|Golan Heights|"
    "Essequibo|Hadramawt|Hadramout|Kursk|Zaporizhzhia|Kherson|Donetsk|Luhansk|Kaliningrad|Western Sahara|"
    "Cabo Delgado|Sulu|Zangezur|Syunik|Nakhchivan|Nakhichevan"
)
_PLACE = re.compile(r"(?<![\w\-])(?:(?:[A-Z][a-z]+ ){1,2}(?:Sea|Ocean|Strait|Straits)|(?:" + _REGIONS + r"))(?![\w\-])")


def _places(texts: list[str], body: list[int], min_paras: int) -> list[tuple[str, tuple[str, ...], int, set[int]]]:
    """Seas and regions ("Red Sea", "Sahel") named in at least `min_paras` paragraphs.

    Returns `(name, normalised key, occurrences, paragraphs)`.
    """
    found: dict[str, tuple[int, set[int]]] = {}
    for p, text in zip(body, texts, strict=True):
        for m in _PLACE.finditer(text):
            name = m.group().removeprefix("The ")
            count, paras = found.get(name, (0, set()))
            found[name] = (count + 1, paras | {p})
    return [
        (name, tuple(_norm(w) for w in _WORD.findall(name)), count, paras)
        for name, (count, paras) in found.items()
        if len(paras) >= min_paras
    ]


_DOCUMENT = re.compile(
    r"(?<![\w\-])((?:[A-Z][\w\-’']*\s+(?:(?:and|of|on|for)\s+)?){1,4}(?:Consensus|Framework|Pact|Compact|Treaty|Agreement|Accords?|"
    r"Declaration|Convention|Protocol|Charter|Initiative|Roadmap|Act)|Resolution\s+\d{3,4})(?![\w\-])"
    r"(?:\s+\(([A-Z0-9][A-Za-z0-9]{1,7})\))?"
)


@lru_cache(maxsize=1)
def _named_topics() -> tuple[dict[str, str], re.Pattern[str] | None]:
    """The named topics (``resources/gazetteer/named_topics.txt``): each name the text may use, with the label
    of its line, and one pattern that finds any of them (the longest first)."""
    from briefcomposer.paths import bundled_dir

    path = bundled_dir("resources") / "gazetteer" / "named_topics.txt"
    named: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.split(";") if c.strip()] if not line.startswith("#") else []
        for cell in cells:
            named.setdefault(cell, cells[0])
    if not named:
        return named, None
    alternatives = "|".join(re.escape(n) for n in sorted(named, key=len, reverse=True))
    return named, re.compile(r"(?<![\w\-])(?:" + alternatives + r")(?![\w\-])")


def named_topic_labels() -> frozenset[str]:
    """The labels of the named topics, folded: a label such as "AUKUS" may name an actor too, and is a topic."""
    return frozenset(label.casefold() for label in _named_topics()[0].values())


_DOCUMENT_OPENERS = frozenset(
    words("the a an in under by with of at on to from for after before since and but as while its their this that")
)


def _documents(texts: list[str], body: list[int], title: str = "") -> list[tuple[str, tuple[str, ...], int, set[int]]]:
    """Agreements, frameworks and resolutions the text names at least twice (by name or by the abbreviation
    it defines for one): "the Five Point Consensus (5PC) ... the 5PC", "Resolution 2803". What a text on a
    deal argues about is the deal. Returns `(name, normalised key, occurrences, paragraphs)` as `_places`."""
    found: dict[str, tuple[int, set[int]]] = {}
    short: dict[str, str] = {}
    names: dict[tuple[str, ...], str] = {}
    named, pattern = _named_topics()
    weak: set[str] = set()  # the named topics: no head word says they are documents, so they need more
    for p, text in [*zip(body, texts, strict=True), (-1, title)]:  # the title names it once more
        taken: list[tuple[int, int]] = []
        for m in pattern.finditer(text) if pattern is not None else ():
            name = named[m.group()]  # "New START", "AUKUS": a topic by its name alone
            names.setdefault(tuple(_norm(w) for w in _WORD.findall(name)), name)
            count, paras = found.get(name, (0, set()))
            # named in the title, or three times: "the JCPOA" twice in passing, as a precedent, is no topic
            found[name] = (count + (1 if p >= 0 else 2), paras | ({p} if p >= 0 else set()))
            weak.add(name)
            taken.append(m.span())
        for m in _DOCUMENT.finditer(text):
            if any(a < m.end(1) and m.start(1) < b for a, b in taken):
                continue  # "the New START Treaty": a named topic's, counted once
            words = m.group(1).split()
            while len(words) > 1 and (words[0].lower() in _DOCUMENT_OPENERS or words[0].endswith(("’s", "'s"))):
                words = words[1:]  # "Under the Paris Agreement": the name starts after the opening words
            if len(words) < 2:
                continue
            key = tuple(_norm(w) for w in _WORD.findall(" ".join(words)))
            name = names.setdefault(key, " ".join(words))  # "Five-Point Consensus" is the "Five Point Consensus"
            count, paras = found.get(name, (0, set()))
            found[name] = (count + 1, paras | ({p} if p >= 0 else set()))
            if m.group(2):
                short[m.group(2)] = name
    for abbr, name in short.items():
        pattern = re.compile(r"(?<![\w\-])" + re.escape(abbr) + r"(?![\w\-])")
        for p, text in zip(body, texts, strict=True):
            n = len(pattern.findall(text)) - (text.count(f"({abbr})"))
            if n > 0:
                count, paras = found[name]
                found[name] = (count + n, paras | {p})
    keys = {name: key for key, name in names.items()}
    for name in sorted(found, key=lambda n: len(keys.get(n, ()))):
        if name not in found:
            continue  # merged into another name already
        longer = [
            other
            for other in found
            if len(keys.get(other, ())) > len(keys.get(name, ())) and keys[other][-len(keys[name]) :] == keys[name]
        ]
        if len(longer) == 1:
            # "the IMO’s Net-Zero Framework" and "the IMO Net-Zero Framework", "the historic Australia-PNG Pukpuk
            # Treaty" and "the Pukpuk Treaty": one document, named as the text names it most often
            keep, drop = (name, longer[0]) if found[name][0] >= found[longer[0]][0] else (longer[0], name)
            count, paras = found.pop(drop)
            found[keep] = (found[keep][0] + count, found[keep][1] | paras)
    return [
        (name, tuple(_norm(w) for w in _WORD.findall(name)), count, paras)
        for name, (count, paras) in found.items()
        if count >= (3 if name in weak else 2) and paras
    ]


_WHEN_WORDS = frozenset(
    words("monday tuesday wednesday thursday friday saturday sunday weekend tonight yesterday tomorrow overnight")
)


def _junk_label(
    label: str, texts: list[str], actor_names: set[str], person_words: set[str], spoken: bool = False
) -> bool:
    """A label that is no policy heading: an actor's or a place's name, a fragment of a longer name ("Indian
    Air" of "Indian Air Force"), a person's name with a word ("Trump lite"), or a phrase ending on a verb
    ("Narrative obscures"). `spoken`: the whole text is mostly quotation (a contribution to a Q&A), so its
    quoted words are topics too."""
    toks = label.split()
    lower = [t.lower() for t in toks]
    if label.casefold() in actor_names or label.casefold().removeprefix("the ") in actor_names:
        return True
    if label.casefold() in _capitals():
        return True  # "Kuala Lumpur": where the summit met, not what it discussed
    if len(toks) == 1 and lower[0] in _TOO_GENERAL:
        return True  # "Policy" alone heads nothing
    alone = re.escape(lower[0]) if len(toks) == 1 and _adjective_like(lower[0]) else None
    if alone and re.search(rf"\b{alone}\b", _joined(tuple(texts))[0]):
        return True  # "Free", "Unpopular": an adjective the text writes in lower case describes, names nothing
    if len(toks) == 1 and (lower[0] in _NOT_A_TOPIC_ALONE or _DESCRIBING_PREFIX.match(lower[0]) or "." in lower[0]):
        return True  # "Abroad", "Experts", "High-profile", "U.S."
    if lower[0] in ("facto", "jure"):
        return True  # "Facto independence" of "de facto independence"
    if len(toks) > 1 and lower[-1] in _BARE_ADJECTIVES:
        return True  # "Re-election in late", "Cooperation on civil": cut before the noun
    if len(toks) > 2 and ((toks[-1].islower() and _adjective_like(lower[-1])) or toks[-1] in _demonym_adjectives()):
        return True  # "French troops late last", "Terrorist attack in Indian": cut before the noun
    if len(toks) > 1 and any(_adverb(w) for w in lower[:-1]):
        return True  # "N’Djamena abruptly cut", "Specifically in energy": a clause, not a heading
    if lower[-1] in ("annex", "annexes", "section", "sections", "paragraph", "paragraphs"):
        return True  # "Agreement's annex section", "Confidential annex": a part of a document, not its topic
    if not re.search(r"[^\W\d_]", label):
        return True  # "2023-24": a number names no topic
    if any(re.search(r"[a-z]{3}[A-Z][a-z]", t) for t in toks):
        return True  # "DissentThe young": two words the copied text ran together
    if len(toks) > 1 and lower[-1] in ("hundreds", "thousands", "dozens", "millions", "billions"):
        return True  # "Deployment of hundreds": a count without what it counts
    if any(w.removesuffix("’s").removesuffix("'s") in _WHEN_WORDS for w in lower):
        return True  # "Sunday night", "Tuesday’s vote": a moment, not a topic
    if all(w in _MONTH_WORDS or w == "and" for w in lower):
        return True  # "October and November": when, not what
    if _vague(lower):
        return True  # "Unique security", "Idea of offensive", "Decision": no topic named
    if _weak_head(lower):
        return True  # "Policy outcomes", "Israeli engagement": no policy noun heads them
    if len(toks) > 1 and (toks[-1] in _GEO_HEADS or lower[-1] in ("coast", "coastline", "mountains", "river")):
        return True  # "Litani River", "North America": places
    if any(w in person_words for w in lower):
        return True
    if (
        len(toks) > 1
        and lower[0] in actor_names
        and toks[1].islower()
        and lower[1].endswith("ing")
        and lower[1] not in _ING_NOUNS
    ):
        return True  # "Washington sending forces": an actor and what it does
    if len(toks) == 3 and lower[0] in actor_names and lower[1] in ("in", "for", "due") and toks[2].islower():
        return True  # "Russia in response", "PiS in power", "Europe for decades": a name and a circumstance
    if len(toks) == 2 and toks[0][:1].isupper() and lower[1] == "due":
        return True  # "Popularity due" of "popularity due to ..."
    if len(toks) > 1 and lower[-1] in _ACTOR_HEADS:
        return True  # "Transnistrian leadership", "Lebanese terrorist group": actors, not topics
    if (
        len(toks) > 1
        and lower[-1] in ("force", "forces")
        and (
            toks[-2] in _demonym_adjectives()
            or lower[-2] in ("opposition", "police", "air", "security", "armed", "rebel")
        )
    ):
        return True  # "Libyan forces", "Russian air force", "Opposition forces": who fights, not what about
    if len(toks) > 1 and lower[-1] in _PEOPLE_HEADS and not any(w in _PREPOSITIONS for w in lower):
        return True  # "Chatham House experts", "Indo-Pacific allies": people; "Relations with allies" is a topic
    pattern = re.compile(r"\b" + r"[\s\-\u2011]+".join(re.escape(t) for t in toks) + r"\b")
    hits = [m for t in texts for m in pattern.finditer(t)]
    if not hits and lower[0].startswith(("al-", "el-", "wal-")):
        # "Al-Islam wal-Muslimin" of "Jama'at Nusrat al-Islam wal-Muslimin": a particle written in lower case
        # inside a name the label cut short
        loose = re.compile(pattern.pattern, re.IGNORECASE)
        inside = [m for t in texts for m in loose.finditer(t) if re.search(r"[A-Z][\w’'\-]*\s+$", t[: m.start()])]
        if inside:
            return True
    if toks[0][:1].isupper() and hits and all(_name_cut(m, toks[0], actor_names) for m in hits):
        return True  # "Zealand membership" of "New Zealand membership": an actor's name cut short
    cut_word = (
        len(toks) == 1
        or lower[-1] in ("party", "bloc", "front", "movement", "alliance", "coalition")
        or any(t.islower() for t in toks[1:-1])  # "Action and Solidarity"
    )
    if cut_word and toks[0][:1].isupper() and hits and all(_in_actor_name(m, label, actor_names) for m in hits):
        return True  # "Solidarity", "Home Party": words of "Party of Action and Solidarity", "Democracy at Home Party"
    if toks[0][:1].isupper() and all(t[:1].isupper() for t in toks) and hits:
        longer = sum(
            1 for m in hits if _NAME_GOES_ON.match(m.string, m.end()) or _NAME_GOES_BACK.search(m.string[: m.start()])
        )
        if 2 * longer >= len(hits):
            return True  # mostly part of a longer name ("Southeast Asian Nations" of "Association of ...")
    anycase = re.compile(pattern.pattern, re.IGNORECASE)
    quoted = [m for t in texts for m in anycase.finditer(t)]
    after = [m.string[m.end() :] for m in quoted]
    if "-" in toks[-1] and after and all(re.match(r"\s+[a-z]{3,}", a) and not re.match(_NOT_A_NOUN, a) for a in after):
        return True  # "Stocks of air-defence" of "stocks of air-defence interceptors": a modifier without its noun
    if len(toks) > 1 and quoted and all(re.search(_BEFORE_VERB_RE, m.string[: m.start()]) for m in quoted):
        return True  # "to leverage humanitarians": a verb and its object
    if len(toks) == 1 and quoted and all(_not_a_topic_here(m, lower[0]) for m in quoted):
        return True  # "Force" of "came into force", "Expand" of "continued to expand": no topic
    if quoted and all(_quoted(m.string, m.start()) for m in quoted) and not spoken:
        # only ever inside quotation marks: "a moral outrage" is a speaker's words, not a topic (unless the
        # text is mostly quotation, as a contribution to a Q&A is)
        return True
    if len(toks) > 2 and any(w.endswith("ed") and w not in _ED_MODIFIERS for w in lower[1:-1]):
        return True  # "Raid helped secure": a clause, not a heading
    if len(toks) > 1 and (lower[-1] in _TRAILING_ADVERBS or lower[-1].endswith("ly")):
        return True  # "Truce anytime"
    if lower[-1].endswith(("’s", "'s")):
        return True  # "Policy’s": an owner without what it owns
    if _fragment_end(label, texts) is not None:
        return True  # "Critical raw" of "critical raw materials" (`_label` tries the whole phrase first)
    if len(toks) > 1 and len(lower[-1]) == 1 and lower[-1].isalpha():
        return True  # "Regulations on U" of "regulations on U.S. exports": cut at a full stop
    if lower[-1] in _QUANTITY_NOUNS and (after := _followers(label, texts)) and all(w == "of" for w in after):
        return True  # "Diverse range" of "diverse range of threats": a quantity of something unnamed
    if len(toks) > 1 and (
        lower[0] in _LABEL_VERBS
        or lower[-1] in _LABEL_VERBS
        or lower[-1].removesuffix("s") in _LABEL_VERBS
        or lower[-1] in _BOUND_PREFIXES
        or lower[-1] in _NAME_PARTICLES
    ):
        return True  # "Prevent missile", "Deal on quasi" ("Sanctions disrupt" is trimmed before)
    last = lower[-1]
    # "narrative obscures the ..."
    return len(toks) > 1 and last.endswith("s") and not last.endswith(("ss", "us", "is")) and _used_as_verb(last, texts)


_WORD_BEFORE = re.compile(r"(?<![\w’'\-])([A-Z][\w\-]*)\s+$")


def _name_cut(m: re.Match, first: str, actor_names: set[str]) -> bool:
    """The word before a label's first word starts an actor's name with it ("New" of "New Zealand")."""
    before = _WORD_BEFORE.search(m.string[: m.start()])
    if not before:
        return False
    start = f"{before.group(1)} {first}".casefold()
    return any(name == start or name.startswith(start + " ") for name in actor_names)


def _in_actor_name(m: re.Match, label: str, actor_names: set[str]) -> bool:
    """This use of `label` lies inside a longer actor's name the text writes out around it."""
    folded = label.casefold()
    for name in actor_names:
        at = name.find(folded)
        if len(name) <= len(folded) or at < 0:
            continue
        begin = m.start() - at
        if begin >= 0 and m.string[begin : begin + len(name)].casefold() == name:
            return True
    return False


# "Jama'at Nusrat al-Islam ...", "Global Gateway Initiative": the name goes on after the label
_NAME_GOES_ON = re.compile(
    r"\s+(?:[A-Z]|(?:al|el|wal|bin|ibn)-|(?:de|da|del|der|van|von|al|bin|of|of the)\s+[A-Z])"
)  # "Student Union Republic" of "Student Union Republic of China (ROC) Taiwan in the UK"
_NAME_GOES_BACK = re.compile(r"(?<![\w’'\-])(?!The\b)[A-Z][\w’'\-]*\s+(?:of|for|al|wal|of the)\s+$")
_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|can|may|might|must|should|cannot|did|does|do)\s+$", re.IGNORECASE)
_IDIOM_AROUND = re.compile(r"(?:\b(?:in|into)\s+)$")


def _not_a_topic_here(m: re.Match, word: str) -> bool:
    """Whether this use of a one-word label names no topic: a verb ("may appeal to", "continued to
    expand") or an idiom ("came into force", "the leading force behind")."""
    before = m.string[max(0, m.start() - 12) : m.start()]
    if _MODAL_BEFORE.search(before):
        return True
    if word in _IMPERATIVES and re.search(r"\bto\s+$", before):
        return True
    if word == "force":
        return bool(_IDIOM_AROUND.search(before)) or m.string[m.end() : m.end() + 7] == " behind"
    return False


_LABEL_VERBS = frozenset(
    words(
        "prevent ensure avoid deter strengthen improve build make keep requires remains means seems needs makes "
        "takes gives leaves helps shows suggests allows becomes continues appears disrupt resume remain continue "
        "grow rise fall fail succeed collapse stall paralyze paralyse set mitigate stand worth bring generate create "
        "pose underscore reflect represent provide threaten undermine involve depend enable hinder worsen"
    )
)
_BOUND_PREFIXES = frozenset(words("quasi semi non anti pro post pre neo pseudo self co"))
_NAME_PARTICLES = frozenset(words("von van der den de del da al bin"))  # "Conference with von": a name cut short
_ED_MODIFIERS = frozenset(words("armed occupied united advanced integrated combined coordinated sustained red"))
_TRAILING_ADVERBS = frozenset(
    words(
        "anytime soon now again anyway already still yet too also here there today abroad ahead afterwards alike "
        "amid whilst while forward forwards onward eastward westward northward southward halfway northern southern "
        "eastern western underway afoot overseas"
    )
)
_WEAK_HEADS = frozenset(
    words(
        "outcome outcomes engagement engagements approach approaches situation situations dynamics developments "
        "implications options picture landscape environment posture stakes position positions"
    )
)
_VACUOUS_HEADS = frozenset(words("space spaces lesson lessons sort kind"))  # "Trade space", "Lesson in restraint"


def _weak_head(lower: list[str]) -> bool:
    """A label headed by an evaluative or generic noun ("outcomes", "engagement", "approach") that no concrete
    policy noun qualifies: "Policy outcomes", "Israeli engagement"; not "Rules of engagement", "Energy approach"."""
    cut = next((i for i, w in enumerate(lower) if i and w in _PREPOSITIONS), len(lower))
    head, qualifiers = lower[cut - 1], lower[: cut - 1]
    if head in _VACUOUS_HEADS or head.endswith(("ians", "ists")):
        return True  # "Trade space"; "Leverage humanitarians" names people, not a topic
    if head not in _WEAK_HEADS:
        return False
    general = _general_concepts()
    terms = _policy_terms()
    return not any((_norm(q),) in terms and terms[(_norm(q),)] not in general for q in qualifiers)


# Adjectives that grade or describe without naming a topic: a label opening on one ("Unique security",
# "Exact mechanism", "Diverse supplier", "Noteworthy development") is a turn of phrase, not a heading. Unlike
# `_LEADING`, they are not cut off candidates (which would regroup them); the label is passed over instead.
_VAGUE_ADJECTIVES = frozenset(
    words(
        "unique exact diverse ambitious noteworthy notable essential true precise remarkable interesting crucial "
        "vital distinct great solid bold bolder subsequent earlier controversial sheer outright mighty"
    )
)
_MONTH_WORDS = frozenset(m.lower() for m in lexicon.MONTHS)
# Nouns that name no topic alone ("Decision", "Project", "Plan"): a heading says decision on what.
_VAGUE_NOUNS = frozenset(
    words(
        "decision decisions project projects plan plans idea ideas proposal proposals report reports mechanism "
        "mechanisms move moves step steps measure measures institution institutions condition conditions"
    )
)
# Heads that point at a topic rather than name it: "Idea of offensive" is about offensive operations.
_ABSTRACT_HEADS = frozenset(
    words(
        "idea ideas notion notions concept concepts consequence consequences subject subjects cornerstone "
        "allegation allegations attempt attempts import competition"
    )
)
# Words after a phrase that do not complete it ("shipping without ...", "information-sharing among ...").
_FUNCTION_WORDS = frozenset(
    words(
        "among amongst without within between across through throughout during near since via despite amid upon "
        "beyond behind alongside like unlike per versus including rather such while whilst because although though "
        "unless until whether both either neither each every all any some other another"
    )
)
# Nouns that count something named after "of" ("a diverse range of threats", "a series of talks").
_QUANTITY_NOUNS = frozenset(words("range variety array host series handful plethora multitude raft slew"))


def _vague(lower: list[str]) -> bool:
    """A label (lower-case words) that names no topic: a vague adjective ("unique security"), a generic noun
    alone ("decision"), an idea of something ("idea of offensive") or a quantity ("series of talks")."""
    if lower[0] in _VAGUE_ADJECTIVES:
        return True
    if len(lower) == 1:
        return lower[0] in _VAGUE_NOUNS
    return lower[1] in _PREPOSITIONS and (
        lower[0] in _ABSTRACT_HEADS or (lower[0] in _QUANTITY_NOUNS and lower[1] == "of")
    )


def _followers(phrase: str, texts: list[str]) -> list[str | None]:
    """The word right after each use of `phrase` in `texts` (any case, hyphens for spaces), as spelled; None
    where punctuation or the paragraph's end follows."""
    return [nxt for _, nxt in _uses(phrase, texts)]


@lru_cache(maxsize=64)
def _joined(texts: tuple[str, ...]) -> tuple[str, str]:
    """`texts` as one string, and in lower case: a group's paragraphs are searched for many phrases."""
    joined = "\n".join(texts)
    return joined, joined.lower()


def _uses(phrase: str, texts: list[str]) -> list[tuple[str, str | None]]:
    """Each use of `phrase` in `texts` (any case, hyphens for spaces) as spelled, with the word right after it
    (None where punctuation or the paragraph's end follows)."""
    parts = [p for p in re.split(r"[\s\-\u2011]+", phrase.lower()) if p]
    if not parts:
        return []
    joined, lowered = _joined(tuple(texts))
    if len(lowered) != len(joined):  # a letter whose lower case is longer ("İ"): offsets would not match
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in joined)
    # plain string search, not a regex per phrase: compiling one costs more than the search (many phrases)
    uses: list[tuple[str, str | None]] = []
    at = lowered.find(parts[0])
    while at != -1:
        start, end = at, at + len(parts[0])
        at = lowered.find(parts[0], at + 1)
        for part in parts[1:]:
            sep = _SEPARATOR.match(lowered, end)
            if sep is None or not lowered.startswith(part, sep.end()):
                break
            end = sep.end() + len(part)
        else:
            if start and (lowered[start - 1].isalnum() or lowered[start - 1] in "_-\u2011"):
                continue  # inside a word, or after a hyphen ("cross-border")
            if end < len(lowered) and (lowered[end].isalnum() or lowered[end] in "_’'"):
                continue  # "materials" is not a use of "material"
            nxt = _NEXT_WORD.match(lowered, end)
            uses.append((joined[start:end], joined[nxt.start(1) : nxt.end(1)] if nxt else None))
    return uses


_SEPARATOR = re.compile(r"(?:[^\S\n]|[\-\u2011])+")  # between the words of a phrase, within a paragraph
_NEXT_WORD = re.compile(r"[ \-\u2011]([^\W\d_]+(?:[’'][^\W_]+)*)")


def _fragment_end(phrase: str, texts: list[str]) -> str | None:
    """The word that completes `phrase` when the text never uses it without that word ("critical raw" +
    "materials", "immigration white" + "paper", "rate of climate" + "change"), as the text spells it most;
    None when `phrase` stands on its own.

    The word must be a noun that completes a noun phrase: not a verb, an adverb, a preposition, a name after a
    lower-case word, a generic noun ("issues") nor an actor ("crime groups"). Named once, a phrase is cut short
    only when it ends on an adjective or the vocabulary has the pair ("climate change"): any phrase named once
    is followed by some word.
    """
    uses = _uses(phrase, texts)
    if not uses or any(nxt is None for _, nxt in uses):
        return None
    lower = [nxt.lower() for _, nxt in uses if nxt is not None]
    tally: dict[str, int] = {}
    for w in lower:
        tally[_norm(w)] = tally.get(_norm(w), 0) + 1
    norm = max(tally, key=lambda k: (tally[k], k))
    if tally[norm] < len(lower) and (tally[norm] < 2 or 2 * tally[norm] <= len(lower)):
        return None  # "phone call" twice and "phone conversation" once read "Phone call"; an even split does not
    w = next(w for w in lower if _norm(w) == norm)
    if (
        len(w) < 3
        or w in _STOP_IN_LABEL
        or w in _PREPOSITIONS
        or w in _FUNCTION_WORDS
        or w in _VERBISH
        or lexicon.VERB_FORMS.get(w, w) != w  # "said", "warns"; "plan" and "claim" may be nouns
        or w in _LABEL_VERBS
        or w in _TRAILING_ADVERBS
        or w in _GENERIC
        or w in _ACTOR_HEADS
        or w in _ADVERBS
        or w.endswith(("ly", "ed"))
        or (w.endswith("ing") and w not in _ING_NOUNS)
    ):
        return None
    if any(nxt[:1].isupper() and used.split()[-1][:1].islower() for used, nxt in uses if nxt):
        return None  # "Nobel laureate Muhammad ...": a name follows
    if all(nxt and nxt[:1].isupper() for _, nxt in uses):
        return None  # "Prosperity" of "Operation Prosperity Guardian": part of a name, which `_junk_label` judges
    last = phrase.split()[-1]
    last_word = (_WORD.findall(last.lower()) or [""])[-1]
    words_of = phrase.split()
    # "Network of proxy" + "militias", "Haven for terrorist" + "groups": a modifier after a preposition
    modifier = len(words_of) >= 3 and words_of[-2].lower() in _PREPOSITIONS and last[:1].islower()
    if (
        len(uses) < 2
        and (_norm(last_word), norm) not in _policy_terms()
        and not _adjective_like(last_word)
        and not modifier
    ):
        return None
    counts: dict[str, int] = {}
    for _, nxt in uses:
        if nxt and _norm(nxt.lower()) == norm:
            counts[nxt] = counts.get(nxt, 0) + 1
    best = min(counts, key=lambda sp: (-counts[sp], -len(sp), sp[:1].isupper()))  # plural first when tied
    return best.lower() if last[:1].islower() and not best.isupper() else best


@lru_cache(maxsize=1)
def _demonym_adjectives() -> frozenset[str]:
    """The gazetteer's adjectives of states ("Indian", "French"), less those that are names too ("Kuwait")."""
    from briefcomposer.analysis.gazetteer import load

    entries = load().entries
    nouns = {noun for entry in entries for noun in entry.nouns}
    return frozenset(a for entry in entries for a in entry.adjectives if a not in nouns)


@lru_cache(maxsize=1)
def _capitals() -> frozenset[str]:
    """The capitals and seats of government of the gazetteer's states, folded."""
    from briefcomposer.analysis.gazetteer import load

    return frozenset(place.casefold() for entry in load().entries for place in entry.places)


def _adjective_like(word: str) -> bool:
    """`word` reads as an adjective ("critical", "raw" does not): a phrase ending on it lacks its noun."""
    return (
        word in _LEADING
        or word in _BARE_ADJECTIVES
        or word in _VAGUE_ADJECTIVES
        or (word.endswith(_ADJECTIVE_ENDINGS) and word not in _NOUNS_LIKE_ADJECTIVES and not word.endswith("ment"))
    )


def _completed(phrase: str, texts: list[str]) -> str:
    """`phrase` with the word that completes it, when the text never uses it without that word ("Critical raw"
    reads "Critical raw materials")."""
    end = _fragment_end(phrase, texts)
    return phrase if end is None else f"{phrase} {end}"


_BEFORE_VERB_RE = re.compile(r"\b(?:to|will|would|could|can|may|might|must|should)\s+$", re.IGNORECASE)
_ACTOR_HEADS = frozenset(
    words(
        "leadership leaders government authorities officials regime elite elites group groups administration "
        "ministry ministries department office agency makers policymakers units counterpart counterparts "
        "negotiator negotiators judge judges neighbour neighbours neighbor neighbors predecessor successor "
        "delegation delegations firm firms company companies student students party parties aide aides "
        "spokesman spokeswoman spokesperson guard police businesses democrats socialists"
    )
)


def _same_conflict(label: str, labels: list[str]) -> int | None:
    """The index in `labels` of a conflict over the same place as `label` ("War in Ukraine", "Invasion of Ukraine")."""
    m = re.fullmatch(r"(\w+) (?:in|of|on|against|with) (.+)", label)
    if m is None or m.group(1).lower() not in _CONFLICT_HEADS:
        return None
    for n, other in enumerate(labels):
        o = re.fullmatch(r"(\w+) (?:in|of|on|against|with) (.+)", other)
        if o and o.group(1).lower() in _CONFLICT_HEADS and o.group(2) == m.group(2):
            return n
    return None


def _same_topic(
    label: str, paras: set[int], labels: list[str], groups: list[_Group], actor_words: set[str]
) -> int | None:
    """The index in `labels` of an issue on the same thing as `label`: one's head noun is a word of the other
    ("Defense treaty", "Mutual defense"; "Cost growth", "Additional costs") and they share most paragraphs."""

    def content(text: str) -> list[str]:
        return [
            _norm(w)
            for w in _WORD.findall(text.lower())
            if w not in _STOP_IN_LABEL and w not in _PREPOSITIONS and w not in _LEADING and w not in actor_words
        ]

    mine = content(label)
    if not mine:
        return None
    head = _head_word(tuple(mine))
    for n, (other, group) in enumerate(zip(labels, groups, strict=True)):
        theirs = content(other)
        if not theirs or not group.paras or not paras:
            continue
        shared = {head, _head_word(tuple(theirs))} & set(mine) & set(theirs)
        if not shared or shared <= _SHARED_HEADS:
            continue
        if len(paras & group.paras) * 2 >= min(len(paras), len(group.paras)):
            return n
    return None


_SHARED_HEADS = frozenset(
    _norm(w) for w in words("policy policies strategy relations ties security issue war conflict crisis aid")
)


def _verb_in(phrase: str, texts: list[str], verbs: set[str]) -> bool:
    """A keyword with a verb or an adverb in it ("secures supply chains", "Taiwan policy exacerbate", "likewise
    prioritising conflict"): not a topic. `verbs` are the words the text uses as verbs."""
    toks = [t.lower() for t in re.split(r"[\s\u2011]+", phrase)]
    if len(toks) < 2:
        return False
    first, last = toks[0], toks[-1]
    if (first.endswith("ly") and first not in _LY_NOUNS) or first in _ADVERBS or first in _IMPERATIVES:
        return True
    if any(t.endswith("ing") and t not in _ING_NOUNS for t in toks[:-1]):
        return True  # "prioritising conflict"
    if first.endswith("s") and not first.endswith("ss") and first not in _LEXICON_WORDS():
        stem = first[:-1]
        e = re.escape(stem)
        inflected = re.compile(r"\b(?:" + e + r"d|" + e + r"ed|to " + e + r")\b")
        if stem in verbs or any(inflected.search(t.lower()) for t in texts):
            return True  # "secures supply chains"
    if first[:-1] in _IMPERATIVES or first[:-2] in _IMPERATIVES:
        return True  # "secures supply chains", "strengthens ties"
    if any(t in _VERBISH for t in toks) or last in _IMPERATIVES:
        return True  # "supply chains protect"
    if last in verbs and not last.endswith(_NOUN_ENDINGS) and (last,) not in _policy_terms():
        return True
    return _used_as_verb(last, texts)


_LY_NOUNS = frozenset(words("supply assembly monopoly family ally rally anomaly reply italy july oligopoly"))
_ADVERBS = frozenset(words("likewise also thus hence still instead even already otherwise"))
_ADVERB_ENDINGS = (
    "ally", "ately", "ingly", "edly", "ously", "ively", "ently", "antly", "fully", "lessly", "ibly", "ably", "inely",
    "uptly", "ghly", "gely", "ctly",
)  # fmt: skip


def _adverb(word: str) -> bool:
    """`word` is an adverb in "-ly" ("abruptly", "specifically", "highly"), not "rally" or "supply"."""
    return word.endswith(_ADVERB_ENDINGS) and word not in _LY_NOUNS


@lru_cache(maxsize=1)
def _LEXICON_WORDS() -> frozenset[str]:  # noqa: N802
    return frozenset(w for key in _policy_terms() for w in key)


def _used_as_verb(word: str, texts: list[str]) -> bool:
    """`word` is followed by a determiner somewhere ("secures the ...") and never follows one."""
    verb_use = re.compile(
        r"\b" + re.escape(word) + r"\s+(?:the|a|an|its|their|his|her|our|this|that|these)\b|"
        r"\b(?:to|will|would|could|can|may|might|must|should)\s+" + re.escape(word) + r"\b"
    )
    noun_use = re.compile(r"\b(?:the|a|an|its|their|his|her|our|this|these|of|and)\s+" + re.escape(word) + r"\b")
    low = [t.lower() for t in texts]
    return any(verb_use.search(t) for t in low) and not any(noun_use.search(t) for t in low)


_NOT_A_NOUN = r"\s+(?:and|or|in|of|to|the|is|are|was|were|will|would|has|have|had|for|with|on|at)\b"


def _mostly_quoted(texts: list[str]) -> bool:
    """Over half of `texts` is inside quotation marks."""
    inside = 0
    for text in texts:
        for m in _QUOTATION.finditer(text):
            inside += len(m.group())
    return 2 * inside > sum(len(t) for t in texts)


_QUOTATION = re.compile(r"“[^”]*(?:”|$)")


def _quoted(text: str, at: int) -> bool:
    before = text[:at]
    return before.count("“") > before.count("”")


def _reorder(label: str) -> str:
    """ "Contraction in GDP" -> "GDP contraction", "Militias in Amhara" -> "Amhara militias"; a conflict keeps its
    place ("War in Gaza")."""
    m = re.fullmatch(r"(\w[\w\-]*) in ([A-Z][\w\-]*)", label)
    if m is None or not (m.group(2).isupper() or m.group(1).lower() in _ARMED_GROUPS):
        return label  # "War in Gaza", "Influence in Transnistria", "Troops in Ukraine" read well
    return f"{m.group(2)} {m.group(1).lower()}"


def _label(group: _Group, texts: list[str], reject: Callable[[str], bool] | None = None) -> str:
    """The group's heading: its most frequent phrase (multi-word first), as written in the text, in sentence case.

    `reject` passes over labels that are no headings (see `_junk_label`); when it rejects them all, the first
    is returned.
    """

    def preference(phrase: str) -> tuple:
        toks = re.split(r"[\s\-\u2011]+", phrase.lower())
        clean = all(t not in _STOP_IN_LABEL for t in toks)
        count = group.counts.get(phrase, 0)
        key = tuple(_norm(w) for w in _WORD.findall(phrase))
        return (
            not clean,
            not _concepts(key, nouns_only=True),
            toks[0] in _LEADING,
            not (len(toks) > 1 and count >= 2),
            len(toks) < 2,
            -count,
            len(toks) == 1 and phrase.lower() not in _vocabulary_heads(),  # "Sanctions" before "Sanction"
            group.phrases[phrase],
        )

    ranked = sorted(group.phrases, key=preference)[:10]
    first = _trimmed(_spelled(ranked[0], group, texts))
    if reject is None:
        return first
    # a phrase the text never uses without the next word ("Critical raw") is tried whole ("Critical raw materials")
    whole = _completed(first, texts)
    if not reject(whole):
        return whole
    later = (_completed(_trimmed(_spelled(best, group, texts)), texts) for best in ranked[1:])  # only when needed
    return next((label for label in later if not reject(label)), first)


def _trimmed(label: str) -> str:
    """`label` without the verb it ends on or the preposition it starts with: "Sanctions disrupt" and "Of
    sanctions" read "Sanctions"."""
    toks = label.split()
    if len(toks) > 1 and toks[-1].lower() in _LABEL_VERBS:
        toks = toks[:-1]
    if len(toks) > 1 and toks[0].lower() in _PREPOSITIONS:
        toks = toks[1:]
        toks[0] = toks[0][:1].upper() + toks[0][1:]
    listed = next((k for k, t in enumerate(toks[1:-1], 1) if t.lower() in ("including", "notably", "especially")), None)
    if listed is not None:
        toks = toks[listed + 1 :]  # "Evils including corruption": the item named is the topic
        toks[0] = toks[0][:1].upper() + toks[0][1:]
    return " ".join(toks)


def _spelled(best: str, group: _Group, texts: list[str]) -> str:
    """The phrase `best` as the text spells it most, in sentence case."""
    parts = [re.escape(p) for p in re.split(r"[\s\-\u2011]+", best)]
    pattern = re.compile(r"\b" + r"[\s\-\u2011]+".join(parts) + r"\b", re.IGNORECASE)
    # the spelling the text uses most; "missile defence" before "missile-defence" when they tie
    spellings: dict[str, int] = {}
    for text in texts:
        for m in pattern.finditer(text):
            spellings[m.group()] = spellings.get(m.group(), 0) + 1
    if spellings:
        best = min(spellings, key=lambda sp: (-spellings[sp], "-" in sp or "\u2011" in sp, sp[:1].isupper()))
    last = best.split()[-1].lower()
    if last.endswith(("ist", "ian", "ese", "al", "ic", "ary", "ive")) and last not in _NOUNS_LIKE_ADJECTIVES:
        # "Lebanese terrorist" is an adjective without its noun: "Lebanese terrorist group"
        longer = [ph for ph in group.phrases if ph.lower().startswith(best.lower() + " ")]
        if longer:
            best = min(longer, key=len)
    return _reorder(best[0].upper() + best[1:])


_DETERMINER_AFTER = re.compile(r"\s+(?:the|a|an|this|that|these|those|its|their|his|her|our|it|them|us)\b")


def _keywords(group: _Group, groups: list[_Group], texts: list[str], verbs: set[str] | None = None) -> list[str]:
    """Up to eight phrases of `group`, best first; not fragments of a longer phrase ("door policy" of
    "open door policy") nor phrases that end on a verb ("engagement facilitates the ...")."""
    longer = {ph.lower(): g.counts.get(ph, 0) for g in groups for ph in g.phrases}
    out = []
    for phrase, _ in sorted(group.phrases.items(), key=lambda kv: (kv[1], kv[0])):  # ties: by the phrase
        low, count = phrase.lower(), group.counts.get(phrase, 0)
        if any(
            low != q and n >= count and re.search(r"\w[\s\-]+" + re.escape(low) + r"$", q) for q, n in longer.items()
        ):
            continue  # only ever part of the longer phrase
        if group.counts.get(phrase, 0) <= 1 and " " in phrase:
            first = next((m for t in texts if (m := re.search(re.escape(phrase), t))), None)
            if first is not None and _DETERMINER_AFTER.match(first.string, first.end()):
                continue
        if _verb_in(phrase, texts, verbs or set()):
            continue  # "secures supply chains", "Taiwan policy exacerbate", "likewise prioritising conflict"
        phrase = _completed(phrase, texts)  # "immigration white" reads "immigration white paper"
        if phrase in out:
            continue
        out.append(phrase)
        if len(out) == 8:
            break
    return out


def issue_owner(issues: list[FoundIssue]) -> dict[tuple[str, ...], int]:
    """The normalised phrases of `issues`, each with the index of its issue (for `issue_of`)."""
    return {key: n for n, issue in enumerate(issues) for key in issue.extra.get("keys", ())}


def issue_of(
    sentence: str, paragraph: int, issues: list[FoundIssue], owner: dict[tuple[str, ...], int] | None = None
) -> str | None:
    """The key of the issue a sentence is about: the multi-word topic it names first, else a single-word one,
    else the theme of the whole text; else the first issue discussed in its paragraph; None when there is none."""
    if owner is None:
        owner = issue_owner(issues)
    present = _present(_tokens(sentence), owner)
    if present:
        # a specific topic before the theme of the whole text; a multi-word one before a single word
        best = min(
            present,
            key=lambda n: (issues[n].extra.get("theme", False), not issues[n].extra.get("multi", False), present[n]),
        )
        return issues[best].key
    for issue in issues:
        if paragraph in issue.paragraphs:
            return issue.key
    return None
