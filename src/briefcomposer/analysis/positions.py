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
- "X is adamant that", "X is concerned about" (adjectival stances);
- participle clauses ("X spoke ..., blaming Ukraine", "with A and B both
  concluding that"), a verb coordinated with the subject's first ("X began ...
  and warned"), "he"/"she" (the last person named) and "they" (the actor that
  opened the sentence before), a passive with its agent ("deemed “inadequate”
  by MSF"), "As A and B make clear, ..." and "“...,” said X";
- recommendations in the imperative ("Negotiate a chapter on ..."), and in
  "While X argues A, B" the author's main clause B as well as X's A;
- "it" (the state or organisation of the sentence before), "in X's view", "in
  the assessment of X", "in her view"; the actor before an apposition ("Egypt
  and Qatar, the two main mediators, blame") or before "in" ("Republicans in
  Congress want");
- the author's verdicts: an evaluative adverb or an inference opening the
  sentence ("Unfortunately, ...", "In effect, ...", "This suggests ...").

The stance is a short plain-English paraphrase (about 20 words): the reported
clause or the recommendation without its frame, quote marks, discourse openers,
brackets and asides, leading subordinate clauses and trailing qualifications,
cut at a clause boundary. The evidence stays the verbatim sentence.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

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
    cue: str = ""  # what made it a position: "verb", "speaker", "author", "claim" (any other sentence) ...
    issue_key: str | None = None
    extra: dict = field(default_factory=dict)


# The person, the other actor and the state or organisation named last before a sentence: whom
# "he"/"she", "they" and "it" may point back to.
Recent = tuple[str | None, str | None, str | None]

_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|[’'\-])*")  # letters of any script: "Erdoğan" is one word
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
        "administration policymakers diplomats elites commanders generals security services forces "
        "negotiators envoys representatives chief foreign defence defense interior finance trade economy "
        "deputy senior top former national security adviser advisers advisor secretary spokeswoman ministry "
        "army navy cabinet prime own ruling junta regime rulers premier high command legislators members "
        "fighters spokespeople figures political civilian economic diplomatic do does did not never appears appear "
        "appeared seems seem seemed cannot"
    )
    + [f"{w}{q}t" for w in words("don doesn didn haven hasn hadn won wouldn isn aren wasn weren") for q in "'’"]
)
_REPORT_NOUNS = frozenset(
    words("review report study assessment analysis statement survey paper inquiry investigation commission modelling")
)
_EVALUATIVE = (
    "limited|weak|poor|ineffective|risky|dangerous|unsustainable|unrealistic|costly|wrong|mistaken|"
    "overstated|exaggerated|misleading|doomed|futile|fragile|vital|essential|crucial|critical|necessary|"
    "urgent|welcome|justified|unjustified|inevitable|premature|naive|shortsighted|short-sighted|untenable|"
    "unclear|uncertain|questionable|doubtful|instructive|imperative|feasible|catastrophic|"
    "self-defeating|unworkable|unwise|promising|encouraging|worrying|troubling|alarming|"
    "indispensable|paramount|unacceptable|insufficient|inadequate|ineffectual|misplaced|"
    "outdated|obsolete|noteworthy|significant|remarkable|unprecedented|modest|marginal|negligible|overblown|"
    "hollow|symbolic|vague|ambiguous|incoherent|inconsistent|short-lived|durable|brittle|tenuous|shaky|precarious|"
    "contested|congested|definitive|tactical|strategic|over-read|overdue|belated|credible|implausible|"
    "worrisome|concerning|disturbing|muted|damaging|skilful|skillful|optimistic|pessimistic|reckless|clumsy|"
    "misjudged|ill-judged|ill-conceived|capricious|flimsy|cynical|lacklustre|lackluster|tepid|timid|halting|"
    "historic|transformative|pivotal|landmark|watershed|game-changing"
)
# An evaluative adjective before a noun in the author's narration: "a disturbing escalation", "his capricious
# decision-making", "follows a worrying pattern"
_ATTRIBUTIVE = re.compile(
    r"\b(?:a|an|the|this|that|its|his|her|their)\s+(?:\w+\s+)?(?:disturbing|worrying|troubling|alarming|"
    r"welcome|damaging|reckless|misguided|capricious|flimsy|clumsy|cynical|ill-judged|ill-conceived|"
    r"short-sighted|shortsighted|encouraging|promising|overdue|belated|half-hearted|lacklustre|lackluster|"
    r"tepid|timid|muted|skilful|skillful|deft|astute|shrewd|savvy|naive|heavy-handed|landmark|historic|"
    r"infamous|notorious|pivotal|transformative|game-changing)\s+[a-z]",
    re.IGNORECASE,
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
    r"(?:is|are|was|were|remains?|be|proves?|appears?|seems?|looks?) (?:\w+ ){0,2}(?:" + _EVALUATIVE + r")|"
    r"falls? short|fell short|(?:has|have|had|carries|carry) (?:\w+ )?(?:important|significant|serious|profound|"
    r"major|far-reaching|grave) (?:implications|consequences)|(?:offers?|provides?|holds?|teaches?) (?:\w+ ){0,2}"
    r"lessons?|(?:is|are) (?:gambling|betting|risking)|"
    r"(?:will|would) (?:also |likely |probably |certainly |only |not |further |inevitably )?(?:deepen|worsen|"
    r"undermine|harm|fail|prove|depend|determine|shape|persist|intensify|erode|weaken|strengthen|complicate|"
    r"damage|jeopardi[sz]e|risk|cost|backfire|embolden|destabili[sz]e|suffer)|"
    r"risks? (?:fuell?ing|undermining|alienating|escalating|provoking|repeating|losing|weakening|entrenching)|"
    r"can no longer|is far from|"
    # judgements by metaphor and framing: "acts as a silent tax", "is a recipe for", "the real risk is"
    r"acts? as an? (?:\w+ )?(?:tax|brake|drag|barrier|deterrent|check|lifeline)|(?:is|are|would be) a recipe for|"
    r"amounts? to|is tantamount to|(?:is|are) no substitute for|a false (?:choice|dichotomy)|"
    r"(?:this|our) (?:report|paper|study|commentary|article|analysis|brief|briefing|piece|chapter) (?:\w+ )?"
    r"(?:urges|calls|argues|recommends|proposes|concludes|finds|shows|suggests|contends|warns|makes the case)|"
    r"(?:offers?|provides?|gives?) (?:\w+ )?(?:little|no|scant|cold) (?:comfort|reassurance|solace)|"
    r"the (?:real |bigger |central |key |main |underlying )?(?:risk|danger|problem|challenge|question|lesson) "
    r"(?:is|remains|here is)|what is (?:needed|required|missing)|"
    r"marks? a (?:\w+ )?(?:shift|turning point|departure)|"
    # plain verdicts: "this version does not hold water", "the IMF will struggle to", "a critically important"
    r"undoubtedly|unquestionably|(?:does|do|did) not hold water|have (?:their|its) cake|"
    r"(?:will|would) (?:\w+ )?struggle to|critically important|(?:an? |the )(?:\w+ )?milestone|"
    r"(?:its|their) lowest (?:point|ebb)|largely ignored|"
    # likenesses and the author's own reckoning: "sounds more like a threat than advice", "I reckon"
    r"(?:sounds?|sounded|looks?|looked) (?:more |less |much )?like an? |I (?:reckon|suspect|doubt)|"
    r"(?:achieved|accomplished) (?:\w+ )?nothing)\b",
    re.IGNORECASE,
)
# The author's verdict on what was just said: an evaluative sentence adverb ("Unfortunately, ...") or an
# inference ("In effect, ...", "This suggests ...") opening the sentence.
_VERDICT = re.compile(
    r"^\s*[“\"]?(?:unfortunately|regrettably|worryingly|encouragingly|ironically|paradoxically|tellingly|"
    r"fortunately|sadly|alarmingly|predictably|in effect|in reality|in practice|in truth|in other words|"
    r"(?:this|it|that|such \w+) (?:suggests|indicates|shows|demonstrates|reflects|underscores|underlines|"
    r"highlights|means)|"
    # "Brunner’s comments suggest ...", "Those reactions indicate ...": what was said or done, read by the author
    r"(?:these|those|such|the|(?:[A-Z][\w\-]*\s+){0,2}[A-Z][\w\-]*(?:’s|'s))\s+(?:\w+\s+)?(?:comments|remarks|"
    r"reactions|moves|statements|developments|findings|figures|data|numbers|results|events|steps|actions|signals) "
    r"(?:suggest|indicate|show|demonstrate|reflect|underscore|underline|highlight|mean))\b",
    re.IGNORECASE,
)
_EVIDENTIAL = frozenset(words("suggest indicate show demonstrate reflect underscore underline highlight signal"))
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
_ACCORDING = re.compile(
    r"\b(?:according to|as|in the (?:eyes|view|assessment|judgement|judgment|estimation|words) of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "according to sources close to the State Administration Council": the body the sources speak for
_ACCORDING_SOURCES = re.compile(
    r"\b[Aa]ccording to (?:\w+\s+){0,2}?(?:sources|people|insiders|officials|those)\s+(?:close to|familiar with|"
    r"within|inside|in|at)\s+(?:the\s+)?$"
    # "according to a report by the Nordic Council", "according to a statement from the ministry"
    r"|\b[Aa]ccording to (?:an?\s+|the\s+)?(?:[\w\-]+\s+){0,2}?(?:report|statement|study|analysis|assessment|"
    r"survey|estimates?|letter|document|memo|communiqu[ée]|readout|review)\s+(?:(?:published|released|issued)\s+)?"
    r"(?:by|from|of)\s+(?:the\s+)?$"
)
_ACCORDING_LEADS = (
    "according to",
    "in the eyes of",
    "in the view of",
    "in the assessment of",
    "in the judgement of",
    "in the judgment of",
    "in the estimation of",
    "in the words of",
)
# a name that only qualifies the source: "Saudi-owned newspaper", "Kremlin-backed outlet"
_NOT_THE_SOURCE = re.compile(r"-(?:owned|backed|funded|run|based|controlled|affiliated|aligned|linked)\b")
_PUT_IT = re.compile(r"^\s*(?:put it|puts it|said|says|noted|argued|argues|has argued|claimed|observed|stated)\b")
_PASSIVE_VIEW = re.compile(r"\b(?:is|are|was|were|being)\s+(?:seen|regarded|viewed|considered|perceived)\s+as\b")
_QUOTE_AFTER_COLON = re.compile(r":\s*[“\"‘]")
_REPORT_NOUN = re.compile(
    # "the UK government’s desire to": the state's, through its government
    r"(?:’s|'s|(?<=s)[’'])?(?:\s+(?:government|administration|leadership|authorities|regime)(?:’s|'s|’|'))?"
    r"\s+(?:\w+\s+)?(?:(?:allegations?|claims?|assertions?|warnings?|insistence|demands?|accusations?|"
    r"threats?|declarations?|"
    r"argument|position|view|line|stance|contention|belief|assessment|conclusion|narrative|message|case)\s+"
    r"(?:(?:is|was|remains)\s+)?(?:that|of)\s+"
    # "Ruto’s desire to reopen the talks ...", "Russia’s attempts to evade the embargo"
    r"|(?:desire|wish|attempts?|efforts?|bid|push|drive|refusal|decision|plans?|threats?|pledges?|commitment|"
    r"determination|willingness|readiness|reluctance|insistence|proposal|offer|campaign)\s+to\s+"
    # "the European Allies’ main objective was to avoid a bust-up"
    r"|(?:objective|goal|aim|priority|intention|ambition|purpose)\s+(?:(?:with|for|in|on)\s+(?:the\s+)?[\w\-]+\s+)?"
    r"(?:is|was|remains|has been)\s+to\s+)"
    # "Trump’s damaging proposal for a US takeover", "Kyiv’s calls for more air defence"
    r"|(?:’s|')\s+(?:\w+\s+)?(?:proposals?|plans?|calls?|push|bid|demands?|appeals?|pleas?|preference|vision)\s+"
    r"for\s+"
)
_OWNED_POLICY = re.compile(
    r"(?:’s|'s)\s+(?:[\w\-]+\s+){0,2}?(?:veto|visit|assertiveness|policy|policies|strategy|crackdown|"
    r"offensive|campaign|approach|pivot|refusal|withdrawal|annexation|blockade|overtures|outreach|aggression|"
    r"intervention|incursions?|support for|opposition to|backing for|stance|position on|bans?|embargo|curbs|"
    r"export controls)\b"
)
# "The recent decision by the Biden administration to pause licences": the decision is the agent's
_BY_NOUN = re.compile(
    r"\b(?:decisions?|moves?|proposals?|plans?|bids?|calls?|offers?|pledges?|refusal|attempts?|efforts?|push|threats?|"
    r"announcement|choice|demands?)\s+(?:by|from|of)\s+(?:the\s+)?"
    # "calls from figures like Mario Draghi to delay ...": the one named as an example
    r"(?:(?:figures|leaders|politicians|officials|countries|states|governments|people)\s+"
    r"(?:like|such as|including)\s+)?$",
    re.IGNORECASE,
)
_LEADING_QUOTE = re.compile(r"^[“\"‘]([^”\"’]{10,}?)[,.]?[”\"’],?\s+$")
_ADJECTIVE = re.compile(
    r"\b(?:is|are|was|were|remains?|(?:has|have|had) (?:long |also )?been)\s+"
    r"(?:also\s+|so\s+|very\s+|more\s+|less\s+|increasingly\s+|deeply\s+)?(?:{})\b".format(
        "|".join(lexicon.STANCE_ADJECTIVES)
    )
)
_PRONOUN = re.compile(
    r"(?:^|[,;]\s*|\band\s+|\bbut\s+)(He|She|he|she|They|they|It|it)\s+"
    r"(?:(?:also|has|have|had|then|later|once|still|now|repeatedly|publicly|further|again|long|even|already|"
    r"reportedly|openly|recently|previously|consistently|privately|explicitly)\s+)*$"
)


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
    last_group: str | None = None  # the last state, organisation or group named: "they" may point back to it
    last_body: str | None = None  # the state or organisation "it" may point back to
    subject_person: str | None = None  # the person who was the subject of the sentence before
    issued: dict[str, str] = {}  # who signed the last order, memorandum ... the text introduced: "the order" is theirs
    surnames: dict[str, set[str]] = {}  # people by the last word of their name ("Trump-signed")
    for key, actor in index.actors.items():
        if actor.kind is ActorKind.PERSON:
            surnames.setdefault(actor.name.split()[-1], set()).add(key)
    partners: list[str] = []  # the actors named with the one "they" points back to ("China and Russia")
    for p, text in enumerate(paragraphs):
        if p in headings:
            continue
        speaker = speakers.get(p)
        # "they" and "it" opening a paragraph point back to the paragraph before ("Norway and Iceland doubt the
        # shield will work." / "Yet they are not willing to take the risk"); a person's "he" to the person named last
        subject_person = None
        pair: list[str] = []  # the people named in the sentence before, whom "the two leaders" may stand for
        sides: list[str] = []  # the actors named in the sentence before, whom "both sides" may stand for
        spans = sentence_spans[p]
        quoting = open_quotations(text, spans)
        for n_sentence, (s_start, s_end) in enumerate(spans):
            sentence = text[s_start:s_end]
            if _DIRECT_QUESTION.match(sentence) and sentence.rstrip().endswith("?"):
                continue  # "And where exactly does Norway intend to take ...?": asked, not held
            # a paragraph's opening and closing sentences state and conclude its claim
            edge = n_sentence == 0 or n_sentence == len(spans) - 1
            inside = index.within(p, s_start, s_end)[:MAX_MENTIONS]
            # "..., says Osk.", "“... This signature is hard to understand.”": the words are not the author's
            spoken = someone_elses_words(sentence) or within_a_quotation(sentence, quoting[n_sentence])
            if (
                not interview
                and index.author_key
                and not spoken
                and _advice_to_actor(text, s_start, s_end, inside, index)
            ):
                # "The EU should adopt ... and seek partners": the author's advice, not the EU's stance
                results = [(index.author_key, _paraphrase(sentence), "author")]
            else:
                # "Osk says Brel’s remarks are ... She says ...": the subject of the sentence before speaks on
                said_by = subject_person or last_person
                results = _attributed(text, s_start, s_end, inside, index, (said_by, last_group, last_body))
            if not results and sentence.rstrip().endswith("?"):
                continue
            if not results:
                results = _for_actor(sentence, s_start, inside, index)
            deed = [] if results else _deed(text, s_start, s_end, inside, index)
            # other clauses may hold other actors' deeds
            held = {d[0] for d in [*results, *deed]}
            # "Al-Sharaa commanded the forces that swept Assad out. His interim government ...": the subject
            # of the sentence before, more than the person named last
            context = (subject_person or last_person, last_group, last_body)
            reported = not results and _REPORTED_BY.search(sentence) is not None
            deed += [a for a in _action(text, s_start, s_end, inside, index, context, reported) if a[0] not in held]
            held = {d[0] for d in [*results, *deed]}
            deed += [d for d in _pair_action(text, s_start, s_end, inside, index, pair, sides) if d[0] not in held]
            # "... the withdrawal of Mali, Niger and Burkina Faso. The three countries announced ...": the states the
            # sentence before names, when it names as many
            numbered = _NUMBERED.match(text, s_start, s_end)
            listed = [k for k in sides if index.actors[k].kind is ActorKind.STATE]
            if numbered and len(listed) != _NUMBERS[numbered.group(1).lower()]:
                numbered = None
            if numbered and not any(m.start < numbered.end() for m in inside):
                begin = _predicate_start(text[numbered.end() : s_end])
                stance = _paraphrase(text[numbered.end() + begin : s_end]) if begin is not None else ""
                held = {d[0] for d in [*results, *deed]}
                deed += [(k, stance, "action") for k in listed if k not in held and len(stance.split()) >= 3]
            held = {d[0] for d in [*results, *deed]}
            deed += [d for d in _document_action(text, s_start, s_end, issued) if d[0] not in held]
            held = {d[0] for d in [*results, *deed]}
            deed += [d for d in _prompted(text, s_start, s_end, inside, index) if d[0] not in held]
            acted = bool(deed)
            # "Hungary’s veto", "China’s assertiveness in the South China Sea": a policy of its owner, beside
            # whatever the sentence says of it
            held = {d[0] for d in [*results, *deed]}
            deed += [
                (m.key, _paraphrase(sentence), "owned")
                for m in inside
                if m.key not in held
                and not m.adjective
                and _not_author(index, m.key)
                and _OWNED_POLICY.match(text, m.end)
            ][:1]
            if results:
                # "While some analysts have questioned X, the evidence suggests Y": the concession is theirs,
                # the main clause the author's
                main = _CONCESSION.match(sentence)
                with_clause = _WITH_CLAUSE.match(sentence)
                but_clause = _BUT_CLAUSE.search(sentence)
                if (
                    main
                    and not interview
                    and index.author_key
                    and (_authorial(main.group(1)) or _present_claim(main.group(1)))
                ):
                    results = [*results, (index.author_key, _paraphrase(main.group(1)), "author")]
                elif (
                    any(cue == "noun-to" for _, _, cue in results)
                    and not interview
                    and index.author_key
                    and _authorial(sentence)
                ):
                    # "Russia’s attempt to ... likely failed": the attempt is Russia's, the verdict the author's
                    results = [*results, (index.author_key, _paraphrase(sentence), "author")]
                elif (
                    _trailing_with(with_clause, s_start, inside, {r[0] for r in results})
                    and not interview
                    and index.author_key
                    and not spoken
                    and (_authorial(with_clause.group(1)) or (edge and _present_claim(with_clause.group(1))))
                ):
                    # "Lukashenko has awarded himself a seventh term, with the West calling the vote a sham": the
                    # West's view trails the author's own claim
                    results = [*results, (index.author_key, _paraphrase(with_clause.group(1)), "author")]
                elif (
                    but_clause and not interview and index.author_key and not spoken and _authorial(but_clause.group(1))
                ):
                    # "Kyle claimed Labour had acted, but the promise looked more like an attempt to ...": the
                    # claim is Kyle's, the verdict after "but" the author's
                    results = [*results, (index.author_key, _paraphrase(but_clause.group(1)), "author")]
                elif _VERDICT.match(sentence) and not interview and index.author_key:
                    # "In effect, India accepted ...": the author's reading of what the actor did
                    results = [*results, (index.author_key, _paraphrase(sentence), "author")]
                elif (
                    all(cue in ("noun-to", "passive") for _, _, cue in results)
                    and not interview
                    and index.author_key
                    and not acted
                    and _undated_claim(sentence, _sentence_subject(text, s_start, inside, index, s_end))
                ):
                    # "The credibility of the bloc would have been damaged if the measures proposed by the
                    # Commission ...": the Commission proposed them; the claim is the author's
                    results = [*results, (index.author_key, _paraphrase(sentence), "claim")]
            elif interview and speaker:
                label = _SPEAKER_LABEL.match(sentence) if s_start == 0 else None
                if label and len(sentence[label.end() :].split()) >= 4:
                    # "Daniel Fried: Take the best deal available now": the contributor's own headline
                    results = [(speaker, _paraphrase(sentence[label.end() :]), "speaker")]
                elif _OPINION.search(sentence) or _AUTHOR_CUES.search(sentence):
                    results = [(speaker, _paraphrase(sentence), "speaker")]
            elif not interview and index.author_key and spoken:
                pass  # "..., a report has warned.": someone else's words, though not a known actor's
            elif (
                not interview
                and index.author_key
                and (_authorial(sentence) or _imperative(sentence) or (edge and _present_claim(sentence)))
            ):
                results = [(index.author_key, _paraphrase(sentence), "author")]
            elif (
                not interview
                and index.author_key
                and not acted
                and _undated_claim(sentence, _sentence_subject(text, s_start, inside, index, s_end))
            ):
                results = [(index.author_key, _paraphrase(sentence), "claim")]
            if partners and last_group and _THEY_OPENS.match(sentence):
                # "China and Russia doubt it will work. Yet they are not willing to take the risk": "they" are both
                theirs = [(k, stance, cue) for k, stance, cue in [*results, *deed] if k == last_group]
                deed += [(k, stance, cue) for k in partners for _, stance, cue in theirs[:1]]
            for key, stance, cue in [*results, *deed]:
                if (key, p, s_start) in seen or not states_something(stance):
                    continue
                seen.add((key, p, s_start))
                found.append(Found(key, p, [(s_start, s_end)], stance, cue))
            _note_issuers(text, s_start, s_end, inside, index, surnames, issued)
            pair = list(dict.fromkeys(m.key for m in inside if index.actors[m.key].kind is ActorKind.PERSON))
            sides = list(dict.fromkeys(m.key for m in inside if not m.adjective and _not_author(index, m.key)))
            before = last_group
            last_person, last_group, subject_person, last_body = recent_after(
                text, s_start, inside, index, last_person, carried=last_group
            )
            if last_group != before or any(m.key == last_group for m in inside):
                partners = _coordinated(text, inside, index, last_group)
            if numbered:
                last_group, partners = listed[0], listed[1:]  # "They originally announced ...": all of them
            document = _DOCUMENT_SUBJECT.match(text, s_start, s_end)
            if document and document.group("doc").split()[-1].lower() in issued:
                # "A Brel-signed memorandum was more about Velmora ... it said that ...": "it" is the memorandum,
                # its signer's words
                last_body = issued[document.group("doc").split()[-1].lower()]
    return found


# A sentence that asks in its own main clause: a question word or an auxiliary before its subject
_DIRECT_QUESTION = re.compile(
    r"\s*(?:(?:And|But|So|Yet|Or)\s+)?(?:(?:where|what|why|how|when|which|who)(?:\s+exactly)?\s+)?"
    r"(?:does|do|did|would|will|can|could|should|is|are|was|were|has|have)\s+(?:the\s+)?[A-Z]",
    re.IGNORECASE,
)


def _trailing_with(with_clause: re.Match | None, s_start: int, inside: list[Mention], holders: set[str]) -> bool:
    """Whether the actors the rules found holding a view are named only in the trailing "with" clause
    (`_WITH_CLAUSE`), and one of them right after its "with"."""
    if with_clause is None:
        return False
    main_end, with_end = s_start + with_clause.end(1), s_start + with_clause.end()
    named = [m for m in inside if m.key in holders]
    return any(main_end < m.start < with_end for m in named) and not any(m.start < main_end for m in named)


def recent_after(
    text: str,
    s_start: int,
    inside: list[Mention],
    index: ActorIndex,
    last_person: str | None,
    pointed: tuple[str, str, str] | None = None,
    carried: str | None = None,
) -> tuple[str | None, str | None, str | None, str | None]:
    """Whom a pronoun in the next sentence may point back to, after the sentence at `s_start`: the person
    named last, the state, organisation or group that opened the sentence ("they"), the person that opened
    it, and the state or organisation "it" may stand for. `pointed` is the actor this sentence's own
    opening pronoun stands for ("It allowed a drone in. Then it scrambled jets": the same actor). `carried`
    is whom "they" stood for before this sentence. Where no state, body or group opens the sentence and none
    but groups are named in it, "they" is the group named last in it ("..., as students see through his
    disrespect. They do not want to negotiate"), else still the group it was ("Students demand institutions.
    Not a single request is addressed to the president. They ...")."""
    for m in inside:
        if index.actors[m.key].kind is ActorKind.PERSON:
            last_person = m.key
    # "they" points back to the actor that opened the sentence before, within the paragraph
    opener = _sentence_subject(text, s_start, inside, index)
    if not opener and pointed:
        opener = [pointed[0]]
    last_group = opener[0] if opener and index.actors[opener[0]].kind is not ActorKind.PERSON else None
    first = next((m for m in inside if opener and m.key == opener[0]), None)
    if last_group is not None and first is not None and _SINGULAR_DESCRIPTION.fullmatch(text, first.start, first.end):
        # "Nine countries challenged the court. In their view, the court is stopping them. They want ...": "they"
        # is no singular "the court", but still whom it was
        last_group = carried
    elif last_group is None and all(index.actors[m.key].kind in (ActorKind.PERSON, ActorKind.GROUP) for m in inside):
        groups = [m.key for m in inside if index.actors[m.key].kind is ActorKind.GROUP and not m.adjective]
        if groups:
            last_group = groups[-1]  # "..., as students see through his disrespect. They do not want ..."
        elif (
            carried is not None
            and index.actors[carried].kind is ActorKind.GROUP
            and all(index.actors[m.key].kind is ActorKind.PERSON for m in inside)
        ):
            last_group = carried
    subject_person = opener[0] if opener and index.actors[opener[0]].kind is ActorKind.PERSON else None
    if first is not None and text[first.end : first.end + 1] == ":":
        subject_person = None  # "Lena Osk: There is interest in Brel’s remarks. He said ...": a speaker's label
    return last_person, last_group, subject_person, _body_named(opener, inside, index)


_THEY_OPENS = re.compile(
    r"^\s*(?:(?:But|Yet|And|So|Now|Instead|Still|Then|Meanwhile|However|Indeed)\s*,?\s+)?(?:They|they)\s"
)
_AND_NEXT = re.compile(r"\s*(?:,|,?\s+and)\s+(?:the\s+)?")


def _coordinated(text: str, inside: list[Mention], index: ActorIndex, key: str | None) -> list[str]:
    """The states, bodies and groups named in a list right after `key`'s first mention ("China and Russia")."""
    first = next((n for n, m in enumerate(inside) if m.key == key), None)
    if first is None:
        return []
    out: list[str] = []
    last = inside[first]
    for m in inside[first + 1 :]:
        if m.start < last.end or not _AND_NEXT.fullmatch(text, last.end, m.start):
            break
        if index.actors[m.key].kind is not ActorKind.PERSON and not m.adjective and m.key != key:
            out.append(m.key)
        last = m
    return list(dict.fromkeys(out))


# "the court", "the commission", "the country": a description of one, which "they" does not point back to
_SINGULAR_DESCRIPTION = re.compile(r"[Tt]he\s+(?:[a-z]+\s+)?[a-z]+(?<!s)")


# A sentence whose subject is a pronoun, perhaps after an opening phrase: "Since then, it has ...", "He’s purged".
_OPENING_PRONOUN = re.compile(
    r"^\s*(?:(?:But|Yet|And|So|Now|Instead|Still|Then|Meanwhile|However|Indeed)\s*,?\s+)?"
    r"(?:[A-Z][^,;:“”\"]{0,100},\s+)?"
    r"(He|She|It|They|His|Her|Its|Their|he|she|it|they|his|her|its|their)(?:[’'](?:s|d|ll|ve|re)\b)?\s+"
    r"(?!(?:is\s+)?(?:likely|unlikely|clear|possible|true|worth|not\s+clear)\b)"
    r"([a-z][\w’'\-]*)"
)


def pronoun_subject(
    sentence: str, recent: tuple[str | None, str | None, str | None, str | None], index: ActorIndex
) -> tuple[str, str, str] | None:
    """(actor, pronoun, the word after it) when the sentence's subject is a pronoun that points back to an
    actor named in the sentence before: "He ...", "In May, they ...". "It is likely that ..." points at
    nothing."""
    match = _OPENING_PRONOUN.match(sentence)
    if match is None:
        return None
    last_person, last_group, subject_person, last_body = recent
    word = match.group(1).lower()
    if word in ("he", "she", "his", "her"):  # "His government ...", "Its new sultan ...": the owner's doing
        holder = subject_person or last_person
    elif word in ("it", "its"):
        holder = last_body
    else:
        holder = last_group or last_body
    if not holder or not _not_author(index, holder):
        return None
    return holder, word, match.group(2).lower()


_FOR_ACTOR = re.compile(r"\s*(?:For|To)\s+(?:the\s+)?$")


def _for_actor(sentence: str, s_start: int, inside: list[Mention], index: ActorIndex) -> list[tuple[str, str, str]]:
    """ "For Ankara, closing the straits is no realistic choice": Ankara's view of the matter."""
    if not inside or not _FOR_ACTOR.fullmatch(sentence[: inside[0].start - s_start]):
        return []
    first = inside[0]
    if not _not_author(index, first.key) or index.actors[first.key].kind is ActorKind.PERSON and first.adjective:
        return []
    rest = sentence[first.end - s_start :]
    clause = re.match(r"(?:’s|'s)?(?:\s+\w+){0,2}\s*,\s*(.{20,})$", rest)
    if not clause or not re.search(r"\b(?:is|are|was|were|remains?|would|will|cannot|can)\b", clause.group(1)):
        return []
    return [(first.key, _paraphrase(clause.group(1)), "for")]


_QUOTE_VERBS = (
    r"said|says|argued|argues|added|adds|noted|notes|warned|warns|wrote|writes|insisted|insists|explained|explains|"
    r"declared|stated|observed|observes|contended|contends|cautioned|cautions|stressed|stresses|emphasi[sz]ed|"
    r"emphasi[sz]es|continued|continues|recalled|recalls|pointed out|points out|"
    # verbs that only go on a quotation: "“This signature is hard to understand,” sighed Lena Osk"
    r"sighed|quipped|joked|retorted|mused|scoffed|exclaimed|countered|tweeted"
)
_INVERTED = re.compile(r"[”\"’],?\s*(?:" + _QUOTE_VERBS + r"|told reporters)\s+(?:the\s+)?")
_QUOTED_BY = re.compile(r"[”\"’],?\s+(?:he|she)\s+(?:[a-z]+ly\s+)?(?:" + _QUOTE_VERBS + r"|told)\b")
_QUOTED_BY_BODY = re.compile(
    r"[”\"’],?\s+the\s+(?:company|firm|group|ministry|organi[sz]ation|agency|government|department|embassy|party|"
    r"council|commission|bank|alliance|bloc|coalition|movement|statement|communiqué|declaration)\s+"
    r"(?:[a-z]+ly\s+)?(?:" + _QUOTE_VERBS + r")\b"
)
# The speaker named at the sentence's end, after a comma or a closing mark: "..., notes Fredrik Wesslau.",
# "..., says Srivastava.", "..., he says.", "“...,” Haq stated.", "..., the Kremlin said on Monday."
_TAIL_VERBS = r"(?:(?:has|have|had)\s+)?(?:" + _QUOTE_VERBS + r"|told (?:reporters|journalists)|reported|reports)"
# A speaker that may be no actor: "..., a report has warned.", "..., several diplomats said."
_REPORTER = (
    r"(?:the|a|an|one|some|several|many|other|its|their)\s+(?:[a-z][\w’'\-]*\s+){0,2}?"
    r"(?:report|statement|study|survey|analysis|sources?|spokes(?:person|man|woman)|officials?|diplomats?|"
    r"analysts?|experts?|observers?|critics?|researchers?|paper|memo|letter|document|assessment|communiqu[ée])"
)
TAIL_SAID = re.compile(
    r"(?P<cut>,[”\"’']?|[”\"’'],?)\s+(?:(?P<pronoun>he|she)\s+"
    + _TAIL_VERBS
    + r"|(?:"
    + _QUOTE_VERBS
    + r")\s+(?P<after>(?:the\s+)?[A-Z][^,;:]{1,50}?)"
    r"|(?P<before>(?:the\s+)?[A-Z][^,;:“”\"]{1,50}?|" + _REPORTER + r")\s+" + _TAIL_VERBS + r")"
    r"(?:\s+(?:on|in|at|to)\s+[^,;:“”\"]{1,40}?)?[.!?:]?\s*$"
)


def speaker_at_end(sentence: str) -> bool:
    """Whether `sentence` names its speaker at its end, after the words it reports (`TAIL_SAID`): they are not
    the author's, whether or not the speaker is an actor ("..., a report has warned.")."""
    tail = TAIL_SAID.search(sentence.rstrip())
    return tail is not None and len(sentence[: tail.start()].split()) >= 4


# “...,” the Russian president said, adding that ... / “...,” he subsequently wrote on X. / quoted X as saying
_REPORTED_SPEECH = re.compile(
    r"[”\"],?\s+(?:[\w’.\-]+\s+){0,6}?(?:said|says|wrote|writes|added|adds|told|stated|argued|argues|noted|notes|"
    r"warned|warns|explained|insisted|declared|continued|believes|thinks)\b|\bas saying\b"
)


def within_a_quotation(sentence: str, open_before: bool) -> bool:
    """Whether `sentence` goes on a quotation opened in a sentence before it (`open_before`, from
    `open_quotations`: "... “This signature is hard to understand.”") or is one quotation from its first
    character to its last: the words are someone else's, not the author's."""
    if open_before:
        return True
    sentence = sentence.rstrip()
    if sentence[:1] not in '“"':
        return False
    closing = [n for n, c in enumerate(sentence) if c in '”"'][1 if sentence[0] == '"' else 0 :]
    return not closing or closing[0] >= len(sentence) - 2


_QUOTE_MARKS = re.compile(r"[“”\"„]")
# Single quotation marks, as some house styles set quotations ("'I think most Republicans are supportive. It is
# about as successful as any aid,' said Sen. Lena Osk."): one that opens the paragraph or a sentence before a
# capital, and one after the closing punctuation; apostrophes ("can't", "the leaders' meeting") are neither
_SINGLE_OPEN = re.compile(r"(?:^|(?<=[.!?:]\s))'(?=[A-Z])")
_SINGLE_CLOSE = re.compile(r"(?<=[,.!?])'(?=\s|$)")


def double_quoted(paragraphs: list[str]) -> list[str]:
    """`paragraphs` with the single quotation marks of a paragraph that has no double ones set as double
    ones (“ ”), of the same length, so that the rules that follow quotations read them: offsets stay valid and
    evidence is still cut from the original text. Only where each quotation opened closes in the paragraph
    (not a quoted crosshead, "'Want a good relationship'", nor a quotation over several paragraphs)."""
    out = []
    for text in paragraphs:
        if not _QUOTE_MARKS.search(text):
            opened = len(_SINGLE_OPEN.findall(text))
            if opened and opened == len(_SINGLE_CLOSE.findall(text)):
                text = _SINGLE_CLOSE.sub("”", _SINGLE_OPEN.sub("“", text))
        out.append(text)
    return out


def open_quotations(text: str, spans: list[tuple[int, int]]) -> list[bool]:
    """For each sentence of paragraph `text`, whether a quotation opened before it is still open where it
    starts (“...”, "...", and the German „...“). One pass over the paragraph, whatever its length."""
    opened: list[str] = []
    out = []
    pos = 0
    for start, _ in spans:
        for c in _QUOTE_MARKS.findall(text, pos, max(pos, start)):
            if c == "„" or (c == "“" and not (opened and opened[-1] == "„")):
                opened.append(c)
            elif c == '"':
                opened = opened[:-1] if opened and opened[-1] == '"' else [*opened, c]
            elif opened:
                opened.pop()
        pos = max(pos, start)
        out.append(bool(opened))
    return out


def someone_elses_words(sentence: str) -> bool:
    """Whether `sentence` reports what someone else said, named at its end or after a quotation in it: the
    words are not the author's, whoever the speaker is."""
    return speaker_at_end(sentence) or _REPORTED_SPEECH.search(sentence) is not None


# a main clause, then "with" and whoever does what the participle says: "..., with the West calling the vote a sham"
_WITH_CLAUSE = re.compile(r"^(.{20,}?),\s+with\s+[^,;]{1,80}?\b[a-z]+ing\b")
_OTHERS = re.compile(
    r"\s*(?:(?:But|Yet|And|Still|Meanwhile),?\s+)?(?:Others|Some others|Many others)\s+"
    r"(?:(?:also|have|has|still|instead|further)\s+)*$"
)
_BUT_CLAUSE = re.compile(r"^.{20,}?,\s+but\s+(.{20,})$")
_CONCESSION = re.compile(
    r"^(?:While|Whilst|Although|Though|Whereas|Even though|Even if|Because|Since|Given that)\b[^,]{5,200},\s+(.{20,})$"
)


# Softer marks of the author's own assessment: modal and predictive verbs, superlatives, degree and
# evaluative words. Found on held-out commentary, where most of the author's claims carry no "should".
_AUTHOR_SOFT = re.compile(
    r"(?<!\bthat )(?<!\bwhich )(?<!\bwho )\b(could(?! have been)|"
    r"would(?!(?: \w+)? (?:later|then|eventually|soon|again|go on))|"
    r"might(?! have been)|cannot|"
    r"can[’']t|can not|will (?:need|have to|be)|(?:is|are) needed|"
    r"(?:is|are|was|were|remains?) (?:not |now |still |also )?(?:a |an |the )?(?:[\w’']+ )?"
    r"(?:prospect|sign|task|factor|challenge|test|priority|opportunity|threat|risk|mistake|failure|success|"
    r"setback|gamble|dilemma|paradox|irony|contradiction|consequence|result|product)|"
    r"(?:unable|failed|fails) to|(?:has|have) (?:\w+ )?(?:worsened|eroded|weakened|undermined|complicated|"
    r"deepened|improved)|complicates|worsens|erodes|"
    r"the (?:greatest|biggest|largest|most (?:\w+)|main|central|key|real|chief|primary) "
    r"(?:threat|risk|danger|problem|challenge|question|lesson|obstacle|concern|priority|factor|weakness)|"
    r"(?:helps?|helped|mitigates?|undermines?|undercuts?|leaves?|left) (?:\w+ ){0,3}(?:risk|vulnerable|exposed|"
    r"interests|security|stability|gap|gaps|open|without|unanswered)|"
    r"decisive|telling|profound|ambitious|ambition|"
    r"clearly|evidently|undoubtedly|certainly|surely|arguably|perhaps|probably|possibly|"
    r"distant|unlikely|likely)\b",
    re.IGNORECASE,
)


# A modal inside what someone else said, feared or expected: "it was announced that the party would seek ...",
# "which Armenia feared could compromise its sovereignty", "concerns that the sanctions could force ...": their
# forecast, not the author's (the author's own "we believe that ... could" stays)
_REPORTED_MODAL = re.compile(
    r"(?<!\bwe )(?<!\bI )(?<!\byou )\b(?:said|says|say|announced|stated|stating|declared|known|envisaged|"
    r"signall?ing|promised|pledged|claimed|claims?|insisted|argued|argues?|confirmed|warned|warns?|feared|fearing|"
    r"fears?|believes?|believed|betting|convinced|concerns?|expectation was|statement was|statement said)\s+"
    r"(?:that\s+){0,2}[^,.;:]{0,80}?\b(?:would|might|could|will (?:need|have to|be)|can(?:not|[’']t)?)\b",
    re.IGNORECASE,
)


def _authorial(sentence: str) -> bool:
    """A recommendation, judgement or hedged assessment in the author's own voice."""
    return (
        bool(_AUTHOR_CUES.search(sentence))
        or bool(_VERDICT.match(sentence))
        or bool(_ATTRIBUTIVE.search(sentence))
        or (bool(_HEDGES.search(sentence)) and len(sentence.split()) >= 8)
        or (bool(_AUTHOR_SOFT.search(_REPORTED_MODAL.sub(" ", sentence))) and len(sentence.split()) >= 7)
        or (bool(_DEMONSTRATIVE.match(sentence)) and len(sentence.split()) >= 5)
    )


# Policies and decisions an actor takes, which an analyst lists as its positions ("Caracas blocked
# the talks", "Serbia long resisted this", "the US withdrew from the agreement").
_DEED_VERBS = frozenset(
    form
    for base in words(
        "withdraw launch resist sideline tie defend covet add continue expand increase pledge stress demand refuse "
        "support oppose block sign agree accept recognise recognize veto sanction ban suspend resume pursue seek "
        "insist reject back endorse condemn welcome threaten deploy station abandon restore revive freeze halt "
        "escalate retaliate invade annex occupy arm fund finance mediate broker negotiate court prioritise "
        "prioritize favour favor promote push press block undermine stall obstruct kill throw declare order begin "
        "start strike"
    )
    for form in lexicon.inflect(base)
    if not form.endswith("ing")
)


def _deed(text: str, s_start: int, s_end: int, inside: list[Mention], index: ActorIndex) -> list[tuple[str, str, str]]:
    """The actor opening the sentence and what it did or does, when the verb is a policy decision."""
    opener = _sentence_subject(text, s_start, inside, index, s_end)
    if not opener:
        return []
    begin = _OPENING_ADVERBIAL.match(text, s_start, s_end)
    first = next(m for m in inside if m.key == opener[0] and m.start >= (begin.end() if begin else s_start))
    last = first
    keys = [first.key]
    for m in inside:  # "Norway, Finland and Estonia have ...": the verb follows the last of them, all hold it
        if m.start > last.end and re.fullmatch(
            r"(?:’s|'s)?\s*(?:,|,?\s+and|,?\s+or)\s+(?:the\s+)?", text[last.end : m.start]
        ):
            last = m
            keys.append(m.key)
    after = text[last.end : s_end]
    for n, word in enumerate(_WORD.finditer(after)):
        if n > 4:
            break
        if word.group() in _DEED_VERBS and _subject_gap(after[: word.start()]):
            # the stance is the predicate, with its auxiliary: "Has blocked the group since 2020."
            aux = re.search(r"\b(?:has|have|had|will|would|continues? to|long)\s+(?:\w+\s+)?$", after[: word.start()])
            start = aux.start() if aux else word.start()
            stance = _paraphrase(after[start:])
            return [(key, stance, "deed") for key in dict.fromkeys(keys) if _not_author(index, key)]
    return []


# "prompting the president to impose sanctions", "prompted the country’s government to adopt a stance": what
# events made an actor do is its deed
_PROMPTED_BEFORE = re.compile(
    r"\b(?:prompt(?:ed|ing|s)?|forc(?:ed|ing|es)|compell(?:ed|ing|s)|led|leading)\s+(?:the\s+)?$"
)
_PROMPTED_AFTER = re.compile(r"(?:[’']s\s+(?:government|leadership|authorities)\s+)?\s*to\s+(?!be\b)[a-z]+")


def _prompted(
    text: str, s_start: int, s_end: int, inside: list[Mention], index: ActorIndex
) -> list[tuple[str, str, str]]:
    out = []
    for m in inside:
        if m.adjective or not _not_author(index, m.key):
            continue
        if _PROMPTED_BEFORE.search(text, max(s_start, m.start - 20), m.start) and _PROMPTED_AFTER.match(
            text, m.end, s_end
        ):
            out.append((m.key, _paraphrase(text[m.start : s_end]), "prompted"))
    return out


_IRREGULAR_PAST = frozenset(
    words(
        "took made set sent gave began sought held told met led left kept brought built bought chose "
        "drew fought froze went hit put cut shut spent struck threw understood withdrew overthrew undertook "
        "became came saw thought knew found rose fell grew ran sold paid lent forgave forbade swore stood "
        "taken given begun chosen drawn fought frozen gone thrown undertaken overthrown risen fallen grown "
        "sworn stolen broken spoken written done"
    )
)


# What an actor did or does, by any verb: the fallback when no list above names the verb. Found on
# blind-annotated commentary, where most positions an analyst lists are deeds ("secured a deal",
# "took the decision to create a Space Force", "overthrew the elected government") with verbs no
# finite list anticipates. English has no reliable verb test without a tagger, so the verb is
# recognised by its place (right after an actor that opens a clause) and its form (a past tense, an
# auxiliary with a participle, a known verb).
_ACTION_VERBS = (
    frozenset(
        form
        for base in words(
            "issue implement secure take create establish sign overthrow arrest sanction propose set embrace identify "
            "understand detect leverage make announce call disinvite deliver adopt approve commit invest build develop "
            "acquire send provide host meet join leave cut raise lower impose lift extend renew expel recall summon "
            "allow permit enable want plan intend aim try hope use buy sell supply transfer train arm equip "
            "control hold keep run lead carry conduct stage attack bomb shell target kill detain jail release "
            "free deport seize capture retake recapture cede hand offer grant deny refuse approve ratify enact pass "
            "legislate regulate restrict tighten loosen relax ease raise double triple halve boost expand reduce "
            "slash increase decrease spend pay finance fund bankroll lend borrow owe default export import ship "
            "produce manufacture mine drill refine pump deploy station base move shift pivot turn return restore "
            "rebuild reform reshape redraw review revise scrap cancel terminate end conclude close open reopen "
            "launch start begin continue resume stop halt pause suspend freeze unfreeze abandon drop relinquish "
            "exit quit withdraw retreat advance push press pressure lobby court woo engage talk negotiate mediate "
            "broker host convene chair invite welcome visit tour travel fly sail patrol exercise drill test fire "
            "launch threaten warn deter defend protect shield guard back support oppose block veto resist reject "
            "accept agree sign endorse recognise recognize acknowledge condemn criticise criticize blame accuse "
            "deny dismiss ignore downplay tolerate welcome praise hail celebrate mark respond react retaliate "
            "escalate de-escalate respond counter contest claim assert insist maintain seek pursue prioritise "
            "prioritize favour favor prefer choose decide determine resolve vote elect appoint nominate name "
            "designate list delist add remove include exclude ban outlaw criminalise criminalize prosecute "
            "investigate probe monitor watch track spy hack disrupt sabotage undermine weaken strengthen bolster "
            "reinforce shore prop tie link align side ally partner cooperate coordinate collaborate compete "
            "rival challenge confront dominate outpace overtake apply introduce wait readmit"
        )
        for form in lexicon.inflect(base)
        if not form.endswith("ing")
    )
    | _IRREGULAR_PAST
)
# Verbs after an actor that describe it rather than a stance it takes.
_NOT_ACTION = frozenset(
    words(
        "is are was were be has have had lies lie borders border includes include contains contain accounts "
        "ranks rank shares share numbers number totals totals comprises comprise covers cover stretches "
        "means mean ago said says remain remains remained become becomes became fail fails failed inherit inherits "
        "inherited fragmented splintered"
    )
)
_NOT_PAST = frozenset(
    words("united armed red bed need speed seed feed breed shed hundred kindred sacred naked wicked based led")
)
_AUX_BE = frozenset(words("is are was were"))
# Progressives that tell what befalls an actor, not what it does
_PLIGHT = frozenset(
    words(
        "grappling struggling suffering facing experiencing losing reeling bleeding collapsing failing dying "
        "starving drowning sinking shrinking declining falling sliding lagging trailing running being going "
        "getting becoming remaining living having seeing feeling hoping waiting coming looking"
    )
)
_STATE_VERBS = frozenset(words("have be become remain face see get need lack"))
_AUX_HAVE = frozenset(words("has have had"))
_MODALS = frozenset(words("will would shall"))  # "can", "could", "may": the author's speculation
_TO_ADJECTIVES = frozenset(
    words(
        "likely unlikely set poised expected determined keen eager willing ready prepared unwilling reluctant about "
        "going trying seeking planning hoping able unable obliged bound due committed"
    )
)
_ROLE_NOUNS = frozenset(
    words(
        "adversary ally allies partner partners supporter supporters backer backers critic critics opponent "
        "opponents champion champions advocate advocates proponent proponents sponsor sponsors guarantor "
        "guarantors mediator mediators enemy enemies rival rivals patron patrons defender defenders "
        "beneficiary beneficiaries holdout holdouts spoiler spoilers obstacle driver force leader leaders"
    )
)
# The actor mentions of one sentence that the rules look at: a "sentence" naming more is a list or broken
# text, not prose, and the rules that pair every mention with the others would take quadratic time on it
MAX_MENTIONS = 40
_CLAUSE_LEAD = re.compile(
    r"(?:^\s*|(?:^|[,;]|\band)\s*(?i:in|on|by|since|during)\s+(?:\w+\s+){0,2}?\d{4},?\s+|[,;:–—]\s*|\b(?i:and|but|when|after|as|while|because|since|before|once|though|although|"
    r"whereas|where|so|that)\s+)(?:(?i:the|both|senior|many|some|new|former|current|incoming|outgoing|"
    # "The usual donors are backing away", "the main opposition parties have ...": a word that ranks them
    r"usual|traditional|main|key|major|leading|biggest|largest|remaining|other)\s+)*"
    # a title or owner before the name: "Myanmar’s Army chief Gen. Min Aung Hlaing"
    r"(?:(?:(?!(?:If|Whether|Unless|When|While|Although|Though|Because|Since|As|After|Before|Once|Until|The|A|An|"
    r"This|That|These|Those|It|In|On|At|For|With|By|From|To|Of|Recent|What|How|Why)\b)[A-Z][\w’'.\-]*(?<!ing)|"
    r"[\w\-]+(?:’s|'s)|chief|head|leader|president|minister|secretary|general|commander|envoy|ambassador|"
    r"spokesperson|spokesman|spokeswoman)\s+){0,4}$"
)
_SKIP_ADVERB = frozenset(
    words(
        "also now still already long then once soon later again even further first recently reportedly "
        "subsequently since initially originally eventually finally ultimately quickly swiftly publicly "
        "formally officially openly privately effectively largely partly jointly together duly too likewise "
        "similarly"
    )
)


def _adverb(word: str) -> bool:
    """A word that may sit between a subject and its verb: "quickly", "evidently", "also"."""
    w = word.lower()
    if w in _SKIP_ADVERB:
        return True
    return (
        word[:1].islower()
        and len(w) > 4
        and w.endswith("ly")
        and w not in _ACTION_VERBS
        and w not in ("likely", "unlikely")
    )


# Verbs that make a stance only with the right object ("imposed sanctions", "took the decision"), not
# otherwise ("lifted the mood", "showed a record harvest", "maintains influence"); verbs of saying and
# seeing are left to `_attributed`, which knows their complements.
_ACTION_OBJECTS = {
    "take": r"(?:the |a )?(?:decision|decisions|steps?|action|measures|control|part|over|the lead)\b",
    "hold": r"(?:\w+ )?(?:talks|elections?|summits?|meetings?|consultations|referendums?|referenda|votes?|"
    r"(?:press|news) conferences?)\b",
    # "maintains a longstanding relationship with Russia"; not "maintains influence"
    "maintain": r"(?:\w+ ){0,3}?(?:relationship|relations|ties|contacts|dialogue|sanctions|ban|embargo|neutrality|"
    r"presence|troops|forces|blockade|ceasefire|moratorium)\b",
    # "gave an important speech", "gave assurances"; not "gave way"
    "give": r"(?:\w+ ){0,2}?(?:speech|address|interview|briefing|testimony|assurances|guarantees|approval|"
    r"green light|go-ahead|backing)\b",
    "impose": r"(?:\w+ ){0,3}?(?:sanctions|embargo|tariffs|bans?|restrictions|controls|duties|curfew|blockade)\b",
    "lift": r"(?:\w+ ){0,3}?(?:sanctions|embargo|tariffs|bans?|restrictions|controls|duties|curfew|blockade)\b",
    # "expressed support for the plan", "voiced concern"; not "expressed itself"
    "express": r"(?:\w+ ){0,2}?(?:support|opposition|concerns?|interest|willingness|readiness|scepticism|skepticism|"
    r"doubts?|reservations|solidarity|regret|frustration|anger|alarm|hope|confidence|openness)\b",
    "voice": r"(?:\w+ ){0,2}?(?:support|opposition|concerns?|scepticism|skepticism|doubts?|reservations|"
    r"solidarity|frustration|anger|alarm|hope|confidence)\b",
    # "raised military tensions", "raised tariffs"; not "raised questions" (a view, left to `_attributed`)
    "raise": r"(?:\w+ ){0,3}?(?:tensions|tariffs|rates|taxes|prices|stakes|spending|budgets?|troop levels|alert|"
    r"duties|the retirement age|the threshold|the ceiling|the pressure|pressure)\b",
    # "was considering supplying the kingdom with ...", "is considering sanctions"
    "consider": r"(?:\w+ing|whether|options?|plans?|proposals?|sanctions|measures|steps|legislation|a |an )\b",
    # "labelled the attack a clear act of sabotage", "described the plan as a good first step"
    "label": r"(?:\S+ ){1,4}?(?:an?|as) ",
    "describe": r"(?:\S+ ){1,4}?as ",
}
_ACTION_REFUSED = frozenset(
    words(
        "maintain show give raise voice express rally see find call label describe add state spell tell write note "
        "point hope think feel view regard hold take impose lift consider cite frame credit remind"
    )
)


def _is_verb_form(word: str, then: list[str] | None = None) -> bool:
    """A verb form of action or stance; `then` holds the words after it, for verbs that need an object."""
    w = word.lower()
    if w in _NOT_ACTION:
        return False
    base = lexicon.VERB_FORMS.get(w) or next((b for b, forms in _IRREGULAR_ACTION.items() if w in forms), None)
    if base in _ACTION_REFUSED:
        pattern = _ACTION_OBJECTS.get(base)
        return bool(pattern and then is not None and re.match(pattern, " ".join(then)))
    if w in _ACTION_VERBS or w in _DEED_VERBS or w in lexicon.VERB_FORMS:
        return True
    return len(w) >= 5 and w.endswith("ed") and w not in _NOT_PAST and "-" not in w


_IRREGULAR_ACTION = {"take": ("took", "taken", "take", "takes"), "hold": ("held", "hold", "holds")}


_TIME_ASIDE = re.compile(
    r"^\s+(?:in|on|last|this|earlier this|late|early)\s+(?:(?:early|late|mid-)?\s*(?:January|February|March|April|May|"
    r"June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"week|month|year|spring|summer|autumn|winter)(?:\s+\d{4})?|\d{4})(?=\s+[a-z])"
)


def _bare_verb(words_after: list[str]) -> bool:
    """A word after a modal that is a verb of its own, not a refused one that lacks its object."""
    w = words_after[0]
    base = lexicon.VERB_FORMS.get(w) or next((b for b, forms in _IRREGULAR_ACTION.items() if w in forms), None)
    return base not in _ACTION_REFUSED and w not in _NOT_ACTION and w.isalpha() and w not in _DETERMINERS


def _predicate_start(after: str) -> int | None:
    """Where the verb group starts in `after` (the text following the subject), or None when no verb of
    action or stance follows within a few words."""
    # "Kim Jong Un in January declared ...": a time between the subject and the verb
    after = _TIME_ASIDE.sub(lambda m: " " * len(m.group()), after, count=1)
    # "had, to that point, notched": an aside between the auxiliary and the verb
    after = re.sub(
        r"^(\s*(?:has|have|had|is|are|was|were|will|would)),[^,;:.]{1,40},",
        lambda m: m.group(1) + " " * (len(m.group()) - len(m.group(1))),
        after,
    )
    # "Minsk has so far refrained from ...", "Norway in turn refused ...": an aside before the verb
    after = re.sub(
        r"^(\s*(?:(?:has|have|had)\s+)?)(?:so\s+far|thus\s+far|in\s+turn|for\s+now|in\s+response|in\s+return)\b",
        lambda m: m.group(1) + " " * (len(m.group()) - len(m.group(1))),
        after,
    )
    tokens = list(_WORD.finditer(after))
    if not tokens or re.search(r"[.;:!?“”\"(–—)]", after[: tokens[0].start()]):
        return None
    n = 0
    while n < len(tokens) and _adverb(tokens[n].group()):
        n += 1
    if n >= len(tokens) or n > 2:
        return None
    first = tokens[n]
    if re.search(r"[.;:!?“”\"(),–—]", after[: first.start()]):
        return None
    w = first.group().lower()
    nxt = [t.group().lower() for t in tokens[n + 1 : n + 7]]
    if w in _AUX_BE | _AUX_HAVE and nxt[:1] in (["not"], ["neither"]):
        nxt = nxt[1:]  # "is not applying prohibitive tariffs", "has not ratified the treaty": a stance too
    if w in _AUX_HAVE and nxt[:2] == ["yet", "to"]:
        return first.start()  # "has yet to join the pact"
    if nxt[:1] == ["yet"]:
        nxt = nxt[1:]  # "has not yet joined"
    while nxt and _adverb(nxt[0]):
        nxt = nxt[1:]
    start = first.start()
    if w in _AUX_HAVE:
        if not nxt:
            return None
        if nxt[0] == "been":
            rest = nxt[1:]
            role = [x for x in rest[:3] if x not in ("a", "an", "the", "key", "main", "major", "close", "staunch")]
            if rest and (rest[0].endswith("ing") or (role and role[0] in _ROLE_NOUNS)):
                return start
            return None
        return start if _is_verb_form(nxt[0], nxt[1:]) and nxt[0] not in ("been",) else None
    if w in _AUX_BE:
        if not nxt:
            return None
        stem = nxt[0][:-3]
        if nxt[0].endswith("ing") and any(_is_verb_form(v, nxt[1:]) for v in (stem, stem + "e", stem[:-1])):
            return start  # "is proposing", "are considering"; not "is grappling with"
        if (
            nxt[0].endswith("ing")
            and len(nxt[0]) > 5
            and nxt[0] not in _PLIGHT
            and not any((lexicon.VERB_FORMS.get(v) or v) in _ACTION_REFUSED for v in (stem, stem + "e", stem[:-1]))
        ):
            return start  # "are increasingly hedging their bets": the progressive of a verb no list names
        if nxt[0] in _TO_ADJECTIVES and len(nxt) > 1 and nxt[1] == "to":
            # "is set to expand", "is unlikely to cease"; not "is unlikely to have the manpower"
            return start if len(nxt) < 3 or nxt[2] not in _STATE_VERBS else None
        if nxt[0] in ("likely", "unlikely") and len(nxt) > 2 and nxt[1] in _TO_ADJECTIVES and nxt[2] == "to":
            return start  # "is likely prepared to pursue"
        role = [x for x in nxt[:3] if x not in ("a", "an", "the", "key", "main", "major", "close", "staunch")]
        return start if role and role[0] in _ROLE_NOUNS else None
    if w in _MODALS:
        if nxt[:1] == ["be"] and len(nxt) > 1 and nxt[1].endswith("ing"):
            stem = nxt[1][:-3]
            if any(_is_verb_form(v, nxt[2:]) for v in (stem, stem + "e", stem[:-1])):
                return start  # "the Labour Party would be seeking cooperation": a progressive after the modal
        # after "will", "would" or "shall" the next word is a verb by grammar: "France shall readmit ..."
        return (
            start
            if nxt and nxt[0] not in ("be", "have", "not") and (_is_verb_form(nxt[0], nxt[1:]) or _bare_verb(nxt))
            else None
        )
    if w in ("do", "does", "did"):
        return start if nxt and nxt[0] == "not" else None
    if w in ("seems", "seemed", "appears", "appeared") and nxt and nxt[0] == "to":
        return start
    return start if _is_verb_form(w, nxt) and first.group()[:1].islower() else None


# "according to a report, ...", "..., according to an analysis by American experts": a source no actor names
# reports what the sentence's subject is or may do
_REPORTED_BY = re.compile(
    r"\b[Aa]ccording to\s+(?:[\w’'\-]+\s+){0,4}?(?:reports?|polls?|surveys?|sources?|analysis|analyses|study|"
    r"studies|documents?|officials|diplomats|experts|analysts|observers|insiders|interlocutors?)\b"
)
_REPORTED_VERB = re.compile(
    r"\s*(?:[a-z]+ly\s+)?(?:is|are|was|were|has|have|had|may|might|could|can|will|would|plans?)\s"
)


_WITH_LEAD = re.compile(r",\s+with\s+(?:the\s+)?$")
# not "currently occupying 29 seats", "still holding": a state of affairs, no deed
_ING_AFTER = re.compile(r"\s+(?:(?!currently\b)[a-z]+ly\s+)?(?!(?:occupy|hold|control|hav)ing\b)([a-z]{3,}ing)\b")


def _ing_predicate(after: str) -> int | None:
    """Where a participle of action starts in `after` ("originally banning the delivery ..."), or None."""
    ing = _ING_AFTER.match(after)
    if ing is None:
        return None
    stem = ing.group(1)[:-3]
    forms = (stem, stem + "e", stem[:-1], stem + "ed", stem + "d", stem[:-1] + "ed")
    if any(f in _ACTION_VERBS or f in _DEED_VERBS for f in forms) or ing.group(1) in _ACTION_VERBS:
        return len(after) - len(after.lstrip())
    return None


def _reported_predicate(after: str) -> int | None:
    """Where the verb group starts in `after` when a report says what the subject is or may do ("the UAE was
    the only member to block ...", "Beijing and Moscow may beef up ...")."""
    verb = _REPORTED_VERB.match(after)
    return len(after) - len(after.lstrip()) if verb else None


def _action(
    text: str,
    s_start: int,
    s_end: int,
    inside: list[Mention],
    index: ActorIndex,
    last: Recent = (None, None, None),
    reported: bool = False,
) -> list[tuple[str, str, str]]:
    """Actors that open a clause and the predicate that follows them, when it is a verb of action.

    `last` is the person, the other actor and the state or organisation named last before the sentence,
    for a clause opened by "he"/"she", "they" or "it".
    """
    out: list[tuple[str, str, str]] = _pronoun_action(text, s_start, s_end, inside, index, last)
    for n, m in enumerate(inside):
        if not _not_author(index, m.key):
            continue
        head = n
        # a list ends on "and" or "or" ("A, B and C"): after a comma and "the" ("despite talks in Saudi Arabia, the
        # Ukrainian opposition blocked ...") the actor opens a clause of its own
        while (
            head
            and re.fullmatch(
                r"\s*(?:,|,?\s+and|,?\s+or)\s+(?:the\s+)?", text[inside[head - 1].end : inside[head].start]
            )
            and (head < n or not re.fullmatch(r"\s*,\s+the\s+", text[inside[head - 1].end : inside[head].start]))
        ):
            head -= 1
        if head < n and re.search(
            r"\b(?:between|of|with|against|to|from|for|by|on|in|at|among|and|or)\s+(?:the\s+)?$",
            text[s_start : inside[head].start],
            re.IGNORECASE,
        ):
            continue  # "between Israel and Hizbullah": a list inside a phrase, not a new clause
        after = text[m.end : s_end]
        if m.adjective:
            role = re.match(r"\s+(?:\w+\s+)?(" + "|".join(_ROLE_WORDS) + r")\b", after)
            if not role:
                continue  # "Chinese capabilities grew": not China acting
            after = after[role.end() :]
        elif re.match(rf"\s+(?:{_BODY_ROLES})\b", after):
            after = re.sub(rf"^(?:\s+(?:{_BODY_ROLES})\b)+", "", after)  # "U.S. forces hit 85 targets"
        elif after[:1] in "’'":
            # "Germany’s defence minister immediately labelled ...": the state acting through its office;
            # "Russia’s tendency" is not Russia acting
            roles = "|".join(_ROLE_WORDS)
            role = re.match(rf"(?:’s|'s)\s+(?:\w+\s+){{0,2}}?(?:{roles})(?:\s+(?:{roles}))*\b", after)
            if not role:
                continue
            after = after[role.end() :]
        lead = text[s_start : m.start]
        # "members of the National League for Democracy established ...": the body acting through its members
        members = _MEMBERS_OF.search(lead)
        # "..., with SAF originally banning the delivery of supplies": the deed of the "with" clause's subject
        with_lead = _WITH_LEAD.search(lead) is not None and not members
        if not with_lead and not _CLAUSE_LEAD.search(lead[: members.start()] if members else lead):
            continue
        # "Australia, Japan and India have ...": the verb follows the last of a list, all hold it
        keys = [m.key]
        tail = m
        for other in inside:
            if other.start > tail.end and re.fullmatch(
                r"\s*(?:,|,?\s+and|,?\s+or)\s+(?:the\s+)?", text[tail.end : other.start]
            ):
                keys.append(other.key)
                tail = other
        if tail is not m:
            after = text[tail.end : s_end]
        # "Japan’s government under Prime Minister Kishida Fumio has ...": who leads it is an aside
        after = re.sub(r"^\s+(?:under|led by)\s+(?:[A-Z][\w’'.\-]*\s+){1,5}(?=[a-z])", " ", after)
        after = re.sub(r"^\s*,[^,;:]{1,90},", " ", after)  # an apposition
        after = _PLACED_IN.sub(" ", after, count=1)
        after = re.sub(r"^\s*\([^)]{1,60}\)", " ", after)
        begin = _ing_predicate(after) if with_lead else _predicate_start(after)
        if begin is None and reported:
            begin = _reported_predicate(after)
        if begin is None:
            continue
        that = re.search(r"\b(\w+)\s+that\s+(?:the\s+)?(?:[\w’'.\-]+\s+){0,4}$", text[s_start : m.start])
        if that and (_relative_that(that.group(1)) or not _past(after[begin:])):
            # "the analysis that Transnistria’s leaders conducted": a relative clause; "fears that the US
            # will ...": a prediction reported, not a deed
            continue
        predicate = after[begin:]
        if _SUBORDINATE.search(text[s_start : m.start]):
            # "While Hamas has expressed support for the plan, the proposal ...": the clause ends at the comma
            predicate = predicate.split(",")[0]
        stance = _paraphrase(predicate)
        if len(stance.split()) < 3:
            continue
        # "since Trump withdrew from the agreement and since Biden launched his drive": each clause's actor
        out += [(key, stance, "action") for key in keys if _not_author(index, key) and key not in {o[0] for o in out}]
    if out:
        return list({o[0]: o for o in out}.values())
    # "The SDF is also backed by Washington": the agent of a passive deed holds it
    for m in inside:
        passive = _PASSIVE_BY.search(text, s_start, m.start)
        if passive and passive.end() == m.start and _not_author(index, m.key) and not m.adjective:
            stance = _paraphrase(text[s_start:s_end])
            return [(m.key, stance, "action")] if stance else []
    return []


_MEMBERS_OF = re.compile(
    r"\b(?:[\w\-]+\s+){0,2}?(?:members|member states|leaders|representatives|officials|delegates|delegations|"
    r"envoys|ministers|negotiators|diplomats|forces|troops|supporters|factions|parts|elements|wings?|"
    r"(?:diplomatic\s+)?efforts)\s+(?:of|from|by)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_PRONOUN_LEAD = re.compile(
    # "Yet they are not willing to ...": a discourse adverb before the pronoun
    r"(?:^\s*(?:(?:Yet|So|Still|Instead|Meanwhile|However|Indeed|Now|Then|Thus|Hence|Moreover)\s*,?\s+)?"
    r"|[,;]\s*(?:and\s+|but\s+)?|\b(?:and|but)\s+"
    # "On 11 March 2025 it proposed ...", "Though it has refused to condemn ...": a date or a subordinator first
    r"|(?:^|[,;])\s*(?i:in|on|by|since|during)\s+(?:\w+\s+){0,2}?\d{4},?\s+"
    r"|(?:^|[,;])\s*(?i:though|although|while|whereas|because|once|after|before)\s+)"
    r"(?:(He|She|It|They|he|she|it|they)"
    # "His interim government has pledged ...": the office of the one named before
    r"|(His|Her|Its|Their|his|her|its|their)\s+(?:new\s+|interim\s+|own\s+|transitional\s+)?"
    r"(?:government|administration|officials|forces|troops|military|army|ministers|cabinet|leadership)"
    # "Their joint statement highlighted concerns ...": what the owner put out says what it holds
    r"|(His|Her|Its|Their|his|her|its|their)\s+(?:joint\s+|latest\s+|formal\s+|official\s+|public\s+|written\s+)?"
    r"(?:statement|letter|declaration|communiqu[ée]|memorandum|speech|remarks|comments|message|decree))(?=\s|[’']s\s)"
)
_AFTER_PREPOSITION = re.compile(r"\b(?:with|of|by|to|from|against|for|on|at|about|beside|than)\s+(?:the\s+)?$")
_POSSESSIVE = {"his": "he", "her": "she", "its": "it", "their": "they"}


def _pronoun_action(
    text: str,
    s_start: int,
    s_end: int,
    inside: list[Mention],
    index: ActorIndex,
    last: Recent,
) -> list[tuple[str, str, str]]:
    """Deeds of a clause opened by a pronoun: "he continued to exert influence", "it played a key role"."""
    last_person, last_group, last_body = last
    out: list[tuple[str, str, str]] = []
    sentence = text[s_start:s_end]
    for lead in _PRONOUN_LEAD.finditer(sentence):
        word = (lead.group(1) or _POSSESSIVE[(lead.group(2) or lead.group(3)).lower()]).lower()
        before = [m for m in inside if m.end <= s_start + lead.start() and not m.adjective]
        if word in ("he", "she"):
            persons = [m for m in before if index.actors[m.key].kind is ActorKind.PERSON]
            # "When Brel emerged from his talks with Osk, he awarded ...": not the person after a preposition
            free = [m.key for m in persons if not _AFTER_PREPOSITION.search(text, max(s_start, m.start - 12), m.start)]
            holder = (free or [m.key for m in persons])[-1] if persons else last_person
        elif before:
            # within the sentence "it" and "they" point back to its subject, if that is a body or a group
            opener = _sentence_subject(text, s_start, inside, index, s_end)
            kinds = (ActorKind.STATE, ActorKind.ORGANISATION) if word == "it" else ()
            holder = opener[0] if opener and (not kinds or index.actors[opener[0]].kind in kinds) else None
        else:
            holder = last_group if word == "they" else last_body
        if not holder or not _not_author(index, holder) or any(o[0] == holder for o in out):
            continue
        after = re.sub(r"^[’']s\b", " is", sentence[lead.end() :])  # "he’s planning a reduction in aid"
        begin = _predicate_start(after)
        if begin is None or (word == "it" and (re.match(r"\s*(?:is|was)\b", after) or not _past(after[begin:]))):
            continue  # "it is likely that ...", "it suggests a shift": no one acting, an inference
        verb = after[begin:].split()[0].lower()
        if lexicon.VERB_FORMS.get(verb) in _EVIDENTIAL and not lead.group(3):
            continue  # "it suggests a shift": an inference (but "their statement highlighted": their view)
        predicate = after[begin:]
        pronoun_at = lead.start(1) if lead.group(1) else lead.start(2) if lead.group(2) else lead.start(3)
        if _SUBORDINATE.search(sentence[: lead.end() - len(lead.group().lstrip(" ,;"))]) or _SUBORDINATE.search(
            sentence[:pronoun_at]
        ):
            predicate = predicate.split(",")[0]
        stance = _paraphrase(predicate)
        if len(stance.split()) >= 3:
            out.append((holder, stance, "action"))
    return out


# "the two leaders agreed on ...", "both leaders have moved to ...": the two people just named acting together
_NUMBERED = re.compile(r"\s*(?:[Tt]he|[Aa]ll)\s+(two|three|four|five|six)\s+(?:countries|states|nations|governments)\b")
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_SIDES_LEAD = re.compile(r"\s*(?:[Tt]he\s+two|[Bb]oth)\s+(?:sides|countries|governments|capitals)\b")
_PAIR_LEAD = re.compile(r"(?:^\s*|,\s+)(?:[Tt]he\s+two|[Bb]oth)\s+(?:leaders|men|women|presidents|ministers)\b")


def _pair_action(
    text: str,
    s_start: int,
    s_end: int,
    inside: list[Mention],
    index: ActorIndex,
    before: list[str],
    sides: list[str] | None = None,
) -> list[tuple[str, str, str]]:
    """Deeds of "the two leaders": the two people named before it in the sentence, or else in the sentence
    before, when exactly two are. "Both sides" opening a sentence are the two actors, of any kind, the sentence
    before names ("Trump’s first encounter with Tehran ... Both sides described the talks as positive")."""
    lead = _PAIR_LEAD.search(text, s_start, s_end)
    if lead is None:
        lead = _SIDES_LEAD.match(text, s_start, s_end)
        if lead is None or any(m.start < lead.end() for m in inside):
            return []
        before, inside = list(sides or []), []
        said = re.match(r"\s+(?:(?:have|had|has)\s+)?([a-z]+)\b", text[lead.end() : s_end])
        if said and said.group(1) in lexicon.VERB_FORMS and len(before) == 2:
            # "Both sides described the talks as positive": a verb of saying, their view
            stance = _paraphrase(text[lead.end() + said.start(1) : s_end])
            return [(k, stance, "action") for k in before] if len(stance.split()) >= 3 else []
    named = list(
        dict.fromkeys(m.key for m in inside if m.end <= lead.start() and index.actors[m.key].kind is ActorKind.PERSON)
    )
    people = named or before
    if len(people) != 2 or not all(_not_author(index, k) for k in people):
        return []
    after = text[lead.end() : s_end]
    begin = _predicate_start(after)
    if begin is None:
        return []
    stance = _paraphrase(after[begin:])
    return [(k, stance, "action") for k in people] if len(stance.split()) >= 3 else []


_DOCUMENTS = r"(?:executive\s+order|order|memorandum|decree|directive|proclamation)"
# "an executive order signed by Trump", "a Trump-signed memorandum": a document and who signed or issued it
_SIGNED_BY = re.compile(
    r"\b(?:an?|the|his|her)\s+(?:[\w’'\-]+\s+){0,2}?(?P<doc>" + _DOCUMENTS + r")\s+(?:signed|issued)\s+by\s+$"
)
_SIGNED_BEFORE = re.compile(r"\b(?P<name>[A-Z][\w’'\-]+)-signed\s+(?:[\w’'\-]+\s+){0,2}?(?P<doc>" + _DOCUMENTS + r")\b")
# "A recent Brel-signed memorandum on fishing was ...": a document opening the sentence as its subject
_DOCUMENT_SUBJECT = re.compile(r"\s*(?:An?|The)\s+(?:[\w’'\-]+\s+){0,3}?(?P<doc>" + _DOCUMENTS + r")\b")
# "The order, issued a day prior, directs ...": the document named at the opening of the sentence, and its verb
_DOCUMENT_OPENS = re.compile(r"\s*The\s+(?P<doc>" + _DOCUMENTS + r")(?:\s*,[^,;:]{1,60},)?\s+")


def _note_issuers(
    text: str,
    s_start: int,
    s_end: int,
    inside: list[Mention],
    index: ActorIndex,
    surnames: dict[str, set[str]],
    issued: dict[str, str],
) -> None:
    """Record in `issued` who signed each order or memorandum the sentence introduces."""
    for m in inside:
        signed = _SIGNED_BY.search(text, max(s_start, m.start - 80), m.start)
        if signed and not m.adjective and _not_author(index, m.key):
            issued[signed.group("doc").split()[-1].lower()] = m.key
    for signed in _SIGNED_BEFORE.finditer(text, s_start, s_end):
        # "Trump-signed": the person whose surname it is, if the text names exactly one so
        people = surnames.get(signed["name"], set())
        if len(people) == 1:
            issued[signed.group("doc").split()[-1].lower()] = next(iter(people))


def _document_action(text: str, s_start: int, s_end: int, issued: dict[str, str]) -> list[tuple[str, str, str]]:
    """ "The order, issued a day prior, directs ...": what an order or memorandum its signer issued says or does
    is the signer's."""
    opens = _DOCUMENT_OPENS.match(text, s_start, s_end)
    holder = issued.get(opens.group("doc").split()[-1].lower()) if opens else None
    if holder is None:
        return []
    after = text[opens.end() - 1 : s_end]
    begin = _predicate_start(after)
    if begin is None and re.match(r"\s[a-z]{4,}s\s+(?:the|a|an|all|[A-Z])", after):
        begin = 1  # "The order directs the Treasury to ...", "The decree bans all ...": what the document does
    if begin is None:
        return []
    stance = _paraphrase(after[begin:])
    return [(holder, stance, "action")] if len(stance.split()) >= 3 else []


def _relative_that(word: str) -> bool:
    """Whether "that" after `word` opens a relative clause ("the review that ...") rather than a reported
    one ("said that ...", "clear that ...")."""
    w = word.lower()
    return w not in _THAT_HEADS and w not in lexicon.VERB_FORMS and w not in ("so", "now", "such", "except", "given")


def _past(predicate: str) -> bool:
    """A predicate in the past or perfect: "took the decision", "has expanded", "had moved"."""
    first = predicate.split()[0].lower() if predicate.split() else ""
    return first in _AUX_HAVE or first in ("was", "were") or first.endswith("ed") or first in _IRREGULAR_PAST


_THAT_HEADS = frozenset(
    words(
        "consider recall remember given fact clear evident obvious true apparent notable striking telling "
        "significant ironic suggests suggested shows showed means meant indicates indicated reveals revealed "
        "confirms confirmed is was"
    )
)
_SUBORDINATE = re.compile(
    r"(?:^\s*|[,;]\s*)(?i:while|whilst|although|though|because|since|when|after|as|once|before|whereas)\s+"
    r"(?:[\w’'.\-]+\s+){0,5}$"
)
_PASSIVE_BY = re.compile(
    r"\b(?:is|are|was|were|been|being)\s+(?:[a-z]+ly\s+|also\s+|now\s+|long\s+)?"
    r"([a-z]+ed|[a-z]+en|withheld|held|kept|sent|built|brought|sought|fought|made|paid|led|set|cut|shut|hit|struck|"
    r"won|sold|told|spent|lent)\s+by\s+(?:the\s+)?"
    # "withheld by the military-backed Humanitarian Aid Commission": a description before the name
    r"(?:[a-z][a-z\-]*-[a-z]+\s+)?"
)


# A dated event: "In 2014, ...", "on 3 January", "in March 2024", "last week"; not "since the 1979 revolution".
_NARRATIVE = re.compile(
    r"\b(?:(?:in|on|during|by|until|early|late|mid-)\s+(?:early\s+|late\s+)?(?:\d{1,2}\s+)?"
    r"(?:1[89]\d\d|20\d\d|January|February|March|April|May|June|July|August|September|October|November|December)"
    r"|\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"|yesterday|last (?:week|month|year)|(?:days?|weeks?|months?|years?) ago|earlier this)\b",
    re.IGNORECASE,
)
# Modal "would", "could" and "might" are left to `_AUTHOR_SOFT`, which knows their narrative uses.
_CLAIM_VERB = re.compile(
    r"(?<!would )(?<!could )(?<!might )(?<!should )(?<!must )"
    r"\b(?:is|are|remains?|has|have|will|should|must|can|cannot|may|needs?|seems?|appears?|"
    r"lacks?|depends?|requires?|matters?|means?|makes?|offers?|faces?|risks?|poses?|creates?|leaves?|"
    r"gives?|allows?|helps?|shows?|suggests?|underlines?|underscores?)\b"
)


_OBLIGATION = re.compile(r"\s*(?:’s|'s)?(?:\s+\w+){0,2}?\s+(?:should|must|ought to|needs to|need to)\b")


def _advice_to_actor(text: str, s_start: int, s_end: int, inside: list[Mention], index: ActorIndex) -> bool:
    """The sentence opens with an actor told what to do: "The EU should ...", "Washington must ..."."""
    opener = _sentence_subject(text, s_start, inside, index)
    if not opener:
        return False
    first = inside[0]
    return bool(_OBLIGATION.match(text[first.end : s_end]))


def _undated_claim(sentence: str, subject: list[str]) -> bool:
    """Any other sentence of the author's that is neither a dated event nor about a named actor: blind
    annotators list most of these as the author's claims ("the international response was muted",
    "redundancy offers little comfort"). A sentence whose subject is a named actor describes that actor
    ("Transnistria is a presidential republic") and is left out, as are short fragments."""
    return (
        not subject
        and len(sentence.split()) >= 6
        and not _NARRATIVE.search(sentence)
        and not _NARRATIVE_MODAL.search(sentence)
        and not re.match(r"\s*(?:He|She|They)\b", sentence)  # a description of the actor named before
        and not sentence.lstrip().startswith(("“", '"', "‘"))  # a quotation: someone else's words
        and not _META.search(sentence)
    )


# The text about itself: "In this blog, we explain ...", "In this Q&A, our expert looks at ..."
_META = re.compile(
    r"^\s*(?:In this (?:blog|post|article|paper|piece|commentary|Q&A|report|brief|analysis|chapter|essay)\b|"
    r"(?:This|The following) (?:blog|post|article|piece|Q&A|commentary) (?:explains|looks|examines|sets out))",
    re.IGNORECASE,
)


# "would withdraw later that year", "could have been killed", "a proposal that would compel": events told,
# not claims made
_NARRATIVE_MODAL = re.compile(
    r"\b(?:could|might) have been\b|\bwould(?: \w+)? (?:later|then|eventually|soon|again|go on)\b|"
    r"\b(?:later|earlier) that (?:year|month|week|day)\b|\b(?:that|which|who) would\b",
    re.IGNORECASE,
)


# An event dated by its weekday: "met Putin in Anchorage on Friday", "are due to meet on Monday"
_WEEKDAY = re.compile(r"\b(?:on|last|this|since|until|by) (?:{})\b".format("|".join(sorted(lexicon.WEEKDAYS))))


def _present_claim(sentence: str) -> bool:
    """A general claim in the present or future ("Europeans face a twofold task"), not a dated event."""
    if (
        len(sentence.split()) < 8
        or _NARRATIVE.search(sentence)
        or _WEEKDAY.search(sentence)
        or sentence.lstrip().startswith(("“", '"'))
    ):
        return False
    return bool(_CLAIM_VERB.search(sentence))


# "This strike helped protect ...", "This is what ... looks like": the author's reading of what was just said.
_DEMONSTRATIVE = re.compile(
    r"\s*(?:This|These|Those|Such)\s+(?:is|are|was|were|\w+\s+(?:is|are|was|were|helped|helps|"
    r"shows?|showed|marks?|marked|mitigates?|reflects?|means?|meant|matters?|points?|pointed|suggests?|"
    r"indicates?|illustrates?|underlines?|raises?|removes?|undermines?|weakens?|strengthens?|complicates?|"
    r"worsens?|erodes?))\b"
)


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


# "Orysia Lutsevych, Deputy Director of the Russia & Eurasia Programme at Chatham House:": a paragraph that
# only introduces an expert, whose comment follows, as in the "experts react" round-ups of think tanks
MAX_LABEL_WORDS = 40


def expert_turns(paragraphs: list[str], index: ActorIndex, headings: set[int] = frozenset()) -> dict[int, str]:
    """Paragraph -> the expert whose comment it is, in a round-up of experts' comments ("" for a label).

    An expert's comment runs from the paragraph after the label that names and describes them ("Name,
    title at Body:") to the next such label or heading. The label paragraph itself states nothing. Within
    a comment the expert speaks in the first person as an author does, so what the rules and the model find
    for the author there is the expert's.
    """
    out: dict[int, str] = {}
    current: str | None = None
    for p, text in enumerate(paragraphs):
        stripped = text.rstrip()
        first = next((m for m in index.mentions[p] if m.start == 0), None)
        if (
            first is not None
            and index.actors[first.key].kind is ActorKind.PERSON
            and text[first.end : first.end + 1] == ","
            and stripped.endswith(":")
            and len(stripped.split()) <= MAX_LABEL_WORDS
            and not re.search(r"[.!?][”\"’]?\s+[A-Z]", stripped)
        ):
            current = first.key
            out[p] = ""  # the label states nothing
            continue
        if p in headings:
            current = None
        elif current is not None:
            out[p] = current
    return out


# A quotation's speaker named after it: “...,” he said / “...,” Rubio said / “...” the minister added; the
# verb is one of the lexicon's verbs of saying, or one that only goes on a quotation
_QUOTE_VERBS = frozenset(lexicon.VERB_FORMS) | frozenset(
    words("continued continues remarked replied recalled sighed quipped joked retorted mused scoffed exclaimed")
    + words("countered tweeted")
)
_PRONOUN_SAID = re.compile(r"[,.]?\s*(?:he|she)\s+([a-z]+)\b")  # matched at a position: no "^"
_NAME_SAID = re.compile(r"\s+([a-z]+)\b")
QUOTE_MARK = re.compile(r"[“”\"]")  # also the position model's (ranking)


def quotation_speakers(
    paragraphs: list[str], sentence_spans: list[list[tuple[int, int]]], index: ActorIndex
) -> dict[tuple[int, int], str]:
    """(paragraph, sentence start) -> the speaker of the quotation the sentence is part of, for quotations that
    run over several sentences and name their speaker only at the end (“We need to negotiate. Maybe I will
    call him. But a ceasefire would be good,” he said), and for a paragraph that is all quotation after one
    whose quotation had a speaker (“The president's objective ... We hope the Russians will reciprocate.”).

    The speaker is the actor named right before a verb of saying after the closing mark, or, for "he said"
    and "she said", the last person named before."""
    out: dict[tuple[int, int], str] = {}
    last_person: str | None = None
    previous: str | None = None  # the speaker of the quotation that ended the paragraph before
    open_by: str | None = None  # the speaker of a quotation the paragraph before left open
    introduced = False  # whether the paragraph before ended by introducing `previous`'s words ("X said:")
    for p, text in enumerate(paragraphs):
        mentions = sorted(index.mentions[p], key=lambda m: m.start)
        people = [m for m in mentions if index.actors[m.key].kind is ActorKind.PERSON]
        people_starts = [m.start for m in people]
        spans = sentence_spans[p]
        whole = text.strip()
        if open_by is not None and whole[:1] == "“" and spans:
            # a quotation over several paragraphs opens each with a mark and closes only the last: “... ¶ “... ”
            for s, e in spans:
                out[(p, s)] = open_by
                if "”" in text[s:e]:
                    break
            else:
                continue  # still open
            previous, open_by = open_by, None
            continue
        open_by = None
        speaker_here: str | None = None
        inside = False
        pending: list[int] = []
        for i, (s, e) in enumerate(spans):
            started = inside
            close_at = None
            opened_here = False
            for mark in QUOTE_MARK.finditer(text, s, e):
                ch = mark.group()
                if ch == "“" or (ch == '"' and not inside):
                    inside = True
                    opened_here = True
                else:
                    inside = False
                    close_at = mark.start()
            if inside:
                pending.append(i)
                continue
            if (started or pending or opened_here) and close_at is not None:
                first = spans[pending[0]][0] if pending else s
                # "he said": the last person named before the quotation opened, not one it names itself
                before = _last_person_before(people, people_starts, first, last_person)
                speaker = _speaker_after(text, close_at + 1, e, p, index, before)
                if speaker is None and speaker_here is not None and text[first:e].lstrip()[:1] in '“"':
                    speaker = speaker_here  # “...,” he wrote. “You can’t expect ...”: the quotation goes on
                if speaker is None and pending:
                    # "The bloc claimed that “we called for progress ... Therefore, we agreed: ...”": whoever
                    # introduces a quotation of several sentences speaks all of them
                    opening = QUOTE_MARK.search(text, first, spans[pending[0]][1])
                    if opening is not None:
                        speaker = _lead_speaker(text, first, opening.start(), p, index, before)
                if speaker is not None:
                    continued = speaker == speaker_here and text[first:e].lstrip()[:1] in '“"'
                    if started or pending or continued:
                        # a quotation of one sentence with its speaker is the rules' to read; it names the
                        # speaker of the quotation that goes on after it
                        for j in [*pending, i]:
                            out[(p, spans[j][0])] = speaker
                    speaker_here = speaker
            pending = []
        if pending and text.count("“") > text.count("”"):
            # “Mr Philp told MPs: “Bounties ...": the quotation goes on in the next paragraph
            first_s, first_e = spans[pending[0]]
            mark = text.find("“", first_s, first_e)
            open_by = _intro_speaker(text, first_s, mark, mentions, index, last_person) if mark >= 0 else None
            if open_by is None and mark == first_s:
                open_by = previous if whole[:1] == "“" else None
            for j in pending if open_by is not None else ():
                out[(p, spans[j][0])] = open_by
        # all quotation: one mark opens it and one closes it, with nothing said between (not “...,” said X. “...”)
        quoted_whole = (
            whole[:1] in '“"' and whole[-1:] in '”"' and len(QUOTE_MARK.findall(whole)) == 2 and not speaker_here
        )
        # "..., he says to German Bild: ¶ I think NATO passed the test.": a translation that lost the marks
        unmarked = introduced and not speaker_here and not QUOTE_MARK.search(whole) and _SPEAKS_FIRST.match(whole)
        if (quoted_whole or unmarked) and previous is not None and index.actors[previous].kind is not ActorKind.AUTHOR:
            for s, _ in spans:
                out[(p, s)] = previous
            speaker_here = previous
        introduced = False
        if speaker_here is None and spans and not inside:
            # "Berlingske notes that ...:", "Lena Osk, the minister, said:": whoever introduces the quotation
            # that follows speaks it
            before = _last_person_before(people, people_starts, spans[-1][0], last_person)
            speaker_here = _intro_speaker(text, *spans[-1], mentions, index, before)
            introduced = speaker_here is not None
        previous = speaker_here
        people = [m.key for m in mentions if index.actors[m.key].kind is ActorKind.PERSON]
        if people:
            last_person = people[-1]
    return out


_SPEAKS_FIRST = re.compile(r"(?:I|We|My|Our)\b")
# "Lena Osk, the foreign minister, said:", "Protagon welcomes the deal:": a speaker, maybe described, then the
# verb; "He told reporters:": the person named last
_INTRO_VERB = re.compile(r"(?:,[^,:;“”\"]{1,80},)?\s+(?:(?:also|has|have|had|then|later|once)\s+)*([a-z]+)\b")
_INTRO_PRONOUN = re.compile(r"\s*(?:He|She)\s+(?:(?:also|has|had|then|later)\s+)*([a-z]+)\b")


def _intro_speaker(
    text: str, s: int, e: int, mentions: list[Mention], index: ActorIndex, last_person: str | None
) -> str | None:
    """The speaker a sentence that ends on a colon introduces, for the quotation in the paragraph after it."""
    if not text[s:e].rstrip().endswith(":"):
        return None
    inside = [m for m in mentions if s <= m.start < e]
    tail = _tail_speaker(text, s, e, inside, index, last_person)  # "..., warns Politiken:"
    if tail is not None:
        return tail[0]
    pronoun = _INTRO_PRONOUN.match(text, s, e)
    if pronoun:
        return last_person if pronoun.group(1) in _QUOTE_VERBS or pronoun.group(1) == "told" else None
    for m in inside:
        verb = _INTRO_VERB.match(text, m.end, e)
        if verb and (verb.group(1) in _QUOTE_VERBS or verb.group(1) == "told"):
            return m.key if _not_author(index, m.key) else None
    return None


# a person's own writing that leads into a quotation: "The post reads", "His letter said", "The tweet stated"
_POST_READS = re.compile(
    r"\s*(?:The|His|Her)\s+(?:[a-z][\w\-]*\s+){0,2}?(?:post|tweet|letter|message|note|memo|op-ed|article)\s+"
    r"(?:reads|read|said|says|stated|states|declared|declares)\b"
)
# the words between a verb of saying and the quotation it introduces: "claimed that “", "said: “", "wrote, “"
_LEAD_IN = re.compile(r"\s*(?:that\s*|[:,]\s*)?")


def _lead_speaker(text: str, s: int, mark: int, p: int, index: ActorIndex, last_person: str | None) -> str | None:
    """The speaker a sentence names before the quotation that opens at `mark` ("Lena Osk said that “...",
    "She wrote: “..."), or None."""
    pronoun = _INTRO_PRONOUN.match(text, s, mark)
    if pronoun:
        said = pronoun.group(1) in _QUOTE_VERBS or pronoun.group(1) == "told"
        return last_person if said and _LEAD_IN.fullmatch(text, pronoun.end(), mark) else None
    post = _POST_READS.match(text, s, mark)
    if post and _LEAD_IN.fullmatch(text, post.end(), mark):
        return last_person  # "Marco Rubio wrote a post on X. The post reads “...”": his words
    for m in index.within(p, s, mark):
        verb = _INTRO_VERB.match(text, m.end, mark)
        if verb and verb.group(1) in _QUOTE_VERBS and _LEAD_IN.fullmatch(text, verb.end(), mark):
            return m.key if _not_author(index, m.key) else None
    return None


def give_expert_turns(found: list[Found], turns: dict[int, str], author_key: str | None) -> list[Found]:
    """`found` with the author's positions inside an expert's comment given to the expert (`expert_turns`),
    each sentence once per actor."""
    if not turns or author_key is None:
        return found
    out, seen = [], set()
    for f in found:
        if turns.get(f.paragraph) == "":
            continue  # "Name, title at Body:" introduces the comment that follows
        if f.actor_key == author_key and f.paragraph in turns:
            f = replace(f, actor_key=turns[f.paragraph])
        key = (f.actor_key, f.paragraph, f.spans[0][0])
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def give_quotations(
    found: list[Found],
    speakers: dict[tuple[int, int], str],
    paragraphs: list[str],
    sentence_spans: list[list[tuple[int, int]]],
    author_key: str | None,
) -> list[Found]:
    """`found` with each sentence of a quotation its speaker's (`quotation_speakers`): not the author's,
    nor another actor's the model ranked only for being named inside the quotation."""
    if not speakers:
        return found
    out, have = [], set()
    for f in found:
        who = speakers.get((f.paragraph, f.spans[0][0]))
        if who is not None and f.actor_key != who and (f.actor_key == author_key or f.cue == "ranked"):
            continue
        out.append(f)
        have.add((f.actor_key, f.paragraph, f.spans[0][0]))
    for (p, start), who in speakers.items():
        if (who, p, start) in have:
            continue
        end = next(e for s, e in sentence_spans[p] if s == start)
        stance = _paraphrase(paragraphs[p][start:end])
        out.append(Found(who, p, [(start, end)], stance, "quoted"))
    out.sort(key=lambda f: (f.paragraph, f.spans[0][0]))
    return out


# Which of a run's sentences gives its stance: the surest cue first (a verb of saying or believing, the
# actor's own quoted words), the model's pick and the bare claims last; the order follows how often the
# annotated excerpts keep a suggestion of each cue.
_CUE_ORDER = (
    "verb",
    "quoted",
    "quote",
    "speaker",
    "deed",
    "adjective",
    "for",
    "noun-to",
    "noun",
    "author",
    "according",
    "action",
    "claim",
    "passive",
    "owned",
    "ranked",
)


def join_runs(found: list[Found], sentence_spans: list[list[tuple[int, int]]]) -> list[Found]:
    """`found` with each run of adjacent sentences one actor holds in a paragraph made one position.

    "Osk called the deal a mistake. She said it rewards Velmora.": an analyst lists the actor's view once,
    with both sentences as its evidence, not two cards to accept one by one. The stance is that of the
    run's sentence with the surest cue (`_CUE_ORDER`); the run keeps the place of its first sentence.
    """
    number = [{s: n for n, (s, _) in enumerate(spans)} for spans in sentence_spans]
    ends = [{e: n for n, (_, e) in enumerate(spans)} for spans in sentence_spans]
    runs: list[list[Found]] = []
    open_runs: dict[tuple[str, int], tuple[list[Found], int]] = {}
    for f in sorted(found, key=lambda f: (f.paragraph, f.spans[0][0])):
        first = number[f.paragraph].get(f.spans[0][0])
        last = ends[f.paragraph].get(f.spans[-1][1], first)
        key = (f.actor_key, f.paragraph)
        run = open_runs.get(key)
        if run is not None and first is not None and first - run[1] in (0, 1):
            run[0].append(f)
            open_runs[key] = (run[0], max(run[1], last if last is not None else first))
            continue
        runs.append([f])
        if first is not None:
            open_runs[key] = (runs[-1], last if last is not None else first)
    rank = {cue: n for n, cue in enumerate(_CUE_ORDER)}
    out = []
    for run in runs:
        if len(run) == 1:
            out.append(run[0])
            continue
        lead = min(run, key=lambda f: rank.get(f.cue, len(rank)))
        spans = sorted({span for f in run for span in f.spans})
        out.append(replace(lead, spans=spans))
    return out


# a name joined to another before it ("Norway and Iceland support ..."): the verb's subject is plural
_JOINED_BEFORE = re.compile(r"(?:\band|\bor|,|&)\s*(?:the\s+)?$", re.IGNORECASE)


def _one_named_before(text: str, at: int, inside: list[Mention], index: ActorIndex) -> bool:
    """A single state, body or person is named right before offset `at`, where a verb would take "-s": the bare
    word after it is a noun ("U.S. support for Taiwan", "European support for Ukraine"), not its verb."""
    for m in inside:
        if m.end <= at and re.fullmatch(r"\s?", text[m.end : at]):
            return index.actors[m.key].kind in (
                ActorKind.STATE,
                ActorKind.ORGANISATION,
                ActorKind.PERSON,
            ) and not _JOINED_BEFORE.search(text[max(0, m.start - 12) : m.start])
    return False


def _last_person_before(people: list[Mention], starts: list[int], before: int, fallback: str | None) -> str | None:
    """The person named last before offset `before`, from a paragraph's `people` (sorted mentions, with their
    `starts`); by bisection, as a paragraph of many quotations asks for each."""
    at = bisect.bisect_left(starts, before)
    return people[at - 1].key if at else fallback


def _speaker_after(text: str, start: int, end: int, p: int, index: ActorIndex, last_person: str | None) -> str | None:
    said = _PRONOUN_SAID.match(text, start, end)
    if said and said.group(1) in _QUOTE_VERBS:
        return last_person
    verb_first = _VERB_FIRST.match(text, start, end)
    near = [m for m in index.within(p, start, min(end, start + 60)) if index.actors[m.key].kind is not ActorKind.AUTHOR]
    if verb_first and verb_first.group(1) in _QUOTE_VERBS and near and near[0].start == verb_first.end():
        return near[0].key  # “...,” said Mohamed Yarrow, who heads ...
    # “...,” Rubio said / “...,” analyst Beverly Ochieng with the Control Risks consultancy told Al Jazeera
    for m in near:
        for said in _NAME_SAID.finditer(text, m.end, min(end, m.end + 60)):
            between = index.within(p, m.end, said.start())
            # a body after "with", "at", "of" is the speaker's affiliation, not another speaker
            if QUOTE_MARK.search(text, m.end, said.start()):
                break
            if any(not _AFFILIATION.search(text, m.end, o.start) for o in between):
                break
            if said.group(1) in _QUOTE_VERBS:
                return m.key
    return None


def _tail_speaker(
    text: str, s_start: int, s_end: int, inside: list[Mention], index: ActorIndex, last_person: str | None
) -> tuple[str, str, str] | None:
    """(speaker, stance, "verb") for a sentence whose speaker is named at its end (`TAIL_SAID`): the words
    before the comma are the speaker's, whoever else they name. Not for the author, nor for a name that is not
    an actor's (the speaker is then unknown, and the sentence no one else's either)."""
    sentence = text[s_start:s_end].rstrip()
    tail = TAIL_SAID.search(sentence)
    if tail is None or len(sentence[: tail.start()].split()) < 4:
        return None  # "He disagreed, she said.": too little said to be a stance (as `speaker_at_end`)
    if tail.group("pronoun"):
        if sentence[:1] in '“"‘' or last_person is None:
            return None  # “...,” he said: the quotation's own rule (`_QUOTED_BY`) reads it
        cut = s_start + tail.start()
        if any(m.start < cut and index.actors[m.key].kind is ActorKind.PERSON for m in inside):
            return None  # "Trump warned them: “...,” he said": "he" is the person the sentence names
        speaker = last_person
    else:
        if tail.group("after") and _APPOSITION_CLOSED.fullmatch(
            text, min((m.end for m in inside if m.start == s_start), default=s_end), s_start + tail.start()
        ):
            return None  # "Osk, the leader of the rebels, warned Norway ...": Osk warned; Norway is the object
        at = s_start + (tail.start("after") if tail.group("after") else tail.start("before"))
        head = next((m for m in inside if m.start in (at, at + 4) and not m.adjective), None)  # "the Kremlin"
        if head is None or not _not_author(index, head.key):
            return None
        if tail.group("before") is not None and head.end != s_start + tail.end("before"):
            return None  # "..., Russian officials said": named by an adjective, or more words than a name
        speaker = head.key
    said = sentence[: tail.start()].strip(' “”"‘’')
    return (speaker, _paraphrase(said), "verb")


# an apposition after the name that opens a sentence, up to the comma that closes it: ", the leader of the rebels"
_APPOSITION_CLOSED = re.compile(
    r",\s+(?:the|a|an|who|which|whose|its|his|her|their|now|then|once|former|also)\b[^,;:“”\"]{0,120}"
)
_AFFILIATION = re.compile(r"\b(?:with|at|of|from|for)\s+(?:the\s+)?$")
# “...,” said Mohamed Yarrow / “...,” says Senator Lena Osk: the verb of saying first, then the speaker (and title)
_VERB_FIRST = re.compile(r"[,.]?\s*([a-z]+)\s+(?:the\s+)?(?:[A-Z][\w.\u2019'-]*\s+){0,3}?")


def _attributed(
    text: str,
    s_start: int,
    s_end: int,
    inside: list[Mention],
    index: ActorIndex,
    last: Recent = (None, None, None),
) -> list[tuple[str, str, str]]:
    """`(actor key, stance, cue)` for each actor a sentence reports as holding a view.

    `last` is the person, the other actor and the state or organisation named last before the sentence,
    for "he"/"she", "they" and "it".
    """
    last_person, last_group, last_body = last
    sentence = text[s_start:s_end]
    results: list[tuple[str, str, str]] = []
    # "In her view, ...": the view of the person (or body, or group) named last
    own = _OWN_VIEW.match(sentence)
    if own:
        owner = own.group(1).lower()
        owner = owner if owner in ("his", "her", "its") else "their"
        holder = {"his": last_person, "her": last_person, "its": last_body, "their": last_group}[owner]
        if holder and len(sentence[own.end() :].split()) >= 4:
            return [(holder, _paraphrase(sentence[own.end() :]), "according")]
    # A speaker label opens the paragraph: the label is not a subject.
    inside = [m for m in inside if not (m.start == 0 and text[m.end : m.end + 2] == ": ")]
    # "As John Prendergast, among others, argues, sanctions ...", "As experts like A and B make clear, ..."
    lead = _AS_LEAD.match(sentence) if sentence.startswith("As ") else None
    if lead:
        holders = [m for m in inside if m.end - s_start <= lead.start("verb")]
        if holders and lead.group("rest"):
            stance = _paraphrase(lead.group("rest"))
            return _unique([(m.key, stance, "according") for m in holders if _not_author(index, m.key)])
    # "as the Ambassador put it", "according to Indian officials", "in Ottawa’s view, ..."
    for m in inside:
        before = text[s_start : m.start]
        after = text[m.end : s_end]
        owned = (
            _IN_VIEW.match(after)
            if after[:2] in ("’s", "'s") and re.search(r"(?:^|,\s*|\s)[Ii]n\s+(?:the\s+)?$", before[-12:])
            else None
        )
        if owned and _not_author(index, m.key):
            # "The quotas are too high, in Norway’s view.": what comes before, when nothing but a stop follows
            held = after[owned.end() :].strip(" .!?") or before.rstrip()[: -len("in")].rstrip(" ,")
            if len(held.split()) >= 3:
                results.append((m.key, _paraphrase(held), "according"))
            continue
        lead = re.sub(r"\s+the$", "", before.rstrip().lower())
        if _NOT_THE_SOURCE.match(after):
            continue  # "according to Saudi-owned newspaper X": X says, not the state that owns it
        if (_ACCORDING.search(before[-32:]) and (lead.endswith(_ACCORDING_LEADS) or _PUT_IT.match(after))) or (
            _ACCORDING_SOURCES.search(before[-80:])
        ):
            held = _drop_attribution(sentence, m.start - s_start, m.end - s_start)
            # the holder is named, so "is seen as" is simply "is"
            held = re.sub(
                r"\b(is|are|was|were) (?:seen|regarded|viewed|considered|perceived) as\b", r"\1", held, count=1
            )
            results.append((m.key, _paraphrase(held), "according"))
    if results:
        return _unique(results)
    # "“Without the port there is no future,” she said": the quoted words are the person's named last
    quoted_by = _QUOTED_BY.search(sentence) if last_person and sentence.lstrip()[:1] in '“"‘' else None
    if quoted_by:
        return [(last_person, _paraphrase(sentence[: quoted_by.start()].strip(' “”"‘’,')), "verb")]
    # "“... licences will be granted,” the company said": the state or body named last speaks (and whoever
    # the quotation reports, as anywhere else)
    quoted_by = _QUOTED_BY_BODY.search(sentence) if last_body and sentence.lstrip()[:1] in '“"‘' else None
    if quoted_by and _not_author(index, last_body):
        stance = _paraphrase(sentence[: quoted_by.start()].strip(' “”"‘’,'))
        reported = _attributed(text, s_start, s_end, inside, index, (last_person, last_group, None))
        return _unique([(last_body, stance, "verb"), *reported])
    inverted = _INVERTED.search(sentence) if any(q in sentence for q in '”"’') else None
    if inverted:
        # "“The strikes were legal,” said the minister" / "..., said Maria Corina Machado."
        at = s_start + inverted.end()
        holder = next((m for m in inside if at <= m.start <= at + 4), None)
        if holder is not None and _not_author(index, holder.key):
            quoted = sentence[: inverted.start()]
            return [(holder.key, _paraphrase(quoted), "verb")]
    tail = _tail_speaker(text, s_start, s_end, inside, index, last_person)
    if tail is not None:
        return [tail]
    main_from: int | None = None  # where the main clause starts, once a subordinate clause reported a view
    with_verb: int | None = None  # the participle of a trailing "with" clause, once the main clause reported a view
    for verb in _WORD.finditer(sentence):
        if main_from is not None and verb.start() < main_from:
            continue
        if with_verb is not None and verb.start() != with_verb:
            if verb.start() > with_verb:
                break
            continue
        word = verb.group()
        base = lexicon.VERB_FORMS.get(word) if word[0].islower() else None
        if (
            base is None
            and word in ("make", "makes", "made")
            and re.match(r"\s+(?:it\s+)?clear\b", sentence[verb.end() :])
        ):
            base = "state"  # "X has made clear that ..."
        if base is None and word in ("set", "sets", "lays", "laid") and re.match(r"\s+out\b", sentence[verb.end() :]):
            base = "state"  # "the strategy set out bluntly that ...", "X laid out its demands"
        if base is None:
            continue
        # only the words just before the verb matter: a bounded window keeps a run-on "sentence" linear
        near = sentence[max(0, verb.start() - 120) : verb.start()]
        prev_words = _WORD.findall(near)
        prev = prev_words[-1].lower() if prev_words else ""
        participle = word.endswith("ing")
        with_ = _WITH_SUBJECTS.search(near) if participle else None
        after_comma = participle and re.search(r",\s*$", near)
        if participle and prev != "both" and not (with_ or after_comma):
            continue  # "by emphasising their ties" is how, not what they hold
        prev_raw = prev_words[-1] if prev_words else ""
        ambiguous = base in _NOUNLIKE and word in (base, base + "s")
        after_adjective = any(m.adjective and 0 <= s_start + verb.start() - m.end <= 1 for m in inside)
        after_mention = any(
            not m.adjective
            and re.fullmatch(r",?\s?", text[m.end : s_start + verb.start()] if m.end <= s_start + verb.start() else "x")
            for m in inside
        )
        named_before = (prev_raw[:1].isupper() or after_mention) and not after_adjective
        possessed = prev_raw.endswith(("’s", "'s", "s’")) and base in _NOUNLIKE  # "India’s signal of intent"
        # "the Taiwan question", "a China challenge": a name used as a modifier before a noun
        modifier = (
            base in _NOUNLIKE
            and word == base
            and any(
                m.end <= s_start + verb.start()
                and re.fullmatch(r"\s?", text[m.end : s_start + verb.start()])
                and re.search(
                    r"\b(?:the|a|an|this|that|its|their)\s+(?:\w+\s+)?$",
                    text[max(0, m.start - 24) : m.start],
                    re.IGNORECASE,
                )
                for m in inside
            )
        )
        if modifier:
            continue
        # "a UN assessment cites ...": after a body's document the word is its verb
        noun_use = (
            possessed
            or prev in _DETERMINERS
            or (word == base and base in _NOUNLIKE and _one_named_before(text, s_start + verb.start(), inside, index))
            or (ambiguous and prev not in _GAP_WORDS and prev not in _REPORT_NOUNS and not named_before)
        )
        if noun_use and not (base in _NOUNLIKE and re.match(r"\s+that\b", sentence[verb.end() :])):
            continue
        if base == "maintain" and not re.match(r"\s+that\b", sentence[verb.end() :]):
            continue  # "maintains influence" is not a view
        if base == "take" and not re.match(r"\s+the view\b", sentence[verb.end() :]):
            continue  # "has taken the view that" reports a view; "took control" does not
        # "concerns were raised by Norway", "the possibility has been expressed by Russian officials": the object
        # of a passive is before it
        by_agent = bool(_BE_BEFORE.search(near)) and _TO_AGENT.match(text, s_start + verb.end(), s_end) is not None
        if (
            base in ("raise", "voice", "express")
            and not by_agent
            and not re.match(
                r"\s+(?:\w+\s+)?(?:alarms?|concerns?|doubts?|objections?|fears?|questions?|disappointment|dismay|"
                r"frustration|anger|outrage|regret|reservations|scepticism|skepticism|optimism|satisfaction)\b",
                sentence[verb.end() :],
            )
        ):
            continue
        if base == "sound" and not re.match(r"\s+(?:an?|the)\s+(?:\w+\s+)?alarms?\b", sentence[verb.end() :]):
            continue  # "sounded the alarm over ..." is a warning; "sounds like" is not
        if base == "rally" and not re.match(r"\s+(?:behind|around|to)\b", sentence[verb.end() :]):
            continue
        if base == "show" and not re.match(
            r"\s+(?:\w+\s+)?(?:interest|willingness|readiness|reluctance|appetite|resolve|restraint|commitment|"
            r"determination|flexibility|support|solidarity|sympathy|openness|patience)\b",
            sentence[verb.end() :],
        ):
            continue  # "has shown little interest in" is a stance; "showed a profit" is not
        if base in ("impose", "lift") and not re.match(
            r"\s+(?:\w+\s+){0,3}?(?:sanctions|embargo|embargoes|tariffs|bans?|restrictions|controls|duties|levies|"
            r"blockade|moratorium)\b",
            sentence[verb.end() :],
        ):
            continue  # a policy imposed or lifted is a position; "lifted the mood" is not
        if base in ("aim", "plan") and not re.match(r"\s+to\s+\w", sentence[verb.end() :]):
            continue  # "aims to", "plans to": an intention
        if base == "give" and not re.match(
            r"\s+(?:[\w’'\-]+\s+){0,4}?(?:ultimatum|warning|assurances?|guarantees?|green light|backing|support|"
            r"go-ahead)\b",
            sentence[verb.end() :],
        ):
            continue  # "gave the coup leaders a one-week ultimatum"
        if base == "order" and word == "order":
            continue  # "in order to", "the order": only "ordered", "orders" report a decision
        if base == "spell" and not re.match(r"\s+out\b", sentence[verb.end() :]):
            continue  # "spelled out" the priorities
        rest = sentence[verb.end() : verb.end() + 300]  # a complement follows its verb closely
        complement = (
            re.search(r"\b(?:as|that)\b", rest)
            or (
                base in ("call", "push", "press")
                and re.match(r"\s+(?:for\b|(?:[\w’'\-]+\s+){1,3}?(?:to|for|into)\s)", rest)
            )
            or (base == "call" and re.match(r"\s+(?:on\s+\w|(?:[\w’'\-]+\s+){1,4}?[“\"‘])", rest))
            # "labelled the original framework, which the Commission now wants to replace, the “Shame Directive”"
            or (base == "label" and re.match(r"\s+[^.;:“”\"]{1,120}?\s[“\"‘]", rest))
            # "calling the so-called vote a sham": naming what something is
            or (base == "call" and re.match(r"\s+(?:[\w’'\-]+\s+){1,4}?an?\s+[a-z]", rest))
        )
        if base == "see" and not complement:
            complement = re.match(  # "sees parallels between ...", "sees a real risk of ..."
                r"\s+(?:\w+\s+){0,2}?(?:parallels?|risks?|threats?|dangers?|opportunit(?:y|ies)|need|value|merit|"
                r"little|no)\b",
                rest,
            )
        if base in lexicon.NEEDS_COMPLEMENT and not complement:
            continue
        v_start = s_start + verb.start()
        passive = bool(_BE_BEFORE.search(near)) and word != base and not participle
        agents = _passive_agents(text, s_start + verb.end(), s_end, inside, index) if passive else None
        if passive and agents is None and base in ("describe", "characterise", "characterize", "portray", "label"):
            continue  # "the Trump administration is often described as ...": others describe it so
        if agents is not None:
            # "The junta is supported by many citizens", "Norway was accused by Iceland of ...": the verb is
            # passive, so its agent holds the view, not its subject ("criticised by", "welcomed by" and the
            # other verbs of judgement and decision are the passive rule's below, which the model decides on)
            if agents and not _BY_AGENT_VERB.fullmatch(word):
                stance = _paraphrase(sentence)
                results.extend((key, stance, "verb") for key in agents)
                break
            continue
        if with_:
            # "with A and B both concluding that": A and B hold the view
            span = (s_start + with_.start(1), v_start)
            inner = [m for m in inside if span[0] <= m.start < span[1]]
            left = text[span[0] : v_start]
            for m in reversed(inner):
                left = left[: m.start - span[0]] + left[m.end - span[0] :]
            if inner and not set(_WORD.findall(left.lower())) - {"and", "both", "all", "the", "s"}:
                subjects = list(dict.fromkeys(m.key for m in inner if _not_author(index, m.key)))
            else:
                subjects = []
        elif after_comma:
            subjects = _sentence_subject(text, s_start, inside, index)  # "X spoke ..., blaming Ukraine"
        elif prev == "and" and not ambiguous and any(re.fullmatch(r"\s+and\s+", text[m.end : v_start]) for m in inside):
            # "Iranian officials are distrustful of the IAEA and suspect that ...": a name right before "and"
            # and a verb is the object of the predicate the verb is coordinated with, not the verb's subject
            subjects = _sentence_subject(text, s_start, inside, index)
        else:
            subjects = _subjects(text, s_start, v_start, inside, index)
        if not subjects and prev == "and" and not participle:
            subjects = _sentence_subject(text, s_start, inside, index)  # "X began ... and warned of ..."
        if not subjects:
            if v_start - s_start <= 160:
                pron = _PRONOUN.search(text[s_start:v_start])
            else:  # far into a run-on sentence: only the words just before the verb (no sentence start there)
                pron = _PRONOUN.search(text, v_start - 160, v_start)
            said_by = pron.group(1).lower() if pron else ""
            if said_by in ("he", "she") and last_person:
                subjects = [last_person]
            elif said_by == "it" and last_body and base not in _EVIDENTIAL:
                subjects = [last_body]  # "Ghana warned ... It has also urged ..."
            elif said_by == "they" and last_group:
                subjects = [last_group]  # the subject of the sentence before
            elif last_group and _OTHERS.match(text, s_start, v_start):
                subjects = [last_group]  # "Some critics stress A. Others point to B": more of the same group
        if subjects:
            quoted = _LEADING_QUOTE.match(
                text[s_start : min((m.start for m in inside if m.key in subjects), default=v_start)]
            )
            if quoted:  # "“We are going to run the country,” Trump argued"
                stance = _paraphrase(quoted.group(1))
            else:
                said = sentence
                concession = _CONCESSION.match(sentence)
                if concession and verb.end() < concession.start(1):
                    # "While the US assesses that A, B": what the US assesses is A
                    comma = sentence.find(",", verb.end())
                    said = sentence[:comma] if comma > 0 else sentence
                stance = _paraphrase(_complement(base, said, verb.end(), text[s_start:v_start]))
            for key in subjects:
                results.append((key, stance, "verb"))
            main = _CONCESSION.match(sentence) if main_from is None else None
            if main and verb.end() < main.start(1):
                # "Although the UAE denies A, a UN assessment cites B": the main clause may report another's view
                main_from = main.start(1)
                continue
            trailing = _WITH_SAYING.search(sentence, verb.end()) if with_verb is None else None
            if trailing and lexicon.VERB_FORMS.get(trailing.group(1)):
                # "Downing Street says A, with the Prime Minister’s spokesperson insisting that B": B is the
                # spokesperson's
                with_verb = trailing.start(1)
                continue
            break
    if not results:
        # "Pakistani allegations that ...", "Moscow's claims that ...": a view held by the noun's owner
        for m in inside:
            noun = _REPORT_NOUN.match(text, m.end)
            if noun:
                # "X’s claims that A": A; "X’s attempts to do A": the whole sentence says what of them
                to_noun = noun.group().rstrip().endswith((" to", " for"))
                held = sentence if to_noun else text[noun.end() : s_end]
                results.append((m.key, _paraphrase(held), "noun-to" if to_noun else "noun"))
                break
            # "the effort by Gulf monarchies in recent years to ease ...": a time between the agent and "to"
            by_noun = re.match(
                r"(?:\s+(?:in|over|during|since|for)\s+(?:the\s+)?(?:past|last|recent|\d+)\s+\w+)?\s+(?:(\w+)\s+)?"
                r"to\s+[a-z]",
                text[m.end : s_end],
            )
            if (
                by_noun
                and _BY_NOUN.search(text, s_start, m.start)
                and _not_author(index, m.key)
                and (not m.adjective or (by_noun.group(1) or "").lower() in _ROLE_WORDS)
            ):
                results.append((m.key, _paraphrase(sentence), "noun-to"))
                break
    if not results or " by " in sentence:
        # "pledges deemed “gravely inadequate” by Médecins Sans Frontières", "a move condemned by the UN"
        for m in inside if " by " in sentence else ():
            if any(r[0] == m.key for r in results):
                continue
            by = _BY_AGENT.search(text[s_start : m.start])
            if by is None or not _not_author(index, m.key):
                continue
            clause_start = max(by.string.rfind(c, 0, by.start()) for c in ",;:–—")
            obj = re.sub(r"\s+", " ", re.sub(r"\b[a-z]+ly\b", "", by.string[clause_start + 1 : by.start()])).strip()
            passive = re.fullmatch(r"(.+?)\s+(?:is|are|was|were|has been|have been|had been|been|being)", obj)
            if passive:  # "The move was condemned by the UN": the UN condemned the move
                obj = passive.group(1)
                obj = obj[0].lower() + obj[1:] if obj.split()[0] in _CAPITAL_DETERMINERS else obj
            if not obj and clause_start > 0:
                # "... an agreement on normalising relations, reportedly brokered by the United States"
                before = by.string[:clause_start]
                noun = re.search(r"\b(?i:an?|the|this|that|its|their)\s+[^,;:–—]{3,80}$", before)
                obj = noun.group() if noun else ""
                obj = obj[0].lower() + obj[1:] if obj and obj.split()[0] in _CAPITAL_DETERMINERS else obj
            comp = (by.group("comp") or "").strip(" ,")
            participle = by.group("verb")
            if participle.lower() in _EVALUATION_PARTICIPLES:
                plural = obj.split()[-1].endswith("s") if obj else False
                stance = f"{obj} {'are' if plural else 'is'} {comp}" if obj and comp else ""
            else:
                stance = f"{participle} {obj}" if obj else ""
            if stance:
                results.append((m.key, _paraphrase(stance), "passive"))
                break
    if not results:
        # "X was blunt ...: “I don’t know ...”" and "X is adamant that ..."
        adj = _ADJECTIVE.search(sentence)
        quote = _QUOTE_AFTER_COLON.search(sentence)
        cut = s_start + (adj.start() if adj else quote.start() if quote else 0)
        # "Colombian analysts are sceptical": analysts are not the state; "Colombian officials" are
        holders = [
            m
            for m in inside
            if m.end <= cut
            and not (
                m.adjective and _WORD.match(text, m.end + 1) and not _state_noun(_WORD.match(text, m.end + 1).group())
            )
        ]
        first = holders[-1] if holders and (adj or quote) else None
        near = first is not None and first.start - s_start < 60 and cut - first.end < 50
        if adj and first is not None and not _subject_gap(text[first.end : cut]):
            near = False  # "what X calls the “model” are clear": X is not the one who is clear
        long_quote = bool(adj) or (quote is not None and len(sentence) - quote.start() > 40)
        served = _subjects(text, s_start, cut, inside, index) if adj and _STAFF_FROM.match(text, s_start, cut) else []
        if served:
            # "Officials from both Israel and Syria ... remain optimistic that ...": the states they serve
            after = sentence[adj.end() :]
            that = re.match(r"\s+(?:\w+\s+)?that\s+(.+)$", after)
            held = that.group(1) if that else " ".join(adj.group().split()[1:]) + after
            results.extend((key, _paraphrase(held), "adjective") for key in served)
        elif near and long_quote and index.actors[first.key].kind is not ActorKind.AUTHOR:
            held = sentence
            if adj:
                # "X is adamant that Y" holds Y; "X is concerned about Y" is concerned about Y
                after = sentence[adj.end() :]
                that = re.match(r"\s+(?:\w+\s+)?that\s+(.+)$", after)
                said = adj.group().split()
                said = said[said.index("been") + 1 :] if "been" in said else said[1:]  # "have been cautious"
                held = that.group(1) if that else " ".join(said) + after
            elif quote is not None:
                held = sentence[quote.end() - 1 :]  # "X told MPs: “...”" holds the quotation
            results.append((first.key, _paraphrase(held), "adjective" if adj else "quote"))
    # "NATO's open door policy is seen as ..., as the Ambassador put it" is caught above; a bare
    # passive "is seen as" with no holder says nothing about who holds the view.
    return _unique(results)


def _not_author(index: ActorIndex, key: str) -> bool:
    return index.actors[key].kind is not ActorKind.AUTHOR


def _sentence_subject(
    text: str, s_start: int, inside: list[Mention], index: ActorIndex, s_end: int | None = None
) -> list[str]:
    """The actor that opens the sentence as its subject ("Transnistria’s president ...", "Russian officials ..."),
    or nothing when the sentence opens otherwise."""
    if not inside:
        return []
    # an opening adverbial ("Meanwhile, ", "Since 2020, ", "In a pointed message to Russia, ") does not hide the subject
    end = s_end if s_end is not None else len(text)
    opening = _OPENING_ADVERBIAL.match(text, s_start, end) or _OPENING_CLAUSE.match(text, s_start, end)
    begin = opening.end() if opening else s_start
    further = _FURTHER_ADVERBIAL.match(text, begin, end) if opening else None
    if further:
        begin = further.end()  # "On Monday, at the summit hosted by Osk in Oslo, Brel called ..."
    after_opening = [m for m in inside if m.start >= begin]
    if not after_opening:
        return []
    first = after_opening[0]
    lead = _WORD.findall(_AGE.sub(" ", text[begin : first.start]))
    if _COLLECTIVE_LEAD.fullmatch(text, begin, first.start):
        lead = []  # "A coalition of 79 member states warned ...": the states, together
    if lead and lead[0].lower() == "the":
        lead = [w for w in lead[1:] if w.lower() not in _PREMODIFIERS]  # "The 62-year-old Orbán", "The embattled ..."
    if len(lead) > 1 or (lead and lead[0].lower() not in _SUBJECT_DETERMINERS and not lead[0].isdigit()):
        return []
    owned = re.match(r"(?:’s|')?s?\s+(\w+)", text[first.end :]) if text[first.end : first.end + 1] in "’'" else None
    group = next((m for m in after_opening[1:2] if owned and m.start == first.end + owned.start(1)), None)
    if group is not None and index.actors[group.key].kind is ActorKind.GROUP:
        return [group.key]  # "Myanmar's military junta leaders are ...": the group the state's name describes
    if owned and owned.group(1).lower() not in _ROLE_WORDS:
        return []  # "Russia’s tendency to ..." is not Russia
    titled = _person_titled_by(text, first, after_opening, index)
    if titled is not None:
        return [titled.key]  # "US Secretary of State Marco Rubio had ...": the person, not the state of the title
    return [first.key] if _not_author(index, first.key) else []


# the words of a title between a state or body and the person it is the title of: "US Secretary of State Marco
# Rubio", "U.S. Assistant Secretary of State for South and Central Asian Affairs Donald Lu"
_TITLE_GAP = re.compile(r"(?:[’']s)?\s+(?:[A-Z][\w.\-]*(?:\s+(?:[A-Z][\w.\-]*|of|for|and|the))*\s+)?")


def _person_titled_by(text: str, first: Mention, mentions: list[Mention], index: ActorIndex) -> Mention | None:
    if index.actors[first.key].kind is ActorKind.PERSON:
        return None
    person = next((m for m in mentions if m.start >= first.end and m.key != first.key), None)
    if person is None or index.actors[person.key].kind is not ActorKind.PERSON or person.start - first.end > 90:
        return None
    return person if _TITLE_GAP.fullmatch(text, first.end, person.start) else None


# a longer opening clause: "After the 12-day war between Iran and Israel damaged Iran’s programme, the E3 ..."
_OPENING_CLAUSE = re.compile(
    r"\s*(?:After|Before|When|While|Although|Though|If|Because|Since|As|Once|Until|Unless|Whereas|Despite|"
    r"Following|Amid|Given)\s[^,;:.?!“”\"]{0,200},\s+"
)
# what may come before the actor that opens a sentence: "Both Norway and Iceland ...", "Nine European countries ..."
_SUBJECT_DETERMINERS = frozenset(
    words("the both senior many some two three four five six seven eight nine ten eleven twelve dozens")
)
# a second opening phrase after the first: "On Monday, at the summit hosted by Osk in Oslo, ..."
_FURTHER_ADVERBIAL = re.compile(r"(?:at|in|on|during|after|before|amid|following|despite)\s[^,;:.?!“”\"]{0,160},\s+")
_COLLECTIVE_LEAD = re.compile(
    r"(?:An?|The)\s+(?:coalition|group|number|majority|handful|bloc|host|couple)\s+of\s+(?:the\s+)?"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|some|many|other)?\s*"
)
_AGE = re.compile(r"\b\d+-year-old\b")
_PREMODIFIERS = frozenset(
    words(
        "former veteran embattled new outgoing incoming late current ageing aging populist nationalist hardline "
        "long-serving longtime powerful influential beleaguered controversial"
    )
)
_OPENING_ADVERBIAL = re.compile(
    # "Immediately after the scandal, ...", "Shortly before the vote, ...": a preposition after an adverb
    r"\s*(?:(?:[A-Z][a-z]+ly|Soon|Long|Just|Right|Even)\s+(?:after|before|since|during|following)|"
    r"In|On|At|Since|After|Before|During|Over|Under|For|With|Without|Despite|Following|Meanwhile|However|"
    r"Yet|Still|Now|Today|Indeed|Instead|Moreover|Furthermore|Nonetheless|Nevertheless|Similarly|Likewise|Last|"
    r"This|Earlier|Later|Recently|Finally|First|Second|Third|Thus|Hence|Therefore|Consequently|Ultimately|"
    r"Historically|Traditionally|Crucially|Notably|Importantly|By|Through|Amid|Against|Across|Within|As|When|"
    r"While|Although|Though|If|Because|Unlike|Like|Once|Until|Even|Instead|Overall|Publicly|Privately|Officially)"
    r"(?:\s+[\w’'\-]+){0,8},\s+"
)
_ROLE_WORDS = frozenset(
    words(
        "president prime minister ministers government leader leaders leadership officials spokesman spokeswoman "
        "spokesperson foreign defence envoy ambassador administration military army authorities parliament chief"
    )
)
# Words after a body's name that make it the body acting: "U.S. forces", "EU leaders", "NATO officials"
_BODY_ROLES = "|".join(
    sorted(
        {
            *_ROLE_WORDS,
            # "US legislation threatened to suspend arms sales": the state's law acts for it
            *words("forces troops navy diplomats negotiators delegation lawmakers legislators police legislation"),
        },
        key=len,
        reverse=True,
    )
)


def _state_noun(word: str) -> bool:
    """After a state's adjective, a word that makes it the state speaking ("officials", "government")."""
    w = word.lower()
    return w in _ROLE_WORDS or (w in _GAP_WORDS and w not in ("and", "who", "which", "to", "is", "are", "was", "were"))


_OWN_VIEW = re.compile(
    # "In these countries’ view, ...": the group named before, as "their"
    r"^\s*(?:In|in) (his|her|its|their|(?:these|those|the)\s+(?:\w+\s+)?(?:countries|states|governments|nations|"
    r"allies|leaders|officials|critics|members|capitals)[’']) (?:own )?(?:view|assessment|judgement|judgment|"
    r"estimation|words|reading|analysis|telling),\s*"
)
_IN_VIEW = re.compile(
    r"(?:’s|'s)\s+(?:own\s+)?(?:view|assessment|judgement|judgment|estimation|reading|analysis|calculation|"
    r"words|telling|eyes|thinking|mind)\b,?\s*"
)


def _body_named(opener: list[str], inside: list[Mention], index: ActorIndex) -> str | None:
    """The state or organisation "it" in the next sentence may stand for: the subject of this one, else the
    only state or organisation this sentence names (not by an adjective)."""
    bodies = (ActorKind.STATE, ActorKind.ORGANISATION)
    if opener:
        return opener[0] if index.actors[opener[0]].kind in bodies else None
    named = {m.key for m in inside if not m.adjective and index.actors[m.key].kind in bodies}
    return named.pop() if len(named) == 1 else None


_WITH_SAYING = re.compile(r",\s+with\s+[^,;:“”\"]{1,80}?\b([a-z]+ing)\b")
_WITH_SUBJECTS = re.compile(r"\bwith\s+([^,;]{1,80})$")


def _imperative(sentence: str) -> bool:
    """A recommendation in the imperative ("Negotiate a chapter on ...", "Expand cross-border banking.")."""
    words_ = _WORD.findall(sentence[:60])
    if len(words_) < 3 or not words_[0][:1].isupper():
        return False
    first, second = words_[0].lower(), words_[1].lower()
    return first in _IMPERATIVE_VERBS and second not in _NOT_AFTER_IMPERATIVE


_IMPERATIVE_VERBS = frozenset(
    words(
        "build strengthen expand launch use create establish ensure negotiate secure protect promote deepen invest "
        "adopt develop modernize modernise institutionalize institutionalise lead cement guarantee streamline align "
        "prioritise prioritize end stop avoid maintain increase reduce restore reform engage pursue consider "
        "designate impose provide fund deploy reinforce encourage keep limit reject resist coordinate implement "
        "convene appoint clarify enforce revise extend accelerate bolster boost expedite tighten loosen "
        "halt suspend resume press push require allow enable empower recognise recognize "
        "withdraw rebuild replace integrate harmonise harmonize diversify rethink reconsider "
        "reaffirm commit make seek improve enhance upgrade harden preserve sustain retain prepare address define "
        "offer pair link tie redirect refocus rebalance"
    )
)
_NOT_AFTER_IMPERATIVE = frozenset(
    words("for of is are was were has have had will would can could should may might must to as from by than at")
)
_EVALUATION_PARTICIPLES = frozenset(
    words(
        "deemed described called labelled labeled branded seen viewed regarded considered judged characterised "
        "characterized dubbed termed"
    )
)
_CAPITAL_DETERMINERS = frozenset(words("The A An This That These Those Its Their His Her Our"))
_BY_AGENT_VERBS = (
    r"deemed|described|called|labell?ed|branded|seen|viewed|regarded|considered|judged|characteri[sz]ed|"
    r"dubbed|termed|critici[sz]ed|condemned|rejected|welcomed|dismissed|praised|opposed|disputed|denounced|"
    r"endorsed|backed|questioned|challenged|set out|announced|proposed|outlined|introduced|launched|adopted|"
    r"imposed|vetoed|blocked|brokered|mediated|sponsored|negotiated|drafted|engineered|orchestrated|funded|"
    r"financed|championed|lauded|ratified|approved|initiated|spearheaded|promoted|resisted|contested|"
    r"ridiculed"
)
_BY_AGENT = re.compile(
    r"\b(?P<verb>" + _BY_AGENT_VERBS + r")(?:\s+(?:as\s+)?(?P<comp>[^.;:()]{0,80}?))?\s*,?\s+by\s+(?:the\s+)?"
    r"(?:\w+\s+)?$",
    re.IGNORECASE,
)
_BY_AGENT_VERB = re.compile(_BY_AGENT_VERBS, re.IGNORECASE)
# a passive's auxiliary just before its participle: "is supported", "was strongly criticised", "have been urged"
_BE_BEFORE = re.compile(
    r"\b(?:is|are|was|were|be|been|being)\s+(?:(?:[a-z]+ly|often|also|now|still|long|not|never)\s+){0,2}$",
    re.IGNORECASE,
)
# from a passive participle to its agent: " by the", ", at least rhetorically, by", " by many"
_TO_AGENT = re.compile(r"(?:\s*,[^,.;:]{1,40},)?\s+by\s+(?:the\s+)?(?:[a-z]+\s+)?")
# what joins the agents of one passive: "by Norway and Iceland", "by Norway, Iceland and the EU"
_AGENT_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")


def _passive_agents(text: str, after: int, s_end: int, inside: list[Mention], index: ActorIndex) -> list[str] | None:
    """The agents of a passive participle that ends at `after` ("supported by Norway and Iceland"); an empty
    list when "by" follows but names no known actor; None when no "by" follows it (a passive without its agent,
    or no passive at all)."""
    by = _TO_AGENT.match(text, after, s_end)
    if by is None:
        return None
    agents: list[str] = []
    last: Mention | None = None
    for m in inside:
        if m.start < by.end():
            continue
        if last is None and m.start != by.end():
            break
        if last is not None and not _AGENT_JOIN.fullmatch(text[last.end : m.start]):
            break
        if _not_author(index, m.key):
            agents.append(m.key)
        last = m
    return list(dict.fromkeys(agents))


_AS_LEAD = re.compile(
    r"^As\s+(?![a-z]+ed\b)(?:[^,]|,(?=\s+(?:[A-Z]|and\s|among\s))){2,160}?\s+"
    r"(?:(?:has|have|had|also|rightly|correctly|both|all)\s+)*"
    r"(?P<verb>(?:argues|argued|notes|noted|observes|observed|warns|warned|writes|wrote|puts it|put it|points out|"
    r"pointed out|makes clear|make clear|made clear|contends|contended|suggests|suggested|says|said|insists|"
    r"insisted|explains|explained|concludes|concluded|shows|showed|has shown|demonstrates|demonstrated)),"
    r"\s*(?P<rest>.+)$"
)


_STAFF_FROM = re.compile(
    r"\s*(?:(?:Senior|Top)\s+)?(?:[Oo]fficials|[Rr]epresentatives|[Dd]iplomats|[Dd]elegations|[Nn]egotiators|"
    r"[Ee]nvoys|[Ll]eaders)\s+(?:from|of)\s+(?:both\s+)?(?:the\s+)?"
)


# a bracket right before the verb, after a name: "Lena Osk (S&D/MLT) argued", "Tomas Brel (Velmora) said"
_BRACKET_BEFORE = re.compile(r"\s*\([^()]{1,40}\)\s*(?:\w+\s+){0,2}\Z")


def _subjects(text: str, s_start: int, v_start: int, inside: list[Mention], index: ActorIndex) -> list[str]:
    """Actors that are the subject of the verb at `v_start`: the nearest mention before it and those
    coordinated with it ("Both A and B", "A, B and C")."""
    before = [m for m in inside if m.end <= v_start]
    if not before:
        return []
    bracket = _BRACKET_BEFORE.search(text, max(s_start, before[-1].start - 60), v_start)
    if bracket:
        # "MEP Lena Osk (S&D/MLT) argued ...": what the bracket names (her party, her state) is no subject
        inner = [m for m in before if bracket.start() < m.start < bracket.end()]
        named = before[-len(inner) - 1] if inner and len(inner) < len(before) else None
        tag = "/" in bracket.group() or all(index.actors[m.key].kind is ActorKind.STATE for m in inner)
        # (a tag of party and state, or states; not an abbreviation: "the Global Initiative (GI-TOC) has warned")
        if named is not None and named.end == bracket.start() and tag:
            before = before[: -len(inner)]
    staff = _STAFF_FROM.match(text, s_start, v_start)
    if staff:
        # "Officials from both Israel and Syria, as well as US mediators, remain optimistic": the states they serve
        served: list[str] = []
        at = staff.end()
        for m in before:
            if m.start < at:
                continue
            if m.start != at:
                break
            served.append(m.key)  # "US mediators" too: the state of those it names
            link = re.match(r"\s*(?:,?\s+as well as|,?\s+and|,)\s+(?:the\s+)?", text[m.end : v_start])
            if not link:
                break
            at = m.end + link.end()
        if served:
            return list(dict.fromkeys(k for k in served if _not_author(index, k)))
    last = before[-1]
    # "Tomas Berg, the Danish defence minister, warned", "Egypt and Qatar, the two main mediators, blame":
    # the actor before the apposition is the subject, not one named inside it
    outer = next(
        (
            m
            for m in reversed(before[:-1])
            if re.match(r"\s*(?:\([^()]{1,40}\)\s*)?,[^,;:]{1,90},", text[m.end : v_start])
            and _subject_gap(text[m.end : v_start])
        ),
        None,
    )
    if outer is not None:
        before = before[: before.index(outer) + 1]
        last = outer
    elif not _subject_gap(text[last.end : v_start]):
        return []
    keys = [last.key]
    k = len(before) - 1
    while k > 0:
        prev = before[k - 1]
        link = text[prev.end : before[k].start]
        if k == len(before) - 1 and re.fullmatch(r"\s*,\s+the\s+", link):
            break  # "Despite pressure from Iceland, the Norwegian government said": a clause, not a list
        if re.fullmatch(r"(?:’s|'s)?\s*(?:,|,?\s+and|,?\s+or|\s+as well as)\s+(?:the\s+)?", link):
            keys.insert(0, prev.key)
            k -= 1
        else:
            break
    # "nine European countries (Denmark, Italy and Austria) challenged ...": the states listed in brackets are the
    # group's members; the group named before them is the subject
    if (
        len(keys) >= 2
        and k > 0
        and before[k - 1].key not in keys
        and re.fullmatch(r"\s*\(\s*", text[before[k - 1].end : before[k].start])
        and re.match(r"\s*\)", text[last.end : v_start])
    ):
        k -= 1
        keys = [before[k].key]
    # "Lena Osk of the Nordic Council said", "Tang Gen from Beijing’s Taihe Institute dismissed": the body is where
    # the person works; the person speaks
    person = next(
        (
            m
            for m in before[:k]
            if index.actors[m.key].kind is ActorKind.PERSON
            and WORKS_AT.fullmatch(text, m.end, before[k].start)
            and not text[s_start : m.start].strip().lower().endswith(_PREPOSITIONS)
        ),
        None,
    )
    if person is not None and len(keys) == 1 and _not_author(index, person.key):
        return [person.key]
    head = text[s_start : before[k].start].strip().lower()
    head = re.sub(r"(?:\s+(?:former|then|late|current|acting))+$", "", " " + head).strip()  # "of what former ..."
    if re.search(r"(?:^|[,;]\s*)(?:if|unless|whether|when|once|until)\b[^,;]*$", head + " "):
        return []  # "If the government seeks to ...": a condition, not a stance
    relative = re.search(r"\b(\w+)\s+that$", head)
    if relative and _relative_that(relative.group(1)):
        return []  # "The review that Estonia ordered": a relative clause, not Estonia's stance
    # A subject inside a subordinate or prepositional phrase is not the subject of the verb; but in
    # "Republicans in Congress want" and "officials in Beijing say" the actor before "in" is.
    if re.fullmatch(
        r"(?:the\s+)?(?:\w+\s+)?(?:regime|government|leadership|authorities|rulers|junta)\s+in",
        head,
    ):
        return [before[k].key] if _not_author(index, before[k].key) else []  # "the regime in Tehran has ..."
    if _HOW_MANY.search(head):  # "A host of lawmakers criticized ...": the quantity's "of" is no preposition
        return list(dict.fromkeys(k for k in keys if index.actors[k].kind is not ActorKind.AUTHOR))
    if head.endswith(_PREPOSITIONS):
        outer = [
            m
            for m in before[:k]
            if re.fullmatch(r"\s+(?:in|at|from|within)\s+(?:the\s+)?", text[m.end : before[k].start])
        ]
        if outer and not re.search(r"[,;]", text[s_start : outer[-1].start]):
            return [outer[-1].key] if _not_author(index, outer[-1].key) else []
        return []
    return list(dict.fromkeys(k for k in keys if index.actors[k].kind is not ActorKind.AUTHOR))


# "Lena Osk of the Nordic Council", "Tang Gen from Beijing’s Taihe Institute": a person and where the person works
WORKS_AT = re.compile(r",?\s+(?:of|from|at)\s+(?:the\s+)?(?:[A-Z][\w’'.\-]*(?:’s|'s)\s+)?")
_HOW_MANY = re.compile(
    r"(?:^|[,;:]\s*|\b(?:but|and|yet|while|as|when|after)\s+)(?:a\s+(?:host|number|group|handful|majority|"
    r"coalition|series|range|chorus)|dozens|hundreds|thousands|scores|millions)\s+of$"
)
_PREPOSITIONS = tuple(
    " " + w
    for w in words(
        "of with for against on by to from than between about in at into over under within across through "
        "among toward towards upon what whether which whom"
    )
)
_DETERMINERS = frozenset(
    ["the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "any", "no", "such", "of"]
)
_NOUNLIKE = frozenset(
    words(
        "support press push call hold note question challenge signal frame credit blame demand cite label "
        "fear hope view claim doubt dispute regret add point state states maintain find concern warning plan aim "
        "object request appeal forecast"
    )
)


# Where the subject is, between it and its verb: "public health experts in the U.S. acknowledged ...",
# "analysts in Washington warned"
_PLACED_IN = re.compile(
    r"^\s+(?:in|from)\s+(?:the\s+[\w.\-]+|(?:the\s+)?[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)?)(?=\s+[a-z])"
)


# "Norway’s first national security strategy, published this spring, set out ...": the owner's document speaks
_OWN_DOCUMENT_GAP = re.compile(
    r"(?:’s|'s)\s+(?:[\w\-]+\s+){0,4}?(?:report|review|strategy|statement|study|assessment|analysis|paper|letter|"
    r"communiqu[ée]|declaration|document|memo|memorandum|guidelines|doctrine|survey|submission|readout)"
    r"(?:\s*,[^,;:“”\"]{1,60},)?\s*"
)


def _subject_gap(gap: str) -> bool:
    if _OWN_DOCUMENT_GAP.fullmatch(gap):
        return True
    owned = gap.startswith(("’s", "'s"))  # "the UN’s freshly announced relief chief": no adverb of a verb
    gap = re.sub(r"^(?:’s|'s)", "", gap)
    gap = _PLACED_IN.sub(" ", gap, count=1)
    gap = re.sub(r"^\s+(?:in|on|at|during|since|last|this)\s+(?:\d{4}|\w+day|week|month|year)\b", " ", gap)
    # A bracket, then an apposition: " (D-Va.), vice chairman of the committee,", ", a former Defence Secretary,"
    gap = re.sub(r"^\s*\([^)]{1,60}\)", " ", gap)
    gap = re.sub(r"^\s*,[^,;:]{1,90},", " ", gap)
    gap = re.sub(r",\s+(?:which|who)\s+", " ", gap)  # "the Polish leadership, which has publicly conceded"
    words = _WORD.findall(gap)
    if re.search(r"[;:.!?“”\"]", gap):
        return False
    if len(words) <= 1 and all(w.lower() in _GAP_WORDS or w.lower() in _REPORT_NOUNS for w in words):
        return "," not in gap.strip(" ,") or not words
    if words and words[0].lower() in _REPORT_NOUNS and len(words) <= 10 and "," not in gap:
        return True
    if (
        2 <= len(words) <= 3
        and words[-1].lower() in _REPORT_NOUNS
        and "," not in gap
        and all(w.lower() in _GAP_WORDS for w in words[:-1])
    ):
        return True  # "a US military assessment concluded", "a UK government statement said": the body's
    # "The Trump administration didn’t really believe", "Norway genuinely wants": an adverb in -ly too
    return (
        len(words) <= 5
        and "," not in gap
        and all(w.lower() in _GAP_WORDS or (not owned and _LY_ADVERB.fullmatch(w)) for w in words)
    )


_LY_ADVERB = re.compile(r"[a-z]{3,}ly")


# Verbs whose reported clause may follow without "that" ("said the sanctions would stay").
_CLAUSE_VERBS = frozenset(
    words("say argue believe think claim insist assert suggest predict expect fear hope feel contend state")
)


_NEGATED = re.compile(
    r"\b(?:(?:do|does|did|has|have|had|will|would|can|could|should|is|are|was|were)\s+)?(?:not|never)\s+"
    r"(?:(?:yet|always|fully|publicly|formally|explicitly|really)\s+)?$|\b\w+n[’']t\s+$|\bcannot\s+$",
    re.IGNORECASE,
)


# A noun, then the subject of the verb with no "that" between: "the efforts the West (feels)", "the role China (sees)"
# (not a time: "at the time Norway said that ...")
_REDUCED_RELATIVE = re.compile(
    r"\b(?:the|these|those)\s+(?!(?:time|moment|day|week|month|year|way)s?\b)[a-z]+\s+(?:the\s+)?"
    r"[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)*\s*$"
)


def _complement(base: str, sentence: str, after: int, before: str) -> str:
    """The reported content of a sentence whose verb ends at `after`.

    A that-clause or reported clause stands on its own ("the sanctions would stay"); other verbs keep
    their verb and object ("questioned the legality of the strikes").
    """
    verb = re.findall(r"[\w’'\-]+", sentence[:after])[-1]
    if _REDUCED_RELATIVE.search(before):
        # "the efforts the West feels it has made to engage": the verb is in a clause about "the efforts", whose
        # complement lacks its object; the sentence says what is held
        return sentence
    rest = sentence[after:].strip()
    if not re.search(r"\w", rest):
        # "..., she said.": the reported words come before the verb and its subject
        return re.sub(r",[^,]*$", "", before.rstrip()) or sentence
    rest = re.sub(r"^(?:also|firmly|strongly|repeatedly|publicly)\s+", "", rest)
    negated = _NEGATED.search(before)
    if negated:  # "do not recognise the government", "does not believe that ...": the negation is the stance
        if not rest or rest[0] in ",;:–—.":
            return sentence  # "... something Iran cannot accept, though ...": the object came first
        return f"{negated.group(0).strip()} {verb} {rest}"
    if re.match(r"that \w+(?:[,;]|\.(?!\w)|$|\s+(?:and|but|or|as|because|in|on|of|from|with|for|by|at|to)\b)", rest):
        return f"{verb} {rest}"  # "rejected that view, ...": "that" is a determiner here
    if rest.startswith("that "):
        return rest[5:]
    later = re.match(r"(?:[^,;:]*?\s)?that\s+(.+)$", rest)
    if later and len(rest[: later.start(1)].split()) <= 9:  # "admitted at the Munich Security Conference that ..."
        return later.group(1)
    if base == "take" and rest.startswith("the view that "):
        return rest[len("the view that ") :]
    if base in ("see", "view", "regard", "describe", "characterise", "characterize", "label", "consider", "frame"):
        m = re.match(r"(.+?),?\s+as\s+(.+)$", rest)
        if m and m.group(1).lower() not in ("them", "it", "this", "these", "those", "him", "her"):
            obj = re.sub(r",\s*which\b.*?,", "", m.group(1))
            head = re.split(r"\s+(?:in|of|on|for|from|with|at|across|near)\s+", obj)[0].split()[-1]
            plural = head.endswith("s") and not head.endswith(("ss", "us", "is"))
            return f"{obj} {'are' if plural else 'is'} {m.group(2)}"
    if base == "call":
        q = re.match(r"((?:[\w’'\-]+\s+){1,4}?)[“\"‘](.+?)[”\"’]", rest)
        # "called the situation “a moral outrage”", not "called for “urgent fixes”"
        if q and q.group(1).split()[0].lower() not in ("for", "on", "upon"):
            return f"{q.group(1).strip()} is {q.group(2).rstrip(',.')}"
    if base == "highlight":
        m = re.match(r"(.+?)\s+as\s+(.+)$", rest)
        if m:
            return f"{m.group(1)} is {m.group(2)}"
    if base in _CLAUSE_VERBS and not re.match(r"(?:to|for|on|about|against|with|in|from|at)\b", rest):
        return rest
    aux = re.search(
        r"\b(has|have|had)\s+(?:(?:long|already|also|repeatedly|so far|recently|now)\s+)*$",
        sentence[: after - len(verb)],
    )
    if aux and verb.lower() in _PARTICIPLES:
        return f"{aux.group(1)} {verb} {rest}"  # "has shown little interest", not "shown little interest"
    return f"{verb} {rest}"


_PARTICIPLES = frozenset(words("shown seen taken written said told found held sought thought felt"))


def _drop_attribution(sentence: str, start: int, end: int) -> str:
    """The sentence without its ", as X put it", "According to X," or "According to sources close to X," part."""
    tail = sentence[end:]
    put = _PUT_IT.match(tail)
    if put:
        cut_from = sentence.rfind(",", 0, start)
        lead = sentence[:cut_from] if cut_from > 0 else sentence[:start]
        rest = tail[put.end() :].lstrip(" ,")
        return f"{lead}, {rest}" if rest and rest[0].islower() else lead
    head = re.sub(r"\s+the$", "", sentence[:start].lower().rstrip())
    according = head.endswith(_ACCORDING_LEADS) or _ACCORDING_SOURCES.search(sentence[:start])
    if according and sentence[:start].count(",") == 0:
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
    r"there is good reason to believe that|my broader point is,?|one can see (?:how|why)|it seems that|"
    r"it is (?:likely|unlikely|possible|probable|true|no surprise|no coincidence) that|there is little doubt that|"
    r"(?:the|this) (?:brief|report|paper|commentary|article) (?:argues|suggests|finds|shows) that|"
    r"(?:yes|no|well|look|so|now),|in (?:short|sum|other words|the end|this context|that sense|this sense),)\s*",
    re.IGNORECASE,
)


def states_something(stance: str) -> bool:
    """A stance of two words or more: "Yes!" alone states no position."""
    return len(re.findall(r"\w+", stance)) >= 2


def _paraphrase(text: str, max_words: int = 20) -> str:
    """A one-sentence stance in plain words: the claim without openers, frames, quote marks, asides and
    hedging clauses; about `max_words` words when the sentence allows it, cut at a clause boundary."""
    text = _SPEAKER_LABEL.sub("", text)
    text = _QUOTE_INTRO.sub("", text)
    text = re.sub(r"(?<!\w)[‘“\"]|[’”\"](?!\w)", "", text)
    text = text.replace("[", "").replace("]", "")
    text = " ".join(text.split())
    for _ in range(3):
        text = _FRAMES.sub("", _OPENERS.sub("", text))
    text = re.sub(r",?\s*therefore,?", "", text, count=1)
    if ";" in text:
        text = text.split(";", 1)[0]
    text = _shorten(text.strip(" ,;:–—"), max_words)
    text = text.strip(" ,;:–—")
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    if text[-1] not in ".!?…":
        text = text.rstrip(".!?") + "."
    return text


# "told MPs: “...”", "replied: “...”": the words that introduce a quotation are no part of its claim
_QUOTE_INTRO = re.compile(r"^[^:“”\"]{0,40}:\s*(?=[“\"‘])")
_SPEAKER_LABEL = re.compile(r"^(?:[A-Z][\w’'.\-]+\s){0,3}[A-Z][\w’'\-]+:\s+")
# Asides that never carry the claim: brackets, dashes and short comma-enclosed adverbials.
_ASIDES = (
    re.compile(r"\s*\([^()]{0,200}\)"),
    re.compile(r"\s+(?:at the very least|at least|realistically|arguably|perhaps|possibly|ultimately)\b(?=\s)"),
    re.compile(r"\s+[–—]\s+[^–—]{1,160}?\s+[–—](?=\s)"),
    re.compile(
        r",\s+(?:which|who|whose)\b[^,]{1,140},|,\s+(?:for example|for instance|however|of course|in turn|in part|"
        r"realistically|at least|at best|in particular|among others|nevertheless|moreover|notably|crucially|"
        r"too|again|indeed|perhaps|arguably|therefore|thus|then|once again|in short|in effect|in fact|"
        r"as well as [^,]{1,40}|not least [^,]{1,60}|among other things),",
        re.IGNORECASE,
    ),
)
# A leading subordinate or adverbial clause ("Although ..., ", "Given ..., ", "In March, ").
_LEAD_CLAUSE = re.compile(
    r"^(?:although|though|while|whilst|given|since|despite|as|with|against|in|at|for|by|after|before|when|once|"
    r"because|even|under|amid|amidst|following|unlike|beyond|to|without|now|until|through|from|on|over|during|"
    r"having|if|unless|whether|rather than|instead of)\b",
    re.IGNORECASE,
)
_SUBJECT_START = re.compile(
    r"^(?:there|it|we|they|he|she|this|these|those|that|the|a|an|such|any|its|their|his|her|our|no|both|each|"
    r"many|most|some|all|one|much|more|few|little|several|other|every|what|none|[A-Z0-9])",
)
# Trailing clauses that qualify the claim rather than make it.
_TAIL = re.compile(
    r"(?:,|\s[–—])\s+(?:particularly|especially|even|given|if only|despite|which|so that|as well as|including|"
    r"not least|such as|while|whilst|although|though|rather than|in order to|because|since|supposedly|"
    r"as|with|by|for|compared|at the expense|and|but|or|allowing|leaving|making|creating|raising|thereby)\b",
    re.IGNORECASE,
)


def _shorten(text: str, limit: int) -> str:
    """Drop asides, then a leading clause, then trailing qualifications, while the text is over `limit` words."""

    def n_words(t: str) -> int:
        return len(t.split())

    for aside in _ASIDES:
        if n_words(text) <= limit:
            break
        shorter = " ".join(aside.sub("", text).split())
        if n_words(shorter) >= 5:
            text = shorter
    if n_words(text) > limit and _LEAD_CLAUSE.match(text):
        for m in re.finditer(r",\s+", text):
            rest = text[m.end() :]
            if _SUBJECT_START.match(rest) and n_words(rest) >= 5 and not re.match(r"(?:and|but|or)\b", rest):
                text = rest
                break
    text = re.sub(r"\b(that|and|but|as|if|when|because),\s", r"\1 ", text)
    if n_words(text) > limit:
        # the longest claim within a few words of the limit, else the shortest one over it
        cuts = [m.start() for m in _TAIL.finditer(text) if n_words(text[: m.start()]) >= 6]
        cuts = [c for c in cuts if not re.match(r"\W*(?:and|or|but)\b", text[c:]) or n_words(text[:c]) >= 10]
        fitting = [c for c in cuts if n_words(text[:c]) <= limit + 2]
        if fitting:
            text = text[: fitting[-1]]
        elif cuts:
            text = text[: cuts[0]]
    if n_words(text) > limit + 6:
        words = text.split()
        head = " ".join(words[: limit + 2])
        stop = max(head.rfind(", "), head.rfind(" – "), head.rfind(" — "))
        text = head[:stop] if stop > len(head) // 2 else head + " …"
    return text


def _unique(results: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    seen: set[str] = set()
    out = []
    for r in results:
        if r[0] not in seen:
            seen.add(r[0])
            out.append(r)
    return out
