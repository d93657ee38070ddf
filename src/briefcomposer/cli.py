"""The command line: ``briefcomposer [gui|new|analyse|export|templates] ...``.

It drives the same core as the GUI, headless. Qt is imported only by `gui`.
Errors that the program explains exit 1 with one line on stderr
(``briefcomposer: error: ...``); ``--debug`` adds the traceback. Usage errors exit 2.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from briefcomposer import __version__

logger = logging.getLogger("briefcomposer")

PROG = "briefcomposer"


class CommandError(Exception):
    """A failure of a command, explained in one line."""


TEMPLATE_PATH_ENV = "BRIEFCOMPOSER_TEMPLATE_PATH"


def _env_folders() -> list[Path] | None:
    """The folders of ``BRIEFCOMPOSER_TEMPLATE_PATH``, or None when it is not set (or empty)."""
    folders = [Path(p) for p in os.environ.get(TEMPLATE_PATH_ENV, "").split(os.pathsep) if p]
    return folders or None


def _shared_folders(args: argparse.Namespace) -> list[Path]:
    """The shared template folders: ``--templates-dir`` if given, else the environment, else the saved list."""
    given = [Path(p) for p in getattr(args, "templates_dir", None) or []]
    if given:
        return given
    env = _env_folders()
    if env is not None:
        return env
    from briefcomposer.structures.folders import load_shared_folders

    return load_shared_folders()


def _load_sources(args: argparse.Namespace) -> list:
    from briefcomposer import sources

    if args.sample:
        return [sources.load_sample()]
    loaded = []
    for name in args.source or []:
        problems: list[str] = []
        loaded.append(sources.load(Path(name), on_problem=problems.append))
        for problem in problems:
            print(f"{PROG}: warning: {Path(name).name}: {problem}", file=sys.stderr)
    return loaded


# ---------------------------------------------------------------- commands


def has_display() -> bool:
    """False on a Linux or BSD machine with no X11 or Wayland display and no Qt platform chosen."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return True  # Windows and macOS always have a screen session for a desktop app
    return any(os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


# What the window needs at start-up that does not use Qt, imported before PySide6. Importing
# PySide6 installs an import hook that reads the source of each module named by an import
# statement run after it, to see whether it mentions PySide6: what these modules import
# themselves is then never read (~20 ms of each start, issue 5).
_BEFORE_QT = (
    "briefcomposer.compose",
    "briefcomposer.core.model",
    "briefcomposer.core.brief_ops",
    "briefcomposer.export.context",
    "briefcomposer.export.pdf",
    "briefcomposer.gui.preview",
    "briefcomposer.gui.recovery",
    "briefcomposer.sources.text",
    "briefcomposer.structures.templates",
    "briefcomposer.suggestion_cache",
    "contextlib",
    "copy",
    "tempfile",
    "threading",
)


def _import_before_qt() -> None:
    import importlib

    for name in _BEFORE_QT:
        importlib.import_module(name)


def _skip_pyside_source_scan() -> None:
    """Tell PySide6's import hook that the modules imported so far do not use Qt, before it reads them.

    After PySide6 is imported, each import statement naming a module the hook has not classified
    yet makes it read that module's whole source to look for "PySide6", even when the module was
    loaded long before (``logging``, ``typing``, ``__future__``, the core modules...): 7 ms of each
    start for 66 modules (issue 5). Everything imported before this point was imported before Qt
    and does not use it. The hook keeps its findings in ``__feature__.pyside_feature_dict``, which
    PySide6 publishes: -1 there is its own verdict for a module that never names PySide6, and the
    value only matters to a module that selects a feature (``from __feature__ import snake_case``),
    which none of ours does. The modules of `briefcomposer.gui`, still to come, all use Qt: 0, the
    hook's verdict for them (another 1.5 ms). Anything this does not find is left to the hook.
    """
    import PySide6  # noqa: F401  # installs the hook and `__feature__`

    verdicts = getattr(sys.modules.get("__feature__"), "pyside_feature_dict", None)
    if not isinstance(verdicts, dict):
        return
    for name in list(sys.modules):
        if not name.startswith(("PySide6", "shiboken6", "shibokensupport")):
            verdicts.setdefault(name, -1)
    gui = Path(__file__).with_name("gui")
    for folder, _, files in os.walk(gui):
        package = ".".join(("briefcomposer", *Path(folder).relative_to(gui.parent).parts))
        for file in files:
            if file.endswith(".py"):
                verdicts.setdefault(package if file == "__init__.py" else f"{package}.{file[:-3]}", 0)


def cmd_gui(args: argparse.Namespace) -> int:
    if not has_display() and not args.screenshot:
        raise CommandError(
            "no display to open the window on; use the command line instead, "
            "e.g. `briefcomposer export --sample -o brief.docx`"
        )
    if args.screenshot and not has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a screenshot needs no screen
    import gc

    # Start-up imports thousands of functions and classes and frees almost nothing: the cyclic
    # collector would only walk them, over and over (about 80 passes, ~9 ms of each start; issue 5).
    # `gui.app.run` turns it back on once the window is on screen.
    gc.disable()
    _import_before_qt()
    _skip_pyside_source_scan()  # with `gui.app`, the only places the command line imports Qt
    from briefcomposer.gui.app import run

    kwargs = {"screenshot": Path(args.screenshot)} if args.screenshot else {}
    try:
        return run(path=Path(args.file) if args.file else None, sample=args.sample, **kwargs)
    finally:
        # The window has closed (it saved what it had to) and the process ends next. Freezing
        # the heap spares the interpreter's last garbage collections, which would walk every
        # object the window made only for the OS to free them anyway (~70 ms at exit; issue 5).
        gc.freeze()


def cmd_new(args: argparse.Namespace) -> int:
    from briefcomposer import storage
    from briefcomposer.compose import brief_from_sources
    from briefcomposer.structures import find_template

    if not args.sample and not args.source:
        raise CommandError("give at least one --source FILE, or --sample")
    template = find_template(args.template, _shared_folders(args))
    brief = brief_from_sources(template, _load_sources(args), analyse=not args.no_analyse, draft=args.draft)
    out = Path(args.output)
    if out.exists() and not args.force:
        raise CommandError(f"{out} already exists (use --force to replace it)")
    storage.save(brief, out)
    print(
        f"Wrote {out}: {len(brief.sections)} sections, {len(brief.sources)} source(s), "
        f"{len(brief.actors)} actors, {len(brief.issues)} issues, {len(brief.positions)} positions"
    )
    return 0


def cmd_templates_list(args: argparse.Namespace) -> int:
    from briefcomposer.structures import list_templates

    problems: list[Exception] = []
    templates = list_templates(_shared_folders(args), on_problem=problems.append)
    if args.json:
        rows = [
            {"name": t.name, "title": t.title, "origin": t.origin.value, "description": t.description}
            for t in templates
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        width = max((len(t.name) for t in templates), default=4)
        twidth = max((len(t.title) for t in templates), default=5)
        print(f"{'NAME':<{width}}  {'TITLE':<{twidth}}  ORIGIN")
        for t in templates:
            print(f"{t.name:<{width}}  {t.title:<{twidth}}  {t.origin.value}")
    for problem in problems:
        print(f"{PROG}: warning: skipped {problem}", file=sys.stderr)
    return 0


def cmd_templates_folders(args: argparse.Namespace) -> int:
    from briefcomposer.structures.folders import load_shared_folders, save_shared_folders

    folders = load_shared_folders()
    if args.add or args.remove:
        for name in args.add or []:
            folder = Path(name).expanduser().resolve()
            if not folder.is_dir():
                raise CommandError(f"no folder at {folder}")
            if folder not in folders:
                folders.append(folder)
        for name in args.remove or []:
            # a folder is removed by the name it was saved under, or by where that name leads
            matches = [f for f in folders if f == Path(name) or f == Path(name).expanduser().resolve()]
            if not matches:
                raise CommandError(f"{name} is not one of the shared template folders")
            folders = [f for f in folders if f not in matches]
        save_shared_folders(folders)
    for folder in folders:
        print(folder)
        if not folder.is_dir():
            print(f"{PROG}: warning: {folder} cannot be reached now", file=sys.stderr)
    if not folders:
        print(f"{PROG}: no shared template folders (add one with --add DIR)", file=sys.stderr)
    if _env_folders() is not None:
        print(f"{PROG}: note: {TEMPLATE_PATH_ENV} is set and is used instead of these folders", file=sys.stderr)
    return 0


def cmd_templates_check(args: argparse.Namespace) -> int:
    from briefcomposer.export.check import check_template

    problems = check_template(Path(args.file))
    for problem in problems:
        print(f"{problem.severity}: {problem.message}")
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        print(f"{Path(args.file).name}: {len(errors)} error(s); this template cannot be used", file=sys.stderr)
        return 1
    print(f"{Path(args.file).name}: usable ({len(problems)} warning(s))")
    return 0


def cmd_analyse(args: argparse.Namespace) -> int:
    from briefcomposer import analysis

    if not args.sample and not args.source:
        raise CommandError("give a SOURCE file, or --sample")
    args.source = [args.source] if args.source else []
    source = _load_sources(args)[0]
    from briefcomposer.suggestion_cache import cached_suggest

    result = analysis.to_json(source, cached_suggest(source))
    json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from briefcomposer import storage

    if args.sample == bool(args.file):
        raise CommandError("give a FILE.brief to export, or --sample (not both)")
    template_docx: Path | None = None
    structure = None
    if args.template:
        from briefcomposer.structures import find_template

        if args.template.lower().endswith((".docx", ".docm", ".dotx")):
            template_docx = Path(args.template)
            if not template_docx.is_file():
                raise CommandError(f"no Word template at {template_docx}")
        else:
            structure = find_template(args.template, _shared_folders(args))
            template_docx = structure.word_template_path()
    if args.sample:
        from briefcomposer.compose import brief_from_sources
        from briefcomposer.structures import find_template

        structure = structure or find_template("uk-briefing-note")
        brief = brief_from_sources(structure, _load_sources(args), analyse=True, draft=True)
        if template_docx is None:
            template_docx = structure.word_template_path()
    else:
        brief = storage.load(Path(args.file))
    from briefcomposer.export.docx_writer import export_docx, suggested_filename

    if args.output:
        target = Path(args.output)
    else:
        folder = Path(args.file).parent if args.file else Path.cwd()
        target = folder / suggested_filename(brief)
    author = args.author or os.environ.get("BRIEFCOMPOSER_AUTHOR", "")
    export_docx(brief, target, template=template_docx, author=author, shared=_shared_folders(args))
    print(f"Wrote {target}")
    if args.pdf:
        from briefcomposer.export.pdf import convert_to_pdf, find_soffice

        if find_soffice() is None:
            raise CommandError("cannot make a PDF: LibreOffice is not installed (the .docx was written)")
        pdf = convert_to_pdf(target, target.with_suffix(".pdf"))
        print(f"Wrote {pdf}")
    return 0


# ---------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Compose UK-government-style briefing notes from policy articles.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument("--debug", action="store_true", help="log debug output and show tracebacks")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("gui", help="open the composer window (the default)")
    p.add_argument("file", nargs="?", metavar="FILE.brief", help="a brief to open")
    p.add_argument("--sample", action="store_true", help="start a new brief from the embedded sample article")
    p.add_argument(
        "--screenshot", metavar="OUT.png", help="open the window at 1400x900, save a PNG of it once painted, and quit"
    )
    p.set_defaults(func=cmd_gui)

    def add_templates_dir(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--templates-dir",
            action="append",
            metavar="DIR",
            help="a shared folder of templates (repeatable); default: BRIEFCOMPOSER_TEMPLATE_PATH if set, "
            "else the folders of `templates folders`",
        )

    p = sub.add_parser("new", help="start a brief from a structure template and sources")
    p.add_argument("--template", default="uk-briefing-note", metavar="NAME", help="structure template name or .json")
    p.add_argument("--source", action="append", metavar="FILE", help="a source article (repeatable)")
    p.add_argument("--sample", action="store_true", help="use the embedded sample article as the source")
    p.add_argument("-o", "--output", required=True, metavar="OUT.brief")
    p.add_argument("--draft", action="store_true", help="also accept the suggestions and draft the sections")
    p.add_argument("--no-analyse", action="store_true", help="add the sources without suggestions")
    p.add_argument("--force", action="store_true", help="replace OUT.brief if it exists")
    add_templates_dir(p)
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("analyse", aliases=["analyze"], help="print a source's suggested issues and positions as JSON")
    p.add_argument("source", nargs="?", metavar="SOURCE")
    p.add_argument("--sample", action="store_true", help="analyse the embedded sample article")
    p.set_defaults(func=cmd_analyse)

    p = sub.add_parser("export", help="export a brief to Word (.docx)")
    p.add_argument("file", nargs="?", metavar="FILE.brief")
    p.add_argument("--sample", action="store_true", help="draft a brief from the sample article and export it")
    p.add_argument("-o", "--output", metavar="OUT.docx", help="default: a name made of date, marking and title")
    p.add_argument("--template", metavar="NAME|FILE.docx", help="a structure template name or a Word template")
    p.add_argument("--pdf", action="store_true", help="also convert to PDF through LibreOffice")
    p.add_argument("--author", help="the officer's name for the document properties")
    add_templates_dir(p)
    p.set_defaults(func=cmd_export, source=None)

    p = sub.add_parser("templates", help="list templates and their shared folders, or check a Word template")
    tsub = p.add_subparsers(dest="templates_command", metavar="ACTION", required=True)
    q = tsub.add_parser("list", help="list structure templates: built-in, user and shared folders")
    q.add_argument("--json", action="store_true", help="print JSON")
    add_templates_dir(q)
    q.set_defaults(func=cmd_templates_list)
    q = tsub.add_parser("folders", help="list the shared template folders (also the window's), or change them")
    q.add_argument("--add", action="append", metavar="DIR", help="add a shared folder (repeatable)")
    q.add_argument("--remove", action="append", metavar="DIR", help="remove a shared folder (repeatable)")
    q.set_defaults(func=cmd_templates_folders)
    q = tsub.add_parser("check", help="list what is wrong with a Word template")
    q.add_argument("file", metavar="FILE.docx")
    q.set_defaults(func=cmd_templates_check)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.debug else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    if args.command is None:  # plain `briefcomposer` opens the window
        args = parser.parse_args([*(["--debug"] if args.debug else []), "gui"])
    if args.command == "gui" and getattr(sys, "frozen", False):
        # The render process of the Word export is started with "spawn"; frozen builds need this.
        # It does nothing elsewhere, and importing multiprocessing costs start-up time (issue 5).
        import multiprocessing

        multiprocessing.freeze_support()
    from briefcomposer.core.errors import BriefError

    try:
        return args.func(args)
    except (BriefError, CommandError) as exc:
        if args.debug:
            logger.exception("Failed")
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        if args.debug:
            logger.exception("Failed")
        name = f"{exc.filename}: " if exc.filename else ""
        print(f"{PROG}: error: {name}{exc.strerror or exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
