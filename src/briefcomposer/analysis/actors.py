"""Actors named in a source: states, organisations, people, groups and the author.

States, international organisations and groups come from the gazetteer, with
their capitals, demonyms, adjectives and abbreviations as aliases ("Moscow",
"the Kremlin" and "Russian officials" all point at Russia). People and other
organisations are found in the text itself:

- a title before a capitalised name ("Ambassador Alexander Grushko", "[Secretary
  of State] Tony Blinken", "IDF Chief of Staff Lt Gen Herzi Halevi");
- a speaker label at the start of a paragraph ("Evan Medeiros: ...");
- a full name that comes back, or that says or argues something;
- a capitalised name ending in an organisation word ("Renewal Party"), with
  "Name (ABBR)" making the abbreviation an alias; "the X (ABBR)" is an
  organisation also without such a word when ABBR spells X's initials;
- an unknown acronym that accuses, denies, warns ... ("SARH has denied"), or
  whose people speak ("KMT legislators argue");
- people named without a title when they say something, also coordinated
  ("A and B have argued") or listed ("experts like A, B and C"); a title with
  the name in apposition ("the UN Secretary-General, António Guterres,"); a
  quoted nickname inside a name is an alias ("Mohamed Hamdan “Hemedti” Dagalo").

"Operation X" names an event, never a person. The state of a titled person
("Kenyan President William Ruto") is kept as an actor even if named once.

Back-references are merged: a surname ("Grushko") or a title on its own ("the
Ambassador") goes to the person last named with it; "the X administration" is an
organisation of its own; "the government" goes to the state whose government
the text names, else the state named most often.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import chain, islice, pairwise

from briefcomposer.analysis import lexicon
from briefcomposer.analysis.gazetteer import PLACE, TOKEN, Gazetteer, load, surface_key
from briefcomposer.analysis.lexicon import words
from briefcomposer.core.model import ActorKind

ORG_HEADS = frozenset(
    words(
        "Council Party Ministry Department Agency Commission Committee Enterprises Corporation Company "
        "Services Service Army Navy Force Forces Guard Guards Front Movement Organization Organisation "
        "Institute Bank Fund Office Project Group Government Administration Parliament Assembly Senate "
        "Brigade Brigades Coalition Authority Court Tribunal Corps Command Cabinet Directorate Bureau "
        "Foundation Endowment Centre Center University Co Ltd Inc LLC plc Trading Holdings Congress "
        "Secretariat Unit Centres Centers Airlines Airways Association League Board Chamber Caucus "
        "Network Consortium Railway Railways Mission Police Alliance News Times Post Journal Herald Gazette Tribune "
        "Telegraph Chronicle Panel Church Embassy Watch Academy Federation Presidency"
    )
)
ORG_LEADS = frozenset({"Ministry", "Department", "Office", "Bureau", "Directorate", "Banco"})
_BODY_LEADS = frozenset(
    words(
        "Institute Centre Center Council Commission Committee Agency Foundation Academy Fund Board Panel Forum "
        # "the Chamber of Commerce", "the Federation of Small Businesses", "the Union of Concerned Scientists"
        "Chamber Chambers Association Federation Confederation Union Alliance Coalition League Society Movement "
        "Network Organisation Organization Presidency"
    )
)
# A state's own armed services are actors of their own ("the UK’s Armed Forces"); its ministries speak for it.
_MILITARY_HEADS = frozenset(words("Forces Force Army Navy Guard Guards Corps Command Brigade Brigades"))
CONNECTORS = frozenset({"of", "for", "and", "the", "on"})
PLACE_PREPOSITIONS = frozenset({"in", "at", "to", "from", "near", "via", "outside", "around", "into", "across"})
# what a state sends from its capital: "pressure from Moscow", "mixed signals from Washington"
_SENT_FROM = re.compile(
    r"\b(?i:messages?|signals?|letters?|requests?|demands?|offers?|proposals?|overtures?|threats?|warnings?|"
    r"pressure|criticism|condemnation|objections?|pushback|backlash|support|backing|assurances?|guarantees?|"
    r"invitations?|orders?|instructions?|approval|consent|opposition|resistance|calls?|appeals?|response|"
    r"reaction|word|messaging|rhetoric|statements?|comments?|responses?|reactions?)\s+from\s+$"
)
_NOT_PLACE_TO = frozenset(words("due owing thanks according"))  # "due to Moscow", "according to Beijing"
# Role nouns after a state's adjective that point back to a titled person: "the Ethiopian premier".
_ROLE_TITLES = {"premier": "Prime Minister", "president": "President", "chancellor": "Chancellor"}
# "the regime in Tehran", "the government in Kyiv": a capital after these is its state, not a place.
# ("Officials in Lusaka" may be visitors there: a place.)
_SEAT_HOLDERS = frozenset(words("regime government leadership authorities rulers junta"))
COLLECTIVE_HEADS = frozenset({"administration", "team", "government", "camp", "regime"})
_FUNCTION_WORDS = frozenset(
    words(
        "A About Above Absent Accordingly Across Additionally After Again Against All Already Also Although Always "
        "Amid Among An And Another Any Are Arguably Around As At Back Be Because Been Before Being Below Between "
        "Beyond Both But By Can Conversely Could Despite Did Do Does Down During Each Either Equally Especially "
        "Even Every Finally For Fortunately From Further Furthermore Given Had Has Have He Her Here His How "
        "However I If In Indeed Initially Instead Into Is It Its Just Last Like Likewise Many Meanwhile Might "
        "Moreover Most Must My Neither Never Next No Nor Not Now Of Off Often On Only Onto Or Other Others Our Out "
        "Over Overall Perhaps Please Rather Recent Regardless She Should Similarly Since Several So Some Sometimes "
        "Still Such That The Their Then Theoretically There Therefore These They This Those Though Through Thus To "
        "Together Ultimately Under Unfortunately Unlike Until Up Upon Was We Were What When Where Whereas Which "
        "While Who Whom Whose Why Will With Within Without Would Yes Yet You Your January February March April May "
        "June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday "
        "Sunday One Two Three Four Five Six Seven Eight Nine Ten First Second Third Fourth Later Earlier Today "
        "Yesterday"
    )
)
_ARTICLES = frozenset(words("the The A An This That These Its Their His Her Our Every Each"))
_POSSESSIVES = frozenset(words("Its Their His Her Our My Your"))
# A state's institutions that act on their own account, after its possessive ("Russia’s Supreme Court"); its
# army is left to the state, as annotators of war commentary credit it
_OWN_INSTITUTION = re.compile(
    r"\s+(?:(?:Supreme|Constitutional|High|Federal|Administrative)\s+Court|[Pp]arliament|[Ll]egislature|"
    r"[Jj]udiciary|[Cc]entral\s+[Bb]ank|National\s+Assembly|[Ee]lect(?:oral|ion)\s+[Cc]ommission)\b"
)
# A peer is named by the title and one word, which may be any word ("Lord West", "Baroness Ashton"), and
# may go on with a territorial designation ("Lord West of Spithead") that is not a second person.
_PEERAGE = frozenset(words("Lord Lady Baroness Baron"))
# Honours and offices written after a name ("Admiral Lord West GCB DSC PC"): neither names nor acronyms
# of organisations that speak.
_POSTNOMINALS = frozenset(
    words(
        "GCB KCB CB GCMG KCMG CMG GCVO KCVO CVO LVO MVO GBE KBE DBE CBE OBE MBE DSO DSC DFC MC GC VC PC MP "
        "MSP MLA MEP QC KC FRS FBA FRSE"
    )
)
# "then-President", "ex-Prime Minister": a title with a prefix of time
_TITLE_PREFIX = re.compile(r"^(?:[Tt]hen|[Ee]x|[Ff]ormer)[-\u2011]|[-\u2011](?:elect|designate)$")  # or "-elect"
# Initials inside a name: "K.P. Sharma Oli" (one token), "George W. Bush" (a letter and a stop)
_INITIALS = re.compile(r"^(?:[A-Z]\.){2,3}$")
_SUFFIXES = frozenset(words("Jr Sr"))
_REGNAL = re.compile(r"^(?=[IVX]{2,5}$)X{0,3}(?:IX|IV|V?I{0,3})$")  # "Charles III", "Leo XIV", "Karekin II"
_ABSTRACT = re.compile(r"^[A-Z][a-z]{4,}(?:ity|ities|tions?|sions?|ments?|isms?|ness|ship|ances?|ences?)$")
_RUN_IN_HEADING = re.compile(
    r"^([A-Z][\w’'\-]*(?:\s+(?:[A-Z][\w’'\-]*|of|for|and|the|in|on|to|a|an|with|at|by|from|or|vs\.?)){3,14}):\s"
)
_SPEAKER = re.compile(r"^((?:[A-Z][\w’'.\-]+\s){1,3}[A-Z][\w’'\-]+):\s")
# Foreign names keep their particles: "Partido Optimista pelo Desenvolvimento de Moçambique (Podemos)"
_FOREIGN_PARTICLES = (
    r"de|del|della|di|da|do|dos|das|pelo|pela|para|por|pour|per|la|las|los|le|el|des|du|y|e|et|al|van|von|der"
)
# "(NAWO)", and an abbreviation from another language: "(MAS in Spanish)", "(FARC, its Spanish acronym)"
_ABBR = r"\s+\(([A-Z][A-Za-z]{1,9})(?:,?\s+(?:in|its)\s+(?:[A-Z][a-z]+\s*)?(?:acronym|initials)?)?\)"
_DEFINITION = re.compile(
    r"(?<![\w’'])([A-Z][\w’'\-]*(?:\s+(?:of|for|and|the|on|" + _FOREIGN_PARTICLES + r"|[A-Z][\w’'\-]*))*"
    r"(?:\s+(?:party|movement|alliance|coalition|front|bloc))?)" + _ABBR
)  # "the Freedom and Direct Democracy party (SPD)": a lower-case head ends the name too
_LOWER_ORG_HEADS = frozenset(words("party movement alliance coalition front bloc"))
_ABBR_AT = re.compile(_ABBR)
_NAME_SPAN = 200  # how far before "(ABBR)" its long name may start


def _definitions(text: str):  # type: ignore[no-untyped-def]
    """The "Long Name (ABBR)" matches of `text`, found from each bracket back: one pattern run over the whole
    text would try every capitalised word as a start and fail late, quadratic on a long run of capitals."""
    end = 0
    for paren in _ABBR_AT.finditer(text):
        begin = max(end, paren.start() - _NAME_SPAN)
        for match in _DEFINITION.finditer(text, begin, paren.end()):
            if match.end() == paren.end():
                end = match.end()
                yield match
                break


NOT_ORG_HEADS = frozenset(
    words(
        "Goal Goals Product Index Agreement Treaty Act Initiative Programme Program Strategy Plan Framework "
        "Partnership Protocol Convention Declaration Zone Area Rate System Systems Report Review Law Bill Deal "
        "Accord Summit Conference Dialogue Process Mechanism Facility Corridor Operation Exercise Doctrine Policy "
        "Election Elections Referendum Census Budget Survey Dam Regulations Regulation Directive Gap Emergency "
        "Operations Regime Scheme"
    )
)
EVENT_LEADS = frozenset({"Operation", "Exercise", "Mission", "Article", "Chapter", "Section"})
_EVENT = re.compile(r"\b(?:Operation|Exercise|Mission)\s+([A-Z][\w’'\-]+)")
_ROLE_AFTER = re.compile(
    r"\s+(?:officials|leaders|legislators|lawmakers|spokesman|spokeswoman|spokesperson|commanders|fighters|"
    r"negotiators|representatives|members|leadership)\b"
)
_GOVERNMENT = re.compile(r"\b[Tt]he government\b")
_GENERIC = re.compile(r"\b(?:the|The) (%s)\b")


@dataclass
class Mention:
    """A span of paragraph `paragraph` that names actor `key`."""

    paragraph: int
    start: int
    end: int
    key: str
    adjective: bool = False  # "Russian officials": the actor is named by an adjective


@dataclass
class FoundActor:
    key: str
    name: str
    kind: ActorKind
    surfaces: Counter = field(default_factory=Counter)
    titles: set[str] = field(default_factory=set)
    first: tuple[int, int] = (0, 0)
    affiliated: bool = False  # names the state or organisation of a titled person ("US President ...")
    introduced: bool = False  # a person introduced by a role or an apposition ("her predecessor, Lena Osk,")
    # the group's name with the words that describe it before ("PRC-affiliated investors"): a name an analyst
    # may write, listed after the text's own names, but no name the text uses for it on its own
    described: set[str] = field(default_factory=set)

    @property
    def count(self) -> int:
        return sum(self.surfaces.values())

    def aliases(self) -> list[str]:
        seen = {self.name.casefold()}
        out = []
        for surface, _ in sorted(self.surfaces.items(), key=lambda kv: (-kv[1], kv[0])):
            if surface.casefold() not in seen:
                seen.add(surface.casefold())
                out.append(surface)
        for name in sorted(self.described):
            if name.casefold() not in seen:
                seen.add(name.casefold())
                out.append(name)
        return out


@dataclass
class ActorIndex:
    """Every actor found and, per paragraph, the mentions in text order."""

    actors: dict[str, FoundActor]
    mentions: list[list[Mention]]
    author_key: str | None = None
    _starts: dict[int, list[int]] = field(default_factory=dict, repr=False, compare=False)

    def ordered(self) -> list[FoundActor]:
        return sorted(self.actors.values(), key=lambda a: a.first)

    def within(self, p: int, start: int, end: int, key: str | None = None) -> list[Mention]:
        """The mentions of paragraph `p` that start in `start`-`end` (a sentence), of actor `key` if given.

        By bisection: a sentence's mentions are looked up for every sentence and candidate, and scanning the
        paragraph's list each time would grow with the square of a long paragraph's length."""
        starts = self._starts.get(p)
        if starts is None:
            starts = self._starts[p] = [m.start for m in self.mentions[p]]
        found = self.mentions[p][bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
        return found if key is None else [m for m in found if m.key == key]


# Descriptions that point back to the last actor of a kind named before: "the alliance", "the bloc",
# "the country".
_ANAPHORS: dict[str, tuple[ActorKind, ...]] = {
    **dict.fromkeys(("alliance", "bloc", "union", "organisation", "organization"), (ActorKind.ORGANISATION,)),
    **dict.fromkeys(("group", "grouping", "cartel", "movement", "militia"), (ActorKind.ORGANISATION, ActorKind.GROUP)),
    **dict.fromkeys(
        ("country", "kingdom", "republic", "junta", "nation", "emirate", "sultanate", "regime"), (ActorKind.STATE,)
    ),
}
_SPOKESPEOPLE = frozenset(words("spokesperson spokesman spokeswoman official officials"))
_NAME_SUFFIXES = frozenset(words("Jr. Jr Sr. Sr II III IV"))


def _name_words(name: str) -> list[str]:
    """The words of a person's name without a generational suffix, so that the surname is last: "Ferdinand
    Marcos Jr." is "Marcos" again as "Marcos Jr." or "Marcos"."""
    parts = name.split()
    while len(parts) > 1 and parts[-1].rstrip(",") in _NAME_SUFFIXES:
        parts.pop()
    return parts


# "the Houthi leader of the day", "the Houthi leader’s speech": not the leader alone as a subject
_LEADER_GOES_ON = re.compile(r"\s*(?:of\b|[’']s\b|-)")
# "the group’s leader, Abdulmalek Al-Houthi", "opposition leader Lena Osk"; "Lena Osk, the party’s leader,"
_LEADER_BEFORE = re.compile(r"\bleader,?\s+$")
_LEADER_AFTER = re.compile(r",\s+(?:the\s+|a\s+)?(?:[\w’'\-]+\s+){0,3}leader\b")
# "the president may invoke ...", "to be the president who ...": the office, not the man named before
_ANY_PRESIDENT = re.compile(r"\s+(?:may|might|can|could|should|would|must|who|that)\b|[’']s\b")
_BE_BEFORE = re.compile(r"\b(?:be|become|becomes|became|as)\s+$")
# "The administration" is a US president's: the presidents a text of this century names by surname
_US_PRESIDENTS = frozenset(words("Trump Biden Obama Bush Clinton Reagan Carter Nixon"))
# "the federal government" is the government; "the regional grouping", "the military junta": an anaphor described
_GOVERNMENT_KINDS = frozenset(words("federal national central current incumbent"))
_ANAPHOR_ADJECTIVES = frozenset(
    words("regional military western transatlantic defence defense security economic political ruling")
)
# "the party", "the court", "the commission": the body named just before whose name has that word
# ("Georgian Dream party ... the party", "European Commission ... the Commission")
_HEAD_ANAPHORS = frozenset(
    words(
        "party court bank commission council ministry agency institute committee company corporation fund "
        "assembly parliament congress senate tribunal board authority department front coalition newspaper "
        "administration army navy fleet panel"
    )
)
_SURNAME_PAIR = re.compile(r"([A-Z][a-zà-ÿ]{2,})[-\u2011]([A-Z][a-zà-ÿ]{2,})")
_MEETING_NOUNS = frozenset(words("meeting meetings talks summit call summits encounter"))
# "the panel" is the committee named before: "the Senate Foreign Relations Committee ... the panel advanced"
_HEAD_SYNONYMS = {"panel": ("panel", "committee"), "army": ("army", "armed")}  # "the army": the "Armed Forces" too

# Lower-case nouns that say what the name after them is: "chip company Nowi", "the daily Kommersant"
_BODY_NOUNS = frozenset(
    words(
        "company firm giant maker manufacturer carmaker chipmaker automaker producer operator startup start-up "
        "conglomerate lender carrier miner insurer developer subsidiary supplier contractor shipper retailer "
        "broadcaster newspaper daily weekly outlet tank consultancy NGO charity airline chain"
    )
)


@dataclass
class _Raw:
    paragraph: int
    start: int
    end: int
    kind: str  # "gaz", "org", "person", "single", "collective", "back", "government", "anaphor", "role", "kin"
    name: str = ""
    title: str = ""
    gaz: int = -1
    adjective: bool = False
    speaker: bool = False
    affiliation: bool = False
    passing: bool = False  # a group named in passing, not acting: listed, but no candidate for a position
    parts: tuple[str, ...] = ()  # other names the text gives it, aliases: a pair's two groups, "his oldest son"


UNNAMED_AUTHOR = "The author"


def find_actors(
    paragraphs: list[str],
    author: str | None = None,
    gazetteer: Gazetteer | None = None,
    headings: set[int] | None = None,
    publisher: str | None = None,
) -> ActorIndex:
    """Find the actors of `paragraphs`; `author` (the byline) becomes an AUTHOR actor.

    A piece with no byline speaks for its `publisher`: where the text names the publisher ("argues a new
    British Future report", "a first assessment by Liberties"), the publisher is an organisation of the text.

    In `headings` (paragraph indices) capitalised words are not taken for names unless a title or the
    gazetteer says so: "Defence Spending Does Not Bring Security" names nobody.
    """
    gaz = gazetteer or load()
    definitions: dict[str, str] = {}
    for text in paragraphs:
        for match in _definitions(text):
            long_name, abbr = match.group(1), match.group(2)
            long_toks = long_name.split()
            spelled = long_toks[1:] if long_toks[0] in ("The", "the") else long_toks
            owner = gaz.surfaces.get(surface_key(spelled[0][:-2])) if spelled[0].endswith(("’s", "'s")) else None
            if len(spelled) > 2 and owner and owner[0] != PLACE and gaz.entries[owner[0]].kind is ActorKind.STATE:
                spelled = spelled[1:]  # "Libya’s Government of National Unity (GNU)": Libya is named on its own
            known = gaz.surfaces.get(surface_key(abbr))
            if _is_acronym(abbr, spelled) and spelled[-1] not in NOT_ORG_HEADS and _after_the(text, match):
                head = gaz.entries[known[0]].name.split()[-1] if known and known[0] != PLACE else spelled[-1]
                # "the National Security Advisor (NSA)" is not the National Security Agency the gazetteer knows
                # by "NSA"; "the Association for Southeast Asian Nations (ASEAN)" is ASEAN however it is spelled
                same = head[:6].lower() == spelled[-1][:6].lower()
                definitions[abbr] = " ".join(spelled) if same else ""  # "the National Authority ... (NAWO)"
                continue
            if (
                _is_acronym(abbr, spelled)
                and known
                and known[0] != PLACE
                and surface_key(" ".join(spelled)) not in gaz.surfaces
                and abbr not in definitions
            ):
                # "a Country of Particular Concern (CPC)": the text spells the abbreviation out as something
                # other than the body the gazetteer knows by it (the Communist Party of China)
                definitions[abbr] = ""
                continue
            tail = next(
                (k for k in range(1, len(spelled) - 1) if spelled[k][:1].isupper() and _is_acronym(abbr, spelled[k:])),
                None,
            )
            if (
                tail is not None
                and known
                and known[0] != PLACE
                and surface_key(" ".join(spelled[tail:])) not in gaz.surfaces
            ):
                # "the Embassy of the Islamic Emirate of Afghanistan (IEA)": the text's own body, not the
                # International Energy Agency the gazetteer knows by "IEA"
                definitions[abbr] = " ".join(spelled[tail:])
                continue
            if not known and abbr not in definitions and (spelled[-1] in NOT_ORG_HEADS or spelled[-1] in _THING_ENDS):
                definitions[abbr] = ""  # "the Large Investment Incentive Regime (Rigi)": a thing's abbreviation
                continue
            while long_toks and (long_toks[0] in gaz.not_names and long_toks[0] not in ORG_LEADS):
                long_toks = long_toks[1:]
            if len(long_toks) > 1 and long_toks[-1] in _LOWER_ORG_HEADS:
                definitions[abbr] = " ".join(long_toks[:-1])  # the party is named without "party", as elsewhere
            elif long_toks and (long_toks[-1] in ORG_HEADS or long_toks[0] in ORG_LEADS):
                definitions[abbr] = " ".join(long_toks)
            else:
                # "the Treasury and the Central Bank of Argentina (BCRA)": the last of a pair
                last = " ".join(spelled).split(" and ")[-1].split()
                while last and last[0] in ("the", "The"):
                    last = last[1:]
                if _foreign_definition(abbr, last, gaz):
                    definitions[abbr] = " ".join(last)
    for text in paragraphs:
        for paren in _ABBR_AT.finditer(text):
            abbr = paren.group(1)
            known = gaz.surfaces.get(surface_key(abbr))
            if abbr in definitions or not known or known[0] == PLACE:
                continue
            if _spelled_out(text[: paren.start()], abbr, gaz):
                definitions[abbr] = ""  # "a country of particular concern (CPC)": not the Communist Party of China
    vocabulary = {w for text in paragraphs for w in _LOWER_WORD.findall(text)}
    # words the text capitalises in the middle of a sentence: names, whatever their ending ("Saied")
    vocabulary |= {"^" + w for text in paragraphs for w in _CAPITALISED_MID.findall(text)}
    # "Operation Sindoor", "Exercise Zapad": names of events, never of people, also when used alone
    events = {m.group(1) for text in paragraphs for m in _EVENT.finditer(text)}
    # names of things the text also writes whole ("the European Sky Shield Initiative", "the Golden Dome project"):
    # used alone ("Sky Shield is ...") they are still the thing's, not a person's
    events |= {name for name in _thing_names(paragraphs) if name.split()[0] not in gaz.given_names}
    raws: list[_Raw] = []
    for p, text in enumerate(paragraphs):
        found = _scan(p, text, gaz, definitions, vocabulary, events)
        if headings and p in headings:
            # a heading names people only with a title, or as the speaker of a contribution ("Daniel Fried: Take
            # the best deal available now")
            found = [
                r
                for r in found
                if r.kind not in ("single", "collective")
                and (r.kind != "person" or r.title or (r.speaker and " " in r.name))
            ]
        found = _with_groups(p, text, _with_compounds(p, text, found, gaz), gaz)
        found = _with_roles(p, text, _agent_groups(p, text, found, gaz))
        found = _with_heads(p, text, _with_agencies(p, text, found, gaz), gaz)
        found = _with_kin(p, text, _with_leaders_staff(p, text, _with_staff_in(p, text, found, gaz)), gaz)
        found = _with_persons_camp(p, text, _with_collectives(p, text, found), gaz)
        found = _with_witnesses(p, text, _with_judges(p, text, _with_pairs_of_states(p, text, found)))
        found = _with_camps(p, text, _with_each_of_group(p, text, found))
        raws.extend(_with_nationals(p, text, found, gaz))
    raws = _with_x(raws, paragraphs, gaz)
    if publisher and not (author or "").strip():
        raws = _publisher(raws, paragraphs, publisher)
    return _resolve(_capitol(_brussels(raws, paragraphs, gaz), paragraphs, gaz), paragraphs, gaz, author)


# "X" alone is Musk's platform in a text about it ("Elon Musk’s X", "platforms such as X, Reddit and Bluesky"),
# not "Article X" or "Generation X"
_ABOUT_X = re.compile(r"\b(?:Musk|Twitter|Grok|xAI|[Ss]ocial media platforms?)\b")
_LONE_X = re.compile(
    r"(?<![\w\-’'.])(?<!Article )(?<!Chapter )(?<!Generation )(?<!Section )(?<!Gen )X(?![\w\-’']|\.\w)"
)


def _with_x(raws: list[_Raw], paragraphs: list[str], gaz: Gazetteer) -> list[_Raw]:
    """`raws` with each "X" alone as X Corp, where the text speaks of Musk, Twitter, Grok or social media: listed,
    with no position (the platform is what such a text speaks of more than who speaks)."""
    known = gaz.surfaces.get(surface_key("X Corp"))
    if not known or known[0] == PLACE or not any(_ABOUT_X.search(text) for text in paragraphs):
        return raws
    added = [
        _Raw(p, m.start(), m.end(), "gaz", gaz=known[0], passing=True)  # often the topic, seldom a speaker
        for p, text in enumerate(paragraphs)
        for m in islice(_LONE_X.finditer(text), MAX_GROUP_PHRASES)
    ]
    if not added:
        return raws
    taken = {(r.paragraph, r.start) for r in raws}
    added = [r for r in added if (r.paragraph, r.start) not in taken]
    return sorted([*raws, *added], key=lambda r: (r.paragraph, r.start))


_PUBLISHER_NOTE = re.compile(r"\s*(?:\(([^()]*)\)|,.*)")


def _publisher(raws: list[_Raw], paragraphs: list[str], publisher: str) -> list[_Raw]:
    """`raws` with the places the text names its publisher: "Civil Liberties Union for Europe (Liberties)" by
    either name, not a web address ("geoatafrica (Substack)") or a note ("Chatham House (via Wired-Gov)")."""
    name = _PUBLISHER_NOTE.sub("", publisher).strip()
    names = [name]
    for note in _PUBLISHER_NOTE.finditer(publisher):
        short = (note.group(1) or "").strip()
        if short and " " not in short and short[:1].isupper() and "." not in short:
            names.append(short)  # "(Liberties)", "(ECFR)": the short name the publisher goes by
    names = [n for n in names if len(n) >= 3 and n[:1].isupper() and "." not in n]
    if not names:
        return raws
    initials = "".join(w[0] for w in names[0].split() if w[:1].isupper())
    if len(initials) >= 3 and initials not in names:
        names.append(initials)  # "Open Rights Group" is "ORG" in its own text
    # the publisher's name whole, not the start of a longer one ("The National" of "The National Security Council")
    pattern = re.compile(r"(?<![\w\-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w\-]|\s+[A-Z])")
    by_paragraph: dict[int, list[_Raw]] = {}
    for r in raws:
        by_paragraph.setdefault(r.paragraph, []).append(r)
    added: list[_Raw] = []
    replaced: set[int] = set()
    for p, text in enumerate(paragraphs):
        for m in islice(pattern.finditer(text), MAX_GROUP_PHRASES):
            start = m.start() + (4 if m.group().startswith("The ") else 0)
            over = [r for r in by_paragraph.get(p, ()) if r.start < m.end() and start < r.end]
            # a name the scan took for a person, or an adjective inside it ("British" of "British Future")
            if all(r.kind in ("single", "person") or (r.adjective and start <= r.start) for r in over):
                added.append(_Raw(p, start, m.end(), "org", name=name.removeprefix("The ")))
                replaced.update(id(r) for r in over)
    if not added:
        return raws
    kept = [r for r in raws if id(r) not in replaced]
    return sorted([*kept, *added], key=lambda r: (r.paragraph, r.start))


_WORK_AFTER = re.compile(r"’?s?\s+(?:new\s+|latest\s+)?(?:report|research|study|paper|analysis|briefing|survey)\b")
_WORK_BEFORE = re.compile(r"\b(?:report|research|study|paper|analysis|briefing|survey)\s+(?:by|from)\s+(?:the\s+)?$")


def publisher_key(index: ActorIndex, publisher: str | None, paragraphs: list[str]) -> str | None:
    """The key of the organisation the text names as its `publisher` and as the author of the work it
    presents ("argues a new British Future report", "research by the Nordic Peace Institute"), if it does. A
    news outlet the text names ("she told the Kystposten") is not presenting its own work."""
    if not publisher:
        return None
    name = _PUBLISHER_NOTE.sub("", publisher).strip().removeprefix("The ")
    key = next((k for k, a in index.actors.items() if a.kind is ActorKind.ORGANISATION and a.name == name), None)
    for p, ms in enumerate(index.mentions):
        text = paragraphs[p]
        for m in ms:
            if m.key == key and (
                _WORK_AFTER.match(text, m.end) or _WORK_BEFORE.search(text, max(0, m.start - 30), m.start)
            ):
                return key
    return None


_SEAT_AFTER = re.compile(
    r"(?:[’']s)? (?:(?:interim|federal|transitional|caretaker|central|national|civilian|military|new|ruling)\s+)?"
    r"(?:government|authorities|regime|officials?|leaders|leadership|diplomats?|negotiators|policymakers|military|"
    r"armed forces|army|lawmakers|legislators|senators|MPs|parliamentarians|ministers|spokes(?:person|man|woman)|"
    r"media|society|citizens|side|state|administration|"
    r"(?:(?:intelligence|security|military|defen[cs]e|political)\s+(?:and\s+(?:intelligence|security|military|"
    r"defen[cs]e|political)\s+)?)?establishment|"
    r"forces|security forces|navy|air force|coast guard|intelligence(?: services| agencies)?|security services|"
    r"ambassadors|envoys)\b"
)
# what a known group is made of, named after it: "Big Tech companies", "Zaghawa communities", "Houthi fighters"
_FIRMS_AFTER = re.compile(
    r" (?:companies|firms|platforms|giants|communities|fighters|militias|militants|leaders|elders|members|tribes|"
    r"clans|tribesmen)\b"
)
_CITY_THINGS = frozenset(
    words("Summit Conference Agreement Agreements Accord Accords Declaration Protocol Process Format")
)
_EU_BODIES = ("European Union", "European Commission", "Council of the European Union", "European Council")


def _brussels(raws: list[_Raw], paragraphs: list[str], gaz: Gazetteer) -> list[_Raw]:
    """In a text that names the EU or one of its bodies, "Brussels" is the EU ("disputes with Brussels"), not
    Belgium: policy commentary uses the city for the Union, as its annotators do; and "the Council" there is
    the Council of the EU, unless the text names another council it could point back to."""
    eu = [r.gaz for r in raws if r.kind == "gaz" and gaz.entries[r.gaz].name in _EU_BODIES]
    parliament = any(r.kind == "gaz" and gaz.entries[r.gaz].name == "European Parliament" for r in raws)
    if not eu and not parliament:
        return raws
    union = next((e for e in eu if gaz.entries[e].name == "European Union"), eu[0] if eu else None)
    # "approved by unanimity in the Council": in EU writing the Council is the Council of the EU, unless the
    # text names another council the words could point back to
    other_council = any(
        (r.kind == "gaz" and gaz.entries[r.gaz].name.endswith("Council") and gaz.entries[r.gaz].name not in _EU_BODIES)
        or (r.kind == "org" and r.name.endswith("Council"))
        for r in raws
    )
    council = gaz.surfaces.get(surface_key("Council of the European Union"))
    out = []
    for r in raws:
        if (
            union is not None
            and r.kind == "gaz"
            and not r.adjective
            and paragraphs[r.paragraph][r.start : r.end] == "Brussels"
        ):
            r = replace(r, gaz=union)
        elif r.kind == "anaphor" and r.name == "council" and council and not other_council:
            r = replace(r, kind="gaz", gaz=council[0])
        out.append(r)
    return out


_US_CHAMBERS = ("US Congress", "US Senate", "US House of Representatives")
_THE_HOUSE = re.compile(r"\b[Tt]he House\b(?!\s+of\b)")


def _capitol(raws: list[_Raw], paragraphs: list[str], gaz: Gazetteer) -> list[_Raw]:
    """In a text that names Congress or the Senate, "the House" is the House of Representatives ("The House
    has already passed the rescissions"), as American writing uses it; not where another house or a
    parliament is named."""
    named = {gaz.entries[r.gaz].name for r in raws if r.kind == "gaz"}
    if not named & set(_US_CHAMBERS) or any("House of" in n or "Parliament" in n for n in named):
        return raws  # no Congress, or another house "the House" could be
    house = gaz.surfaces.get(surface_key("US House of Representatives"))
    if not house:
        return raws
    taken: dict[int, list[tuple[int, int]]] = {}
    for r in raws:
        taken.setdefault(r.paragraph, []).append((r.start, r.end))
    added = []
    for p, text in enumerate(paragraphs):
        for m in _THE_HOUSE.finditer(text):
            start = m.start() + 4  # "House": "the" is no part of the name
            if not any(a < m.end() and start < b for a, b in taken.get(p, [])):
                added.append(_Raw(p, start, m.end(), "gaz", gaz=house[0]))
    if not added:
        return raws
    return sorted([*raws, *added], key=lambda r: (r.paragraph, r.start))


# "The China-US trade talks", "the Polish-German relationship": both sides of a hyphenated pair are
# named (as modifiers), though the tokeniser keeps the pair as one word
_COMPOUND = re.compile(r"\b([A-Z][\w.]*[A-Za-z.])[-–]([A-Z][\w.]*[A-Za-z])\b")


_CLAUSE_OPENERS = frozenset(
    words("After Before Since Until When While Although Because If Unless Once As In On At For From By With During")
)
_WORD_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s$")
_PREFIXES = frozenset(words("Inter Pan Trans Anti Pro Non Post Pre Sub Neo Ex Mid Intra Extra Ultra Pseudo"))
# "Russian-backed campaigns", "a Kenyan-led mission", "the US-brokered truce": the state that backs, leads or
# brokers is named (as a modifier)
_BACKED = re.compile(
    r"\b([A-Z][\w.]*[A-Za-z.])[-–‑](?:led|backed|brokered|sponsored|funded|financed|supported|owned|controlled|"
    r"flagged|built|made|based|armed|trained|allied|aligned|dominated|run|held|imposed|mediated|drafted)\b"
)


def _with_compounds(p: int, text: str, raws: list[_Raw], gaz: Gazetteer) -> list[_Raw]:
    out = list(raws)
    # each pair is checked against the names found so far: a paragraph of thousands of pairs would cost the square
    for match in islice(_COMPOUND.finditer(text), MAX_GROUP_PHRASES):
        over = [r for r in out if r.start < match.end() and match.start() < r.end]
        if any(r.kind != "single" or (r.start, r.end) != match.span() for r in over):
            continue  # a name of its own: "Guinea-Bissau", "Al-Shabaab"
        if match.group(1) in _PREFIXES:
            continue  # "the Inter-American Dialogue", "Pan-African", "Anti-Western": no state of its own
        spans = {1: match.span(1), 2: match.span(2)}
        word_before = _WORD_BEFORE.search(text, max(0, match.start() - 20), match.start())
        if word_before and gaz.surfaces.get(surface_key(f"{word_before.group(1)} {match.group(1)}")):
            spans[1] = (word_before.start(1), match.end(1))  # "North Korea-Russia relations": North Korea's
        hits = [gaz.surfaces.get(surface_key(text[spans[n][0] : spans[n][1]])) for n in (1, 2)]
        parts = [
            (n, hit[0])
            for n, hit in zip((1, 2), hits, strict=True)
            if hit and hit[0] != PLACE and gaz.entries[hit[0]].kind is not ActorKind.PERSON
        ]
        if not parts:
            continue
        out = [r for r in out if r not in over and not (r.start < spans[1][1] and spans[1][0] < r.end)]
        for n, entry in parts:  # "China-US" is no single name
            out.append(_Raw(p, spans[n][0], spans[n][1], "gaz", gaz=entry, adjective=True))
    for match in islice(_BACKED.finditer(text), MAX_GROUP_PHRASES):
        over = [r for r in out if r.start < match.end() and match.start() < r.end]
        if any(r.kind != "single" for r in over):
            continue
        hit = gaz.surfaces.get(surface_key(match.group(1)))
        if not hit or hit[0] == PLACE or gaz.entries[hit[0]].kind is ActorKind.PERSON:
            continue
        out = [r for r in out if r not in over]
        out.append(_Raw(p, match.start(1), match.end(1), "gaz", gaz=hit[0], adjective=True))
    out.sort(key=lambda r: r.start)
    return out


# Collective actors named by a phrase rather than listed in the gazetteer: "European diplomats",
# "EU member states", "Pacific Island countries", "external powers", "Ethiopia’s neighbours".
_GROUP_HEADS = (
    r"member states|members|diplomats|officials|leaders|powers|neighbou?rs|countries|nations|governments|"
    r"allies|partners|policymakers|policy-makers|capitals|states|negotiators|lawmakers|legislators|"
    r"firms|companies|operators|producers|exporters|donors|creditors|investors|economies|parties|groups|actors|"
    r"factions|militias|movements|banks|businesses|manufacturers"
)
# A country's companies are actors of their own ("Chinese firms", "American companies"), not the state.
_NATIONAL_BUSINESS = re.compile(
    r"\b((?:(?!The\s|An?\s)[A-Z][a-z]+\s)?[A-Z][\w\-]*(?:\.[A-Za-z]+)*\.?)\s+((?:(?:state-owned|private|state|tech|technology|energy|oil|"
    r"mining|defence|defense|chip|car|steel|social media)\s+)?(?:firms|companies|operators|producers|exporters|"
    r"investors|banks|businesses|manufacturers|lenders|carmakers|chipmakers|industry|platforms))\b"
)
# A state's people named by its adjective: "Malian nationals", "Iranian MPs"
_NATIONAL_LISTED = re.compile(
    r"(?<![\w’'\-])([A-Z][a-z][\w\-]*)\s+(nationals|citizens|MPs|lawmakers|legislators|parliamentarians|politicians|"
    r"hawks|hardliners|workers|students|migrants|refugees|activists|journalists|nationalists)\b"
)
# The adjective before "and" in "European and American carmakers"
_ADJECTIVE_AND = re.compile(r"(?<![\w’'\-])([A-Z][\w\-]*)\s+and\s+$")
# A country's opposition, public, police or courts are not its government: "the Belarusian opposition calls
# for ...", "the Serbian public widely opposed ...", "a Rwandan court", "Bolivian civil society"
_NATIONAL_PEOPLE = re.compile(
    r"\b((?:(?!The\s|An?\s)[A-Z][a-z]+\s)?[A-Z][\w\-]*)\s+(opposition|public|people|populace|population|electorate|citizens|"
    r"civil society(?: organi[sz]ations| groups| representatives)?|police|judiciary|judges?|courts?|media|press|"
    r"voters|diaspora|(?:political |opposition )?parties|"
    r"factions|militias|rebels|insurgents|activists|protesters|dissidents|exiles|parliament|legislature|"
    r"elect(?:oral|ion) commission|central bank|"
    r"(?:aid )?agencies|charities|NGOs)\b(?![\w\-’'])"
)
_GROUP_MODIFIERS = (
    r"(?i:external|regional|foreign|outside|major|great|global|neighbou?ring|smaller|larger|frontline|front-line|"
    r"coastal|littoral|island|member|coalition|opposition|religious|tribal|local|rebel|hardline|moderate|"
    r"nationalist|ethno-nationalist|northern|southern|eastern|western|central|allied|donor|partner|"
    # "vulnerable countries", "middle powers", "telecom firms": the groups climate, trade and tech commentary names
    r"vulnerable|middle|industriali[sz]ed|developing|developed|emerging|poorer|richer|wealthy|low-income|"
    r"middle-income|high-income|oil-producing|telecom|tech|technology|defence|defense|energy|private|state-owned|"
    # "other countries", "several other nations", "political parties", "armed groups"
    r"other|several|previous|successive|political|armed)|"
    r"European|Western|Arab|African|Asian|Gulf|Pacific|Nordic|Baltic|Muslim|Christian|Sunni|Shia|Kurdish|"
    r"Latin American|Central Asian|Southeast Asian|South Asian|Middle Eastern|[A-Z]{2,6}"
)
# A group named by whom it belongs to: "Ethiopia’s neighbours", "Ukraine’s supporters", "Kenya’s political class"
_OWNED_GROUPS = (
    r"neighbou?rs|allies|partners|supporters|critics|opponents|rivals|signatories|political class|elites|"
    r"security forces|security services|intelligence services|civil society|youth|young people|voters|electorate|"
    r"opposition|parties|leaders|churches"
)
# A first modifier joined by "and" to a group phrase's: "regional and global powers"
_MODIFIER_AND = re.compile(rf"(?<![\w’'\-])(?:{_GROUP_MODIFIERS})\s+and\s+$")
_GROUP_PHRASE = re.compile(
    rf"\b(?:(?P<owner>[A-Z][\w\-]+)(?:’s|'s)\s+(?:(?:{_GROUP_MODIFIERS}|"
    # "Germany’s Protestant and Catholic churches": two capitalised words joined by "and" describe them
    rf"[A-Z][a-z]+\s+and\s+[A-Z][a-z]+|"
    # "Ukraine’s more impatient supporters", "China’s closest allies": up to two words describe them
    rf"(?!(?:and|or|of|on|in|to|for|with|its|their|his|her|the|a|an|by|from|at|as|is|are|was|were|has|have)\b)"
    rf"[a-z][a-z\-]*)\s+){{0,2}}"
    rf"(?P<own>{_OWNED_GROUPS})"
    rf"|(?P<mods>(?:(?:{_GROUP_MODIFIERS})\s+){{1,2}})(?P<head>{_GROUP_HEADS}))\b"
)
# Every group phrase ends on its head: the phrase is looked for only before the words that end a head, with
# the pattern anchored there. One pattern run over the whole text tried its modifiers at every character and
# cost three times as much (issue 3's 200,000-word benchmark); the matches are the same.
_GROUP_ENDS = frozenset(
    alt.split()[-1]
    for alt in f"{_GROUP_HEADS}|{_OWNED_GROUPS}".replace("neighbou?rs", "neighbours|neighbors").split("|")
)
_LOWER_WORD_AT = re.compile(r"(?<![\w’'\-])[a-z][a-z\-]*[a-z]\b")
_GROUP_PHRASE_AT_END = re.compile(rf"(?:{_GROUP_PHRASE.pattern})\Z")


def _group_phrases(text: str) -> Iterator[re.Match[str]]:
    """The matches of `_GROUP_PHRASE` in `text`, left to right, not overlapping."""
    done = 0
    for word in _LOWER_WORD_AT.finditer(text):
        if word.group() in _GROUP_ENDS:
            found = _GROUP_PHRASE_AT_END.search(text, max(done, word.start() - 150), word.end())
            if found:
                done = found.end()
                yield found


_STATE_STAFF = frozenset(
    words(
        "diplomats officials leaders governments policymakers policy-makers negotiators legislators lawmakers "
        "authorities"
    )
)


# People named by their station, trade or kin ("former colleagues", "prior US ambassadors", "exiled
# royalists") and the press by its kind ("mouthpiece newspapers"): listed as a group where described or named
# bare in passing, though never given a position (the finders of positions are tuned on the heads below)
_PASSING_HEADS = (
    r"colleagues|ambassadors|families|relatives|villagers|tribes|clans|elders|veterans|bureaucrats|technocrats|"
    r"oligarchs|billionaires|executives|shareholders|landowners|taxpayers|employees|loyalists|paramilitaries|"
    r"guerrillas|warlords|commanders|chiefs|mayors|governors|MEPs|imams|bishops|scientists|lawyers|prosecutors|"
    r"inspectors|monitors|mediators|stakeholders|royalists|monarchists|leftists|centrists|"
    r"moderates|radicals|reformists|progressives|cadres|securocrats|loudmouths|predecessors|successors|"
    r"newspapers|outlets|broadcasters|tabloids|dailies|users"
)
_PASSING_HEAD_WORDS = frozenset(h.lower() for h in _PASSING_HEADS.split("|"))
# Groups named by what they do, kept only as the subject of a verb of saying or acting: "semiconductor
# manufacturers have announced", "think tanks warned", "trade negotiators insist". The modifier may be any
# word, so the verb after the phrase is what makes it an actor.
_AGENT_GROUP_HEADS = (
    r"manufacturers|makers|companies|firms|producers|exporters|importers|investors|traders|businesses|banks|"
    r"lenders|insurers|[Tt]hink tanks|negotiators|officials|diplomats|ministers|senators|lawmakers|legislators|"
    r"parliamentarians|regulators|watchers|analysts|experts|economists|observers|critics|opponents|supporters|"
    r"defenders|proponents|advocates|activists|campaigners|protesters|protestors|demonstrators|marchers|voters|"
    r"farmers|workers|unions|employers|militias|rebels|insurgents|factions|parties|authorities|generals|clerics|"
    r"elites|hardliners|hawks|doves|donors|creditors|states|countries|governments|nations|leaders|judges|courts|"
    r"juntas|rulers|hackers|"
    r"commentators|commentariats|academics|scholars|journalists|pundits|strategists|researchers|groups|politicians|"
    r"organisations|organizations|NGOs|institutions|bodies|signatories|delegates|delegations|participants|"
    r"citizens|monarchies|blocs|camps|agencies|lobbies|members|MPs|deputies|representatives|envoys|sceptics|"
    r"skeptics|reformers|conservatives|liberals|nationalists|populists|Islamists|jihadists|militants|fighters|"
    r"gangs|cartels|consumers|households|residents|refugees|migrants|students|youths|women|lobbyists|industry|"
    r"sector|separatists|secessionists|extremists|terrorists|providers|suppliers|contractors|brokers|communities|"
    r"macroeconomists|media|audiences|spokespeople|smugglers|traffickers|police|oppositionists|sources|figures|"
    r"officers|actors|backers|players|corporations|neighbours|neighbors|democracies|autocracies|colonies|networks|"
    r"adversaries|enemies|witnesses|societies|champions|circles|territories|provinces|" + _PASSING_HEADS
)
# Heads that name people by what they do, an actor even with no modifier when they speak ("Diplomats
# warned", "according to analysts"), and not the staff of the state their adjective names ("Indian
# observers" are not India).
_SPEAKING_HEADS = frozenset(
    words(
        "analysts experts observers critics commentators commentariats diplomats economists scholars academics "
        "researchers pundits strategists activists protesters sources"
    )
)
# People named by what they do are a group, with no modifier, when they open a clause and act ("Voters
# punished the ruling party", "After the vote, protesters blocked the roads", "The authorities cut ...")
_ACTING_HEADS = _STATE_STAFF | frozenset(
    words(
        "protesters protestors demonstrators voters politicians activists students workers farmers rebels "
        "insurgents militants fighters residents firms companies businesses jihadists militias juntas hackers citizens "
        "traders investors banks lenders manufacturers producers exporters importers consumers smugglers traffickers "
        "gangs cartels opponents supporters ngos police oppositionists ministers media advocates proponents "
        "critics adversaries enemies rivals allies communities witnesses territories provinces"
    )
)
# Heads of the bare groups listed wherever they are named, though in passing ("the distrust many citizens have"):
# not the state's own staff, nor places ("the poorest provinces")
_LISTED_HEADS = (
    (_ACTING_HEADS | frozenset(_AGENT_GROUP_HEADS.replace("[Tt]hink tanks", "").split("|")))
    - _STATE_STAFF
    - frozenset(
        words(
            "territories provinces jihadists militants insurgents militias sector industry media sources figures "
            "circles networks bodies institutions members participants players actors groups organisations "
            "organizations governments parties factions"
        )
    )
)
# "media in both countries", "across member nations": a group named as a place, not listed
_WHERE_BEFORE = re.compile(
    r"\b(?:in|across|between|among|throughout|within)\s+(?:(?:the|both|all|many|several|other)\s+)?$"
)
# "A host of lawmakers criticized ...", "Dozens of protesters gathered ...": how many, before the group
_QUANTITY = (
    r"(?:[Aa]\s+(?:host|number|group|handful|majority|coalition|series|range|chorus)\s+of\s+"
    r"|(?:[Dd]ozens|[Hh]undreds|[Tt]housands|[Ss]cores|[Mm]illions)\s+of\s+)"
)
_CLAUSE_SUBJECT = re.compile(
    r"(?:^|[.!?:;,–—]\s+|^\s*[“\"‘]|\b(?i:that|as|when|while|because|after|since|until|although|though|with|what|"
    r"but|and|yet|if|whereas|where)\s+)"
    # "what some officials have described as", "Our neighbours have urged", "But its advocates are disappointed"
    r"(?:(?i:the|some|many|most|our|its|their|his|her|all|both|these|those|several|other)\s+|" + _QUANTITY + r")?$"
)
# "according to (some) analysts", "criticised by rights groups"
_CITED = re.compile(
    r"(?:\b[Aa]ccording to|\b\w+(?:ed|en|ing)\s+by|\b(?i:opposition|criticism|objections|resistance|pushback|"
    r"backlash|condemnation|warnings|calls|pressure|congratulations|praise|support|backing|demands|reports|"
    r"misgivings|concerns|complaints|protests|"
    # "outrage from Arab and Islamic states", "the optimism from ministers", "accusations from his opponents"
    r"optimism|pessimism|enthusiasm|scepticism|skepticism|outrage|anger|accusations|assurances|statements|"
    r"comments|remarks|reactions|reception)\s+(?:from|of|by))\s+"
    r"(?:(?:some|many|most|several|other|all|a host of|a number of|a range of|dozens of|scores of)\s+)?$"
)
_THE_AT_END = re.compile(r"\b[Tt]he\s+$")  # "assaulted by the police": cited as "criticised by NGOs" is
_OPENS_SENTENCE = re.compile(r"(?:^|[.!?:;]\s+|^\s*[“\"‘])$")
# "But citizens are ...", "Even politicians understand ...": a linking word may come first
_OPENS_AFTER_LINK = re.compile(
    r"(?:^|[.!?:;]\s+|^\s*[“\"‘])(?:(?:But|And|Yet|Even|Still|So|Now|Today|Indeed|However|Meanwhile),?\s+)?$"
)
_SUBJECT_BEFORE = re.compile(
    r"(?:^|[.!?:;]\s+|^\s*[“\"‘]|\d{4},\s+|\b(?:[Bb]ut|[Ww]hile|[Bb]ecause|[Aa]lthough|[Ss]ince|[Ww]hen|[Yy]et|"
    r"[Hh]owever,|[Mm]eanwhile,)\s+)(?:(?:the|The|many|Many|most|Most|some|Some|all|All|other|Other)\s+)?$"
)
_VERB_AFTER = re.compile(
    r"\s+(?:(?:also|now|still|increasingly|already|have|has|had|\w+ly)\s+)*"
    r"(?:[a-z]+ed|have|has|had|are|were|will|would|can|could|should|may|might|must|did|do|does)\b"
)
_NAMES_LISTED = re.compile(r"(?:(?:\s*,|\s+and)\s+(?:the\s+)?[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,3})+")
_AUXILIARY = re.compile(
    r"\s+(?:have|has|had|are|were|will|would|can|could|should|may|might|must|did|do|also|now|"
    r"(?:do|does|did|wo|ca|have|has|are|were|should|would|could)n[’']t)\b"
)
# The head is found first and its modifiers (up to two words) looked for just before it: one pattern for both
# would be tried at every word of a long text (issue 3's 200,000-word benchmark)
_AGENT_HEAD_WORDS = frozenset(h.lower() for h in _AGENT_GROUP_HEADS.replace("[Tt]hink tanks", "").split("|") if h)
_LETTER_WORD = re.compile(r"(?<![\w’'\-])[A-Za-z]+\b")


def _agent_heads(text: str) -> Iterator[tuple[int, int, str]]:
    """`(start, end, words)` of each group head of `text` ("analysts", "think tanks"). A scan of its words and
    a set look-up: one regex alternation of the hundred heads, tried at every character of a long text, cost
    four times as much (issue 3's 200,000-word benchmark)."""
    for match in _LETTER_WORD.finditer(text):
        word = match.group().lower()
        if word in _AGENT_HEAD_WORDS:
            yield match.start(), match.end(), match.group()
        elif word == "think":
            end = match.end() + 6
            if text[match.end() : end].lower() == " tanks" and not text[end : end + 1].isalnum():
                yield match.start(), end, text[match.start() : end]


_MODS_BEFORE = re.compile(r"(?<![\w’'\-])(?:(?!(?:and|or)\s)[A-Za-z][\w\-]*\s+){0,2}$", re.IGNORECASE)
_PAIR = re.compile(
    rf"\s+and\s+(?!(?:some|many|most|several|few|all)\s)(?:other\s+)?(?:[A-Za-z][\w\-]*\s+){{0,2}}?"
    rf"(?:{_AGENT_GROUP_HEADS})\b",
    re.IGNORECASE,
)  # "analysts and commentators", not "protesters and some separatists"
_NOT_GROUP_MODIFIERS = frozenset(
    words(
        "the a an some many most few several all both these those their its his her our your my this that such "
        "other any each every no more less of in on at to for from by with and or but as than which who whom "
        "whose where when while if because about against between among into over under after before during "
        "also not only even just very two three four five ten dozens hundreds thousands it they we he she "
        "is are was were be been has have had do does did said says say six seven eight nine "
        "million billion thousand hundred dozen twenty thirty forty fifty sixty seventy eighty ninety "
        "unless although though whereas whether until points how why what there here then now yet "
        "suggest suggests suggested show shows showed indicate indicates indicated claim claims warn warns "
        "specific certain various"
    )
)


# Words in "-ing" that describe a group rather than start a clause ("the warring parties", "smuggling gangs",
# "participating manufacturers"); other words in "-ing" before a head are verbs ("debunking scholars")
ING_MODIFIERS = frozenset(
    words(
        "warring ruling governing smuggling trafficking participating contributing leading neighbouring "
        "neighboring oil-producing producing exporting importing opposing competing fighting"
    )
)
# "A coalition of 79 ICC member countries": what gathers a group, whose phrase is a name of the group too
_GATHERED = re.compile(r"\b[Aa]n?\s+(?P<what>(?:coalition|group|bloc|alliance|caucus)\s+of\s+(?:\d+\s+|[a-z]+\s+)?)$")
# Circles that are people: "diplomatic circles", "ruling circles" (not "vicious circles")
_CIRCLES = frozenset(
    words("diplomatic political government governing ruling military business security intelligence official policy")
)
_LIST_AFTER = re.compile(r"(?:,\s+(?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*){1,3},?\s+and(?=\s+[a-z])")
_NEXT_WORD = re.compile(r"\s+[a-z][\w\-]*")


def _word_ends(text: str, at: int, most: int = 3) -> list[int]:
    """Where each of the next `most` lower-case words after `at` ends: the list's last item may be that long."""
    ends = []
    for _ in range(most):
        word = _NEXT_WORD.match(text, at)
        if not word:
            break
        at = word.end()
        ends.append(at)
    return ends


# A camp named by whom it backs or fights: "the proponents of the European Union"
_CAMP_HEADS = frozenset(words("proponents opponents supporters critics advocates defenders champions"))
_OF_WHOM = re.compile(r"\s+of\s+(?:the\s+)?(?:[A-Z][\w\-’']*\s+){0,3}[A-Z][\w\-’']*")
# Networks that are people: "smuggling networks", "terrorist networks" (not "social" or "rail networks")
_NETWORK_KINDS = frozenset(words("smuggling trafficking criminal terrorist jihadist militant patronage"))
_SINGULAR_DETERMINERS = frozenset(words("a an one this that each every"))
# A second modifier joined by "and" before a group's: a capitalised one or an adjective ("centrist and")
_COORDINATED = re.compile(
    r"(?<![\w\-’'])(?:(?!And\b|The\b|But\b)[A-Z][a-z]+|[a-z]+(?:al|ist|ive|ic|ern|ian)|"
    # "security and tech experts": a field that describes them
    r"security|defen[cs]e|intelligence|tech|technology|industry|business|trade|energy|health|military)\s+and\s+$"
)
# Each group phrase is checked against the names found so far, so a run-on "paragraph" of thousands of them
# ("Analysts and Analysts and ...") would cost the square of its length; a real paragraph has a handful.
MAX_GROUP_PHRASES = 200


# Who "sources" are when they inform: "diplomatic sources said", "told by security sources"
_INFORMANTS = frozenset(
    words("diplomatic official government security intelligence military senior informed well-informed police")
)
# People named by what they watch or take a line on: "China hawks", "Russia experts" (not "Chinese experts")
_TOPIC_HEADS = frozenset(words("hawks doves watchers experts analysts scholars sceptics skeptics hardliners"))
# Who "figures" are when they are people: "opposition figures calling for ...", "senior military figures"
_FIGURES = frozenset(words("opposition political military religious public prominent senior leading notable"))
_BUSINESS_HEADS = frozenset(
    words("providers suppliers firms companies producers manufacturers makers exporters importers operators investors")
)
_OBJECT_BEFORE = re.compile(r"\b(?:to|than)\s+$")
# "with some observers labelling it ...": a group between "with" and a verb in "-ing"
_WITH_BEFORE = re.compile(r"\b[Ww]ith\s+(?:(?:the|some|many|most|other|several)\s+)?$")
_DOING_AFTER = re.compile(
    r"\s+(?:\w+ly\s+)?(?!(?:during|thing|nothing|something|anything|everything|king)\b)[a-z]{2,}ing\b"
)
_PLACED_IN = re.compile(
    r"\s+(?:in|from)\s+(?:the\s+[\w.\-]+|(?:the\s+)?[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)?)"
    r"(?P<both>\s+and\s+(?:the\s+)?[A-Z][\w.\-]*)?(?=\s+[a-z])"
)
_POST_MODIFIER = re.compile(
    r"\s+(?:(?:around|across|throughout) the (?:world|region|globe|continent|country)|worldwide|globally|alike)\b"
)


def _agent_groups(p: int, text: str, raws: list[_Raw], gaz: Gazetteer) -> list[_Raw]:
    out = raws
    for head_start, head_end, head_words in islice(_agent_heads(text), MAX_GROUP_PHRASES):
        found = _MODS_BEFORE.search(text, max(0, head_start - 60), head_start)
        mods_start = found.start() if found else head_start
        before = text[max(0, mods_start - 6) : mods_start].split()
        mods = text[mods_start:head_start].split()
        if mods and mods[-1].lower() in _NOT_GROUP_MODIFIERS:
            before.extend(mods)  # "debunking by scholars": the head stands alone
            mods = []
        # "including former colleagues", "Hun Sen outmanoeuvred royalist factions": a verb in -ing or in the past
        # before the group's own modifier, whose object the group is (listed in passing, with no position)
        object_of = len(mods) == 2 and (
            (mods[0][-3:] == "ing" and mods[0].lower() not in ING_MODIFIERS)
            or (mods[0][-2:] == "ed" and mods[0][:1].islower() and not _describes(mods[0]))
        )
        if object_of:
            before.append(mods[0])
            mods = mods[1:]
        while mods and mods[0].lower() in _NOT_GROUP_MODIFIERS:
            before.append(mods[0])
            mods = mods[1:]
        if mods and before and before[-1].lower() in _SINGULAR_DETERMINERS:
            mods = mods[1:]  # "a decision analysts have called risky": "decision" ends the phrase before
        if len(mods) == 2 and mods[0][-1:] == "s" and mods[1][-2:] == "ed":
            before.extend(mods)  # "security forces repressed protesters": a clause, not the group's modifiers
            mods = []
        head = head_words.lower()
        speaking = head in _SPEAKING_HEADS
        # "After the vote, protesters blocked the roads", "Voters punished the party": people who act
        paired = _PAIR.match(text, head_end)  # "advocates and champions are disappointed": the pair acts
        # "the proponents of the European Union can put a positive spin": a camp named by whom it backs
        of_whom = _OF_WHOM.match(text, head_end) if not mods and head in _CAMP_HEADS else None
        # "as lawmakers, civil society groups, and industry representatives debate ...": the first of a list
        listed = _LIST_AFTER.match(text, head_end) if not mods and head in _ACTING_HEADS else None
        acting = (
            not mods
            and head in _ACTING_HEADS
            and (
                _acts(text, of_whom.end() if of_whom else paired.end() if paired else head_end, present=True)
                or bool(listed and any(_says_something(text, e, _GROUP_VERBS) for e in _word_ends(text, listed.end())))
            )
            and _CLAUSE_SUBJECT.search(text[max(0, head_start - 30) : head_start]) is not None
        )
        # "with pundits focusing on", "with opposition figures calling for": the group does what follows
        doing = (
            _DOING_AFTER.match(text, head_end) is not None
            and _WITH_BEFORE.search(text, max(0, head_start - 60), head_start) is not None
            and (not mods or _WITH_BEFORE.search(text, max(0, head_start - 60), mods_start) is not None)
        )
        doing = doing and (bool(mods) or head in _ACTING_HEADS or speaking)
        # "militias operating in Syria", "the sight of banks asking suppliers to ...": people doing something
        doing = doing or (not mods and head in _ACTING_HEADS and _DOING_AFTER.match(text, head_end) is not None)
        # "that businesses require ...", "while adversaries tighten their grip": listed, though a verb in the
        # present says what they do more than what they hold
        doing = doing or (
            not mods
            and head in _ACTING_HEADS
            and _does_now(text, head_end)
            and _CLAUSE_SUBJECT.search(text[max(0, head_start - 30) : head_start]) is not None
        )
        if not mods and head != "think tanks" and not speaking and not doing:
            # "Countries agreed on two pillars", "Leaders pledged ...": a bare plural that opens a sentence and
            # speaks is the group, though "countries" alone elsewhere names no one
            opens = _OPENS_AFTER_LINK.search(text[max(0, head_start - 14) : head_start]) is not None
            if (
                not acting
                and not (opens and (_says_something(text, head_end, _GROUP_VERBS) or _AUXILIARY.match(text, head_end)))
                and not (
                    head in _ACTING_HEADS
                    and _CITED.search(_THE_AT_END.sub("", text[max(0, head_start - 40) : head_start]))
                )
            ):
                # "Securocrats in the ruling party don’t want ...": the capitalised head that opens a sentence is
                # no name, though the scan took it for one
                over = [r for r in out if r.start < head_end and head_start < r.end]
                if (
                    head in _LISTED_HEADS
                    and not _WHERE_BEFORE.search(text, max(0, head_start - 30), head_start)
                    and all(r.kind == "single" and (r.start, r.end) == (head_start, head_end) for r in over)
                    and not (over and _OF_WHOM.match(text, head_end))  # "Inspectors of the Velkan Monitoring System"
                ):
                    gone = {id(r) for r in over}
                    out = [
                        *(r for r in out if id(r) not in gone),
                        _Raw(p, head_start, head_end, "group", name=head, passing=True),
                    ]
                continue
        if any(m.lower() in _NOT_GROUP_MODIFIERS or (m[-3:] == "ing" and m.lower() not in ING_MODIFIERS) for m in mods):
            continue
        if head == "media" and mods and mods[-1].lower() == "social":
            continue  # "social media" are platforms, not the press
        start = text.index(mods[0], mods_start) if mods else head_start
        coordinated = _COORDINATED.search(text, max(0, start - 40), start) if mods else None
        if coordinated and any(
            (r.kind in ("person", "org") and " " in r.name) or (r.kind == "gaz" and not r.adjective)
            for r in out
            if r.start < coordinated.end() and coordinated.start() < r.end
        ):
            # "Norodom Sihanouk and exiled liberals": a list of two actors, not two modifiers of one group
            coordinated = None
        if coordinated:
            start = coordinated.start()  # "Russian and Western analysts", "Democratic and Republican senators"
        end = head_end
        # "Analysts and commentators", "think tanks and other advocacy groups": one group of two heads
        pair = _PAIR.match(text, end)
        if pair and " ".join(pair.group().split()[1:3]).lower() == "civil society":
            pair = None  # "regional governments and civil society actors": civil society is a group of its own
        if pair:
            end = pair.end()
        where = _POST_MODIFIER.match(text, end)
        name_end = end if where and where.group().split() == ["alike"] else None  # "observers alike": "observers"
        if where:
            end = where.end()  # "politicians around the region", "countries worldwide"
        name_end = name_end or end
        placed = head not in _STATE_STAFF  # observers, parties, rights groups: not the state's own staff
        adjective = [r for r in out if r.kind == "gaz" and r.adjective and 0 < start - r.end <= 1]
        if placed and adjective:
            start = adjective[0].start  # "Afghan civil rights groups"
        cited = _CITED.search(_THE_AT_END.sub("", text[max(0, start - 40) : start]))
        # "Local authorities have been forced to ...", "World leaders will meet": a described group that opens
        # a sentence before its verb is the subject of that sentence
        opening = _OPENS_AFTER_LINK.search(text[max(0, start - 14) : start]) is not None
        opening = opening and _AUXILIARY.match(text, end) is not None
        if not opening and mods and _SUBJECT_BEFORE.search(text[max(0, start - 30) : start]):
            # "In 2024, local farmers protested ...", "but Western capitals remained divided": the subject of a
            # clause before its verb
            opening = _VERB_AFTER.match(text, end) is not None
        # "a tool fossil fuel companies have used", "Shia blocs won": a described group followed by its verb is
        # that clause's subject (not after "to": "to accept Palestinian refugees" is an object)
        # "public health experts in the U.S. acknowledged ...": where they are may come between them and the verb
        # "frontier AI businesses in the US and China are developing ...": where they are may name two places,
        # though "senior diplomats from France and Germany issued ..." are the two states' staff, not a group
        placed_in = _PLACED_IN.match(text, end)
        if placed_in and placed_in.group("both") and not placed:
            placed_in = None
        verb_at = placed_in.end() if placed_in else end
        # "International observers and the EU and US denounced ...": names listed with the group before the verb
        listed = _NAMES_LISTED.match(text, verb_at) if mods else None
        subject = (
            bool(mods)
            and (_VERB_AFTER.match(text, verb_at) is not None or (listed and _VERB_AFTER.match(text, listed.end())))
            and not _OBJECT_BEFORE.search(text, 0, start)
        )
        # "Sikh separatists", "regional backers", "defence contractors": a group an adjective describes is an
        # actor wherever it is named, as the annotators of whole articles list them ("sanctions on Russia’s
        # defence sector" and "displacement camps" name places and things, not actors)
        active = cited or opening or acting or subject or _says_something(text, verb_at, _GROUP_VERBS)
        if not active and len(mods) == 2 and not _describes(mods[0]):
            mods = mods[1:]  # "told congressional leaders", "angered Sikh separatists": a verb comes first
            start = text.index(mods[0], start)
        described = bool(mods) and head not in ("sector", "camps") and all(_describes(m) for m in mods)
        described = described or (head == "ministers" and bool(mods) and mods[0] in _STATE_CLUBS)
        if head == "figures" and not any(m.lower() in _FIGURES for m in mods):
            continue  # "opposition figures", "senior figures": not "the headline figures", "trade figures"
        if head == "circles" and not (mods and mods[-1].lower() in _CIRCLES):
            continue  # "diplomatic circles", "ruling circles": people; not "vicious circles"
        if head == "networks" and not (mods and mods[-1].lower() in _NETWORK_KINDS):
            continue  # "smuggling networks", "criminal networks": not "social networks", "energy networks"
        if head == "sources" and not (
            mods
            and (cited or _says_something(text, end, _GROUP_VERBS) or text[max(0, start - 4) : start] == " by ")
            and all(m[:1].isupper() or m.lower() in _INFORMANTS for m in mods)
        ):
            continue  # "EU sources said", "according to diplomatic sources": not "renewable energy sources"
        if not (active or described or doing) or (not active and (pair or coordinated)):
            continue  # named in passing, "American and international firms" is no one group
        over = [r for r in out if r.start < end and start < r.end]
        # "Indian observers", "Western analysts": people the adjective places, not the state or bloc itself;
        # "GMF experts", "IISS analysts": a body's own people, who speak for themselves
        national = [
            r
            for r in over
            if r.kind == "gaz"
            and (
                r.adjective
                or (speaking and gaz.entries[r.gaz].kind is ActorKind.ORGANISATION and r.end < head_start)
                # "EU foreign ministers", "ASEAN ministers": the member states' ministers, as "EU leaders" are
                or (head == "ministers" and text[r.start : r.end] in _STATE_CLUBS and r.end < head_start)
                # "China hawks", "Iran experts": a state's own name before them is what they are hawks on
                or (
                    head in _TOPIC_HEADS
                    and gaz.entries[r.gaz].kind is ActorKind.STATE
                    and r.end < head_start
                    and not text[r.start : r.end].replace(".", "").isupper()
                )
                # "US cloud providers": a state's name before what its firms do names the firms, not the state
                or (
                    head in _BUSINESS_HEADS
                    and mods
                    and gaz.entries[r.gaz].kind is ActorKind.STATE
                    and r.end < head_start
                )
                # "UK Internet users", "US voters": a state's initials before its people, as its adjective would be
                or (
                    head in _PASSING_HEAD_WORDS
                    and mods
                    and gaz.entries[r.gaz].kind is ActorKind.STATE
                    and r.end < head_start
                    and text[r.start : r.end].replace(".", "").isupper()
                    and not _SEAT_AFTER.match(text, r.end)  # "US senators", "UK ministers": the state's own
                )
            )
        ]
        # "Analysts and commentators": the pair goes on from a group the gazetteer knows
        known = [r for r in over if pair and r.kind == "gaz" and gaz.entries[r.gaz].kind is ActorKind.GROUP]
        # a group inside a longer one: "political parties" in "Turkish political parties"
        inner = [
            r
            for r in over
            if r.kind == "group" and start <= r.start and r.end <= end and (r.start, r.end) != (start, end)
        ]
        if any(r.kind != "single" and not (placed and r in national) and r not in known + inner for r in over):
            continue  # "US officials", "Russian diplomats": a name the other finders have handled
        if not active and any(r.kind != "single" and r not in national for r in over):
            continue  # named in passing, a group keeps apart from the names inside it
        # a lone capitalised word is the sentence's first word here, not a name ("Semiconductor")
        name = text[start:name_end]
        if not mods and not speaking and head != "think tanks" and name[1:2].islower():
            name = name[0].lower() + name[1:]  # "Countries agreed": the group is "countries"
        if of_whom and acting:
            name += of_whom.group()  # the span stays the head's: the body it backs keeps its own mention
        state = (
            [r for r in out if r.kind == "gaz" and start - 1 <= r.end < head_start and r.start >= start - 30]
            if mods and not placed
            else []
        )
        if state and gaz.entries[state[0].gaz].kind is ActorKind.STATE:
            # "U.S. defense officials", "Russian defence officials": the state's staff are named with it; the
            # state keeps its own mention
            name = re.sub(r"^[Tt]he\s+", "", text[min(start, state[0].start) : name_end])
        parts: tuple[str, ...] = ()
        if pair and name.endswith(text[head_end:name_end]):
            # "opposition parties and leading politicians": each of the pair is a name of the group too, as an
            # analyst may list either
            second = re.sub(r"^and\s+(?:other\s+)?", "", " ".join(pair.group().split()), flags=re.IGNORECASE)
            parts = (name[: len(name) - (name_end - head_end)].strip(), second)
        passing = not active or object_of or head in _PASSING_HEAD_WORDS
        group = _Raw(p, start, end, "group", name=name, passing=passing, parts=parts)
        out = [*(r for r in out if r not in over), group]
    return out


# A word shaped like an adjective ("regional", "Iranian", "far-right", "peaceful") or a noun that often
# describes a group ("defence contractors", "world leaders"); a verb before a group ("to deport migrants",
# "told congressional leaders", "summit left observers") is neither.
_DESCRIBING = re.compile(
    r"^(?:[A-Z][\w’'\-]*|[a-z]+-[\w\-]+|(?![a-z]+ment$)[a-z]+(?:al|ic|ive|ian|an|ern|ous|ary|ist|ful|ile|ant|ent|ar|ese|ish|ory))$"
)
_DESCRIBING_NOUNS = frozenset(
    words(
        "world security health industry resistance candidate business trade aid intelligence oil gas media tech "
        "technology investment defence defense energy state"
    )
)


# Words in "-ed" that describe a group rather than act on it: "exiled liberals", "established democracies"
# (not "angered separatists", "told leaders": a verb before its object)
_ED_MODIFIERS = frozenset(
    words(
        "exiled established affiliated elected unelected embattled beleaguered disgruntled displaced detained "
        "jailed imprisoned persecuted marginalised marginalized disaffected concerned organised organized"
    )
)
# modifiers of the group phrases not shaped like adjectives: "outside observers", "major banks", "frontline states"
_PHRASE_MODIFIERS = frozenset(
    words(
        "external outside major great global smaller larger frontline front-line coastal littoral island member "
        "coalition opposition local rebel hardline moderate donor partner middle poorer richer wealthy "
        "low-income middle-income high-income former prior fellow past"
    )
)


def _describes(word: str) -> bool:
    return (
        word in _DESCRIBING_NOUNS
        or word in ING_MODIFIERS
        or word.lower() in _ED_MODIFIERS
        or word.lower() in _PHRASE_MODIFIERS
        or _DESCRIBING.match(word) is not None
    )


# A person named only by a role and where they serve: "a former US ambassador", "Canada’s ambassador",
# "one senior GCC official" (a bare "an official said" names nobody one could quote; a spokesperson speaks
# for the body named, which keeps the position)
_UNNAMED_ROLE = re.compile(
    r"\b(?:[Aa]n?|[Oo]ne|[Tt]he|(?P<owner>[A-Z][\w.\-]*(?: [A-Z][\w.\-]*)?)[’']s)\s+"
    r"(?P<role>(?:(?:senior|former|top|high-ranking|retired|veteran|leading|outgoing|deputy)\s+){0,2}"
    r"(?:(?P<aff>[A-Z][\w.\-]*(?: [A-Z][\w.\-]*)?)\s+)?"
    r"(?:(?:defen[cs]e|military|foreign|trade|security|intelligence|government|administration|energy|health|"
    r"arms|control|nuclear|economic|economy|affairs|policy|climate|finance)\s+){0,3}"
    r"(?P<head>official|diplomat|ambassador|envoy|negotiator|adviser|advisor|expert|analyst|policymaker|"
    r"policy-maker|minister))\b"
    r"(?:\s+(?:to|in|at)\s+(?:the\s+)?[A-Z][\w.\-]*(?: [A-Z][\w.\-]*)?)?"
)


_PUT_IT = re.compile(r"\s+put\s+it\b")
_NAMED_AFTER = re.compile(r",?\s+[A-Z][\w’'\-]+\s+[A-Z]")


def _with_roles(p: int, text: str, raws: list[_Raw]) -> list[_Raw]:
    """`raws` with the people a role names who speak: "the Philippine ambassador to Washington said"."""
    out = raws
    for match in islice(_UNNAMED_ROLE.finditer(text), MAX_GROUP_PHRASES):
        serves = "owner" if match.group("owner") else "aff" if match.group("aff") else None
        if serves is None or (serves == "owner" and match.group("head") == "minister"):
            continue  # "Ecuador's foreign minister told reporters": the state speaks (not "the Dutch ... minister")
        # "One Chinese arms control expert claimed", "As one senior Vietnamese policymaker put it",
        # "repeatedly denied by the Dutch economic affairs minister"
        if not (
            _says_something(text, match.end(), _GROUP_VERBS)
            or _PUT_IT.match(text, match.end())
            or _CITED.search(_THE_AT_END.sub("", text[max(0, match.start() - 40) : match.start()] + " "))
        ):
            continue
        at, to = match.span(serves)
        if not any(r.start < to and at < r.end and r.kind in ("gaz", "org") for r in out):
            continue  # "a Ministry official": the state or body served must be one the text names
        head_start, head_end = match.span("head")
        if any(r.start < head_end and head_start < r.end for r in out):
            continue  # "Ambassador Grushko": a title the other finders have handled
        role = match.group("role")
        if _NAMED_AFTER.match(text, match.end()) or re.search(re.escape(role) + r",?\s+[A-Z][a-z]", text):
            continue  # "The US ambassador to Israel, Mike Huckabee, said": the role of a person named here
        name = f"{match.group('owner')}’s {role}" if match.group("owner") else role
        # the span is the role's own word: the state or body it serves keeps its mention ("Philippine")
        out = [*out, _Raw(p, head_start, head_end, "role", name=name)]
    return out


# Officials named by where they serve, who speak: "officials in the Federation welcomed the decisions",
# "Officials inside the region have told this author"
_STAFF_IN = re.compile(
    r"\b(?:[Oo]fficials|[Dd]iplomats|[Pp]oliticians|[Ll]eaders)\s+(?:in|inside|within|across)\s+"
    r"(?:the\s+)?(?P<place>region|[A-Z][\w’'\-]+)\b"
)


def _with_staff_in(p: int, text: str, raws: list[_Raw], gaz: Gazetteer) -> list[_Raw]:
    """`raws` with the officials a place names who speak; the officials of a state or body the text names
    ("officials in Kyiv", "diplomats in Brussels") are that state's or body's."""
    out = raws
    for match in islice(_STAFF_IN.finditer(text), MAX_GROUP_PHRASES):
        start, end = match.span()
        known = gaz.surfaces.get(surface_key(match.group("place")))
        if known and known[0] != PLACE:
            continue  # "officials in Kyiv": the state's
        if not (_says_something(text, end, _GROUP_VERBS) or _AUXILIARY.match(text, end)):
            continue
        if any(r.start < end and start < r.end and r.kind != "single" for r in out):
            continue
        if not _OPENS_AFTER_LINK.search(text[max(0, start - 14) : start]) and not _CLAUSE_SUBJECT.search(
            text[max(0, start - 30) : start]
        ):
            continue  # the subject of its clause
        name = match.group()
        out = [
            *(r for r in out if not (start <= r.start and r.end <= end)),
            _Raw(p, start, end, "group", name=name[0].lower() + name[1:]),
        ]
    return out


# The head of a body, unnamed, who speaks: "the head of Iran’s atomic energy agency has said", "Transnistria’s
# head of the Ministry of Internal Affairs said"
_HEAD_OF = re.compile(
    r"\b(?:head|chief|director|chairman|chairwoman|chair|commander)\s+of\s+(?:the\s+)?"
    r"(?:(?P<owner>[A-Z][\w.\-]*)[’']s\s+(?:(?!(?:and|or|the)\s)[a-z][a-z\-]*\s+){0,3}"
    r"(?:agency|ministry|service|authority|commission|council|committee|office|army|police|military)\b"
    r"|(?P<body>[A-Z]))"
)


def _with_heads(p: int, text: str, raws: list[_Raw], gaz: Gazetteer) -> list[_Raw]:
    """`raws` with the unnamed head of a body who speaks, as one actor: "the head of the Ministry of Internal
    Affairs said" (a named head, "the head of the agency, Lena Osk, said", is the person)."""
    out = raws
    for match in islice(_HEAD_OF.finditer(text), MAX_GROUP_PHRASES):
        start, end = match.span()
        if match.group("body"):
            if not text.startswith(tuple(ORG_LEADS), match.start("body")):
                continue  # "the head of the Ministry of ...", not "the head of NATO" (NATO speaks)
            body = [r for r in out if r.start == match.start("body") and r.kind in ("gaz", "org")]
            if not body:
                continue
            end = body[0].end
        elif not any(r.kind == "gaz" and r.end == match.end("owner") for r in out):
            continue
        if not _says_something(text, end, _GROUP_VERBS) or _NAMED_AFTER.match(text, end):
            continue
        inside = {id(r) for r in out if start <= r.start and r.end <= end}
        if any(r.start < end and start < r.end and id(r) not in inside for r in out):
            continue
        out = [*(r for r in out if id(r) not in inside), _Raw(p, start, end, "role", name=text[start:end])]
    return out


# A leader's office or spokesperson, unnamed: "the President’s Office will not solve it", "with the Prime
# Minister’s spokesperson insisting that ..."; an actor of its own, not the leader
_LEADERS_STAFF = re.compile(
    r"\b[Tt]he\s+(?P<name>(?P<leader>President|Prime Minister|PM|Premier|Chancellor|Foreign Secretary|Home Secretary|"
    r"Secretary-General|Secretary General|Supreme Leader|Crown Prince|King|Emir|Mayor|Governor)[’']s\s+"
    r"(?:(?P<office>Office|office)|(?:official\s+)?spokes(?:person|man|woman)|press secretary|chief of staff))\b"
)


def _with_leaders_staff(p: int, text: str, raws: list[_Raw]) -> list[_Raw]:
    """`raws` with a leader's office (an organisation) and a leader's spokesperson (a person) named by the
    leader's title; what the other finders saw inside the phrase (the title's "back" reference) gives way."""
    out = raws
    for match in islice(_LEADERS_STAFF.finditer(text), MAX_GROUP_PHRASES):
        start, end = match.span()
        if _NAMED_AFTER.match(text, end):
            continue  # "the President’s chief of staff, Lena Osk, said": the person named
        over = [r for r in out if r.start < end and start < r.end]
        if any(r.start < start or r.end > end for r in over):
            continue  # a longer name holds it: "the Office of the President's Office ..."
        name = match.group("name")
        if match.group("office"):
            name = name[: match.start("office") - match.start("name")] + "Office"
            raw = _Raw(p, start, end, "org", name=name)
        else:
            # titled by the role ("spokesperson"), so listed when named once, as a titled person is
            role = name[match.end("leader") - match.start("name") + 2 :].strip()
            raw = _Raw(p, start, end, "role", name=name, title=role)
        gone = {id(r) for r in over}  # by identity: comparing raws field by field costs a paragraph's length
        out = [*(r for r in out if id(r) not in gone), raw]
    return out


# A state's institutions and publics named by what they are, with "the": "the military has refused", "the
# judiciary ruled", "the prosecution's claim", "the public is furious", and public opinion ("Public opinion in
# Jordan is boiling"); an actor where it acts or speaks
_COLLECTIVE = re.compile(
    r"\b(?:(?P<opinion>[Pp]ublic opinion)(?P<where>\s+in\s+[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)?(?![\w\-])|"
    r"[Tt]he\s+(?P<name>(?:(?:political|ruling|security|military|intelligence|defen[cs]e|wider|general)\s+)?"
    r"(?P<head>military|judiciary|prosecution|presidency|executive branch|legislature|bureaucracy|civil service|"
    r"establishment|elite|elites|public|electorate|clergy|navy|air force|armed forces|coast guard|cabinet|courts|"
    r"security forces|security services|intelligence services|press|diaspora|business community))\b(?![\w\-]))"
)
_COLLECTIVE_BODIES = frozenset(
    [
        *words("military judiciary prosecution presidency legislature bureaucracy navy cabinet courts"),
        *("executive branch", "civil service", "air force", "armed forces", "coast guard"),
    ]
)
_WHICH = re.compile(r",?\s+(?:which|who)\b")  # "the air force, which believes it played a key role"
_OWN_STANCE = re.compile(r"[’']s\s+(\w+)")
_AS_BEFORE = re.compile(r"\b[Aa]s\s+$")
_VERB_IT = re.compile(r"\s+(?:\w+ly\s+)?[a-z]+\s+it\b")


def _with_collectives(p: int, text: str, raws: list[_Raw]) -> list[_Raw]:
    """`raws` with a state's institution or public named by a common noun ("the military") that acts, speaks
    or holds a stance of its own ("the prosecution's claim"), also in a relative clause ("the air force, which
    believes ..."), or is cited ("according to the military")."""
    out = raws
    for match in islice(_COLLECTIVE.finditer(text), MAX_GROUP_PHRASES):
        start, end = match.span()
        own = _OWN_STANCE.match(text, end)
        which = _WHICH.match(text, end)
        if which:
            end_of = which.end()
            if not (_acts(text, end_of, present=True) or _says_something(text, end_of, _GROUP_VERBS)):
                continue
        elif not (
            _acts(text, end, present=True)
            or _says_something(text, end, _GROUP_VERBS)
            or _does_now(text, end)
            or (own and own.group(1) in lexicon.STANCE_NOUNS)
            or _CITED.search(text[max(0, start - 40) : start] + " ")
        ):
            continue
        named_end = match.end("opinion") if match.group("opinion") else end  # "in Jordan" keeps its own name
        if any(r.start < named_end and start < r.end for r in out):
            continue
        if _AS_BEFORE.search(text, max(0, start - 4), start) and _VERB_IT.match(text, end):
            continue  # "ONSF, as the military quickly abbreviated it": an aside on a name, not its own act
        if match.group("opinion"):
            # "Public opinion in Jordan is boiling": where it is held, a name of it too
            name, parts = "public opinion", (match.group().strip(),) if match.group("where") else ()
            out = [*out, _Raw(p, start, named_end, "group", name=name, parts=parts)]
            continue
        name = match.group("name")
        kind = "org" if match.group("head") in _COLLECTIVE_BODIES else "group"
        out = [*out, _Raw(p, match.start("name"), end, kind, name=name)]
    return out


# A judge, unnamed, who acts: "a judge has temporarily halted any removals", "a federal judge ruled"
_A_JUDGE = re.compile(r"\b[Aa]\s+(?P<name>(?:(?:federal|district|senior|US|U\.S\.)\s+)?judge)\b(?![\w\-])")


def _with_judges(p: int, text: str, raws: list[_Raw]) -> list[_Raw]:
    """`raws` with an unnamed judge who acts or speaks ("a judge has halted ..."), a person titled by the role;
    "judge" alone is an alias of "a federal judge"."""
    out = raws
    for match in islice(_A_JUDGE.finditer(text), MAX_GROUP_PHRASES):
        start, end = match.span("name")
        if _NAMED_AFTER.match(text, end) or not (_acts(text, end, present=True) or _says_something(text, end)):
            continue  # "a judge, Lena Osk, ruled": the person named
        if any(r.start < end and start < r.end for r in out):
            continue
        name = match.group("name")
        parts = ("judge",) if name != "judge" else ()
        out = [*out, _Raw(p, start, end, "role", name=name, title="judge", parts=parts)]
    return out


# One of a group counted singly: "not a single world leader addressed the siege", "Every major tech company knows
# these risks"; the group ("world leader") is listed in passing
_EACH_OF_GROUP = re.compile(
    r"\b(?:[Nn]ot a single|[Ee]very|[Nn]o other|[Nn]o)\s+(?P<name>(?:(?!(?:one|other|single|longer|more|less|"
    r"doubt|matter)\b)[a-z][a-z\-]+\s+){1,2}"
    r"(?:leader|company|country|government|state|nation|official|diplomat|politician|party|firm|donor|lawmaker|"
    r"legislator|minister|ally|member state|negotiator|power))\b(?![\w\-])"
)


# A political camp named by what it is: "the presidential faction", "the reformist camp", "the hardline wing"
_CAMP_WORDS = frozenset(words("faction camp wing party"))  # "the reformist camp" is no "camp" alone
_CAMP = re.compile(r"\b[Tt]he\s+(?P<name>(?P<mod>[a-z][a-z\-]+)\s+(?:faction|camp|wing|party))\b(?![\w\-])")


def _with_camps(p: int, text: str, raws: list[_Raw]) -> list[_Raw]:
    """`raws` with the camps a text names by what they are ("the presidential faction in parliament"), listed
    in passing with no position; not where another finder took the words."""
    out = raws
    for match in islice(_CAMP.finditer(text), MAX_GROUP_PHRASES):
        mod = match.group("mod")
        if not (_describes(mod) and _describer(mod)) or mod in _NOT_GROUP_MODIFIERS:
            continue
        start, end = match.span("name")
        if any(r.start < end and start < r.end for r in out):
            continue
        out = [*out, _Raw(p, start, end, "group", name=match.group("name"), passing=True)]
    return out


def _with_each_of_group(p: int, text: str, raws: list[_Raw]) -> list[_Raw]:
    """`raws` with the group one of whom is counted singly ("not a single world leader"), described by the words
    before the noun, listed with no position; not where another finder took the words."""
    out = raws
    for match in islice(_EACH_OF_GROUP.finditer(text), MAX_GROUP_PHRASES):
        start, end = match.span("name")
        words_ = match.group("name").split()
        if not all(_describes(w) for w in words_[:-1]):
            continue
        if any(r.start < end and start < r.end for r in out):
            continue
        out = [*out, _Raw(p, start, end, "group", name=match.group("name"), passing=True)]
    return out


# A witness, unnamed, who speaks: "a resident from the Al-Oshara area of Khartoum told Ayin", "a local farmer said"
_A_WITNESS = re.compile(
    r"\b[Aa]n?\s+(?P<name>(?:(?:local|young|displaced|elderly|female|male)\s+)?(?:resident|witness|farmer|trader|"
    r"teacher|doctor|nurse|student|protester|refugee|worker|soldier|fighter|mother|father|shopkeeper|driver|"
    r"volunteer|survivor|villager))\b(?P<where>\s+(?:from|in|of|near)\s+[^,.;:“”\"]{1,60}?)?"
    r"(?=,?\s+(?:told|said|says|tells|added|explained|recalled|warned)\b)"
)


def _with_witnesses(p: int, text: str, raws: list[_Raw]) -> list[_Raw]:
    """`raws` with an unnamed witness who speaks ("a resident from the area told Ayin"), a person titled by what
    they are; where they are from is part of an alias ("resident from the Al-Oshara area of Khartoum")."""
    out = raws
    for match in islice(_A_WITNESS.finditer(text), MAX_GROUP_PHRASES):
        start, end = match.span("name")
        if any(r.start < end and start < r.end for r in out):
            continue
        name = match.group("name")
        parts = (text[start : match.end()].strip(),) if match.group("where") else ()
        out = [*out, _Raw(p, start, end, "role", name=name, title=name.split()[-1], parts=parts)]
    return out


# Two states named as one pair by a compound: "the Franco-German tandem", "the Sino-Russian axis"
_PAIR_OF_STATES = re.compile(
    r"\b[Tt]he\s+(?P<name>[A-Z][a-z]+-[A-Z][a-z]+\s+(?:tandem|axis|duo|engine|couple|motor|entente|partnership))\b"
)


def _with_pairs_of_states(p: int, text: str, raws: list[_Raw]) -> list[_Raw]:
    """`raws` with a pair of states named by a compound ("the Franco-German tandem") as a group of its own: the
    states' adjectives inside it give way."""
    out = raws
    for match in islice(_PAIR_OF_STATES.finditer(text), MAX_GROUP_PHRASES):
        start, end = match.span("name")
        over = [r for r in out if r.start < end and start < r.end]
        if any(r.kind not in ("gaz", "single") or r.start < start or r.end > end for r in over):
            continue
        active = _acts(text, end, present=True) or _says_something(text, end, _GROUP_VERBS)
        gone = {id(r) for r in over}
        out = [
            *(r for r in out if id(r) not in gone),
            _Raw(p, start, end, "group", name=match.group("name"), passing=not active),
        ]
    return out


# A person named by their kin, unnamed: "at the urging of Bolsonaro’s son", "his oldest son is visiting"
_KIN = re.compile(
    r"\b(?:(?P<owner>[A-Z][\w’'\-]+)[’']s|(?P<pronoun>[Hh]is|[Hh]er))\s+"
    r"(?P<kin>(?:(?:eldest|oldest|youngest|elder|younger)\s+)?(?:son|daughter|wife|husband|brother|sister|father|"
    r"mother|nephew|niece|son-in-law|daughter-in-law|widow|widower|predecessor|successor))\b(?![\w\-])"
)
_NAME_NEXT = re.compile(r",?\s+[“\"]?[A-Z]")
_SENTENCE_END_AT = re.compile(r"[.!?](?:\s|$)")


def _person_before(raws: list[_Raw], at: int, gaz: Gazetteer) -> list[_Raw]:
    """The person named last before `at` (as a list of one, or empty), whom "his" or "her" points to: a full
    name, or a surname alone of one named in full or of a leader ("Lena Osk ... Osk said ... his son"), not any
    capitalised word ("a Kurdish state. His father")."""
    people = [r for r in raws if r.kind == "person" and r.end <= at]
    surnames = {r.name.split()[-1] for r in people if r.name}
    named = [
        r
        for r in raws
        if r.end <= at
        and (r.kind == "person" or (r.kind == "single" and (r.name in surnames or r.name in gaz.leaders)))
    ]
    return [max(named, key=lambda r: r.end)] if named else []


# A person's own camp, named by a pronoun: "accusations from his opponents", "her supporters took to the streets"
_PERSONS_CAMP = re.compile(
    r"\b(?P<pronoun>[Hh]is|[Hh]er)\s+(?P<group>(?:(?:own|fellow|former|fiercest|harshest|staunchest|closest|many)\s+)?"
    r"(?:opponents|critics|supporters|allies|rivals|advocates|detractors|backers|loyalists|followers|colleagues|MPs|"
    r"lawmakers|enemies))\b"
)


def _with_persons_camp(p: int, text: str, raws: list[_Raw], gaz: Gazetteer) -> list[_Raw]:
    """`raws` with a person's opponents, critics or supporters named by "his" or "her" ("accusations from his
    opponents"), where they act, speak or are cited: named with the person named last before ("Osk’s
    opponents"), the text's own words an alias."""
    out = raws
    for match in islice(_PERSONS_CAMP.finditer(text), MAX_GROUP_PHRASES):
        start, end = match.span()
        if not (
            _acts(text, end, present=True)
            or _says_something(text, end, _GROUP_VERBS)
            or _CITED.search(text[max(0, start - 40) : start])
        ):
            continue
        over = [r for r in out if r.start < end and start < r.end]
        if any(r.kind != "group" or r.start < match.start("group") for r in over):
            continue  # a name the other finders have handled (not the bare "supporters" this one names better)
        owner = _person_before(out, start, gaz)
        if not owner:
            continue
        surname = (owner[0].name or text[owner[0].start : owner[0].end]).split()[-1]
        group = match.group("group")
        name = f"{surname}’s {group}"
        gone = {id(r) for r in over}
        out = [
            *(r for r in out if id(r) not in gone),
            _Raw(p, match.start("group"), end, "group", name=name, parts=(match.group(), group)),
        ]
    return out


def _with_kin(p: int, text: str, raws: list[_Raw], gaz: Gazetteer) -> list[_Raw]:
    """`raws` with a person named by their kin ("Bolsonaro’s son"), where the kin is a person the text names
    ("his oldest son": the person named last before, in the paragraph). The text's own words ("his oldest son")
    are an alias. Not where the kin's name follows ("his son, Lena Osk,"): the name is the person."""
    out = raws
    for match in islice(_KIN.finditer(text), MAX_GROUP_PHRASES):
        if _NAME_NEXT.match(text, match.end()):
            continue
        if match.group("owner"):
            owner = [r for r in out if r.kind in ("person", "single") and r.end == match.end("owner")]
        else:
            owner = _person_before(out, match.start(), gaz)
            if not owner:
                # "In contrast to his predecessor’s approach, President Lena Osk has ...": the person named next in
                # the sentence
                stop = _SENTENCE_END_AT.search(text, match.end())
                until = stop.start() if stop else len(text)
                owner = [r for r in out if r.kind == "person" and match.end() < r.start < until][:1]
        if not owner or any(r.start < match.end() and match.start() < r.end and r is not owner[0] for r in out):
            continue
        surname = (owner[0].name or text[owner[0].start : owner[0].end]).split()[-1]
        name = f"{surname}’s {match.group('kin')}"
        parts = (match.group(),) if match.group("pronoun") else ()
        # a predecessor or successor is listed, with no position: the text weighs their record more than it
        # quotes them
        office = match.group("kin").endswith(("predecessor", "successor"))
        kin = _Raw(p, match.start("kin"), match.end(), "kin", name=name, title=match.group("kin"), parts=parts)
        out = [*out, replace(kin, passing=office)]
    return out


# A body's agency named by what it does: "the UN’s migration agency warned", "the EU’s border agency"
_OWNED_AGENCY = re.compile(
    r"(?P<owner>[A-Z][\w.\-]*)[’']s\s+(?P<agency>(?:(?!(?:and|or|own|new|the)\s)[a-z][a-z\-]*\s+){1,3}"
    r"(?:agency|watchdog))\b"
)

# "the EU’s border agency Frontex", "the UN’s migration agency (IOM)": the agency's own name follows
_APPOSITIVE = re.compile(r",?\s+\(?[A-Z]")


def _with_agencies(p: int, text: str, raws: list[_Raw], gaz: Gazetteer) -> list[_Raw]:
    """`raws` with the agencies of a body named by its owner and function ("the UN’s refugee agency"); a state's
    agency ("Iran’s atomic energy agency") speaks for the state."""
    out = raws
    for match in islice(_OWNED_AGENCY.finditer(text), MAX_GROUP_PHRASES):
        start, end = match.span("agency")
        if _APPOSITIVE.match(text, end):
            continue  # "the EU’s border agency Frontex", "..., (IOM)": the agency's own name is given
        owner = [r for r in out if r.kind == "gaz" and r.end == match.end("owner") and not r.adjective]
        if not owner or gaz.entries[owner[0].gaz].kind is not ActorKind.ORGANISATION:
            continue
        if any(r.start < end and start < r.end for r in out):
            continue
        out = [*out, _Raw(p, start, end, "org", name=f"{match.group('owner')}’s {match.group('agency')}")]
    return out


# Bodies whose members are states: their leaders are the member states' leaders, not the body's staff
_STATE_CLUBS = frozenset(words("EU NATO ASEAN G7 G20 BRICS GCC AU OPEC SCO OSCE Quad"))


def _with_groups(p: int, text: str, raws: list[_Raw], gaz: Gazetteer) -> list[_Raw]:
    """`raws` (of paragraph `p`) with its group phrases added; names inside a group phrase give way to it.

    A phrase naming one state's people ("Russian officials", "US diplomats") is left to the
    state, and one the gazetteer knows as a whole ("Baltic states") to the gazetteer.
    """
    out = raws
    for match in islice(_group_phrases(text), MAX_GROUP_PHRASES):
        start, end = match.span()
        if match.group("own") == "leaders":
            owner = gaz.surfaces.get(surface_key(match.group("owner")))
            if owner and owner[0] != PLACE and gaz.entries[owner[0]].kind is ActorKind.STATE:
                continue  # "Iran’s leaders" are the state's (but "Europe’s political leaders" a group)
        if match.group("mods"):
            words = match.group("mods").split()
            hit = gaz.surfaces.get(surface_key(" ".join(words)))
            if hit and hit[0] != PLACE and gaz.entries[hit[0]].kind is ActorKind.STATE:
                continue  # "Russian officials", "UK allies" ... the state itself holds the view
            if (
                (hit and hit[0] != PLACE or words[0].isupper())
                and match.group("head") in _STATE_STAFF
                and len(words) == 1
                and not (words[0] in _STATE_CLUBS and match.group("head") == "leaders")
            ):
                continue  # "NATO officials", "ZRP legislators": the organisation speaks (but "EU leaders" are
                # the member states' leaders, a group of their own)
            if all(
                w[:1].isupper() and w not in _GROUP_WORDS_OK and not w.isupper() and w.lower() not in _GROUP_PLAIN
                for w in words
            ):
                continue  # "Defence Ministers", "Prime Ministers": capitalised, a title or a name
        head = match.group("head") or match.group("own")
        both = _MODIFIER_AND.search(text, max(0, start - 40), start) if match.group("mods") else None
        if both and not any(r.start < start and both.start() < r.end and r.kind != "single" for r in out):
            start = both.start()  # "Regional and global powers", "external and regional powers": one group
        demonym = [r for r in out if r.kind == "gaz" and r.adjective and 0 < start - r.end <= 1]
        if demonym and match.group("mods") and head not in _STATE_STAFF:
            start = demonym[0].start  # "all Kuwaiti political actors": the people of that state, not the state
        inside = [r for r in out if start <= r.start and r.end <= end]
        if any(r.start == start and r.end == end and r.kind == "gaz" for r in inside):
            continue  # the gazetteer knows the phrase as a whole
        held = {id(r) for r in inside}  # by identity: comparing raws field by field costs a paragraph's length
        if any(r.start < end and start < r.end and id(r) not in held for r in out):
            continue  # straddles another name
        name = text[start:end]
        if name.split()[0].lower() in _GROUP_PLAIN:
            name = name[0].lower() + name[1:]  # "External powers" opening a sentence
        first, _, rest = name.partition(" ")
        if first.lower() in ("other", "several") and len(rest.split()) >= 2 and rest.split()[0] != "other":
            name = rest  # "other NATO allies" are NATO allies
        state = [r for r in out if r.kind == "gaz" and 0 < start - r.end <= 1 and head in _STATE_STAFF]
        if state and match.group("mods") and gaz.entries[state[0].gaz].kind is ActorKind.STATE:
            # "U.S. defense officials": the state's staff, named with it
            name = re.sub(r"^[Tt]he\s+", "", text[state[0].start : end])
        out = [r for r in out if id(r) not in held]
        out.append(_Raw(p, start, end, "group", name=name))
    for match in chain(
        islice(_NATIONAL_BUSINESS.finditer(text), MAX_GROUP_PHRASES),
        islice(_NATIONAL_PEOPLE.finditer(text), MAX_GROUP_PHRASES),
    ):
        start, end = match.span()
        inside = [r for r in out if start <= r.start and r.end <= end]
        # "Bolivian voters", and a state's name used as a modifier: "the Pakistan judiciary"
        national = [r for r in inside if r.kind == "gaz" and r.start == start]
        if not national or gaz.entries[national[0].gaz].kind is not ActorKind.STATE:
            continue
        if any(r.start < end and start < r.end and r not in inside for r in out):
            continue
        out = [r for r in out if r not in inside]
        kind = "org" if match.group(2) in _STATE_BODIES else "group"
        out.append(_Raw(p, start, end, kind, name=match.group()))
        both = _ADJECTIVE_AND.search(text, max(0, start - 40), start)
        if both and kind == "group":
            # "European and American carmakers": the first adjective's group too, listed but holding no
            # position (the sentence's view is the pair's, not one side's)
            over = [r for r in out if r.start < both.end(1) and both.start(1) < r.end]
            known = all(
                (r.kind == "gaz" and r.adjective and gaz.entries[r.gaz].kind is not ActorKind.PERSON)
                or (r.kind == "single" and r.name in _GROUP_WORDS_OK)
                for r in over
            )
            if known and (over or both.group(1) in _GROUP_WORDS_OK):
                out = [r for r in out if r not in over]
                name = f"{both.group(1)} {match.group(2)}"
                out.append(_Raw(p, both.start(1), both.end(1), "group", name=name, passing=True))
    for match in islice(_PEOPLE_OF.finditer(text), MAX_GROUP_PHRASES):
        # "citizens of Kazakhstan voted ...": the state's people, not the state
        state = [
            r
            for r in out
            if r.kind == "gaz"
            and not r.adjective
            and r.start == match.start(1)
            and r.end == match.end()
            and gaz.entries[r.gaz].kind is ActorKind.STATE
        ]
        if state:
            out = [r for r in out if r is not state[0]]
            out.append(_Raw(p, match.start(), match.end(), "group", name=match.group()))
    for match in islice(_PEOPLE_COUNTED.finditer(text), MAX_GROUP_PHRASES):
        # "many Hungarians", "millions of Yemenis", "the overwhelming majority of Lebanese will ...": a state's
        # people counted, not the state
        state = [
            r
            for r in out
            if r.kind == "gaz"
            and (r.start, r.end) == match.span(1)
            and gaz.entries[r.gaz].kind is ActorKind.STATE
            and (not r.adjective or match.group(2))
        ]
        if state:
            out = [r for r in out if r is not state[0]]
            out.append(_Raw(p, match.start(), match.end(1), "group", name=match.group(1)))
    for match in islice(_MINORITY.finditer(text), MAX_GROUP_PHRASES):
        # "the Hungarian minority in Romania demanded ...": a people, not the state its adjective names
        start, end = match.span()
        inside = [r for r in out if start <= r.start and r.end <= end]
        ids = {id(r) for r in inside}
        if any(r.start < end and start < r.end and id(r) not in ids for r in out):
            continue
        if any(r.kind != "single" and not (r.kind == "gaz" and r.adjective) for r in inside):
            continue  # "the Labour Party minority": a name the other finders have handled
        out = [r for r in out if id(r) not in ids]
        out.append(_Raw(p, start, end, "group", name=match.group()))
    return out


def _with_nationals(p: int, text: str, raws: list[_Raw], gaz: Gazetteer) -> list[_Raw]:
    """`raws` with a state's people named by its adjective ("Malian nationals", "Iranian MPs") listed in passing,
    where no other finder has taken the phrase: the state keeps the mention and the view."""
    added = []
    for match in islice(_NATIONAL_LISTED.finditer(text), MAX_GROUP_PHRASES):
        start, end = match.span()
        over = [r for r in raws if r.start < end and start < r.end]
        if (
            len(over) == 1
            and over[0].kind == "gaz"
            and over[0].adjective
            and (over[0].start, over[0].end) == match.span(1)
            and gaz.entries[over[0].gaz].kind is ActorKind.STATE
        ):
            added.append(_Raw(p, start, end, "group", name=match.group(), passing=True))
    return sorted([*raws, *added], key=lambda r: r.start) if added else raws


# An ethnic or religious minority named by its people: "the Serb minority", "Russian-speaking minorities"
_MINORITY = re.compile(
    r"(?<![\w’'\-])(?!(?:The|A|An|This|That|Its|Their|Our|Every|Each)\s)[A-Z][a-z]+(?:[\s\-]speaking)?\s+"
    r"minorit(?:y|ies)\b(?!\s+(?:government|administration|cabinet|stake|shareholders?|partner|leader|report|"
    r"position|view|opinion|issue|question|problem|rights|areas?|regions?|municipalit(?:y|ies)|part(?:y|ies)|"
    r"language|status)\b)"
)
_PEOPLE_OF = re.compile(
    r"\b(?:[Cc]itizens|[Rr]esidents|[Vv]oters)\s+of\s+((?:the\s+)?[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)?)"
)


_PEOPLE_COUNTED = re.compile(
    r"\b(?:(?:[Tt]he\s+)?(?:(?:vast|overwhelming|great)\s+)?majority\s+of|[Mm]any|[Mm]ost|(?:[Mm]illions|[Tt]housands|"
    r"[Hh]undreds|[Tt]ens\s+of\s+thousands)\s+of|[Oo]rdinary)\s+([A-Z][\w’'\-]+)"
    # a demonym followed by a verb is no adjective: "most Lebanese will ..." (not "most Lebanese parties")
    r"(\s+(?:will|would|have|had|are|were|do|did|can|could|say|said|want|see|feel|believe|oppose|support)\b)?"
)


# Chambers the gazetteer knows by a bare word as the US ones ("Senate", "Congress")
_CHAMBERS = frozenset(words("Senate Congress House"))
# A state's legislature named by its demonym ("the Kyrgyz parliament") is a body of its own, as after its
# possessive (`_OWN_INSTITUTION`)
_STATE_BODIES = frozenset({"parliament", "legislature", "electoral commission", "election commission", "central bank"})


_GROUP_PLAIN = frozenset(
    words(
        "external regional foreign outside major great global neighbouring neighboring smaller larger frontline "
        "front-line coastal littoral island member coalition opposition religious tribal local rebel hardline "
        "moderate nationalist ethno-nationalist northern southern eastern western central allied donor partner "
        "vulnerable middle industrialised industrialized developing developed emerging poorer richer wealthy "
        "low-income middle-income high-income oil-producing telecom tech technology defence defense energy private "
        "state-owned other several previous successive political armed"
    )
)
_GROUP_WORDS_OK = frozenset(
    words(
        "European Western Arab African Asian Gulf Pacific Island Nordic Baltic Latin American Muslim Christian Sunni "
        "Shia Kurdish"
    )
)


def _scan(
    p: int, text: str, gaz: Gazetteer, definitions: dict[str, str], vocabulary: set[str], events: set[str]
) -> list[_Raw]:
    toks = [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]
    # Editorial brackets ("[Chinese President] Xi [Jinping]") are transparent inside names.
    toks = [t for t in toks if t[0] not in "[]"]
    out: list[_Raw] = []
    speaker = _SPEAKER.match(text)
    label = False  # "Economic Instability: ...": a run-in heading, named by an abstract noun
    if speaker and (re.search(r"[’']s\b", speaker.group(1)) or speaker.group(1).split()[-1] in _THING_ENDS):
        speaker = None  # "Editor’s Note: ...": a label, not somebody speaking
    elif speaker and (
        any(_ABSTRACT.search(w) and w not in gaz.given_names for w in speaker.group(1).split())
        or sum(w.lower() in vocabulary for w in speaker.group(1).split()) >= 2
    ):
        label = True  # "Economic Instability: ...", "Kurdish Gas Exports: ...": words the text also uses in lower case
    elif speaker and speaker.group(1).isupper() and surface_key(speaker.group(1).title()) in gaz.surfaces:
        label = True  # "NEW DELHI: Four weeks after ...": a dateline, the place the report was filed from
    i = 0
    heading = _RUN_IN_HEADING.match(text) if not speaker else None
    if heading and sum(w[:1].isupper() for w in heading.group(1).split()) >= 4:
        # "Western Mediation Can Increase Prospects for Kurdish Gas Exports: The United States ...": a run-in
        # heading in title case, whose capitalised words name nobody
        while i < len(toks) and toks[i][1] < heading.end():
            i += 1
    if label and speaker:
        while i < len(toks) and toks[i][1] < speaker.end():
            i += 1
    elif speaker:
        out.append(_Raw(p, 0, len(speaker.group(1)), "person", name=speaker.group(1), speaker=True))
        while i < len(toks) and toks[i][1] < speaker.end():
            i += 1
    n = len(toks)
    common_at = -1  # the last sentence-opening common word skipped ("Allowing" of "Allowing Lai to ...")
    while i < n:
        word, start, end = toks[i]
        if _BASED.match(word):
            i += 1  # "the US-based Center for ...": where a body is based is no part of its name
            continue
        pair = _SURNAME_PAIR.fullmatch(word) if i + 1 < n and toks[i + 1][0] in _MEETING_NOUNS else None
        if pair:
            # "the Osk-Brel meeting": the two people who met, each by surname (kept where the text names them in full)
            for g in (1, 2):
                out.append(_Raw(p, start + pair.start(g), start + pair.end(g), "single", name=pair.group(g)))
            i += 1
            continue
        if word[:3] in ("al-", "el-") and word[3:] in gaz.leaders and not (i and _is_name_token(toks[i - 1][0], gaz)):
            # "a deal between Hemedti and al-Burhan": a leader named by surname alone, with its article
            out.append(_Raw(p, start, end, "single", name=word[3:]))
            i += 1
            continue
        if word in _FUNCTION_WORDS and i + 1 < n and f"{word} {toks[i + 1][0]}" in gaz.leaders:
            # "To Lam": a leader whose name opens with a word that otherwise opens a sentence
            out.append(_Raw(p, start, toks[i + 1][2], "person", name=text[start : toks[i + 1][2]]))
            i += 2
            continue
        hit = _gazetteer_at(toks, i, gaz)
        if hit and hit[0] == 1 and word in gaz.given_names and _surname_next(toks, i, gaz):
            # "Santiago Peña", "Sofia Gatti": a city's name that is also a given name, right before a surname
            k = _name_end(toks, i + 1, gaz)
            out.append(_Raw(p, start, toks[k - 1][2], "person", name=_clean(text[start : toks[k - 1][2]])))
            i = k
            continue
        if (
            hit
            and word in ("the", "The")
            and hit[0] == 2
            and hit[1] != PLACE
            and i + 2 < n
            and toks[i + 1][0].isupper()
            and toks[i + 2][0] in _ROLE_TITLES
            and gaz.entries[hit[1]].kind is ActorKind.STATE
        ):
            # "the US president", "The UK premier": the titled person named before, as "the French president"
            out.append(_Raw(p, start, toks[i + 2][2], "back", title=_ROLE_TITLES[toks[i + 2][0]]))
            i += 3
            continue
        demonym = _gazetteer_at(toks, i + 1, gaz) if word in ("the", "The") and not hit else None
        after = toks[i + 1 + demonym[0]] if demonym and demonym[1] != PLACE and i + 1 + demonym[0] < n else None
        if after and after[0] == "leader" and not _LEADER_GOES_ON.match(text, after[2]):
            # "The Houthi leader also defended ...": the person the text introduced as a leader, if one was
            # (resolved with the names; else the group's or state's adjective, as before)
            named = text[toks[i + 1][1] : toks[i + demonym[0]][2]]
            out.append(
                _Raw(p, start, after[2], "back", title="leader", gaz=demonym[1], name=named, adjective=demonym[2])
            )
            i += 2 + demonym[0]
            continue
        if hit and word in ("the", "The"):
            inner = _gazetteer_at(toks, i + 1, gaz)
            if inner and inner[0] >= hit[0]:  # "the UN Security Council": the longer name wins
                i += 1
                continue
        inner = _gazetteer_at(toks, i + 1, gaz) if not hit and word in ("the", "The") else None
        if inner and not inner[2] and inner[1] != PLACE:
            i += 1  # "The North Atlantic Treaty Organization": the name the gazetteer knows starts next
            continue
        if hit and hit[1] == PLACE:
            run_end = _run(toks, i + hit[0], gaz)
            if run_end > i + hit[0] and toks[run_end - 1][0] in ORG_HEADS:
                # "High North News", "Red Sea Task Force": a body named after a place
                name = text[start : toks[run_end - 1][2]]
                out.append(_Raw(p, start, toks[run_end - 1][2], "org", name=name))
                i = run_end
                continue
            i += hit[0]
            continue
        if hit and definitions.get(word) == "":
            i += hit[0]  # "Country of Particular Concern (CPC)": here the abbreviation names a thing
            continue
        if hit and hit[0] == 1 and hit[1] != PLACE and _own_definition(definitions.get(word), hit[1], gaz):
            hit = None  # "the Islamic Emirate of Afghanistan (IEA)": the text defines it as a body of its own
        elif hit and hit[0] == 1 and definitions.get(word):
            defined = gaz.surfaces.get(surface_key(definitions[word]))
            if defined and defined[0] not in (PLACE, hit[1]):
                # "the Freedom and Direct Democracy party (SPD)": the Czech party the gazetteer also knows, not
                # the German SPD
                hit = (1, defined[0], False)
        if hit:
            length, index, adjective = hit
            entry = gaz.entries[index]
            surface = text[start : toks[i + length - 1][2]]
            prev = toks[i - 1][0] if i else ""
            if adjective and prev == "in" and text[toks[i + length - 1][2] : toks[i + length - 1][2] + 1] in ")]":
                i += length  # "(MAS in Spanish)": a language, not the state
                continue
            run_end = _run(toks, i + length, gaz)
            if surface in entry.places and run_end > i + length and toks[run_end - 1][0] in _CITY_THINGS:
                # "the Lisbon Summit adopted ...", "the Minsk Agreement": the city names a summit or a
                # document, which is no state (a summit that acts is an actor of its own)
                end_at = toks[run_end - 1][2]
                if toks[run_end - 1][0] in ("Summit", "Conference") and _acts(text, end_at):
                    out.append(_Raw(p, start, end_at, "org", name=text[start:end_at]))
                i = run_end
                continue
            named = _gazetteer_at(toks, i + length, gaz)  # "U.S. Congress": the body the gazetteer knows
            if (
                named
                and named[1] != PLACE
                and gaz.entries[named[1]].kind is ActorKind.ORGANISATION
                and (entry.kind is ActorKind.STATE or (entry.kind is ActorKind.GROUP and not adjective))
            ):
                # "the US State Department", "the opposition Labour Party": the body the gazetteer knows after
                # them is the actor; the state's or group's word only describes it
                word_after = toks[i + length][0]
                if (
                    named[0] == 1
                    and word_after in _CHAMBERS
                    and entry.kind is ActorKind.STATE
                    and entry.name != "United States"
                ):
                    # "the Cambodian Senate President": another state's chamber, not the US Senate
                    end_at = toks[i + length][2]
                    out.append(_Raw(p, start, end_at, "org", name=re.sub(r"^[Tt]he\s+", "", text[start:end_at])))
                    i += length + 1
                    continue
                i += length
                continue
            if (
                run_end > i + length
                and toks[run_end - 1][0] in ORG_HEADS
                and not _title_at(toks, i + length, gaz)
                and not (named and named[0] == run_end - i - length)
            ):
                # "Indian Air Force", "Russian Security Council": an organisation of its own; after a group
                # ("the opposition New Patriotic Party") the organisation is named without it
                begin = toks[i + length][1] if entry.kind is ActorKind.GROUP else start
                name = re.sub(r"^[Tt]he\s+", "", text[begin : toks[run_end - 1][2]])
                out.append(_Raw(p, begin, toks[run_end - 1][2], "org", name=name))
                i = run_end
                continue
            after = i + length
            owned_end = _run(toks, after + 2, gaz) if after + 2 < n and toks[after][0] in "’'" else after
            if (
                owned_end > after + 2
                and toks[after + 1][0] == "s"
                and toks[owned_end - 1][0] in _MILITARY_HEADS
                and entry.kind is ActorKind.STATE
                and not adjective
                and not _title_at(toks, after + 2, gaz)
            ):
                # "the UK’s Armed Forces": the state's own armed service, named "UK Armed Forces"
                owner = re.sub(r"^[Tt]he\s+", "", surface)
                name = f"{owner} {text[toks[after + 2][1] : toks[owned_end - 1][2]]}"
                out.append(_Raw(p, start, toks[owned_end - 1][2], "org", name=name))
                i = owned_end
                continue
            possessive = after + 1 < n and toks[after][0] in "’'" and toks[after + 1][0] == "s"
            owned = (
                _OWN_INSTITUTION.match(text, toks[after + 1][2])
                if possessive and entry.kind is ActorKind.STATE and not adjective
                else None
            )
            if owned:
                # "Russia’s Supreme Court", "Iraq’s parliament": a state's court, legislature or central bank
                # acts on its own account
                end_at = owned.end()
                name = re.sub(r"^[Tt]he\s+", "", text[start:end_at])
                out.append(_Raw(p, start, end_at, "org", name=name))
                while i < n and toks[i][1] < end_at:
                    i += 1
                continue
            seat = prev == "in" and i >= 2 and toks[i - 2][0].lower() in _SEAT_HOLDERS  # "the regime in Tehran"
            # "the rest of Europe" is a region; "the government of Moscow" is rare, so only a group's place takes "of"
            preps = PLACE_PREPOSITIONS | {"of"} if entry.kind is ActorKind.GROUP else PLACE_PREPOSITIONS
            # "due to Moscow’s war": an owner, and "due to" no place
            after_to = prev == "to" and i >= 2 and toks[i - 2][0].lower() in _NOT_PLACE_TO
            # "pressure from Moscow", "messages from Washington": what a capital sends is its state's
            sent = prev == "from" and _SENT_FROM.search(text, max(0, start - 50), start) is not None
            place = prev in preps and not possessive and not after_to and not sent
            if not (surface in entry.places and place) or seat:
                # "Kenyan President William Ruto": the state of a titled person is an actor of the text
                affiliation = bool(_title_at(toks, i + length, gaz))
                out.append(
                    _Raw(
                        p,
                        start,
                        toks[i + length - 1][2],
                        "gaz",
                        gaz=index,
                        adjective=adjective,
                        name=surface,
                        affiliation=affiliation,
                    )
                )
            i += length
            continue
        if word in definitions and not definitions[word]:
            i += 1  # "the Large Investment Incentive Regime (Rigi)": the abbreviation names a thing
            continue
        if word in definitions:
            known = gaz.surfaces.get(surface_key(definitions[word]))
            if known and known[0] != PLACE:  # "GD" of "the Georgian Dream party (GD)": the party the gazetteer knows
                out.append(_Raw(p, start, end, "gaz", gaz=known[0], name=word))
            else:
                out.append(_Raw(p, start, end, "org", name=definitions[word]))
            i += 1
            continue
        if word in events or (word in EVENT_LEADS and i + 1 < n and toks[i + 1][0][:1].isupper()):
            i = max(i + 1, _run(toks, i, gaz))  # an event's name ("Operation Sindoor"), not an actor
            continue
        role = _ROLE_AFTER.match(text, end) if word.isupper() else None
        said_at = role.end() if role else end  # "KMT legislators argue": the party's people speak for it
        verbs = lexicon.VERB_FORMS if role else _AGENT_VERBS
        if 2 <= len(word) <= 8 and word.isupper() and word.isalpha() and _says_something(text, said_at, verbs):
            out.append(_Raw(p, start, end, "org", name=word))  # "SARH has warned": an organisation's acronym
            i += 1
            continue
        if (
            word in ("a", "A", "the", "The")
            and i + 2 < n
            and toks[i + 1][0][:1].isupper()
            and toks[i + 1][0].lower() in _HEAD_ANAPHORS
            and toks[i + 2][0] in _SPOKESPEOPLE
        ):
            # "a Commission spokesperson said": the body named before with that word speaks
            out.append(_Raw(p, toks[i + 1][1], toks[i + 1][2], "anaphor", name=toks[i + 1][0].lower()))
            i += 2
            continue
        if word in ("the", "The") and i + 2 < n:
            # "the Ethiopian premier", "the French president": the titled person named before
            demonym = _gazetteer_at(toks, i + 1, gaz)
            role = _ROLE_TITLES.get(toks[i + 1 + demonym[0]][0].lower()) if demonym and i + 1 + demonym[0] < n else None
            if demonym and demonym[2] and gaz.entries[demonym[1]].kind is ActorKind.STATE and role:
                # the state, should the text title no one so: "the Norwegian president" of a text that names him not
                state = text[toks[i + 1][1] : toks[i + demonym[0]][2]]
                out.append(_Raw(p, start, toks[i + 1 + demonym[0]][2], "back", title=role, gaz=demonym[1], name=state))
                i += 2 + demonym[0]
                continue
        if word in ("the", "The") and i + 1 < n:
            nxt = toks[i + 1][0]
            back = _title_at(toks, i + 1, gaz)
            if back and _after_portfolio(toks, back[0], gaz) > back[0]:
                i += 1  # "the Minister for Industry Sarah Jones": a title and a name, read from the title on
                continue
            if back and back[1] in gaz.back_titles and not _starts_name(toks, back[0], gaz):
                out.append(_Raw(p, start, toks[back[0] - 1][2], "back", title=back[1]))
                i = back[0]
                continue
            if nxt == "former":
                j = i + 2
                while j < min(n, i + 5) and toks[j][0][:1].isupper() and toks[j][0] not in _FUNCTION_WORDS:
                    j += 1  # "the former British Conservative prime minister"
                back = _lower_back_title(toks, j, gaz)
                if back and not _starts_name(toks, back[0], gaz):
                    # a former office holder: the person named before, not the office's holder now (resolved with
                    # the names); the words between are read on as ever ("British")
                    out.append(_Raw(p, start, toks[back[0] - 1][2], "back", title="former", name=back[1]))
                    i += 2
                    continue
            back = _lower_back_title(toks, i + 1, gaz)
            if back and not _starts_name(toks, back[0], gaz):
                # "the president raised ...", "the prime minister's office": US house style writes a title
                # used alone in lower case; it points back to the person last named with it
                out.append(_Raw(p, start, toks[back[0] - 1][2], "back", title=back[1]))
                i = back[0]
                continue
            if nxt == "government" or (nxt == "Government" and (toks[i + 2][0] if i + 2 < n else "") != "of"):
                # "the Government" in British house style is the government too (not "the Government of Iraq")
                out.append(_Raw(p, start, toks[i + 1][2], "government"))
                i += 2
                continue
            if (
                nxt in _GOVERNMENT_KINDS
                and i + 2 < n
                and toks[i + 2][0] == "government"
                and (toks[i + 3][0] if i + 3 < n else "") != "of"
            ):
                # "the federal government made several commitments": the government all the same
                out.append(_Raw(p, start, toks[i + 2][2], "government"))
                i += 3
                continue
            after = toks[i + 2][0] if i + 2 < n else ""
            head_anaphor = nxt.lower() in _HEAD_ANAPHORS and (
                after in ("’", "'", ",")
                or after in ("has", "have", "had", "is", "was", "will", "would", "could", "can", "may", "must")
                or _acts(text, toks[i + 1][2])
            )  # "the party has ...", "the Commission said": not "the coalition partners"
            if (nxt.lower() in _ANAPHORS or head_anaphor) and after not in ("of", "in") and not after[:1].isupper():
                # "The alliance deployed ...", "the country has been implementing reforms": the actor of that
                # kind named last (resolved once every name is known)
                out.append(_Raw(p, start, toks[i + 1][2], "anaphor", name=nxt.lower()))
                i += 2
                continue
            if nxt.lower() in _ANAPHOR_ADJECTIVES and after.lower() in _ANAPHORS and i + 2 < n:
                beyond = toks[i + 3][0] if i + 3 < n else ""
                if beyond not in ("of", "in") and not beyond[:1].isupper():
                    # "The regional grouping claimed ...", "the military junta": an adjective may describe it
                    # (the adjective kept as the raw's title: a described one is a state or body, not "mediators")
                    out.append(_Raw(p, start, toks[i + 2][2], "anaphor", name=after.lower(), title=nxt.lower()))
                    i += 3
                    continue
        if not word[:1].isupper() and not (("-" in word or "\u2011" in word) and _TITLE_PREFIX.match(word)):
            i += 1
            continue
        # A title, then a name
        titles: list[str] = []
        j = i
        while True:
            found = _title_at(toks, j, gaz)
            if not found:
                break
            j, title = found
            titles.append(title)
        if titles:
            j = _after_portfolio(toks, j, gaz)
            k = _name_end(toks, j, gaz)
            peer = titles[-1] in _PEERAGE
            if k == j + 1 and len(toks[j][0]) == 1:
                k = j  # "Gen Z": a letter after a title abbreviation is no name
            if k > j and (toks[k - 1][0] in NOT_ORG_HEADS or toks[k - 1][0] in _THING_ENDS):
                k = j  # "General Elections", "General Assembly Resolution": a thing's name after a title's word
            if peer and k == j and j < n and toks[j][0][:1].isupper() and toks[j][0].isalpha():
                k = j + 1  # "Lord West": a peer's title name need not look like a surname
            if k == j and j + 1 < n and toks[j][0] in _SHORT_SURNAMES and toks[j + 1][1] == toks[j][2] + 1:
                # "Vice Premier He Lifeng", "Conference President Do Hung Viet": a surname, not the pronoun or verb
                k = _name_end(toks, j + 1, gaz)
                k = j if k == j + 1 or k > j + (2 if toks[j][0] == "He" else 3) else k
            if k > j:
                name = _clean(text[toks[j][1] : toks[k - 1][2]])
                if peer and k == j + 1:
                    name = f"{titles[-1]} {name}"
                out.append(_Raw(p, start, toks[k - 1][2], "person", name=name, title=titles[-1]))
                if peer and k + 1 < n and toks[k][0] == "of" and toks[k + 1][0][:1].isupper():
                    k += 2  # "of Spithead"
                while k < n and toks[k][0] in _POSTNOMINALS:
                    k += 1
                i = k
                continue
            if j + 1 < n and toks[j][0] in ("of", "for") and toks[j + 1][0][:1].isupper():
                portfolio_end = _run(toks, j + 1, gaz)
                if portfolio_end < n and toks[portfolio_end][0] == "," and not _gazetteer_at(toks, j + 1, gaz):
                    j = portfolio_end  # "the High Commissioner for Human Rights, Volker Türk": no name
            # "The UN Secretary-General, António Guterres, said": the name in apposition to the title
            if j + 2 < n and toks[j][0] == "," and toks[j][2] == toks[j + 1][1] - 1:
                k = _name_end(toks, j + 1, gaz)
                if k > j + 2 and k < n and toks[k][0] == ",":
                    name = _clean(text[toks[j + 1][1] : toks[k - 1][2]])
                    out.append(_Raw(p, toks[j + 1][1], toks[k - 1][2], "person", name=name, title=titles[-1]))
                    i = k
                    continue
            i = j
            continue
        run_end = _run(toks, i, gaz)
        if run_end > i + 1 and _defined_at(text, toks, i, run_end, definitions):
            paren = _ABBR_AT.match(text[toks[run_end - 1][2] :])
            abbr = paren.group(1)  # type: ignore[union-attr]
            e0 = toks[run_end - 1][2]
            s0 = e0 - len(definitions[abbr])
            known = gaz.surfaces.get(surface_key(definitions[abbr]))
            by_abbr = gaz.surfaces.get(surface_key(abbr))
            own = by_abbr and by_abbr[0] != PLACE and _own_definition(definitions[abbr], by_abbr[0], gaz)
            if not known and by_abbr and by_abbr[0] != PLACE and not own:
                known = by_abbr  # the body the gazetteer knows by the abbreviation, however the text spells it
            if known and known[0] != PLACE:
                # "the Association for Southeast Asian Nations (ASEAN)": the body the gazetteer knows by the
                # abbreviation, however the text spells its long name
                out.append(_Raw(p, s0, e0, "gaz", gaz=known[0], name=definitions[abbr]))
            else:
                out.append(_Raw(p, s0, e0, "org", name=definitions[abbr]))
            i = run_end
            if paren.group(0).count(" ") > 1:  # type: ignore[union-attr]
                while i < n and toks[i][1] < e0 + paren.end():  # type: ignore[union-attr]
                    i += 1  # "(MAS in Spanish)": the language names no actor
            continue
        first = i
        # Opening words that are no part of a name ("However", "During", "The"); words like "World" or "Senate"
        # start no personal name, but they do start bodies' names ("World Health Assembly")
        while first < run_end - 1 and (toks[first][0] in _FUNCTION_WORDS or toks[first][0] == "the"):
            first += 1
        if run_end - first < 2 and toks[run_end - 1][0] in ORG_HEADS:
            # "The Supreme Court": every word is one that alone starts no name, yet together they name a body
            start_at = i
            while start_at < run_end - 1 and (toks[start_at][0] in _ARTICLES or toks[start_at][0] in _CLAUSE_OPENERS):
                start_at += 1  # "After Congress stymied ...": the clause's first word is no part of the name
            if run_end - start_at >= 2:
                first = start_at
        if (
            first + 2 < run_end
            and toks[first + 1][0] == "the"
            and (first == 0 or toks[first - 1][0] in _SENTENCE_START)
        ):
            first += 2  # "Later the Air Force": an opening adverb is no part of the name
        run = [t[0] for t in toks[first:run_end]]
        whole = _head_of([t[0] for t in toks[i:run_end]])
        # "Institute of Geoeconomics", "Centre for Strategic Studies": a body's head, then what it is of or for
        # "the European Scientific Advisory Board on Climate Change": a body's head, then what it is on
        led = len(run) > 2 and any(
            w in _BODY_LEADS and run[k + 1] in ("of", "for", "on") for k, w in enumerate(run[:-2])
        )
        # "The 2025 AI Action Summit secured a declaration": a summit that acts is an actor of the text
        led = led or (bool(run) and run[-1] in ("Summit", "Conference") and _acts(text, toks[run_end - 1][2]))
        # "the Government of National Unity", "Government of National Accord": a government named for what it is,
        # not "the Government of Iraq", which is the state
        led = led or (
            len(run) > 2
            and run[0] == "Government"
            and run[1] == "of"
            and surface_key(" ".join(run[2:])) not in gaz.surfaces
        )
        if run_end > first + 1 and (run[-1] in ORG_HEADS or run[0] in ORG_LEADS or led) or whole:
            begin = i if whole else first
            while begin < run_end - 1 and (toks[begin][0] in _POSSESSIVES or toks[begin][0] in ("The", "A", "An")):
                begin += 1  # "Her National League of Democracy", "The Editorial Board of ...": no part of the name
            s0 = toks[begin][1]
            if led and out and out[-1].kind == "gaz" and out[-1].adjective and 0 < s0 - out[-1].end <= 1:
                s0 = out.pop().start  # "Norwegian Institute of International Affairs": the adjective names it
            out.append(_Raw(p, s0, toks[run_end - 1][2], "org", name=text[s0 : toks[run_end - 1][2]]))
            i = run_end
            continue
        # "a nursery chain, Kido, to ransom": the body's name in an apposition after what it is
        apposed = (
            i >= 2
            and toks[i - 1][0] == ","
            and toks[i - 2][0] in _BODY_NOUNS
            and run_end < n
            and toks[run_end][0] == ","
        )
        if (
            i
            and (apposed or (toks[i - 1][0] in _BODY_NOUNS and toks[i - 1][2] == start - 1))
            and run_end - i <= 3
            and word not in _FUNCTION_WORDS
            and word not in gaz.not_names
        ):
            # "the Dutch chip company Nexperia", "think tank Chatham House": a body named after what it is
            out.append(_Raw(p, start, toks[run_end - 1][2], "org", name=text[start : toks[run_end - 1][2]]))
            i = run_end
            continue
        if word in _PARTY_WORDS and i + 1 < n and toks[i + 1][0] in ("government", "administration"):
            # "the Labour government", "a Republican administration": the party in power acts
            out.append(_Raw(p, start, toks[i + 1][2], "collective", name=f"{word} {toks[i + 1][0]}"))
            i += 2
            continue
        if word in _PARTY_LABELS and i + 2 < n and toks[i + 1][1] == toks[i][2] + 1:
            after = _name_end(toks, i + 1, gaz)
            if after > i + 2 and toks[i + 1][0] in gaz.given_names and toks[after - 1][0][:1].isupper():
                # "Democrat Chuck Schumer", "Estonian Liberal Kaja Kallas": a party label before a full name is
                # no part of it, and says who the person is as a title does
                name = _clean(text[toks[i + 1][1] : toks[after - 1][2]])
                out.append(_Raw(p, toks[i + 1][1], toks[after - 1][2], "person", name=name, title=word))
                i = after
                continue
        if _common_word(word, i, toks, vocabulary, gaz.given_names):
            common_at = i
            i += 1
            continue
        k = _name_end(toks, i, gaz)
        if k > i + 1 and word.replace("’", "'") in _MOVEMENT_LEADS:
            # "Ansar al-Din", "Jaish al-Adl", "Frente Amplio": a movement's or party's name, not a person's, and
            # its own connectors go on with it ("Partido Optimista para o Desenvolvimento de Moçambique")
            while k + 1 < n and toks[k][0] in _ROMANCE_CONNECTORS:
                j = k
                while j < n and toks[j][0] in _ROMANCE_CONNECTORS:
                    j += 1
                if j == n or not toks[j][0][:1].isupper():
                    break
                k = max(_name_end(toks, j, gaz), _run(toks, j, gaz), j + 1)
            out.append(_Raw(p, start, toks[k - 1][2], "org", name=_clean(text[start : toks[k - 1][2]])))
            i = k
            continue
        if k > i + 1 and (toks[k - 1][0] in _THING_ENDS or toks[k - 1][0] in NOT_ORG_HEADS):
            i = k  # "Just Energy Transition Partnership", "Paris Agreement": a thing's name, not a person's
            continue
        if k > i + 1 and i and toks[i - 1][0] in ("the", "The") and toks[i - 1][2] == start - 1:
            end_at = toks[k - 1][2]
            if _OUTLET_SAYS.match(text, end_at) or _said_at_end(text, toks[i - 1][1], end_at):
                # "The Salzburger Nachrichten points out that ...", "..., writes the Frankfurter Allgemeine:":
                # a paper or a body that speaks, as a press review quotes them
                out.append(_Raw(p, start, end_at, "org", name=_clean(text[start:end_at])))
            i = k  # "aboard the Sierra Madre", "The Golden Dome will cost ...": a ship's or a project's name
            continue
        if k > i + 1 and k < n and toks[k][0] in _THING_NOUNS and toks[k][1] == toks[k - 1][2] + 1:
            i = k + 1  # "a Pacific Eyes agreement", "the Salt Typhoon revelations": the name of a thing
            continue
        suffixed = k > i + 2 and toks[k - 1][0] == "." and toks[k - 2][0] in _SUFFIXES  # "Marcos Jr."
        if k > i + 1 and (toks[k - 1][0][:1].isupper() or toks[k - 1][0][3:4].isupper() or suffixed):
            if (
                k == i + 3
                and word not in gaz.given_names
                and toks[i + 1][0] in gaz.given_names
                and (
                    word.endswith(("ist", "ian", "ite", "ic"))
                    or word.lower() in vocabulary
                    # "the former co-owner of Kystbank Tomas Brel": the body whose the person is, then the name
                    or (i and toks[i - 1][0] == "of")
                )
            ):
                # "Stalinist Siarhei Syrankou", "Loyalist Lena Osk": a word before a known given name says what
                # the person is (not "Seyed Abbas Araghchi"); the name starts at the given name
                i += 1
                word, start, end = toks[i]
            name = _clean(text[start : toks[k - 1][2]])
            if name not in events:
                out.append(_Raw(p, start, toks[k - 1][2], "person", name=name))
            i = k
            continue
        prev = toks[i - 1][0] if i else ""
        after_name = (
            prev[:1].isupper() and prev not in gaz.not_names and prev not in _FUNCTION_WORDS and common_at != i - 1
        )
        if k == i + 1 and word not in gaz.not_names and not word.isupper() and not after_name:
            follow = toks[i + 1][0] if i + 1 < n else ""
            # (not "the UN-recognised government of national unity", a government the gazetteer knows)
            if follow in COLLECTIVE_HEADS and not _known_body_at(toks, i + 1, gaz):
                head = "administration" if follow in ("team", "camp") else follow
                out.append(_Raw(p, start, toks[i + 1][2], "collective", name=f"{word} {head}"))
                i += 2
                continue
            if (
                follow in ("’", "'")
                and i + 3 < n
                and toks[i + 2][0] == "s"
                and toks[i + 3][0] in ("team", "camp", "administration")
                and word in gaz.leaders
            ):
                # "Trump’s team has repeatedly expressed ...": the leader's administration, as "the Trump team"
                out.append(_Raw(p, start, toks[i + 3][2], "collective", name=f"{word} administration"))
                i += 4
                continue
            stems = [word[:-cut] for cut in (2, 3) if len(word) - cut >= 3] if word.endswith("ans") else []
            if any("^" + stem in vocabulary or surface_key(stem) in gaz.surfaces for stem in stems):
                out.append(_Raw(p, start, end, "group", name=word))  # "Gazans", "Tigrayans": a place's people
            else:
                out.append(_Raw(p, start, end, "single", name=word))
        i += 1
    return _described_opposition(_state_roles([_leaders_team(r, text, gaz) for r in out], text, gaz), p, text, gaz)


# "The long-suffering opposition hopes ...", "the fragmented opposition is struggling": the opposition, described,
# as the subject of its verb (not "opposition to the plan", "the main opposition party")
_DESCRIBED_OPPOSITION = re.compile(
    r"\b[Tt]he\s+(?:[a-z][\w\-]*\s+){1,2}(opposition)\s+"
    r"(?=(?:is|are|was|were|has|have|had|will|would|could|can|must|may|might|remains?|hopes?|says?|said|"
    r"argues?|argued|wants?|wanted|insists?|insisted|accuses?|accused|rejects?|rejected|claims?|claimed|"
    r"fears?|feared|warns?|warned|demands?|demanded)\b)"
)


def _described_opposition(raws: list[_Raw], p: int, text: str, gaz: Gazetteer) -> list[_Raw]:
    hit = gaz.surfaces.get(surface_key("the opposition"))
    if hit is None or hit[0] == PLACE or "opposition" not in text:
        return raws
    added = []
    for m in _DESCRIBED_OPPOSITION.finditer(text):
        if not any(r.start < m.end(1) and m.start() < r.end for r in raws):
            added.append(_Raw(p, m.start(), m.end(1), "gaz", gaz=hit[0]))
    return sorted([*raws, *added], key=lambda r: r.start) if added else raws


_ROLE_AFTER_STATE = re.compile(r"[’']s\s+(president|premier|chancellor)\b(?!\s+[A-Z])")
_APPOSITION = re.compile(r",\s+")


def _state_roles(raws: list[_Raw], text: str, gaz: Gazetteer) -> list[_Raw]:
    """`raws` with "president" of "Tunisia’s president is rubbing ...": the person titled so named before, as
    "the Tunisian president" is (not "Poland's president Karol Nawrocki", a title before a name)."""
    out = []
    people = {r.start: r for r in raws if r.kind == "person"}
    for r in raws:
        out.append(r)
        if r.kind == "gaz" and not r.adjective and gaz.entries[r.gaz].kind is ActorKind.STATE:
            role = _ROLE_AFTER_STATE.match(text, r.end)
            if not role:
                continue
            named = _APPOSITION.match(text, role.end())
            person = people.get(named.end()) if named else None
            if person is not None:
                # "Tunisia’s president, Kais Saied, ...": the person so titled, whom "Tunisia’s president" or
                # "the president" later points back to
                person.title = person.title or _ROLE_TITLES[role.group(1)]
                continue
            out.append(_Raw(r.paragraph, role.start(1), role.end(1), "back", title=_ROLE_TITLES[role.group(1)]))
    return out


# a number that counts the members of a group named right after it: "nine European countries"
_COUNT_BEFORE = re.compile(
    r"(?<![\w’'])((?:(?:coalition|group|bloc)\s+of\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"\d{1,3}))\s+$"
)
# "a Kurdish state", "his mother is Kurdish": a people's adjective the gazetteer does not list, no one's name
_DEMONYM_ISH = re.compile(r"[A-Z][a-z]{2,}ish")
_TEAM_AFTER = re.compile(r"[’']s\s+(?:team|camp|administration)\b")


def _leaders_team(raw: _Raw, text: str, gaz: Gazetteer) -> _Raw:
    """ "Mr Trump’s administration", "President Trump’s team": the leader's administration, as "Trump’s team"
    is when no title comes first."""
    if raw.kind == "person" and raw.name.split()[-1] in gaz.leaders:
        after = _TEAM_AFTER.match(text, raw.end)
        if after:
            return _Raw(
                raw.paragraph, raw.start, after.end(), "collective", name=f"{raw.name.split()[-1]} administration"
            )
    return raw


def _head_of(run: list[str]) -> bool:
    """ "Constitutional Court of Serbia", "Central Bank of Argentina": a body's head, then "of" a place."""
    return "and" not in run and any(
        word in ORG_HEADS and run[h + 1] in ("of", "for") for h, word in enumerate(run[:-2], start=0) if h > 0
    )


def _gazetteer_at(toks, i: int, gaz: Gazetteer):  # type: ignore[no-untyped-def]
    if i >= len(toks):
        return None
    lengths = _lengths(gaz).get(toks[i][0])
    if lengths is None:
        return None
    for length in lengths:
        if length > len(toks) - i:
            continue
        key = tuple(t[0] for t in toks[i : i + length])
        if key[0] == "The":
            key = ("the", *key[1:])
        hit = gaz.surfaces.get(key)
        if hit:
            # "US" and "UK" also appear inside hyphenated words; the tokenizer keeps those whole.
            return length, hit[0], hit[1]
    return None


def _after_portfolio(toks, j: int, gaz: Gazetteer) -> int:  # type: ignore[no-untyped-def]
    """Where the name starts after a title's portfolio at `j`: "Minister for Industry Sarah Jones" and
    "Director of Strategic Initiatives Farwa Aamer" end on a two-word name; otherwise `j`."""
    if j + 1 >= len(toks) or toks[j][0] not in ("of", "for"):
        return j
    end = _run(toks, j + 1, gaz)
    if end - (j + 1) < 3 or not all(t[0][:1].isupper() for t in toks[j + 1 : end]):
        return j
    hit = _gazetteer_at(toks, j + 1, gaz)
    if hit and hit[1] != PLACE:
        return j  # "Prime Minister of India Narendra Modi": the state is an actor of its own
    return end - 2


def _title_at(toks, i: int, gaz: Gazetteer):  # type: ignore[no-untyped-def]
    """`(index after the title, title)` when a title starts at token `i` ("then-President" is one)."""
    if i >= len(toks):
        return None
    first = toks[i][0]
    if "-" in first or "\u2011" in first:
        first = _TITLE_PREFIX.sub("", first)  # "then-President", "President-elect"
    if first not in _title_words(gaz):
        return None
    for title, key in _title_keys(tuple(gaz.titles)):
        if (first, *(t[0] for t in toks[i + 1 : i + len(key)])) == key:
            return i + len(key), title
    return None


_LENGTHS: dict[int, dict[str, tuple[int, ...]]] = {}
_LOWER_BACK: dict[int, dict[tuple[str, ...], str]] = {}


def _lower_back_title(toks, i: int, gaz: Gazetteer) -> tuple[int, str] | None:  # type: ignore[no-untyped-def]
    """`(index after, title)` when a back-reference title written in lower case starts at token `i`
    ("president", "prime minister"), not followed by "of" ("the president of Kenya" names a new one)."""
    table = _LOWER_BACK.get(id(gaz))
    if table is None:
        # "the general public", "the speaker at the panel": words that are more often something else
        table = _LOWER_BACK[id(gaz)] = {
            tuple(t.lower().split()): t for t in gaz.back_titles if t not in ("General", "Speaker") and "-" not in t
        }
    for length in (2, 1):
        key = tuple(t[0] for t in toks[i : i + length])
        if len(key) == length and key[0].islower() and key in table:
            after = toks[i + length][0] if i + length < len(toks) else ""
            if after not in ("of", "for", "-", "–"):
                return i + length, table[key]
    return None


def _lengths(gaz: Gazetteer) -> dict[str, tuple[int, ...]]:
    """First token of a surface -> the lengths of the surfaces it starts, longest first ("The" as "the")."""
    table = _LENGTHS.get(id(gaz))
    if table is None:
        found: dict[str, set[int]] = {}
        for key in gaz.surfaces:
            found.setdefault(key[0], set()).add(len(key))
        found.setdefault("The", set()).update(found.get("the", set()))
        table = _LENGTHS[id(gaz)] = {w: tuple(sorted(n, reverse=True)) for w, n in found.items()}
    return table


@lru_cache(maxsize=4)
def _title_keys(titles: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((t, surface_key(t)) for t in titles)


_LOWER_WORD = re.compile(r"\b[a-z][a-z\-]+\b")
_CAPITALISED_MID = re.compile(r"(?<=[a-z,] )[A-Z][\w’'\-]+")
_ROLE_NOUNS = frozenset(
    words(
        "analysts experts officials observers critics reports sources diplomats donors mediators commentators "
        "humanitarian scholars researchers journalists activists sceptics proponents supporters polls surveys "
        "studies estimates figures statistics others mps meps"
    )
)
_SENTENCE_START = frozenset({".", "!", "?", ":", "“", '"', "‘", "(", "–", "—"})


# Words that open sentences and are also East Asian surnames, taken for a surname after a title
_SHORT_SURNAMES = frozenset(words("He Do To"))
_BASED = re.compile(r"[A-Z][\w.’']*-based$")
# Endings of gerunds and adverbs that open sentences; not "erly" ("Kimberly", "Beverly")
_OPENING_ENDS = ("ing", "ingly", "edly", "ally", "ously", "ively", "ately", "ntly", "ibly", "ably", "ssly", "ully")


def _common_word(word: str, i: int, toks, vocabulary: set[str], given: set[str]) -> bool:  # type: ignore[no-untyped-def]
    """A capitalised word at the start of a sentence that the text also uses in lower case (`given`: the
    known given names, "Kimberly", "Sterling")."""
    lower = word.lower()
    # "Increasingly", "Unsurprisingly"; but "Mohamed Hamdan" goes on with a name
    followed = i + 1 < len(toks) and toks[i + 1][0][:1].isupper() and toks[i + 1][1] - toks[i][2] == 1
    if re.fullmatch(r"[A-Z]{2,}s", word):
        return True  # "SDGs", "NDCs", "SMEs": plural abbreviations of things or groups, never a person
    if (lower.endswith(("ian", "ese")) and not followed) or lower in _ROLE_NOUNS:
        return True  # "Sahelian", "Analysts": adjectives and role nouns, not names ("Brian Mulroney" is one)
    at_start = i == 0 or toks[i - 1][0] in _SENTENCE_START
    if not at_start:
        return False
    if word in _FUNCTION_WORDS and followed:
        return True  # "Later Saied described ...": the adverb opens the sentence, the name follows
    # `vocabulary` holds the words the text writes in lower case, and with "^" those it capitalises
    # mid-sentence: "Saied" ends like "Increased" but is a name the text capitalises elsewhere
    if lower.endswith(_OPENING_ENDS) and len(lower) >= 7 and "^" + word not in vocabulary and word not in given:
        return True  # "Allowing Lai to ...", "Increasingly Modi ...": the gerund or adverb is no given name
    return lower in vocabulary or (
        lower.endswith(("ing", "ly", "ed", "ic")) and not followed and "^" + word not in vocabulary
    )


def _bracket_gap(end: int, start: int, toks) -> bool:  # type: ignore[no-untyped-def]
    return start - end <= 3


def _clean(name: str) -> str:
    name = _NICKNAME.sub("", name)  # the nickname is an alias: "Mohamed Hamdan Dagalo"
    return " ".join(name.replace("[", " ").replace("]", " ").split())


def _is_name_token(word: str, gaz: Gazetteer) -> bool:
    return (
        word[:1].isupper()
        and word not in gaz.not_names
        and not (word.isupper() and len(word) > 1)
        and (word.rstrip(".").isalpha() or "-" in word or "’" in word or "'" in word)
        and surface_key(word) not in gaz.surfaces
        and word not in _name_blockers(tuple(gaz.titles))
    )


@lru_cache(maxsize=4)
def _title_words_cached(titles: tuple[str, ...]) -> frozenset[str]:
    return frozenset(surface_key(t)[0] for t in titles)


def _title_words(gaz: Gazetteer) -> frozenset[str]:
    return _title_words_cached(tuple(gaz.titles))


# Titles that are also part of a name after a given name: "Hassan Sheikh Mohamud", "Sharif Sheikh Ahmed"
_NAME_PART_TITLES = frozenset({"Sheikh"})


@lru_cache(maxsize=4)
def _name_blockers(titles: tuple[str, ...]) -> frozenset[str]:
    """Title words that are no part of a name. A title known only abbreviated with a stop ("Sen.") is a
    title only with its stop: without one the word is a name ("Hun Sen", "Amartya Sen")."""
    blockers = frozenset(surface_key(t)[0] for t in titles if not (t.endswith(".") and t[:-1] not in titles))
    # a plural title lists people and is no part of the first one's name: "Presidents Donald Trump and Javier Milei"
    plurals = frozenset(t + "s" for t in titles if t.isalpha() and not t.endswith("s"))  # not "Field" Marshal
    return (blockers | plurals) - _NAME_PART_TITLES


def _starts_name(toks, i: int, gaz: Gazetteer) -> bool:  # type: ignore[no-untyped-def]
    return i < len(toks) and _is_name_token(toks[i][0], gaz)


def _name_end(toks, i: int, gaz: Gazetteer) -> int:  # type: ignore[no-untyped-def]
    """Index after a personal name starting at `i` (== `i` when there is none); at most four tokens."""
    j = i
    skipped = 0  # tokens of a quoted nickname, which do not count towards the four
    while j < len(toks) and j - i - skipped < 4:
        word = toks[j][0]
        if (
            j > i
            and _gazetteer_at(toks, j, gaz)
            and not _surname_like_place(toks, j, gaz)
            and not _particle_after(toks, j, gaz)
        ):
            break  # "Certain European counterparts": a known actor starts here (not "Abdel Fatah Al Burhan")
        nick = _nickname_at(toks, j) if j > i else 0
        if nick and toks[j + nick][0][:1].isupper():
            j += nick  # Mohamed Hamdan “Hemedti” Dagalo
            skipped += nick
            continue
        prefixed = j > i and word[:3].casefold() in ("al-", "el-") and word[3:4].isupper()  # "Khalil al-Hayya"
        particle = j > i and word.casefold().rstrip("-") in gaz.particles
        following = j + 1 < len(toks) and toks[j + 1][1] - toks[j][2] == 1 and _is_name_token(toks[j + 1][0], gaz)
        if _INITIALS.match(word) and following and word not in ("U.S.", "U.K.", "U.N.", "E.U."):
            j += 1  # "K.P. Sharma Oli"
            continue
        if (
            word == "."
            and j > i
            and (len(toks[j - 1][0]) == 1 or toks[j - 1][0] in _SUFFIXES)
            and toks[j][1] == toks[j - 1][2]
        ):
            if toks[j - 1][0] in _SUFFIXES:
                j += 1  # "Ferdinand Marcos Jr."
                break
            if following:
                j += 1  # "George W. Bush"
                continue
            break
        if j > i and _REGNAL.match(word) and toks[j][1] - toks[j - 1][2] == 1:
            j += 1  # a regnal number ends the name
            break
        month = j > i and _surname_like_month(toks, j, gaz)
        inner = j > i and word[:1].isupper() and _particle_after(toks, j, gaz)  # "Fatah" of "Abdel Fatah Al Burhan"
        if (
            _is_name_token(word, gaz)
            or prefixed
            or particle
            or month
            or inner
            or (j > i and _surname_like_place(toks, j, gaz))
        ):
            # Names continue only across single spaces (or editorial brackets: "Xi [Jinping]")
            if j > i and toks[j][1] - toks[j - 1][2] != 1 and not _bracket_gap(toks[j - 1][2], toks[j][1], toks):
                break
            j += 1
            # "Luiz Inácio Lula da Silva": "da" does not count towards the four, nor does an opening honorific
            # ("Sheikh Mohammed bin Abdulrahman bin Jassim Al-Thani")
            skipped += particle or (j == i + 1 and word.casefold() in _HONORIFICS)
            continue
        if (
            j > i
            and word + "." in gaz.titles
            and word in _name_blockers(tuple(gaz.titles))
            and toks[j][1] - toks[j - 1][2] == 1
            and not _starts_name(toks, j + 1, gaz)
            and not (j + 1 < len(toks) and toks[j + 1][0][:1].isupper())
        ):
            j += 1  # "Tang Gen from ...": a title's short form no name follows is the surname it looks like
        break
    while j > i and toks[j - 1][0].casefold().rstrip("-") in gaz.particles:
        j -= 1
    return j


def _particle_after(toks, j: int, gaz: Gazetteer) -> bool:  # type: ignore[no-untyped-def]
    """Token `j`, one word, is followed by a name's particle and the rest of the name: "Fatah" in "Abdel Fatah
    Al Burhan" is a given name there, not the movement."""
    if j + 2 >= len(toks) or toks[j + 1][1] - toks[j][2] != 1 or toks[j + 2][1] - toks[j + 1][2] != 1:
        return False
    return toks[j + 1][0].casefold() in gaz.particles and _is_name_token(toks[j + 2][0], gaz)


def _surname_next(toks, i: int, gaz: Gazetteer) -> bool:  # type: ignore[no-untyped-def]
    """A surname right after token `i`: a name token, one space on, that names no body, thing or event."""
    if i + 1 >= len(toks) or toks[i + 1][1] - toks[i][2] != 1:
        return False
    word = toks[i + 1][0]
    return (
        _is_name_token(word, gaz)
        and word not in ORG_HEADS
        and word not in NOT_ORG_HEADS
        and word not in _THING_ENDS
        and word not in _CITY_THINGS
        and word not in EVENT_LEADS
    )


def _surname_like_month(toks, j: int, gaz: Gazetteer) -> bool:  # type: ignore[no-untyped-def]
    """ "Theresa May": a month's name right after a given name, and no number or name after it, is a surname."""
    nxt = toks[j + 1][0] if j + 1 < len(toks) else ""
    return (
        toks[j][0] in lexicon.MONTHS
        and toks[j - 1][0] in gaz.given_names
        and toks[j][1] - toks[j - 1][2] == 1
        and not nxt[:1].isdigit()
        and not nxt[:1].isupper()
    )


def _surname_like_place(toks, j: int, gaz: Gazetteer) -> bool:  # type: ignore[no-untyped-def]
    """ "Ricardo Lagos": a place's one-word name right after a given name, and no name after it, is a surname."""
    hit = _gazetteer_at(toks, j, gaz)
    return (
        hit is not None
        and hit[0] == 1
        and hit[1] == PLACE
        and toks[j - 1][0] in gaz.given_names
        and toks[j][1] - toks[j - 1][2] == 1
        and not (j + 1 < len(toks) and toks[j + 1][0][:1].isupper())
    )


def _nickname_at(toks, j: int) -> int:  # type: ignore[no-untyped-def]
    """Tokens of a quoted nickname at `j` (“Hemedti”, three tokens) or 0."""
    quoted = j + 3 < len(toks) and toks[j][0] in '“"' and toks[j + 2][0] in '”"' and toks[j + 1][0][:1].isupper()
    tight = quoted and toks[j + 1][1] == toks[j][2] and toks[j + 2][1] == toks[j + 1][2]
    return 3 if tight and toks[j + 3][1] - toks[j + 2][2] == 1 else 0


_NICKNAME = re.compile(r"\s*[“\"]([A-Z][\w’'\-]+)[”\"]")


_DATE_WORDS = lexicon.MONTHS | lexicon.WEEKDAYS
# First words of the names of movements and armed groups in Arabic, Urdu and Pashto ("Ansar al-Din"), and of
# parties and fronts in Spanish, Portuguese, Italian and French ("Frente Amplio", "Parti Québécois")
_MOVEMENT_LEADS = frozenset(
    words(
        "Ansar Jaish Harakat Liwa Kataib Kata'ib Jabhat Hayat Hay'at Asa'ib Asaib Saraya Lashkar Tehrik Hizb Ahrar "
        "Frente Partido Partito Movimiento Movimento Mouvement Rassemblement Parti Unión União Alianza Aliança Fuerza"
    )
)
_ROMANCE_CONNECTORS = frozenset(
    words("de do da dos das del della di para pelo pela pelos por pour o a al au aux la le el los les y e et en em")
)
_PARTY_WORDS = frozenset(words("Labour Conservative Tory Republican Democratic Liberal Socialist Communist Green"))
_PARTY_LABELS = _PARTY_WORDS - {"Democratic"} | {"Democrat", "Centrist", "Populist", "Nationalist"}


MAX_RUN = 40


def _run(toks, i: int, gaz: Gazetteer) -> int:  # type: ignore[no-untyped-def]
    """Index after a run of capitalised words (with "of", "for", ... between them) from `i`.

    A run stops after `MAX_RUN` words: no name is longer, and a title-case line of thousands of words would
    otherwise be walked again from each of its words (the square of its length)."""
    j = i
    end = i
    stop = min(len(toks), i + MAX_RUN)
    while j < stop:
        word = toks[j][0]
        particle = j > i and word[:3].casefold() in ("al-", "el-") and word[3:4].isupper()  # "Jaish al-Nasr"
        if _BASED.match(word):
            break  # "The London-based Royal United Services Institute": where it is based ends the run
        if (word[:1].isupper() or particle) and word.replace("-", "").replace("’", "").replace(".", "").isalnum():
            if j > i and toks[j][1] - toks[j - 1][2] > 1:
                break
            j += 1
            end = j
        elif (
            word in CONNECTORS
            and j > i
            and j + 1 < len(toks)
            and toks[j + 1][0][:1].isupper()
            and toks[j + 1][0] not in _DATE_WORDS  # "High North News on May 16": a date follows the name
        ):
            if word == "and" and _known_body_at(toks, j + 1, gaz) and _ends_a_name(toks, i, j, gaz):
                break  # "the Council and European Council": two bodies, not one
            j += 1
        elif (
            word == "of"
            and i < j
            and j + 2 < stop
            and toks[j - 1][0] in _OF_THE_HEADS
            and toks[j + 1][0] == "the"
            and toks[j + 2][0][:1].isupper()
        ):
            j += 2  # "the Office of the President", "the Council of the Baltic Sea States"
        else:
            break
    return end


# A body's head that its name goes on from with "of the" (not "Government of the Netherlands", the state)
_OF_THE_HEADS = (ORG_LEADS | _BODY_LEADS | ORG_HEADS) - frozenset(words("Government Administration Cabinet Parliament"))


def _ends_a_name(toks, i: int, j: int, gaz: Gazetteer) -> bool:  # type: ignore[no-untyped-def]
    """The run `i:j` before an "and" is a name of its own: it ends on a body's head ("the Council") or the
    gazetteer knows it ("the United States"). "National Defence" is not: in "the National Defence and
    Security Council" the "and" is inside one name."""
    if toks[j - 1][0] in ORG_HEADS:
        return True
    hit = _gazetteer_at(toks, i, gaz)
    return hit is not None and hit[0] == j - i


def _known_body_at(toks, j: int, gaz: Gazetteer) -> bool:  # type: ignore[no-untyped-def]
    """A body the gazetteer knows by more than one word starts at token `j` ("European Council")."""
    hit = _gazetteer_at(toks, j, gaz)
    return hit is not None and hit[0] > 1 and hit[1] != PLACE and gaz.entries[hit[1]].kind is ActorKind.ORGANISATION


def _resolve(raws: list[_Raw], paragraphs: list[str], gaz: Gazetteer, author: str | None) -> ActorIndex:
    actors: dict[str, FoundActor] = {}
    mentions: list[list[Mention]] = [[] for _ in paragraphs]
    leaders: list[tuple[int, str]] = []  # (paragraph, person) for each person the text introduces as a leader
    people: dict[int, list[tuple[int, str]]] = {}  # per paragraph, (offset, person) of each person's mention

    def add(key: str, name: str, kind: ActorKind, raw: _Raw, surface: str) -> None:
        actor = actors.get(key)
        if actor is None:
            actor = actors[key] = FoundActor(key, name, kind, first=(raw.paragraph, raw.start))
        actor.surfaces[_clean(surface)] += 1
        for nick in _NICKNAME.findall(surface):
            actor.surfaces.setdefault(nick, 0)  # "Joko “Jokowi” Widodo": "Jokowi" is an alias, if never used alone
        actor.affiliated = actor.affiliated or raw.affiliation
        if kind is ActorKind.GROUP and not raw.adjective:
            text = paragraphs[raw.paragraph]
            counted = _COUNT_BEFORE.search(text, max(0, raw.start - 40), raw.start)
            if counted:
                # "nine European countries challenged ...", "a coalition of 79 member countries warned ...": the
                # group as the text counts it, an alias
                actor.surfaces.setdefault(_clean(counted.group(1) + " " + surface), 0)
        if raw.title:
            actor.titles.add(raw.title)
        if not raw.passing:  # a group named in passing holds no position, nor do pronouns point back to it
            mentions[raw.paragraph].append(Mention(raw.paragraph, raw.start, raw.end, key, raw.adjective))
            if kind is ActorKind.PERSON:
                people.setdefault(raw.paragraph, []).append((raw.start, key))
            if kind is ActorKind.PERSON and raw.kind != "back":
                text = paragraphs[raw.paragraph]
                if _LEADER_BEFORE.search(text, max(0, raw.start - 12), raw.start) or _LEADER_AFTER.match(text, raw.end):
                    leaders.append((raw.paragraph, key))

    # A name that begins a longer one is that person: "Hassan Sheikh" of "Hassan Sheikh Mohamud"
    names = sorted({raw.name for raw in raws if raw.kind == "person" and " " in raw.name})
    longer: dict[str, str] = {}
    for n in names:
        at = bisect.bisect_left(names, n + " ")  # a sorted list: the names it begins come right after it
        if at < len(names) and names[at].startswith(n + " "):
            longer[n] = names[at]
    for raw in raws:
        if raw.kind == "person" and raw.name in longer:
            raw.name = longer[raw.name]
    # People first: full names define the surnames that later mentions point back to.
    full: dict[str, str] = {}  # surname -> person key
    given: dict[str, str] = {}  # other parts of full names: "Xi" of "Xi Jinping"
    # surname -> (first given name, key) of each person of that surname: "Hillary Clinton" and "Bill Clinton"
    # are two people, "Vladimir Putin" and "Vladimir V. Putin" one
    namesakes: dict[str, list[tuple[str | None, str]]] = {}
    person_counts: Counter = Counter()
    for raw in raws:
        if raw.kind == "person":
            words = _name_words(raw.name)
            key = "person:" + raw.name
            if len(words) == 1 and (words[0] in full or words[0] in given):
                continue
            if len(words) > 1:
                first = _first_given(words, gaz)
                same = namesakes.setdefault(words[-1], [])
                if not any(_same_given(first, other) for other, _ in same):
                    same.append((first, key))
            person_counts[key] += 1
            if len(words) > 1 or raw.title:
                full.setdefault(words[-1], key)
                if words[-1][:1].islower():  # "al-Sharaa" opens a sentence as "Al-Sharaa"
                    full.setdefault(words[-1][:1].upper() + words[-1][1:], key)
                if words[-1][:3].casefold() in ("al-", "el-") and words[-1][3:4].isupper():
                    full.setdefault(words[-1][3:], key)  # "Mustafa al-Kadhimi" ... "Kadhimi’s government"
                for nick in _NICKNAME.findall(paragraphs[raw.paragraph][raw.start : raw.end]):
                    given.setdefault(nick, key)
                for word in words[:-1]:
                    if word.casefold() not in gaz.particles and len(word) > 1 and not word.endswith("."):
                        given.setdefault(word, key)
    for word, key in given.items():
        full.setdefault(word, key)

    def person_key(name: str) -> str:
        """The key of the person `name` names: a surname alone points to the first full name it ends; a full
        name to the first one of the same surname and a matching given name, or to itself."""
        words = _name_words(name)
        if len(words) == 1:
            return full.get(words[0], "person:" + name)
        if words[-1] not in namesakes:
            return full.get(words[-1], "person:" + name)
        first = _first_given(words, gaz)
        return next((key for other, key in namesakes[words[-1]] if _same_given(first, other)), "person:" + name)

    for raw in raws:
        if raw.kind == "single" and raw.name in full:
            person_counts[full[raw.name]] += 1
        elif raw.kind == "person" and _INITIALLED.match(raw.name):
            owner = full.get(raw.name.split()[-1])
            if owner not in (None, "person:" + raw.name):
                person_counts[owner] += 1  # "N. Dan" after "Nicușor Dan": named twice
    author_names = set()
    if author:
        for part in re.split(r",\s*|\s+and\s+|\s*&\s*", author):
            author_names.add(part.strip())
    keep_people = set()
    introduced_people = set()
    common = _CommonWords(paragraphs)
    for raw in raws:
        if raw.kind != "person":
            continue
        key = person_key(raw.name)
        text = paragraphs[raw.paragraph]
        if not raw.title and not raw.speaker and all(w in common for w in raw.name.split()):
            continue  # "Space Threats", "Diplomatic Relations": words the text also writes in lower case
        if raw.title or raw.speaker or person_counts[key] >= 2:
            keep_people.add(key)
            if raw.speaker and " " in raw.name:
                introduced_people.add(key)  # "Daniel Fried: Take the best deal ...": a contributor, named in full
        elif (
            _introduced(text, raw.start, raw.end)
            or _given_name(raw.name.split(), text[raw.end : raw.end + 40], gaz)
            or _SINITIC_NAME.fullmatch(raw.name)
        ):
            keep_people.add(key)
            introduced_people.add(key)
    _listed_with_people(raws, paragraphs, person_key, keep_people, introduced_people, _title_words(gaz))
    acting: Counter = Counter()
    for raw in raws:
        if raw.kind == "single" and (
            raw.name in common
            or raw.name in _THING_ENDS
            or raw.name in NOT_ORG_HEADS
            or _DEMONYM_ISH.fullmatch(raw.name)
        ):
            continue  # "Countries must ...", "Projections show ...": the text writes the word in lower case too;
            # "The Kiel Policy Brief proposes": the word that ends a thing's name is no one's name
        if raw.kind == "single" and raw.name not in full and raw.name in gaz.leaders:
            # "deter Putin", "Mnangagwa's term": a leader commentary names by surname alone
            key = "person:" + gaz.leaders[raw.name]
            full[raw.name] = key
            keep_people.add(key)
        elif (
            raw.kind == "single"
            and raw.name not in full
            and (
                _says_something(paragraphs[raw.paragraph], raw.end)
                or _said_at_end(paragraphs[raw.paragraph], raw.start, raw.end)  # "..., warns Politiken:"
            )
        ):
            key = "person:" + raw.name
            full[raw.name] = key
            keep_people.add(key)
        elif raw.kind == "single" and raw.name not in full and _acts(paragraphs[raw.paragraph], raw.end):
            acting[raw.name] += 1
    for name, count in acting.items():
        if count >= 2 and name not in full:
            # "Trump expelled the ambassador ... Trump cut off aid": a name that acts more than once is a person,
            # even where the text never gives the full name
            full[name] = "person:" + name
            keep_people.add("person:" + name)

    last_titled: dict[str, str] = {}
    last_president: str | None = None  # the US president named last, titled or not
    # where a state's possessive ends ("China’s "): paragraph and offset -> "China’s "
    state_ends = {
        (r.paragraph, r.end + len(own.group())): paragraphs[r.paragraph][r.start : r.end] + own.group()
        for r in raws
        if r.kind == "gaz" and gaz.entries[r.gaz].kind is ActorKind.STATE
        for own in [_POSSESSIVE_AT.match(paragraphs[r.paragraph], r.end)]
        if own
    }
    state_counts: Counter = Counter()
    explicit_governments: Counter = Counter()
    for raw in raws:
        text = paragraphs[raw.paragraph]
        surface = text[raw.start : raw.end]
        if raw.kind == "gaz":
            entry = gaz.entries[raw.gaz]
            key = f"gaz:{entry.name}"
            owner = state_ends.get((raw.paragraph, raw.start))
            if owner and entry.kind is ActorKind.ORGANISATION and _MINISTRY.fullmatch(entry.name):
                # "Russia’s Ministry of Defence" is not the British one the gazetteer names so
                add("org:" + owner + entry.name, owner + entry.name, ActorKind.ORGANISATION, raw, surface)
                continue
            seat = _SEAT_AFTER.match(text, raw.end) if entry.kind is ActorKind.STATE else None
            also = None
            if seat and seat.group()[:1] in "’'" and not raw.adjective:
                also = surface + seat.group()  # "Syria’s interim government", "Pakistan’s military leadership"
            elif seat and seat.group()[:1] in "’'":
                seat = None
            elif seat and (raw.adjective or surface[:4] in ("the ", "The ")):
                # "the British government", "Russian officials": an alias of their own, as analysts list them
                surface = re.sub(r"^[Tt]he\s+", "", surface) + seat.group()
            elif seat and surface.replace(".", "").isupper():
                also = surface + seat.group()  # "US government sponsorship": "US" and "US government" both
            add(key, entry.name, entry.kind, raw, surface)
            if also:
                actors[key].surfaces.setdefault(_clean(also), 0)
            if seat and text[raw.start : raw.start + 4] not in ("the ", "The "):
                # "prior US ambassadors", "senior Icelandic officials": the state's staff with what describes them
                actors[key].described.update(_described_longer(text, raw.start, seat.end()))
            paired = _ADJECTIVE_AND.search(text, max(0, raw.start - 30), raw.start) if seat and raw.adjective else None
            first = gaz.surfaces.get((paired.group(1),)) if paired else None
            if paired and first and first[0] != PLACE and first[1] and f"gaz:{gaz.entries[first[0]].name}" in actors:
                # "senior American and Chinese officials": the two states' staff named as one, a name of each
                both = [_clean(text[paired.start(1) : seat.end()])]
                both += _described_longer(text, paired.start(1), seat.end())
                actors[key].described.update(both)
                actors[f"gaz:{gaz.entries[first[0]].name}"].described.update(both)
            if entry.kind is ActorKind.GROUP:
                actors[key].described.update(_described_longer(text, raw.start, raw.end))
            firms = _FIRMS_AFTER.match(text, raw.end) if entry.kind is ActorKind.GROUP else None
            if firms:  # "Big Tech companies": the group's firms, a name of it too
                actors[key].surfaces.setdefault(_clean(re.sub(r"^[Tt]he\s+", "", surface) + firms.group()), 0)
            if entry.kind is ActorKind.STATE:
                state_counts[key] += 0 if raw.adjective else 1
                if text[raw.end : raw.end + 11] == " government" or text[raw.end : raw.end + 13] == "’s government":
                    explicit_governments[key] += 1
        elif raw.kind == "group" and author and raw.name.casefold() == author.strip().casefold():
            # "In this Q&A, Crisis Group experts explain": the byline itself
            actors.setdefault("author", FoundActor("author", author.strip(), ActorKind.AUTHOR, first=(-1, 0)))
            add("author", author.strip(), ActorKind.AUTHOR, raw, surface)
        elif raw.kind == "group":
            words = raw.name.split()
            key = "group:" + " ".join(words).casefold().replace("neighbors", "neighbours")
            # a group named in passing by a word of a pair ("European" of "European and American carmakers")
            said = raw.name if raw.passing else surface
            add(key, actors[key].name if key in actors else " ".join(words), ActorKind.GROUP, raw, said)
            for part in raw.parts:
                actors[key].surfaces.setdefault(part, 0)
            actors[key].described.update(_described_longer(text, raw.start, raw.end))
            named = actors[key].name.split()
            if not (_PLACED_WORDS & set(named)):
                # "prominent Chadema activists" is "Chadema activists" and "activists" too, as an analyst may list it
                # (not "and Western analysts" of "Russian and Western analysts")
                actors[key].described.update(
                    " ".join(named[k:])
                    for k in range(1, len(named))
                    if named[k] not in _SMALL_WORDS and (k < len(named) - 1 or named[-1] not in _CAMP_WORDS)
                )
            whose = _WHOSE_GROUP.match(text, raw.end)
            going_on = _NEXT_WORD.match(text, whose.end()) if whose else None
            if going_on and going_on.group().split()[0] not in _NOT_GROUP_MODIFIERS | _PAST_ON:
                whose = None  # "members of the European diplomatic delegation": the phrase goes on
            if whose:
                # "the families of the hostages", "countries of the former Warsaw Pact": whose the group is
                actors[key].described.add(_clean(re.sub(r"^[Tt]he\s+", "", text[raw.start : whose.end()])))
            gathered = _GATHERED.search(text, max(0, raw.start - 40), raw.start)
            if gathered:
                # "A coalition of 79 ICC member countries warned": the coalition is a name of the group too
                actors[key].surfaces.setdefault(text[gathered.start("what") : raw.end], 0)
        elif raw.kind == "role" or (raw.kind == "kin" and raw.name.split("’s")[0] in full):
            # a kin of someone who is no person the text names ("his mother is Kurdish") is no one
            add("role:" + raw.name.casefold(), raw.name, ActorKind.PERSON, raw, raw.name)
            for part in raw.parts:
                actors["role:" + raw.name.casefold()].surfaces.setdefault(part, 0)
        elif raw.kind == "org" or raw.kind == "collective":
            name = raw.name
            owner = state_ends.get((raw.paragraph, raw.start))
            if owner and _MINISTRY.fullmatch(name):
                # "China’s Foreign Ministry", "India’s Ministry of External Affairs": a state's ministry is named
                # with its state, and is not another state's ministry of the same name
                name = owner + name
            add("org:" + name, name, ActorKind.ORGANISATION, raw, surface)
            head, _, rest = name.partition(" ")
            if rest in ("administration", "government", "regime", "cabinet") and head in gaz.leaders:
                # "the Trump administration": the leader it is named after is an actor of the text, listed even
                # where never named alone (no mention of his own, so no position is suggested for him)
                leader = "person:" + gaz.leaders[head]
                first = (raw.paragraph, raw.start)
                actors.setdefault(leader, FoundActor(leader, gaz.leaders[head], ActorKind.PERSON, first=first))
        elif raw.kind in ("person", "single"):
            words = _name_words(raw.name)
            key = full.get(words[-1], "person:" + raw.name) if raw.kind == "single" or len(words) == 1 else None
            if key is None:
                key = "person:" + raw.name
                if key not in keep_people:
                    key = person_key(raw.name)
            if key not in keep_people:
                continue
            name = key.split(":", 1)[1]
            # "..., Tarek Megerisi writes": the byline's only author, named in the text (in an interview
            # between the authors each speaks for themself)
            if name in author_names and author and len(author_names) == 1 and not raw.speaker:
                actors.setdefault("author", FoundActor("author", author.strip(), ActorKind.AUTHOR, first=(-1, 0)))
                add("author", author.strip(), ActorKind.AUTHOR, raw, surface)
                continue
            add(key, name, ActorKind.PERSON, raw, surface)
            if raw.title:
                last_titled[raw.title] = key
            if name.split()[-1] in _US_PRESIDENTS:
                last_president = key
        elif raw.kind == "back" and raw.title == "former":
            # "... the downfall of Rishi Sunak. To avoid a debacle, the former British Conservative prime minister
            # latched on to ...": the one person named before it in the paragraph, if titled no other way
            before = {k for at, k in people.get(raw.paragraph, [])[-16:] if at < raw.start}
            if len(before) == 1:
                key = before.pop()
                if not actors[key].titles - {raw.name}:
                    add(key, actors[key].name, ActorKind.PERSON, raw, surface)
        elif raw.kind == "back" and raw.title == "leader":
            # "the group’s leader, Abdulmalek Al-Houthi ... The Houthi leader also defended": the one person
            # introduced as a leader in this paragraph or the one before
            near = {k for q, k in reversed(leaders[-8:]) if q >= raw.paragraph - 1}
            if len(near) == 1:
                key = near.pop()
                add(key, actors[key].name, ActorKind.PERSON, raw, surface)
            else:
                entry = gaz.entries[raw.gaz]
                at = text.index(raw.name, raw.start)
                named = replace(raw, start=at, end=at + len(raw.name), kind="gaz", title="")
                add(f"gaz:{entry.name}", entry.name, entry.kind, named, raw.name)
        elif raw.kind == "back":
            key = last_titled.get(raw.title)
            if (
                key is None
                and raw.title == "President"
                and not _ANY_PRESIDENT.match(text, raw.end)
                and not _BE_BEFORE.search(text, max(0, raw.start - 12), raw.start)
            ):
                # "Donald Trump ... the president did sign an order": a US president the text names without his
                # title is the president it speaks of, where it titles no one else so (not the office: "the
                # president may invoke Section 122", "to be the president who ...")
                key = last_president
            if key:
                add(key, actors[key].name, ActorKind.PERSON, raw, surface)
            elif raw.gaz >= 0:
                # "The Norwegian president said no", its holder never named: the office is a person of its own, and
                # the state keeps its adjective's mention
                entry = gaz.entries[raw.gaz]
                at = text.index(raw.name, raw.start)
                state = replace(raw, start=at, end=at + len(raw.name), kind="gaz", adjective=True)
                add(f"gaz:{entry.name}", entry.name, entry.kind, state, raw.name)
                role = f"{raw.name} {text[at + len(raw.name) : raw.end].strip()}"
                office = replace(raw, start=at + len(raw.name) + 1, kind="role", passing=True)
                add("role:" + role.casefold(), role, ActorKind.PERSON, office, role)
    for key in introduced_people:
        if key in actors:
            actors[key].introduced = True
    # "the alliance", "the country": the last actor of that kind named (not as an adjective) in this
    # paragraph or the one before
    presidents: list[tuple[int, int, str]] | None = None
    armies: list[tuple[tuple[int, int], str]] | None = None
    for raw in raws:
        if raw.kind != "anaphor":
            continue
        before = [
            m
            for q in (raw.paragraph - 1, raw.paragraph)
            if q >= 0
            for m in sorted(mentions[q], key=lambda m: m.start)
            if (q < raw.paragraph or m.end <= raw.start) and not m.adjective and m.key in actors
        ]
        if raw.name in _ANAPHORS:
            kinds = tuple(k for k in _ANAPHORS[raw.name] if not (raw.title and k is ActorKind.GROUP))
            pointed = [m.key for m in before if actors[m.key].kind in kinds]
        else:
            heads = _HEAD_SYNONYMS.get(raw.name, (raw.name,))
            pointed = [
                m.key
                for m in before
                if actors[m.key].kind is ActorKind.ORGANISATION
                and any(h in actors[m.key].name.lower().split() for h in heads)
            ]
        if not pointed and raw.name == "administration":
            # "Donald Trump ... In the months that followed, the administration cut ...": the administration of
            # the US president named last, where the text names no administration itself
            if presidents is None:  # where each US president is named, in text order (found once, not per raw)
                presidents = sorted(
                    (q, m.end, m.key)
                    for q, ms in enumerate(mentions)
                    for m in ms
                    if actors[m.key].kind is ActorKind.PERSON and actors[m.key].name.split()[-1] in _US_PRESIDENTS
                )
            at = bisect.bisect_right(presidents, (raw.paragraph, raw.start, "\uffff"))
            if at:
                name = actors[presidents[at - 1][2]].name.split()[-1] + " administration"
                text = paragraphs[raw.paragraph]
                add("org:" + name, name, ActorKind.ORGANISATION, raw, text[raw.start : raw.end])
        if not pointed and raw.name == "army":
            # "the army is under pressure to attend talks": an army named before anywhere, else an actor of its
            # own, as "the government" of a text that names none is
            if armies is None:  # the armies the text names, in order of their first mention (found once)
                armies = sorted(
                    (a.first, a.key)
                    for a in actors.values()
                    if a.kind is ActorKind.ORGANISATION
                    and any(h in a.name.lower().split() for h in _HEAD_SYNONYMS["army"])
                )
            at = bisect.bisect_left(armies, ((raw.paragraph, raw.start), ""))
            if at:
                pointed = [armies[at - 1][1]]
            else:
                add("org:the army", "the army", ActorKind.ORGANISATION, raw, "the army")
        if pointed:
            text = paragraphs[raw.paragraph]
            add(pointed[-1], actors[pointed[-1]].name, actors[pointed[-1]].kind, raw, text[raw.start : raw.end])
    # "the government": the state whose government the text names, else the state named most.
    govs = [r for r in raws if r.kind == "government"]
    if govs:
        pick = explicit_governments.most_common(1) or state_counts.most_common(1)
        # "the UK Government ... the Government": the body the text names as a government
        named = [k for k, a in actors.items() if a.kind is ActorKind.ORGANISATION and a.name.endswith(" Government")]
        if len(named) == 1:
            pick = [(named[0], 1)]
        if not pick:
            # a text that names no state: "the government" is an actor of its own, as the text's readers know
            # which ("On June 18, the government dismissed Mustafa Nayyem")
            actors.setdefault(
                "org:the government",
                FoundActor(
                    "org:the government",
                    "the government",
                    ActorKind.ORGANISATION,
                    first=(govs[0].paragraph, govs[0].start),
                ),
            )
            pick = [("org:the government", 1)]
        if pick:
            key = pick[0][0]
            for raw in govs:
                surface = paragraphs[raw.paragraph][raw.start : raw.end]
                add(key, actors[key].name, actors[key].kind, raw, surface)
    # The author holds the article's own judgements, bylined or not ("The author" when unnamed).
    author_key = "author"
    if author_key not in actors:
        actors[author_key] = FoundActor(
            author_key, (author or "").strip() or UNNAMED_AUTHOR, ActorKind.AUTHOR, first=(-1, 0)
        )
    for ms in mentions:
        ms.sort(key=lambda m: m.start)
    for p, ms in enumerate(mentions):
        mentions[p] = [m for m in ms if m.key in actors]
    _state_qualified(actors, mentions, paragraphs, gaz)
    _named_as_pairs(actors, mentions, paragraphs)
    _envoys(actors, mentions, paragraphs)
    return ActorIndex(actors, mentions, author_key)


# "special envoy Steve Witkoff", "Envoy Lena Osk", "Lena Osk, the special envoy": a person the text titles envoy
_ENVOY_BEFORE = re.compile(r"\b[Ee]nvoy\s+$")
_ENVOY_AFTER = re.compile(r",\s+(?:the|a|an)\s+(?:[\w’'\-]+\s+){0,3}envoy\b")
# "The president’s Middle East envoy has repudiated ...", "Trump’s envoy": someone's envoy, no name after
_SOMEONES_ENVOY = re.compile(
    r"\b(?:[Tt]he\s+president|[A-Z][\w\-]+)[’']s\s+(?:[A-Z][\w\-]+\s+){0,2}envoy\b(?!\s+[A-Z])"
)


def _envoys(actors: dict[str, FoundActor], mentions: list[list[Mention]], paragraphs: list[str]) -> None:
    """ "The president’s Middle East envoy" is the one person the text titles envoy, before or after: the
    envoy's mention, in place of the possessor's."""
    envoys = {
        m.key
        for p, ms in enumerate(mentions)
        for m in ms
        if actors[m.key].kind is ActorKind.PERSON
        and (
            _ENVOY_BEFORE.search(paragraphs[p], max(0, m.start - 8), m.start)
            or _ENVOY_AFTER.match(paragraphs[p], m.end)
        )
    }
    if len(envoys) != 1:
        return
    key = envoys.pop()
    for p, text in enumerate(paragraphs):
        if "envoy" not in text:
            continue
        for match in islice(_SOMEONES_ENVOY.finditer(text), MAX_GROUP_PHRASES):
            start, end = match.span()
            kept = [m for m in mentions[p] if m.end <= start or m.start >= end]
            at = bisect.bisect_left([m.start for m in kept], start)
            mentions[p] = [*kept[:at], Mention(p, start, end, key), *kept[at:]]
            actors[key].surfaces.setdefault(_clean(match.group()), 0)


_PAIRED_KINDS = (ActorKind.ORGANISATION, ActorKind.GROUP)


def _named_as_pairs(actors: dict[str, FoundActor], mentions: list[list[Mention]], paragraphs: list[str]) -> None:
    """Two bodies or groups the text names as a pair ("Socialists and Greens warn") are named by the pair too,
    as an analyst may list them as one: an alias of each, never its name."""
    for p, ms in enumerate(mentions):
        text = paragraphs[p]
        for first, second in pairwise(ms):
            if text[first.end : second.start] != " and " or first.key == second.key:
                continue
            a, b = actors[first.key], actors[second.key]
            if a.kind in _PAIRED_KINDS and b.kind in _PAIRED_KINDS:
                pair = _clean(text[first.start : second.end])
                a.described.add(pair)
                b.described.add(pair)


# whose a group is, after it: "of the hostages", "of the former Warsaw Pact" (a name or a plural noun)
_WHOSE_GROUP = re.compile(
    r"\s+of\s+(?:the\s+)?(?:former\s+)?(?:[A-Z][\w\-’']*(?:\s+(?:of\s+|and\s+|the\s+)*[A-Z][\w\-’']*){0,3}|"
    r"(?:[a-z][\w\-]*\s+)?[a-z][\w\-]*s)\b(?![\w\-’'])"
)
MINW = 2
# words that place or own a group in its name ("public opinion in Jordan", "supporters of Lena Osk"): the words
# after them are no name of the group
_PLACED_WORDS = frozenset(words("of for on in to from at around across throughout"))
_PAST_ON = frozenset(words("have has had are were will would can could should may might must do did"))
# how many of a group, a word analysts write in its name ("other Gulf states", "several European capitals")
_COUNTING = frozenset(words("other some many most several few"))
_RANKS = frozenset(words("senior top junior high-ranking"))
_DESCRIBER_BEFORE = re.compile(r"(?<![\w’'\-.])([\w’'\-.]+) $")


def _described_longer(text: str, start: int, end: int) -> list[str]:
    """The group's name at `start`-`end` with each of up to three words before it that describe it: "leading
    U.S. firms", "Iranian-controlled Iraqi militias", "Haftar’s ministers" (not "While", "these" or a clause's
    verb; not across a comma)."""
    if text[start:end].isupper():
        return []  # a heading in capitals ("DEALINGS WITH ALLIES")
    out = []
    at = start
    for _ in range(3):
        found = _DESCRIBER_BEFORE.search(text, max(0, at - 40), at)
        if not found:
            break
        word = found.group(1)
        counted = word.lower() in _COUNTING
        ranked = word.lower() in _RANKS  # "senior American and Chinese officials"
        if not (counted or ranked or _INITIALS.match(word) or (_describes(word) and _describer(word))):
            break
        at = found.start()
        out.append(_clean(text[at:end]))
        if counted:
            break  # "other African states", "some Western diplomats": how many ends the name
    return out


def _describer(word: str) -> bool:
    """`word`, which `_describes` takes for a describing word, is none of the words that open a clause or
    count ("While", "Some", "Both"), no stump ("Israel-") and no short noun that ends like an adjective
    ("deal", "year")."""
    lower = word.lower()
    if lower in _NOT_GROUP_MODIFIERS or word.endswith("-") or word.capitalize() in _FUNCTION_WORDS:
        return False
    if word[:1].islower():
        return len(word) >= 5 or word in _DESCRIBING_NOUNS
    return not (lower.endswith("ing") and lower not in ING_MODIFIERS)


_WORD_BEFORE = re.compile(r"([A-Z][\w.’'\-]*) $")


def _state_qualified(
    actors: dict[str, FoundActor], mentions: list[list[Mention]], paragraphs: list[str], gaz: Gazetteer
) -> None:
    """A body's name with its state before it is one of its names: "the Philippine Department of Defence",
    "the U.S. Treasury Department" are the "Department of Defence" and the "Treasury Department" too, and an
    analyst may write either. Added as an alias (a count of nought), never as the name."""
    for p, ms in enumerate(mentions):
        text = paragraphs[p]
        for m in ms:
            actor = actors[m.key]
            if actor.kind is not ActorKind.ORGANISATION:
                continue
            before = _WORD_BEFORE.search(text, max(0, m.start - 40), m.start)
            hit = gaz.surfaces.get((before.group(1),)) if before else None
            if hit and hit[0] != PLACE and gaz.entries[hit[0]].kind is ActorKind.STATE:
                actor.surfaces.setdefault(_clean(text[before.start(1) : m.end]), 0)


# Words that make a name a thing named after a person: "Hamid Karzai International Airport", "Nelson
# Mandela Bay", "Marine Protected Areas".
_NAMED_THINGS = frozenset(
    words(
        "Airport Accord Accords Agreement Act Area Areas Avenue Award Base Bay Bridge Building Canal Cape Centre "
        "Center Chair College Corridor Dam Distinguished Doctrine Fellow Fellowship Forum Foundation Gulf Harbor "
        "Harbour Highway Hall Hospital Initiative International Island Islands Lake Lecture Library Line Memorial "
        "Museum Park Peninsula Plan Port Prize Professor Protected Reef Report Review River Road Scholar School Sea "
        "Shoal Square Stadium Station Strait Street Summit Treaty University Valley Way Zone"
    )
)
# The last words of things' names, never of a person's ("Suez Canal", "Just Energy Transition Partnership"); not
# "Park" or "Hall", which are surnames too
_THING_ENDS = frozenset(
    words(
        "Airport Accord Accords Agreement Act Avenue Canal Corridor Dam Doctrine Highway Hospital Initiative Island "
        "Islands Memorial Museum Peninsula Plan Prize Reef Report Review River Road Sea Shoal Square Stadium Station "
        "Strait Summit Treaty University Valley Zone Partnership Programme Program Framework Mechanism Facility "
        "Strategy Agenda Roadmap Pact Deal Index Convention Declaration Day Week Festival Anniversary Award Games Cup "
        "Olympics Plant Port Bridge Bay Gulf Lake Mountains Delta Basin Desert Coast Channel Passage Note Notes "
        "Compact Charter Protocol Brief Briefs Paper Papers Resolution Consensus Principles Guidelines "
        "Submarine Submarines Missile Missiles"
    )
)


# Lower-case nouns after a name that make it a thing's name: "a Pacific Eyes agreement", "the Durand line"
_THING_NOUNS = frozenset(
    words(
        "agreement agreements deal deals line revelations efforts effort project programme program initiative "
        "framework treaty plan doctrine strategy system systems campaign attacks attack hack operation mission "
        "summit talks process format model effect era pact accord corridor pipeline scheme fund facility "
        "report review index"
    )
)


_THING_NAME = re.compile(
    r"((?:[A-Z][\w’'\-]+\s+){0,3}[A-Z][\w’'\-]+)[”\"’]?\s+(?:(?:[a-z]+\s+){0,2}(?:"
    + "|".join(sorted(_THING_NOUNS | {"platform", "shield"}))
    + r")\b|(?:"
    + "|".join(sorted(_THING_ENDS))
    + r")\b)"
)


def _thing_names(paragraphs: list[str]) -> set[str]:
    """The names of things and their shorter endings: "European Sky Shield" and "Sky Shield" of "the European
    Sky Shield Initiative", "Golden Dome" of "the “Golden Dome” missile defense project"."""
    names: set[str] = set()
    for text in paragraphs:
        for m in _THING_NAME.finditer(text):
            words_ = m.group(1).split()
            names.update(" ".join(words_[k:]) for k in range(len(words_)) if len(words_) - k >= 2)
    return names


def _given_name(words: list[str], after: str, gaz: Gazetteer) -> bool:
    """ "Ronald Reagan", "Karol Nawrocki": a full name that opens with a known given name (`after`, the
    text that follows it, does not make it a thing: "Hamid Karzai International Airport")."""
    following = []
    for word in after.split()[:3]:  # the capitalised words that go on from the name
        if not word[:1].isupper():
            break
        following.append(word)
    return (
        len(words) >= 2
        and words[0] in gaz.given_names
        and not any(w.strip(",.;:") in _NAMED_THINGS for w in words + following)
    )


_SAYS_BEFORE = re.compile(r"[,”\"]\s*(?:says|said|argues|argued|writes|wrote|notes|noted|adds|added|warns|warned)\s+$")
_INITIALLED = re.compile(r"[A-Z]\. [A-Z]")  # "N. Dan", "G. Simion"
# "Tsai Ing-wen", "Kim Jong-un", "Lee Jae-myung": a one-syllable surname and a hyphenated given name
_SINITIC_NAME = re.compile(r"[A-Z][a-z]{1,4} [A-Z][a-z]{1,5}-[a-z]{1,6}")
_LIST_GAP = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")


def _listed_with_people(
    raws: list[_Raw],
    paragraphs: list[str],
    person_key: Callable[[str], str],
    keep: set,
    introduced: set,
    titles: frozenset[str],
) -> None:
    """ "Alfonso López Michelsen, Belisario Betancur and Juan Manuel Santos": a full name listed next to a
    person is a person too, even when named once with a given name nobody lists. ("Presidents Donald Trump
    and Javier Milei" lists two people under one plural title, which is no part of a name.)"""
    people = [r for r in raws if r.kind == "person" and " " in r.name and r.name.split()[0][:-1] not in titles]
    key_of = {id(r): person_key(r.name) for r in people}
    changed = True
    while changed:
        changed = False
        for a, b in pairwise(people):
            if a.paragraph != b.paragraph or not _LIST_GAP.fullmatch(paragraphs[a.paragraph][a.end : b.start]):
                continue
            ka, kb = key_of[id(a)], key_of[id(b)]
            if (ka in keep) != (kb in keep):
                new = kb if ka in keep else ka
                keep.add(new)
                introduced.add(new)
                changed = True


_POSSESSIVE_AT = re.compile(r"[’']s ")
_MINISTRY = re.compile(
    r"(?:(?:Foreign|Defen[cs]e|Interior|Finance|Economy|Economic|Trade|Justice|Health|Energy|Commerce|Education|"
    r"Agriculture|Industry|Information|Home|Security|Environment)\s+)?Ministry(?:\s+of\s+[A-Z][\w\-]*"
    r"(?:\s+(?:and\s+)?[A-Z][\w\-]*){0,3})?"
)


_HONORIFICS = frozenset(words("sheikh sheikha shaikh sir dame dr mr mrs ms lord lady prince princess emir"))


def _first_given(name_words: list[str], gaz: Gazetteer) -> str | None:
    """The first given name of a full name, past honorifics and particles ("Sheikh Tamim bin Hamad Al-Thani":
    "Tamim")."""
    for word in name_words[:-1]:
        if word.casefold().rstrip(".") not in _HONORIFICS and word.casefold() not in gaz.particles:
            return word.rstrip(".")
    return None


def _same_given(a: str | None, b: str | None) -> bool:
    """Whether two given names can be one person's: the same, an initial of the other, or one missing."""
    if a is None or b is None or a == b:
        return True
    return (len(a) == 1 or len(b) == 1) and a[0] == b[0]


_LISTED = re.compile(r"\b(?:like|such as|including)\s+(?:[A-Z][\w’'\-]*(?:\s+|,\s*)|and\s+)*$")
_INTRO = re.compile(
    r"^(?:’s|'s)?\s*(?:,\s*(?:a|an|the|who|former|among|one of|then)\b|\s*\(|,\s*[A-Z][\w.\-]*(?:’s|'s)\s+[A-Za-z]"
    r"|,\s*(?i:(?:senior|executive|deputy|managing|associate|assistant|chief|vice|founding|programme|program|"
    r"visiting|nonresident|non-resident|distinguished|adjunct|research)[\s\-]+)*"
    r"(?i:director|head|fellow|founder|president|chair|professor|researcher|editor|chief|lecturer|secretary|"
    r"minister|ambassador|governor|commissioner|envoy|commander|adviser|advisor|spokesperson|spokesman|"
    r"spokeswoman)"
    r"\s+(?:of|at|for|to)\s"
    # "Tang Gen from Beijing’s Taihe Institute": a person and the body they are from
    r"|\s+(?:from|at|of)\s+(?:the\s+)?(?:[A-Z][\w’'\-]*\s+){0,4}"
    r"(?:Institute|University|Centre|Center|Foundation|Forum|Academy|Programme|Program|Initiative)\b)"
)  # "X, a former envoy," "X (Reuters)", "Mark Rutte, NATO’s Secretary General,", "X, director of the ...",
# "X, Deputy Director of the Russia & Eurasia Programme"


def _introduced(text: str, start: int, end: int) -> bool:
    """A full name followed by an apposition or a verb of saying is a person even if named once."""
    defined = re.match(r"\s*\(([A-Za-z]{2,8})\)", text[end:])
    if defined and _is_acronym(defined.group(1).rstrip("s"), text[start:end].split()):
        return False  # "Rare Earth Elements (REEs)": a term and its abbreviation, not a person
    if _INTRO.match(text[end:]):
        return True
    if text[max(0, start - 16) : start].rstrip().endswith(("As", "as", "according to", "According to")):
        return True
    if _SAYS_BEFORE.search(text, max(0, start - 20), start):
        return True  # "The time is right, says Bronwen Maddox, but ..."
    before = text[max(0, start - 60) : start]
    if _ROLE_BEFORE.search(before) and text[end : end + 1] in (",", ""):
        return True  # "Turkey’s president, Recep Tayyip Erdoğan, said"
    if _ROLE_JUST_BEFORE.search(before) and " " in text[start:end].strip():
        return True  # "the select committee chair Alicia Kearns", "his longtime ally – Dragan Čović"
    window = text[max(0, start - 80) : start]
    if ("like " in window or "such as " in window or "including " in window) and _LISTED.search(window):
        return True  # "experts like Joshua Craze, Kholood Khair and Raga Makawi"
    return _says_something(text, end)


_NAME = r"[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,3}"
_ROLES = (
    r"(?:president|minister|leader|premier|chief|envoy|ambassador|spokesman|spokeswoman|spokesperson|negotiator|"
    r"commander|head|secretary|adviser|advisor|general|director|chair|chairman|chairwoman|founder|analyst|"
    r"researcher|economist|expert|scholar|governor|mayor|senator|lawmaker|official|diplomat|ruler|king|emir|"
    r"author|predecessor|successor|counterpart|ally|rival|opponent|deputy|MP|MEP|congressman|congresswoman|"
    r"committee|prosecutor|judge|candidate|challenger|strongman|warlord|chancellor|speaker|politician|writer|"
    r"journalist|activist|historian|commentator|columnist|novelist|poet|lawyer|businessman|businesswoman|tycoon|"
    r"billionaire|cleric|blogger|professor|academic|editor|reporter|correspondent|campaigner|dissident|lobbyist|"
    r"entrepreneur|CEO|colleague|commissioner|representative|rapporteur|coordinator|administrator|attorney|"
    # any "-ist" or "-ian" profession: "virologist Oyewale Tomori", "the physician Ana Ruiz"
    r"(?-i:(?!(?:insist|resist|assist|persist|exist|consist|desist|enlist)\b)[a-z]{3,}(?:ist|ian)))"
)
# "Turkey’s president, ", "the minister of interior, ", "his counterpart – and longtime ally – ": a role just
# before a full name, so the name is a person even if named once
_ROLE_BEFORE = re.compile(
    r"\b" + _ROLES + r"(?:\s+(?:of|for)\s+(?:the\s+)?[\w’'\-]+(?:\s+[\w’'\-]+)?)?,\s*$", re.IGNORECASE
)  # "the new Speaker of the Slovak Parliament, "
_ROLE_JUST_BEFORE = re.compile(r"\b" + _ROLES + r"(?:\s*[–—]\s*(?:and\s+)?(?:\w+\s+){0,2}" + _ROLES + r"\s*[–—])?\s+$")
_SAYS = re.compile(
    r"^(?:(?:,\s*" + _NAME + r")*,?\s+and\s+" + _NAME + r")?(?:,(?:(?![.!?]\s+[A-Z])[^,]){1,120},)?\s+"
    r"(?:(?:also|has|have|had|has also|once|recently|then|both|all|each|jointly|separately|\w+ly)\s+)*(\w+)"
)


# Verbs that only bodies and people do: documents "say", "note" and "commit to", but do not accuse or deny.
_AGENT_VERBS = frozenset(
    form
    for base in words(
        "warn insist accuse deny reject urge demand threaten condemn welcome announce pledge vow refuse blame "
        "allege dismiss oppose claim"
    )
    for form in lexicon.inflect(base)
)


# What groups of people do to take a stance: "think tanks have echoed ...", "parties have adopted ..."
_GROUP_STANCE_VERBS = frozenset(
    form
    for base in words("echo adopt employ back resist embrace endorse lobby discuss debate speculate chant expect")
    for form in lexicon.inflect(base)
)
_GROUP_VERBS = _AGENT_VERBS | _GROUP_STANCE_VERBS | frozenset(lexicon.VERB_FORMS)

_OWN_ACT = re.compile(
    r"^[’']s (?:government|announcement|decision|commitment|pledge|plan|proposal|statement|refusal|nomination|"
    r"re-election|resignation|inauguration|presidency|premiership|tenure|administration|cabinet|predecessor|"
    r"successor|inability|remarks|speech|visit|ouster|arrest)\b"
)


_ACTS = re.compile(
    r"^\s+(?:(?:has|have|had|also|then|later|again|once|even|soon|are|were|will|would|may|might|must|could|can|"
    r"\w+ly)\s+)*([a-z]+)\b"
)
_PAST_IRREGULAR = frozenset(
    words(
        "sent cut made took gave told met won lost left led put set brought sought struck hit chose drew froze "
        "spoke wrote began came went became held kept built paid sold withdrew overturned fought threw"
    )
)


class _CommonWords:
    """`word in common`: the paragraphs also write `word` (or its singular) in lower case, so a sentence that
    opens on it names no one. The lower-case words are gathered once, in one pass over the text."""

    def __init__(self, paragraphs: list[str]) -> None:
        self.lower = {w for text in paragraphs for w in _LOWER_WORD.findall(text)}

    def __contains__(self, word: str) -> bool:
        low = word.lower()
        if word == low:
            return False
        # "Countries agreed": the text writes "country"; "Leaders" and "leader"
        singular = (low[:-3] + "y" if low.endswith("ies") else low[:-1]) if low.endswith("s") else low
        return low in self.lower or singular in self.lower


_MODAL_THEN_VERB = re.compile(
    r"^\s+(?:(?:will|would|may|might|must|could|can|should)(?:\s+(?:also|still|now|soon|not|\w+ly))*\s+"
    r"(?!be\b|have\b|not\b)[a-z]{3,}\b|(?:are|were|is|was)\s+(?:\w+ly\s+)?(?!being\b|going\b)[a-z]{3,}ing\b|"
    # "protesters must have had help", "may have sought"
    r"(?:will|would|may|might|must|could|should)\s+have\s+(?!been\b)[a-z]{3,}\b)"
)


# Verbs of action in the present, after a plural subject: "that businesses require ...", "while adversaries
# tighten their grip"
_PRESENT_ACTIONS = frozenset(
    words(
        "need require tighten control run lead fund finance continue struggle use make get keep pay buy sell "
        "operate move send build try fight attack kill target launch carry enjoy dominate exploit flee leave join "
        "vote spend invest lose win hire smuggle traffic lobby pressure oppose resist benefit suffer"
    )
)


def _does_now(text: str, end: int) -> bool:
    """The word after `end` is a verb of action in the present: "require", "tighten"."""
    match = _ACTS.match(text[end : end + 80])
    return bool(match and match.group(1) in _PRESENT_ACTIONS and not match.group(0)[: match.start(1)].strip())


def _acts(text: str, end: int, present: bool = False) -> bool:
    """The words after `end` are a past action: "expelled", "has continued", "cut off"; with `present`, also
    a verb after a modal or a verb in "-ing" after "are" ("may survive", "are winning")."""
    if present and _MODAL_THEN_VERB.match(text[end : end + 60]):
        return True
    match = _ACTS.match(text[end : end + 80])
    if not match:
        return False
    verb = match.group(1)
    return (
        verb in _AGENT_VERBS
        or verb in lexicon.VERB_FORMS
        or verb in _PAST_IRREGULAR
        or (len(verb) > 4 and verb.endswith("ed") and not verb.endswith("eed"))
    )


def _says_something(text: str, end: int, verbs: frozenset[str] | dict[str, str] = lexicon.VERB_FORMS) -> bool:
    if _OWN_ACT.match(text[end : end + 16]):
        return True  # "X’s government", "TSMC’s announcement that ..."
    match = _SAYS.match(text[end:])
    if not match or match.group(1) not in verbs:
        return False
    before = match.group(0)[: match.start(1)].split()
    # "the Nordic and Baltic states": after a name, "states" is the noun
    return not (match.group(1) == "states" and before and before[-1][:1].isupper())


# What a paper or a body named after "the" does in a press review: "The Salzburger Nachrichten points out"
_OUTLET_SAYS = re.compile(
    r"\s+(?:also\s+)?(?:writes|wrote|notes|noted|comments|commented|points out|pointed out|observes|observed|"
    r"argues|argued|warns|warned|concludes|concluded|remarks|remarked|critici[sz]es|critici[sz]ed|welcomes|"
    r"welcomed|cautions|cautioned|stresses|stressed|insists|insisted|believes|fears|reports|reported)\b"
)
# The speaker named at the end of its words: "..., warns Politiken:", "“...,” writes the Guardian."
_SAID_BEFORE = re.compile(r"(?:,|[”\"’],?)\s+([a-z]+(?: out)?)\s+(?:the\s+)?$")
# verbs whose speaker may follow them, as no one they are said to does ("..., told Ayin." is who heard it)
_SAID_BY_NEXT = frozenset(
    words(
        "said says writes wrote notes noted argues argued observes observed comments commented adds added explains "
        "explained concludes concluded remarks remarked stresses stressed insists insisted continues continued"
    )
) | {"points out", "pointed out"}
_SENTENCE_END = re.compile(r"\s*(?:[.!?:]|$)")


def _said_at_end(text: str, start: int, end: int) -> bool:
    """The name at `start:end` ends its sentence after a verb of saying and a comma or a closing mark; a
    warning only before a colon ("..., warns Politiken:", not "..., warned Russia.")."""
    before = _SAID_BEFORE.search(text, max(0, start - 30), start)
    if before is None or not _SENTENCE_END.match(text, end):
        return False
    verb = before.group(1)
    return verb in _SAID_BY_NEXT or (verb in ("warns", "warned") and text[end : end + 1] == ":")


def _defined_at(text: str, toks, first: int, end: int, definitions: dict[str, str]) -> bool:  # type: ignore[no-untyped-def]
    """The run of capitalised words `first:end` is a long name that a "(ABBR)" after it defines."""
    after = _ABBR_AT.match(text[toks[end - 1][2] :])
    if after is None or not definitions.get(after.group(1)):
        return False  # no definition, or one of a thing ("")
    # the run may have swallowed a leading word the definition does not have ("The", "National")
    return text[toks[first][1] : toks[end - 1][2]].endswith(definitions[after.group(1)])


# Abbreviations of terms that policy writing spells out in capitals, as if they were names
TERM_ABBREVIATIONS = frozenset(
    words(
        "AI AGI GDP GNI GNP LNG EV EVs ETS CBAM ODA FDI SDG SDGs NDC NDCs GHG WMD ICBM ICBMs UAV UAVs SAM SAMs "
        "IRBM SLBM CCS CCUS PPP FTA FTAs SEZ SEZs NPL NPLs CPI IMO2020 ESG R&D VAT EEZ EEZs MoU MOU TPP"
    )
)


def _foreign_definition(abbr: str, long_toks: list[str], gaz: Gazetteer) -> bool:
    """A body defined under an abbreviation of its name in another language: "Central General Staff (EMC)",
    "Resistência Nacional Moçambicana (Renamo)". An all-capitals abbreviation of two or more capitalised words,
    or a word abbreviation starting with the name's first letter; not a measure ("... Index (IPC)") and not a
    person's nickname ("Mohamed Hamdan Dagalo (Hemedti)" starts with another letter)."""
    capitalised = [t for t in long_toks if t[:1].isupper()]
    if len(capitalised) < 2 or long_toks[-1] in NOT_ORG_HEADS or long_toks[0] in gaz.titles:
        return False
    if abbr in TERM_ABBREVIATIONS:
        return False  # "Artificial Intelligence (AI)", "Liquefied Natural Gas (LNG)": terms, not bodies
    if sum(c.isupper() for c in abbr) >= 2:
        return abbr.isupper()
    return abbr[0] == long_toks[0][0] and len(abbr) >= 4


_SMALL_WORDS = frozenset(words("of and the for on in a an to"))


def _spelled_out(before: str, abbr: str, gaz: Gazetteer) -> bool:
    """The words just before "(ABBR)" spell the abbreviation out, in any case, as something other than a name
    the gazetteer knows ("country of particular concern (CPC)")."""
    toks = re.findall(r"[\w\-’']+", before[-120:])[-8:]
    for k in range(len(toks) - 1, -1, -1):
        spelled = toks[k:]
        initials = "".join(t[0] for t in spelled if t.lower() not in _SMALL_WORDS)
        if initials.lower() == abbr.lower():
            return spelled[0].lower() not in _SMALL_WORDS and surface_key(" ".join(spelled)) not in gaz.surfaces
    return False


def _is_acronym(abbr: str, long_toks: list[str]) -> bool:
    """ "NAWO" abbreviates "National Authority for Water Oversight": the initials of the capitalised words."""
    initials = "".join(t[0] for t in long_toks if t[:1].isupper()).upper()
    # "ACLED" for "Armed Conflict Location and Event Data Project": abbreviations may stop early
    return len(initials) >= 2 and (initials == abbr.upper() or (len(abbr) >= 4 and initials.startswith(abbr.upper())))


def _own_definition(long_name: str | None, entry: int, gaz: Gazetteer) -> bool:
    """The text defines the abbreviation as a body other than the gazetteer's `entry` of that abbreviation:
    a long name the gazetteer does not know that ends unlike the entry's name."""
    name = gaz.entries[entry].name
    if not long_name or surface_key(long_name) in gaz.surfaces or " " not in name:
        return False  # "Corporación del Cobre de Chile (Codelco)": the body the gazetteer knows by that name
    return name.split()[-1][:6].lower() != long_name.split()[-1][:6].lower()


def _after_the(text: str, match: re.Match) -> bool:
    """The defined name follows "the" ("the National Authority ... (NAWO)"): a body, not a measure like GDP."""
    first = match.group(1).split()[0]
    return first in ("The", "the") or text[max(0, match.start() - 4) : match.start()].lower() == "the "
