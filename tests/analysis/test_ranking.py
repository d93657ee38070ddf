"""The position model on top of the rules (analysis/ranking.py)."""

import json
import logging

import pytest

from briefcomposer.analysis import heading_indices, ranking, suggest, to_json
from briefcomposer.analysis.actors import find_actors
from briefcomposer.analysis.positions import find_positions
from briefcomposer.analysis.sentences import split
from briefcomposer.core.model import Source


def _parts(source):
    headings = heading_indices(source)
    index = find_actors(source.paragraphs, source.author, headings=headings)
    spans = [split(p) for p in source.paragraphs]
    return source.paragraphs, spans, index, headings, find_positions(source.paragraphs, spans, index, headings)


def test_the_bundled_model_loads():
    model = ranking.load_model()
    assert model is not None
    assert 0 < model.threshold < 1
    assert model.weights["rule_any"] > 0  # what a rule found weighs for a position
    assert model.about["trained_on"]["tuned"] >= 5


def test_an_unreadable_model_leaves_the_rules_to_decide(tmp_path, caplog, sample):
    broken = tmp_path / "positions.json"
    broken.write_text('{"threshold": 7, "weights": {}}', encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert ranking.load_model(broken) is None
    assert "could not be read" in caplog.text
    (tmp_path / "garbage.json").write_bytes(b"\x00\xff not json")
    assert ranking.load_model(tmp_path / "garbage.json") is None
    paragraphs, spans, index, headings, found = _parts(sample)
    assert ranking.rank(paragraphs, spans, index, headings, found, model=None) is found
    assert ranking.rank(paragraphs, spans, index, headings, found) is not found  # the bundled model decides


def test_every_rule_finding_with_a_cue_of_its_own_is_kept(corpus_articles, sample):
    for source in [sample, *corpus_articles.values()]:
        paragraphs, spans, index, headings, found = _parts(source)
        ranked = ranking.rank(paragraphs, spans, index, headings, found)
        kept = {id(f) for f in ranked}
        assert all(
            id(f) in kept
            for f in found
            if f.cue not in ranking.DECIDED_CUES
            and f.stance
            # an outlet's report and a meeting are no position, whatever the rule's cue
            and not ranking._only_reports(paragraphs[f.paragraph], f, index)
            and not ranking._only_meets(paragraphs[f.paragraph], f, index)
            and not (f.cue == "action" and ranking._OTHERS_GROUP.match(index.actors[f.actor_key].name))
        )


def test_a_long_article_keeps_fewer_of_the_authors_plain_claims(corpus_articles):
    # the ISW piece is long, with background paragraphs the annotation leaves out
    source = corpus_articles["isw-2022-russia-transnistria-coercion"]
    paragraphs, spans, index, headings, found = _parts(source)
    ranked = ranking.rank(paragraphs, spans, index, headings, found)
    claims = [f for f in found if f.cue == "claim"]
    assert claims
    assert len([f for f in ranked if f.cue == "claim"]) < len(claims)


def test_positions_the_model_adds_are_verbatim_sentences_with_a_stance():
    # a short commentary, the kind the model learnt most from (invented text)
    source = Source(
        title="Harbour deal",
        author="A. Writer",
        paragraphs=[
            "Norway and Iceland signed a fisheries pact in Reykjavik last week, ending a decade of quarrels "
            "over quotas.",
            "Norway gets access to the northern grounds, while Iceland keeps control of the spawning areas. The "
            "European Union watched from the sidelines, and its fleets lose out.",
            "The pact is a modest step. Oslo now wants a wider accord covering the Barents Sea, and Reykjavik is wary "
            "of Brussels. Coastal communities on both sides welcomed the news.",
        ],
    )
    paragraphs, spans, index, headings, found = _parts(source)
    # the bundled weights with a low threshold, so that the model surely adds some
    model = ranking.Model(ranking.load_model().weights, 0.2)
    ranked = ranking.rank(paragraphs, spans, index, headings, found, model=model)
    added = [f for f in ranked if f.cue == "ranked"]
    assert added
    for f in ranked:
        assert f.stance
        ((start, end),) = f.spans
        assert (start, end) in spans[f.paragraph]  # a whole sentence of its paragraph
    # and the bundled model through `suggest`: every suggestion verbatim, with a stance
    for p in to_json(source, suggest(source, join=False))["positions"]:
        assert p["stance"]
        assert any(p["evidence"][0] in para for para in source.paragraphs)


@pytest.mark.parametrize(
    ("paragraph", "pronoun", "stance"),
    [
        # the stance of a position added for it is what the actor did, without the pronoun
        (
            "Moldova closed its northern border in May. Since then, it is quietly expelling diplomats and "
            "recalled its ambassador. Officials say little.",
            "it",
            "is quietly expelling diplomats",
        ),
        # a possessive keeps the whole sentence: "new ruler may ..." alone reads badly
        (
            "Moldova buried its old ruler in May. Its new ruler may keep faith with the old ways, for now.",
            "its",
            "its new ruler",
        ),
    ],
)
def test_the_actor_an_opening_pronoun_points_back_to_is_a_candidate(paragraph, pronoun, stance):
    source = Source(title="Border", paragraphs=[paragraph])
    paragraphs, spans, index, headings, found = _parts(source)
    cands = ranking.candidates(paragraphs, spans, index, headings, found)
    pointed = [c for c in cands if c.features.get("pron")]
    assert [(index.actors[c.actor_key].name, c.start) for c in pointed] == [("Moldova", spans[0][1][0])]
    assert pointed[0].features["pron_" + pronoun] == 1.0
    ranked = ranking.rank(
        paragraphs, spans, index, headings, found, model=ranking.Model({"pron": 5.0, "bias": -1.0}, 0.5)
    )
    (added,) = [f for f in ranked if f.cue == "ranked"]
    assert added.stance.lower().startswith(stance)


def _candidates(paragraph: str) -> list[tuple[str, str, dict[str, float]]]:
    """(actor, sentence, features) of each candidate of a one-paragraph source."""
    paragraphs, spans, index, headings, found = _parts(Source(title="T", paragraphs=[paragraph]))
    return [
        (index.actors[c.actor_key].name, paragraph[c.start : c.end], c.features)
        for c in ranking.candidates(paragraphs, spans, index, headings, found)
    ]


def _features_by_actor(paragraph: str) -> dict[str, dict[str, float]]:
    """The candidate features of each actor `paragraph` names (its one sentence)."""
    return {name: features for name, _, features in _candidates(paragraph)}


def test_the_agent_of_a_passive_is_marked():
    cands = _features_by_actor(
        "The dispute pits Morocco against a movement supported by Algeria, and Tunisia is silent."
    )
    assert cands["Algeria"].get("agent") == 1.0  # "supported by Algeria"
    assert cands["Algeria"]["wb_by"] == 1.0
    assert "agent" not in cands["Morocco"]  # "pits Morocco": no passive
    assert cands["Morocco"]["wb_pits"] == 1.0


def test_an_actors_own_stance_noun_is_marked():
    cands = _features_by_actor(
        "There has been no response to Syria’s demand to halt the strikes on Lebanon’s territory."
    )
    assert cands["Syria"].get("poss_stance") == 1.0  # "Syria’s demand"
    assert "poss_stance" not in cands["Lebanon"]  # "Lebanon’s territory": no stance


def _going_on(paragraph: str) -> list[tuple[str, str, float | None]]:
    """(actor, the sentence's first 12 characters, its "qcont" feature) of each candidate of `paragraph`."""
    return [(name, sentence[:12], features.get("qcont")) for name, sentence, features in _candidates(paragraph)]


def test_a_quotation_that_goes_on_is_a_candidate_for_its_speaker():
    cands = _going_on(
        "Lord Vell warned: “Our overseas bases are an invaluable currency. For reasons that are hard to "
        "fathom, the plan risks both of these assets.” The islands lie far from anywhere."
    )
    assert ("Lord Vell", "For reasons ", 1.0) in cands, cands
    # the next sentence is no quotation: nobody's but the author's
    assert [c[0] for c in cands if c[1].startswith("The islands")] == ["The author"], cands


def test_a_quotation_that_goes_on_naming_another_actor_is_still_its_speakers():
    cands = _going_on(
        "Lord Vell warned: “Our overseas bases are an invaluable currency. Ruritania has long wanted them, "
        "and we must not let it have them.”"
    )
    assert ("Lord Vell", "Ruritania ha", 1.0) in cands, cands


def test_the_authors_candidate_weighs_the_sentence_and_the_kind_of_piece_on_its_own():
    reported = _features_by_actor("“The deal is dead,” Lena Osk said on Monday, and Ruritania agreed.")["The author"]
    argued = _features_by_actor("We should welcome the deal, whatever Ruritania thinks of it.")["The author"]
    assert reported["au_reported"] == 1.0  # every sentence reports what someone said: a news report
    assert reported["au_quoted"] == 1.0
    assert argued["au_reported"] == 0.0
    assert argued["au_first"] == 1.0  # the author writes in the first person: a commentary
    assert argued["au_s_modal"] == argued["s_modal"] == 1.0  # the sentence's features, the author's own copy
    assert {"au_w_welcome", "au_w_deal"} <= argued.keys()  # and its words
    assert "au_w_the" not in argued
    assert not [
        k
        for k in _features_by_actor("We should welcome the deal, whatever Ruritania thinks of it.")["Ruritania"]
        if k.startswith("au_")
    ]


def test_how_an_actor_stands_in_the_sentence_is_crossed_with_what_the_sentence_is():
    cands = _features_by_actor("Norway said: “We must never give up the islands to Iceland.”")
    assert cands["Norway"]["x_subj_s_quote"] == 1.0  # the subject of a quotation
    assert cands["Norway"]["x_subj_kind_state"] == 1.0
    assert not [k for k in cands["Iceland"] if k.startswith("x_subj")]  # not the subject
    assert cands["Iceland"]["x_prep_s_modal"] == 1.0  # after a preposition, in a sentence with "must"
    assert not [k for k in cands["The author"] if k.startswith("x_")]


def test_a_state_in_a_persons_title_is_marked():
    cands = _features_by_actor("US Secretary of State Marco Rubio said the onus was now on Russia.")
    assert cands["United States"].get("titled") == 1.0  # Rubio speaks, not his state
    assert "titled" not in cands["Marco Rubio"]
    assert "titled" not in cands["Russia"]
    cands = _features_by_actor("Ruritania and Marco Rubio agreed on the text.")
    assert "titled" not in cands["Ruritania"]  # "and": two actors, not a title
    cands = _features_by_actor("Last week, NATO hosted both Ambassador Marco Rubio and his deputy.")
    assert "titled" not in cands["North Atlantic Treaty Organization"]  # a verb between: no title
    cands = _features_by_actor("Poland's president Karol Nawrocki is satisfied.")
    assert cands["Poland"].get("titled") == 1.0


def test_a_long_article_has_its_own_threshold(tmp_path):
    model = ranking.load_model()
    assert model.long_threshold is not None
    assert model.long_words > 0
    assert model.threshold_for(model.long_words - 1) == model.threshold
    assert model.threshold_for(model.long_words) == model.long_threshold
    bad = json.loads(ranking.model_path().read_text(encoding="utf-8"))
    bad["long_article"]["threshold"] = 1.5
    (tmp_path / "bad.json").write_text(json.dumps(bad), encoding="utf-8")
    assert ranking.load_model(tmp_path / "bad.json") is None
    del bad["long_article"]
    (tmp_path / "old.json").write_text(json.dumps(bad), encoding="utf-8")
    old = ranking.load_model(tmp_path / "old.json")  # a model without one: one threshold for every length
    assert old.threshold_for(10**6) == old.threshold


def test_both_countries_are_candidates_for_the_two_named_last():
    joint = sorted(
        name
        for name, _, features in _candidates(
            "Sudan was not invited. Ethiopia met Kenya in Nairobi, and Kenya proposed a joint patrol. "
            "Both countries agreed to reopen the border crossings."
        )
        if features.get("joint")
    )
    assert joint == ["Ethiopia", "Kenya"], joint


def test_a_threshold_decides(sample):
    paragraphs, spans, index, headings, found = _parts(sample)
    model = ranking.load_model()
    keep_all = ranking.Model(model.weights, 0.0001)
    keep_none = ranking.Model(model.weights, 0.9999)
    everything = ranking.rank(paragraphs, spans, index, headings, found, model=keep_all)
    nothing_new = ranking.rank(paragraphs, spans, index, headings, found, model=keep_none)
    assert len(everything) > len(nothing_new)
    assert {id(f) for f in nothing_new} <= {id(f) for f in found}


def test_an_interview_is_left_to_its_speakers():
    source = Source(
        title="t",
        paragraphs=[
            "Paul Haenle: What do you think about Taiwan?",
            "Evan Medeiros: The United States needs to say less and do more.",
        ],
        author="Paul Haenle and Evan Medeiros",
    )
    paragraphs, spans, index, headings, _ = _parts(source)
    assert ranking.candidates(paragraphs, spans, index, headings, []) == []


def test_the_model_file_is_plain_json_of_numbers():
    data = json.loads(ranking.model_path().read_text(encoding="utf-8"))
    assert all(isinstance(v, float | int) for v in data["weights"].values())


def test_run_in_headings_make_no_interview():
    source = Source(
        title="t",
        paragraphs=[
            "Economic Instability: The extension should not be done without sound economic reforms.",
            "Investment Deterrence: A longer term could deter investors and create complacency.",
        ],
    )
    paragraphs, spans, index, headings, _ = _parts(source)
    candidates = ranking.candidates(paragraphs, spans, index, headings, [])
    assert [c.paragraph for c in candidates if c.actor_key == index.author_key] == [0, 1]


def _every_candidate(paragraph: str):
    """The rules' findings and what the model ranks at any score, for an opening sentence and `paragraph`."""
    source = Source(title="t", author="A. Writer", paragraphs=["The talks went on for a week.", paragraph])
    paragraphs, spans, index, headings, found = _parts(source)
    keep_all = ranking.Model(ranking.load_model().weights, 0.0001)
    return index, found, ranking.rank(paragraphs, spans, index, headings, found, model=keep_all)


def test_an_actor_named_inside_a_clause_keeps_the_whole_sentence_as_its_stance():
    index, _, ranked = _every_candidate(
        "What the summit Norway hosted last week did do was to let Iceland state its case. "
        "Norway then proposed a wider accord on the northern fishing grounds."
    )
    stances = {(index.actors[f.actor_key].name, f.stance[:12]) for f in ranked if f.cue == "ranked"}
    assert ("Norway", "What the sum") in stances, stances  # not "Hosted last week did do was ..."
    assert not [s for a, s in stances if s.startswith("Hosted")], stances


def test_the_model_suggests_no_one_named_after_what_another_actor_did():
    index, found, ranked = _every_candidate(
        "Last week, NATO hosted both Ambassador Lena Osk, Velmora's envoy, and Sir Tomas Brel in a rare "
        "public discussion."
    )
    assert [index.actors[f.actor_key].name for f in found if f.cue == "action"] == [
        "North Atlantic Treaty Organization"
    ]
    named = {index.actors[f.actor_key].name for f in ranked}
    assert "North Atlantic Treaty Organization" not in named  # hosting is the occasion of positions, not one
    assert not named & {"Lena Osk", "Tomas Brel"}, named  # whom NATO hosted


def test_the_model_decides_on_the_agent_of_a_passive_as_on_the_authors_plain_claims():
    source = Source(title="T", paragraphs=["The plan was criticised by Norway as reckless."])
    paragraphs, spans, index, headings, found = _parts(source)
    assert ("Norway", "passive") in [(index.actors[f.actor_key].name, f.cue) for f in found]
    model = ranking.load_model()
    keep_all = ranking.rank(paragraphs, spans, index, headings, found, ranking.Model(model.weights, 0.0001))
    keep_none = ranking.rank(paragraphs, spans, index, headings, found, ranking.Model(model.weights, 0.9999))
    assert "Norway" in [index.actors[f.actor_key].name for f in keep_all]
    assert "Norway" not in [index.actors[f.actor_key].name for f in keep_none]


def test_a_crosshead_quoting_the_text_is_a_heading():
    paragraphs = ["”Must deter”", "“We are delighted.”", "“Peace now,” she said.", "“Who decides?”", "Plain words."]
    assert heading_indices(Source(title="t", paragraphs=paragraphs)) == {0}


def test_an_actor_that_opens_a_clause_after_a_doer_is_that_clauses_subject():
    text = (
        "The talks went on. Lena Osk was reacting to a plan for a 30-day ceasefire, which Norway agreed to "
        "earlier this week after talks with Iceland."
    )
    held = _holders(text)
    assert "Norway" in held, held
    # the agent of a passive and an actor's own offer are no objects of the deed either
    held = _holders("The talks went on. Norway has enacted a new law, a move hailed by the European Union as a reform.")
    assert "European Union" in held, held


def _holders(text: str) -> set[str]:
    """The actors suggested as holding a position in the one-paragraph `text`."""
    source = Source(title="t", paragraphs=[text], author="A. Writer")
    return {p["actor"] for p in to_json(source, suggest(source, join=False))["positions"]}


def _authors(opening: str, paragraph: str) -> list[str]:
    """The evidence of the author's suggestions in a piece of two paragraphs, `opening` and `paragraph`."""
    source = Source(title="t", paragraphs=[opening, paragraph], author="A. Writer")
    return [
        p["evidence"][0] for p in to_json(source, suggest(source, join=False))["positions"] if p["actor"] == "A. Writer"
    ]


def test_a_quotation_goes_on_for_whoever_he_is_and_stops_where_another_speaks():
    paragraphs = [
        "Lena Osk is the envoy. Tomas Brel spoke on Monday.",
        "Since then, Osk has walked back her words. “A deal with Velmora will only be a Brel deal,” she "
        "subsequently wrote on X. “Any final arrangement must end enrichment.”",
        "But Mara Quist said that aid “ought to be rooted in a rational conception of the world.”",
    ]
    source = Source(title="t", paragraphs=paragraphs, author="A. Writer")
    held = [(p["actor"], p["evidence"][0][:14]) for p in to_json(source, suggest(source, join=False))["positions"]]
    assert ("Lena Osk", "“A deal with V") in held, held  # "she subsequently wrote"
    assert ("Lena Osk", "“Any final arr") in held, held  # the quotation goes on
    assert ("Lena Osk", "But Mara Quist") not in held, held  # a new speaker's own words


def test_no_one_named_only_inside_someone_elses_quotation_is_suggested():
    text = (
        "The talks went on. “Norway is doing us a service by squeezing us to spend more on defence,” "
        "Lena Osk said, noting that for years different governments had been irritated."
    )
    held = _holders(text)
    assert "Lena Osk" in held, held
    assert "Norway" not in held, held


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        (
            "The breakthrough is a remarkable achievement given the tensions between Lena Osk and Tomas Brel that "
            "boiled over during their meeting last month.",
            {"Lena Osk", "Tomas Brel"},
        ),
        (
            "After the latest meeting between Lena Osk and Tomas Brel on 8 May, Mara Quist appears to be "
            "positioning the new initiative for after the elections.",
            {"Lena Osk", "Tomas Brel"},
        ),
        ("The opening of a diplomatic track between Norway and Iceland offers an alternative.", {"Iceland"}),
        (
            "Dozens of opposition leaders and activists, including Tomas Brel, were either arrested or assaulted "
            "by the police last year.",
            {"Tomas Brel"},
        ),
        ("After the civil war and the fall of Tomas Brel in 2011, Velmora eventually became divided.", {"Tomas Brel"}),
        ("The crackdown on critics and minority communities at home drew protests.", {"critics"}),
        (
            "The turnaround in Velmora’s international standing since the term of former president Tomas Brel "
            "is remarkable.",
            {"Tomas Brel"},
        ),
    ],
)
def test_no_one_named_only_as_a_side_or_an_item_of_what_the_sentence_is_about_is_suggested(text, topic):
    held = _holders("The talks went on. " + text)
    assert not held & topic, held


@pytest.mark.parametrize(
    ("text", "owner", "person"),
    [
        ("Tomas Brel, Norway’s special envoy, and Mara Quist held talks with Iceland.", "Norway", "Tomas Brel"),
        ("Under Osk’s predecessor, Tomas Brel, who died in May, Velmora kept quiet.", "Osk", "Tomas Brel"),
        ("President Brel's pointman for the region, Lena Osk, is finding this out the hard way.", "Brel", "Lena Osk"),
    ],
)
def test_no_one_named_only_as_the_owner_of_a_persons_title_is_suggested(text, owner, person):
    held = _holders("The talks went on. " + text)
    assert person in held, held
    assert owner not in held, held


@pytest.mark.parametrize(
    ("text", "told"),
    [
        ("The Nordic states must adjust to the military buildup of Velmora and its allies.", "the Nordic states"),
        ("The government and civil society should change the way they look at the conference.", "civil society"),
        ("The Velmora Council stressed that Tomas Brel should still be able to travel to Iceland.", "Tomas Brel"),
        ("The Nordic states shouldn’t think they can deal their way out of the crisis.", "the Nordic states"),
        ("The Nordic states, including Iceland, should be relieved but not reassured.", "the Nordic states"),
    ],
)
def test_no_one_named_only_as_told_what_to_do_is_suggested(text, told):
    held = _holders("The talks went on. " + text)
    assert told not in held, held


@pytest.mark.parametrize(
    ("paragraph", "quoted"),
    [
        (
            "Lena Osk signed the letter on Monday. “We stand ready to expand this list. We will not tolerate these "
            "egregious acts of censorship.”",
            ("“We stand ready", "We will not tolerate"),
        ),
        ("Mara Quist wrote to the court. “This signature is hard to grasp. It is a mistake.”", ("“This", "It is")),
        ("“Any final arrangement must set a framework for peace and stability in the region.”", ("“Any final",)),
        ("“Velmora was unable to use the envoys for its charade, so it sent them home,” Osk believes.", ("“Velm",)),
    ],
)
def test_the_author_holds_no_sentence_of_someone_elses_quotation(paragraph, quoted):
    held = _authors("The talks went on.", paragraph)
    assert "The talks went on." in held
    assert not [e for e in held if e.startswith(quoted)], held


def test_a_german_quotation_closes_where_it_opened():
    paragraph = "The „netting“ of results overlooks much. The consequences for Velmora would be considerable."
    held = _authors("The talks went on.", paragraph)
    assert "The consequences for Velmora would be considerable." in held, held


@pytest.mark.parametrize(
    ("text", "supposed"),
    [
        ("The consequences for Velmora would be considerable if Tomas Brel were to come to power.", "Tomas Brel"),
        ("Experts believe that if Lena Osk loses on the tariffs, the likely measure is a new levy.", "Lena Osk"),
    ],
)
def test_no_one_named_only_in_a_condition_is_suggested(text, supposed):
    held = _holders("The talks went on. " + text)
    assert supposed not in held, held


@pytest.mark.parametrize(
    ("paragraph", "question"),
    [
        ("The stakes? Velmora’s port is the only deep-water harbour on the whole coast.", "The stakes?"),
        ("What’s changed? The thaw has opened the northern route, and Norway now patrols it.", "What’s changed?"),
        ("How did it come to this? For years the coalition in Velmora ignored its own auditors.", "How did it come"),
    ],
)
def test_a_short_question_that_leads_into_the_answer_is_no_claim_of_the_authors(paragraph, question):
    held = _authors("The talks went on for a decade without result.", paragraph)
    assert len(held) == 2, held  # the opening sentence and the answer
    assert not [e for e in held if e.startswith(question)], held


@pytest.mark.parametrize("lead", ["Key takeaways:", "Kystposten with further details:", "Meanwhile, Velmora is happy:"])
def test_a_short_lead_into_a_list_or_quotation_is_no_claim_of_the_authors(lead):
    paragraphs = [
        "The talks went on for a decade without result.",
        lead,
        "Velmora’s port is the only deep-water harbour on the whole coast, and Norway now patrols the route.",
    ]
    source = Source(title="t", paragraphs=paragraphs, author="A. Writer")
    positions = to_json(source, suggest(source, join=False))["positions"]
    held = [p["evidence"][0] for p in positions if p["actor"] == "A. Writer"]
    assert lead not in held, held


@pytest.mark.parametrize(
    ("text", "done_to"),
    [
        (
            "The Velmora Council refused to endorse the motion, accusing Tomas Brel of trying to force changes that "
            "would be unconstitutional.",
            "Tomas Brel",
        ),
        ("The churches waded into the row, imploring Tomas Brel not to collaborate with the far right.", "Tomas Brel"),
        ("The order directs Attorney General Lena Osk to create a task force within 30 days.", "Lena Osk"),
        ("Earlier, a similar fate befell Tomas Brel, the Minister of Infrastructure.", "Tomas Brel"),
        ("Such demands guarantee the failure of diplomacy and force Tomas Brel to shift towards war.", "Tomas Brel"),
        ("After the scandal, Mara Quist abstained from criticizing Tomas Brel and appealed for unity.", "Tomas Brel"),
        ("This followed Norway’s punitive strikes on May 7 against bases in the north.", "Norway"),
        ("Temples were targeted in the chaos that followed Tomas Brel’s departure in attacks.", "Tomas Brel"),
        (
            "Sitting beside Prime Minister Tomas Brel in the Oval Office on Friday, Lena Osk recalled the personal "
            "relationship she believes she has with him.",
            "Tomas Brel",
        ),
    ],
)
def test_no_one_named_only_as_the_object_of_a_verb_is_suggested(text, done_to):
    held = _holders("The talks went on. " + text)
    assert done_to not in held, held


@pytest.mark.parametrize(
    ("paragraph", "theirs"),
    [
        (
            "Tomas Brel spoke to the Velmora parliament on Monday. He said last week that his country’s fate will "
            "be decided in this, the third year of the war.",
            "He said last week",
        ),
        (
            "The Council of Europe has rebuked the signatory states. It called for the court not to be politicized, "
            "and rejected any weakening of the convention itself.",
            "It called for",
        ),
        (
            "Norway spoke first. Indeed, it expressed optimism that current conditions might allow for positive "
            "development in this direction.",
            "Indeed, it expressed",
        ),
    ],
)
def test_the_author_holds_no_view_a_rule_gives_to_the_actor_an_opening_pronoun_stands_for(paragraph, theirs):
    held = _authors("The talks went on.", paragraph)
    assert not [e for e in held if e.startswith(theirs)], held


def test_no_deed_is_given_to_an_actor_named_only_in_a_quotation_that_runs_on_past_the_sentence():
    held = _holders(
        "Home Office minister Lena Osk replied: “The safety and security of Hongkongers in the UK is of the utmost "
        "importance, and the UK will always stand up for the rights of the people of Hong Kong. We will act.”"
    )
    assert "Lena Osk" in held, held
    assert "United Kingdom" not in held, held


@pytest.mark.parametrize(
    "text",
    [
        "Tomas Brel's resignation from the post of Head of the Office will only intensify the crisis.",
        "For more than 40 years, Tomas Brel’s political survival has relied on a potent mix of fearmongering.",
        "Just a few weeks from now, Tomas Brel’s electoral mandate and legitimacy come to an end.",
    ],
)
def test_no_one_named_only_as_the_owner_of_what_befalls_them_is_suggested(text):
    source = Source(title="t", paragraphs=["The talks went on. Tomas Brel spoke. " + text], author="A. Writer")
    positions = to_json(source, suggest(source, join=False))["positions"]
    assert not [p for p in positions if p["actor"] == "Tomas Brel" and p["evidence"][0] == text], positions


@pytest.mark.parametrize(
    "sentence",
    [
        "Here is the full text of the joint declaration signed by Norway and Iceland.",
        "Here’s what we are seeing as the law comes into effect.",
        "But let’s get into some of the substance that is the background for this celebration of unity.",
        "As tensions flare in the north, we sat down with the Velmora expert Mara Quist to discuss the risks.",
        "This piece addresses the war in Velmora.",
        "In a previous post I looked back on my assessments of the war in Velmora.",
        "More on those below.",
    ],
)
def test_a_sentence_that_shows_the_way_through_the_piece_is_no_claim_of_the_authors(sentence):
    held = _authors("The talks went on for a decade without result.", sentence)
    assert sentence not in held, held


def test_no_one_named_only_in_a_roll_of_people_is_suggested():
    roll = (
        "The list includes the former President Tomas Brel, now an MP, several oligarchs – Lena Osk, once a Brel "
        "supporter, the billionaire Mara Quist, the former co-owner of a bank, Jonas Varg and Erik Holt, who fled."
    )
    joint = "Tomas Brel, Lena Osk, Mara Quist, Jonas Varg and Erik Holt signed a letter calling for new talks."
    source = Source(title="t", paragraphs=["The talks went on.", joint, roll], author="A. Writer")
    positions = to_json(source, suggest(source, join=False))["positions"]
    assert not [p for p in positions if p["evidence"][0] == roll and p["actor"] != "A. Writer"], positions
    assert {p["actor"] for p in positions if p["evidence"][0] == joint} >= {"Lena Osk", "Erik Holt"}, positions


@pytest.mark.parametrize(
    ("text", "host", "holder"),
    [
        (
            "On Monday, at the summit hosted by Prime Minister Lena Osk and President Tomas Brel in Oslo, Norway "
            "pressed Velmora to resume talks.",
            "Lena Osk",
            "Norway",
        ),
        (
            "Under his leadership the government, led by Lena Osk’s party, has tightened its grip on the media.",
            None,
            "Lena Osk",
        ),
    ],
)
def test_no_one_named_only_as_who_leads_or_hosts_what_the_sentence_names_is_suggested(text, host, holder):
    source = Source(
        title="t", paragraphs=["The talks went on. Lena Osk and Tomas Brel spoke. " + text], author="A. Writer"
    )
    held = {p["actor"] for p in to_json(source, suggest(source, join=False))["positions"] if p["evidence"][0] == text}
    assert holder in held, held
    assert host not in held, held


@pytest.mark.parametrize(
    ("paragraph", "theirs"),
    [
        ("Velmora aims to increase its influence over the region by promoting stability and trade.", "Velmora aims"),
        ("Experts argue the decision undermines a policy the government has championed for years.", "Experts argue"),
        # or that announces, declares or commits to it
        ("Similarly, Norway decided not to take part in the mission, citing duties overseas.", "Similarly, Norway"),
        ("The Kystposten Group has committed to building five more printing plants in Iceland.", "The Kystposten"),
    ],
)
def test_the_author_holds_no_view_a_rule_gives_to_the_subject_that_says_or_believes_it(paragraph, theirs):
    held = _authors("The talks went on.", paragraph)
    assert not [e for e in held if e.startswith(theirs)], held


@pytest.mark.parametrize(
    "sentence",
    [
        "According to a report in the Kystposten newspaper, Velmora has decided to halt all research voyages.",
        "However, according to one of our interlocutors in EU institutions, there are still good chances for Velmora.",
        "Over 77,500 people, according to figures published by the Velmora Institute, have died in the war.",
    ],
)
def test_the_author_holds_nothing_a_report_or_a_source_says(sentence):
    held = _authors("The talks went on for a decade without result.", sentence)
    assert sentence not in held, held


def test_no_state_named_only_by_its_adjective_outside_the_subject_is_suggested():
    text = "This appears to attest to the damage suffered by Icelandic capacities at the hands of Norway a year ago."
    source = Source(title="t", paragraphs=["The talks went on. Iceland and Norway spoke. " + text], author="A. Writer")
    held = {p["actor"] for p in to_json(source, suggest(source, join=False))["positions"] if p["evidence"][0] == text}
    assert "Iceland" not in held, held


@pytest.mark.parametrize(
    "text",
    [
        "Tomas Brel’s comments set off a fierce reaction in Velmora.",
        "Tomas Brel’s Greenland move exposed a structural weakness.",
        "Tomas Brel’s proclamations have led to a sense among Europeans that the north is at risk.",
    ],
)
def test_no_one_named_only_as_the_owner_of_what_set_off_a_reaction_is_suggested(text):
    source = Source(title="t", paragraphs=["The talks went on. Tomas Brel spoke. " + text], author="A. Writer")
    positions = to_json(source, suggest(source, join=False))["positions"]
    assert not [p for p in positions if p["actor"] == "Tomas Brel" and p["evidence"][0] == text], positions


def test_no_one_named_only_by_the_dateline_is_suggested():
    text = "Oslo: Velmora has finally reacted to Iceland’s ban on the entry of foreign research vessels in its waters."
    source = Source(title="t", paragraphs=["The talks went on. Norway spoke.", text], author="A. Writer")
    held = {p["actor"] for p in to_json(source, suggest(source, join=False))["positions"] if p["evidence"][0] == text}
    assert "Norway" not in held, held


def test_he_opening_a_paragraph_points_back_to_the_subject_of_the_sentence_before():
    source = Source(
        title="Shoal",
        paragraphs=[
            "On Monday, at the summit hosted by Prime Minister Mara Quist in Oslo, President Lena Osk called the "
            "attention of the leaders, including Premier Tomas Brel, to the incidents at sea.",
            "He didn’t name Velmora when he denounced moves to make the shoal a nature reserve.",
        ],
    )
    paragraphs, spans, index, headings, found = _parts(source)
    cands = ranking.candidates(paragraphs, spans, index, headings, found)
    pointed = [index.actors[c.actor_key].name for c in cands if c.features.get("pron")]
    assert pointed == ["Lena Osk"], pointed


@pytest.mark.parametrize(
    "event",
    [
        "Subsequently, a delegation of Velmora’s lawmakers visited Norway and met the coastguard.",
        "Shortly thereafter, news came of reinforcements to the alliance’s northern flank near Velmora.",
        "Eighteen months later, the violence in Velmora has surged well beyond the level of the war years.",
        "Then along came Tomas Brel, tariffs and the threat to the alliance, and things began to look bleak.",
        "Days later, another drone from Velmora drifted into Norway’s airspace over the northern coast.",
        "The next day, the talks in Oslo were broken off and the delegation from Velmora flew home.",
    ],
)
def test_the_next_event_of_a_story_is_no_claim_of_the_authors(event):
    # the model's candidates (a paragraph's closing claim is the rules' to decide)
    held = _authors("The talks went on for a decade without result.", f"The quotas were cut. {event} Talks resumed.")
    assert not [e for e in held if e.startswith(event[:20])], held


@pytest.mark.parametrize(
    "sentence",
    [
        "Tomas Brel of the Nordic Council said the tariff reduction was meaningless.",
        "Lena Osk from Oslo’s Kystposten Institute dismissed the tariff reduction as meaningless, noting that it "
        "changed nothing.",
        "Lena Osk at the Nordic Council warned that the tariff cut was meaningless.",
    ],
)
def test_a_person_speaks_not_the_body_the_person_works_at(sentence):
    source = Source(title="t", paragraphs=["Lena Osk is a fellow. Tomas Brel is a minister.", sentence], author="A. W")
    held = {
        p["actor"] for p in to_json(source, suggest(source, join=False))["positions"] if p["evidence"][0] == sentence
    }
    assert held & {"Lena Osk", "Tomas Brel"}, held
    assert not held & {"Nordic Council", "Kystposten Institute"}, held


@pytest.mark.parametrize(
    "sentence",
    [
        "Norway has blocked every round of the talks on the quotas, notes Lena Osk.",
        "Politically, the Nordic Council has made a statement, Osk thinks.",
    ],
)
def test_a_deed_told_in_the_words_of_whoever_thinks_or_notes_it_is_theirs(sentence):
    source = Source(title="t", paragraphs=["Lena Osk is a fellow in Oslo.", sentence], author="A. Writer")
    held = {
        p["actor"] for p in to_json(source, suggest(source, join=False))["positions"] if p["evidence"][0] == sentence
    }
    assert "Lena Osk" in held, held
    assert not held & {"Norway", "Nordic Council"}, held


@pytest.mark.parametrize(
    "paragraph",
    [
        "The Oslo Times has reported that thousands of workers have already been laid off across Velmora.",
        "Norwegian broadcaster NRK reported on Velmora’s impending offensive in the north.",
    ],
)
def test_an_outlet_that_reports_the_news_holds_no_position(paragraph):
    source = Source(title="t", paragraphs=["Velmora is in crisis.", paragraph], author="A. Writer")
    actors = [p["actor"] for p in to_json(source, suggest(source, join=False))["positions"]]
    assert "Oslo Times" not in actors
    assert "NRK" not in actors


@pytest.mark.parametrize(
    "sentence",
    [
        "According to Mara Quist, director of the Velmora Centre, the scale of the scheme is unlike anything before.",
        "According to the report of the Velmora Agency, some areas of reconstruction are in jeopardy this year.",
    ],
)
def test_what_opens_with_according_to_is_the_sources_not_the_authors(sentence):
    source = Source(title="t", paragraphs=["Velmora is in crisis.", sentence], author="A. Writer")
    positions = to_json(source, suggest(source, join=False))["positions"]
    assert not [p for p in positions if p["actor"] == "A. Writer" and p["evidence"][0] == sentence]


@pytest.mark.parametrize(
    ("paragraph", "actor"),
    [
        ("Tomas Brel met with Iceland’s foreign minister in Oslo on Friday.", "Tomas Brel"),
        ("Velmora’s President Mara Quist and Tomas Brel are now due to meet in Oslo on Monday.", "Tomas Brel"),
        ("Last week, the Velmora Institute hosted both Ambassador Tomas Brel and Mara Quist.", "Velmora Institute"),
        ("On Monday Tomas Brel and Mara Quist, the leaders of Velmora and Norway, are due to meet.", "Mara Quist"),
        ("On Monday Tomas Brel and Mara Quist, the leaders of Velmora and Norway, are due to meet.", "Tomas Brel"),
    ],
)
def test_meeting_visiting_or_hosting_is_no_position(paragraph, actor):
    source = Source(title="t", paragraphs=["Velmora is in crisis.", paragraph], author="A. Writer")
    assert actor not in [p["actor"] for p in to_json(source, suggest(source, join=False))["positions"]]


def test_what_follows_a_meeting_is_still_a_position():
    paragraph = "When Tomas Brel and Mara Quist met, Tomas Brel asked Norway for help on the fishing dispute."
    source = Source(title="t", paragraphs=["Velmora is in crisis.", paragraph], author="A. Writer")
    assert "Tomas Brel" in [p["actor"] for p in to_json(source, suggest(source, join=False))["positions"]]


def test_the_state_in_a_speakers_title_holds_no_position_of_its_own():
    paragraph = "As Norway’s Defence Secretary Tomas Brel put it, Europe must take responsibility for its own security."
    source = Source(title="t", paragraphs=["Velmora is in crisis.", paragraph], author="A. Writer")
    actors = [p["actor"] for p in to_json(source, suggest(source, join=False))["positions"]]
    assert "Tomas Brel" in actors
    assert "Norway" not in actors


def test_the_others_named_beside_an_actor_hold_no_position_of_their_own():
    paragraph = "The Kystposten party and other parties which were in opposition at the time did not support the deal."
    source = Source(title="t", paragraphs=["Velmora is in crisis.", paragraph], author="A. Writer")
    actors = [p["actor"] for p in to_json(source, suggest(source, join=False))["positions"]]
    assert not [a for a in actors if a.lower().startswith("other ")], actors


@pytest.mark.parametrize(
    ("paragraph", "speaker", "said_of"),
    [
        ("Lena Osk said Norway had put all its fruit in one basket by backing the old regime.", "Lena Osk", "Norway"),
        ("The Nordic Council claims Iceland wants an agreement very badly.", "Nordic Council", "Iceland"),
        (
            "Lena Osk told the Kystposten that Tomas Brel faces an uncertain future after the vote.",
            "Lena Osk",
            "Tomas Brel",
        ),
    ],
)
def test_the_model_suggests_no_one_named_only_in_what_the_speaker_who_opens_the_sentence_says(
    paragraph, speaker, said_of
):
    index, found, ranked = _every_candidate(paragraph)
    assert any(index.actors[f.actor_key].name.endswith(speaker) for f in found if f.cue == "verb"), found
    named = {index.actors[f.actor_key].name for f in ranked}
    assert said_of not in named, named


@pytest.mark.parametrize(
    ("paragraph", "own"),
    [
        # the actor's own words, reported, and its own offer stay its own
        ("Lena Osk said Tomas Brel “clarified once again the unshakable policy of his party.”", "Tomas Brel"),
        ("Lena Osk noted Tomas Brel’s offer to continue the talks for another year.", "Tomas Brel"),
    ],
)
def test_what_a_speaker_reports_of_anothers_own_words_or_offer_may_still_be_theirs(paragraph, own):
    index, _, ranked = _every_candidate(paragraph)
    assert own in {index.actors[f.actor_key].name for f in ranked}
