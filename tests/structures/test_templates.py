"""Brief structure templates: built-in, user and shared folders; boilerplate; save as template."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefcomposer.core.errors import StructureError
from briefcomposer.core.model import BulletItem, Marking, PositionTableItem, QuoteItem, Source, TextItem
from briefcomposer.paths import user_templates_dir
from briefcomposer.structures import (
    Origin,
    find_template,
    list_templates,
    load_template,
    new_brief,
    render_boilerplate,
    save_as_template,
    template_from_brief,
)
from briefcomposer.structures.templates import EMPTY_FIELD, ItemSpec, check_boilerplate, format_date, tidy_empty_fields

UK_HEADINGS = [
    "Summary",
    "Background",
    "Key issues",
    "Positions",
    "UK objectives",
    "Lines to take",
    "Defensive lines / Q&A",
    "Sources",
    "Contact",
]
SUBMISSION_HEADINGS = [
    "Issue",
    "Recommendation",
    "Timing",
    "Background",
    "Argument and considerations",
    "Legal, financial and presentational considerations",
    "Annexes",
    "Contact",
]


@pytest.mark.parametrize(
    ("name", "headings"), [("uk-briefing-note", UK_HEADINGS), ("ministerial-submission", SUBMISSION_HEADINGS)]
)
def test_built_in_templates_have_their_sections(name, headings):
    template = find_template(name)
    assert template.origin is Origin.BUILT_IN
    assert [s.heading for s in template.sections] == headings
    assert all(s.guidance for s in template.sections)


def test_new_brief_takes_sections_boilerplate_and_defaults():
    template = find_template("uk-briefing-note")
    brief = new_brief(template, today=dt.date(2026, 11, 29))
    assert [s.heading for s in brief.sections] == UK_HEADINGS
    assert str(brief.marking) == "OFFICIAL"
    assert brief.date == dt.date(2026, 11, 29)
    assert isinstance(brief.section_by_key("positions").items[0], PositionTableItem)
    contact = brief.section_by_key("contact").items[0]
    assert isinstance(contact, TextItem)
    assert contact.boilerplate
    brief.sender, brief.contact = "A. Officer", "020 7946 0000"
    assert render_boilerplate(contact.text, brief) == "A. Officer, 020 7946 0000"
    # an empty field takes its separator along, and with neither the paragraph comes out empty
    brief.contact = ""
    assert render_boilerplate(contact.text, brief) == "A. Officer"
    brief.sender, brief.contact = "", "020 7946 0000"
    assert render_boilerplate(contact.text, brief) == "020 7946 0000"
    brief.contact = ""
    assert render_boilerplate(contact.text, brief) == ""
    assert render_boilerplate("{{ brief.sender | upper }}, {{ brief.contact }}", brief) == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("To: {{ brief.to }}", "To: Head of Policy"),
        ("{{ brief.to | upper }}", "HEAD OF POLICY"),
        ("{{ brief.date }}", "29 November 2026"),
        ("{{ brief.marking }}", "OFFICIAL-SENSITIVE"),
        ("no placeholders & <tags>", "no placeholders & <tags>"),
        ("{{ broken", "{{ broken"),
        ("{{ brief.__class__ }}", "{{ brief.__class__ }}"),
        ("{{ ''.__class__.__mro__ }}", "{{ ''.__class__.__mro__ }}"),
        ("{% for i in range(99999) %}{% for j in range(99999) %}x{% endfor %}{% endfor %}", None),
        ("{{ 'x' * 10**10 }}", "{{ 'x' * 10**10 }}"),
        ("{{ lipsum.__globals__.os.popen('id').read() }}", "{{ lipsum.__globals__.os.popen('id').read() }}"),
    ],
)
def test_boilerplate_renders_only_plain_placeholders(text, expected):
    brief = new_brief(find_template("uk-briefing-note"), today=dt.date(2026, 11, 29))
    brief.to, brief.marking = "Head of Policy", Marking(sensitive=True)
    assert render_boilerplate(text, brief) == (text if expected is None else expected)


@pytest.mark.parametrize("text", ["{% if 1 %}x{% endif %}", "{{ os }}", "{{ brief.id }}", "{{ brief.to | attr('x') }}"])
def test_check_boilerplate_refuses_more_than_placeholders(text):
    with pytest.raises(StructureError):
        check_boilerplate(text)


@pytest.mark.parametrize(
    ("date", "text"), [(dt.date(2026, 11, 29), "29 November 2026"), (dt.date(2027, 1, 3), "3 January 2027"), (None, "")]
)
def test_format_date_is_gov_uk_style(date, text):
    assert format_date(date) == text


def _write(folder, name, data):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
    return path


GOOD = {"format": 1, "name": "team-note", "title": "Team note", "sections": [{"key": "a", "heading": "A"}]}

BAD_TEMPLATES = [
    ("not json {", "not valid JSON"),
    ([1, 2], "expected a JSON object"),
    ({**GOOD, "format": 9}, "newer briefcomposer"),
    ({**GOOD, "name": "Bad Name"}, "lower-case"),
    ({**GOOD, "sections": []}, "no sections"),
    ({**GOOD, "sections": [{"key": "a", "heading": "A"}, {"key": "a", "heading": "B"}]}, "used twice"),
    ({**GOOD, "sections": [{"key": "a", "heading": "A", "word_limit": 0}]}, "word_limit"),
    ({**GOOD, "sections": [{"key": "a", "heading": "A", "table": "no"}]}, "'table' must be true or false"),
    ({**GOOD, "sections": [{"key": "a", "heading": "A", "bullets": 1}]}, "'bullets' must be true or false"),
    (
        {**GOOD, "sections": [{"key": "a", "heading": "A", "boilerplate": ["{% for x in y %}{% endfor %}"]}]},
        "placeholders",
    ),
    ({**GOOD, "marking": "RESTRICTED"}, "not a marking"),
    ({**GOOD, "metadata": {"id": "x"}}, "metadata"),
    ({**GOOD, "word_template": "../../etc/passwd"}, "file name"),
    ({**GOOD, "sections": [{"key": "a", "heading": "A", "items": "Say this."}]}, "items must be a list"),
    ({**GOOD, "sections": [{"key": "a", "heading": "A", "items": [{"kind": "quote", "text": "x"}]}]}, "kind"),
    ({**GOOD, "sections": [{"key": "a", "heading": "A", "items": [{"kind": "text"}]}]}, "text must be text"),
    (
        {**GOOD, "sections": [{"key": "a", "heading": "A", "items": [{"text": "x", "boilerplate": "yes"}]}]},
        "true or false",
    ),
    (
        {
            **GOOD,
            "sections": [{"key": "a", "heading": "A", "items": [{"kind": "bullet", "text": "x", "boilerplate": True}]}],
        },
        "only a text item",
    ),
    (
        {**GOOD, "sections": [{"key": "a", "heading": "A", "items": [{"text": "{{ x }}", "boilerplate": True}]}]},
        "names 'x'",
    ),
]


@pytest.mark.parametrize(("data", "message"), BAD_TEMPLATES)
def test_bad_template_files_raise_clear_errors(tmp_path, data, message):
    path = _write(tmp_path, "bad.json", data)
    with pytest.raises(StructureError, match=message):
        load_template(path)


def test_list_includes_user_and_shared_folders_and_skips_bad_files(tmp_path):
    _write(user_templates_dir(), "mine.json", {**GOOD, "name": "mine", "title": "Mine"})
    shared = tmp_path / "team"
    _write(shared, "team-note.json", GOOD)
    _write(shared, "broken.json", "{")
    _write(shared, "uk-briefing-note.json", {**GOOD, "name": "uk-briefing-note", "title": "Impostor"})
    problems = []
    templates = {t.name: t for t in list_templates([shared], on_problem=problems.append)}
    assert templates["mine"].origin is Origin.USER
    assert templates["team-note"].origin is Origin.SHARED
    assert templates["uk-briefing-note"].title == "UK briefing note"  # a shared file cannot shadow a built-in
    assert len(problems) == 1
    assert "broken.json" in str(problems[0])


def test_missing_shared_folder_lists_built_ins(tmp_path):
    names = {t.name for t in list_templates([tmp_path / "offline-drive"])}
    assert {"uk-briefing-note", "ministerial-submission"} <= names


def test_unknown_template_lists_the_available_ones():
    with pytest.raises(StructureError, match="uk-briefing-note"):
        find_template("no-such-template")


def test_save_as_template_keeps_structure_and_own_words_only(tmp_path):
    brief = new_brief(find_template("uk-briefing-note"))
    source = Source("Article", ["Secret source text that must not leak."])
    brief.sources.append(source)
    brief.sender, brief.marking = "A. Officer", Marking(sensitive=True)
    summary = brief.section_by_key("summary")
    summary.items += [TextItem(text="Our standard opening."), QuoteItem(excerpt=source.excerpt(0, 0, 6))]
    template = template_from_brief(brief, "my-note", "My note", "For the Russia desk")
    path = save_as_template(template)
    assert path.parent == user_templates_dir()
    assert "Secret source" not in path.read_text("utf-8")
    loaded = find_template("my-note")
    assert loaded.origin is Origin.USER
    assert loaded.sections[0].items == [ItemSpec("Our standard opening.")]  # plain text, not boilerplate
    assert loaded.marking == "OFFICIAL-SENSITIVE"
    assert loaded.metadata == {"sender": "A. Officer"}
    again = new_brief(loaded)
    assert [s.heading for s in again.sections] == UK_HEADINGS
    assert isinstance(again.section_by_key("positions").items[0], PositionTableItem)


def _round_trip(brief, tmp_path, name="velmora-note"):
    """`brief` saved as a template into `tmp_path`, read back and made into a new brief."""
    save_as_template(template_from_brief(brief, name, "Velmora note"), tmp_path)
    return new_brief(load_template(tmp_path / f"{name}.json", Origin.USER))


def _texts(section):
    return [(type(i).__name__, i.text, getattr(i, "boilerplate", None)) for i in section.items]


def test_saved_template_with_template_syntax_in_a_plain_paragraph_loads(tmp_path):
    """The officer's own words may mention ``{{ x }}`` or ``{% if %}``: they are not boilerplate, so
    nothing checks them as placeholders (the saved template was refused when read, and never listed)."""
    brief = new_brief(find_template("uk-briefing-note"))
    texts = ["Use the form {{ x }} for variables.", "Lena Osk writes {% if draft %} by hand.", "A stray {{ brace."]
    brief.section_by_key("summary").items[:] = [TextItem(text=t) for t in texts]
    again = _round_trip(brief, tmp_path)
    assert _texts(again.section_by_key("summary")) == [("TextItem", t, False) for t in texts]


def test_saved_template_keeps_paragraphs_and_bullets_in_order(tmp_path):
    brief = new_brief(find_template("uk-briefing-note"))
    items = [
        TextItem(text="Para one."),
        BulletItem(text="Bullet one."),
        TextItem(text="Para two."),
        BulletItem(text="Bullet two."),
    ]
    brief.section_by_key("summary").items[:] = items
    again = _round_trip(brief, tmp_path)
    assert _texts(again.section_by_key("summary")) == _texts(brief.section_by_key("summary"))


def test_saved_template_keeps_plain_text_plain_and_boilerplate_boilerplate(tmp_path):
    """Only a paragraph that was boilerplate in the brief is filled in; the officer's example of a
    placeholder stays as typed (it came back as boilerplate and read "Write Lena Osk ...")."""
    brief = new_brief(find_template("uk-briefing-note"))
    brief.section_by_key("summary").items[:] = [TextItem(text="Write {{ brief.to }} to address the reader.")]
    again = _round_trip(brief, tmp_path)
    assert _texts(again.section_by_key("summary")) == [
        ("TextItem", "Write {{ brief.to }} to address the reader.", False)
    ]
    assert _texts(again.section_by_key("contact")) == [("TextItem", "{{ brief.sender }}, {{ brief.contact }}", True)]


def test_saved_template_keeps_edited_boilerplate_that_cannot_be_filled_as_plain_text(tmp_path):
    """Boilerplate edited to name an unknown field is shown as written; saved as boilerplate it made
    the template unloadable, so it is saved as the plain text it reads as."""
    brief = new_brief(find_template("uk-briefing-note"))
    contact = brief.section_by_key("contact")
    contact.items[0].text = "{{ brief.sender }} at {{ velmora.desk }}"
    again = _round_trip(brief, tmp_path)
    assert _texts(again.section_by_key("contact")) == [("TextItem", "{{ brief.sender }} at {{ velmora.desk }}", False)]


def test_saved_template_is_written_in_the_first_format_unless_it_has_items(tmp_path):
    """Older installs sharing a team folder still read a template without items, and refuse one with
    items in words (format 2) instead of dropping them."""
    brief = new_brief(find_template("uk-briefing-note"))
    for section in brief.sections:
        section.items = [i for i in section.items if isinstance(i, PositionTableItem)]
    assert json.loads(save_as_template(template_from_brief(brief, "bare", "Bare"), tmp_path).read_text())["format"] == 1
    brief.sections[0].items.append(TextItem(text="Lena Osk's opening."))
    assert json.loads(save_as_template(template_from_brief(brief, "full", "Full"), tmp_path).read_text())["format"] == 2


def test_saved_template_keeps_the_word_template_of_the_brief_it_came_from():
    """A template saved from a ministerial submission exported with the briefing note's Word look:
    the .docx is copied beside the saved template, so it is found without the original."""
    import io

    import docx

    from briefcomposer.export.docx_writer import default_template, export_bytes

    submission = find_template("ministerial-submission")
    original = new_brief(submission)
    path = save_as_template(template_from_brief(original, "velmora-submission", "Velmora"))
    loaded = find_template("velmora-submission")
    assert loaded.word_template == "velmora-submission.docx"
    assert loaded.word_template_path() == path.with_name("velmora-submission.docx")
    again = new_brief(loaded)
    assert default_template(again).read_bytes() == submission.word_template_path().read_bytes()

    def title_block(brief):
        return [p.text for p in docx.Document(io.BytesIO(export_bytes(brief, in_process=True))).paragraphs][:2]

    assert title_block(again) == title_block(original) == ["Submission", "To\tMinister"]


def test_saved_template_keeps_a_word_template_from_a_shared_folder(tmp_path):
    shared = tmp_path / "team"
    _write(shared, "team-note.json", GOOD)
    (shared / "team-note.docx").write_bytes(b"Lena Osk's Word look")
    brief = new_brief(load_template(shared / "team-note.json", Origin.SHARED))
    path = save_as_template(template_from_brief(brief, "mine", "Mine", shared=[shared]), tmp_path / "mine")
    assert load_template(path, Origin.USER).word_template_path().read_bytes() == b"Lena Osk's Word look"


def test_saved_template_without_a_word_template_copies_none(tmp_path):
    """A brief whose structure is not installed here exports with the default look; so does its template."""
    brief = new_brief(find_template("uk-briefing-note"))
    brief.template_id = "velmora-gone"
    path = save_as_template(template_from_brief(brief, "mine", "Mine"), tmp_path)
    assert load_template(path, Origin.USER).word_template_path() is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.json"]


def test_save_as_template_does_not_replace_a_word_file_of_the_same_name_unasked(tmp_path):
    (tmp_path / "mine.docx").write_bytes(b"hand-made")
    brief = new_brief(find_template("ministerial-submission"))
    with pytest.raises(StructureError, match="already exists"):
        save_as_template(template_from_brief(brief, "mine", "Mine"), tmp_path)
    assert (tmp_path / "mine.docx").read_bytes() == b"hand-made"
    assert not (tmp_path / "mine.json").exists()
    save_as_template(template_from_brief(brief, "mine", "Mine"), tmp_path, overwrite=True)
    assert load_template(tmp_path / "mine.json", Origin.USER).word_template_path().read_bytes() != b"hand-made"


def test_templates_in_the_first_format_still_load_their_boilerplate(tmp_path):
    data = {
        **GOOD,
        "sections": [
            {"key": "a", "heading": "A", "boilerplate": ["To {{ brief.to }}"]},
            {"key": "b", "heading": "B", "boilerplate": ["Say this."], "bullets": True},
        ],
    }
    brief = new_brief(load_template(_write(tmp_path, "team-note.json", data)))
    assert _texts(brief.sections[0]) == [("TextItem", "To {{ brief.to }}", True)]
    assert _texts(brief.sections[1]) == [("BulletItem", "Say this.", None)]


def test_save_as_template_refuses_built_in_names_and_overwrites(tmp_path):
    brief = new_brief(find_template("uk-briefing-note"))
    with pytest.raises(StructureError, match="built-in"):
        save_as_template(template_from_brief(brief, "uk-briefing-note", "X"))
    save_as_template(template_from_brief(brief, "mine", "Mine"), tmp_path)
    with pytest.raises(StructureError, match="already exists"):
        save_as_template(template_from_brief(brief, "mine", "Mine"), tmp_path)
    save_as_template(template_from_brief(brief, "mine", "Mine 2"), tmp_path, overwrite=True)
    assert load_template(tmp_path / "mine.json").title == "Mine 2"


# The fast path for bare placeholders must render exactly what Jinja2 renders.
_PIECES = [
    "{{ brief.to }}",
    "{{brief.sender}}",
    "{{  brief.title  }}",
    "{{ brief.date }}",
    "{{ brief.marking }}",
    "{{ brief.nope }}",
    "{{ brief.to|upper }}",
    "{{- brief.to }}",
    "{% if x %}",
    "{# note #}",
    "{",
    "}}",
    "{ {",
    "Dear ",
    ", ",
    "\n",
    "\r\n",
    " ",
    "£ & <b>",
]


@given(st.lists(st.sampled_from(_PIECES), max_size=6))
@settings(max_examples=300, deadline=None)
def test_bare_placeholders_render_as_jinja_renders_them(pieces):
    from jinja2 import TemplateError

    from briefcomposer.structures.templates import _BriefView, _plain_placeholders, _sandbox

    brief = new_brief(find_template("uk-briefing-note"), today=dt.date(2026, 11, 29))
    brief.to = "Minister {{ x }}"
    brief.sender = "A. Officer"
    brief.title = "Title & <more>"
    brief.marking = Marking.parse("OFFICIAL-SENSITIVE")
    text = "".join(pieces)
    fast = _plain_placeholders(text, _BriefView(brief))
    if fast is None:
        return  # goes through Jinja2 itself
    try:
        expected = _sandbox().from_string(text).render(brief=_BriefView(brief))
    except TemplateError:
        pytest.fail(f"the fast path rendered {text!r}, which Jinja2 refuses")
    assert fast == expected
    # the officer's text goes through the same renderer, with empty fields and a separator beside each
    # taken out
    marked = _sandbox().from_string(text).render(brief=_BriefView(brief, empty=EMPTY_FIELD))
    assert render_boilerplate(text, brief) == tidy_empty_fields(marked)
    check_boilerplate(text)  # and it is accepted
