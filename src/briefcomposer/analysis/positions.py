"""Positions: who holds what view, backed by the sentence that says so.

Four kinds of evidence are recognised, sentence by sentence:

- attributed speech and belief: an actor, then a verb of saying or believing
  ("Ambassador Grushko highlighted", "Russia also believes that", "Israeli
  politicians and military officers see ... as"), including coordinated subjects
  ("Both Ambassador Grushko and Sir Malcolm Rifkind agreed", one position each),
  "according to X", "as X put it" and "X: “...”";
- interview turns: paragraphs that start "Name: " and the unlabelled paragraphs
  after them belong to that speaker; the speaker's opinions (first person,
  modal and evaluative sentences) are positions, questions are not;
- the author's recommendations ("should", "there is a pressing need", "the
  obvious conclusion ... is") and hedged assessments ("likely", "appears");
- "X is adamant that", "X is concerned about" (adjectival stances).

The stance is a plain-English paraphrase: the reported clause or the
recommendation without its frame, quote marks and discourse openers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefcomposer.analysis import lexicon
from briefcomposer.analysis.actors import ActorIndex, Mention
from briefcomposer.analysis.lexicon import words
from briefcomposer.core.model import ActorKind


@dataclass
class Found:
    """A suggested position before it becomes a core `Position`."""

    actor_key: str
    paragraph: int
    spans: list[tuple[int, int]]  # evidence sentences, offsets into the paragraph
    stance: str
    cue: str = ""  # what made it a position: "verb", "speaker", "author", ...
    issue_key: str | None = None
    extra: dict = field(default_factory=dict)


_WORD = re.compile(r"[A-Za-z][A-Za-z’'\-]*")
_GAP_WORDS = frozenset(
    words(
        "largely broadly generally widely mostly increasingly quickly swiftly governments states countries "
        "lawmakers parties groups leaders "
        "also has have had is are was were been be recently repeatedly already now still often long "
        "reportedly publicly explicitly clearly firmly privately openly later then once further itself "
        "themselves both all each consistently initially originally subsequently again indeed even further "
        "simply basically who which to likely correctly probably apparently allegedly reportedly rightly "
        "wrongly strongly officials leaders government president leadership politicians authorities ministers "
        "minister spokesperson spokesman military officers establishment intelligence and community team "
        "administration policymakers diplomats elites analysts commanders generals security services forces "
        "negotiators envoys representatives chief"
    )
)
_REPORT_NOUNS = frozenset(
    words("review report study assessment analysis statement survey paper inquiry investigation commission modelling")
)
_EVALUATIVE = (
    "limited|weak|poor|ineffective|risky|dangerous|unsustainable|unrealistic|costly|wrong|mistaken|"
    "overstated|exaggerated|misleading|doomed|futile|fragile|vital|essential|crucial|critical|necessary|"
    "urgent|welcome|justified|unjustified|inevitable|premature|naive|shortsighted|short-sighted|untenable|"
    "unclear|uncertain|questionable|doubtful|instructive"
)
_AUTHOR_CUES = re.compile(
    r"\b(should|shouldn[’']t|must|ought to|needs? to|there is a (?:pressing |clear |real |urgent )?need|"
    r"the obvious conclusion|it is (?:important|essential|vital|crucial|imperative|worth|critical|necessary|time)|"
    r"requires|the best (?:strategy|option|approach|course)|would be (?:wrong|a mistake|irresponsible|foolish|unwise)|"
    r"is a mistake|deserves|a priority|it would be irresponsible|we need|the answer is|the key is|"
    r"the most direct strategy|is not (?:a|an) (?:viable|effective)|the real question|is questionable|"
    r"cannot afford|is far from sufficient|is (?:a|the) central contradiction|(?:good )?reasons? to believe|"
    r"there are (?:good )?reasons|least effective|most effective|limitations|misguided|flawed|inadequate|insufficient|"
    r"unhelpful|counterproductive|would be (?:better|wise|prudent)|"
    r"(?:is|are|was|were|remains?|be|proves?) (?:\w+ ){0,2}(?:" + _EVALUATIVE + r")|"
    r"will (?:also |likely |probably |certainly |only |not |further )?(?:deepen|worsen|undermine|harm|fail|"
    r"prove|depend|determine|shape|persist|intensify|erode|weaken|strengthen|complicate|damage|jeopardi[sz]e))\b",
    re.IGNORECASE,
)
_HEDGES = re.compile(
    r"\b(likely|unlikely|probably|appears? to|appeared to|seems? to|suggests? that|indicates? that|"
    r"assess(?:es)? that|may well|arguably|almost certainly|is clear that|demonstrates?|illustrates?|"
    r"may now|could (?:play|help|offer|be)|can (?:certainly |still )?help)\b",
    re.IGNORECASE,
)
_OPINION = re.compile(
    r"\b(I think|I just think|I see|I worry|I am (?:very )?(?:concerned|worried)|I’m|I don’t|I give|to me|"
    r"my (?:broader )?point|we need|we should|should|need to|needs to|important|that’s pretty|really serious|"
    r"I (?:believe|would|want))\b",
    re.IGNORECASE,
)
_ACCORDING = re.compile(r"\b(?:according to|as|in the eyes of|in the view of)\s+(?:the\s+)?$", re.IGNORECASE)
_PUT_IT = re.compile(r"^\s*(?:put it|puts it|said|says|noted|argued|argues|has argued|claimed|observed|stated)\b")
_PASSIVE_VIEW = re.compile(r"\b(?:is|are|was|were|being)\s+(?:seen|regarded|viewed|considered|perceived)\s+as\b")
_QUOTE_AFTER_COLON = re.compile(r":\s*[“\"‘]")
_REPORT_NOUN = re.compile(
    r"(?:’s|'s)?\s+(?:\w+\s+)?(?:allegations?|claims?|assertions?|warnings?|insistence|demands?|accusations?|"
    r"argument|position|view)\s+(?:that|of)\s+"
)
_LEADING_QUOTE = re.compile(r"^[“\"‘]([^”\"’]{10,}?)[,.]?[”\"’],?\s+$")
_ADJECTIVE = re.compile(
    r"\b(?:is|are|was|were|remains?)\s+(?:also\s+|so\s+|very\s+)?(?:{})\b".format("|".join(lexicon.STANCE_ADJECTIVES))
)
_PRONOUN = re.compile(r"(?:^|[,;]\s*|\band\s+)(He|She|he|she)\s+(?:(?:also|has|had|then|later|once)\s+)*$")


def find_positions(
    paragraphs: list[str],
    sentence_spans: list[list[tuple[int, int]]],
    index: ActorIndex,
    headings: set[int],
) -> list[Found]:
    """Find positions in `paragraphs` (sentences given as spans) with the actors of `index`."""
    speakers = _speakers(paragraphs, index)
    interview = len({k for k in speakers.values() if k}) >= 2
    found: list[Found] = []
    seen: set[tuple[str, int, int]] = set()
    last_person: str | None = None
    for p, text in enumerate(paragraphs):
        if p in headings:
            continue
        mentions = index.mentions[p]
        speaker = speakers.get(p)
        for s_start, s_end in sentence_spans[p]:
            sentence = text[s_start:s_end]
            inside = [m for m in mentions if s_start <= m.start < s_end]
            results = _attributed(text, s_start, s_end, inside, index, last_person)
            if not results and sentence.rstrip().endswith("?"):
                continue
            if results:
                pass
            elif interview and speaker:
                if _OPINION.search(sentence) or _AUTHOR_CUES.search(sentence):
                    results = [(speaker, _paraphrase(sentence), "speaker")]
            elif not interview and index.author_key and _authorial(sentence):
                results = [(index.author_key, _paraphrase(sentence), "author")]
            for key, stance, cue in results:
                if (key, p, s_start) in seen or not stance:
                    continue
                seen.add((key, p, s_start))
                found.append(Found(key, p, [(s_start, s_end)], stance, cue))
            for m in inside:
                if index.actors[m.key].kind is ActorKind.PERSON:
                    last_person = m.key
    return found


def _authorial(sentence: str) -> bool:
    """A recommendation, judgement or hedged assessment in the author's own voice."""
    return bool(_AUTHOR_CUES.search(sentence)) or (bool(_HEDGES.search(sentence)) and len(sentence.split()) >= 8)


def _speakers(paragraphs: list[str], index: ActorIndex) -> dict[int, str | None]:
    """Paragraph -> the speaker of its interview turn (None outside any turn)."""
    out: dict[int, str | None] = {}
    current: str | None = None
    for p, text in enumerate(paragraphs):
        label = next((m for m in index.mentions[p] if m.start == 0 and text[m.end : m.end + 2] == ": "), None)
        if label is not None and index.actors[label.key].kind is ActorKind.PERSON:
            current = label.key
        out[p] = current
    return out


def _attributed(
    text: str, s_start: int, s_end: int, inside: list[Mention], index: ActorIndex, last_person: str | None
) -> list[tuple[str, str, str]]:
    """`(actor key, stance, cue)` for each actor a sentence reports as holding a view."""
    sentence = text[s_start:s_end]
    results: list[tuple[str, str, str]] = []
    # A speaker label opens the paragraph: the label is not a subject.
    inside = [m for m in inside if not (m.start == 0 and text[m.end : m.end + 2] == ": ")]
    # "as the Ambassador put it", "according to Indian officials"
    for m in inside:
        before = text[s_start : m.start]
        after = text[m.end : s_end]
        lead = re.sub(r"\s+the$", "", before.rstrip().lower())
        if _ACCORDING.search(before[-28:]) and (
            lead.endswith(("according to", "in the eyes of", "in the view of")) or _PUT_IT.match(after)
        ):
            held = _drop_attribution(sentence, m.start - s_start, m.end - s_start)
            # the holder is named, so "is seen as" is simply "is"
            held = re.sub(
                r"\b(is|are|was|were) (?:seen|regarded|viewed|considered|perceived) as\b", r"\1", held, count=1
            )
            results.append((m.key, _paraphrase(held), "according"))
    if results:
        return _unique(results)
    for verb in _WORD.finditer(sentence):
        word = verb.group()
        base = lexicon.VERB_FORMS.get(word) if word[0].islower() else None
        if base is None:
            continue
        prev_words = _WORD.findall(sentence[: verb.start()])
        prev = prev_words[-1].lower() if prev_words else ""
        if word.endswith("ing") and prev != "both":
            continue
        prev_raw = prev_words[-1] if prev_words else ""
        ambiguous = base in _NOUNLIKE and word in (base, base + "s")
        after_adjective = any(m.adjective and 0 <= s_start + verb.start() - m.end <= 1 for m in inside)
        named_before = prev_raw[:1].isupper() and not after_adjective
        noun_use = prev in _DETERMINERS or (ambiguous and prev not in _GAP_WORDS and not named_before)
        if noun_use and not (base in _NOUNLIKE and re.match(r"\s+that\b", sentence[verb.end() :])):
            continue
        if base == "maintain" and not re.match(r"\s+that\b", sentence[verb.end() :]):
            continue  # "maintains influence" is not a view
        if base == "take" and not re.match(r"\s+the view\b", sentence[verb.end() :]):
            continue  # "has taken the view that" reports a view; "took control" does not
        if base in ("raise", "voice", "express") and not re.match(
            r"\s+(?:\w+\s+)?(?:alarms?|concerns?|doubts?|objections?|fears?|questions?)\b", sentence[verb.end() :]
        ):
            continue
        if base == "rally" and not re.match(r"\s+(?:behind|around|to)\b", sentence[verb.end() :]):
            continue
        rest = sentence[verb.end() :]
        complement = re.search(r"\b(?:as|that)\b", rest) or (base == "call" and re.match(r"\s+for\b", rest))
        if base in lexicon.NEEDS_COMPLEMENT and not complement:
            continue
        v_start = s_start + verb.start()
        subjects = _subjects(text, s_start, v_start, inside, index)
        if not subjects:
            pron = _PRONOUN.search(text[s_start:v_start])
            if pron and last_person:
                subjects = [last_person]
        if subjects:
            quoted = _LEADING_QUOTE.match(
                text[s_start : min((m.start for m in inside if m.key in subjects), default=v_start)]
            )
            if quoted:  # "“We are going to run the country,” Trump argued"
                stance = _paraphrase(quoted.group(1))
            else:
                stance = _paraphrase(_complement(base, sentence, verb.end(), text[s_start:v_start]))
            for key in subjects:
                results.append((key, stance, "verb"))
            break
    if not results:
        # "Pakistani allegations that ...", "Moscow's claims that ...": a view held by the noun's owner
        for m in inside:
            noun = _REPORT_NOUN.match(text, m.end)
            if noun:
                results.append((m.key, _paraphrase(text[noun.end() : s_end]), "noun"))
                break
    if not results:
        # "X was blunt ...: “I don’t know ...”" and "X is adamant that ..."
        adj = _ADJECTIVE.search(sentence)
        quote = _QUOTE_AFTER_COLON.search(sentence)
        cut = s_start + (adj.start() if adj else quote.start() if quote else 0)
        holders = [m for m in inside if m.end <= cut]
        first = holders[-1] if holders and (adj or quote) else None
        near = first is not None and first.start - s_start < 60 and cut - first.end < 50
        long_quote = bool(adj) or (quote is not None and len(sentence) - quote.start() > 40)
        if near and long_quote and index.actors[first.key].kind is not ActorKind.AUTHOR:
            results.append((first.key, _paraphrase(sentence), "adjective" if adj else "quote"))
    # "NATO's open door policy is seen as ..., as the Ambassador put it" is caught above; a bare
    # passive "is seen as" with no holder says nothing about who holds the view.
    return _unique(results)


def _subjects(text: str, s_start: int, v_start: int, inside: list[Mention], index: ActorIndex) -> list[str]:
    """Actors that are the subject of the verb at `v_start`: the nearest mention before it and those
    coordinated with it ("Both A and B", "A, B and C")."""
    before = [m for m in inside if m.end <= v_start]
    if not before:
        return []
    last = before[-1]
    gap = text[last.end : v_start]
    if not _subject_gap(gap):
        return []
    keys = [last.key]
    k = len(before) - 1
    while k > 0:
        prev = before[k - 1]
        link = text[prev.end : before[k].start]
        if re.fullmatch(r"(?:’s|'s)?\s*(?:,|,?\s+and|,?\s+or|\s+as well as)\s+(?:the\s+)?", link):
            keys.insert(0, prev.key)
            k -= 1
        else:
            break
    head = text[s_start : before[k].start].strip().lower()
    if re.search(r"(?:^|[,;]\s*)(?:if|unless|whether|when|once|until)\b[^,;]*$", head + " "):
        return []  # "If the government seeks to ...": a condition, not a stance
    # A subject inside a subordinate or prepositional phrase is not the subject of the verb.
    if head.endswith(_PREPOSITIONS):
        return []
    return list(dict.fromkeys(k for k in keys if index.actors[k].kind is not ActorKind.AUTHOR))


_PREPOSITIONS = tuple(
    " " + w
    for w in words(
        "of with for against on by to from than between about in at into over under within across through "
        "among toward towards upon what whether"
    )
)
_DETERMINERS = frozenset(
    ["the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "any", "no", "such", "of"]
)
_NOUNLIKE = frozenset(
    words(
        "support press push call hold note question challenge signal frame credit blame demand cite label "
        "fear hope view claim doubt dispute regret add point state states maintain find concern warning"
    )
)


def _subject_gap(gap: str) -> bool:
    gap = re.sub(r"^(?:’s|'s)", "", gap)
    gap = re.sub(r"^\s+(?:in|on|at|during|since|last|this)\s+(?:\d{4}|\w+day|week|month|year)\b", " ", gap)
    # An apposition: ", a former Defence and Foreign Secretary," or ", among others,"
    gap = re.sub(r"^\s*,[^,;:]{1,90},", " ", gap)
    gap = re.sub(r"^\s*\([^)]{1,60}\)", " ", gap)
    words = _WORD.findall(gap)
    if re.search(r"[;:.!?“”\"]", gap):
        return False
    if len(words) <= 1 and all(w.lower() in _GAP_WORDS or w.lower() in _REPORT_NOUNS for w in words):
        return "," not in gap.strip(" ,") or not words
    if words and words[0].lower() in _REPORT_NOUNS and len(words) <= 10 and "," not in gap:
        return True
    return len(words) <= 5 and "," not in gap and all(w.lower() in _GAP_WORDS for w in words)


# Verbs whose reported clause may follow without "that" ("said the sanctions would stay").
_CLAUSE_VERBS = frozenset(
    words("say argue believe think claim insist assert suggest predict expect fear hope feel contend state")
)


def _complement(base: str, sentence: str, after: int, before: str) -> str:
    """The reported content of a sentence whose verb ends at `after`.

    A that-clause or reported clause stands on its own ("the sanctions would stay"); other verbs keep
    their verb and object ("questioned the legality of the strikes").
    """
    verb = re.findall(r"[\w’'\-]+", sentence[:after])[-1]
    rest = sentence[after:].strip()
    rest = re.sub(r"^(?:also|firmly|strongly|repeatedly|publicly)\s+", "", rest)
    if rest.startswith("that "):
        return rest[5:]
    later = re.match(r"(?:[^,;:]*?\s)?that\s+(.+)$", rest)
    if later and len(rest[: later.start(1)].split()) <= 9:  # "admitted at the Munich Security Conference that ..."
        return later.group(1)
    if base == "take" and rest.startswith("the view that "):
        return rest[len("the view that ") :]
    if base in ("see", "view", "regard", "describe", "characterise", "characterize", "label", "consider", "frame"):
        m = re.match(r"(.+?),?\s+as\s+(.+)$", rest)
        if m:
            obj = re.sub(r",\s*which\b.*?,", "", m.group(1))
            plural = obj.split()[-1].endswith("s") and not obj.split()[-1].endswith("ss")
            return f"{obj} {'are' if plural else 'is'} {m.group(2)}"
    if base == "highlight":
        m = re.match(r"(.+?)\s+as\s+(.+)$", rest)
        if m:
            return f"{m.group(1)} is {m.group(2)}"
    if base in _CLAUSE_VERBS and not re.match(r"(?:to|for|on|about|against|with|in|from|at)\b", rest):
        return rest
    return f"{verb} {rest}"


def _drop_attribution(sentence: str, start: int, end: int) -> str:
    """The sentence without its ", as X put it" or "According to X," part."""
    tail = sentence[end:]
    put = _PUT_IT.match(tail)
    if put:
        cut_from = sentence.rfind(",", 0, start)
        lead = sentence[:cut_from] if cut_from > 0 else sentence[:start]
        rest = tail[put.end() :].lstrip(" ,")
        return f"{lead}, {rest}" if rest and rest[0].islower() else lead
    head = re.sub(r"\s+the$", "", sentence[:start].lower().rstrip())
    if head.endswith(("according to", "in the eyes of", "in the view of")) and sentence[:start].count(",") == 0:
        rest = tail.lstrip(" ,")
        comma = rest.find(",")
        if comma >= 0 and len(rest[:comma].split()) <= 4:  # "Indian officials, pilots ..." -> "pilots ..."
            rest = rest[comma + 1 :]
        return rest.strip()
    return sentence


_OPENERS = re.compile(
    r"^(?:(?:and|but|so|yet|however|moreover|therefore|thus|indeed|of course|still|again|equally|instead|"
    r"conversely|meanwhile|furthermore|additionally|finally|as a result|in effect|in that sense|in doing so|"
    r"for example|for instance|in particular|overall|that said|even so|at the same time|number \w+|first|second|"
    r"third|and look|look|so clearly|clearly|i think|i just think|and i think|i see|to me|i worry that|"
    r"i am concerned that)\b[,:]?\s*)+",
    re.IGNORECASE,
)
_FRAMES = re.compile(
    r"^(?:the obvious conclusion(?:, therefore,)? is that|it is (?:clear|important to remember|worth noting) that|"
    r"there is good reason to believe that|my broader point is,?)\s*",
    re.IGNORECASE,
)


def _paraphrase(text: str, max_words: int = 32) -> str:
    """A one-sentence stance: the clause without openers, frames or quote marks, at most `max_words` words."""
    text = re.sub(r"(?<!\w)[‘“\"]|[’”\"](?!\w)", "", text)
    text = " ".join(text.split())
    for _ in range(3):
        text = _FRAMES.sub("", _OPENERS.sub("", text))
    text = re.sub(r",?\s*therefore,?", "", text, count=1)
    if ";" in text:
        text = text.split(";", 1)[0]
    words = text.split()
    if len(words) > max_words:
        cut = " ".join(words[:max_words])
        stop = max(cut.rfind(","), cut.rfind(" – "), cut.rfind(" — "))
        text = cut[:stop] if stop > len(cut) // 2 else cut + " …"
    text = text.strip(" ,;:–—")
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    if text[-1] not in ".!?…":
        text += "."
    return text


def _unique(results: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    seen: set[str] = set()
    out = []
    for r in results:
        if r[0] not in seen:
            seen.add(r[0])
            out.append(r)
    return out
