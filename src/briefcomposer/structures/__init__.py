"""Brief structure templates: which sections a brief has, their guidance and boilerplate.

A structure template is a small JSON file (``NAME.json``) in one of three places:
the built-in `templates/` folder, the user's own folder (where "Save as template"
writes) and any shared folders the user lists (a team drive). Its Word look lives
beside it as ``NAME.docx`` (see `briefcomposer.export`).

    {"format": 1, "name": "uk-briefing-note", "title": "UK briefing note",
     "description": "...", "page_budget": 3, "word_template": "uk-briefing-note.docx",
     "marking": "OFFICIAL", "metadata": {"to": "...", "sender": "..."},
     "sections": [{"key": "summary", "heading": "Summary", "guidance": "...",
                   "word_limit": 100, "boilerplate": ["..."], "table": false}]}

Boilerplate paragraphs may hold Jinja2 placeholders such as ``{{ brief.to }}``; they
are rendered in a sandbox whenever the brief is previewed or exported.

"Save as template" writes a section's paragraphs and bullets in order as ``items``
(format 2), each plain text unless it was boilerplate in the brief, so that an officer's
own words are never filled in or refused as placeholders:

    "items": [{"kind": "text", "text": "Write {{ brief.to }} like this."},
              {"kind": "bullet", "text": "A line to take."},
              {"kind": "text", "text": "{{ brief.sender }}", "boilerplate": true}]

The shared folders are one list for the window and the command line, kept by
`load_shared_folders`/`save_shared_folders` (`briefcomposer.structures.folders`).
"""

from briefcomposer.structures.folders import load_shared_folders, save_shared_folders
from briefcomposer.structures.templates import (
    ItemSpec,
    Origin,
    SectionSpec,
    StructureTemplate,
    find_template,
    list_templates,
    load_template,
    new_brief,
    render_boilerplate,
    save_as_template,
    template_from_brief,
)

__all__ = [
    "ItemSpec",
    "Origin",
    "SectionSpec",
    "StructureTemplate",
    "find_template",
    "list_templates",
    "load_shared_folders",
    "load_template",
    "new_brief",
    "render_boilerplate",
    "save_as_template",
    "save_shared_folders",
    "template_from_brief",
]
