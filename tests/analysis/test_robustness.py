"""Any text gives well-formed suggestions whose evidence is verbatim (property-based)."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefcomposer.analysis import suggest, to_json
from briefcomposer.analysis.lexicon import words
from briefcomposer.core.model import Source

WORDS = st.sampled_from(
    words(
        "Russia NATO the Alliance said that should Ambassador Grushko Sir Malcolm Rifkind agreed believes likely "
        "Moscow U.S. approx. 1.5 million ‘quoted’ “quote” – ; : ( ) [ ] Mr. Dr. Gen. missile defence of and is "
        "Evan Medeiros: I think we need Hizbullah Israel’s the government The West European counterparts . ? ! "
        "\u2011 ﬁ é 2026 — Ukraine crisis sanctions Track II United , States Meanwhile, For Berlin, does not "
        "cannot didn’t Because regime in Tehran EU member states neighbours attempts to This helped has sidelined "
        "pledged Denmark appears view as premier"
    )
)
PARAGRAPH = st.lists(WORDS, min_size=0, max_size=40).map(" ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PARAGRAPH, min_size=0, max_size=6), st.one_of(st.none(), st.just("A. Writer")))
def test_any_text_gives_verbatim_evidence(paragraphs, author):
    source = Source(title="t", paragraphs=paragraphs, author=author)
    data = to_json(source, suggest(source))
    names = {a["name"] for a in data["actors"]}
    issue_ids = {i["id"] for i in data["issues"]}
    for position in data["positions"]:
        assert position["actor"] in names
        assert position["issue"] is None or position["issue"] in issue_ids
        for evidence in position["evidence"]:
            assert evidence.strip()
            assert evidence in paragraphs[position["paragraph"]]
