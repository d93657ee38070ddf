"""Word lists shared by the actor and position finders: verbs of saying and believing, cues.

Verbs are listed by their base form; `inflect` adds the -s, -ed and -ing forms,
with the irregular ones spelt out.
"""

from __future__ import annotations


def words(text: str) -> list[str]:
    """The white-space separated words of `text` (keeps long word lists readable)."""
    return text.split()


MONTHS = frozenset(words("January February March April May June July August September October November December"))
WEEKDAYS = frozenset(words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday"))

REPORTING = words(
    "say argue highlight admit agree believe see warn claim state assert insist acknowledge conclude find "
    "assess recognise recognize want reject urge note stress emphasise emphasize maintain consider fear "
    "accuse blame demand allege reiterate affirm deny suggest propose call describe characterise "
    "characterize label regard view think worry doubt hope expect contend cite point predict question "
    "criticise criticize challenge welcome condemn announce pledge promise vow threaten declare tell "
    "write add explain indicate signal concede dismiss oppose support favour favor prefer seek intend "
    "commit justify press push remind caution recommend advocate accept refuse regret complain insist "
    "hold doubt estimate observe acknowledge portray frame dispute reaffirm underline underscore lament "
    "praise credit envisage raise rally voice express take show impose lift aim plan confirm encourage spell give "
    "order veto liken anticipate assure reply respond remark treat speculate suspect calculate reckon sound "
    "denounce decry deplore slam lambast hail applaud endorse repudiate rebuke disagree feel "
    "object ask request appeal advise lobby perceive interpret deem forecast foresee downplay clarify"
)

IRREGULAR = {
    "say": ["said", "says", "saying"],
    "see": ["saw", "sees", "seen", "seeing"],
    "think": ["thought", "thinks", "thinking"],
    "find": ["found", "finds", "finding"],
    "tell": ["told", "tells", "telling"],
    "write": ["wrote", "written", "writes", "writing"],
    "seek": ["sought", "seeks", "seeking"],
    "hold": ["held", "holds", "holding"],
    "feel": ["felt", "feels", "feeling"],
    "hope": ["hoped", "hopes", "hoping"],
    "take": ["took", "taken", "takes", "taking"],
    "show": ["showed", "shown", "shows", "showing"],
    "spell": ["spelled", "spelt", "spells", "spelling"],
    "give": ["gave", "given", "gives", "giving"],
    "begin": ["began", "begun", "begins", "beginning"],
    "strike": ["struck", "strikes", "striking"],
    "throw": ["threw", "thrown", "throws", "throwing"],
}

# Verbs whose subject is reported as holding a view only with a complement ("sees X as Y").
NEEDS_COMPLEMENT = {
    "see",
    "view",
    "regard",
    "hold",
    "find",
    "call",
    "label",
    "calculate",  # "calculate that such demands guarantee failure" is a view; "calculated the cost" is not
    "reckon",
    "treat",  # "treats X as an unavoidable channel" is a view; "treated the wounded" is not
    "describe",
    "push",
    "press",
    "maintain",
    "state",
    "add",  # "added that ..." reports speech; "added three firms to the list" does not
}

# Adjectival stances: "X is adamant that", "X is concerned about".
STANCE_ADJECTIVES = words(
    "adamant convinced concerned worried determined keen reluctant unwilling willing opposed committed "
    "confident sceptical skeptical clear wary eager anxious insistent lukewarm blunt critical supportive "
    "hostile cautious divided split ambivalent hesitant optimistic pessimistic resistant ready prepared "
    # feelings about what happens: "Moscow was delighted to fill the void", "Tokyo is dissatisfied with the deal"
    "delighted pleased satisfied dissatisfied disappointed frustrated angry furious upset loyal "
    "faithful"
)


# Nouns of an actor's stance after its possessive: "Syria’s demand", "the Commission’s proposal".
STANCE_NOUNS = frozenset(
    words(
        "demand demands decision decisions position positions proposal proposals call calls refusal plan plans "
        "strategy policy policies offer request warning warnings claim claims support opposition commitment "
        "commitments pledge threat threats response approach stance view views insistence push bid efforts effort "
        "attempt attempts objections rejection reluctance willingness determination goal goals aim aims ambitions "
        "ambition priority priorities agenda vision concerns concern criticism message intention intentions readiness"
    )
)


def inflect(base: str) -> list[str]:
    """The base form of a regular verb with its -s, -ed and -ing forms."""
    if base in IRREGULAR:
        return [base, *IRREGULAR[base]]
    if base.endswith("e"):
        past, ing = base + "d", base[:-1] + "ing"
    elif base.endswith("y") and base[-2] not in "aeiou":
        past, ing = base[:-1] + "ied", base + "ing"
    elif base in {"commit", "regret", "refer", "prefer", "admit", "omit", "permit", "submit"}:
        past, ing = base + base[-1] + "ed", base + base[-1] + "ing"
    else:
        past, ing = base + "ed", base + "ing"
    british = []
    if base.endswith("l") and not base.endswith("ll") and base[-2] in "aeiou" and base[-3:-2] not in "aeiou":
        british = [base + "led", base + "ling"]  # "signalled", "labelled"
    if base.endswith(("s", "sh", "ch", "x", "z")):
        third = base + "es"
    elif base.endswith("y") and base[-2] not in "aeiou":
        third = base[:-1] + "ies"
    else:
        third = base + "s"
    return [base, third, past, ing, *british]


VERB_FORMS: dict[str, str] = {form: base for base in REPORTING for form in inflect(base)}
VERB_FORMS.pop("seen", None)  # "is seen as" is passive: handled as a pattern of its own
