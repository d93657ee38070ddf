"""Attribution patterns of the genre, one sentence each (after a neutral opening sentence)."""

import pytest

from briefcomposer.analysis import suggest, to_json
from briefcomposer.analysis.actors import find_actors
from briefcomposer.analysis.positions import find_positions
from briefcomposer.analysis.sentences import split
from briefcomposer.core.model import Source


def _positions(sentence: str, author: str | None = "A. Writer") -> list[tuple[str, str]]:
    """The rules' findings for `sentence` (these are tests of the rules; `test_ranking` tests the model)."""
    source = Source(title="t", paragraphs=["An opening sentence.", sentence], author=author)
    return [(p["actor"], p["stance"]) for p in to_json(source, suggest(source, model=False, join=False))["positions"]]


@pytest.mark.parametrize(
    ("sentence", "actor", "stance"),
    [
        ("President Donald Trump said the sanctions would stay.", "Donald Trump", "The sanctions would stay."),
        ("The Kremlin insists that the referendums were legitimate.", "Russia", "The referendums were legitimate."),
        (
            "“We are going to run the country until a transition,” Osk argued at a news conference.",
            "Osk",
            "We are going to run the country until a transition.",
        ),
        ("Critics have questioned the legality of the strikes.", "critics", "Questioned the legality of the strikes."),
        ("Republican leadership has largely rallied behind the administration.", "Republicans", None),
        ("Washington frames the operation as part of a counternarcotics mission.", "United States", None),
        (
            "According to sources close to the Norwegian government, it plans to end the emergency in July.",
            "Norway",
            "It plans to end the emergency in July.",
        ),
        (
            "According to Indian officials, pilots operated under strict rules of engagement.",
            "India",
            "Pilots operated under strict rules of engagement.",
        ),
        (
            "In the eyes of the Indian government, the use of force has become the norm.",
            "India",
            "The use of force has become the norm.",
        ),
        ("The Indian government has taken the view that restraint pays.", "India", "Restraint pays."),
        ("Pakistani allegations that five aircraft were shot down spread quickly.", "Pakistan", None),
        ("Beijing has repeatedly warned Washington against arms sales to Taiwan.", "China", None),
        ("The EU's foreign policy chief Josep Borrell called for restraint.", "Josep Borrell", "Called for restraint."),
        (
            "NATO’s ‘open door policy’ is seen as one of the ‘biggest geopolitical mistakes’, as the Ambassador "
            "Alexander Grushko put it.",
            "Alexander Grushko",
            None,
        ),
        (
            "Hizbullah is adamant that no diplomatic resolution is possible until the war in Gaza ends.",
            "Hizbullah",
            None,
        ),
        (
            "The US should press Iran to restrain its proxy.",
            "A. Writer",
            "The US should press Iran to restrain its proxy.",
        ),
        (
            "The obvious conclusion, therefore, is that formats of engagement should be broadened.",
            "A. Writer",
            "Formats of engagement should be broadened.",
        ),
        ("Moscow will likely attempt to absorb the captured territory.", "A. Writer", None),
        # participle clauses belong to the sentence's subject, or to the actors after "with"
        (
            "Transnistria’s president spoke to the nation, blaming Ukraine for the attacks.",
            "Transnistria",
            "Blaming Ukraine for the attacks.",
        ),
        (
            "Calm returned, with Israel and Hizbullah both concluding that another war was too costly.",
            "Hizbullah",
            "Another war was too costly.",
        ),
        # a passive with its agent, and "As X and Y make clear, ..."
        (
            "Donors pledged less than half, pledges deemed “gravely inadequate” by Médecins Sans Frontières.",
            "Médecins Sans Frontières",
            "Pledges are gravely inadequate.",
        ),
        ("The plan, lauded by Iceland as a model, was shelved in May.", "Iceland", "Lauded the plan."),
        (
            "As experts like Joshua Craze and Kholood Khair make clear, better arrangements are possible.",
            "Joshua Craze",
            "Better arrangements are possible.",
        ),
        # inverted attribution after a quote
        ("“The strikes were lawful,” said President Donald Trump.", "Donald Trump", "The strikes were lawful."),
        # "Others" after "Some critics ...": more of the same group
        (
            "Some critics stress the moral cost of the decision. Others point to the danger of eroding deterrence.",
            "critics",
            "Point to the danger of eroding deterrence.",
        ),
        # "they" points back to the actor that opened the sentence before
        ("The Kremlin rejected the talks. They argued that the West cannot be trusted.", "Russia", None),
        # a verb coordinated with the subject's first verb
        (
            "Russian officials commented on the explosions and warned of the dangers of escalation.",
            "Russia",
            None,
        ),
        # the author's recommendations in the imperative, as in numbered recommendation lists
        ("Negotiate a chapter on critical minerals to eliminate tariffs.", "A. Writer", None),
        # "While X argues A, B": the concession is X's, the main clause the author's
        (
            "While some analysts have questioned the strategy, the evidence suggests that the crisis was more "
            "contained than it first appeared.",
            "A. Writer",
            None,
        ),
        (
            "While the US assesses that a third of the force has been killed, Israel has little to show for it.",
            "United States",
            "A third of the force has been killed.",
        ),
        # people without a title: coordinated subjects, an apposition naming their role
        (
            "Lena Park and Omar Haddad have both argued that the donors must pay.",
            "Omar Haddad",
            "The donors must pay.",
        ),
        (
            "Tomas Berg, the Danish defence minister, warned that the Baltic was exposed.",
            "Tomas Berg",
            "The Baltic was exposed.",
        ),
        (
            "As analysts like Maria Lopez, Tom Hale and Ana Ruiz make clear, the truce is fragile.",
            "Ana Ruiz",
            "The truce is fragile.",
        ),
        # a quoted nickname inside a full name, and the nickname alone later
        (
            "Farah Ali “Sparrow” Osman’s militia grew. Later, Sparrow said the truce was over.",
            "Farah Ali Osman",
            "The truce was over.",
        ),
        # organisations: "the X (ABBR)", an unknown acronym as the subject of an agent's verb, militias
        (
            "The National Authority for Water Oversight (NAWO) warned that supplies would fail.",
            "National Authority for Water Oversight",
            "Supplies would fail.",
        ),
        ("The KDPL has denied any role in the attack.", "KDPL", "Denied any role in the attack."),
        ("The Jaish al-Nasr Brigade has accused the army of shelling markets.", "Jaish al-Nasr Brigade", None),
        ("The Houthis have threatened to resume attacks on shipping.", "Houthis", None),
        # governments by demonym, a minister by the state's possessive, legislatures, collective actors
        ("The Chilean government insists that copper exports will recover.", "Chile", None),
        ("Ecuador's foreign minister told reporters that the embassy would stay closed.", "Ecuador", None),
        ("Congress has rejected the funding request.", "US Congress", None),
        ("Mediators have warned that the ceasefire is fragile.", "mediators", "The ceasefire is fragile."),
        # "it" and "he" point back to the last state or person; "in X's view"
        (
            "Ghana warned that the loan terms were unfair. It has also urged creditors to act.",
            "Ghana",
            "Urged creditors to act.",
        ),
        (
            "Daniel Okafor, a former envoy, believes the plan will fail. He also warned that the army was divided.",
            "Daniel Okafor",
            "The army was divided.",
        ),
        ("In Ottawa’s view, the tariffs are illegal.", "Canada", "The tariffs are illegal."),
        # the author's verdicts: an evaluative adverb or an inference opening the sentence
        ("Unfortunately, the region ceded the initiative.", "A. Writer", None),
        ("In effect, Peru accepted a higher risk of default.", "A. Writer", None),
        ("These forecasts appear overstated given the data.", "A. Writer", None),
        ("Washington should lift the sanctions before the election.", "A. Writer", None),
        ("Each week of delay acts as a hidden tax on farmers.", "A. Writer", None),
        ("The real risk is that the truce collapses by spring.", "A. Writer", None),
        (
            "In the assessment of the International Monetary Fund, growth will slow next year.",
            "International Monetary Fund",
            "Growth will slow next year.",
        ),
        ("Washington has pressed Manila to raise defence spending.", "United States", None),
        ("KMT legislators argue that the plant should reopen.", "Kuomintang", "The plant should reopen."),
        ("The ZRP legislators argue that the plant should reopen.", "ZRP", None),
        ("Zambian officials have been cautious about the deal.", "Zambia", None),
        ("Mali’s junta insists that security has improved.", "Mali", "Security has improved."),
        ("Aid agencies have warned that cuts will deepen hunger.", "humanitarian agencies", None),
        ("Republicans in Congress want to tie aid to new targets.", "Republicans", None),
        (
            "Lena Park, an economist in Lima, notes that exports fell. In her view, the central bank erred.",
            "Lena Park",
            "The central bank erred.",
        ),
        ("Peru and Chile, the two main mediators, blame the other parties for the delay.", "Chile", None),
        (
            "Khalil al-Harbi, the group’s chief negotiator, told reporters that the movement had accepted the plan.",
            "Khalil al-Harbi",
            "The movement had accepted the plan.",
        ),
        (
            "The UN Secretary-General, Ana Moreno, called the situation “a moral outrage”.",
            "Ana Moreno",
            "The situation is a moral outrage.",
        ),
        ("The Emiratis, by contrast, have signalled they could fund reconstruction.", "United Arab Emirates", None),
        (
            "Jan Berg, NATO’s deputy envoy, has repeatedly called on allies to spend more.",
            "Jan Berg",
            "Called on allies to spend more.",
        ),
        (
            "Jan Berg, NATO’s deputy envoy, has called for “urgent fixes” to the plan.",
            "Jan Berg",
            "Called for urgent fixes to the plan.",
        ),
        ("The Kremlin’s line is that enlargement forced its hand.", "Russia", "Enlargement forced its hand."),
        ("The Baltic states agree that deterrence must be forward.", "the Baltic states", None),
        # the seat of government, "For X, ...", a relative clause after the actor, groups named by a phrase
        ("The regime in Caracas has long threatened to close the border.", "Venezuela", None),
        (
            "For Ankara, closing the straits is not a realistic choice this year.",
            "Turkey",
            "Closing the straits is not a realistic choice this year.",
        ),
        (
            "The floods sobered the Polish political leadership, which has publicly conceded the need to spend more.",
            "Poland",
            None,
        ),
        ("Few European officials believe that the talks will lead to a truce.", "European officials", None),
        ("Ethiopia’s neighbours fear that the port deal will upset the balance.", "Ethiopia’s neighbours", None),
        ("EU member states insist that the deadline must hold.", "EU member states", None),
        (
            "Kenyan President Ana Ruto spoke in May. According to the Kenyan president, the talks must resume.",
            "Ana Ruto",
            "The talks must resume.",
        ),
        ("Such a deal would leave the smaller states exposed to coercion.", "A. Writer", None),
        (
            "Prime Minister Ana Ruto spoke on Monday. “Without the port, there is no future,” she said in the address.",
            "Ana Ruto",
            "Without the port, there is no future.",
        ),
        (
            "Prime Minister Ana Ruto spoke on Monday. “One senior official called this a paradigm shift,” she notes.",
            "Ana Ruto",
            "One senior official called this a paradigm shift.",
        ),
        (
            "“The port is the key to the north,” observes Ana Ruto, the minister of transport.",
            "Ana Ruto",
            "The port is the key to the north.",
        ),
        ("This raid helped secure the interests of every shipping nation.", "A. Writer", None),
        (
            "Energy Secretary Ana Ruto has confirmed that U.S. rivals can disable the grid.",
            "Ana Ruto",
            "U.S. rivals can disable the grid.",
        ),
        ("Moscow says it is ready to resume the talks in Geneva.", "Russia", None),
        ("FBI Director Ana Ruto sees parallels between ransomware and terrorism.", "Ana Ruto", None),
        ("Those parallels point to a wider failure of deterrence online.", "A. Writer", None),
        # a negation is part of the stance, never dropped
        ("Russia does not believe that NATO is defensive.", "Russia", "Does not believe that NATO is defensive."),
        (
            "Iran didn’t agree that the deal is fair.",
            "Iran",
            "Didn’t agree that the deal is fair.",
        ),
        (
            "China has never accepted that the ruling is binding.",
            "China",
            "Has never accepted that the ruling is binding.",
        ),
        ("Ana Ruto, the Kenyan president, gave the junta a final ultimatum to leave.", "Ana Ruto", None),
        # deeds: the policies and decisions an actor takes, after an opening adverbial too
        ("Meanwhile, Caracas continues to steadily expand its oil sales in the region.", "Venezuela", None),
        ("Azerbaijan has blocked the group since the war ended.", "Azerbaijan", None),
        ("Norway, Finland and Estonia have already begun screening cargo ships in their ports.", "Estonia", None),
        (
            "In a pointed message to Russia, the Biden administration has pledged support for Finland.",
            "Biden administration",
            None,
        ),
        ("President Ana Ruto appears to view the Arctic as central to Kenya’s security.", "Ana Ruto", None),
        ("Iran cannot accept a deal without guarantees.", "Iran", "Cannot accept a deal without guarantees."),
        (
            "They set a precondition, something Iran cannot accept, though it will talk.",
            "Iran",
            "They set a precondition, something Iran cannot accept, though it will talk.",
        ),
        (
            "Russia’s attempts to evade the embargo have grown more elaborate.",
            "Russia",
            "Russia’s attempts to evade the embargo have grown more elaborate.",
        ),
        ("Russia’s attempt to pull Belarus into the offensive probably failed.", "A. Writer", None),
        ("But despite high hopes, the cabinet has been unable to revive the accord.", "A. Writer", None),
        ("The stalemate is also a consequence of Peruvian caution at the table.", "A. Writer", None),
        # advice to an actor is the author's, whatever verbs follow
        (
            "The EU should adopt a two-part plan: deepen coordination, and seek partners abroad.",
            "A. Writer",
            None,
        ),
        ("Improve the forward defence plan but avoid costly new bases.", "A. Writer", None),
        # stances shown by deeds and intentions
        (
            "Russia has shown little interest in a truce except on its own conditions.",
            "Russia",
            "Has shown little interest in a truce except on its own conditions.",
        ),
        ("The EU has shown no support for the protests so far.", "European Union", None),
        ("Senior US figures have suggested that an agreement will be signed soon.", "United States", None),
        ("Moscow was delighted to fill the void.", "Russia", "Delighted to fill the void."),
        ("Norway is disappointed that the talks failed.", "Norway", None),
        ("Some Icelanders now speculate that the protesters had help from abroad.", "Iceland", None),
        ("Norway suspects that the cable was cut on purpose.", "Norway", "The cable was cut on purpose."),
        (
            "Israel has pushed this line. They calculate that such demands guarantee the failure of diplomacy.",
            "Israel",
            "Such demands guarantee the failure of diplomacy.",
        ),
        # the name before "and" is the object of the first predicate, not the subject of the verb after it
        (
            "Iranian officials are distrustful of the IAEA and warn that information may have leaked.",
            "Iran",
            "Information may have leaked.",
        ),
        (
            "This matters because Norway still treats the platform as an unavoidable channel.",
            "Norway",
            "Treats the platform as an unavoidable channel.",
        ),
        ("Canada has imposed an embargo on arms sales to the junta.", "Canada", None),
        (
            "Prices fell after the summit, as Norway expressed disappointment at the lack of concrete details.",
            "Norway",
            "Expressed disappointment at the lack of concrete details.",
        ),
        ("China plans to expand its navy by a third.", "China", "Plans to expand its navy by a third."),
        (
            "The regime in Caracas closed the border in May. Most recently, it even threatened to cut off the oil.",
            "Venezuela",
            "Threatened to cut off the oil.",
        ),
        # names with letters outside ASCII, in apposition to a role
        (
            "Turkey’s president, Recep Tayyip Erdoğan, said the strait would stay open.",
            "Recep Tayyip Erdoğan",
            "The strait would stay open.",
        ),
        # where the group is, between it and its verb
        ("Security analysts in Norway warned that the deal would fail.", "Security analysts", "The deal would fail."),
        (
            "Prominent public health experts in the U.S. strongly opposed the withdrawal from the treaty.",
            "public health experts",
            None,
        ),
        # verbs of feeling and rebuke
        (
            "Tomas Brel feels the deal is slipping away from Norway.",
            "Tomas Brel",
            "The deal is slipping away from Norway.",
        ),
        ("Mara Quist disagreed with the minister over the timing of the vote.", "Mara Quist", None),
        # advice and requests
        ("Mara Quist has advised the government to delay the vote.", "Mara Quist", None),
        # a label in quotation marks after its object and a relative clause
        (
            "The fund has a contentious history: early critics labelled the original scheme, which Norway now "
            "wants to replace, the “Shame Fund”.",
            "critics",
            None,
        ),
        # a progressive after a modal
        ("Norway would be seeking cooperation with Iceland in fisheries.", "Norway", None),
        # a warning in a set phrase
        (
            "The summit met in a hurry as Norway and Iceland sound an alarm over the rising number of boats.",
            "Iceland",
            "Sound an alarm over the rising number of boats.",
        ),
        # a body's document as the subject: the body holds what it concludes
        ("A UN assessment cites credible allegations of abuses in the camps.", "United Nations", None),
        (
            "But a Norwegian military assessment concluded that the programme had been set back by two years.",
            "Norway",
            "The programme had been set back by two years.",
        ),
    ],
)
def test_attribution(sentence, actor, stance):
    found = _positions(sentence)
    assert actor in [a for a, _ in found], found
    if stance is not None:
        assert (actor, stance) in found


@pytest.mark.parametrize(
    "sentence",
    [
        "If the government seeks to develop deep tech, it should invest in civilian research.",  # a condition
        "The Kremlin maintains significant influence in Transnistria as its primary sponsor.",  # not a view
        "Transnistrian authorities repay this Russian support by emphasizing their ties.",  # "support" is a noun
        # where someone was, not a position ("X met with Y" is a deed to the rules: meeting is an act of policy)
        "Jake Sullivan was in Rome last week.",
        "Russia’s tendency to blame the West prevents compromise.",  # the tendency is the subject, not Russia
        "Support for the Kremlin has waned in the region.",  # a noun, not an imperative
        "Kenya’s signal of intent to mediate marks a shift.",  # "signal" after a possessive is a noun
        "The SDR committed to buying local suppliers.",  # a document's acronym: documents do not hold views
        "Operation Granite Shield ended in May. Granite Shield showed that airpower alone fails.",  # an event
        "The deal, which Hungary opposed, was signed in May.",  # a relative clause, not Hungary's stance
        "Moscow is unlikely to have the manpower to open a front, pushing on Odessa.",  # "pushing on" a place
        "The limits of what former President Ana Moreno calls the “Andean model” are clear.",  # inside "what"
        "For the time being, the ceasefire in Gaza is holding.",  # "For" a time, not an actor
        "Brazil showed a record harvest this year.",  # "show" without a stance noun
        "The unresolved Taiwan question complicates the summit agenda.",  # a name used as a modifier
        "Peru lifted the mood of the summit with a song.",  # "lift" without a policy
        "The object of the exercise was to reassure Iceland.",  # "object" as a noun
    ],
)
def test_no_attribution_to_a_named_actor(sentence):
    assert all(actor == "A. Writer" for actor, _ in _positions(sentence))


@pytest.mark.parametrize(
    ("sentence", "agent", "subject"),
    [
        ("Norway was accused by Iceland of dumping fish in the fjord.", "Iceland", "Norway"),
        # the object of "expressed", "raised", "voiced" is before it in the passive
        (
            "The possibility of a new war in the north has been expressed by several Icelandic government officials.",
            "Iceland",
            "A. Writer",
        ),
        (
            "The junta and its military leaders are supported by many citizens in the north.",
            "citizens",
            "military leaders",
        ),
    ],
)
def test_a_passive_verb_of_saying_is_its_agents_view_not_its_subjects(sentence, agent, subject):
    actors = [a for a, _ in _positions(sentence)]
    assert agent in actors, actors
    assert subject not in actors


@pytest.mark.parametrize(
    ("sentence", "owner"),
    [
        ("When the ministers met in Oslo, Norway’s main objective was to avoid a bust-up.", "Norway"),
        ("Iceland’s main goal with the treaty was to keep Velmora out of the Arctic.", "Iceland"),
        # a plural's possessive is its apostrophe alone
        ("When the ministers met in Oslo, the Baltic states’ main goal was to keep Washington on side.", "Baltic"),
    ],
)
def test_an_actors_objective_is_its_position(sentence, owner):
    assert any(owner in actor for actor, _ in _positions(sentence)), _positions(sentence)


@pytest.mark.parametrize(
    ("sentence", "owner"),
    [
        # the effort by an actor, with a time between it and "to"
        (
            "The strike could have imperiled the effort by Iceland in recent years to ease Velmora’s isolation.",
            "Iceland",
        ),
        # the decision of an actor to act
        (
            "On 13 February, Tomas Brel approved the decision of the Nordic Council to sanction ten figures.",
            "Nordic Council",
        ),
        # calls from an actor, or from those like it
        ("The package comes amid earlier calls from figures like Tomas Brel to delay the rules.", "Tomas Brel"),
        ("The proposal follows calls by the Nordic Council to act as a matter of urgency.", "Nordic Council"),
        # the state's desire, through its government
        ("It would be easy to shake your head at the new Icelandic government’s desire to court Velmora.", "Iceland"),
        ("The task force will challenge state laws that clash with Norway’s vision for light-touch rules.", "Norway"),
    ],
)
def test_an_actors_desire_or_vision_is_its_position(sentence, owner):
    assert any(owner in actor for actor, _ in _positions(sentence)), _positions(sentence)


def test_a_quotation_the_company_said_is_the_body_named_before():
    text = (
        "Earlier this month, the shipping firm Nordlink said it was filing applications in Reykjavik. “Norway has "
        "assured us that licences will be granted, and we hope to restart deliveries soon,” the company said."
    )
    found = _positions(text)
    assert any(actor == "Nordlink" and "licences" in stance for actor, stance in found), found


def test_the_authors_verdict_after_but_beside_a_reported_claim():
    found = _positions(
        "Tomas Brel claimed the ministry had taken decisive action, but its promise of a loan looked more like an "
        "attempt to calm the markets."
    )
    actors = [actor for actor, _ in found]
    assert "Tomas Brel" in actors, found
    assert "A. Writer" in actors, found


def test_a_concession_and_its_main_clause_may_report_two_views():
    found = _positions("Although Norway denies the charge, a UN assessment cites credible allegations of abuses.")
    actors = [actor for actor, _ in found]
    assert "Norway" in actors, found
    assert "United Nations" in actors, found


def test_a_post_that_reads_a_quotation_is_its_writers():
    source = Source(
        title="t",
        paragraphs=[
            "Velmora closed its border. Mara Quist, the Norwegian foreign minister, wrote a post on Friday. The post "
            "reads “For too long, Velmora has ignored its neighbours. We stand ready to expand the sanctions.”"
        ],
        author="A. Writer",
    )
    found = to_json(source, suggest(source, join=False))["positions"]
    assert any(p["actor"] == "Mara Quist" and "stand ready" in p["evidence"][0] for p in found), found


def test_a_states_analysts_are_not_the_state():
    # "Peruvian analysts" are a group of their own that may hold the view; Peru holds none here
    assert "Peru" not in [actor for actor, _ in _positions("Peruvian analysts are sceptical of both camps.")]


def test_an_inference_about_a_deed_is_not_the_actors():
    # hosting the talks is Ghana's deed; "it suggests a shift" is the author's inference from it
    found = _positions("Ghana hosted the talks. It suggests a shift in the region.")
    assert [stance for actor, stance in found if actor == "Ghana"] == ["Hosted the talks."]


@pytest.mark.parametrize(
    ("sentence", "actors", "stance"),
    [
        # deeds with verbs no list names: the actor opening a clause and a verb in the past or perfect
        ("In 2019 Norway secured a deal with Iceland on fishing quotas.", ["Norway"], "Secured a deal with Iceland"),
        ("The new Biden administration quickly sanctioned the ruling council.", ["Biden administration"], None),
        ("Germany too took the decision to create a cyber command.", ["Germany"], "Took the decision"),
        ("Chile, Peru and Bolivia have established a joint lithium office.", ["Chile", "Peru", "Bolivia"], None),
        ("The rebels are backed by Rwanda, which denies it.", ["Rwanda"], None),
        ("Talks stalled after Kenya withdrew its mediators and Uganda closed the border.", ["Kenya", "Uganda"], None),
        # a view reported in one clause and a deed in another: both actors hold theirs
        ("Iran says the talks failed, and in May 2021 Oman recalled its envoy.", ["Iran", "Oman"], None),
        # the state acting through its office, with an adverb or an aside before the verb
        ("Norway’s foreign minister promptly labelled the seizure an act of piracy.", ["Norway"], "Labelled"),
        ("Chile’s government under President Ana Moreno has nationalised the mines.", ["Chile"], "Has nationalised"),
        # a concession's clause ends at its comma
        ("While Ghana has expressed support for the plan, the talks remain stuck.", ["Ghana"], "Has expressed"),
        ("Peru is not applying the new quotas to its fleet.", ["Peru"], "Is not applying"),
        # a decision named by a noun: "the decision by X to", "X’s proposal for"
        ("The recent decision by the Kenyan government to close the border hurt trade.", ["Kenya"], None),
        ("This is far better than Norway’s costly proposal for a new pipeline.", ["Norway"], None),
        # a clause opened by "that" after a verb or adjective, in the past
        ("Recall that Estonia expelled two diplomats in March.", ["Estonia"], "Expelled two diplomats"),
        # after "will", "would" or "shall" any verb; an aside between the auxiliary and the verb
        ("Under the treaty, Latvia shall readmit every crew it rescues.", ["Latvia"], "Shall readmit"),
        ("Finland had, by then, tripled its border guard.", ["Finland"], None),
        ("Reports suggest that Chile was considering building a second port.", ["Chile"], "Was considering"),
        ("Ghana is likely prepared to host the next round of talks.", ["Ghana"], None),
        # the agent of a participle, with or without a complement
        ("Talks resumed on a new grain corridor, reportedly brokered by Turkey.", ["Turkey"], "Brokered a new"),
        ("The quotas, imposed by Norway in 2021, still bite.", ["Norway"], "Imposed the quotas"),
        # a time between the subject and its verb; the progressive of a verb no list names
        ("Chile in January scrapped its lithium royalty.", ["Chile"], "Scrapped"),
        ("Gulf states, once reliant on one patron, are increasingly hedging their bets.", ["the Gulf states"], None),
        ("Recently, Peru raised tariffs on imported steel.", ["Peru"], "Raised tariffs"),
        # a word that ranks the group between "the" and its name
        ("The usual donors are backing away, hesitant to commit.", ["donors"], "Are backing away"),
        # a policy named as its owner's
        ("Hungary’s veto stalled the package for months.", ["Hungary"], None),
        # a body acting through its members or envoys
        ("In 2021, members of the African Union founded a new caucus.", ["African Union"], "Founded"),
        ("Diplomatic efforts by Qatar and Oman secured a truce in October.", ["Qatar", "Oman"], "Secured a truce"),
        # a body acting through its forces or officials; verbs that make a stance with their object
        ("Later, U.S. forces struck 40 targets in the border region.", ["United States"], "Struck 40 targets"),
        ("Indonesia maintains a longstanding relationship with Russia.", ["Indonesia"], "Maintains"),
        ("Peru and Chile held a press conference on the dispute.", ["Peru", "Chile"], "Held a press"),
        ("Finland gave firm assurances to its neighbours in May.", ["Finland"], "Gave firm assurances"),
        ("Much has been written about India’s July 2023 ban on rice exports.", ["India"], None),
        # an actor after a comma and "the" opens a clause of its own, not a list with the one before
        (
            "Tensions have grown, and despite the talks in Iceland, the Norwegian opposition blocked the rostrum.",
            ["Norwegian opposition"],
            "Blocked the rostrum",
        ),
    ],
)
def test_deeds_by_any_verb(sentence, actors, stance):
    found = _positions(sentence)
    for actor in actors:
        held = [s for a, s in found if a == actor]
        assert held, (actor, found)
        if stance is not None:
            assert any(s.startswith(stance) for s in held), held


@pytest.mark.parametrize(
    "sentence",
    [
        "If Norway secures a deal with Iceland, fishing will recover.",  # a condition
        "Whether Australia buys from a British yard remains unclear.",  # an open question
        "Chile could build a lithium office of its own.",  # the author's speculation
        "Mexico has remained the largest export market for the region.",  # a description
        "Sudan is now grappling with a nationwide food emergency.",  # a plight, not a deed
        "The Kremlin has lost many troops since the invasion began.",  # an outcome, not a decision
        "Peru lifted the mood of the summit with a song.",  # "lift" without a policy
        "Mexico is struggling with a wave of violence.",  # a plight, not a deed
    ],
)
def test_no_deed_without_a_decision(sentence):
    assert all(actor == "A. Writer" for actor, _ in _positions(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "The review that Estonia ordered last year is due in May.",  # a relative clause, not a new clause
        "Officials fear that Estonia will expel two diplomats.",  # a prediction reported, not a deed
        "Critics note that Estonia does not need a larger navy.",  # a claim about Estonia, not its deed
        "Analysts say this suggests that Estonia failed to persuade its allies.",  # an outcome, not a decision
    ],
)
def test_a_that_clause_holds_only_past_deeds(sentence):
    assert "Estonia" not in [actor for actor, _ in _positions(sentence)]


def test_a_contracted_pronoun_carries_the_deed():
    source = Source(
        title="t",
        paragraphs=["An opening sentence.", "Ana Moreno spoke on Monday. Moreno said he’s planning a cut in aid."],
        author="A. Writer",
    )
    found = [(p["actor"], p["stance"]) for p in to_json(source, suggest(source, model=False, join=False))["positions"]]
    assert any(a == "Ana Moreno" and "planning a cut in aid" in s for a, s in found), found


def test_a_pronoun_with_a_contraction_points_back():
    source = Source(
        title="t",
        paragraphs=["Lena Osk wants a deal. She’s purged the council of advisers who wanted a tougher line."],
        author="A. Writer",
    )
    held = [(p["actor"], p["evidence"][0][:9]) for p in to_json(source, suggest(source, join=False))["positions"]]
    assert ("Lena Osk", "She’s pur") in held, held


@pytest.mark.parametrize(
    ("sentence", "group"),
    [
        ("Vulnerable countries were forced into painful compromises, and middle powers criticised the deal.", None),
        ("Telecom firms have resisted new rules on network security for years.", "telecom firms"),
    ],
)
def test_groups_named_by_a_phrase_are_actors(sentence, group):
    source = Source(title="t", paragraphs=["An opening sentence.", sentence], author="A. Writer")
    names = {a["name"].casefold() for a in to_json(source, suggest(source, model=False, join=False))["actors"]}
    expected = [group] if group else ["vulnerable countries", "middle powers"]
    assert set(expected) <= names, names


def test_a_pronoun_or_its_office_carries_the_deed_of_the_one_named_before():
    source = Source(
        title="t",
        paragraphs=[
            "An opening sentence.",
            "Ana Moreno took office in May, and Moreno said she would act fast. Ghana had backed Moreno. "
            "Her new government has frozen the central bank’s assets.",
            "Peru has recalled its ambassador. It has also suspended all joint patrols with the navy.",
        ],
        author="A. Writer",
    )
    found = [(p["actor"], p["stance"]) for p in to_json(source, suggest(source, model=False, join=False))["positions"]]
    assert ("Ana Moreno", "Has frozen the central bank’s assets.") in found
    assert ("Peru", "Has also suspended all joint patrols with the navy.") in found


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        (
            "With the deadline looming, on 11 March 2025 it proposed to replace the old directive.",
            "Proposed to replace the old directive.",
        ),
        ("In 2024 it recalled its ambassador from Kystposten.", "Recalled its ambassador from Kystposten."),
        (
            "Though it has refused to condemn the invasion, it gets none of the opprobrium.",
            "Has refused to condemn the invasion.",
        ),
    ],
)
def test_a_pronoun_after_a_date_or_a_subordinator_carries_the_deed(sentence, stance):
    source = Source(
        title="t",
        paragraphs=["An opening sentence.", "Norway has emerged mostly unscathed. " + sentence],
        author="A. Writer",
    )
    found = [(p["actor"], p["stance"]) for p in to_json(source, suggest(source, model=False, join=False))["positions"]]
    assert ("Norway", stance) in found, found


def test_a_pronoun_after_a_discourse_adverb_carries_the_deed():
    source = Source(
        title="t",
        paragraphs=["An opening sentence.", "Norway doubts the shield will work. Yet it has refused to take the risk."],
        author="A. Writer",
    )
    found = [(p["actor"], p["stance"]) for p in to_json(source, suggest(source, model=False, join=False))["positions"]]
    assert ("Norway", "Has refused to take the risk.") in found, found


@pytest.mark.parametrize(
    "sentence",
    [
        "According to a report, Norway was the only member of the council to block the agreement.",
        "Fearing a first strike, Norway and Iceland may expand their navies, according to an analysis by experts.",
    ],
)
def test_a_source_no_actor_names_reports_what_the_subject_is_or_may_do(sentence):
    assert "Norway" in [actor for actor, _ in _positions(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Norway’s first security strategy, published this spring, set out bluntly that the quotas must fall.",
        "Norway’s new report, released on Monday, warns that the quotas must fall.",
    ],
)
def test_an_owners_document_speaks_for_it(sentence):
    assert ("Norway", "The quotas must fall.") in _positions(sentence)


def test_a_trailing_with_clause_reports_another_speakers_view():
    found = _positions(
        "Norway says its presence on the platform is “under review”, with Lena Osk insisting that “all options "
        "are on the table”."
    )
    assert "Norway" in [actor for actor, _ in found], found
    assert "Lena Osk" in [actor for actor, _ in found], found


def test_in_these_countries_view_is_the_view_of_the_states_named_before():
    source = Source(
        title="t",
        paragraphs=[
            "An opening sentence.",
            "Norway and Iceland challenged the court. In these countries’ view, the court is stopping them from "
            "expelling foreign criminals.",
        ],
        author="A. Writer",
    )
    found = [(p["actor"], p["stance"]) for p in to_json(source, suggest(source, model=False, join=False))["positions"]]
    assert ("Norway", "The court is stopping them from expelling foreign criminals.") in found, found


def test_they_points_back_to_every_state_of_the_list_that_opened_the_sentence_before():
    source = Source(
        title="t",
        paragraphs=[
            "An opening sentence.",
            "Norway and Iceland doubt that the shield will work. Yet they are not willing to take the risk.",
        ],
        author="A. Writer",
    )
    result = to_json(source, suggest(source, model=False, join=False))
    held = [p["actor"] for p in result["positions"] if p["evidence"][0].startswith("Yet they")]
    assert {"Norway", "Iceland"} <= set(held), held


@pytest.mark.parametrize(
    "sentence",
    ["Norway didn’t really believe in dialogue with the fleet.", "Norway genuinely believes the quotas must fall."],
)
def test_an_adverb_between_the_subject_and_its_verb_of_belief(sentence):
    assert "Norway" in [actor for actor, _ in _positions(sentence)]


def test_a_group_listed_with_names_before_their_verb_holds_the_view_too():
    found = _positions("International observers and the EU and Norway denounced irregularities in the election.")
    assert {"International observers", "Norway"} <= {actor for actor, _ in found}, found


@pytest.mark.parametrize(
    "sentence",
    [
        "Tomas Brel’s comments suggest Norway intends to resume talks with the fleet.",
        "Those reactions indicate a belief that Norway has gone far beyond its old limits.",
    ],
)
def test_what_was_said_or_done_read_as_a_sign_is_the_authors_inference(sentence):
    assert "A. Writer" in [actor for actor, _ in _positions(sentence)]


def test_so_far_between_the_auxiliary_and_the_verb():
    found = _positions("Norway has so far refrained from sending troops to the border, despite the pressure.")
    assert "Norway" in [actor for actor, _ in found], found


@pytest.mark.parametrize(
    ("sentence", "acts"),
    [
        ("Crossing the line is a slow process, with Norway originally banning the delivery of supplies.", True),
        ("The council is the sole legislative body, with Norway currently occupying most of its seats.", False),
    ],
)
def test_the_subject_of_a_with_clause_does_what_its_participle_says(sentence, acts):
    assert ("Norway" in [actor for actor, _ in _positions(sentence)]) is acts


def test_a_states_legislation_acts_for_it():
    found = _positions("Norway’s pressure grew, and US legislation threatened to suspend arms sales to Velmora.")
    assert "United States" in [actor for actor, _ in found], found


def test_the_agent_of_an_irregular_passive_deed_after_a_description():
    found = _positions("Visas and permits are routinely withheld by the military-backed Nordic Council.")
    assert "Nordic Council" in [actor for actor, _ in found], found


@pytest.mark.parametrize(
    "sentence",
    [
        "Norway in turn refused to join the pact.",
        "Norway has neither joined the pact nor signed the treaty.",
        "Norway has yet to join the pact.",
        "Norway has not yet joined the pact.",
    ],
)
def test_a_deed_not_yet_done_or_done_in_turn(sentence):
    assert "Norway" in [actor for actor, _ in _positions(sentence)]


def test_they_opening_a_paragraph_points_back_to_the_paragraph_before():
    source = Source(
        title="t",
        paragraphs=["Norway doubts the shield will work.", "They have refused to take the risk that it does."],
        author="A. Writer",
    )
    result = to_json(source, suggest(source, model=False, join=False))
    held = [(p["actor"], p["evidence"][0]) for p in result["positions"]]
    assert ("Norway", "They have refused to take the risk that it does.") in held, held


@pytest.mark.parametrize(
    "sentence",
    [
        "This is worrisome.",
        "Despite the evidence, the international response was muted.",
        "The old cable has a spare, but redundancy offers little comfort.",
        "Last week, a disturbing escalation unfolded in the strait.",
        "This report urges ministers to withdraw from the arrangement.",
    ],
)
def test_the_authors_verdicts_without_a_modal(sentence):
    assert "A. Writer" in [actor for actor, _ in _positions(sentence)]


def test_a_landmark_or_infamous_step_is_the_authors_verdict():
    sentence = "In a landmark move, the council passed the law in May."
    source = Source(
        title="t",
        paragraphs=["An opening sentence.", f"Peru held a vote on Sunday. {sentence} Turnout was low."],
        author="A. Writer",
    )
    found = to_json(source, suggest(source, model=False, join=False))["positions"]
    assert [p for p in found if p["actor"] == "A. Writer" and sentence in p["evidence"]], found


@pytest.mark.parametrize(
    "sentence",
    [
        "Peru is officially a presidential republic with two chambers.",  # a description of a named actor
        "She has long lived in the capital with her family.",  # of the one named before
        "In March 2024 a storm damaged the old harbour wall.",  # a dated event
        "Storms damaged it.",  # a fragment
    ],
)
def test_descriptions_and_events_are_not_the_authors_claims(sentence):
    # inside a paragraph: its opening and closing sentences are the author's claims by another rule
    source = Source(
        title="t",
        paragraphs=["An opening sentence.", f"Peru held a vote on Sunday. {sentence} Turnout was low."],
        author="A. Writer",
    )
    found = to_json(source, suggest(source, model=False, join=False))["positions"]
    assert not [p for p in found if p["actor"] == "A. Writer" and sentence in p["evidence"]], found


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        # attribution, discourse markers, asides and hedges go; the claim stays
        (
            "Given the UK government’s more absent policy towards Russia compared to certain European counterparts, "
            "the UK could play a significant role in providing more diversified and collaborative approaches to "
            "dialogue with Russia.",
            "The UK could play a significant role in providing more diversified and collaborative approaches to "
            "dialogue with Russia.",
        ),
        (
            "Again, prospects of reviving full co-operation are unlikely to flourish, given the lack of trust "
            "post-Ukraine and sanctions on Russia’s defence sector.",
            "Prospects of reviving full co-operation are unlikely to flourish.",
        ),
        (
            "However, the review (which opens in July) must be seized as an opportunity to modernise the agreement "
            "and strengthen its rules, particularly on labour standards and rules of origin.",
            "The review must be seized as an opportunity to modernise the agreement and strengthen its rules.",
        ),
    ],
)
def test_stances_are_short_paraphrases(sentence, stance):
    assert ("A. Writer", stance) in _positions(sentence)


def test_stances_are_short_on_the_corpus(corpus_articles):
    lengths = [
        len(p["stance"].split())
        for source in corpus_articles.values()
        for p in to_json(source, suggest(source, join=False))["positions"]
    ]
    lengths.sort()
    assert lengths[len(lengths) // 2] <= 18  # the median stance
    assert sum(n <= 22 for n in lengths) / len(lengths) >= 0.75
    assert max(lengths) <= 30


@pytest.mark.parametrize(
    ("sentence", "start"),
    [
        # "that" as a determiner is no complementiser; a pronoun object is not turned into "Them is ..."
        ("Minister Ana Lopez rejected that view, saying that safety comes first.", "Rejected that view"),
        ("Chilean officials describe them as routine patrols.", "Describe them as routine patrols."),
    ],
)
def test_stance_keeps_the_verb_when_the_object_is_no_clause(sentence, start):
    stances = [stance for actor, stance in _positions(sentence) if actor != "A. Writer"]
    assert any(st.startswith(start) for st in stances), stances


def test_an_article_without_a_byline_still_has_an_author():
    found = _positions("Washington should lift the sanctions before the election.", author=None)
    assert ("The author", "Washington should lift the sanctions before the election.") in found


@pytest.mark.parametrize(
    "sentence",
    [
        "Few European officials expect that the talks could lead to a truce soon.",
        "This gradual model could reduce the risk of a backlash.",
        "Disarmament would leave the whole coast in an exposed position.",
        "We believe that the ceasefire in Velmora could hold through the winter.",
    ],
)
def test_hedged_and_modal_claims_are_the_authors(sentence):
    found = _positions(sentence)
    assert any(actor in ("A. Writer", "European officials") for actor, _ in found), found


@pytest.mark.parametrize(
    "sentence",
    [
        "The army would withdraw later that year under a new agreement.",  # narrative "would"
        "Millions of people could have been killed in the flooding.",  # a counterfactual past
        "They signed a proposal that would compel both sides to pull back.",  # "that would": a relative clause
    ],
)
def test_narrative_modals_are_not_the_authors_claims(sentence):
    # one sentence is a whole paragraph here, so it opens and closes it: claims there count, events do not
    assert not any(actor == "A. Writer" for actor, _ in _positions(sentence))


def test_a_paragraphs_opening_claim_is_the_authors_but_a_dated_event_is_not():
    source = Source(
        title="t",
        paragraphs=[
            "Europeans face a twofold task in the months ahead. In March 2024 the ministers met in Riga. "
            "They agreed a communique. The dialogue remains the only channel left open."
        ],
        author="A. Writer",
    )
    found = to_json(source, suggest(source, model=False, join=False))["positions"]
    stances = [p["stance"] for p in found if p["actor"] == "A. Writer"]
    assert "Europeans face a twofold task in the months ahead." in stances
    assert "The dialogue remains the only channel left open." in stances
    assert not any("Riga" in s or "communique" in s for s in stances)


@pytest.mark.parametrize(
    "sentence",
    [
        "Tomas Brel and Lena Osk are now due to meet in Velmora on Monday for follow-up talks.",
        "Analysts at Kystposten give their first reaction after Lena Osk met Tomas Brel in Oslo on Friday.",
    ],
)
def test_an_event_dated_by_its_weekday_is_not_the_authors_claim(sentence):
    # one sentence is a whole paragraph here, so it opens and closes it: claims there count, events do not
    assert not any(actor == "A. Writer" for actor, _ in _positions(sentence))


def test_advice_to_an_actor_is_not_its_stance():
    found = _positions("The EU should adopt a two-part plan: deepen coordination, and seek partners abroad.")
    assert all(actor == "A. Writer" for actor, _ in found), found


def test_a_duration_is_no_dated_event():
    found = _positions("Relations between the two coasts are at their lowest point since the 1979 revolution.")
    assert any(actor == "A. Writer" for actor, _ in found), found


def test_a_reported_claim_before_its_speaker_is_the_stance():
    sentence = "As a member of the Council of Europe, Ruritania must respect elected politicians, Lena Osk said."
    assert ("Lena Osk", "As a member of the Council of Europe, Ruritania must respect elected politicians.") in (
        _positions(sentence)
    )


def test_a_one_word_sentence_states_no_position():
    source = Source(title="t", paragraphs=["Should Velmora sanction the court? Yes! The court must be stopped."])
    assert not [p for p in to_json(source, suggest(source, join=False))["positions"] if p["evidence"] == ["Yes!"]]


def test_a_contributors_headline_after_the_colon_is_their_position():
    source = Source(
        title="Experts react",
        paragraphs=[
            "Finance ministers met in Stresa to discuss what to do with the frozen assets.",
            "Lena Osk: Take the best deal available now and keep pushing for the rest",
            "Tomas Brel: The loan is past the point of no return, and rightly so.",
        ],
    )
    positions = [(p["actor"], p["stance"]) for p in to_json(source, suggest(source, join=False))["positions"]]
    assert ("Lena Osk", "Take the best deal available now and keep pushing for the rest.") in positions
    assert ("Tomas Brel", "The loan is past the point of no return, and rightly so.") in positions


@pytest.mark.parametrize("model", [True, False])
def test_an_experts_comment_after_a_label_that_describes_them_is_theirs(model):
    source = Source(
        title="Experts react to the summit",
        author="Velmora Institute",
        paragraphs=[
            "Our experts give their first reactions after the leaders met in Strelsau on Friday.",
            "Lena Osk, Deputy Director of the Ruritania Programme at the Velmora Institute:",
            "‘The summit failed to produce any tangible outcome. This represents a further fissure in the alliance.’",
            "The West should now raise the cost of delay.",
        ],
    )
    result = to_json(source, suggest(source, model=model, join=False))
    by_paragraph = [(p["actor"], p["paragraph"]) for p in result["positions"]]
    assert ("Lena Osk", 2) in by_paragraph, by_paragraph
    assert ("Lena Osk", 3) in by_paragraph, by_paragraph  # her comment runs on to the next label or heading
    assert not [p for p in result["positions"] if p["paragraph"] == 1]  # the label states nothing
    assert all(a != "Velmora Institute" for a, p in by_paragraph if p >= 2), by_paragraph
    assert "Lena Osk" in [a["name"] for a in result["actors"] if a["kind"] == "person"]


@pytest.mark.parametrize(
    "sentence",
    [
        "This version of events does not hold water.",
        "Without reform, the Fund will struggle to fulfil its mission.",
        "The launch marked an important milestone in Ruritanian chip production.",
    ],
)
def test_plain_verdicts_are_the_authors(sentence):
    from briefcomposer.analysis.positions import _AUTHOR_CUES

    assert _AUTHOR_CUES.search(sentence)


@pytest.mark.parametrize("model", [True, False])
def test_a_quotation_over_several_sentences_is_its_speakers(model):
    source = Source(
        title="Ceasefire talks",
        author="A. Writer",
        paragraphs=[
            "Lena Osk has set out several conditions before accepting a ceasefire.",
            '"We need to negotiate with our partners. Maybe I will call Tomas Brel. '
            'But a ceasefire would be good for both sides," she said, hinting at recent gains.',
            "“We will take this offer to Velmora. The ball is now in their court,” Mara Quist said.",
            "“Her objective is clear: she wants the war to end. We hope they will reciprocate.”",
        ],
    )
    result = to_json(source, suggest(source, model=model, join=False))
    by_sentence = {(p["paragraph"], p["evidence"][0][:12]): p["actor"] for p in result["positions"]}
    held = [(p["actor"], p["paragraph"], p["evidence"][0][:12]) for p in result["positions"]]
    for start in ('"We need to ', "Maybe I will", "But a ceasef"):
        assert ("Lena Osk", 1, start) in held, held  # "she said": the person named before the quotation
    assert ("Mara Quist", 2, "“We will tak") in held, held
    assert ("Mara Quist", 3, "“Her objecti") in held, held  # a paragraph of quotation goes on with its speaker
    assert ("Mara Quist", 3, "We hope they") in held, held
    assert not [a for a, p, _ in held if p in (1, 2, 3) and a in ("A. Writer", "Tomas Brel")], by_sentence


@pytest.mark.parametrize("model", [False, True])
def test_a_quotation_in_single_marks_is_its_speakers(model):
    source = Source(
        title="Aid cuts",
        author="A. Writer",
        paragraphs=[
            "Senators debated the rescission of funds for the programme on Tuesday.",
            "'I think most senators are probably pretty supportive of that particular component. It is about as "
            "successful as any aid that we do authorize,' said Sen. Lena Osk.",
            "'Want a good relationship'",
            "The programme can't be cut, the senators' aides said.",
        ],
    )
    held = [
        (p["actor"], p["paragraph"], p["evidence"][0][:12])
        for p in to_json(source, suggest(source, model=model, join=False))["positions"]
    ]
    assert ("Lena Osk", 1, "'I think mos") in held, held
    assert not [a for a, p, _ in held if p == 2 and a == "Lena Osk"], held  # a quoted crosshead is no quotation


def test_a_quotation_that_goes_on_after_its_speaker_is_named_is_theirs():
    source = Source(
        title="One rule",
        author="A. Writer",
        paragraphs=[
            "Lena Osk wants one national rule for the new technology.",
            "“I will be signing a single rule this week,” she wrote online on Monday. "
            "“You can’t expect a company to get 50 approvals every time. That will never work!”",
        ],
    )
    held = [(p["actor"], p["evidence"][0][:12]) for p in to_json(source, suggest(source, join=False))["positions"]]
    assert ("Lena Osk", "“You can’t e") in held, held
    assert ("Lena Osk", "That will ne") in held, held
    assert not [a for a, e in held if a == "A. Writer" and e.startswith(("“You", "That"))], held


def test_a_quotation_goes_on_with_a_speaker_named_after_the_verb_or_after_their_title():
    source = Source(
        title="Aid cuts",
        author="A. Writer",
        paragraphs=[
            "Tomas Brel has defended the aid cuts for months.",
            "“It again shows the kind of order we have,” said Lena Osk, who heads a Velmora-based charity. "
            "“The system is not listening to the communities who are affected by these crises.”",
            "“For these countries, it is about sovereignty,” regional security analyst Mara Quist with the "
            "Velmora Policy Group told reporters.",
            "“If you have a foreign force in your country, you are in some way surrendering sovereignty.”",
        ],
    )
    held = [(p["actor"], p["evidence"][0][:12]) for p in to_json(source, suggest(source, join=False))["positions"]]
    assert ("Lena Osk", "“The system ") in held, held  # “...,” said Lena Osk. “...”
    assert ("Tomas Brel", "“The system ") not in held, held  # not all quotation: the paragraph names its speaker
    assert ("Mara Quist", "“If you have") in held, held  # the analyst "with" a body told reporters
    assert ("A. Writer", "“If you have") not in held, held


@pytest.mark.parametrize("verb", ["sighed", "quipped", "retorted", "countered"])
def test_a_quotation_goes_on_after_a_verb_that_only_goes_on_quotations(verb):
    source = Source(
        title="The letter",
        author="A. Writer",
        paragraphs=[
            "Nine states signed the letter on Monday.",
            f"“I am surprised to see Velmora signing it”, {verb} Lena Osk, a former judge, when interviewed by "
            "Kystposten. “Velmora has always led on these issues. This signature is hard to understand.”",
        ],
    )
    held = [(p["actor"], p["evidence"][0][:12]) for p in to_json(source, suggest(source, join=False))["positions"]]
    assert ("Lena Osk", "“I am surpri") in held, held
    assert ("Lena Osk", "This signatu") in held, held
    assert not [a for a, e in held if a in ("A. Writer", "Velmora") and e.startswith(("“Velmora", "This"))], held


@pytest.mark.parametrize(
    "intro",
    ["Velmora claimed that “", "Lena Osk said: “", "Lena Osk wrote, “", "She said that “"],
)
def test_a_quotation_of_several_sentences_after_its_introduction_is_its_speakers(intro):
    source = Source(
        title="The summit",
        author="A. Writer",
        paragraphs=[
            "Lena Osk of Velmora’s foreign ministry attended the summit on Monday.",
            f"{intro}We acknowledged the report and called for more progress. Therefore, we agreed on the "
            "following: keep the plan as the main reference for the crisis.”",
        ],
    )
    held = [(p["actor"], p["evidence"][0][:12]) for p in to_json(source, suggest(source, join=False))["positions"]]
    speaker = "Velmora" if intro.startswith("Velmora") else "Lena Osk"
    assert (speaker, "Therefore, w") in held, held
    assert ("A. Writer", "Therefore, w") not in held, held


def test_a_view_in_a_trailing_with_clause_is_its_holders_and_the_main_clause_the_authors():
    source = Source(
        title="The vote",
        author="A. Writer",
        paragraphs=[
            "Tomas Brel has awarded himself a seventh term as president of Velmora, with Norway calling the "
            "so-called vote a sham and introducing additional sanctions.",
        ],
    )
    held = [(p["actor"], p["stance"]) for p in to_json(source, suggest(source, model=False, join=False))["positions"]]
    assert ("Norway", "Calling the so-called vote a sham and introducing additional sanctions.") in held, held
    assert "A. Writer" in [a for a, _ in held], held


def test_they_points_back_to_the_subject_after_a_long_opening_clause():
    source = Source(
        title="Snapback",
        author="A. Writer",
        paragraphs=[
            "After the short war between Velmora and Ruritania badly damaged the reactor programme, the E3 tried "
            "to get new concessions by threatening snapback. They offered a six-month extension for new talks."
        ],
    )
    held = [(p["actor"], p["evidence"][0][:12]) for p in to_json(source, suggest(source, join=False))["positions"]]
    assert ("E3", "They offered") in held, held


def test_they_points_back_to_a_group_named_in_or_before_a_sentence_that_opens_with_no_one():
    source = Source(
        title="Protests",
        author="A. Writer",
        paragraphs=[
            "Students demand institutions. Not a single request is addressed to President Lena Osk. They do not "
            "want to negotiate with her.",
            "No request is addressed to President Lena Osk, as students see through her disrespect of the courts. "
            "They are not calling for her resignation.",
        ],
    )
    held = [(p["actor"], p["evidence"][0][:12]) for p in to_json(source, suggest(source, join=False))["positions"]]
    assert ("Students", "They do not ") in held or ("students", "They do not ") in held, held
    assert ("students", "They are not") in held, held


def test_they_points_back_to_the_group_a_states_name_describes():
    source = Source(
        title="Junta",
        author="A. Writer",
        paragraphs=[
            "After the earthquake, Norway’s military junta leaders faced pressure from Iceland. Despite this, they "
            "are moving forward with their five-step plan."
        ],
    )
    held = [
        (p["actor"], p["evidence"][0][:12])
        for p in to_json(source, suggest(source, model=False, join=False))["positions"]
    ]
    assert ("military junta leaders", "Despite this") in held, held


def test_both_actors_of_a_subject_joined_by_and_hold_its_view():
    source = Source(
        title="Missile defence",
        author="A. Writer",
        paragraphs=["Norway and Iceland aren’t sure that the new missile shield will actually work."],
    )
    held = {p["actor"] for p in to_json(source, suggest(source, join=False))["positions"]}
    assert {"Norway", "Iceland"} <= held, held


def test_he_points_back_to_the_subject_described_by_age_or_standing():
    text = (
        "The election is a referendum on Lena Osk's model. The 62-year-old Osk is the leader closest to "
        "Tomas Brel. She has repeatedly clashed with the Commission on migration."
    )
    source = Source(title="t", paragraphs=[text], author="A. Writer")
    held = [(p["actor"], p["evidence"][0][:8]) for p in to_json(source, suggest(source, join=False))["positions"]]
    assert ("Lena Osk", "She has ") in held, held
    assert ("Tomas Brel", "She has ") not in held, held


@pytest.mark.parametrize(
    ("sentence", "actor", "stance"),
    [
        ("The new tariffs cannot possibly last beyond the summer, says Osk.", "Lena Osk", "The new tariffs cannot"),
        ("Norway has widened the dispute beyond fishing, notes Lena Osk.", "Lena Osk", "Norway has widened the"),
        ("Velmora could send more patrol boats to the strait, she says.", "Lena Osk", "Velmora could send more"),
        ("“The court must be allowed to work without interference,” Osk stated.", "Lena Osk", "The court must be"),
        ("The talks with Iceland are over for now, the Kremlin said on Monday.", "Russia", "The talks with Iceland"),
        ("The fishing deal is dead and buried, Norway argues in a paper.", "Norway", "The fishing deal is dead"),
        ("Norway must not emerge as the winner of the fishing dispute, warns Lena Osk:", "Lena Osk", "Norway must"),
        ("The fishing deal should be scrapped at once, several diplomats have said.", "several diplomats", "The"),
    ],
)
def test_a_speaker_named_at_the_sentences_end_holds_the_words_before(sentence, actor, stance):
    source = Source(title="t", paragraphs=["Lena Osk spoke in Oslo.", sentence], author="A. Writer")
    held = [
        (p["actor"], p["stance"])
        for p in to_json(source, suggest(source, join=False))["positions"]
        if p["paragraph"] == 1
    ]
    assert any(a == actor and s.startswith(stance) for a, s in held), held
    assert not [a for a, _ in held if a == "A. Writer"], held  # the words are the speaker's, not the author's


@pytest.mark.parametrize(
    "sentence",
    [
        "Plans to deport migrants to Velmora would put them in extreme danger, a report has warned.",
        "The fishing deal should be scrapped before the summer, the statement said.",
        # words reported after a quotation in the sentence
        "“We are in favour of it, but there are nuances,” the Velmoran president said, adding that talks must go on.",
        "“A deal with Norway will only be done if it is my deal,” he subsequently wrote on social media.",
        "A news agency quoted a Velmoran diplomat as saying that “some politicians are deliberately hyping this up.”",
        # a quotation in straight single quotes
        "It is about as successful as any aid that we should fund,' said Sen. Tomas Brel (R-Velm.).",
    ],
)
def test_someone_elses_words_are_not_the_authors(sentence):
    source = Source(title="t", paragraphs=["Lena Osk spoke in Oslo.", sentence], author="A. Writer")
    held = [p["actor"] for p in to_json(source, suggest(source, join=False))["positions"] if p["paragraph"] == 1]
    assert "A. Writer" not in held, held


@pytest.mark.parametrize(
    ("sentence", "group", "stance"),
    [
        ("A host of lawmakers criticized the decision to let Velmora export chips.", "lawmakers", "Criticized"),
        ("Thousands of protesters demanded the minister’s resignation on Monday.", "protesters", "Demanded"),
    ],
)
def test_a_group_counted_before_its_name_is_the_subject(sentence, group, stance):
    """ "A host of lawmakers criticized ...": the "of" of a quantity is no preposition before the subject."""
    found = _positions(sentence)
    assert any(a == group and s.startswith(stance) for a, s in found), found


def test_he_said_after_a_sentence_that_names_its_speaker_is_not_the_person_named_before():
    source = Source(
        title="t",
        author="A. Writer",
        paragraphs=[
            "Lena Osk spoke in Oslo.",
            "The strikes were a necessary condition if Norway hopes to have Tomas Brel and Mara Quist leave power. "
            "Lena Osk warned them in Saturday’s press conference: “Political figures in Velmora should understand "
            "what happened to Brel can happen to them,” he said.",
        ],
    )
    positions = to_json(source, suggest(source, join=False))["positions"]
    held = [p["actor"] for p in positions if p["evidence"][0].startswith("Lena Osk warned")]
    assert "Mara Quist" not in held, held


@pytest.mark.parametrize(
    ("intro", "speaker"),
    [
        ("The Velmora Courier points out that there are many sides to the fishing deal:", "Velmora Courier"),
        ("The fishing deal must not become a precedent, warns Kystposten:", "Kystposten"),
        ("Lena Osk, the foreign minister of Norway, said:", "Lena Osk"),
        ("Tomas Brel welcomes the deal:", "Tomas Brel"),
    ],
)
def test_a_quotation_after_a_colon_is_its_introducers(intro, speaker):
    """A press review or a report: "X notes that ...:", "..., warns X:", then a paragraph all quotation. Every
    sentence of it is the speaker's, not the author's nor the actors it names; a paper that speaks is an actor."""
    quoted = "“Norway has failed as a major Arctic power. For too long, Oslo has failed to see the risk.”"
    source = Source(title="t", paragraphs=["The talks ended on Monday.", intro, quoted], author="A. Writer")
    result = to_json(source, suggest(source, join=False))
    assert speaker in [a["name"] for a in result["actors"]]
    held = [(p["actor"], p["evidence"][0][:12]) for p in result["positions"] if p["paragraph"] == 2]
    assert (speaker, "“Norway has ") in held, held
    assert (speaker, "For too long") in held, held
    assert "A. Writer" not in [a for a, _ in held], held


def test_who_is_told_is_no_speaker():
    """ "..., told Kystposten.": the paper heard the words; it is no actor for that."""
    source = Source(
        title="t",
        paragraphs=[
            "The talks ended on Monday.",
            "“We are not reaching them,” Lena Osk, spokesperson for the Norwegian Refugee Council, told Kystposten.",
        ],
        author="A. Writer",
    )
    assert "Kystposten" not in [a["name"] for a in to_json(source, suggest(source, join=False))["actors"]]


def test_a_quotation_over_several_paragraphs_is_its_speakers_to_the_end():
    """The press opens each paragraph of a long quotation with a mark and closes only the last."""
    source = Source(
        title="t",
        author="A. Writer",
        paragraphs=[
            "The talks ended on Monday.",
            "Lena Osk told MPs: “Bounties have been placed on three people who live in Norway.",
            "“Tomas Brel and Mara Quist fled Velmora. Both of them fear for their families.",
            "“This is completely unacceptable, and robust action must be taken.”",
            "The minister did not answer.",
        ],
    )
    result = to_json(source, suggest(source, join=False))
    held = {(p["actor"], p["evidence"][0][:10]) for p in result["positions"]}
    for start in ("“Tomas Bre", "Both of th", "“This is c"):
        assert ("Lena Osk", start) in held, held
        assert ("A. Writer", start) not in held, held
    assert not any(a in ("Tomas Brel", "Mara Quist") for a, _ in held), held


@pytest.mark.parametrize(
    "sentence",
    [
        "Lena Osk told MPs: “Norway will never accept this plan.”",
        "Foreign minister Lena Osk replied: “Norway will never accept this plan.”",
    ],
)
def test_the_words_that_introduce_a_quotation_are_no_part_of_its_stance(sentence):
    source = Source(title="t", paragraphs=["Lena Osk spoke in Oslo.", sentence], author="A. Writer")
    held = [
        (p["actor"], p["stance"])
        for p in to_json(source, suggest(source, join=False))["positions"]
        if p["paragraph"] == 1
    ]
    assert ("Lena Osk", "Norway will never accept this plan.") in held, held
    assert "A. Writer" not in [a for a, _ in held], held


def test_both_presidents_are_the_two_people_named_last():
    source = Source(
        title="t",
        author="A. Writer",
        paragraphs=[
            "Lena Osk met Tomas Brel in Oslo on Monday.",
            "Both presidents have asserted their wider interest in expanding their influence in the Arctic.",
        ],
    )
    held = {p["actor"] for p in to_json(source, suggest(source, join=False))["positions"] if p["paragraph"] == 1}
    assert {"Lena Osk", "Tomas Brel"} <= held, held


def test_words_in_the_first_person_after_he_says_colon_are_the_speakers():
    """A translated report that lost its quotation marks: "..., he says to a paper: ¶ I think ..."."""
    source = Source(
        title="t",
        author="A. Writer",
        paragraphs=[
            "Norway's president Lena Osk is satisfied. The alliance sent a clear signal last week, he says to a paper:",
            "I think the alliance passed the test on September 10.",
        ],
    )
    held = {(p["actor"], p["paragraph"]) for p in to_json(source, suggest(source, join=False))["positions"]}
    assert ("Lena Osk", 1) in held, held
    assert ("A. Writer", 1) not in held, held


@pytest.mark.parametrize(
    "sentence",
    [
        "Beijing’s call for restraint sounds more like a threat than advice.",
        "Five years of talks have achieved literally nothing for the people of the region.",
        "I reckon the minister sees it much the same way.",
    ],
)
def test_the_authors_likenesses_and_reckoning_are_the_authors(sentence):
    # a judgement of the author's own (cue "author", always suggested), not a plain claim the model decides on
    paragraphs = ["The talks began in May.", f"The talks went on. {sentence} The next round is due in June."]
    index = find_actors(paragraphs, "A. Writer")
    found = find_positions(paragraphs, [split(t) for t in paragraphs], index, set())
    cues = {paragraphs[f.paragraph][f.spans[0][0] : f.spans[0][1]]: f.cue for f in found if f.actor_key == "author"}
    assert cues.get(sentence) == "author", cues


@pytest.mark.parametrize(
    "sentence",
    [
        "Even before the summit in Oslo, it became known that Velmora would not block the agreement.",
        "Their joint statement highlighted concerns that the sanctions could force the port of Velmora to close.",
        "Instead of a corridor, which Velmora feared could compromise its sovereignty, the new road runs inland.",
    ],
)
def test_a_modal_in_someone_elses_words_is_no_judgement_of_the_authors(sentence):
    # their forecast, told by the author: at most a plain claim the model decides on, never cue "author"
    paragraphs = ["The talks began in May.", f"The talks went on. {sentence} The next round is due in June."]
    index = find_actors(paragraphs, "A. Writer")
    found = find_positions(paragraphs, [split(t) for t in paragraphs], index, set())
    cues = {paragraphs[f.paragraph][f.spans[0][0] : f.spans[0][1]]: f.cue for f in found if f.actor_key == "author"}
    assert cues.get(sentence) != "author", cues


@pytest.mark.parametrize(
    "sentence",
    [
        "In March, Norwegian Secretary of Defence Lena Osk toured Asia, reaffirming the commitment of Norway.",
        "Norway’s Minister of Foreign Affairs Lena Osk had a hard task at the summit, seeking to reassure allies.",
        "Sen. Lena Osk (D-Va.), vice chairman of the Norway Select Committee, claimed the breach was the worst.",
    ],
)
def test_a_state_in_a_persons_title_is_not_the_sentences_subject(sentence):
    held = {actor for actor, _ in _positions(sentence)}
    assert "Lena Osk" in held, held
    assert not {a for a in held if "Norway" in a}, held


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials from both Norway and Iceland, as well as US mediators, remain optimistic that a deal is near.",
        "Diplomats from Norway and Iceland said the deal was close.",
    ],
)
def test_officials_from_states_speak_for_them(sentence):
    held = {actor for actor, _ in _positions(sentence)}
    assert {"Norway", "Iceland"} <= held, held


def test_an_unsigned_piece_presenting_its_publishers_report_speaks_for_the_publisher():
    paragraphs = [
        "Velmora should reopen its fishing grounds to Norway, argues a new Nordic Peace Institute report.",
        "The report argues that a scaled-up approach could cut illegal catches by half.",
    ]
    source = Source(title="t", paragraphs=paragraphs, publisher="Nordic Peace Institute")
    held = {p["actor"] for p in to_json(source, suggest(source, join=False))["positions"]}
    assert "Nordic Peace Institute" in held, held
    assert "The author" not in held, held
    # a news outlet the text names is not presenting work of its own: the author's claims stay the author's
    paragraphs = ["Velmora should reopen its fishing grounds, Lena Osk told Kystposten.", paragraphs[1]]
    source = Source(title="t", paragraphs=paragraphs, publisher="Kystposten")
    held = {p["actor"] for p in to_json(source, suggest(source, join=False))["positions"]}
    assert "Kystposten" not in held, held


@pytest.mark.parametrize(
    "paragraph",
    [
        "Lena Osk signed the letter. “We stand ready. The government should expand this list of sanctions.”",
        "“The government should expand this list of sanctions.”",
    ],
)
def test_a_quotation_is_not_the_authors_claim(paragraph):
    source = Source(title="t", paragraphs=["An opening sentence.", paragraph], author="A. Writer")
    held = [p["evidence"][0] for p in to_json(source, suggest(source, model=False, join=False))["positions"]]
    assert not [e for e in held if "expand this list" in e], held


def test_the_group_before_a_bracketed_list_of_its_members_is_the_subject():
    held = _positions(
        "In an open letter published in May, three Nordic countries (Norway, Iceland and Denmark) challenged the "
        "court for over-interpreting the convention."
    )
    actors = {actor for actor, _ in held}
    assert "the Nordic states" in actors, held
    assert not actors & {"Norway", "Iceland", "Denmark"}, held


def test_the_party_and_state_in_brackets_after_a_name_are_not_the_subject():
    held = _positions(
        "MEP Lena Osk (S&D/MLT) argued that the omnibus “could recklessly undermine the EU’s digital legal "
        "framework”, stressing that enforcement should take priority."
    )
    assert [actor for actor, _ in held] == ["Lena Osk"], held
    assert held[0][1].startswith("The omnibus could"), held


@pytest.mark.parametrize(
    "sentence",
    [
        "Despite pressure from Iceland, the Nordic Council said the quotas would stay.",
        "After talks with Iceland, the Norwegian government said the quotas would stay.",
    ],
)
def test_an_actor_after_a_comma_and_the_opens_the_clause_that_speaks(sentence):
    held = _positions(sentence)
    assert [stance for _, stance in held] == ["The quotas would stay."], held
    assert held[0][0] != "Iceland", held


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("The quotas on cod are far too high, in Norway’s view.", "Norway"),
        ("According to a report by the Nordic Council, the quotas on cod are far too high.", "Nordic Council"),
        ("According to a statement from the Nordic Council, the quotas on cod are far too high.", "Nordic Council"),
    ],
)
def test_a_view_or_a_document_names_who_holds_the_sentence(sentence, actor):
    assert _positions(sentence) == [(actor, "The quotas on cod are far too high.")]


def test_what_others_describe_a_subject_as_is_not_its_own_view():
    held = _positions("The Velmora government is often described as a reluctant partner of the alliance.")
    assert "Velmora government" not in [actor for actor, _ in held], held


def test_a_group_that_fragmented_did_nothing():
    text = (
        "The warring parties have fragmented and multiplied: one side is a bricolage of competing interests, "
        "while the other appears bound together by little more than spoliation."
    )
    index = find_actors([text], "Lena Osk")
    found = find_positions([text], [split(text)], index, set())
    assert not [f for f in found if index.actors[f.actor_key].name == "warring parties"], found


def test_he_after_an_opening_phrase_with_an_adverb_is_the_subject_before():
    held = _positions(
        "Immediately after the summit in the Nordic Council, Lena Osk refused to criticise Tomas Brel. "
        "But by mid-March, after her talks with the Velmora government, she scolded the fisheries board in an "
        "interview with the paper Kystposten."
    )
    scolded = [actor for actor, stance in held if "scolded" in stance.lower()]
    assert scolded == ["Lena Osk"], held


def test_they_does_not_point_back_to_a_singular_description():
    held = _positions(
        "Norway and Iceland challenged the Nordic Council over the quotas. In their view, the council is ignoring "
        "the science. They want a thorough review of the quotas."
    )
    wanting = [actor for actor, stance in held if "review" in stance]
    assert "Nordic Council" not in wanting, held


def test_a_long_opening_phrase_does_not_hide_whom_they_points_back_to():
    held = _positions(
        "In an open letter published on 22 May, Norway challenged the Nordic Council over the quotas. "
        "They want a thorough review of the quotas."
    )
    wanting = [actor for actor, stance in held if "review" in stance]
    assert wanting == ["Norway"], held


def test_a_counted_group_opening_a_sentence_is_its_subject():
    held = _positions(
        "In May, three Nordic countries challenged Norway over the quotas. They want a thorough review of the quotas."
    )
    wanting = [actor for actor, stance in held if "review" in stance]
    assert wanting == ["the Nordic states"], held


def test_he_saying_something_is_the_subject_of_the_sentence_before_not_a_person_it_names_after():
    held = _positions(
        "Lena Osk says Tomas Brel’s remarks are an opportunity for the north. She says a robust build-out of the "
        "ports is essential to the fisheries."
    )
    saying = [actor for actor, stance in held if "build-out" in stance]
    assert saying == ["Lena Osk"], held


def test_a_speakers_label_is_not_the_subject_he_points_back_to():
    held = _positions(
        "Mara Quist: There is a lot of interest in Tomas Brel’s statements. Three times, in response to questions, "
        "he said the state of Velmora would defend the islands."
    )
    saying = [actor for actor, stance in held if "defend the islands" in stance]
    assert saying == ["Tomas Brel"], held


def test_he_in_a_sentence_is_not_the_person_named_after_a_preposition():
    held = _positions(
        "When Tomas Brel emerged from his encounter with Lena Osk on 30 October, he awarded the meeting a score "
        "of twelve out of ten."
    )
    awarding = [actor for actor, stance in held if "awarded" in stance.lower()]
    assert "Lena Osk" not in awarding, held


def test_the_two_leaders_are_the_two_people_just_named():
    source = Source(
        title="t",
        paragraphs=[
            "Tomas Brel met Lena Osk in May.",
            "At the latest Brel-Osk meeting, the two leaders agreed on a number of modest confidence-building "
            "measures.",
        ],
        author="A. Writer",
    )
    held = [(p["actor"], p["stance"]) for p in to_json(source, suggest(source, model=False, join=False))["positions"]]
    agreeing = sorted(actor for actor, stance in held if "agreed" in stance.lower())
    assert agreeing == ["Lena Osk", "Tomas Brel"], held


def test_a_coalition_of_a_group_opening_a_sentence_is_the_group_as_subject():
    held = _positions(
        "A coalition of nine Nordic countries challenged Norway over the quotas. They want a thorough review of the "
        "quotas."
    )
    wanting = [actor for actor, stance in held if "review" in stance]
    assert wanting == ["the Nordic states"], held


def test_what_a_possessive_pronouns_statement_says_is_the_owners_view():
    held = _positions(
        "A coalition of nine Nordic countries warned Norway over the quotas. Their joint statement highlighted "
        "concerns that the quotas could force the fleet to shut down."
    )
    highlighting = [actor for actor, stance in held if "highlighted" in stance.lower()]
    assert highlighting == ["the Nordic states"], held


@pytest.mark.parametrize(
    "paragraph",
    [
        "Lena Osk was named in an annex to an executive order signed by Tomas Brel. The order, issued a day prior, "
        "directs the fisheries board to compile a list of vessels subject to sanctions.",
        "Tomas Brel met Lena Osk in May. A recent Brel-signed memorandum on fishing was more about Velmora than "
        "anything else. The memorandum has proposed imposing several restrictions on foreign trawlers.",
    ],
)
def test_what_an_order_or_memorandum_does_is_its_signers(paragraph):
    held = _positions(paragraph)
    doing = [actor for actor, stance in held if stance.startswith(("Directs", "Has proposed"))]
    assert doing == ["Tomas Brel"], held


def test_it_after_a_signed_memorandum_speaks_for_its_signer():
    held = _positions(
        "Tomas Brel met Lena Osk in May. A recent Brel-signed memorandum on fishing was more about Velmora than "
        "anything else. Singling out Velmora as a foreign adversary, it said that “Velmoran trawlers are targeting "
        "the crown jewels of our fisheries.”"
    )
    saying = [actor for actor, stance in held if "crown jewels" in stance]
    assert saying == ["Tomas Brel"], held


def test_a_verb_inside_a_clause_about_a_noun_keeps_the_whole_sentence_as_the_stance():
    sentence = (
        "There is already a mismatch between the efforts Norway feels it has made to engage with Iceland and "
        "Iceland’s criticism of its partners."
    )
    assert _positions(sentence) == [("Norway", sentence)]
    assert _positions("At the time Norway said that the quotas would stay.") == [("Norway", "The quotas would stay.")]


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("Norway made demands that would end U.S. policy, such as eroding U.S. support for Iceland.", "United States"),
        ("The veto stalled the fund, putting in jeopardy EU support for Velmora.", "European Union"),
    ],
)
def test_a_bare_verb_right_after_a_single_state_or_body_is_a_noun_not_its_verb(sentence, actor):
    # one state or body would "support"s: the bare word after its name is the noun the name qualifies
    assert actor not in [a for a, _ in _positions(sentence)]


def test_a_bare_verb_after_two_joined_states_is_still_their_verb():
    assert {"Norway", "Iceland"} <= {a for a, _ in _positions("Norway and Iceland support the new fishing deal.")}


@pytest.mark.parametrize(
    "sentence",
    [
        "And where exactly does Norway intend to take its relations with Iceland?",
        "Would the Velmoran courts, widely regarded by critics as loyal to Tomas Brel, take a different stance?",
    ],
)
def test_a_direct_question_holds_no_rule_position(sentence):
    # the question is asked of the actor, not a view the actor holds
    assert _positions(sentence) == []


def test_a_question_quoted_after_a_verb_of_saying_is_still_the_speakers():
    sentence = "Tomas Brel declared that the talks would fail, asking: “Why rush?”"
    assert "Tomas Brel" in [a for a, _ in _positions(sentence)]


def test_a_state_that_only_qualifies_the_source_is_not_the_source():
    sentence = "According to Norway-owned newspaper Kystposten, Velmora was expected to sign the deal soon."
    assert "Norway" not in [a for a, _ in _positions(sentence)]


def test_the_object_of_a_verb_after_an_apposition_is_no_speaker():
    # "Osk, the leader of the rebels, warned Norway ...": Osk warned; "warned Norway" is no "..., warned Norway."
    source = Source(
        title="t",
        paragraphs=[
            "Lena Osk spoke in Oslo.",
            "Osk, the leader of the rebels, warned Norway on Monday that the talks would fail.",
        ],
        author="A. Writer",
    )
    held = [(p["actor"], p["stance"]) for p in to_json(source, suggest(source, join=False))["positions"]]
    assert ("Lena Osk", "The talks would fail.") in held, held
    assert "Norway" not in [a for a, _ in held], held


def test_what_events_prompted_an_actor_to_do_is_its_deed():
    """ "..., prompting the president to impose sanctions": the president's deed, though the sentence's object."""
    sentence = (
        "Velmora has been shaken by a scheme run by Tomas Brel, an associate of President Lena Osk, prompting the "
        "president to impose asset-freezing sanctions."
    )
    assert "Lena Osk" in [actor for actor, _ in _positions(sentence)]
    # "to be" after the actor is no deed: "forced Norway to be cautious"
    assert "Norway" not in [actor for actor, _ in _positions("The storm forced Norway to be cautious.")]


def test_both_sides_are_the_two_actors_the_sentence_before_names():
    """ "Lena Osk’s first encounter with Norway ... Both sides described the talks as positive": Osk's and
    Norway's view; with three named, no one's."""

    def holders(paragraph: str) -> set[str]:
        source = Source(title="t", paragraphs=[paragraph], author="A. Writer")
        found = to_json(source, suggest(source, model=False, join=False))["positions"]
        return {p["actor"] for p in found if p["stance"].startswith("Described")}

    both = "Both sides described the talks held in Oman as positive and constructive."
    assert holders(f"Lena Osk’s first encounter with Norway went well. {both}") == {"Lena Osk", "Norway"}
    assert holders(f"Lena Osk’s first encounter with Norway and Iceland went well. {both}") == set()


def test_the_three_countries_are_the_three_states_named_before():
    """ "... the withdrawal of Norway, Iceland and Denmark. The three countries announced ... They later ...": the
    states the sentence before names, when it names as many, and "they" after them is all three."""

    def holders(paragraphs: list[str], opening: str) -> set[str]:
        source = Source(title="t", paragraphs=paragraphs, author="A. Writer")
        found = to_json(source, suggest(source, model=False, join=False))["positions"]
        return {p["actor"] for p in found if p["stance"].lower().startswith(opening)}

    listed = "The council approved the withdrawal of Norway, Iceland and Denmark from the fishing pact in May."
    text = [
        f"{listed} The three countries announced their intention to leave the pact.",
        "They later signed a charter.",
    ]
    assert holders(text, "announced") == {"Norway", "Iceland", "Denmark"}
    assert holders(text, "signed") == {"Norway", "Iceland", "Denmark"}
    text = [f"{listed} The two countries announced their intention to leave the pact."]
    assert holders(text, "announced") == set()
