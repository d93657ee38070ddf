import pytest

from briefcomposer.analysis import suggest, to_json
from briefcomposer.analysis.actors import find_actors
from briefcomposer.core.model import ActorKind, Source


def _actor_of(index, surface):
    for actor in index.actors.values():
        if surface == actor.name or surface in actor.surfaces:
            return actor
    return None


@pytest.mark.parametrize(
    ("paragraphs", "same"),
    [
        (["Moscow objected. Russia has long said so."], ["Moscow", "Russia"]),
        (
            ["The Kremlin wants more. Russian officials agree with Moscow."],
            ["The Kremlin", "Russian officials", "Moscow"],
        ),
        (["NATO met. The Alliance needs more dialogue."], ["NATO", "The Alliance"]),
        (
            ["Ambassador Alexander Grushko spoke. Later Ambassador Grushko argued, as the Ambassador put it, that..."],
            ["Ambassador Alexander Grushko", "Ambassador Grushko", "the Ambassador"],
        ),
        (["Sir Malcolm Rifkind replied. Rifkind said no."], ["Sir Malcolm Rifkind", "Rifkind"]),
        (
            ["The Ministry of State Security (MGB) is strong. The MGB takes orders."],
            ["Ministry of State Security", "MGB"],
        ),
        (["[Chinese President] Xi [Jinping] met Biden. Then President Xi left."], ["Xi Jinping", "President Xi"]),
        (["The Biden administration acted. The Biden team is different."], ["Biden administration", "Biden team"]),
        # the Gulf states in lower case (US house style) and as monarchies
        (
            ["Persian Gulf monarchies courted Iran. Since then the gulf states have tried to ease its isolation."],
            ["Persian Gulf monarchies", "gulf states"],
        ),
    ],
)
def test_aliases_are_merged(paragraphs, same):
    index = find_actors(paragraphs)
    actors = {id(_actor_of(index, s)) for s in same}
    assert None not in [_actor_of(index, s) for s in same]
    assert len(actors) == 1


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("NATO Secretary General Jens Stoltenberg admitted it.", "Jens Stoltenberg", ActorKind.PERSON),
        ("Israeli Prime Minister Benjamin Netanyahu said so.", "Benjamin Netanyahu", ActorKind.PERSON),
        ("Evan Medeiros: I think so.", "Evan Medeiros", ActorKind.PERSON),
        ("As John Prendergast, among others, argues, sanctions work.", "John Prendergast", ActorKind.PERSON),
        ("The West has been slow.", "the West", ActorKind.GROUP),
        ("Certain European counterparts disagree.", "European counterparts", ActorKind.GROUP),
        ("The Renewal Party holds 29 seats.", "Renewal Party", ActorKind.ORGANISATION),
        ("Sudan is at war.", "Sudan", ActorKind.STATE),
        # the gazetteer holds every UN member, regional bodies, legislatures and armed groups
        ("Malawi and Zambia signed the accord.", "Zambia", ActorKind.STATE),
        ("Lusaka objected to the plan.", "Zambia", ActorKind.STATE),
        (
            "The OECD revised its forecast. The OECD was cautious.",
            "Organisation for Economic Co-operation and Development",
            ActorKind.ORGANISATION,
        ),
        ("The Knesset passed the bill.", "Knesset", ActorKind.ORGANISATION),
        ("Al-Shabaab attacked the base.", "al-Shabaab", ActorKind.GROUP),
        ("Farah Ali “Sparrow” Osman spoke. Sparrow left.", "Farah Ali Osman", ActorKind.PERSON),
        (
            "The Bureau of Water Oversight (BWO) met. The BWO refused.",
            "Bureau of Water Oversight",
            ActorKind.ORGANISATION,
        ),
        # a person named once, just after a role
        ("Ruritania’s minister of fisheries, Tomas Velko, banned trawling.", "Tomas Velko", ActorKind.PERSON),
        ("That was the view of the select committee chair Mara Quist in May.", "Mara Quist", ActorKind.PERSON),
        ("He praised his rival – and former ally – Ivo Brantic at length.", "Ivo Brantic", ActorKind.PERSON),
        ("Her predecessor, Lena Osk, held talks in 2021.", "Lena Osk", ActorKind.PERSON),
        ("The new Speaker of the Ruritanian Diet, Tamsk Velmont, backs the plan.", "Tamsk Velmont", ActorKind.PERSON),
        ("The ministry is run by the politician Darek Olvenn, known for outbursts.", "Darek Olvenn", ActorKind.PERSON),
        ("She quotes the Ruritanian writer Ebbo Tarrant at length.", "Ebbo Tarrant", ActorKind.PERSON),
        ("The UN high commissioner for refugees, Ilka Morn, wrote a letter.", "Ilka Morn", ActorKind.PERSON),
        (
            "Vorkos Brel, Senior Chair for Energy at the Institute for Grid Studies, has likened it to a divorce.",
            "Vorkos Brel",
            ActorKind.PERSON,
        ),
        # a full name whose possessive is a person's act or office
        ("Velko Darmin’s resignation made way for a new cabinet.", "Velko Darmin", ActorKind.PERSON),
        ("The vote ended with Ilmo Sarrat’s nomination as premier.", "Ilmo Sarrat", ActorKind.PERSON),
        # a body defined under its name in another language, or an abbreviation that is not its initials
        (
            "The main opposition party Frente Unida por la Libertad (Fulib) rejected the count. Fulib marched.",
            "Frente Unida por la Libertad",
            ActorKind.ORGANISATION,
        ),
        (
            "Talks with the Northern Command Staff (EMN), a splinter faction, stalled.",
            "Northern Command Staff",
            ActorKind.ORGANISATION,
        ),
        (
            "The loan between the Treasury and the Reserve Bank of Ruritania (BRR) was signed.",
            "Reserve Bank of Ruritania",
            ActorKind.ORGANISATION,
        ),
        (
            "A year later the Supreme Court of Ruritania ruled against the mine.",
            "Supreme Court of Ruritania",
            ActorKind.ORGANISATION,
        ),
        ("The list includes VTCX’s announcement that it will build a plant.", "VTCX", ActorKind.ORGANISATION),
        # a long apposition before the verb of saying
        (
            "Ilse Varn, Senior Fellow for Energy and Trade at the Institute for Ocean Policy Studies (IOPS), argues "
            "that it must act.",
            "Ilse Varn",
            ActorKind.PERSON,
        ),
        # a given name ending like a demonym ("-ian") still starts a name
        ("In 1990, Julian Marsk resigned. Marsk later wrote a memoir.", "Julian Marsk", ActorKind.PERSON),
        # a country's companies are actors of their own, not the state
        ("Chinese firms dominate the market.", "Chinese firms", ActorKind.GROUP),
        ("German state-owned banks lend freely.", "German state-owned banks", ActorKind.GROUP),
        (
            "It joined the Belt and Road Initiative. Chinese state-owned banks paid.",
            "Chinese state-owned banks",
            ActorKind.GROUP,
        ),
        # the gazetteer knows missions, legislatures and companies
        (
            "UNMISS and AUSSOM asked for more troops.",
            "African Union Support and Stabilization Mission in Somalia",
            ActorKind.ORGANISATION,
        ),
        ("The Legislative Yuan rejected the budget.", "Legislative Yuan", ActorKind.ORGANISATION),
        ("Euroclear holds most of the frozen assets.", "Euroclear", ActorKind.ORGANISATION),
        ("Rheinmetall will build a plant in Lithuania.", "Rheinmetall", ActorKind.ORGANISATION),
        ("The E3 insists that talks resume.", "E3", ActorKind.GROUP),
        # parties whose names carry no "Party"
        ("Morena won a supermajority.", "Morena", ActorKind.ORGANISATION),
        ("Georgian Dream refused to drop the bill.", "Georgian Dream", ActorKind.ORGANISATION),
        ("ISKP claimed the attack.", "Islamic State Khorasan Province", ActorKind.GROUP),
        ("Gavi warned of shortages.", "Gavi, the Vaccine Alliance", ActorKind.ORGANISATION),
        ("COP31 agreed a new finance goal.", "Conference of the Parties", ActorKind.ORGANISATION),
        # word-like abbreviations as the British press writes them, and spellings both sides of the Atlantic
        ("Unicef and Unrwa asked Velmora for access.", "UNICEF", ActorKind.ORGANISATION),
        ("Unrwa asked Velmora for access.", "UNRWA", ActorKind.ORGANISATION),
        ("Aukus partners met in Velmora.", "AUKUS", ActorKind.ORGANISATION),
        (
            "The African Union Support and Stabilisation Mission in Somalia lacks funds.",
            "African Union Support and Stabilization Mission in Somalia",
            ActorKind.ORGANISATION,
        ),
        ("The Axis of Resistance lost its supply line.", "Axis of Resistance", ActorKind.GROUP),
        ("In 2008 the CNDP took the town.", "National Congress for the Defence of the People", ActorKind.GROUP),
        ("UNOCHA counted the displaced.", "OCHA", ActorKind.ORGANISATION),
        ("DSIT published the plan.", "Department for Science, Innovation and Technology", ActorKind.ORGANISATION),
        # a group named by what it does, as the subject of a verb
        ("Battery manufacturers have warned that the subsidy is too small.", "Battery manufacturers", ActorKind.GROUP),
        ("Think tanks argued for a pause.", "Think tanks", ActorKind.GROUP),
    ],
)
def test_actor_kinds(text, name, kind):
    index = find_actors([text])
    assert _actor_of(index, name) is not None, [a.name for a in index.actors.values()]
    actor = _actor_of(index, name)
    assert actor is not None
    assert actor.kind is kind


def test_a_bare_name_that_acts_twice_is_a_person():
    once = "In March, Velmar expelled the envoy of Ruritania."
    assert _actor_of(find_actors([once]), "Velmar") is None  # one act could be anything's
    twice = [once, "It began when Velmar cut off aid. Velmar has continued to blame the envoy."]
    actor = _actor_of(find_actors(twice), "Velmar")
    assert actor is not None
    assert actor.kind is ActorKind.PERSON


@pytest.mark.parametrize(
    "text",
    [
        "Jake Sullivan met Yang Jiechi in Rome.",  # a capital used as a place is not Italy
        "Trade across North America grew.",  # not the United States
        "What Is Transnistria?",
    ],
)
def test_places_are_not_actors(text):
    index = find_actors([text])
    assert _actor_of(index, "Italy") is None
    assert _actor_of(index, "United States") is None
    assert not any(a.name.startswith("Is ") for a in index.actors.values())


def test_the_government_goes_to_the_state_named_most():
    index = find_actors(["The UK spends more. The UK will grow. The government claims that jobs follow."])
    assert "the government" in {s.casefold() for s in _actor_of(index, "United Kingdom").surfaces}


def test_sample_actors(sample):
    index = find_actors(sample.paragraphs, sample.author)
    names = {a.name for a in index.actors.values()}
    assert {"Russia", "Alexander Grushko", "Malcolm Rifkind", "Jens Stoltenberg", "the West"} <= names
    assert "the Ambassador" in _actor_of(index, "Alexander Grushko").surfaces
    assert index.actors[index.author_key].kind is ActorKind.AUTHOR


def test_a_capital_after_a_preposition_is_a_place():
    index = find_actors(["Officials in Lusaka objected."])
    assert _actor_of(index, "Zambia") is None


def test_nickname_is_an_alias_of_the_full_name():
    index = find_actors(["Farah Ali “Sparrow” Osman spoke. Later, Sparrow said no."])
    actor = _actor_of(index, "Farah Ali Osman")
    assert actor is not None
    assert "Sparrow" in actor.surfaces


def test_nickname_used_only_inside_the_name_is_still_an_alias():
    index = find_actors(["The medal was given by President Farah Ali “Sparrow” Osman, who now retires."])
    actor = _actor_of(index, "Farah Ali Osman")
    assert actor is not None
    assert "Sparrow" in actor.aliases()
    assert actor.count == 1


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A stake in the Dutch semiconductor company Velmora was sold.", "Velmora"),
        ("In 2022 Velmora could still acquire chip company Quantrix Labs, although concerns grew.", "Quantrix Labs"),
        ("Think tank Harwell Forum warned against the deal.", "Harwell Forum"),
        # bodies policy commentary cites by name, from the gazetteer
        ("Moody’s downgraded the bonds of Ethiopia.", "Moody’s"),
        ("Freedom House warned that the vote was unfair.", "Freedom House"),
        ("According to Crisis Group, the talks stalled.", "International Crisis Group"),
        ("The Congress party rejected the bill.", "Indian National Congress"),
    ],
)
def test_organisations_named_after_what_they_are_or_by_the_gazetteer(text, name):
    actor = _actor_of(find_actors([text]), name)
    assert actor is not None
    assert actor.kind is ActorKind.ORGANISATION


def test_a_date_after_a_company_noun_names_no_organisation():
    index = find_actors(["The company Monday announced cuts, and the firm In turn hired staff."])
    assert all(a.kind is not ActorKind.ORGANISATION for a in index.actors.values())


def test_event_names_are_not_people():
    index = find_actors(["Operation Granite Shield ended. Granite Shield showed that airpower fails."])
    assert not any(a.kind is ActorKind.PERSON for a in index.actors.values())


def test_acronym_of_a_measure_is_no_organisation():
    index = find_actors(["The Gross Domestic Product (GDP) fell. The GDP has fallen before."])
    assert all(a.kind is not ActorKind.ORGANISATION for a in index.actors.values())


def test_the_state_of_a_titled_person_is_kept(sample):
    from briefcomposer.analysis import suggest
    from briefcomposer.core.model import Source

    source = Source(title="t", paragraphs=["Kenyan President William Ruto said the deal would hold."], author="A")
    names = [a.name for a in suggest(source).actors]
    assert "Kenya" in names
    assert "William Ruto" in names


@pytest.mark.parametrize(
    ("text", "group", "not_listed"),
    [
        ("Ethiopia’s neighbours fear the port deal.", "Ethiopia’s neighbours", "Ethiopia"),
        ("Kenya’s political class has mastered divide and rule.", "Kenya’s political class", "Kenya"),
        ("Ukraine’s supporters want faster deliveries.", "Ukraine’s supporters", "Ukraine"),
        ("EU member states remain divided over the plan.", "EU member states", "European Union"),
        ("Pacific Island countries have welcomed the pact.", "Pacific Island countries", None),
        ("External powers compete for bases on the coast.", "external powers", None),
        ("Ethno-nationalist leaders demand new borders.", "ethno-nationalist leaders", None),
        ("Coalition countries have tightened the price cap.", "coalition countries", None),
        # a country's opposition, public, courts and citizens are not its government
        ("The Belarusian opposition calls for tougher sanctions.", "Belarusian opposition", "Belarus"),
        ("However, the Peruvian public widely opposed the mine.", "Peruvian public", "Peru"),
        ("A Chilean court has ordered a recount.", "Chilean court", "Chile"),
        ("Mongolian civil society can help.", "Mongolian civil society", "Mongolia"),
        ("Talks between Libyan factions stalled.", "Libyan factions", "Libya"),
        # a state's people counted are not the state
        ("For many Norwegians, the election is a referendum on the model.", "Norwegians", "Norway"),
        ("Since May, millions of Icelanders have taken to the streets.", "Icelanders", "Iceland"),
        ("The overwhelming majority of Lebanese will not tolerate it.", "Lebanese", "Lebanon"),
    ],
)
def test_groups_named_by_a_phrase(text, group, not_listed):
    index = find_actors([text])
    names = {a.name: a.kind for a in index.actors.values()}
    assert names.get(group) is ActorKind.GROUP, names
    if not_listed:
        assert not_listed not in names


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Russian officials deny the report.", "Russia"),
        ("The regime in Tehran rejected the offer.", "Iran"),
        ("The Élysée Palace rejected the offer.", "France"),
        ("Zhongnanhai rejected the offer.", "China"),
        ("The Icelanders rejected the offer.", "Iceland"),  # not counted: the state
    ],
)
def test_a_states_own_people_and_seat_are_the_state(text, state):
    index = find_actors([text])
    kinds = {a.name: a.kind for a in index.actors.values()}
    assert kinds.get(state) is ActorKind.STATE, kinds
    assert not any(k is ActorKind.GROUP for k in kinds.values())


def test_a_states_armed_forces_are_an_actor_but_its_ministries_speak_for_it():
    index = find_actors(["The review will shape the UK’s Armed Forces.", "Russia’s Foreign Ministry said no."])
    kinds = {a.name: a.kind for a in index.actors.values()}
    assert kinds.get("UK Armed Forces") is ActorKind.ORGANISATION, kinds
    assert kinds.get("Russia") is ActorKind.STATE
    assert not any(name.startswith("The ") for name in kinds if name != "The author")


def test_names_with_an_apostrophe_or_a_particle_stay_whole():
    index = find_actors(
        [
            "Assistant Secretary Jim O’Brien spoke in Sarajevo, and O’Brien said the claim was false. "
            "President Luiz Inácio Lula da Silva held a press conference.",
            "Russia’s envoy left early.",
        ]
    )
    names = {a.name for a in index.actors.values()}
    assert {"Jim O’Brien", "Luiz Inácio Lula da Silva", "Russia"} <= names, names
    assert not names & {"Brien", "Jim O", "Luiz Inácio Lula"}


def test_a_document_holds_no_views():
    index = find_actors(["The Constitution affirms that the country is one state, the Constitution says."])
    assert "Constitution" not in {a.name for a in index.actors.values()}


def test_both_sides_of_a_hyphenated_pair_are_named():
    index = find_actors(["The China-US trade talks stalled, and the Polish-German relationship is stuck."])
    names = {a.name for a in index.actors.values()}
    assert {"China", "United States", "Poland", "Germany"} <= names, names
    index = find_actors(["Guinea-Bissau voted, Al-Shabaab attacked, and Jean-Claude Juncker spoke; Juncker left."])
    names = {a.name for a in index.actors.values()}
    assert {"Guinea-Bissau", "Jean-Claude Juncker"} <= names, names


@pytest.mark.parametrize("phrase", ["other countries", "political parties", "armed groups", "several other nations"])
def test_generic_groups_are_actors(phrase):
    index = find_actors([f"The plan was welcomed, but {phrase} rejected it outright."])
    assert phrase in {a.name.casefold() for a in index.actors.values()}


@pytest.mark.parametrize(
    ("paragraphs", "surface", "name"),
    [
        (["NATO met in June. The alliance then deployed jets."], "The alliance", "North Atlantic Treaty Organization"),
        (["ASEAN met.", "The bloc agreed on a code of conduct."], "The bloc", "Association of Southeast Asian Nations"),
        (["Moldova holds. Yet the country has been reforming."], "the country", "Moldova"),
        # a body's own head noun points back to it
        (["The Veloria Unity Party won. The party has since left the talks."], "The party", "Veloria Unity Party"),
        (["Veloria Central Bank cut rates. Later the bank raised them."], "the bank", "Veloria Central Bank"),
        # "the panel" is the committee named before
        (
            ["The Velmora Foreign Affairs Committee met. The panel advanced four bills."],
            "The panel",
            "Velmora Foreign Affairs Committee",
        ),
    ],
)
def test_a_description_points_back_to_the_last_actor_of_its_kind(paragraphs, surface, name):
    index = find_actors(paragraphs)
    assert _actor_of(index, surface) is _actor_of(index, name) is not None


def test_a_head_noun_is_no_description_when_a_noun_follows_it():
    index = find_actors(["The Veloria Unity Party won. The party leaders disagreed, and the party said so."])
    party = _actor_of(index, "Veloria Unity Party")
    assert party is not None
    assert list(party.surfaces.elements()).count("the party") == 1  # "the party said", not "the party leaders"


def test_a_description_with_nothing_before_it_or_a_name_after_it_is_no_one():
    index = find_actors(["The alliance was weak. Then the group of seven met; the Union Jack flew. NATO met."])
    assert _actor_of(index, "The alliance") is None
    assert "the group" not in _actor_of(index, "NATO").surfaces


def test_neither_a_term_nor_a_noun_before_a_group_is_an_actor():
    index = find_actors(
        [
            "Beijing widened controls on Rare Earth Elements (REEs) last week. Cutting output was a decision "
            "analysts have called risky."
        ]
    )
    names = {a.name for a in index.actors.values()}
    assert "Rare Earth Elements" not in names
    assert not any("decision" in n for n in names)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The revolt unseated then-President Mahinda Perera in 2022.", "Mahinda Perera"),
        ("The protests forced out Prime Minister A.B. Sharma Kolt in September.", "A.B. Sharma Kolt"),
        ("The bill must still be signed by President Jorge Salcedo Jr., it seems.", "Jorge Salcedo Jr."),
        ("The rebels were received by ex-Minister Tom Hale last year.", "Tom Hale"),
    ],
)
def test_titles_with_a_prefix_and_names_with_initials_or_a_suffix(text, name):
    actor = _actor_of(find_actors([text]), name)
    assert actor is not None
    assert actor.name == name
    assert actor.kind is ActorKind.PERSON


def test_a_peer_is_named_with_the_title_and_honours_are_not_actors():
    index = find_actors(
        ["In a foreword, Rt Hon Admiral Lord Pickering of Wexcombe GCB DSC PC writes that the bases matter."]
    )
    names = {a.name for a in index.actors.values() if a.kind is not ActorKind.AUTHOR}
    assert names == {"Lord Pickering"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Holloway persuaded Ronald Reagan that such ships should ask first.", "Ronald Reagan"),
        ("The junta overthrew the government of Aung San Suu Kyi.", "Aung San Suu Kyi"),
        ("The vote was won by Karol Wisniak, who captured far-right votes.", "Karol Wisniak"),
        ("He met George W. Bush in Texas.", "George W. Bush"),
        ("He met Gennadiy Velko in Texas.", "Gennadiy Velko"),
        ("He met Marián Brel in Texas.", "Marián Brel"),
    ],
)
def test_a_person_named_once_by_a_known_given_name(text, name):
    actor = _actor_of(find_actors([text]), name)
    assert actor is not None
    assert actor.kind is ActorKind.PERSON
    assert actor.introduced  # listed by `suggest` although named once


@pytest.mark.parametrize(
    "text",
    [
        "Flights left Hamid Karzai International Airport at night.",
        "Supply boats reached Second Thomas Shoal again.",
        "She is the Guido Goldman Distinguished Scholar at the fund.",
        "A single mention of Holloway Brand, in passing, is no one.",
        # a name that ends on a thing's word is a thing's name
        "Ruritania signed the Velkan Transition Partnership. The Velkan Transition Partnership pays for it.",
        # no apposition runs across a sentence's end ("X, ... . He would rather ..., accepting")
        "Nonetheless, Velmar’s bet is to wait. He would rather have a pliant Ruritania, accepting all demands.",
        # "states" after a name is the noun, not a verb of saying
        "Ruritania closed ranks with the Nordic and Baltic states in a bid for influence.",
    ],
)
def test_things_named_after_people_are_not_people(text):
    index = find_actors([text])
    assert [a.name for a in index.actors.values() if a.kind is ActorKind.PERSON] == []


@pytest.mark.parametrize(
    ("text", "group", "not_listed"),
    [
        ("The worries were raised by Indian observers after the visit.", "Indian observers", "India"),
        ("According to some Western analysts, the talks will stall.", "Western analysts", None),
        ("Analysts and commentators have pointed out that the barriers cost jobs.", "Analysts and commentators", None),
        ("The move was criticised by Afghan civil rights groups as a step back.", "Afghan civil rights groups", None),
        ("Diplomats warned that the truce would not last.", "Diplomats", None),
        ("The claim has faded, thanks to repeated debunking by scholars.", "scholars", None),
        ("The view was not shared by all observers.", "observers", None),
        ("The bill passed despite opposition from rights groups.", "rights groups", None),
        ("The lead has elicited congratulations from a host of world leaders.", "world leaders", None),
        (
            "Since May, think tanks and other advocacy groups have echoed the claim.",
            "think tanks and other advocacy groups",
            None,
        ),
        (
            "Opposition politicians around the region warned against the plan.",
            "Opposition politicians around the region",
            None,
        ),
        ("The plan won support from business leaders in the north.", "business leaders", None),
        ("Armed gangs have threatened the judges.", "Armed gangs", None),
        ("After a week of talks, a deal. Countries agreed on two pillars.", "countries", None),
        ("The reform looks popular. But citizens are overwhelmingly against it.", "citizens", None),
        ("Anglophone separatists have rejected the dialogue.", "Anglophone separatists", None),
        ("The ministry ignored the misgivings of legal experts.", "legal experts", None),
        ("The energy sector opposed the export ban.", "energy sector", None),
        (
            "Regional commentariats and observers quickly labelled the government hostile.",
            "Regional commentariats and observers",
            None,
        ),
    ],
)
def test_people_named_by_what_they_do_when_they_speak_or_are_cited(text, group, not_listed):
    index = find_actors([text])
    names = {a.name: a.kind for a in index.actors.values()}
    assert names.get(group) is ActorKind.GROUP, names
    if not_listed:
        assert not_listed not in names


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Lithuanian authorities announced the ban on transit.", "Lithuania"),
        ("Russian diplomats said the offer stood.", "Russia"),
    ],
)
def test_a_states_staff_speak_for_it(text, state):
    names = {a.name: a.kind for a in find_actors([text]).actors.values()}
    assert names.get(state) is ActorKind.STATE
    assert [n for n, k in names.items() if k is ActorKind.GROUP] == []


def test_polls_and_estimates_are_not_people():
    index = find_actors(["Polls suggest that voters back the plan. Estimates show a rise."])
    assert [a.name for a in index.actors.values() if a.kind is ActorKind.PERSON] == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("In April, Freedonia’s Supreme Court suspended its ban on the group.", "Supreme Court"),
        ("Iraq’s parliament voted against the deal.", "Iraq’s parliament"),
        ("Japan’s central bank raised rates again.", "Japan’s central bank"),
        ("The Supreme Court ruled that the scheme was unlawful.", "Supreme Court"),
        ("Later the Air Force said the jets were ready.", "Air Force"),
    ],
)
def test_courts_legislatures_and_central_banks_act_on_their_own_account(text, name):
    names = {a.name: a.kind for a in find_actors([text]).actors.values()}
    assert any(name in n and kind is ActorKind.ORGANISATION for n, kind in names.items()), names
    assert not any(n.startswith(("Later", "A ")) for n in names)


def test_a_states_army_is_the_state():
    names = {a.name for a in find_actors(["Russia’s army advanced near the river."]).actors.values()}
    assert "Russia" in names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The World Health Assembly adopted the accord.", "World Health Assembly"),
        ("Before the Senate Foreign Relations Committee, he testified.", "Senate Foreign Relations Committee"),
        ("However National Salvation Front leaders refused.", "National Salvation Front"),
        # heads of bodies' names: secretariats, units, airlines, leagues, boards ...
        ("The Ruritanian Policy Unit warned of a slump.", "Ruritanian Policy Unit"),
        ("Velmont Airlines suspended its flights.", "Velmont Airlines"),
        ("The Cabinet Secretariat drafted the strategy.", "Cabinet Secretariat"),
        # an owner's word before the name, and an opening "The" before "Board of ...", are no part of it
        ("Her National League of Farmers won.", "National League of Farmers"),
        ("The Editorial Board of The Daily Courier declared it void.", "Editorial Board of The Daily Courier"),
    ],
)
def test_a_bodys_name_keeps_its_opening_words_but_not_an_opening_adverb(text, name):
    names = {a.name for a in find_actors([text]).actors.values()}
    assert name in names, names


def test_a_title_in_lower_case_points_back_to_the_person_last_named_with_it():
    index = find_actors(
        [
            "President Velma Orr met the leaders. Later the president raised tariffs, and the general public "
            "objected. Then the prime minister of Ruritania spoke."
        ]
    )
    orr = _actor_of(index, "Velma Orr")
    assert orr is not None
    assert orr.surfaces["the president"] == 1, orr
    # "the general public" is no general; "the prime minister of Ruritania" is someone new, not named before
    assert [a.name for a in index.actors.values() if a.kind is ActorKind.PERSON] == ["Velma Orr"]


@pytest.mark.parametrize(
    "second",
    [
        "Voressed described his constitution as inclusive.",  # a surname ending like "Increased" opens it
        "Later Voressed described his constitution as inclusive.",  # an adverb, then the surname
        "Increasingly Voressed looks isolated.",  # a longer adverb
        "Allowing Voressed to travel was a mistake.",  # a gerund
    ],
)
def test_a_surname_opening_a_sentence_is_the_person(second):
    index = find_actors(["President Kalo Voressed spoke.", second])
    mentions = [(m.key, second[m.start : m.end]) for m in index.mentions[1]]
    assert mentions == [("person:Kalo Voressed", "Voressed")], mentions


@pytest.mark.parametrize(
    "text",
    [
        "Washington named Ruritania a “country of particular concern (CPC)”. The CPC label allows sanctions.",
        "Talks beyond the National Security Advisor (NSA) channel are needed. The NSA spoke.",
    ],
)
def test_an_abbreviation_the_text_spells_out_as_something_else_is_not_the_known_body(text):
    names = {a.name for a in find_actors([text]).actors.values()}
    assert not {"Chinese Communist Party", "National Security Agency"} & names, names


def test_a_terms_abbreviation_is_no_body():
    index = find_actors(["Advocates met for the third Artificial Intelligence (AI) Summit. AI is everywhere."])
    # the advocates who met are a group; no body is named
    assert [a.name for a in index.actors.values() if a.kind not in (ActorKind.AUTHOR, ActorKind.GROUP)] == []


def test_an_election_is_no_actor_even_defined_by_an_abbreviation():
    index = find_actors(["The results of the National General Elections (NGE) surprised everyone. The NGE was calm."])
    assert [a.name for a in index.actors.values() if a.kind is not ActorKind.AUTHOR] == []


def test_an_elect_title_and_a_letter_after_a_title():
    index = find_actors(
        ["Freedonia’s President-elect, John Dramani Osei, has pledged to keep the deal. The Gen Z generation objects."]
    )
    people = {a.name for a in index.actors.values() if a.kind is ActorKind.PERSON}
    assert people == {"John Dramani Osei"}


@pytest.mark.parametrize(
    ("text", "names", "not_listed"),
    [
        (
            "He will work with the National Democratic Congress majority and consult the opposition New Patriotic "
            "Party.",
            {"National Democratic Congress", "New Patriotic Party"},
            {"US Congress", "the opposition"},
        ),
        (
            "The ruling Movement for Socialism (MAS in Spanish) party is split. MAS rule is ending.",
            {"Movement for Socialism"},
            {"Spain"},
        ),
        (
            "The Association for Southeast Asian Nations (ASEAN) met. ASEAN agreed.",
            {"Association of Southeast Asian Nations"},
            {"Association for Southeast Asian Nations"},
        ),
        ("The US State Department objected to the plan.", {"State Department"}, {"United States"}),
    ],
)
def test_a_body_named_after_a_description_or_defined_again(text, names, not_listed):
    found = {a.name for a in find_actors([text]).actors.values()}
    assert names <= found, found
    assert not (not_listed & found), found


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Local authorities have been forced to ration water.", "Local authorities"),
        ("World leaders will meet in Paris next week.", "World leaders"),
        ("Reports suggest Tigrayan militants could be collaborating with the army.", "Tigrayan militants"),
        ("It shows little vision over how external parties can help.", "external parties"),
    ],
)
def test_a_described_group_opening_a_sentence_before_its_verb(text, group):
    groups = {a.name for a in find_actors([text]).actors.values() if a.kind is ActorKind.GROUP}
    assert group in groups


def test_a_described_group_named_in_passing_is_listed_but_holds_no_mention():
    # the annotators of whole articles list the groups a piece names, acting or not; a group named in passing
    # is no candidate for a position, so no mention of it goes to the position finders
    index = find_actors(["The plan was drafted for local authorities in the north."])
    assert [a.name for a in index.actors.values() if a.kind is ActorKind.GROUP] == ["local authorities"]
    assert index.mentions == [[]]


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("The government plans to deport migrants to third countries.", None),  # a verb, not a modifier
        ("The minister told congressional leaders about the deal.", "congressional leaders"),
        ("New rules allow American and international firms to bid.", None),  # two groups, not one
        ("The ban is spreading on social media.", None),  # platforms, not the press
        ("Aid is piling up in displacement camps.", None),
        ("Within hours, international media had seized on the claims.", "international media"),
        ("Sanctions have hit the defence sector hard.", None),
        ("The decision angered Sikh separatists abroad.", "Sikh separatists"),
        ("The talks left coastal exporters in limbo.", "coastal exporters"),
        ("The rules affect nine coastal countries.", "coastal countries"),
    ],
)
def test_a_group_named_in_passing_is_described_by_adjectives_or_known_nouns(text, group):
    index = find_actors([text])
    assert [a.name for a in index.actors.values() if a.kind is ActorKind.GROUP] == ([group] if group else [])


def test_a_states_security_services_are_a_group_of_their_own():
    index = find_actors(["Moscow’s security services are likely using all of their bandwidth."])
    assert "Moscow’s security services" in [a.name for a in index.actors.values()]


def test_europe_acts_where_no_preposition_of_place_comes_before():
    index = find_actors(["Europe must step up its own defence.", "Growth in Europe slowed, as in the rest of Europe."])
    actor = _actor_of(index, "Europe")
    assert actor is not None
    assert actor.kind is ActorKind.GROUP
    assert actor.surfaces["Europe"] == 1  # "in Europe", "the rest of Europe": a place


def test_a_continent_is_no_person():
    index = find_actors(["Africa wants a seat at the table."])
    assert [a.name for a in index.actors.values() if a.kind is ActorKind.PERSON] == []


def test_a_definition_after_a_long_run_of_capitalised_words():
    run = "Lord West of Spithead GCB DSC PC " * 40
    text = run + "met the National Authority for Water Oversight (NAWO). NAWO agreed."
    index = find_actors([text])
    actor = _actor_of(index, "NAWO")
    assert actor is not None
    assert actor.name == "National Authority for Water Oversight"


@pytest.mark.parametrize(
    "text",
    [
        "Projections suggest that the canal could cut costs.",
        "Istanbul hosted the talks in May. Later Istanbul hosted more.",
        "Initial reports said little. Initial estimates were low.",
    ],
)
def test_a_common_word_or_a_city_opening_a_sentence_is_no_person(text):
    index = find_actors([text])
    assert [a.name for a in index.actors.values() if a.kind is ActorKind.PERSON] == []


def test_names_of_things_are_no_actors():
    text = (
        "Ethiopia filled the Grand Velkan Renaissance Dam. The International Health Regulations apply. "
        "Inspectors of the Velkan Monitoring System wrote to Ethiopia."
    )
    names = {a.name for a in find_actors([text]).actors.values() if a.kind is not ActorKind.AUTHOR}
    assert names == {"Ethiopia"}, names


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        ("Greenland wants a say, and Nuuk rejected the offer.", "Greenland", "Nuuk"),
        ("The BARMM government agreed to the plan.", "Bangsamoro", "BARMM"),
        ("Puntland suspended ties with the federal government.", "Puntland", None),
    ],
)
def test_self_governing_territories_act_in_their_own_name(text, name, alias):
    actor = _actor_of(find_actors([text]), name)
    assert actor is not None
    assert actor.kind is ActorKind.STATE
    if alias:
        assert alias in actor.surfaces


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "As reported by Harwell North News on May 16, the chair resigned.",
            "Harwell North News",
            ActorKind.ORGANISATION,
        ),
        ("As reported by High North News on May 16, the chair resigned.", "High North News", ActorKind.ORGANISATION),
        ("The Velmora Post said the minister would resign.", "Velmora Post", ActorKind.ORGANISATION),
        (
            "Donors and IFIs (international financial institutions) pledged more.",
            "international financial institutions",
            ActorKind.GROUP,
        ),
        ("The Visegrad group now stands revived.", "Visegrád Group", ActorKind.ORGANISATION),
    ],
)
def test_news_outlets_and_named_groups_are_actors(text, name, kind):
    actor = _actor_of(find_actors([text]), name)
    assert actor is not None
    assert actor.kind is kind


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Ethiopian ambassador to Washington said the talks would continue.", "Ethiopian ambassador"),
        ("A former US ambassador warned that the deal was weak.", "former US ambassador"),
        ("Canada’s ambassador called it a mistake.", "Canada’s ambassador"),
        ("One senior NATO official said the plan would fail.", "senior NATO official"),
    ],
)
def test_a_person_named_by_role_and_the_state_served_is_an_actor(text, name):
    index = find_actors([text])
    actor = _actor_of(index, name)
    assert actor is not None
    assert actor.kind is ActorKind.PERSON
    assert any(a.kind in (ActorKind.STATE, ActorKind.ORGANISATION) for a in index.actors.values())


def test_a_role_serving_no_named_body_is_no_actor():
    index = find_actors(["A Ministry official said nothing, and an official said less."])
    assert all(a.kind is not ActorKind.PERSON for a in index.actors.values())


def test_a_spokesperson_speaks_for_the_body_named_before():
    text = "The European Commission met in May. A Commission spokesperson said they would wait."
    index = find_actors([text])
    commission = _actor_of(index, "European Commission")
    assert commission is not None
    spokesperson = text.index("Commission spokesperson")
    assert any(m.key == commission.key and m.start == spokesperson for m in index.mentions[0])
    assert all(a.kind is not ActorKind.PERSON for a in index.actors.values())


def test_a_name_after_the_article_is_a_things_name_not_a_persons():
    index = find_actors(
        [
            "Marines are stationed aboard the Sierra Madre. The Golden Dome will cost billions, as the Golden Dome "
            "plan shows, Ana Ruto said."
        ]
    )
    assert [a.name for a in index.actors.values() if a.kind is ActorKind.PERSON] == ["Ana Ruto"]


def test_days_and_places_named_like_people_are_not_people():
    index = find_actors(
        ["The prisoners were freed on the eve of National Unity Day, and Unity Day passed quietly, Ana Ruto said."]
    )
    assert [a.name for a in index.actors.values() if a.kind is ActorKind.PERSON] == ["Ana Ruto"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("In December, the Minister for Industry Ana Ruto signalled a new strategy.", "Ana Ruto"),
        ("The Director of Strategic Initiatives Lena Osk said so.", "Lena Osk"),
    ],
)
def test_a_titles_portfolio_is_no_part_of_the_name(text, name):
    index = find_actors([text])
    assert [a.name for a in index.actors.values() if a.kind is ActorKind.PERSON] == [name]


def test_a_state_after_a_title_stays_an_actor():
    index = find_actors(["The Prime Minister of India Narendra Modi said yes."])
    assert _actor_of(index, "India") is not None
    assert _actor_of(index, "Narendra Modi") is not None


def test_an_editors_note_is_no_speaker():
    index = find_actors(["Editor’s Note: This article was adapted from a report.", "Lena Osk: We must act."])
    assert [a.name for a in index.actors.values() if a.kind is ActorKind.PERSON] == ["Lena Osk"]


def test_a_person_named_like_a_company_stays_a_person():
    index = find_actors(["Ratan Tata agreed with the plan."])
    assert [a.name for a in index.actors.values() if a.kind is not ActorKind.AUTHOR] == ["Ratan Tata"]


@pytest.mark.parametrize(
    "text",
    [
        "The US ambassador to Ethiopia, Maria Osk, said the talks would resume.",
        "UN envoy Maria Osk said the talks would resume. The UN envoy said more.",
    ],
)
def test_the_role_of_a_person_named_there_is_that_person(text):
    index = find_actors([text])
    assert [a.name for a in index.actors.values() if a.kind is ActorKind.PERSON] == ["Maria Osk"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Despite the attacks, Enlargement Commissioner Lena Osk has tried to echo its values.", "Lena Osk"),
        ("As Under-Secretary-General Lena Osk notes, the parties should act.", "Lena Osk"),
        ("Chief Prosecutor Lena Osk opened an inquiry.", "Lena Osk"),
        ("The High Commissioner for Human Rights, Lena Osk, said so.", "Lena Osk"),
        ("Lena Osk, director of the Rule of Law Program at the Inter-American Dialogue: “It may happen.”", "Lena Osk"),
    ],
)
def test_more_titles_and_appositions_name_a_person(text, name):
    index = find_actors([text])
    assert [a.name for a in index.actors.values() if a.kind is ActorKind.PERSON] == [name]


def test_a_prefix_before_a_demonym_names_no_state():
    index = find_actors(["The Inter-American Dialogue and Pan-African groups met the China-US panel."])
    assert {a.name for a in index.actors.values() if a.kind is ActorKind.STATE} == {"China", "United States"}


def test_the_people_of_a_place_are_a_group_not_a_person():
    index = find_actors(["The war in Gaza goes on. Will Gazans accept this body? Others see a decline."])
    assert [(a.name, a.kind) for a in index.actors.values() if a.kind is not ActorKind.AUTHOR] == [
        ("Gazans", ActorKind.GROUP)
    ]


def test_a_panel_is_a_body_and_a_compact_a_thing():
    text = "The Scientific Panel warned of risks to the Global Digital Compact. The Digital Compact says so."
    index = find_actors([text])
    assert [(a.name, a.kind) for a in index.actors.values() if a.kind is not ActorKind.AUTHOR] == [
        ("Scientific Panel", ActorKind.ORGANISATION)
    ]


def test_a_plural_that_opens_a_sentence_before_an_auxiliary_is_a_group():
    index = find_actors(["Term limits are popular. Citizens are overwhelmingly against their removal."])
    assert [(a.name, a.kind) for a in index.actors.values() if a.kind is not ActorKind.AUTHOR] == [
        ("citizens", ActorKind.GROUP)
    ]


def test_the_state_that_backs_or_leads_is_named():
    index = find_actors(["Russian-backed campaigns twisted the vote, and a Chinese-flagged vessel cut the cable."])
    assert {a.name for a in index.actors.values() if a.kind is ActorKind.STATE} == {"Russia", "China"}


def test_the_government_in_british_house_style_is_the_government_named():
    text = "The UK Government published its paper. However, the Government faces a real challenge."
    actor = _actor_of(find_actors([text]), "UK Government")
    assert actor is not None
    assert "the Government" in actor.aliases()


@pytest.mark.parametrize(
    "text",
    [
        "Australia should lead a Pacific Eyes agreement with New Zealand. A Pacific Eyes agreement would help, "
        "and Pacific Eyes partners agree.",
        "The test, publicised as Mission Divyastra, is a milestone for the programme.",
    ],
)
def test_a_name_before_a_things_noun_or_after_mission_is_no_person(text):
    index = find_actors([text])
    assert [a.name for a in index.actors.values() if a.kind is ActorKind.PERSON] == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Both Democratic and Republican senators agreed that the way forward was a phased approach.",
            "Democratic and Republican senators",
        ),
        ("The Venezuelan people bravely took to the streets last Thursday.", "Venezuelan people"),
    ],
)
def test_coordinated_modifiers_and_a_nations_people_make_one_group(text, name):
    index = find_actors([text])
    assert [a.name for a in index.actors.values() if a.kind is ActorKind.GROUP] == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "For Ukraine’s more impatient supporters, it was a matter of strategic imperative.",
            "Ukraine’s more impatient supporters",
        ),
        ("Colombia’s security forces have struggled to contain the gangs.", "Colombia’s security forces"),
    ],
)
def test_a_group_named_by_whom_it_belongs_to_may_be_described(text, name):
    index = find_actors([text])
    groups = [a.name for a in index.actors.values() if a.kind is ActorKind.GROUP]
    # (another group the sentence names in passing, "the gangs", may be listed too)
    assert name in groups, groups
    assert not [g for g in groups if g != name and g in name], groups


def test_an_abbreviation_defined_for_a_party_the_gazetteer_knows_is_that_party():
    index = find_actors(["The ruling Georgian Dream party (GD) won again. GD said the vote was fair."])
    names = [a.name for a in index.actors.values() if a.kind is not ActorKind.AUTHOR]
    assert names == ["Georgian Dream"]
    assert "GD" in _actor_of(index, "Georgian Dream").aliases()


def test_a_partys_government_acts():
    index = find_actors(["The Labour government has cut aid to 0.3 percent of GNI."])
    assert [a.name for a in index.actors.values() if a.kind is not ActorKind.AUTHOR] == ["Labour government"]


def test_a_described_group_that_is_a_clauses_subject_before_its_verb_is_a_group():
    text = "Since 2002, fourteen countries across the continent have eliminated presidential term limits."
    index = find_actors([text])
    assert [a.name for a in index.actors.values() if a.kind is ActorKind.GROUP] == [
        "fourteen countries across the continent"
    ]


def test_the_administration_and_the_junta_point_back():
    index = find_actors(
        [
            "The Trump administration imposed tariffs on India. The administration has also threatened Brazil.",
            "The junta in Niger expelled French troops. The junta has since turned to Russia.",
        ]
    )
    assert "The administration" in _actor_of(index, "Trump administration").aliases()
    assert "The junta" in _actor_of(index, "Niger").aliases()
    assert "The junta" not in _actor_of(index, "Brazil").aliases()  # "the junta in Niger" names its state


def test_the_nation_and_the_sultanate_point_back():
    index = find_actors(["Oman has long mediated in the Gulf. The sultanate has also kept ties with Iran."])
    assert "The sultanate" in _actor_of(index, "Oman").aliases()


def test_a_things_name_used_alone_is_no_person():
    paragraphs = [
        "Austria is to join the European Sky Shield Initiative. Sky Shield is a European protective shield.",
        "Germany initiated Sky Shield, and Sky Shield warned nobody. Joe Biden said so.",
    ]
    index = find_actors(paragraphs)
    assert [a.name for a in index.actors.values() if a.kind is ActorKind.PERSON] == ["Joe Biden"]


def test_articles_of_treaties_and_places_named_like_people_are_no_people():
    paragraphs = ["Under Article V, allies must respond. Article V says so.", "Diego Garcia hosts bombers."]
    index = find_actors(paragraphs)
    assert [a.name for a in index.actors.values() if a.kind is ActorKind.PERSON] == []


def test_a_plural_abbreviation_is_no_person():
    index = find_actors(["Progress on the Sustainable Development Goals (SDGs) has stalled. The SDGs call for more."])
    assert [a.name for a in index.actors.values() if a.kind is ActorKind.PERSON] == []


def test_companies_policy_commentary_names_are_organisations():
    index = find_actors(["Nippon Steel’s bid for U.S. Steel was blocked. General Dynamics and Rosatom said so."])
    assert [(a.name, a.kind) for a in index.actors.values() if a.kind is not ActorKind.AUTHOR] == [
        ("Nippon Steel", ActorKind.ORGANISATION),
        ("U.S. Steel", ActorKind.ORGANISATION),
        ("General Dynamics", ActorKind.ORGANISATION),
        ("Rosatom", ActorKind.ORGANISATION),
    ]


def test_an_abbreviation_the_text_defines_as_another_body_is_that_body():
    paragraphs = [
        "The flag was raised at the Embassy of the Islamic Emirate of Afghanistan (IEA) in Moscow.",
        "Recognition of the IEA could serve Russia, and the International Energy Agency has no say.",
    ]
    index = find_actors(paragraphs)
    emirate = _actor_of(index, "Islamic Emirate of Afghanistan")
    assert emirate is not None
    assert "IEA" in emirate.aliases()
    assert "IEA" not in _actor_of(index, "International Energy Agency").aliases()


def test_a_movements_name_is_no_persons():
    index = find_actors(["Lena Osk, the leader of Ansar al-Din, was appointed. Ansar al-Din said so."])
    assert _actor_of(index, "Ansar al-Din").kind is ActorKind.ORGANISATION


def test_a_nations_described_group_keeps_its_demonym():
    index = find_actors(["The suspension is forcing all Kuwaiti political actors to direct their attention elsewhere."])
    assert [a.name for a in index.actors.values() if a.kind is ActorKind.GROUP] == ["Kuwaiti political actors"]


def test_a_regnal_number_and_a_clerical_title_belong_to_the_name():
    paragraphs = [
        "Catholicos Karekin II has voiced his support. Archbishop Galstanyan was arrested.",
        "King Charles III spoke.",
    ]
    index = find_actors(paragraphs)
    assert [(a.name, a.kind) for a in index.actors.values() if a.kind is not ActorKind.AUTHOR] == [
        ("Karekin II", ActorKind.PERSON),
        ("Galstanyan", ActorKind.PERSON),
        ("Charles III", ActorKind.PERSON),
    ]


def test_a_profession_just_before_a_full_name_introduces_a_person():
    index = find_actors(["The editor asked the regional virologist Lena Osk why the budget is so small."])
    assert _actor_of(index, "Lena Osk").kind is ActorKind.PERSON


def test_a_un_body_written_in_full_and_a_church_are_bodies():
    paragraphs = [
        "The United Nations High Commissioner for Refugees (UNHCR) warned, and the Armenian Apostolic Church objected.",
        "The Council of the European Union adopted a regulation.",
    ]
    index = find_actors(paragraphs)
    assert [(a.name, a.kind) for a in index.actors.values() if a.kind is not ActorKind.AUTHOR] == [
        ("UNHCR", ActorKind.ORGANISATION),
        ("Armenian Apostolic Church", ActorKind.ORGANISATION),
        ("Council of the European Union", ActorKind.ORGANISATION),
    ]


def test_a_run_in_heading_named_by_abstract_nouns_is_no_speaker():
    paragraphs = [
        "Economic Instability: The extension should not be done without reforms.",
        "Investment Deterrence: Investors may stay away.",
        "Lawrence Wong: We will not yield.",
    ]
    index = find_actors(paragraphs)
    assert [a.name for a in index.actors.values() if a.kind is ActorKind.PERSON] == ["Lawrence Wong"]


def test_a_romance_languages_party_or_front_is_a_body_with_its_connectors():
    paragraphs = [
        "Lena Osk said the Partido Optimista pelo Desenvolvimento de Moçambique lost. Frente Amplio said no.",
        "The Movimiento al Desarrollo party won.",
    ]
    index = find_actors(paragraphs)
    assert [(a.name, a.kind) for a in index.actors.values() if a.kind is not ActorKind.AUTHOR] == [
        ("Lena Osk", ActorKind.PERSON),
        ("Partido Optimista pelo Desenvolvimento de Moçambique", ActorKind.ORGANISATION),
        ("Frente Amplio", ActorKind.ORGANISATION),
        ("Movimiento al Desarrollo", ActorKind.ORGANISATION),
    ]


def test_weather_and_numbered_principles_are_no_people():
    paragraphs = [
        "Malawi’s drought is linked to El Niño. El Niño has brought dry weather.",
        "The new Three Principles enable Japan to export arms, and Seoul will build its Nuclear Powered Submarine.",
        "The Three Principles and Implementation Guidelines are crucial. The original Three Principles were strict.",
    ]
    index = find_actors(paragraphs)
    assert [a.name for a in index.actors.values() if a.kind is ActorKind.PERSON] == []


def test_a_nations_aid_agencies_and_parliament_are_their_own():
    index = find_actors(["The Kyrgyz parliament passed the bill, according to British aid agencies."])
    assert [(a.name, a.kind) for a in index.actors.values() if a.kind is not ActorKind.AUTHOR] == [
        ("Kyrgyz parliament", ActorKind.ORGANISATION),
        ("British aid agencies", ActorKind.GROUP),
    ]


def test_an_abbreviation_the_text_gives_a_party_the_gazetteer_knows_by_its_name_is_that_party():
    paragraphs = ["Osk needs the far-right Freedom and Direct Democracy party (SPD). The SPD wants a referendum."]
    index = find_actors(paragraphs)
    assert [(a.name, a.aliases()) for a in index.actors.values() if a.kind is not ActorKind.AUTHOR] == [
        ("Freedom and Direct Democracy", ["SPD"])
    ]


def test_offices_and_federations_named_in_full_are_bodies():
    paragraphs = [
        "The UN High Commissioner for Human Rights called it ethnic cleansing.",
        "The International Federation of the Red Cross and Red Crescent said the number rose.",
    ]
    index = find_actors(paragraphs)
    assert [a.kind for a in index.actors.values() if a.kind is not ActorKind.AUTHOR] == [ActorKind.ORGANISATION] * 2


def test_brussels_is_the_eu_in_a_text_that_names_the_eu():
    eu = find_actors(["The plan should end the disputes with Brussels. The European Union welcomed it."])
    assert [(a.name, a.aliases()) for a in eu.actors.values() if a.kind is not ActorKind.AUTHOR] == [
        ("European Union", ["Brussels"])
    ]
    belgium = find_actors(["Brussels wants lower taxes, Belgian officials said."])
    assert _actor_of(belgium, "Brussels").name == "Belgium"


def test_lakes_and_gulfs_named_after_states_are_places():
    index = find_actors(["Instability spreads to the Gulf of Guinea and the Lake Chad basin."])
    assert [a.name for a in index.actors.values() if a.kind is not ActorKind.AUTHOR] == []


def test_a_states_government_named_by_its_adjective_is_an_alias():
    index = find_actors(["The British government designed the conference. The Iranian regime objected."])
    assert "British government" in _actor_of(index, "United Kingdom").aliases()
    assert "Iranian regime" in _actor_of(index, "Iran").aliases()


@pytest.mark.parametrize(
    ("text", "alias", "state"),
    [
        ("The Norwegian coast guard boarded the trawler.", "Norwegian coast guard", "Norway"),
        ("Icelandic forces left the base.", "Icelandic forces", "Iceland"),
        ("The Norwegian navy shadowed the ship.", "Norwegian navy", "Norway"),
        (
            "The Icelandic intelligence and military establishment recognises the threat.",
            "Icelandic intelligence and military establishment",
            "Iceland",
        ),
    ],
)
def test_a_states_armed_and_security_bodies_named_by_its_adjective_are_aliases(text, alias, state):
    # an analyst may list them apart: the state keeps the mention, the text's words are a name of it
    actor = _actor_of(find_actors([text]), alias)
    assert actor is not None
    assert actor.name == state


@pytest.mark.parametrize(
    "text", ["Prices rose due to Moscow’s war on Ukraine.", "According to Moscow, the talks failed."]
)
def test_a_capital_after_to_that_is_no_destination_is_its_state(text):
    assert _actor_of(find_actors([text]), "Moscow").name == "Russia"


def test_a_capital_one_travels_to_is_a_place():
    assert _actor_of(find_actors(["Diplomats flew to Moscow on Monday."]), "Moscow") is None


def test_a_capital_something_is_sent_from_is_its_state():
    index = find_actors(["Pressure from Oslo grew, with mixed signals from Reykjavik."])
    assert _actor_of(index, "Oslo").name == "Norway"
    assert _actor_of(index, "Reykjavik").name == "Iceland"
    assert _actor_of(find_actors(["The delegates flew in from Oslo on Monday."]), "Oslo") is None


def test_a_leader_named_by_surname_alone_is_that_person():
    index = find_actors(["German capability helps to deter Putin, and Mnangagwa's term may be extended."])
    assert [(a.name, a.aliases()) for a in index.actors.values() if a.kind is ActorKind.PERSON] == [
        ("Vladimir Putin", ["Putin"]),
        ("Emmerson Mnangagwa", ["Mnangagwa"]),
    ]


def test_a_surname_after_al_is_the_full_names_person():
    index = find_actors(["Prime Minister Mustafa al-Kadhimi spoke. Kadhimi’s government is likely to fall."])
    assert [a.name for a in index.actors.values() if a.kind is ActorKind.PERSON] == ["Mustafa al-Kadhimi"]


def test_a_body_led_by_its_head_and_of_or_for_is_a_body_with_its_adjective():
    paragraphs = [
        "She spoke with Lena Osk, visiting senior research fellow at the Institute of Geoeconomics in Tokyo.",
        "A brief by the Norwegian Institute of International Affairs and the Chinese Embassy disagreed.",
    ]
    index = find_actors(paragraphs)
    assert [(a.name, a.kind) for a in index.actors.values() if a.kind is not ActorKind.AUTHOR] == [
        ("Lena Osk", ActorKind.PERSON),
        ("Institute of Geoeconomics", ActorKind.ORGANISATION),
        ("Norwegian Institute of International Affairs", ActorKind.ORGANISATION),
        ("Chinese Embassy", ActorKind.ORGANISATION),
    ]


def test_a_leaders_regime_is_a_body_of_its_own():
    index = find_actors(["The Osk regime collapsed in December, and UK Export Finance backed the deal."])
    assert [(a.name, a.kind) for a in index.actors.values() if a.kind is not ActorKind.AUTHOR] == [
        ("Osk regime", ActorKind.ORGANISATION),
        ("UK Export Finance", ActorKind.ORGANISATION),
    ]


def test_a_places_name_after_a_given_name_is_a_surname():
    index = find_actors(["Former President Ricardo Lagos said no. Flights from Lagos stopped."])
    assert [a.name for a in index.actors.values() if a.kind is ActorKind.PERSON] == ["Ricardo Lagos"]


def test_a_pair_of_groups_stops_before_a_quantifier():
    index = find_actors(["Security forces repressed protesters and some Anglophone separatists rejected the talks."])
    assert [a.name for a in index.actors.values() if a.kind is ActorKind.GROUP] == ["Anglophone separatists"]


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Democratic segments of Turkey’s civil society have objected.", "Turkey’s civil society"),
        ("The revolt by Madagascar’s youth ended on Tuesday.", "Madagascar’s youth"),
        ("Canadian industry has lobbied for the deal.", "Canadian industry"),
        ("Around 7.8 million citizens of Kazakhstan voted in favour.", "citizens of Kazakhstan"),
    ],
)
def test_a_nations_civil_society_youth_and_industry_are_groups(text, group):
    names = {a.name: a.kind for a in find_actors([text]).actors.values()}
    assert names.get(group) is ActorKind.GROUP, names


def test_a_city_that_names_a_summit_or_an_agreement_is_no_state():
    paragraphs = ["The Lisbon Summit adopted a new concept. Under the Paris Agreement, emissions must fall."]
    index = find_actors(paragraphs)
    assert [(a.name, a.kind) for a in index.actors.values() if a.kind is not ActorKind.AUTHOR] == [
        ("Lisbon Summit", ActorKind.ORGANISATION)
    ]


def test_a_summit_that_acts_is_an_actor():
    index = find_actors(["The 2025 AI Action Summit secured a non-binding declaration."])
    assert [a.name for a in index.actors.values() if a.kind is ActorKind.ORGANISATION] == ["AI Action Summit"]


def test_the_regime_points_back_to_the_state_and_treaty_groups_are_groups():
    paragraphs = [
        "Serbia held elections. The regime is punishing anyone who objects.",
        "Nuclear-weapon states (NWS) must disarm, non-nuclear-weapon states said.",
    ]
    index = find_actors(paragraphs)
    assert "The regime" in _actor_of(index, "Serbia").aliases()
    assert [a.name for a in index.actors.values() if a.kind is ActorKind.GROUP] == [
        "nuclear-weapon states",
        "non-nuclear-weapon states",
    ]


def test_an_abbreviated_title_without_its_stop_is_a_surname():
    index = find_actors(["Lena Sen said the recording was real. Sen. Tomas Osk objected."])
    assert [a.name for a in index.actors.values() if a.kind is ActorKind.PERSON] == ["Lena Sen", "Tomas Osk"]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("The far-right Sweden Democrats backed the budget.", "Sweden Democrats"),
        ("The coalition needs the Christian Democrats to pass it.", "Christian Democrats"),
        ("The FPÖ won the most seats in Austria.", "Freedom Party of Austria"),
        ("The Lib Dems voted against the bill.", "Liberal Democrats"),
    ],
)
def test_european_parties_are_organisations(text, party):
    names = {a.name: a.kind for a in find_actors([text]).actors.values()}
    assert names.get(party) is ActorKind.ORGANISATION, names


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "Hours after Gabon’s election commission announced the result, officers seized power.",
            "Gabon’s election commission",
        ),
        ("The Kenyan electoral commission said the vote was fair.", "Kenyan electoral commission"),
        ("The Nigerian central bank raised rates again.", "Nigerian central bank"),
    ],
)
def test_a_states_election_commission_and_central_bank_are_bodies_of_their_own(text, body):
    names = {a.name: a.kind for a in find_actors([text]).actors.values()}
    assert names.get(body) is ActorKind.ORGANISATION, names


def test_islamic_state_khorasan_however_it_is_written():
    text = "Osk, the Islamic State–Khorasan (ISIS‑K) operative, was arrested. ISIS‑K claimed the attack."
    names = {a.name: a.aliases() for a in find_actors([text]).actors.values() if a.kind is ActorKind.GROUP}
    assert list(names) == ["Islamic State Khorasan Province"], names


def test_a_capitals_name_that_is_a_given_name_starts_a_person_before_a_surname():
    index = find_actors(["Santiago Osk is visiting Taiwan. Osk met officials. The Santiago Declaration stands."])
    assert [(a.name, a.kind) for a in index.actors.values() if a.kind is not ActorKind.AUTHOR] == [
        ("Santiago Osk", ActorKind.PERSON),
        ("Taiwan", ActorKind.STATE),
    ]


def test_another_states_chamber_is_not_the_us_one():
    text = "The Cambodian Senate President and former Prime Minister Hun Sen said no. The US Senate agreed."
    names = [a.name for a in find_actors([text]).actors.values() if a.kind is ActorKind.ORGANISATION]
    assert names == ["Cambodian Senate", "US Senate"]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("The established parties, the Nepali Congress among them, objected.", "Nepali Congress"),
        (
            "The Communist Party Nepal–Unified Marxist-Leninist (CPN-UML) objected.",
            "Communist Party of Nepal (Unified Marxist–Leninist)",
        ),
        ("The pro-European Party of Action and Solidarity (PAS) won the vote.", "Party of Action and Solidarity"),
        ("The JVP objected to the budget.", "Janatha Vimukthi Peramuna"),
    ],
)
def test_parties_of_south_asia_and_eastern_europe_are_organisations(text, party):
    names = {a.name: a.kind for a in find_actors([text]).actors.values()}
    assert names.get(party) is ActorKind.ORGANISATION, names


def test_a_contributor_named_before_a_colon_is_an_actor_of_the_brief():
    source = Source(
        title="Experts react",
        paragraphs=[
            "Finance ministers met in Stresa to discuss what to do with the frozen assets.",
            "Lena Osk: Take the best deal available now and keep pushing for the rest",
            "Tomas Brel: The loan is past the point of no return",
            "The statement is not as noncommittal as it sounds.",
        ],
    )
    names = [a["name"] for a in to_json(source, suggest(source))["actors"] if a["kind"] == "person"]
    assert names == ["Lena Osk", "Tomas Brel"]


def test_a_months_name_after_a_given_name_is_a_surname():
    index = find_actors(["Theresa May left the summit early. In May 2017 the talks resumed."])
    assert [a.name for a in index.actors.values() if a.kind is ActorKind.PERSON] == ["Theresa May"]


def test_a_states_voters_and_opposition_are_groups():
    text = "India’s voters delivered a setback to the government. The vote led Georgia’s opposition to boycott it."
    names = {a.name: a.kind for a in find_actors([text]).actors.values()}
    assert names.get("India’s voters") is ActorKind.GROUP, names
    assert names.get("Georgia’s opposition") is ActorKind.GROUP, names


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Al-Qaeda in the Islamic Maghreb (AQIM) claimed the attack.", "Al-Qaeda in the Islamic Maghreb"),
        ("KFOR troops patrolled the north after the clashes.", "Kosovo Force"),
        ("SAMIDRC began to withdraw from Goma in April.", "SADC Mission in the Democratic Republic of Congo"),
        ("The EDA said joint procurement would rise.", "European Defence Agency"),
    ],
)
def test_more_bodies_the_gazetteer_knows(text, body):
    names = [a.name for a in find_actors([text]).actors.values()]
    assert body in names, names


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Last year the U.S Commerce Department listed the firm.", "US Department of Commerce"),
        ("The conservative VMRO-DPMNE secured 58 seats, and the DUI objected.", "VMRO-DPMNE"),
        ("The OSCE/ODIHR recommended changes.", "Office for Democratic Institutions and Human Rights"),
        ("Ankara sought the extradition of Fethullah Gülen for years.", "Fethullah Gülen"),
        ("Amazon said it would invest more in data centres.", "Amazon"),
        ("But experts consulted by Dialogue Earth point out that the plan failed.", "Dialogue Earth"),
    ],
)
def test_more_names_the_gazetteer_knows(text, actor):
    names = [a.name for a in find_actors([text]).actors.values()]
    assert actor in names, names


def test_the_amazon_rainforest_is_a_place():
    assert [a.name for a in find_actors(["The deforestation of the Amazon continued."]).actors.values()] == [
        "The author"
    ]


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Voters punished the ruling party in the first round.", "voters"),
        ("In the end, politicians decided not to contest the polls.", "politicians"),
        ("Quite the opposite – the students have distanced themselves from all of them.", "students"),
        ("Protesters chant slogans against the regime.", "Protesters"),
        ("Commentators discuss the ramifications of the move.", "Commentators"),
        ("It takes the full commitment of the ruling coalition.", "the ruling coalition"),
        ("For four months now, members of parliament have been gathering every 48 hours.", "members of parliament"),
        ("Trump is under pressure from some members of Congress to resume testing.", "members of Congress"),
        ("The European Allies’ main objective was to avoid a transatlantic bust-up.", "European counterparts"),
        # the agent of a passive, or cited: "criticised by NGOs", "Calls by oppositionists"
        ("The plan was heavily criticised by NGOs for failing to act.", "NGOs"),
        ("Lissu was assaulted by the police last year.", "police"),
        ("Calls by oppositionists for electoral reforms were ignored.", "oppositionists"),
        ("Protests erupted, with demonstrators asserting that the government was to blame.", "demonstrators"),
        ("The juntas are supported by many citizens within these countries.", "citizens"),
    ],
)
def test_people_who_act_as_the_subject_are_a_group(text, group):
    names = {a.name: a.kind for a in find_actors([text]).actors.values()}
    assert names.get(group) is ActorKind.GROUP, names


def _mentioned(index):
    # the actors a mention points to: a group named in passing is listed, but holds no mention (so no position)
    return {m.key for ms in index.mentions for m in ms}


def test_people_listed_as_an_object_are_no_group():
    # the police, who act, are a group; the people they arrest are not (listed in passing, with no mention)
    index = find_actors(["The police arrested students, workers and farmers."])
    assert sorted(index.actors[k].name for k in _mentioned(index)) == ["police"]


def test_a_us_presidents_administration_is_an_actor_named_after_him():
    index = find_actors(
        [
            "Donald Trump signed an order freezing foreign aid. Later the administration cut 92% of aid contracts.",
            "Mr Trump’s administration put the Houthis on notice.",
        ]
    )
    names = {a.name: a for a in index.actors.values()}
    assert names["Trump administration"].kind is ActorKind.ORGANISATION
    assert [m.key for m in index.mentions[1]][0] == names["Trump administration"].key
    assert "Donald Trump" in names


def test_a_government_named_for_what_it_is_is_an_organisation():
    index = find_actors(["The coast guard answers to the Government of National Unity."])
    names = {a.name: a.kind for a in index.actors.values()}
    assert names.get("Government of National Unity") is ActorKind.ORGANISATION, names


def test_the_government_of_a_text_that_names_no_state_is_an_actor():
    names = [a.name for a in find_actors(["On June 18, the government dismissed Lena Osk."]).actors.values()]
    assert "the government" in names
    assert "the government" not in [
        a.name for a in find_actors(["Norway said no. On June 18, the government dismissed Lena Osk."]).actors.values()
    ]


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("With the amendments, the Pakistan judiciary has lost its independence.", "Pakistan judiciary"),
        ("Afghan civil society organizations called for inclusion.", "Afghan civil society organizations"),
        ("U.N. agencies warned of famine in the camps.", "UN agencies"),
    ],
)
def test_a_states_name_as_a_modifier_civil_society_organisations_and_un_agencies_are_groups(text, group):
    names = {a.name: a.kind for a in find_actors([text]).actors.values()}
    assert names.get(group) is ActorKind.GROUP, names


def test_a_run_in_heading_in_title_case_names_nobody():
    text = (
        "Western Mediation Can Increase Prospects for Kurdish Gas Exports: The United States is an active player. "
        "Kurdish officials hope that Kurdish gas will reach Europe."
    )
    index = find_actors([text])
    assert not [a.name for a in index.actors.values() if a.kind is ActorKind.PERSON]


def test_a_things_abbreviation_names_nobody():
    paragraphs = [
        "Aimed at large investors, the perks of the Grand Investment Incentive Regime (Rigi) include tax breaks.",
        "The Rigi has drawn nine proposals since it was approved by congress in May.",
        "The government expects the Rigi’s perks to lead to a surge in mining exports.",
        "But analysts point out that the Rigi has not drawn as many new proposals as it may seem.",
        "Moreover, they are worried about the Rigi’s neglect of the environment.",
        "The Rigi aims to draw investment in forestry, tourism and energy.",
    ]
    assert [a.name for a in find_actors(paragraphs).actors.values() if a.kind is ActorKind.PERSON] == []


def test_sheikh_after_a_given_name_is_part_of_the_name():
    index = find_actors(["President Hassan Sheikh Mohamud faces harsh choices, Lena Osk said."])
    names = [a.name for a in index.actors.values() if a.kind is ActorKind.PERSON]
    assert "Hassan Sheikh Mohamud" in names, names


def test_a_name_that_begins_a_longer_one_is_that_person():
    paragraphs = ["President Ali Bongo Ondimba was re-elected.", "Officers placed Ali Bongo under arrest."]
    people = [a for a in find_actors(paragraphs).actors.values() if a.kind is ActorKind.PERSON]
    assert [a.name for a in people] == ["Ali Bongo Ondimba"]
    assert "Ali Bongo" in people[0].aliases()


def test_a_full_name_listed_next_to_a_person_is_a_person():
    text = "Some presidents (Alfonso López Michelsen, Belisario Betancur and Juan Manuel Santos) sought a new course."
    people = [a.name for a in find_actors([text]).actors.values() if a.kind is ActorKind.PERSON]
    assert people == ["Alfonso López Michelsen", "Belisario Betancur", "Juan Manuel Santos"]


def test_a_plural_title_before_two_names_is_no_part_of_either():
    text = "The meeting between Presidents Lena Osk and Javier Milei added confusion."
    people = [a.name for a in find_actors([text]).actors.values() if a.kind is ActorKind.PERSON]
    assert not any(name.startswith("Presidents") for name in people), people


@pytest.mark.parametrize("name", ["Tsai Ing-wen", "Hou Yu-ih", "Lee Jae-myung"])
def test_a_short_surname_and_a_hyphenated_given_name_is_a_person(name):
    people = [a.name for a in find_actors([f"Voters will choose {name} as president."]).actors.values()]
    assert name in people, people


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Xi chaired a meeting of the 24-man Politburo in June.", "Politburo"),
        ("Finland's Eduskunta approved the bill.", "Eduskunta"),
        ("The governing coalition of Inuit Ataqatigiit and Siumut lost 11 seats.", "Siumut"),
        ("The Swedish People’s Party joined the coalition.", "Swedish People's Party"),
        ("Members of gangs such as MS-13 were deported.", "MS-13"),
        ("Tokyo Electric Power released treated water into the ocean.", "Tokyo Electric Power Company"),
        ("The Communist Party of Nepal – Maoist Centre backed it.", "Communist Party of Nepal (Maoist Centre)"),
    ],
)
def test_legislatures_parties_gangs_and_firms_the_gazetteer_knows(text, body):
    names = [a.name for a in find_actors([text]).actors.values()]
    assert body in names, names


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("The Jatiya Sangsad passed the bill.", "Jatiya Sangsad"),
        ("The ruling All Progressives Congress lost two states.", "All Progressives Congress"),
        ("Rosneft and the Bundesamt für Verfassungsschutz were named.", "Bundesamt für Verfassungsschutz"),
        ("Afrobarometer surveys show falling trust.", "Afrobarometer"),
        ("Salt Typhoon breached the networks.", "Salt Typhoon"),
    ],
)
def test_bodies_from_the_larger_gazetteer(text, body):
    names = [a.name for a in find_actors([text]).actors.values()]
    assert body in names, names


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Verizon and AT&T said the breach was contained.", "AT&T"),
        ("Marks & Spencer lost weeks of online sales after the attack.", "Marks & Spencer"),
        ("DigitalEurope echoed the sentiment of the industry.", "DigitalEurope"),
        ("HateAid condemned the visa ban as an attack on civil society.", "HateAid"),
        ("The Open Rights Group said the checks were unworkable.", "Open Rights Group"),
        ("Big Tech lobbied hard against the rules.", "Big Tech"),
        ("Ofgem and the Information Commissioner's Office opened inquiries.", "Information Commissioner's Office"),
    ],
)
def test_firms_lobbies_and_civil_society_the_gazetteer_knows(text, body):
    names = [a.name for a in find_actors([text]).actors.values()]
    assert body in names, names


def test_no_alias_names_two_bodies_of_the_gazetteer():
    from briefcomposer.analysis.gazetteer import load

    owners: dict[tuple[str, ...], set[str]] = {}
    for entry in load().entries:
        if entry.kind is not ActorKind.ORGANISATION:
            continue
        for surface in entry.nouns:
            owners.setdefault(tuple(surface.split()), set()).add(entry.name)
    shared = {" ".join(k): v for k, v in owners.items() if len(v) > 1}
    assert not shared, sorted(shared.items())[:10]


def test_a_bodys_experts_are_a_group_of_their_own():
    names = [a.name for a in find_actors(["GMF experts said the plan was weak. The GMF said no."]).actors.values()]
    assert "GMF experts" in names, names
    assert "German Marshall Fund of the United States" in names, names


def test_a_language_in_brackets_is_no_state():
    names = [a.name for a in find_actors(["The ruling Velmora party (VLP in Spanish) is split."]).actors.values()]
    assert "Spain" not in names, names


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("The treaty is a tool fossil fuel companies have regularly used to hinder action.", "fossil fuel companies"),
        ("After the vote, Shia blocs secured most seats.", "Shia blocs"),
    ],
)
def test_a_described_group_before_its_verb_is_the_clauses_subject(text, group):
    names = [a.name for a in find_actors([text]).actors.values()]
    assert group in names, names


@pytest.mark.parametrize(
    "text",
    [
        "Egypt refuses to accept Palestinian refugees were it asked.",
        "The turnout of 20 million voters was high.",
        "Nothing moves unless regional bodies act.",
    ],
)
def test_an_object_a_count_or_a_conjunction_is_no_group_of_its_own(text):
    groups = [a.name for a in find_actors([text]).actors.values() if a.kind is ActorKind.GROUP]
    assert not any(g.split()[0] in ("accept", "million", "unless") for g in groups), groups
    assert "Palestinian refugees were" not in groups


def test_the_states_staff_who_act_as_the_subject_are_a_group():
    names = [a.name for a in find_actors(["In March, lawmakers approved the deal."]).actors.values()]
    assert "lawmakers" in names, names


def test_a_states_officials_and_its_abbreviated_government_are_its_aliases():
    index = find_actors(["Russian officials claim he fell ill. It was built with US government sponsorship."])
    aliases = {a.name: a.aliases() for a in index.actors.values()}
    assert "Russian officials" in aliases["Russia"], aliases
    assert "US government" in aliases["United States"], aliases


@pytest.mark.parametrize(
    ("text", "state", "alias"),
    [
        ("A Chinese diplomat warned that the remarks were dangerous.", "China", "Chinese diplomat"),
        ("The US military has not resumed testing since 1992.", "United States", "US military"),
        ("Georgian society rejected the government's turn away from the EU.", "Georgia", "Georgian society"),
        ("A Russian official said the talks were over.", "Russia", "Russian official"),
        ("Chile’s interim government has promised an inclusive transition.", "Chile", "Chile’s interim government"),
        ("The Somali federal government rejected the deal.", "Somalia", "Somali federal government"),
        ("Pakistan’s military leadership claimed control.", "Pakistan", "Pakistan’s military leadership"),
    ],
)
def test_a_states_diplomat_military_and_society_are_its_aliases(text, state, alias):
    aliases = {a.name: a.aliases() for a in find_actors([text]).actors.values()}
    assert alias in aliases.get(state, []), aliases


def test_the_council_in_eu_writing_is_the_council_of_the_eu():
    text = "The plan goes to the Council and the European Parliament. The Council must approve it unanimously."
    names = [a.name for a in find_actors([text]).actors.values()]
    assert "Council of the European Union" in names, names


def test_and_before_a_known_body_ends_a_name():
    names = [a.name for a in find_actors(["Velmora seeks a say in the Council and European Council."]).actors.values()]
    assert "European Council" in names, names
    assert not any(n.startswith("Council and") for n in names), names


def test_the_grouping_points_back():
    paragraphs = ["The Quad met in May. Since then, the grouping has struggled to define its role."]
    index = find_actors(paragraphs)
    quad = next(a for a in index.actors.values() if a.name == "Quad")
    assert quad.count == 2, quad


def test_a_name_after_says_is_a_person():
    text = "The time is right to make this move, says Bronwen Osk, but that should not distract attention."
    names = [a.name for a in find_actors([text]).actors.values() if a.kind is ActorKind.PERSON]
    assert names == ["Bronwen Osk"], names


def test_an_initial_and_the_surname_name_the_person_again():
    paragraphs = ["Nicușor Osk secured a clear victory.", "He insisted it was not him or N. Osk who had won."]
    people = [a for a in find_actors(paragraphs).actors.values() if a.kind is ActorKind.PERSON]
    assert [a.name for a in people] == ["Nicușor Osk"], people
    assert "N. Osk" in people[0].aliases()


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "Recently, the EU Agency for Fundamental Rights also warned of deregulation.",
            "European Union Agency for Fundamental Rights",
        ),
        ("The European Ombudsman has launched an investigation.", "European Ombudsman"),
        ("It cut Banco de México’s growth forecast.", "Banco de México"),
    ],
)
def test_eu_bodies_and_central_banks(text, body):
    names = [a.name for a in find_actors([text]).actors.values()]
    assert body in names, names


def test_eu_member_states_are_one_group():
    index = find_actors(["Several EU Member States objected. Later, EU governments agreed."])
    groups = [a for a in index.actors.values() if a.kind is ActorKind.GROUP]
    assert [g.name for g in groups] == ["EU member states"], groups


def test_the_word_that_ends_a_things_name_is_no_person():
    names = [a.name for a in find_actors(["The Velmora Policy Brief proposes a trade coalition."]).actors.values()]
    assert "Brief" not in names, names


@pytest.mark.parametrize(
    ("text", "person"),
    [("Poroshenko signed the law.", "Petro Poroshenko"), ("Ruritania defied Orban.", "Viktor Orbán")],
)
def test_more_leaders_named_by_surname_alone(text, person):
    names = [a.name for a in find_actors([text]).actors.values()]
    assert person in names, names


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "The European Scientific Advisory Board on Climate Change warned.",
            "European Scientific Advisory Board on Climate Change",
        ),
        ("Velmora Market Watch argues the target is weak.", "Velmora Market Watch"),
        ("Vice Premier He Lifeng met the delegation.", "He Lifeng"),
        ("The U.N. Security Council voted.", "UN Security Council"),
    ],
)
def test_a_body_on_a_subject_a_watchdog_a_surname_he_and_un_written_with_stops(text, actor):
    found = {a.name: a for a in find_actors([text]).actors.values()}
    assert actor in found, found
    assert found[actor].kind is not ActorKind.PERSON or actor == "He Lifeng"
    assert text.split()[1] != "U.N." or "U.N. Security Council" in found[actor].aliases()


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("With respect to the act, firms have expressed positive expectations.", "firms"),
        ("Meanwhile, US cloud providers have mastered economies of scale.", "US cloud providers"),
    ],
)
def test_firms_and_providers_who_act_are_groups(text, group):
    names = [a.name for a in find_actors([text]).actors.values()]
    assert group in names, names


@pytest.mark.parametrize("name", ["Menachem Osk", "Godwin Osk", "Azruddin Osk"])
def test_more_given_names_start_a_persons_name(name):
    people = [a.name for a in find_actors([f"It recalls the era of {name} in the region."]).actors.values()]
    assert name in people, people


def test_korea_alone_is_south_korea_and_a_pair_keeps_its_longer_name():
    index = find_actors(["Korea enacted the act. North Korea-Russia relations have warmed."])
    states = {a.name: a.aliases() for a in index.actors.values() if a.kind is ActorKind.STATE}
    assert states == {"South Korea": ["Korea"], "North Korea": [], "Russia": []}, states


def test_a_clause_opener_is_no_part_of_a_bodys_name():
    names = [a.name for a in find_actors(["After Congress stymied the bill, the White House acted."]).actors.values()]
    assert "US Congress" in names, names
    assert not any(n.startswith("After") for n in names), names


def test_banco_opens_a_banks_name():
    names = [a.name for a in find_actors(["Export data from Banco Velmora show a rise."]).actors.values()]
    assert "Banco Velmora" in names, names


@pytest.mark.parametrize(
    ("text", "outlet"), [("CNN exposed the shipments.", "CNN"), ("Reuters reported the deal.", "Reuters")]
)
def test_news_outlets_that_report_are_actors(text, outlet):
    names = [a.name for a in find_actors([text]).actors.values()]
    assert outlet in names, names


def test_a_name_of_words_the_text_writes_in_lower_case_is_no_person():
    paragraphs = ["In a paper, Sanctions Implementation noted that implementation of sanctions lags."]
    people = [a.name for a in find_actors(paragraphs).actors.values() if a.kind is ActorKind.PERSON]
    assert people == [], people


def test_two_people_of_one_surname_stay_two():
    text = (
        "Lena Osk said the deal was weak. Tomas Osk said it was strong. "
        "Lena M. Osk later left the talks, and Osk declined to comment."
    )
    people = {a.name: a.aliases() for a in find_actors([text]).actors.values() if a.kind is ActorKind.PERSON}
    assert set(people) == {"Lena Osk", "Tomas Osk"}, people
    assert "Lena M. Osk" in people["Lena Osk"], people


def test_honorifics_do_not_tell_namesakes_apart():
    text = "Sheikh Karim bin Adel Al-Velm said no. Karim bin Adel Al-Velm later agreed. Sheikh Nasser Al-Velm spoke."
    people = [a.name for a in find_actors([text]).actors.values() if a.kind is ActorKind.PERSON]
    assert len(people) == 2, people


def test_a_states_ministry_is_named_with_its_state_and_is_not_another_states():
    text = (
        "Chile’s Foreign Ministry rejected the note. Peru's Foreign Ministry replied at once. "
        "Russia's Ministry of Defence said it had shot down drones; the UK Ministry of Defence disagreed."
    )
    names = [a.name for a in find_actors([text]).actors.values() if a.kind is ActorKind.ORGANISATION]
    assert "Chile’s Foreign Ministry" in names, names
    assert "Peru's Foreign Ministry" in names, names
    assert "Russia's Ministry of Defence" in names, names
    assert "Ministry of Defence" in names, names  # the British one, from the gazetteer


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Democrat Lena Osk said the bill was dead.", "Lena Osk"),
        ("Republican Mike Johnson rejected the plan.", "Mike Johnson"),
        ("Estonian Liberal Kaja Kallas started her term as the new High Representative.", "Kaja Kallas"),
    ],
)
def test_a_party_label_before_a_full_name_is_no_part_of_it(text, person):
    people = [a.name for a in find_actors([text]).actors.values() if a.kind is ActorKind.PERSON]
    assert people == [person], people


def test_the_house_is_the_house_of_representatives_where_congress_is_named():
    text = "Senate Republicans voted to cut the programme. The House has already passed the rescissions."
    names = [a.name for a in find_actors([text]).actors.values()]
    assert "US House of Representatives" in names, names
    elsewhere = "The Senate and the House of Lords debated it. The House agreed."
    names = [a.name for a in find_actors([elsewhere]).actors.values()]
    assert "US House of Representatives" not in names, names  # another house is named


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Officials fear that hackers leaked the files.", "hackers"),
        ("The report found that juntas have expelled foreign troops.", "juntas"),
        ("As protesters marched on the palace, the army withdrew.", "protesters"),
    ],
)
def test_people_who_act_after_that_or_as_are_a_group(text, group):
    names = [a.name for a in find_actors([text]).actors.values() if a.kind is ActorKind.GROUP]
    assert group in names, names


def test_a_one_word_body_written_in_capitals_is_still_that_body():
    index = find_actors(["Earlier this month, NVIDIA said it was filing applications."])
    assert [a.name for a in index.actors.values() if a.kind is not ActorKind.AUTHOR] == ["Nvidia"]


def test_a_given_name_that_is_also_a_people_still_names_a_person():
    index = find_actors(["Karen Osk said the city would act."])
    assert [a.name for a in index.actors.values() if a.kind is ActorKind.PERSON] == ["Karen Osk"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # peoples without a state of their own, and party families
        ("The Inuit have long opposed the plan.", "Inuit"),
        ("Beijing denies that Uighurs are held in camps.", "Uyghurs"),
        ("The Greens have pulled out of the coalition.", "Greens"),
        ("The Karen people fought on.", "Karen people"),
        # long names of bodies, read whole
        ("Power passes to the National Defence and Security Council.", "National Defence and Security Council"),
        ("The Office of the President of Ruritania said it would act.", "Office of the President of Ruritania"),
        ("Talks with Libya’s Government of National Unity (GNU) stalled.", "Government of National Unity"),
        ("The President’s Emergency Plan for AIDS Relief (PEPFAR) won.", "President’s Emergency Plan for AIDS Relief"),
    ],
)
def test_peoples_parties_and_long_names_of_bodies_are_actors(text, name):
    assert name in [a.name for a in find_actors([text]).actors.values()]


def test_two_bodies_joined_by_and_stay_two():
    names = [a.name for a in find_actors(["The United States and European Council agreed on Friday."]).actors.values()]
    assert "United States" in names
    assert "European Council" in names
    assert "Government of the Netherlands" not in [
        a.name for a in find_actors(["The Government of the Netherlands objected."]).actors.values()
    ]


def test_a_person_named_once_with_a_title_in_apposition_is_listed():
    index = find_actors(["Sanctioned are Darko Quist, Deputy Minister of Internal Affairs; and two judges."])
    assert [a.name for a in index.actors.values() if a.kind is ActorKind.PERSON] == ["Darko Quist"]
    assert next(a for a in index.actors.values() if a.name == "Darko Quist").introduced


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Other NATO allies have followed suit.", "NATO allies"),  # "other" is no part of the group's name
        ("Several regional powers objected.", "regional powers"),
        ("In a compromise, EU leaders agreed to let the Council decide.", "EU leaders"),  # the member states'
    ],
)
def test_groups_named_as_the_annotators_name_them(text, group):
    assert group in [a.name for a in find_actors([text]).actors.values() if a.kind is ActorKind.GROUP]


def test_a_bodys_officials_are_the_body():
    index = find_actors(["NATO officials declined to comment, and Hamas leaders rejected the offer."])
    assert sorted(a.name for a in index.actors.values() if a.kind is not ActorKind.AUTHOR) == [
        "Hamas",
        "North Atlantic Treaty Organization",
    ]


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Eighteen months on, the jihadists are winning.", "jihadists"),
        ("The juntas may survive. Their states may not.", "juntas"),
        ("The rebels will be pleased.", None),  # "be": no action
        ("The firms are likely to object.", None),
    ],
)
def test_people_who_act_in_the_present_open_a_clause_as_a_group(text, group):
    index = find_actors([text])
    names = [a.name for k, a in index.actors.items() if a.kind is ActorKind.GROUP and k in _mentioned(index)]
    assert names == ([group] if group else [])


def test_a_gerund_or_adverb_opening_a_sentence_is_no_given_name_but_a_known_one_is():
    people = lambda text: [a.name for a in find_actors([text]).actors.values() if a.kind is ActorKind.PERSON]  # noqa: E731
    assert people("Allowing Voressed to travel would anger Minsk. Voressed said so.") == ["Voressed"]
    assert people("Kimberly Guilfoyle said so.") == ["Kimberly Guilfoyle"]  # "-erly" ends no adverb


def test_a_news_site_and_a_nato_command_title():
    index = find_actors(
        ["Business Insider, citing Supreme Allied Commander Europe Christopher Cavoli, writes that the army grew."]
    )
    names = {a.name: a.kind for a in index.actors.values()}
    assert names.get("Business Insider") is ActorKind.ORGANISATION, names
    assert names.get("Christopher Cavoli") is ActorKind.PERSON, names
    assert "Insider" not in names, names
    assert not any("Europe" in n for n in names), names


def test_a_leader_whose_name_opens_with_a_function_word():
    index = find_actors(["Vietnamese leader To Lam met the envoy. Lam later said so.", "To Lam agreed."])
    lam = _actor_of(index, "To Lam")
    assert lam is not None
    assert lam.kind is ActorKind.PERSON
    assert lam.count == 3


@pytest.mark.parametrize(
    ("text", "name", "not_listed"),
    [
        # where a body is based is no part of its name
        ("The Oslo-based Nordic Peace Institute warned of delays.", "Nordic Peace Institute", "Oslo-based"),
        ("Lena Osk of the US-based Center for Quiet Diplomacy agreed.", "Center for Quiet Diplomacy", "US-based"),
        # a known movement's name inside a person's name, before a particle and a surname
        ("The army, led by General Abdel Fatah Al Burhan, fought on.", "Abdel Fatah Al Burhan", "Fatah"),
        # a word that opens sentences is a surname after a title
        ("Conference President Do Hung Viet closed the meeting.", "Do Hung Viet", "Hung Viet"),
        # an honorific after a title opens the name but does not count towards its length
        (
            "The Minister of Foreign Affairs Sheikh Karim bin Adel bin Nasser Al-Varesi met them.",
            "Sheikh Karim bin Adel bin Nasser Al-Varesi",
            "Sheikh Karim bin Adel bin Nasser",
        ),
        ("Smugglers are happy because their earnings are rising.", "smugglers", None),
        ("In May the Baltic Chess Academy agreed on new rules.", "Baltic Chess Academy", None),
        # a word before a known given name says what the person is
        ("Stalinist Lena Osk was the runner-up with 3.2 per cent.", "Lena Osk", "Stalinist"),
        # people named by what they do, acting in a clause or before a negated auxiliary
        ("Prices fell, as traders expressed disappointment at the deal.", "traders", None),
        ("Companies don’t have to choose certified providers.", "companies", None),
    ],
)
def test_names_after_a_base_a_title_or_with_a_known_word_inside(text, name, not_listed):
    index = find_actors([text])
    names = [a.name for a in index.actors.values()]
    assert name in names, names
    if not_listed:
        assert not any(not_listed in n and n != name for n in names), names


def test_a_dateline_in_capitals_is_no_speaker():
    """ "NEW DELHI: ..." is where a report was filed, not somebody's turn in an interview."""
    index = find_actors(["NEW DELHI: Four weeks after Lena Osk fled Norway, she has become a headache."], None)
    assert not any(a.name.upper() == "NEW DELHI" for a in index.actors.values())
    assert _actor_of(index, "Lena Osk") is not None


@pytest.mark.parametrize(
    ("text", "paper"),
    [
        ("The Velmora Tidende points out that there are many sides to the deal.", "Velmora Tidende"),
        ("The deal must not become a precedent, warns Kystposten: “It is a trap.”", "Kystposten"),
        ("The deal has failed, writes the Nordlys Courant.", "Nordlys Courant"),
    ],
)
def test_a_paper_that_speaks_is_an_actor(text, paper):
    index = find_actors(["The talks ended.", text], None)
    assert _actor_of(index, paper) is not None, [a.name for a in index.actors.values()]


def test_the_us_president_is_the_president_named_before():
    index = find_actors(["US President Lena Osk met Tomas Brel.", "The US president claims the deal is dead."], None)
    osk = _actor_of(index, "Lena Osk")
    assert osk is not None
    assert any(m.key == osk.key for m in index.mentions[1]), [index.actors[m.key].name for m in index.mentions[1]]


def test_a_leaders_team_is_their_administration():
    """ "Trump’s team has repeatedly expressed ...", as "the Trump team" (a leader the gazetteer knows)."""
    index = find_actors(["Donald Trump won.", "Trump’s team has repeatedly expressed dissatisfaction."], None)
    team = _actor_of(index, "Trump’s team")
    assert team is not None, [a.name for a in index.actors.values()]
    assert team.name == "Trump administration"


def test_an_unsigned_piece_names_its_publisher_as_an_actor():
    text = ["Earlier this year, Liberties’ own report examined the trend, argues a new Kystposten Forum study."]
    index = find_actors(text, publisher="Civil Liberties Union for Europe (Liberties)")
    actor = next(a for a in index.actors.values() if a.name == "Civil Liberties Union for Europe")
    assert actor.kind is ActorKind.ORGANISATION
    assert "Liberties" in actor.aliases()
    # a bylined piece speaks for its author; a web address or a note is no name
    signed = find_actors(text, author="Lena Osk", publisher="Civil Liberties Union for Europe (Liberties)")
    assert "Civil Liberties Union for Europe" not in [a.name for a in signed.actors.values()]
    noted = find_actors(["The Kystposten Forum said so."], publisher="Kystposten Forum (via kystposten.no)")
    assert "Kystposten Forum" in [a.name for a in noted.actors.values()]


def test_an_unsigned_piece_names_its_publisher_by_its_initials():
    text = ["When the bill was debated, NPI argued that it would fail."]
    index = find_actors(text, publisher="Nordic Peace Institute")
    actor = next(a for a in index.actors.values() if a.name == "Nordic Peace Institute")
    assert actor.aliases() == ["NPI"]


def test_a_publisher_named_inside_a_longer_name_is_not_named():
    index = find_actors(["The National Security Council met."], publisher="The National")
    assert "National" not in [a.name for a in index.actors.values()]


def test_the_president_is_the_us_president_the_text_names_without_his_title():
    text = [
        "In recent weeks, Donald Trump has complained about states. Later, the president did sign an order.",
        "The law states that the US president may invoke Section 122. Trump wants to be the president who won.",
    ]
    index = find_actors(text)
    trump = next(a.key for a in index.actors.values() if a.name == "Donald Trump")
    named = [[text[p][m.start : m.end] for m in index.mentions[p] if m.key == trump] for p in (0, 1)]
    assert named[0] == ["Donald Trump", "the president"]
    # the office, not the man: "may invoke", "to be the president who ..."
    assert named[1] == ["Trump"]


def test_a_name_with_a_generational_suffix_comes_back_with_or_without_it():
    text = "President Ferdinand Marcos Jr. spoke first. Later Marcos Jr. made it clear, and Marcos said so again."
    index = find_actors([text])
    assert {text[m.start : m.end]: m.key for m in index.mentions[0]} == dict.fromkeys(
        ["President Ferdinand Marcos Jr.", "Marcos Jr.", "Marcos"], "person:Ferdinand Marcos Jr."
    )


def test_a_states_president_points_back_to_the_person_titled_so():
    text = "President Lena Osk met the envoys. Norway’s president is rubbing their noses in it."
    index = find_actors([text])
    named = {text[m.start : m.end]: m.key for m in index.mentions[0]}
    assert named["president"] == named["President Lena Osk"]
    assert named["Norway"] == "gaz:Norway"
    titled = find_actors(["Norway’s president Lena Osk spoke."])
    assert [m.key for m in titled.mentions[0]] == ["gaz:Norway", "person:Lena Osk"]


def test_a_states_president_points_back_to_the_person_named_after_it_in_apposition():
    text = "They met Norway’s president, Lena Osk, last July. Norway’s president is rubbing their noses in it."
    index = find_actors([text])
    named = [(text[m.start : m.end], m.key) for m in index.mentions[0]]
    assert ("Lena Osk", "person:Lena Osk") in named, named
    assert named[-1] == ("president", "person:Lena Osk"), named


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("One Icelandic arms control expert claimed that the shield targets Norway.", "expert"),
        ("As one senior Norwegian policymaker put it to me, economic security is national security.", "policymaker"),
        ("This has been repeatedly denied by the Norwegian economic affairs minister.", "minister"),
    ],
)
def test_a_person_named_by_a_role_who_speaks_or_acts_is_an_actor(text, role):
    index = find_actors([text])
    roles = [a.name for a in index.actors.values() if a.key.startswith("role:")]
    assert len(roles) == 1, roles
    assert roles[0].endswith(role.split()[-1]), roles


def test_a_described_anaphor_points_back_to_the_actor_of_its_kind():
    text = "NATO met in Oslo. The regional grouping claimed that it had acknowledged the report."
    index = find_actors([text])
    named = {text[m.start : m.end]: m.key for m in index.mentions[0]}
    assert named["The regional grouping"] == named["NATO"]
    # a described one is a state or a body, not people named by what they do
    text = "Mediators met in Oslo. The regional grouping agreed."
    assert [text[m.start : m.end] for m in find_actors([text]).mentions[0]] == ["Mediators"]


def test_the_federal_government_is_the_government():
    text = "Norway spoke first. In the past few years, the federal government made several commitments."
    index = find_actors([text])
    assert {text[m.start : m.end]: m.key for m in index.mentions[0]}["the federal government"] == "gaz:Norway"


@pytest.mark.parametrize(
    "text",
    ["The long-suffering opposition hopes that Lena Osk can win.", "But the fragmented opposition is struggling."],
)
def test_the_opposition_described_is_the_opposition(text):
    assert "gaz:the opposition" in [m.key for m in find_actors([text]).mentions[0]]


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        (
            "They answered a statement by the Icelandic Department of Defence, posted online.",
            "Department of Defence",
            "Icelandic Department of Defence",
        ),
        ("The U.S. Treasury Department invoked the act.", "Treasury Department", "U.S. Treasury Department"),
        ("Then the UK House of Commons held a debate.", "House of Commons", "UK House of Commons"),
    ],
)
def test_a_body_named_with_its_state_before_it_has_that_name_too(text, name, alias):
    index = find_actors([text])
    actors = {a.name: a for a in index.actors.values()}
    assert name in actors, list(actors)
    assert alias in actors[name].aliases(), actors[name].aliases()


def test_a_government_named_in_lower_case_for_what_it_is_is_a_body():
    index = find_actors(["In the west, the UN-recognised government of national unity is led by Tomas Brel."])
    kinds = {a.name: a.kind for a in index.actors.values()}
    assert kinds.get("Government of National Unity") is ActorKind.ORGANISATION, kinds
    assert "UN-recognised government" not in kinds


def test_a_sentences_mentions_are_looked_up_by_their_offsets():
    text = "Norway met Iceland. Later Norway left, and Iceland stayed."
    index = find_actors([text])
    second = text.index("Later")
    keys = [index.actors[m.key].name for m in index.within(0, second, len(text))]
    assert keys == ["Norway", "Iceland"], keys
    norway = next(k for k, a in index.actors.items() if a.name == "Norway")
    assert [m.start for m in index.within(0, 0, len(text), norway)] == [0, text.index("Norway", 1)]
    assert index.within(0, 0, 0) == []


@pytest.mark.parametrize(
    ("text", "state", "alias"),
    [
        ("US senators are still debating whether to sanction Tomas Brel.", "United States", "US senators"),
        ("UK MPs voted against the plan.", "United Kingdom", "UK MPs"),
    ],
)
def test_a_states_legislators_named_with_it_are_an_alias(text, state, alias):
    assert alias in _actor_of(find_actors([text]), state).aliases()


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("EU sources said the talks on Velmora had stalled.", "EU sources"),
        ("According to diplomatic sources, Lena Osk will resign.", "diplomatic sources"),
        ("This was reported to Kystposten by EU sources close to the talks.", "EU sources"),
        ("Renewable energy sources are growing in Norway.", None),
        ("Norway needs new sources of revenue, Lena Osk said.", None),
    ],
)
def test_sources_who_inform_are_a_group(text, group):
    groups = [a.name for a in find_actors([text]).actors.values() if a.kind is ActorKind.GROUP]
    assert groups == ([group] if group else []), groups


@pytest.mark.parametrize(
    ("text", "group", "not_state"),
    [
        ("The Hungarian minority in Romania demanded autonomy.", "Hungarian minority", "Hungary"),
        ("Velmora made concessions to the Serb minority under pressure.", "Serb minority", None),
        ("The Russian-speaking minority protested in Narva.", "Russian-speaking minority", "Russia"),
    ],
)
def test_an_ethnic_minority_is_a_group_not_its_kin_state(text, group, not_state):
    names = {a.name: a.kind for a in find_actors([text]).actors.values()}
    assert names.get(group) is ActorKind.GROUP, names
    assert not_state not in names


def test_a_minority_before_what_concerns_it_is_no_actor():
    names = [a.name for a in find_actors(["The Serb minority issue divides Velmora."]).actors.values()]
    assert "Serb minority" not in names


@pytest.mark.parametrize(
    ("text", "group", "state"),
    [
        ("Iceland hawks are pleased that Lena Osk has been forced to fall in line.", "Iceland hawks", "Iceland"),
        ("Norway experts warned that Tomas Brel would escalate.", "Norway experts", "Norway"),
    ],
)
def test_hawks_named_by_the_state_they_watch_are_a_group_not_that_state(text, group, state):
    names = {a.name: a.kind for a in find_actors([text]).actors.values()}
    assert names.get(group) is ActorKind.GROUP, names
    assert state not in names


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Senior U.S. defense officials warned that stocks were low.", "U.S. defense officials"),
        ("The Norwegian defence officials said Tomas Brel was wrong.", "Norwegian defence officials"),
        ("Icelandic foreign ministry officials said the talks would go on.", "Icelandic foreign ministry officials"),
    ],
)
def test_a_states_described_officials_are_named_with_it(text, group):
    names = {a.name: a.kind for a in find_actors([text]).actors.values()}
    assert names.get(group) is ActorKind.GROUP, names


@pytest.mark.parametrize(
    "text",
    [
        "Velmora agreed on what some officials have described as a minerals deal.",
        "Many citizens voted against Lena Osk in the end.",
    ],
)
def test_a_bare_group_after_some_or_many_that_acts_is_a_group(text):
    groups = [a.name for a in find_actors([text]).actors.values() if a.kind is ActorKind.GROUP]
    assert len(groups) == 1, groups


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("There has been hype, with pundits focusing on the vision of Lena Osk.", "pundits"),
        ("The pact is contested, with some leaders pledging not to implement it.", "leaders"),
        ("Tomas Brel met with farmers during the visit.", None),
    ],
)
def test_a_group_after_with_doing_something_is_a_group(text, group):
    index = find_actors([text])
    if group:
        groups = [a.name for a in index.actors.values() if a.kind is ActorKind.GROUP]
        assert groups == [group], groups
    else:  # "met with farmers": the farmers are listed in passing at most, with no mention
        groups = [a.name for k, a in index.actors.items() if a.kind is ActorKind.GROUP and k in _mentioned(index)]
        assert groups == [], groups


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("The scandal deepened, with opposition figures calling for Tomas Brel to resign.", "opposition figures"),
        ("The headline figures showed growth in Velmora.", None),
        ("Trade figures published by Norway showed a fall.", None),
    ],
)
def test_figures_are_people_only_when_described_as_people(text, group):
    groups = [a.name for a in find_actors([text]).actors.values() if a.kind is ActorKind.GROUP]
    assert groups == ([group] if group else []), groups


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("Millions face famine in Velmora, the UN’s migration agency warned on Monday.", "UN’s migration agency"),
        ("The EU's border agency Frontex reported a fall.", None),  # the agency's own name follows
        ("Iran’s atomic energy agency said the stockpile was diluted.", None),  # a state's agency: the state
    ],
)
def test_a_bodys_agency_named_by_what_it_does_is_an_organisation(text, agency):
    names = {a.name for a in find_actors([text]).actors.values()}
    assert (agency in names) if agency else not any("agency" in n for n in names), names


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Regional and global powers jockey for influence in Velmora.", "regional and global powers"),
        ("External and regional powers back rival factions in Velmora.", "external and regional powers"),
    ],
)
def test_two_modifiers_joined_by_and_name_one_group(text, group):
    groups = [a.name for a in find_actors([text]).actors.values() if a.kind is ActorKind.GROUP]
    assert group in groups, groups


def test_a_field_joined_by_and_to_a_groups_modifier_is_part_of_the_group():
    text = "The council has shrunk, and security and tech experts worry that no one is left in Velmora."
    groups = [a.name for a in find_actors([text]).actors.values() if a.kind is ActorKind.GROUP]
    assert groups == ["security and tech experts"], groups


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Velmoran politicians and military officers see the status quo as untenable.", "military officers"),
        ("Army officers seized power in Velmora.", "Army officers"),
    ],
)
def test_officers_are_a_group(text, group):
    groups = [a.name for a in find_actors([text]).actors.values() if a.kind is ActorKind.GROUP]
    assert any(g.endswith(group) for g in groups), groups


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("The pact by Norway’s established parties not to work with Tomas Brel held.", "Norway’s established parties"),
        ("Iceland’s political parties agreed on the budget.", "Iceland’s political parties"),
    ],
)
def test_a_states_parties_are_a_group_named_with_it(text, group):
    groups = [a.name for a in find_actors([text]).actors.values() if a.kind is ActorKind.GROUP]
    assert groups == [group], groups


@pytest.mark.parametrize(
    ("text", "state", "alias"),
    [
        ("The Russian side said the talks in Oslo were useful.", "Russia", "Russian side"),
        ("Neither does the Icelandic side appear ready for a new round.", "Iceland", "Icelandic side"),
    ],
)
def test_a_states_side_in_talks_is_an_alias_of_the_state(text, state, alias):
    assert alias in _actor_of(find_actors([text]), state).aliases()


def test_greek_cypriots_are_cyprus_not_greece():
    names = {a.name for a in find_actors(["The Greek Cypriot side rejected the plan."]).actors.values()}
    assert "Cyprus" in names, names
    assert "Greece" not in names


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("EU foreign ministers agreed on new sanctions against Velmora.", "EU foreign ministers"),
        ("It showed at the first meeting of ASEAN foreign ministers in Langkawi.", "ASEAN foreign ministers"),
    ],
)
def test_the_ministers_of_a_club_of_states_are_a_group(text, group):
    groups = [a.name for a in find_actors([text]).actors.values() if a.kind is ActorKind.GROUP]
    assert groups == [group], groups


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("It is a struggle between the warring parties and their regional backers.", "regional backers"),
        ("The truce left rattled multinational corporations with a fragile peace.", "multinational corporations"),
        ("A number of regional players are pushing Tomas Brel to escalate.", "regional players"),
        ("Non-state actors have attacked shipping near Velmora.", "Non-state actors"),
    ],
)
def test_backers_players_corporations_and_actors_are_groups(text, group):
    groups = [a.name for a in find_actors([text]).actors.values() if a.kind is ActorKind.GROUP]
    assert groups == [group], groups


@pytest.mark.parametrize("surface", ["EU nations", "EU member countries"])
def test_eu_nations_are_the_eu_member_states(surface):
    index = find_actors([f"Velmora signed an agreement with the {surface} to reduce migration."])
    assert surface in _actor_of(index, "EU member states").aliases()


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("As my colleague Ja’han Jones put it, the order is a gift.", "Ja’han Jones"),
        ("Lena Osk don’t agree, and they’ll see, said Ma’ruf Amin.", "Ma’ruf Amin"),
    ],
)
def test_an_apostrophe_inside_a_given_name_keeps_the_name_whole(text, person):
    people = [a.name for a in find_actors([text]).actors.values() if a.kind is ActorKind.PERSON]
    assert person in people, people


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Tang Gen from Velmora’s Kystposten Institute dismissed the deal as meaningless.", "Tang Gen"),
        ("Lena Osk met Gen Tomas Brel in Oslo.", "Tomas Brel"),  # before a name it is the title
    ],
)
def test_a_short_title_no_name_follows_is_a_surname(text, person):
    people = [a.name for a in find_actors([text]).actors.values() if a.kind is ActorKind.PERSON]
    assert person in people, people


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "The head of Iceland’s atomic energy agency has said that Reykjavik will comply.",
            "head of Iceland’s atomic energy agency",
        ),
        (
            "Velmora’s head of the Ministry of Internal Affairs said the border stays shut.",
            "head of the Ministry of Internal Affairs",
        ),
        ("The head of the agency, Lena Osk, said it would go on.", "Lena Osk"),  # named: the person
        ("The head of NATO said the alliance was ready.", "North Atlantic Treaty Organization"),
    ],
)
def test_the_unnamed_head_of_a_body_who_speaks_is_an_actor(text, actor):
    names = [a.name for a in find_actors([text]).actors.values()]
    assert actor in names, names


def test_a_group_that_must_have_done_something_acts():
    text = "Some in Velmora now speculate that protesters must have had help from abroad."
    groups = [a.name for a in find_actors([text]).actors.values() if a.kind is ActorKind.GROUP]
    assert groups == ["protesters"], groups


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("The strike sparked outrage from Arab and Islamic states, highlighting fragility.", "Arab and Islamic states"),
        ("Its timing and the optimism from ministers look like papering over the cracks.", "ministers"),
        ("The visit met a positive reception from media in both countries.", "media"),
    ],
)
def test_a_group_whose_reaction_is_reported_is_cited(text, group):
    groups = [a.name for a in find_actors([text]).actors.values() if a.kind is ActorKind.GROUP]
    assert groups == [group], groups


def test_neighbours_who_speak_are_a_group():
    text = "Neighbors expect the new President of Velmora to keep leading."
    groups = [a.name for a in find_actors([text]).actors.values() if a.kind is ActorKind.GROUP]
    assert groups == ["neighbors"], groups


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Any deal between Hemedti and al-Burhan is unlikely.", "Abdel Fattah al-Burhan"),
        ("Damascus was cautious, and al-Assad fled to Moscow.", "Bashar al-Assad"),
    ],
)
def test_a_leader_named_by_surname_with_its_article_is_the_leader(text, person):
    people = {a.name: a.aliases() for a in find_actors([text]).actors.values() if a.kind is ActorKind.PERSON}
    assert person in people, people


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("That trend has seen ex-French colonies cut off ties with their former ruler.", "ex-French colonies"),
        ("Western democracies must respond to Velmora.", "Western democracies"),
    ],
)
def test_democracies_and_former_colonies_are_groups(text, group):
    groups = [a.name for a in find_actors([text]).actors.values() if a.kind is ActorKind.GROUP]
    assert groups == [group], groups


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Meanwhile, officials in the Federation welcomed the decisions triumphantly.", "officials in the Federation"),
        ("Officials inside the region have told this author that reporting shows fear.", "officials inside the region"),
        ("Tomas Brel met officials in the region.", None),  # no speaker
    ],
)
def test_officials_named_by_where_they_serve_who_speak_are_a_group(text, group):
    groups = [a.name for a in find_actors([text]).actors.values() if a.kind is ActorKind.GROUP]
    assert groups == ([group] if group else []), groups


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("For many of Europe’s political leaders, this is not good enough.", "Europe’s political leaders", "GROUP"),
        ("Iceland’s leaders rejected the offer from Tomas Brel.", "Iceland", "STATE"),  # a state's: the state
    ],
)
def test_leaders_named_by_a_region_are_a_group(text, name, kind):
    names = {a.name: a.kind.name for a in find_actors([text]).actors.values()}
    assert names.get(name) == kind, names


def test_civil_society_after_and_is_a_group_of_its_own():
    index = find_actors(["Many regional governments and civil society actors view the plan as a mistake."])
    names = {a.name for a in index.actors.values()}
    assert {"regional governments", "civil society"} <= names, names
    assert not any(" and " in n for n in names), names


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("“Vance and the envoys are elsewhere,” she said.", "JD Vance"),
        ("“Neither Grundberg nor the envoys are in Velmora,” she said.", "Hans Grundberg"),
        ("“Even Türk has gone quiet,” she said.", "Volker Türk"),
        ("“Reeves will not find the money,” she said.", "Rachel Reeves"),
    ],
)
def test_leaders_named_once_by_surname_alone(sentence, name):
    source = Source(title="Talks", paragraphs=["Lena Osk, a veteran mediator, doubts the talks will resume.", sentence])
    names = [a["name"] for a in to_json(source, suggest(source))["actors"]]
    assert name in names, names


def test_a_un_agency_by_its_short_name_is_the_agency_not_the_un():
    index = find_actors(
        ["Norway and the UN Children's Fund (Unicef) have committed to buy vaccines from Velmora."], None
    )
    names = {actor.name for actor in index.actors.values()}
    assert "UNICEF" in names, names
    assert "United Nations" not in names, names


def test_each_group_of_a_pair_is_an_alias_of_the_pair():
    text = "Since the vote in Velmora, opposition parties and leading politicians have rarely criticized Lena Osk."
    pair = next(a for a in find_actors([text]).actors.values() if a.kind is ActorKind.GROUP)
    assert pair.name == "opposition parties and leading politicians"
    assert {"opposition parties", "leading politicians"} <= set(pair.aliases()), pair.aliases()


@pytest.mark.parametrize(
    ("text", "state", "alias"),
    [
        ("The Norwegian state went to great lengths to portray Lena Osk as a criminal.", "Norway", "Norwegian state"),
        ("The plan comes amid mounting pressure from the US administration.", "United States", "US administration"),
    ],
)
def test_a_states_state_or_administration_is_an_alias_of_the_state(text, state, alias):
    actor = next(a for a in find_actors([text]).actors.values() if a.name == state)
    assert alias in actor.aliases(), actor.aliases()


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("The warring parties’ obstruction of aid has deepened the famine in Velmora.", "warring parties"),
        ("Meanwhile, smuggling gangs charged more for the crossing to Velmora.", "smuggling gangs"),
        ("And yet smuggling networks established themselves as service providers.", "smuggling networks"),
        (
            "Lena Osk documented ties between the coast guard and human trafficking networks.",
            "human trafficking networks",
        ),
        ("Social networks have grown fast in Velmora.", None),  # networks of people only when they do harm
    ],
)
def test_a_group_described_by_what_it_does_in_ing_is_a_group(text, group):
    groups = [a.name for a in find_actors([text]).actors.values() if a.kind is ActorKind.GROUP]
    assert groups == ([group] if group else []), groups


def test_a_group_named_by_what_it_does_still_names_an_issue():
    source = Source(
        title="Smuggling networks in the Sahel",
        paragraphs=[
            "Smuggling networks thrive in the Sahel. And yet smuggling networks established themselves as service "
            "providers across the region.",
            "The smuggling networks now move thousands of people a year through Velmora, and smuggling networks "
            "charge more each season.",
            "Lena Osk argues that the smuggling networks must be dismantled by Norway and Iceland together.",
        ],
        author="Lena Osk",
    )
    result = to_json(source, suggest(source))
    assert "Smuggling networks" in [a["name"] for a in result["actors"]]
    assert "Smuggling networks" in [i["label"] for i in result["issues"]], result["issues"]


def test_the_army_is_the_armed_forces_named_before_or_an_actor_of_its_own():
    alone = find_actors(["With food scarce, the army is under pressure to attend the talks in Velmora."])
    assert "the army" in [a.name for a in alone.actors.values()]
    paragraphs = [
        "The Velmoran Armed Forces took the capital in May.",
        "Aid agencies asked for access.",
        "Lena Osk met the envoys.",
        "Since then, the army has refused to attend the talks.",
    ]
    forces = next(a for a in find_actors(paragraphs).actors.values() if a.name == "Velmoran Armed Forces")
    assert "the army" in forces.aliases(), forces.aliases()


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Velmora will be estranged from established democracies in Europe.", "established democracies"),
        ("Lena Osk drew the ire of the exiled liberals in Velmora.", "exiled liberals"),
        ("The deal drew praise from outside observers alike.", "outside observers"),
    ],
)
def test_a_group_a_participle_or_a_phrase_modifier_describes_is_a_group(text, group):
    groups = [a.name for a in find_actors([text]).actors.values() if a.kind is ActorKind.GROUP]
    assert groups == [group], groups


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("The festival was held by the Norwegian Chamber of Commerce in Oslo.", "Norwegian Chamber of Commerce"),
        ("The Union of Concerned Scientists warned against the plan.", "Union of Concerned Scientists"),
        ("A Federation of Velmoran Businesses survey found it.", "Federation of Velmoran Businesses"),
    ],
)
def test_a_body_named_as_chamber_union_or_federation_of_something_is_an_organisation(text, body):
    names = {a.name: a.kind for a in find_actors([text]).actors.values()}
    assert names.get(body) is ActorKind.ORGANISATION, names


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("There are factors the President’s Office will not be able to solve.", "President’s Office", "ORGANISATION"),
        (
            "Downing Street says its account is under review, with the Prime Minister’s spokesperson insisting that "
            "all options are on the table.",
            "Prime Minister’s spokesperson",
            "PERSON",
        ),
    ],
)
def test_a_leaders_office_or_spokesperson_is_an_actor_of_its_own(text, name, kind):
    source = Source(title="Velmora", paragraphs=[text], author="Lena Osk")
    actors = {a["name"]: a["kind"] for a in to_json(source, suggest(source))["actors"]}
    assert actors.get(name) == kind.lower(), actors


@pytest.mark.parametrize(
    ("paragraphs", "name", "alias"),
    [
        (
            ["The sanctions, considered at the urging of Brel’s son, deepened the rift. Tomas Brel said nothing."],
            "Brel’s son",
            None,
        ),
        (
            ["Tomas Brel has again laid claim to the island. Furthermore, his oldest son is paying a visit there."],
            "Brel’s oldest son",
            "his oldest son",
        ),
        (["Velmora saw the birth of a Kurdish state. His father is Azeri and his mother is Kurdish."], None, None),
    ],
)
def test_a_person_named_by_their_kin_is_an_actor(paragraphs, name, alias):
    source = Source(title="Velmora", paragraphs=paragraphs, author="Lena Osk")
    actors = {a["name"]: a["aliases"] for a in to_json(source, suggest(source))["actors"]}
    kin = [n for n in actors if "’s " in n]
    assert kin == ([name] if name else []), actors
    if alias:
        assert alias in actors[name], actors


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("While expert witnesses gave divided views, Lena Osk sparred with Tomas Brel.", "expert witnesses"),
        ("Western societies have grown comfortable assuming that peace is the norm.", "Western societies"),
        ("Velmora cannot sit by while adversaries have tightened their grip on the strait.", "adversaries"),
    ],
)
def test_witnesses_societies_and_adversaries_are_groups(text, group):
    groups = [a.name for a in find_actors([text]).actors.values() if a.kind is ActorKind.GROUP]
    assert groups == [group], groups


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Velmora welcomed it. But its advocates and champions are disappointed.", "advocates and champions"),
        ("If voters rejected the deal, Lena Osk would resign.", "voters"),
        ("Lena Osk argued that all protesters should have left by noon.", "protesters"),
    ],
)
def test_a_bare_group_acts_after_but_if_or_all(text, group):
    groups = [a.name for a in find_actors([text]).actors.values() if a.kind is ActorKind.GROUP]
    assert groups == [group], groups


@pytest.mark.parametrize(
    "text",
    [
        "The report acknowledges that businesses require a transparent justice system in Velmora.",
        "Velmora cannot sit idly by while adversaries tighten their grip on the strait.",
    ],
)
def test_a_bare_group_doing_something_in_the_present_is_listed_without_a_position(text):
    source = Source(title="Velmora", paragraphs=[text], author="Lena Osk")
    result = to_json(source, suggest(source))
    groups = [a["name"] for a in result["actors"] if a["kind"] == "group"]
    assert len(groups) == 1, groups
    assert not [p for p in result["positions"] if p["actor"] == groups[0]], result["positions"]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "Since taking power in Velmora, the military has extended the emergency every six months.",
            "military",
            "ORGANISATION",
        ),
        (
            "The court agreed with the prosecution's claim that Lena Osk struck the officer.",
            "prosecution",
            "ORGANISATION",
        ),
        ("The ruling elite fears that reform would cost it power in Velmora.", "ruling elite", "GROUP"),
        ("The public sector in Velmora is large.", None, None),  # no one acts
        ("Called ONSF, as the military quickly abbreviated it, the plan is new.", None, None),  # an aside on a name
    ],
)
def test_a_states_institution_or_public_named_by_a_common_noun_that_acts(text, name, kind):
    found = {a.name: a.kind.name for a in find_actors([text]).actors.values() if a.kind is not ActorKind.AUTHOR}
    if name:
        assert found.get(name) == kind, found
    else:
        assert not {"military", "public"} & set(found), found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The plan angers many, particularly in the air force, which believes it won the war.", "air force"),
        ("In Velmora, the security forces killed ten protesters last week.", "security forces"),
        ("The courts ruled against Lena Osk twice.", "courts"),
    ],
)
def test_armed_services_courts_and_the_press_that_act_are_actors(text, name):
    found = [a.name for a in find_actors([text]).actors.values() if a.kind is not ActorKind.AUTHOR]
    assert name in found, found


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        (
            "This opened Lena Osk up to furious accusations from her opponents of having breached the pact.",
            "Osk’s opponents",
            "her opponents",
        ),
        (
            "Tomas Brel lost the vote. His supporters took to the streets of Velmora.",
            "Brel’s supporters",
            "His supporters",
        ),
    ],
)
def test_a_persons_camp_named_by_a_pronoun_is_named_with_the_person(text, name, alias):
    groups = {a.name: a for a in find_actors([text]).actors.values()}
    assert name in groups, list(groups)
    assert alias in groups[name].aliases(), groups[name].aliases()


def test_a_coalition_of_a_group_is_an_alias_of_the_group():
    text = "A coalition of 12 Velmoran rights groups warned that the sanctions risk promoting impunity."
    group = next(a for a in find_actors([text]).actors.values() if a.kind is ActorKind.GROUP)
    assert "coalition of 12 Velmoran rights groups" in group.aliases(), (group.name, group.aliases())


def test_public_opinion_that_acts_is_a_group_where_it_is_held_an_alias():
    text = "Public opinion in Norway is boiling, and the official reaction to Velmora has been unprecedented."
    group = next((a for a in find_actors([text]).actors.values() if a.name == "public opinion"), None)
    assert group is not None
    assert "Public opinion in Norway" in group.aliases(), group.aliases()


@pytest.mark.parametrize(
    ("text", "group"),
    [
        (
            "While frontier AI businesses in Norway and Iceland are developing new tools, Velmora lags.",
            "frontier AI businesses",
        ),
        ("In May, senior diplomats from Norway and Iceland issued a joint paper on Velmora.", None),  # the two states'
    ],
)
def test_a_group_placed_in_two_places_before_its_verb(text, group):
    groups = [a.name for a in find_actors([text]).actors.values() if a.kind is ActorKind.GROUP]
    assert groups == ([group] if group else []), groups


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("The meeting brought complete satisfaction in diplomatic circles in Velmora.", "diplomatic circles"),
        ("Velmora is caught in vicious circles of debt.", None),
    ],
)
def test_circles_of_people_are_a_group(text, group):
    groups = [a.name for a in find_actors([text]).actors.values() if a.kind is ActorKind.GROUP]
    assert groups == ([group] if group else []), groups


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Irregular forces, as well as various militias operating in Velmora, have more freedom.", "militias"),
        ("The sight of banks asking suppliers to put up their homes as guarantees is outrageous.", "banks"),
    ],
)
def test_a_bare_group_doing_something_is_listed(text, group):
    groups = [a.name for a in find_actors([text]).actors.values() if a.kind is ActorKind.GROUP]
    assert group in groups, groups


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "The compromise was put forward by the French Presidency of the European Union in June.",
            "French Presidency of the European Union",
        ),
        ("The Norwegian Presidency said the talks on Velmora would resume.", "Norwegian Presidency"),
    ],
)
def test_a_rotating_presidency_is_an_organisation(text, body):
    names = {a.name: a.kind for a in find_actors([text]).actors.values()}
    assert names.get(body) is ActorKind.ORGANISATION, names


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("The functioning of the Franco-German tandem remains crucial for Velmora.", "Franco-German tandem"),
        ("The Sino-Russian axis worries Lena Osk.", "Sino-Russian axis"),
    ],
)
def test_two_states_named_as_a_pair_are_a_group(text, pair):
    groups = [a.name for a in find_actors([text]).actors.values() if a.kind is ActorKind.GROUP]
    assert groups == [pair], groups


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("For decades, the territories struggled for greater autonomy from Velmora.", "territories"),
        ("Since 2020, the provinces have opposed the carbon tax set by Velmora.", "provinces"),
    ],
)
def test_territories_and_provinces_that_act_are_a_group(text, group):
    groups = [a.name for a in find_actors([text]).actors.values() if a.kind is ActorKind.GROUP]
    assert groups == [group], groups


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Velmora wants to deport them, though a judge has temporarily halted any removals.", "judge"),
        ("A federal judge ruled against Lena Osk.", "federal judge"),
        ("Lena Osk became a judge in 2010.", None),  # no judge who acts
    ],
)
def test_an_unnamed_judge_who_acts_is_an_actor(text, name):
    people = [a.name for a in find_actors([text]).actors.values() if "judge" in a.name]
    assert people == ([name] if name else []), people


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        (
            "“We are on the brink of famine,” a resident from the north of Velmora told Kystposten.",
            "resident",
            "resident from the north of Velmora",
        ),
        ("A local farmer said the rains had failed in Velmora.", "local farmer", None),
        ("Lena Osk was a teacher from Velmora.", None, None),  # no one speaks
    ],
)
def test_an_unnamed_witness_who_speaks_is_an_actor(text, name, alias):
    found = {a.name: a.aliases() for a in find_actors([text]).actors.values() if a.kind is ActorKind.PERSON}
    people = {n: aliases for n, aliases in found.items() if n in ("resident", "local farmer", "teacher")}
    assert list(people) == ([name] if name else []), found
    if alias:
        assert alias in people[name], people


def test_a_bodys_name_in_an_apposition_after_what_it_is_is_an_organisation():
    text = "Not long after, hackers held a nursery chain, Kystby, to ransom and posted pictures online."
    names = {a.name: a.kind for a in find_actors([text]).actors.values()}
    assert names.get("Kystby") is ActorKind.ORGANISATION, names


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        ("Ofcom investigates X. When Lena Osk wrote about Elon Musk’s X and its tool Grok, X chose not to act.", True),
        ("Elon Musk owns it, and Ofcom now investigates X.", True),  # at the end of a sentence
        ("Article X of the Velmora treaty applies to Lena Osk.", False),
    ],
)
def test_x_alone_is_musks_platform_in_a_text_about_it(text, listed):
    actor = next((a for a in find_actors([text]).actors.values() if a.name == "X Corp"), None)
    assert (actor is not None and "X" in actor.aliases()) is listed


def test_a_groups_firms_are_an_alias_of_the_group():
    text = "The plan would insulate Big Tech companies from the rules of Velmora."
    group = next(a for a in find_actors([text]).actors.values() if a.name == "Big Tech")
    assert "Big Tech companies" in group.aliases(), group.aliases()


def test_a_states_platforms_are_a_group():
    text = "Velmora was accused of pressuring American social media platforms to censor American voices."
    groups = [a.name for a in find_actors([text]).actors.values() if a.kind is ActorKind.GROUP]
    assert "American social media platforms" in groups, groups


def test_a_camp_named_by_whom_it_backs_is_named_with_it():
    text = "Certainly, the proponents of the Velmora Accord Party can put a positive spin on the results."
    groups = [a.name for a in find_actors([text]).actors.values() if a.kind is ActorKind.GROUP]
    assert groups == ["proponents of the Velmora Accord Party"], groups


def test_the_first_group_of_a_list_that_speaks_is_a_group():
    text = "The plan drew responses, as lawmakers, aid agencies, and industry representatives debate whether it works."
    groups = [a.name for a in find_actors([text]).actors.values() if a.kind is ActorKind.GROUP]
    assert "lawmakers" in groups, groups


@pytest.mark.parametrize(
    ("text", "group"),
    [
        (
            "Norway’s Protestant and Catholic churches waded into the row, imploring Lena Osk not to go.",
            "Norway’s Protestant and Catholic churches",
        ),
        ("Velmora’s Labour and Conservative parties rejected the plan.", "Velmora’s Labour and Conservative parties"),
    ],
)
def test_a_states_groups_described_by_two_capitalised_words_are_one_group(text, group):
    groups = [a.name for a in find_actors([text]).actors.values() if a.kind is ActorKind.GROUP]
    assert group in groups, groups


def test_a_group_counted_by_the_text_has_the_count_among_its_aliases():
    index = find_actors(["In May, nine European countries challenged the court over the quotas."])
    assert "nine European countries" in _actor_of(index, "European countries").aliases()


def test_a_peoples_adjective_in_ish_the_gazetteer_does_not_know_is_no_person():
    index = find_actors(
        [
            "Osk was born in Mahabad, which once saw a Vellish state that barely survived a year. His father is "
            "Azeri and his mother is Vellish, which gives him the ability to understand minorities."
        ]
    )
    assert "person:Vellish" not in index.actors, list(index.actors)


def test_two_surnames_joined_before_meeting_are_the_two_people():
    paragraphs = ["Tomas Brel met Lena Osk in May.", "At the latest Brel-Osk meeting, the fisheries were discussed."]
    index = find_actors(paragraphs)
    assert [m.key for m in index.mentions[1]] == ["person:Tomas Brel", "person:Lena Osk"], index.mentions


def test_a_coalition_counted_by_the_text_has_the_count_among_its_aliases():
    index = find_actors(["A coalition of 79 member countries warned that the quotas risk emptying the seas."])
    actor = next(a for a in index.actors.values() if "member countries" in a.surfaces)
    assert "coalition of 79 member countries" in actor.aliases(), actor.aliases()


def test_a_leader_named_only_by_his_administration_is_listed_without_positions():
    # "the Trump administration": the text speaks of the president's policy without naming him alone
    paragraphs = [
        "The Trump administration has run hot and cold on Velmora, sometimes signalling support for its fisheries.",
        "Any deal must bring a direct benefit to the president himself, Lena Osk argues.",
    ]
    source = Source(title="Deals", paragraphs=paragraphs, author="Mara Quist")
    result = to_json(source, suggest(source))
    assert "Donald Trump" in [a["name"] for a in result["actors"]], [a["name"] for a in result["actors"]]
    assert not [p for p in result["positions"] if p["actor"] == "Donald Trump"], result["positions"]


def test_the_first_adjective_of_a_pair_before_a_national_group_names_a_group_listed_in_passing():
    # "European and American carmakers": the European carmakers are a group of the text too
    index = find_actors(["European and Norwegian carmakers have sounded the alarm over the Velmora chip ban."])
    assert "group:european carmakers" in index.actors, list(index.actors)
    assert "group:norwegian carmakers" in index.actors, list(index.actors)
    assert [m.key for m in index.mentions[0]] == ["group:norwegian carmakers"], index.mentions


def test_a_states_people_named_by_its_adjective_are_listed_in_passing():
    # "Malian nationals": a group of the text, though the view stays with no one of them
    index = find_actors(["A growing share of those crossing are Norwegian nationals displaced by the Velmora floods."])
    assert "group:norwegian nationals" in index.actors, list(index.actors)
    assert "group:norwegian nationals" not in [m.key for m in index.mentions[0]], index.mentions


def test_a_bare_group_named_in_passing_is_listed_with_no_mention():
    # "the distrust many citizens have towards the Union": the citizens are a group of the text, with no view
    index = find_actors(["The vote shows the distrust many citizens have towards a Velmora seen as a problem."])
    assert "group:citizens" in index.actors, list(index.actors)
    assert not [m for m in index.mentions[0] if m.key == "group:citizens"], index.mentions
    # any group a verb may have (not only those that act): "complained about states creating their own rules"
    index = find_actors(["Tomas Brel has complained about states creating their own rules on fisheries."])
    assert "group:states" in index.actors, list(index.actors)
    assert "group:states" not in _mentioned(index), index.mentions
    # places and armed groups named bare are what the text speaks of, not listed
    index = find_actors(["Hardship hit the poorest provinces, where attacks by militants rose."])
    assert "group:provinces" not in index.actors, list(index.actors)
    assert "group:militants" not in index.actors, list(index.actors)


def test_a_states_people_who_act_keep_their_mention_though_also_listed_in_passing_elsewhere():
    # "Japanese politicians quickly seized on ...": the group acts, and is not left to the passing listing
    index = find_actors(["A post by Lena Osk caused a storm. Norwegian politicians quickly seized on Osk’s comment."])
    assert "group:norwegian politicians" in _mentioned(index), index.mentions


def test_a_groups_describing_words_before_it_are_aliases():
    # an analyst may name the group with the words that describe it ("PRC-affiliated investors"); not with a
    # word that opens the clause ("While") nor across a comma
    index = find_actors(
        [
            "Norway-affiliated investors are targeting the ports. While the Taliban rejected the plan, several "
            "Western diplomats welcomed it."
        ]
    )
    aliases = {alias for actor in index.actors.values() for alias in actor.aliases()}
    assert {"Norway-affiliated investors", "several Western diplomats"} <= aliases
    assert not any(alias.startswith(("While", "plan")) for alias in aliases)


def test_two_bodies_named_as_a_pair_have_the_pair_as_an_alias():
    # an analyst may list "Socialists and Greens" as one actor; two states named together stay apart
    index = find_actors(["Socialists and Greens warn that the plan fails. Norway and Iceland disagree."])
    assert "Socialists and Greens" in _actor_of(index, "Socialists").aliases()
    assert "Socialists and Greens" in _actor_of(index, "Greens").aliases()
    assert _actor_of(index, "Norway").aliases() == []


def test_a_continents_adjective_is_no_person():
    # "European", "African", "Pacific" as a lone capitalised word describe, as "Europeans" and "Arctic" do
    index = find_actors(["The veto was a blow to European support for Velmora."], None)
    assert not [a.name for a in index.actors.values() if a.kind is ActorKind.PERSON]


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("He joined fellow lawmakers in protest.", "fellow lawmakers"),
        ("They met prior envoys on Monday.", "prior envoys"),
    ],
)
def test_a_group_described_by_what_its_people_were_or_are_to_someone_is_listed(text, group):
    assert _actor_of(find_actors([text]), group) is not None


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Others, including independent analysts, point to his skills.", "independent analysts"),
        ("Tomas Brel outmanoeuvred hardline clerics led by Lena Osk.", "hardline clerics"),
    ],
)
def test_a_group_after_a_verb_is_its_object_listed_in_passing(text, group):
    # the verb before the group's modifier is no part of its name, and the group holds no position
    index = find_actors([text])
    actor = next((a for a in index.actors.values() if a.name == group), None)
    assert actor is not None
    assert not any(m.key == actor.key for ms in index.mentions for m in ms)


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Others, including former colleagues, point to his energy.", "former colleagues"),
        ("The plan builds on the efforts of prior ambassadors.", "prior ambassadors"),
        ("Local mayors rejected the plan.", "Local mayors"),
        ("Two of the Kystposten owner’s mouthpiece newspapers have blamed Norway.", "mouthpiece newspapers"),
        ("Several pro-government outlets echoed the claim.", "pro-government outlets"),
    ],
)
def test_people_named_by_their_station_or_kin_are_listed_in_passing(text, group):
    index = find_actors([text])
    actor = next((a for a in index.actors.values() if a.name == group), None)
    assert actor is not None
    assert not any(m.key == actor.key for ms in index.mentions for m in ms)


def test_a_described_group_after_a_name_and_and_is_a_group_of_its_own():
    # "Tomas Brel and exiled liberals": two actors listed, not "Brel" describing the liberals
    index = find_actors(["The plan was opposed by Tomas Brel and exiled liberals backed by Norway."])
    assert _actor_of(index, "exiled liberals") is not None
    assert _actor_of(index, "Tomas Brel") is not None


@pytest.mark.parametrize(
    ("text", "alias"),
    [
        (
            "Lena Osk must juggle far-right ministers and the families of the hostages, for now.",
            "families of the hostages",
        ),
        (
            "Since then, countries of the former Warsaw Pact have joined the alliance.",
            "countries of the former Warsaw Pact",
        ),
    ],
)
def test_a_group_named_with_whose_it_is_has_that_name_as_an_alias(text, alias):
    aliases = {a for actor in find_actors([text]).actors.values() for a in actor.aliases()}
    assert alias in aliases


def test_a_group_named_with_whose_it_is_keeps_no_name_cut_short():
    index = find_actors(["Others joined the other members of the Nordic diplomatic delegation."])
    assert not any(" of " in a for actor in index.actors.values() for a in actor.aliases())


@pytest.mark.parametrize(
    ("text", "alias", "group"),
    [
        ("Houthi fighters seized the port.", "Houthi fighters", "Houthis"),
        ("Pressure grew from local Taliban commanders and Taliban elders.", "Taliban elders", "Taliban"),
    ],
)
def test_what_a_known_group_is_made_of_is_an_alias_of_it(text, alias, group):
    actor = _actor_of(find_actors([text]), alias)
    assert actor is not None
    assert actor.name == group


def test_a_states_leader_titled_but_never_named_keeps_the_state_and_is_listed():
    # "The Norwegian president" of a text that names no president: the state keeps its mention, and the office
    # is listed as a person of its own (with no position)
    index = find_actors(["The Norwegian president said no."])
    norway = _actor_of(index, "Norway")
    assert norway is not None
    assert any(m.key == norway.key for ms in index.mentions for m in ms)
    office = next(a for a in index.actors.values() if a.name == "Norwegian president")
    assert office.kind is ActorKind.PERSON
    assert not any(m.key == office.key for ms in index.mentions for m in ms)


def test_a_persons_name_after_the_body_it_belongs_to_starts_at_the_given_name():
    # "co-owner of Kystbank Tomas Brel": the body, then the person (not "Kystbank Tomas Brel")
    index = find_actors(["Oligarchs backed him, including the former co-owner of Kystbank Tomas Brel."])
    assert [a.name for a in index.actors.values() if a.kind is ActorKind.PERSON] == ["Tomas Brel"]


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        ("Lena Osk left office in May. Her successor reversed the policy.", "Osk’s successor", "Her successor"),
        (
            "In stark contrast to his predecessor’s hands-off approach, President Tomas Brel has shown a bold policy.",
            "Brel’s predecessor",
            "his predecessor",
        ),
    ],
)
def test_a_persons_predecessor_or_successor_is_listed_with_no_position(text, name, alias):
    index = find_actors([text])
    actor = next((a for a in index.actors.values() if a.name == name), None)
    assert actor is not None
    assert alias in actor.aliases()
    assert not any(m.key == actor.key for ms in index.mentions for m in ms)


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("At the summit, not a single world leader addressed the siege.", "world leader"),
        ("Every major tech company building such tools knows these risks.", "major tech company"),
    ],
)
def test_one_of_a_group_counted_singly_names_the_group_in_passing(text, group):
    index = find_actors([text])
    actor = next((a for a in index.actors.values() if a.name == group), None)
    assert actor is not None
    assert not any(m.key == actor.key for ms in index.mentions for m in ms)
    assert _actor_of(find_actors(["No doubt the plan fails."]), "doubt") is None


def test_a_bare_group_that_opens_a_sentence_is_listed_not_taken_for_a_name():
    index = find_actors(["Securocrats in the ruling party don’t want to risk a free vote."])
    assert [a.kind for a in index.actors.values() if a.name.casefold() == "securocrats"] == [ActorKind.GROUP]


def test_a_groups_name_without_its_first_words_is_an_alias():
    # an analyst may list "Velkan activists" or "activists" for "prominent Velkan activists"; not "Lena Osk" for
    # "supporters of Lena Osk", nor "and Western diplomats" for "Icelandic and Western diplomats"
    index = find_actors(
        [
            "Several prominent Velkan activists were arrested. Supporters of Lena Osk marched, and Icelandic and "
            "Western diplomats warned that the talks would fail."
        ]
    )
    aliases = {alias for actor in index.actors.values() for alias in actor.aliases()}
    assert {"Velkan activists", "activists"} <= aliases
    assert not {"Lena Osk", "Osk", "and Western diplomats"} & aliases


def test_a_states_envoys_are_its_staff_named_with_what_describes_them():
    index = find_actors(["My work built on the efforts of prior US ambassadors, and US envoys agreed."])
    aliases = set(_actor_of(index, "United States").aliases())
    assert {"US ambassadors", "prior US ambassadors", "US envoys"} <= aliases


def test_two_states_staff_named_as_one_is_a_name_of_each():
    index = find_actors(["Just this Monday, senior Norwegian and Icelandic officials were meeting in Oslo."])
    for state in ("Norway", "Iceland"):
        aliases = _actor_of(index, state).aliases()
        assert "senior Norwegian and Icelandic officials" in aliases


def test_a_camp_named_by_what_it_is_is_listed_in_passing():
    index = find_actors(
        ["The crisis in the presidential faction in parliament began earlier, and the reformist camp lost."]
    )
    for name in ("presidential faction", "reformist camp"):
        actor = next((a for a in index.actors.values() if a.name == name), None)
        assert actor is not None
        assert actor.aliases() == []  # no "faction" or "camp" alone
        assert not any(m.key == actor.key for ms in index.mentions for m in ms)


def test_a_states_initials_before_its_people_name_a_group_as_its_adjective_does():
    # "UK Internet users" are a group of the state's people, as "British Internet users" would be
    index = find_actors(["From Friday, UK Internet users have had to verify their age."])
    group = next((a for a in index.actors.values() if a.name == "UK Internet users"), None)
    assert group is not None
    assert group.kind is ActorKind.GROUP


def test_the_leader_described_is_the_person_introduced_as_a_leader():
    """ "the party’s leader, Lena Osk, ... The Norwegian leader also defended ...": the one person the text
    introduced as a leader, in the paragraph or the one before; with none, or two, the state's adjective."""
    index = find_actors(
        ["A speech by the party’s leader, Lena Osk, praised Iceland.", "The Norwegian leader also defended the deal."]
    )
    osk = _actor_of(index, "Lena Osk")
    assert [index.actors[m.key].name for m in index.mentions[1]] == ["Lena Osk"]
    assert "The Norwegian leader" in osk.surfaces
    for text in (
        ["Lena Osk spoke. The Norwegian leader also defended the deal."],
        ["Tomas Brel, the opposition leader, met Lena Osk, the party’s leader. The Norwegian leader defended it."],
    ):
        index = find_actors(text)
        last = [m for m in index.mentions[0] if m.start > text[0].index("The Norwegian")]
        assert [index.actors[m.key].name for m in last] == ["Norway"], text


def test_a_former_office_holder_described_is_the_person_named_before():
    """ "... the downfall of Lena Osk. To avoid a debacle, the former Norwegian Labour prime minister latched
    on ...": the one person named before in the paragraph; not where two were named."""
    index = find_actors(["Events recall the fall of Lena Osk. Then the former Norwegian Labour prime minister lost."])
    assert "the former Norwegian Labour prime minister" in _actor_of(index, "Lena Osk").surfaces
    assert _actor_of(index, "Norway") is not None  # the words between are read on
    index = find_actors(["Lena Osk met Tomas Brel. Then the former Norwegian prime minister lost the vote."])
    assert _actor_of(index, "the former Norwegian prime minister") is None


def test_someones_envoy_is_the_one_person_the_text_titles_envoy():
    """ "The president’s Arctic envoy has rejected ... Norwegian special envoy Lena Osk has said ...": the envoy,
    named before or after, not the president; with two envoys, no one."""
    text = ["The president’s Arctic envoy has rejected the idea.", "Norwegian special envoy Lena Osk has said no."]
    index = find_actors(text)
    assert [index.actors[m.key].name for m in index.mentions[0]] == ["Lena Osk"]
    two = find_actors([*text, "Tomas Brel, the other special envoy, agreed."])
    assert "Lena Osk" not in [two.actors[m.key].name for m in two.mentions[0]]
