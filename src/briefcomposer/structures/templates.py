"""Load, list, apply and save brief structure templates (see the package docstring)."""

from __future__ import annotations

import copy
import datetime as dt
import enum
import json
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from briefcomposer.atomic import write_atomically
from briefcomposer.core.errors import RuleError, StructureError
from briefcomposer.core.model import Brief, BulletItem, Marking, PositionTableItem, Section, TextItem
from briefcomposer.paths import bundled_dir, user_templates_dir

logger = logging.getLogger(__name__)

# Format 2 added a section's "items" (Save as Template kept paragraphs and bullets apart and
# turned the officer's words into boilerplate). A file is written as format 1 unless it uses
# them, so a team's shared folder stays readable by older installs; an older install refuses a
# format 2 file in words rather than silently dropping its items.
FORMAT = 2
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
MAX_TEMPLATE_BYTES = 1_000_000  # a structure is a few kB; anything bigger is not one of ours


class Origin(enum.Enum):
    BUILT_IN = "built-in"
    USER = "user"
    SHARED = "shared folder"


@dataclass
class ItemSpec:
    """A paragraph or bullet a template puts in a new brief, with the words as written.

    Only text that was boilerplate in the brief it was saved from is filled in
    (``{{ brief.to }}``); the officer's own words stay plain text even when they look like
    a placeholder, and are never checked as one.
    """

    text: str
    kind: str = "text"  # "text" or "bullet", as `Item.kind` in .brief files
    boilerplate: bool = False  # TextItem.boilerplate; a bullet is never boilerplate

    def to_item(self) -> TextItem | BulletItem:
        if self.kind == "bullet":
            return BulletItem(text=self.text)
        return TextItem(text=self.text, boilerplate=self.boilerplate)


@dataclass
class SectionSpec:
    """One section a template gives a new brief."""

    key: str
    heading: str
    guidance: str = ""
    word_limit: int | None = None
    boilerplate: list[str] = field(default_factory=list)
    table: bool = False  # the section starts with a table of positions (actors x issues)
    bullets: bool = False  # boilerplate paragraphs are bullets
    # After the boilerplate: paragraphs and bullets in order, each marked plain or boilerplate.
    # "Save as Template" writes these; `boilerplate` is the short form for templates written by hand.
    items: list[ItemSpec] = field(default_factory=list)


@dataclass
class StructureTemplate:
    name: str
    title: str
    sections: list[SectionSpec]
    description: str = ""
    page_budget: int | None = None
    word_template: str | None = None
    marking: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    origin: Origin = Origin.BUILT_IN
    path: Path | None = None
    # The Word look of the brief a template is made from (`template_from_brief`): copied beside
    # it as NAME.docx when it is saved, so it does not depend on the original being there.
    word_template_source: Path | None = None

    def word_template_path(self) -> Path | None:
        """The .docx beside this template that gives its Word look, if there is one."""
        if self.path is None:
            return None
        candidate = self.path.with_name(self.word_template or f"{self.name}.docx")
        return candidate if candidate.is_file() else None

    def to_dict(self) -> dict:
        fmt = 2 if any(spec.items for spec in self.sections) else 1  # see FORMAT
        data: dict = {"format": fmt, "name": self.name, "title": self.title}
        if self.description:
            data["description"] = self.description
        if self.page_budget is not None:
            data["page_budget"] = self.page_budget
        if self.word_template:
            data["word_template"] = self.word_template
        if self.marking:
            data["marking"] = self.marking
        if self.metadata:
            data["metadata"] = dict(self.metadata)
        data["sections"] = []
        for spec in self.sections:
            s: dict = {"key": spec.key, "heading": spec.heading}
            if spec.guidance:
                s["guidance"] = spec.guidance
            if spec.word_limit is not None:
                s["word_limit"] = spec.word_limit
            if spec.boilerplate:
                s["boilerplate"] = list(spec.boilerplate)
            if spec.table:
                s["table"] = True
            if spec.bullets:
                s["bullets"] = True
            if spec.items:
                s["items"] = [_item_dict(i) for i in spec.items]
            data["sections"].append(s)
        return data


def _item_dict(item: ItemSpec) -> dict:
    data: dict = {"kind": item.kind, "text": item.text}
    if item.boilerplate:
        data["boilerplate"] = True
    return data


# ---------------------------------------------------------------- reading


def parse_template(data: object, origin: Origin = Origin.BUILT_IN, path: Path | None = None) -> StructureTemplate:
    """Build a template from decoded JSON; raise `StructureError` saying what is wrong."""
    where = path.name if path else "template"

    def fail(msg: str) -> StructureError:
        return StructureError(f"{where}: {msg}")

    if not isinstance(data, dict):
        raise fail("not a structure template (expected a JSON object)")
    fmt = data.get("format", FORMAT)
    if not isinstance(fmt, int) or fmt > FORMAT:
        raise fail(f"made by a newer briefcomposer (format {fmt!r}); update the app to use it")
    name = data.get("name")
    if not isinstance(name, str) or not _NAME.match(name):
        raise fail("the name must be lower-case letters, digits and dashes")
    title = _text(data, "title", fail, required=True)
    sections_raw = data.get("sections")
    if not isinstance(sections_raw, list) or not sections_raw:
        raise fail("it lists no sections")
    sections: list[SectionSpec] = []
    keys: set[str] = set()
    for n, raw in enumerate(sections_raw, 1):
        if not isinstance(raw, dict):
            raise fail(f"section {n} is not an object")
        key = _text(raw, "key", fail, required=True)
        if key in keys:
            raise fail(f"the section key {key!r} is used twice")
        keys.add(key)
        limit = raw.get("word_limit")
        if limit is not None and (not isinstance(limit, int) or isinstance(limit, bool) or limit <= 0):
            raise fail(f"section {key!r}: word_limit must be a positive whole number")
        boiler = raw.get("boilerplate", [])
        if not isinstance(boiler, list) or not all(isinstance(b, str) for b in boiler):
            raise fail(f"section {key!r}: boilerplate must be a list of paragraphs")
        for text in boiler:
            try:
                check_boilerplate(text)
            except StructureError as exc:
                raise fail(f"section {key!r}: {exc}") from None
        items = _parse_items(raw.get("items", []), lambda msg, key=key: fail(f"section {key!r}: {msg}"))
        sections.append(
            SectionSpec(
                key=key,
                heading=_text(raw, "heading", fail, required=True),
                guidance=_text(raw, "guidance", fail),
                word_limit=limit,
                boilerplate=list(boiler),
                table=_flag(raw, "table", fail),
                bullets=_flag(raw, "bullets", fail),
                items=items,
            )
        )
    budget = data.get("page_budget")
    if budget is not None and (not isinstance(budget, int) or isinstance(budget, bool) or budget <= 0):
        raise fail("page_budget must be a positive whole number")
    marking = data.get("marking")
    if marking is not None:
        if not isinstance(marking, str):
            raise fail("marking must be a string")
        try:
            Marking.parse(marking)
        except RuleError as exc:
            raise fail(str(exc)) from None
    metadata = data.get("metadata", {})
    if not isinstance(metadata, dict) or not all(k in _META_FIELDS and isinstance(v, str) for k, v in metadata.items()):
        raise fail(f"metadata may only set {', '.join(_META_FIELDS)} to text")
    word_template = data.get("word_template")
    if word_template is not None and (not isinstance(word_template, str) or Path(word_template).name != word_template):
        raise fail("word_template must be a file name beside the template")
    return StructureTemplate(
        name=name,
        title=title,
        sections=sections,
        description=_text(data, "description", fail),
        page_budget=budget,
        word_template=word_template,
        marking=marking,
        metadata=dict(metadata),
        origin=origin,
        path=path,
    )


_META_FIELDS = ("title", "reference", "to", "sender", "contact")


def _parse_items(raw: object, fail) -> list[ItemSpec]:  # type: ignore[no-untyped-def]
    """A section's "items": ``[{"kind": "text", "text": "...", "boilerplate": true}, ...]``."""
    if not isinstance(raw, list):
        raise fail("items must be a list")
    items = []
    for n, entry in enumerate(raw, 1):
        if not isinstance(entry, dict):
            raise fail(f"item {n} is not an object")
        kind = entry.get("kind", "text")
        if kind not in ("text", "bullet"):
            raise fail(f"item {n}: kind must be 'text' or 'bullet'")
        text = entry.get("text")
        if not isinstance(text, str):
            raise fail(f"item {n}: text must be text")
        boilerplate = entry.get("boilerplate", False)
        if not isinstance(boilerplate, bool) or (boilerplate and kind != "text"):
            raise fail(f"item {n}: boilerplate must be true or false, and only a text item can be boilerplate")
        if boilerplate:  # plain text is never rendered, so only boilerplate is checked
            try:
                check_boilerplate(text)
            except StructureError as exc:
                raise fail(f"item {n}: {exc}") from None
        items.append(ItemSpec(text=text, kind=kind, boilerplate=boilerplate))
    return items


def _flag(data: dict, key: str, fail) -> bool:  # type: ignore[no-untyped-def]
    """A true/false field. A string is refused: ``bool("no")`` is True, so ``"table": "no"`` gave a table."""
    value = data.get(key, False)
    if not isinstance(value, bool):
        raise fail(f"section {data.get('key')!r}: {key!r} must be true or false")
    return value


def _text(data: dict, key: str, fail, required: bool = False) -> str:  # type: ignore[no-untyped-def]
    value = data.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise fail(f"{key!r} must be {'non-empty ' if required else ''}text")
    return value


# Parsed templates by (path, origin, content): checking the boilerplate of every template on
# every listing cost ~25 ms a call, and the window lists them often. Reading is cheap. The
# content itself is the key (a few kilobytes): no digest, so no hashlib, which loads OpenSSL
# (2 to 3 ms of the window's start; issue 5).
_parsed: dict[tuple[str, Origin, bytes], StructureTemplate] = {}


def load_template(path: Path, origin: Origin = Origin.BUILT_IN) -> StructureTemplate:
    """Read one template file; raise `StructureError` if it cannot be used."""
    try:
        if path.stat().st_size > MAX_TEMPLATE_BYTES:
            raise StructureError(f"{path.name}: too large to be a structure template")
        raw = path.read_bytes()
        key = (str(path), origin, raw)
        if key in _parsed:
            return copy.deepcopy(_parsed[key])  # callers may change what they get
        data = json.loads(raw)
    except OSError as exc:
        raise StructureError(f"cannot read {path.name}: {exc.strerror or exc}") from exc
    except (ValueError, RecursionError) as exc:
        raise StructureError(f"{path.name}: not valid JSON ({exc})") from exc
    template = parse_template(data, origin, path)
    if len(_parsed) > 256:
        _parsed.clear()
    _parsed[key] = copy.deepcopy(template)
    return template


def template_folders(shared: Sequence[Path] = ()) -> list[tuple[Path, Origin]]:
    """Where templates are looked for, first match winning: built-in, user, then shared."""
    folders = [(bundled_dir("templates"), Origin.BUILT_IN), (user_templates_dir(), Origin.USER)]
    folders += [(Path(p), Origin.SHARED) for p in shared]
    return folders


def list_templates(shared: Sequence[Path] = (), on_problem=None) -> list[StructureTemplate]:  # type: ignore[no-untyped-def]
    """Every usable template, built-in first. Bad files go to `on_problem(error)` and are skipped.

    A name already taken by an earlier folder is skipped too (a user cannot shadow a
    built-in template by accident).
    """
    found: dict[str, StructureTemplate] = {}
    for folder, origin in template_folders(shared):
        for path in _json_files(folder):
            try:
                template = load_template(path, origin)
            except StructureError as exc:
                logger.warning("Skipping template %s: %s", path, exc)
                if on_problem is not None:
                    on_problem(exc)
                continue
            found.setdefault(template.name, template)
    return list(found.values())


def _json_files(folder: Path) -> Iterable[Path]:
    try:
        return sorted(p for p in folder.glob("*.json") if p.is_file())
    except OSError:  # a shared drive that is offline lists nothing
        return []


def find_template(name_or_path: str | Path, shared: Sequence[Path] = ()) -> StructureTemplate:
    """The template named `name_or_path` (or the .json file at that path)."""
    path = Path(name_or_path)
    if path.suffix == ".json" and path.is_file():
        return load_template(path, Origin.USER)
    for template in list_templates(shared):
        if template.name == str(name_or_path):
            return template
    names = ", ".join(t.name for t in list_templates(shared))
    raise StructureError(f"no template named {str(name_or_path)!r} (available: {names})")


# ---------------------------------------------------------------- applying


def new_brief(template: StructureTemplate, today: dt.date | None = None) -> Brief:
    """A new, empty brief with the template's sections, boilerplate and defaults."""
    brief = Brief(template_id=template.name, date=today or dt.date.today())
    for key, value in template.metadata.items():
        setattr(brief, key, value)
    if template.marking:
        brief.marking = Marking.parse(template.marking)
    for spec in template.sections:
        section = Section(key=spec.key, heading=spec.heading, guidance=spec.guidance, word_limit=spec.word_limit)
        if spec.table:
            section.items.append(PositionTableItem())
        for text in spec.boilerplate:
            section.items.append(BulletItem(text=text) if spec.bullets else TextItem(text=text, boilerplate=True))
        section.items += [item.to_item() for item in spec.items]
        brief.sections.append(section)
    return brief


def render_boilerplate(text: str, brief: Brief) -> str:
    """Fill a boilerplate paragraph's placeholders (``{{ brief.to }}``) in a Jinja2 sandbox.

    Only plain placeholders are allowed (see `check_boilerplate`); text that is not
    such a template is returned unchanged: boilerplate never stops a preview or export.
    """
    if "{" not in text:
        return text
    view = _BriefView(brief, empty=EMPTY_FIELD)
    plain = _plain_placeholders(text, view)
    if plain is not None:
        return tidy_empty_fields(plain)
    from jinja2 import TemplateError as JinjaError  # lazily: jinja2 is not needed at start-up

    try:
        check_boilerplate(text)
        return tidy_empty_fields(_sandbox().from_string(text).render(brief=view))
    except (JinjaError, StructureError, RecursionError, MemoryError, TypeError, ValueError):
        logger.info("Boilerplate left as written: %r", text[:80])
        return text


BOILERPLATE_FIELDS = ("title", "reference", "to", "sender", "contact", "date", "marking")
_SAFE_FILTERS = {"upper", "lower", "title", "capitalize", "trim", "default", "e", "escape"}


# Bare ``{{ brief.FIELD }}`` placeholders, the whole of what the built-in templates use.
_PLACEHOLDER = re.compile(r"\{\{\s*brief\.(\w+)\s*\}\}")


def _plain_placeholders(text: str, view: _BriefView | None = None) -> str | None:
    """`text` with bare placeholders filled from `view` (or checked only, when None), else None.

    Written by hand for speed only: importing Jinja2 costs ~0.1 s of the window's start-up,
    and text whose only markup is bare known placeholders renders the same either way.
    Anything else (filters, other syntax, a trailing newline or CR that Jinja2 would
    change) returns None and goes through Jinja2.
    """
    if text.endswith("\n") or "\r" in text:
        return None
    rest = _PLACEHOLDER.sub("", text)
    if "{" in rest or "}" in rest:  # any other brace: let Jinja2 decide what it means
        return None
    if any(m.group(1) not in BOILERPLATE_FIELDS for m in _PLACEHOLDER.finditer(text)):
        return None
    if view is None:
        return text
    return _PLACEHOLDER.sub(lambda m: str(getattr(view, m.group(1))), text)


# What an empty field renders as inside `render_boilerplate`, so that `tidy_empty_fields` can find it
EMPTY_FIELD = "\x00"
_EMPTY_FIELD = re.compile(r"\x00[ \t]*[,;|/·\u2013\u2014-]?[ \t]*|[ \t]*[,;|/·\u2013\u2014-]?[ \t]*\x00")


def says_nothing(text: str) -> bool:
    """Rendered boilerplate with no words left: its fields were empty ("", ", "). The Word output and the
    preview leave such a paragraph out."""
    return not text.strip(" \t\n,.;:-\u2013\u2014")


def tidy_empty_fields(text: str) -> str:
    """`text` rendered with `EMPTY_FIELD` for empty fields, without them: each takes one separator beside
    it along, so "{{ brief.sender }}, {{ brief.contact }}" with no contact reads "Jo Smith", not
    "Jo Smith, ", and with neither comes out empty."""
    return _EMPTY_FIELD.sub("", text).replace(EMPTY_FIELD, "") if EMPTY_FIELD in text else text


def check_boilerplate(text: str) -> None:
    """Raise `StructureError` unless `text` holds only ``{{ brief.FIELD }}`` placeholders.

    Boilerplate arrives in shared template folders, so it is untrusted: loops,
    arithmetic and calls (``{{ 'x' * 10**10 }}``) could hang or exhaust memory even in
    Jinja2's sandbox. Walking the parsed template keeps it to what boilerplate needs.
    """
    if _plain_placeholders(text) is not None:
        return  # plain text and bare known placeholders: nothing for Jinja2 to refuse
    from jinja2 import TemplateSyntaxError, nodes

    try:
        tree = _sandbox().parse(text)
    except TemplateSyntaxError as exc:
        raise StructureError(f"boilerplate {text[:40]!r}: {exc.message}") from None
    allowed = (nodes.Template, nodes.Output, nodes.TemplateData, nodes.Getattr, nodes.Name, nodes.Filter, nodes.Const)
    for node in tree.find_all(nodes.Node):
        if not isinstance(node, allowed):
            raise StructureError(f"boilerplate may only hold placeholders such as {{{{ brief.to }}}}: {text[:40]!r}")
        if isinstance(node, nodes.Name) and node.name != "brief":
            raise StructureError(f"boilerplate names {node.name!r}; only brief.FIELD is known")
        if isinstance(node, nodes.Getattr) and node.attr not in BOILERPLATE_FIELDS:
            raise StructureError(f"boilerplate names brief.{node.attr}; known: {', '.join(BOILERPLATE_FIELDS)}")
        if isinstance(node, nodes.Filter) and node.name not in _SAFE_FILTERS:
            raise StructureError(f"boilerplate uses the filter {node.name!r}, which is not allowed")
        if isinstance(node, nodes.Const) and isinstance(node.value, str) and len(node.value) > 200:
            raise StructureError("boilerplate holds an over-long constant")


_env = None


def _sandbox():  # type: ignore[no-untyped-def]
    global _env
    if _env is None:
        from jinja2.sandbox import SandboxedEnvironment

        _env = SandboxedEnvironment(autoescape=False)
    return _env


class _BriefView:
    """What boilerplate may read of a brief: its metadata as plain strings, nothing else."""

    def __init__(self, brief: Brief, empty: str = "") -> None:
        """`empty` stands for a field with nothing in it."""
        self.title = brief.title or empty
        self.reference = brief.reference or empty
        self.to = brief.to or empty
        self.sender = brief.sender or empty
        self.contact = brief.contact or empty
        self.date = format_date(brief.date) or empty
        self.marking = str(brief.marking) if brief.marking else empty


def format_date(date: dt.date | None) -> str:
    """GOV.UK style: ``29 November 2026`` (no leading zero, no ordinal)."""
    return f"{date.day} {date:%B %Y}" if date else ""


# ---------------------------------------------------------------- save as template


def template_from_brief(
    brief: Brief, name: str, title: str, description: str = "", shared: Sequence[Path] = ()
) -> StructureTemplate:
    """A template of `brief`'s structure and its own words (no source content).

    Text and bullet items are kept in order as `items`, each plain or boilerplate as it was in
    the brief: the officer's own words are not filled in like a placeholder, nor refused as
    one when the template is read. Quotes, positions and issues, which come from sources, are
    left out. A positions table becomes `table` (a new brief has it first in its section).

    The Word template of the brief's own structure (looked for in the built-in, user and
    `shared` folders) goes with it: a template saved from a ministerial submission exported
    with the briefing note's look. A brief whose structure is not installed has none.
    """
    if not _NAME.match(name):
        raise StructureError("a template name must be lower-case letters, digits and dashes")
    if not title.strip():
        raise StructureError("a template needs a title")
    sections = []
    for section in brief.sections:
        items = [_item_spec(i) for i in section.items if isinstance(i, TextItem | BulletItem) and i.text.strip()]
        sections.append(
            SectionSpec(
                key=section.key,
                heading=section.heading,
                guidance=section.guidance,
                word_limit=section.word_limit,
                table=any(isinstance(i, PositionTableItem) for i in section.items),
                items=items,
            )
        )
    if not sections:
        raise StructureError("the brief has no sections to make a template of")
    word_source = None
    if brief.template_id:
        try:
            word_source = find_template(brief.template_id, shared).word_template_path()
        except StructureError:  # not installed here: the brief exports with the default look
            logger.info("No structure %r to take a Word template from", brief.template_id)
    return StructureTemplate(
        name=name,
        title=title,
        description=description,
        sections=sections,
        marking=str(brief.marking) if brief.marking else None,
        metadata={k: getattr(brief, k) for k in ("to", "sender", "contact") if getattr(brief, k)},
        origin=Origin.USER,
        word_template_source=word_source,
    )


def _item_spec(item: TextItem | BulletItem) -> ItemSpec:
    if isinstance(item, BulletItem):
        return ItemSpec(text=item.text, kind="bullet")
    boilerplate = item.boilerplate
    if boilerplate:
        try:
            check_boilerplate(item.text)
        except StructureError:
            # An edited boilerplate paragraph with placeholders that cannot be filled is shown as
            # written (`render_boilerplate`); as plain text it reads the same and the template loads.
            boilerplate = False
    return ItemSpec(text=item.text, kind="text", boilerplate=boilerplate)


def save_as_template(template: StructureTemplate, folder: Path | None = None, overwrite: bool = False) -> Path:
    """Write `template` as ``NAME.json`` into `folder` (default: the user's templates).

    Its `word_template_source`, if any, is copied beside it as ``NAME.docx``. Raises
    `StructureError` for a built-in name, an existing file (either) without `overwrite`, or
    a template that would not load again.
    """
    folder = folder or user_templates_dir()
    if template.name in {t.name for t in list_templates() if t.origin is Origin.BUILT_IN}:
        raise StructureError(f"{template.name!r} is the name of a built-in template; choose another")
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{template.name}.json"
    word_source, word_target = template.word_template_source, target.with_suffix(".docx")
    if word_source is not None and word_target.exists() and word_target.samefile(word_source):
        word_source = None  # saved again over the template it came from: its .docx is in place
    if (target.exists() or (word_source is not None and word_target.exists())) and not overwrite:
        raise StructureError(f"a template named {template.name!r} already exists in {folder}")
    data = template.to_dict()
    if word_source is not None or template.word_template_source is not None:
        data["word_template"] = word_target.name
    # Check it as it will be read: a file that `list_templates` skips would be reported as
    # saved and then never offered in New from Template.
    parse_template(data, Origin.USER, target)
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if word_source is not None:  # first, so that the template never names a missing file
        write_atomically(word_target, word_source.read_bytes())
    write_atomically(target, text.encode("utf-8"))
    template.path = target
    template.word_template = data.get("word_template")
    return target
