"""Can a reader see a run's text? Word formatting that hides the protective marking.

The marking check must not trust text just because it is in the XML: a template can
hide it through its styles (hidden text in the ``Marking`` style, white or 1-point
type, a symbol font) and the export would then go out with no visible marking, which
is a security failure. `TextView.read` resolves each run's formatting the way Word
does, through the document defaults, the table style, the paragraph style and its
``basedOn`` chain, the character style and the run's own formatting, and says why
text cannot be read.

It errs on the side of refusing: hidden text counts as hidden if any of those levels
turns it on and the run itself does not turn it off (Word flips some properties
when two styles both set them; a marking must not depend on that), and colours are
compared against every background that may be behind them (paper, page colour,
shading, highlight). Text in text boxes and drawings (which can sit off the page or
be hidden) and in the results of Word fields (which Word recalculates when it prints)
does not count as shown either.
"""

from __future__ import annotations

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"
_W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_FALSE = {"0", "false", "off"}

MIN_HALF_POINTS = 12  # 6 pt: smaller type cannot be read on a printed page
MIN_CONTRAST = 3.0  # WCAG's floor for large text; a marking should be far above it
MIN_SCALE = 50  # per cent of the normal width (w:w)
_SMALLER = 2 / 3  # superscript and subscript are set at about two-thirds size
# Fonts whose letters are pictures: "OFFICIAL" in Wingdings is a row of symbols.
SYMBOL_FONTS = {
    "symbol",
    "wingdings",
    "wingdings 2",
    "wingdings 3",
    "webdings",
    "marlett",
    "zapf dingbats",
    "zapfdingbats",
    "itc zapf dingbats",
    "mt extra",
    "bookshelf symbol 7",
    "ms reference specialty",
    "ms outlook",
    "opensymbol",
}
_HIGHLIGHTS = {
    "black": "000000",
    "blue": "0000FF",
    "cyan": "00FFFF",
    "green": "00FF00",
    "magenta": "FF00FF",
    "red": "FF0000",
    "yellow": "FFFF00",
    "white": "FFFFFF",
    "darkBlue": "000080",
    "darkCyan": "008080",
    "darkGreen": "008000",
    "darkMagenta": "800080",
    "darkRed": "800000",
    "darkYellow": "808000",
    "darkGray": "808080",
    "lightGray": "C0C0C0",
}
# Word's theme colour names -> the colour scheme's slots (the Office theme when there is none).
_THEME_SLOTS = {
    "dark1": "dk1",
    "light1": "lt1",
    "dark2": "dk2",
    "light2": "lt2",
    "text1": "dk1",
    "background1": "lt1",
    "text2": "dk2",
    "background2": "lt2",
    "tx1": "dk1",
    "bg1": "lt1",
    "tx2": "dk2",
    "bg2": "lt2",
    "hyperlink": "hlink",
    "followedHyperlink": "folHlink",
}
_OFFICE_THEME = {
    "dk1": "000000",
    "lt1": "FFFFFF",
    "dk2": "44546A",
    "lt2": "E7E6E6",
    "accent1": "4472C4",
    "accent2": "ED7D31",
    "accent3": "A5A5A5",
    "accent4": "FFC000",
    "accent5": "5B9BD5",
    "accent6": "70AD47",
    "hlink": "0563C1",
    "folHlink": "954F72",
}
_BOXED = {f"{_W}txbxContent", f"{_W}drawing", f"{_W}pict", f"{_W}object"}


def _on(el) -> bool:  # type: ignore[no-untyped-def]
    return el is not None and el.get(f"{_W}val", "true").lower() not in _FALSE


class TextView:
    """Reads paragraphs of one document as a reader sees them.

    `styles` is the root of word/styles.xml (None: no styles part), `theme` the root of
    the theme part or None, `page_colour` the document's page colour (``w:background``)
    as RRGGBB or None. Build one per document; it caches the style chains.
    """

    def __init__(self, styles, theme=None, page_colour: str | None = None) -> None:  # type: ignore[no-untyped-def]
        self._styles: dict[tuple[str, str], object] = {}
        self._defaults: dict[str, str] = {}
        self._doc_rpr = self._doc_ppr = None
        if styles is not None:
            for style in styles.iterchildren(f"{_W}style"):
                kind = style.get(f"{_W}type", "paragraph")
                self._styles.setdefault((kind, style.get(f"{_W}styleId", "")), style)
                if style.get(f"{_W}default", "0").lower() in ("1", "true", "on"):
                    self._defaults.setdefault(kind, style.get(f"{_W}styleId", ""))
            defaults = styles.find(f"{_W}docDefaults")
            if defaults is not None:
                self._doc_rpr = defaults.find(f"{_W}rPrDefault/{_W}rPr")
                self._doc_ppr = defaults.find(f"{_W}pPrDefault/{_W}pPr")
        self._colours = dict(_OFFICE_THEME)
        self._fonts = {"major": "", "minor": ""}
        if theme is not None:
            for scheme in theme.iter(f"{_A}clrScheme"):
                for slot in scheme:
                    value = _drawing_colour(slot)
                    if value:
                        self._colours[slot.tag.rsplit("}", 1)[-1]] = value
                break
            for which in ("major", "minor"):
                latin = theme.find(f".//{_A}{which}Font/{_A}latin")
                if latin is not None:
                    self._fonts[which] = latin.get("typeface", "")
        self._pages = ["FFFFFF"] + ([page_colour] if page_colour else [])
        self._chains: dict[tuple[str, str | None], list[tuple[str, object]]] = {}
        self._reasons: dict[tuple[bytes, bytes], str | None] = {}

    # ------------------------------------------------------------ reading

    def read(self, p, fields: set | None = None) -> tuple[str, str, str | None]:  # type: ignore[no-untyped-def,type-arg]
        """`(all text, visible text, why some text is not visible)` of paragraph `p`.

        Only `p`'s own runs count (those of a nested text-box paragraph belong to that
        paragraph). `fields` holds runs that are the results of Word fields
        (`field_results`). The reason is a phrase such as "the Word style 'Marking'
        makes it hidden text", or None when every run can be read.
        """
        full, shown, why = [], [], None
        for r in p.iter(f"{_W}r"):
            text = "".join(t.text or "" for t in r.iterchildren(f"{_W}t"))
            if not text:
                continue
            owner, boxed = r.getparent(), False
            while owner is not None and owner is not p:
                if owner.tag in _BOXED:
                    boxed = True
                elif owner.tag == f"{_W}p":
                    break  # a paragraph nested in `p` (a text box): read on its own
                owner = owner.getparent()
            if owner is not p:
                continue
            full.append(text)
            if boxed:
                reason = "it sits in a text box or drawing, which can be moved off the page or hidden"
            elif fields is not None and r in fields:
                reason = "it is the result of a Word field, which Word replaces when it updates fields"
            else:
                reason = self.hidden_reason(p, r)
            if reason is None:
                shown.append(text)
            elif why is None:
                why = reason
        return "".join(full), "".join(shown), why

    def hidden_reason(self, p, r) -> str | None:  # type: ignore[no-untyped-def]
        """Why run `r` of paragraph `p` cannot be read, or None when it can."""
        cell = _cell(p)
        if cell is not None:
            return self._reason(p, r, cell)
        # Outside tables the answer depends only on the paragraph's and run's properties;
        # the markings of six headers and footers are usually formatted alike.
        ppr, rpr = p.find(f"{_W}pPr"), r.find(f"{_W}rPr")
        key = (b"" if ppr is None else etree.tostring(ppr), b"" if rpr is None else etree.tostring(rpr))
        if key not in self._reasons:
            self._reasons[key] = self._reason(p, r, None)
        return self._reasons[key]

    def _reason(self, p, r, cell) -> str | None:  # type: ignore[no-untyped-def]
        rlayers, players = self._layers(p, r, cell)
        direct = r.find(f"{_W}rPr")
        for tag, what in (
            ("vanish", "makes it hidden text"),
            ("specVanish", "makes it hidden text"),
            ("webHidden", "hides it in Web Layout view"),
        ):
            # Any level turning it on counts unless the run itself turns it off: Word
            # combines some on/off properties across styles rather than overriding them.
            if direct is not None and direct.find(f"{_W}{tag}") is not None and not _on(direct.find(f"{_W}{tag}")):
                continue
            for label, props in rlayers:
                if _on(props.find(f"{_W}{tag}")):
                    return f"{label} {what}"

        fill = _last(rlayers, "textFill", _W14)
        text_colours: list[tuple[str, str]] = []
        if fill is not None:
            label, el = fill
            if el.find(f"{_A}noFill") is not None:
                return f"{label} makes it transparent"
            solid = el.find(f"{_A}solidFill")
            if solid is not None and len(solid):
                alpha = solid[0].find(f"{_A}alpha")
                if alpha is not None and _int(alpha.get("val"), 100000) < 50000:
                    return f"{label} makes it transparent"
                colour = _drawing_colour(solid, self._colours)
                if colour:
                    text_colours.append((label, colour))
        if not text_colours:
            found = _last(rlayers, "color")
            if found is not None:
                label, el = found
                for colour in self._colour(el):
                    text_colours.append((label, colour))

        size, label = self._size(rlayers)
        if size < MIN_HALF_POINTS:
            return f"{label} sets it in {round(size / 2, 1):g} pt type, too small to read (6 pt at least)"

        font = self._font(rlayers)
        if font is not None and font[1].casefold() in SYMBOL_FONTS:
            return f"{font[0]} sets it in the font {font[1]}, which shows symbols instead of letters"

        scale = _last(rlayers, "w")
        if scale is not None and _int(scale[1].get(f"{_W}val"), 100) < MIN_SCALE:
            return f"{scale[0]} squeezes it to {_int(scale[1].get(f'{_W}val'), 100)}% of its width"
        spacing = _last(rlayers, "spacing")
        if spacing is not None and _int(spacing[1].get(f"{_W}val"), 0) * 4 < -size * 10:
            return f"{spacing[0]} squeezes its letters on top of each other"

        line = self._exact_line(players, cell)
        if line is not None and (line[1] < 120 or line[1] < size * 7):  # under 6 pt, or 70% of the type
            return f"{line[0]} sets an exact line height of {line[1] / 20:g} pt, which cuts the text off"

        for label, colour in text_colours:
            for behind in self._backgrounds(rlayers, players, cell):
                if _contrast(colour, behind) < MIN_CONTRAST:
                    what = "white" if colour == "FFFFFF" else f"colour {colour}"
                    ground = "white" if behind == "FFFFFF" else f"colour {behind}"
                    return f"{label} makes it {what} on a {ground} background, too faint to read"
        return None

    # ------------------------------------------------------------ formatting levels

    def _layers(self, p, r, cell):  # type: ignore[no-untyped-def]
        """Run-property and paragraph-property levels of run `r`, weakest first."""
        rlayers: list[tuple[str, object]] = []
        players: list[tuple[str, object]] = []
        if self._doc_rpr is not None:
            rlayers.append(("the template's default formatting", self._doc_rpr))
        if self._doc_ppr is not None:
            players.append(("the template's default formatting", self._doc_ppr))
        if cell is not None:
            table = cell.getparent().getparent() if cell.getparent() is not None else None
            style_el = table.find(f"{_W}tblPr/{_W}tblStyle") if table is not None else None
            sid = style_el.get(f"{_W}val") if style_el is not None else None
            for label, style in self._chain("table", sid):
                _add(rlayers, label, style, "rPr")
                _add(players, label, style, "pPr")
        ppr = p.find(f"{_W}pPr")
        pstyle = ppr.find(f"{_W}pStyle") if ppr is not None else None
        for label, style in self._chain("paragraph", pstyle.get(f"{_W}val") if pstyle is not None else None):
            _add(rlayers, label, style, "rPr")
            _add(players, label, style, "pPr")
        if ppr is not None:
            players.append(("formatting applied directly to the paragraph", ppr))
        rpr = r.find(f"{_W}rPr")
        rstyle = rpr.find(f"{_W}rStyle") if rpr is not None else None
        for label, style in self._chain("character", rstyle.get(f"{_W}val") if rstyle is not None else None):
            _add(rlayers, label, style, "rPr")
        if rpr is not None:
            rlayers.append(("formatting applied directly to the text", rpr))
        return rlayers, players

    def _chain(self, kind: str, sid: str | None) -> list[tuple[str, object]]:
        """`(label, style)` of style `sid` and the styles it is based on, the base first."""
        key = (kind, sid)
        chain = self._chains.get(key)
        if chain is None:
            chain = []
            style = self._styles.get((kind, sid)) if sid is not None else None
            if style is None and (sid is None or kind != "character"):
                # No style, or an unknown one: Word uses the default style of that kind.
                style = self._styles.get((kind, self._defaults.get(kind, "")))
            seen: set[str] = set()
            while style is not None and len(chain) < 32:
                style_id = style.get(f"{_W}styleId", "")
                if style_id in seen:
                    break
                seen.add(style_id)
                name = style.find(f"{_W}name")
                shown = name.get(f"{_W}val", style_id) if name is not None else style_id
                chain.append((f"the Word {'table ' if kind == 'table' else ''}style '{shown}'", style))
                based = style.find(f"{_W}basedOn")
                style = self._styles.get((kind, based.get(f"{_W}val", ""))) if based is not None else None
            chain.reverse()
            self._chains[key] = chain
        return chain

    # ------------------------------------------------------------ properties

    def _size(self, rlayers) -> tuple[float, str]:  # type: ignore[no-untyped-def]
        complex_script = any(_on(props.find(f"{_W}{tag}")) for _, props in rlayers for tag in ("cs", "rtl"))
        found = _last(rlayers, "szCs" if complex_script else "sz")
        label, size = ("the template's default formatting", 20.0) if found is None else (found[0], 0.0)
        if found is not None:
            size = _int(found[1].get(f"{_W}val"), 20)  # half-points; Word's default is 10 pt
        position = _last(rlayers, "vertAlign")
        if position is not None and position[1].get(f"{_W}val") in ("superscript", "subscript"):
            size, label = size * _SMALLER, position[0]
        return size, label

    def _font(self, rlayers) -> tuple[str, str] | None:  # type: ignore[no-untyped-def]
        for label, props in reversed(rlayers):
            fonts = props.find(f"{_W}rFonts")
            if fonts is None:
                continue
            theme = fonts.get(f"{_W}asciiTheme")
            if theme:
                return label, self._fonts["major" if theme.startswith("major") else "minor"]
            if fonts.get(f"{_W}ascii"):
                return label, fonts.get(f"{_W}ascii")
        return None

    def _exact_line(self, players, cell) -> tuple[str, int] | None:  # type: ignore[no-untyped-def]
        """`(label, twentieths of a point)` of an exact line height or table row height."""
        line = rule = None
        for label, props in players:
            spacing = props.find(f"{_W}spacing")
            if spacing is None:
                continue
            if spacing.get(f"{_W}line") is not None:
                line = (label, _int(spacing.get(f"{_W}line"), 240))
            if spacing.get(f"{_W}lineRule") is not None:
                rule = spacing.get(f"{_W}lineRule")
        if line is not None and rule == "exact":
            return line
        row = cell.getparent() if cell is not None else None
        height = row.find(f"{_W}trPr/{_W}trHeight") if row is not None else None
        if height is not None and height.get(f"{_W}hRule") == "exact":
            return "the table row holding it", _int(height.get(f"{_W}val"), 240)
        return None

    def _colour(self, el) -> list[str]:  # type: ignore[no-untyped-def]
        """The colours `w:color` may show: its value and its theme colour (Word prefers the latter)."""
        out = []
        value = (el.get(f"{_W}val") or "auto").upper()
        if value != "AUTO" and _is_hex(value):
            out.append(value)
        theme = el.get(f"{_W}themeColor")
        if theme:
            base = self._colours.get(_THEME_SLOTS.get(theme, theme))
            if base:
                out.append(_tinted(base, el.get(f"{_W}themeTint"), el.get(f"{_W}themeShade")))
        return out  # "auto": black or white, whichever shows on the background

    def _backgrounds(self, rlayers, players, cell) -> list[str]:  # type: ignore[no-untyped-def]
        highlight = _last(rlayers, "highlight")
        if highlight is not None:
            colour = _HIGHLIGHTS.get(highlight[1].get(f"{_W}val", ""))
            if colour:
                return [colour]
        for layers in (rlayers, players):
            shading = _shading(_last(layers, "shd"))
            if shading:
                return [shading]
        if cell is not None:
            shading = _shading(("", cell.find(f"{_W}tcPr/{_W}shd")))
            if shading:
                return [shading]
        return self._pages


def field_results(root) -> set:  # type: ignore[no-untyped-def,type-arg]
    """Runs of `root` that show the result of a Word field (``w:fldSimple`` or between
    a field's ``separate`` and ``end`` marks): Word may replace them at any time."""
    results = set()
    stack: list[str] = []
    for r in root.iter(f"{_W}r"):
        mark = r.find(f"{_W}fldChar")
        if mark is not None:
            kind = mark.get(f"{_W}fldCharType")
            if kind == "begin":
                stack.append("code")
            elif kind == "separate" and stack:
                stack[-1] = "result"
            elif kind == "end" and stack:
                stack.pop()
            continue
        if "result" in stack:
            results.add(r)
    for simple in root.iter(f"{_W}fldSimple"):
        results.update(simple.iter(f"{_W}r"))
    return results


def _cell(p):  # type: ignore[no-untyped-def]
    """The table cell holding paragraph `p` (not through a text box), or None."""
    parent = p.getparent()
    while parent is not None and parent.tag not in _BOXED:
        if parent.tag == f"{_W}tc":
            return parent
        parent = parent.getparent()
    return None


def _add(layers: list, label: str, style, tag: str) -> None:  # type: ignore[no-untyped-def,type-arg]
    props = style.find(f"{_W}{tag}")
    if props is not None:
        layers.append((label, props))


def _last(layers, tag: str, ns: str = _W):  # type: ignore[no-untyped-def]
    """`(label, element)` of the strongest level that sets `tag`, or None."""
    for label, props in reversed(layers):
        el = props.find(f"{ns}{tag}")
        if el is not None:
            return label, el
    return None


def _shading(found) -> str | None:  # type: ignore[no-untyped-def]
    """The colour a ``w:shd`` paints, or None when it paints nothing."""
    if found is None or found[1] is None:
        return None
    shd = found[1]
    pattern = shd.get(f"{_W}val", "clear")
    fill = (shd.get(f"{_W}fill") or "auto").upper()
    colour = (shd.get(f"{_W}color") or "auto").upper()
    colour = colour if _is_hex(colour) else "000000"  # "auto" pattern colour: black
    if pattern == "nil":
        return None
    if pattern == "solid":
        return colour
    if pattern.startswith("pct") and pattern[3:].isdigit():
        return _mix(colour, fill if _is_hex(fill) else "FFFFFF", int(pattern[3:]) / 100)
    return fill if _is_hex(fill) else None  # "auto" fill paints nothing


def _drawing_colour(el, scheme: dict[str, str] | None = None) -> str | None:  # type: ignore[no-untyped-def]
    """RRGGBB of a DrawingML colour (``a:srgbClr``, ``a:sysClr``, ``a:schemeClr``) inside `el`."""
    for child in el:
        name = child.tag.rsplit("}", 1)[-1]
        if name == "srgbClr":
            value = (child.get("val") or "").upper()
            return value if _is_hex(value) else None
        if name == "sysClr":
            value = (child.get("lastClr") or "").upper()
            return value if _is_hex(value) else None
        if name == "schemeClr" and scheme is not None:
            return scheme.get(_THEME_SLOTS.get(child.get("val", ""), child.get("val", "")))
    return None


def _is_hex(value: str) -> bool:
    return len(value) == 6 and all(c in "0123456789ABCDEF" for c in value)


def _int(value: str | None, default: int) -> int:
    try:
        return int(float(value)) if value is not None else default
    except ValueError:
        return default


def _tinted(colour: str, tint: str | None, shade: str | None) -> str:
    """A theme colour lightened (``themeTint``) or darkened (``themeShade``), 00-FF."""
    channels = [int(colour[i : i + 2], 16) for i in (0, 2, 4)]
    if tint and _is_hex(tint.upper().rjust(6, "0")):
        t = int(tint, 16) / 255
        channels = [round(c * t + 255 * (1 - t)) for c in channels]
    if shade and _is_hex(shade.upper().rjust(6, "0")):
        s = int(shade, 16) / 255
        channels = [round(c * s) for c in channels]
    return "".join(f"{c:02X}" for c in channels)


def _mix(front: str, back: str, share: float) -> str:
    a = [int(front[i : i + 2], 16) for i in (0, 2, 4)]
    b = [int(back[i : i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(x * share + y * (1 - share)):02X}" for x, y in zip(a, b, strict=True))


def _luminance(colour: str) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(int(colour[i : i + 2], 16)) for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two RRGGBB colours: 1 (the same) to 21 (black on white)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
