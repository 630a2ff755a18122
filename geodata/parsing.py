"""Turn a source document (markdown extracted from a published page) into sections and paragraphs.

Pure Python, no database. Each document has a Profile saying which lines are headings, which are
metadata, and how its paragraphs get their anchors (the scheme is fixed; see
geodata/data/sources/README.md). The extraction quirks handled here:

* page breaks: a blank line followed by text that continues the previous sentence (lowercase
  start, or the previous text ends without closing punctuation) belongs to the same paragraph;
* `<sup>` and other tags are dropped (the words are kept), markdown escapes such as `US\\$` undone;
* headings come as markdown headings with bold/italic markers, whole-line emphasis, 【brackets】,
  numbered lines (`1.1 …`, `3 Pillar 3: …`) or short title lines, depending on the document.
"""

import re
from dataclasses import dataclass, field
from string import ascii_lowercase


class ParseError(ValueError):
    """A source file does not have the structure its profile expects; names the file and line."""

    def __init__(self, *, file_name: str, line: int, message: str):
        super().__init__(f"{file_name} line {line}: {message}")
        self.file_name = file_name
        self.line = line


NUMBERED = "numbered"
BULLET = "bullet"
PROSE = "prose"

# Anchor styles (the scheme is fixed: curated data cites these anchors).
PRINTED_NUMBERS = "printed_numbers"  # mjc2024-10, mjc2024-p1
SECTION_BULLETS = "section_bullets"  # ap2012-1.1-07, ap2012-1.1-19a, ap2012-p1
READING_ORDER = "reading_order"  # jmci2016-03


@dataclass(frozen=True)
class Profile:
    prefix: str
    anchor_style: str
    # Plain lines (no markdown heading marker) that are headings in this document.
    heading_patterns: tuple[str, ...] = ()
    # (pattern on the heading text, level); the first match wins, else default_level.
    level_rules: tuple[tuple[str, int], ...] = ()
    default_level: int = 1
    # Short lines without closing punctuation are headings (web pages such as METI's).
    short_lines_are_headings: bool = False
    # Lines up to and including this pattern are a header block (metadata), not content.
    header_block_end: str | None = None
    # Lines that are metadata wherever they occur.
    metadata_patterns: tuple[str, ...] = ()
    # Paragraphs whose text really ends mid-sentence in the published source (not a page break).
    truncated_in_source: frozenset[str] = frozenset()
    # The first line repeats the manifest's title (and a date line may follow); else content starts at once.
    title_first_line: bool = True
    # A blank line inside an unfinished sentence is a page break (PDF extractions), not a new paragraph.
    join_page_breaks: bool = True


PROFILES: dict[str, Profile] = {
    "mjc-strategy-2024": Profile(
        prefix="mjc2024",
        anchor_style=PRINTED_NUMBERS,
        level_rules=(
            (r"^(I|II|III|IV|V)\s", 1),
            (r"^[A-Z]\.\d+\s", 3),
            (r"^[A-Z]\.\s", 2),
            (r"^\(", 3),  # part I's "(Vibrant and Effective Connectivity)" under "Achievements"
        ),
        default_level=2,
        # Paragraph 30 stops at "…the application of the ASEAN Smart City" in the published text.
        truncated_in_source=frozenset({"mjc2024-30"}),
    ),
    "tokyo-strategy-2012-action-plan": Profile(
        prefix="ap2012",
        anchor_style=SECTION_BULLETS,
        heading_patterns=(r"^\d+(\.\d+)*\.?\s+\S",),
        level_rules=((r"^\d+\.\d+", 2),),
        default_level=1,
    ),
    "japan-mekong-connectivity-initiative-2016": Profile(
        prefix="jmci2016",
        anchor_style=READING_ORDER,
    ),
    "meti-mekong-japan-economic-cooperation-2020": Profile(
        prefix="meti2020",
        anchor_style=READING_ORDER,
        level_rules=(
            (r"^(Latest information|Outline|Efforts|Links to related information|Division in Charge)$", 1),
        ),
        default_level=2,
        short_lines_are_headings=True,
        metadata_patterns=(r"^Last updated:",),
    ),
    "japan-mekong-partnership-program-2007": Profile(
        prefix="jmpp2007",
        anchor_style=READING_ORDER,
        heading_patterns=(r"^Three (Goals|Priority Areas|New Initiatives)$", r"^\(\d+\)", r"^\d+\.\s+\S"),
        level_rules=((r"^\(\d+\)", 2), (r"^\d+\.\s", 2)),
        default_level=1,
        header_block_end=r"^\[Full text\]",
    ),
}


GENERIC = "generic"  # the manifest's `parser` of a document read by generic_profile
_NUMBERED_LINE = re.compile(r"^\s*(\d+)\.\s+\S")


def generic_profile(*, prefix: str, text: str, source_format: str = "markdown") -> Profile:
    """The one profile for every document a curator adds (no per-document code).

    A document whose paragraphs are numbered 1., 2., 3. … keeps its printed numbers as anchors
    (`<prefix>-12`, unnumbered paragraphs `<prefix>-p1`), like MJC2024; any other is numbered in
    reading order (`<prefix>-01`), like JMCI2016. Markdown headings, whole-line emphasis and short
    lines without closing punctuation are headings and a page break inside a sentence is joined, except
    in a document taken from HTML, whose headings and blocks are explicit.
    """
    numbers = [int(m.group(1)) for line in text.splitlines() if (m := _NUMBERED_LINE.match(line))]
    numbered = len(numbers) >= 3 and numbers == list(range(1, len(numbers) + 1))
    # HTML marks its headings and blocks; the other formats are read for them.
    from_html = source_format == "html"
    return Profile(prefix=prefix, anchor_style=PRINTED_NUMBERS if numbered else READING_ORDER,
                   short_lines_are_headings=not from_html, title_first_line=False,
                   join_page_breaks=not from_html)


@dataclass(frozen=True)
class ParsedSection:
    order: int
    label: str
    title: str
    level: int
    path: str
    parent_order: int | None
    line: int

    @property
    def key(self) -> str:
        """How pillar definitions name this section: its printed label, else its title."""
        return self.label or self.title


@dataclass(frozen=True)
class ParsedParagraph:
    anchor: str
    label: str
    kind: str
    text: str
    order: int
    section_order: int | None
    parent_anchor: str | None
    line: int


@dataclass(frozen=True)
class ParsedDocument:
    sections: tuple[ParsedSection, ...]
    paragraphs: tuple[ParsedParagraph, ...]


# --- line level helpers ------------------------------------------------------------------------

_MD_HEADING = re.compile(r"^#{1,6}\s+(.+)$")
_EMPHASIS_LINE = re.compile(r"^(\*{1,3}|_{1,3})(\S.*?\S|\S)\1$")
_BRACKET_HEADING = re.compile(r"^【(.+)】$")
# "- text", "- ✓ text", "- ◆ text", "- * text", "* text", " - text" (a leading space nests).
_BULLET = re.compile(r"^(?P<indent>\s*)[-*]\s+(?:(?P<mark>[✓◆*])\s+)?(?P<text>\S.*)$")
_NUMBERED_PARAGRAPH = re.compile(r"^(?P<number>\d+)\.\s+(?P<text>\S.*)$")
_DATE_LINE = re.compile(r"^(\d{1,2}\s+[A-Z][a-z]+,?\s+\d{4}|[A-Z][a-z]+\s+\d{1,2},\s*\d{4})$")
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_MARKDOWN_ESCAPE = re.compile(r"\\([$*_#\\`\[\]])")
_CLOSERS = "\"'”’)]»"
_SENTENCE_END = ".!?:;"
_HEADING_LABEL = re.compile(
    r"^(?P<label>[IVX]+(?=\s)|[A-Z]\.\d+|[A-Z](?=\.\s)|\d+(?:\.\d+)*(?=\.?\s)|\(\d+\))\.?\s*(?P<title>\S.*)$"
)
SHORT_HEADING_MAX_WORDS = 12


def clean_text(text: str) -> str:
    """Drop tags (keeping their words) and undo markdown escapes: "15<sup>th</sup>" -> "15th"."""
    text = _TAG.sub("", text)
    text = _MARKDOWN_ESCAPE.sub(r"\1", text)
    return re.sub(r"[ \t]+", " ", text).strip()


def clean_heading(text: str) -> str:
    text = clean_text(text).strip("*_ ")
    bracket = _BRACKET_HEADING.match(text)
    return (bracket.group(1) if bracket else text).strip()


def ends_sentence(text: str) -> bool:
    """True when the text ends with closing punctuation (quotes and brackets after it allowed)."""
    stripped = text.rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _SENTENCE_END


def continues(previous: str, line: str) -> bool:
    """A line after a page break continues the previous text when that text is unfinished."""
    return line[:1].islower() or not ends_sentence(previous)


def join_continuation(previous: str, line: str) -> str:
    # A word hyphenated across the break ("ASEAN-" / "Japan") is joined without a space.
    if previous.endswith("-") and previous[-2:-1].isalpha():
        return previous + line
    return f"{previous} {line}"


def split_heading_label(text: str) -> tuple[str, str]:
    match = _HEADING_LABEL.match(text)
    if not match:
        return "", text
    return match.group("label"), match.group("title").strip()


# --- the parser --------------------------------------------------------------------------------


@dataclass
class _Item:
    """A paragraph being read; text grows while page-break continuations are joined."""

    kind: str
    text: str
    line: int
    section_order: int | None
    nested: bool = False
    number: int | None = None


@dataclass
class _State:
    sections: list[ParsedSection] = field(default_factory=list)
    items: list[_Item] = field(default_factory=list)
    open_item: _Item | None = None
    blank_since_item: bool = False
    heading_stack: list[ParsedSection] = field(default_factory=list)


def parse_document(text: str, *, file_name: str, profile: Profile) -> ParsedDocument:
    """Parse one source file; raises ParseError naming the file and line on unexpected structure."""
    lines = text.splitlines()
    state = _State()
    start = _content_start(lines, file_name=file_name, profile=profile)
    for index in range(start, len(lines)):
        _read_line(lines[index], line_no=index + 1, state=state, profile=profile, file_name=file_name)
    if not state.items:
        raise ParseError(file_name=file_name, line=len(lines), message="no paragraphs found")
    paragraphs = _assign_anchors(state, profile=profile, file_name=file_name)
    return ParsedDocument(sections=tuple(state.sections), paragraphs=tuple(paragraphs))


def _content_start(lines: list[str], *, file_name: str, profile: Profile) -> int:
    """Index of the first content line: after the header block, or after the title and date."""
    if profile.header_block_end:
        for index, line in enumerate(lines):
            if re.match(profile.header_block_end, line.strip()):
                return index + 1
        raise ParseError(file_name=file_name, line=1,
                         message=f"header block end {profile.header_block_end!r} not found")
    non_blank = [index for index, line in enumerate(lines) if line.strip()]
    if not non_blank:
        raise ParseError(file_name=file_name, line=1, message="the file is empty")
    if not profile.title_first_line:
        return non_blank[0]
    # The first line is the title, duplicated by the manifest; so is a date right after it.
    start = non_blank[0] + 1
    if len(non_blank) > 1 and _DATE_LINE.match(lines[non_blank[1]].strip()):
        start = non_blank[1] + 1
    return start


def _read_line(raw: str, *, line_no: int, state: _State, profile: Profile, file_name: str) -> None:
    if not raw.strip():
        if state.open_item is not None:
            state.blank_since_item = True
        return
    line = raw.rstrip()
    stripped = line.strip()
    if any(re.match(pattern, stripped) for pattern in profile.metadata_patterns):
        return
    heading = _heading_text(stripped, profile=profile)
    if heading is not None:
        _open_section(heading, line_no=line_no, state=state, profile=profile)
        return
    bullet = _BULLET.match(line)
    if bullet:
        nested = bool(bullet.group("indent")) or bullet.group("mark") == "✓"
        _start_item(state, _Item(kind=BULLET, text=clean_text(bullet.group("text")), line=line_no,
                                 section_order=_current_section(state), nested=nested))
        return
    numbered = _NUMBERED_PARAGRAPH.match(stripped) if profile.anchor_style == PRINTED_NUMBERS else None
    if numbered:
        _start_item(state, _Item(kind=NUMBERED, text=clean_text(numbered.group("text")), line=line_no,
                                 section_order=_current_section(state), number=int(numbered.group("number"))))
        return
    text = clean_text(stripped)
    item = state.open_item
    # Without a blank line the text simply wraps; after one it continues only an unfinished sentence.
    page_break = state.blank_since_item and profile.join_page_breaks
    if item is not None and (not state.blank_since_item or page_break and continues(item.text, text)):
        item.text = join_continuation(item.text, text)
        state.blank_since_item = False
        return
    if profile.short_lines_are_headings and _looks_like_short_heading(text):
        _open_section(text, line_no=line_no, state=state, profile=profile)
        return
    _start_item(state, _Item(kind=PROSE, text=text, line=line_no, section_order=_current_section(state)))


def _heading_text(stripped: str, *, profile: Profile) -> str | None:
    md = _MD_HEADING.match(stripped)
    if md:
        return clean_heading(md.group(1))
    if _EMPHASIS_LINE.match(stripped) or _BRACKET_HEADING.match(stripped):
        return clean_heading(stripped)
    if any(re.match(pattern, stripped) for pattern in profile.heading_patterns):
        return clean_heading(stripped)
    return None


def _looks_like_short_heading(text: str) -> bool:
    return len(text.split()) <= SHORT_HEADING_MAX_WORDS and not ends_sentence(text)


def _current_section(state: _State) -> int | None:
    return state.heading_stack[-1].order if state.heading_stack else None


def _start_item(state: _State, item: _Item) -> None:
    state.items.append(item)
    state.open_item = item
    state.blank_since_item = False


def _open_section(heading: str, *, line_no: int, state: _State, profile: Profile) -> None:
    label, title = split_heading_label(heading)
    level = next((lvl for pattern, lvl in profile.level_rules if re.match(pattern, heading)),
                 profile.default_level)
    while state.heading_stack and state.heading_stack[-1].level >= level:
        state.heading_stack.pop()
    parent = state.heading_stack[-1] if state.heading_stack else None
    ancestors = [s.label or s.title for s in state.heading_stack]
    path = " > ".join([*ancestors, f"{label} {title}".strip()])
    section = ParsedSection(order=len(state.sections), label=label, title=title, level=level, path=path,
                            parent_order=parent.order if parent else None, line=line_no)
    state.sections.append(section)
    state.heading_stack.append(section)
    # A heading ends the paragraph before it: text after a heading never continues it.
    state.open_item = None
    state.blank_since_item = False


# --- anchors -----------------------------------------------------------------------------------


def _assign_anchors(state: _State, *, profile: Profile, file_name: str) -> list[ParsedParagraph]:
    sections = {s.order: s for s in state.sections}
    paragraphs: list[ParsedParagraph] = []
    prose_count = 0
    last_number = 0
    top_bullets: dict[int | None, int] = {}  # section order -> top-level bullets so far
    last_top: ParsedParagraph | None = None
    nested_count = 0
    for order, item in enumerate(state.items):
        parent_anchor = None
        if item.kind == BULLET and item.nested:
            if last_top is None or last_top.section_order != item.section_order:
                raise ParseError(file_name=file_name, line=item.line,
                                 message="nested bullet without a bullet above it in the same section")
            parent_anchor = last_top.anchor
            nested_count += 1
        if item.kind == PROSE and profile.anchor_style != READING_ORDER:
            prose_count += 1
            anchor, label = f"{profile.prefix}-p{prose_count}", ""
        elif profile.anchor_style == READING_ORDER:
            anchor = f"{profile.prefix}-{order + 1:02d}"
            label = "" if item.kind == PROSE else f"{order + 1:02d}"
        elif item.kind == NUMBERED:
            if item.number != last_number + 1:
                raise ParseError(file_name=file_name, line=item.line,
                                 message=f"paragraph {item.number} follows paragraph {last_number}")
            last_number = item.number
            anchor, label = f"{profile.prefix}-{item.number}", str(item.number)
        elif profile.anchor_style == SECTION_BULLETS:
            if parent_anchor:
                letter = ascii_lowercase[nested_count - 1]
                anchor, label = f"{parent_anchor}{letter}", f"{last_top.label}{letter}"
            else:
                section_label = _numbered_section_label(item.section_order, sections)
                if section_label is None:
                    raise ParseError(file_name=file_name, line=item.line,
                                     message="bullet outside a numbered section")
                position = top_bullets.get(item.section_order, 0) + 1
                top_bullets[item.section_order] = position
                anchor, label = f"{profile.prefix}-{section_label}-{position:02d}", f"{position:02d}"
        else:
            raise ParseError(file_name=file_name, line=item.line,
                             message=f"a {item.kind} has no anchor in the {profile.anchor_style} scheme")
        paragraph = ParsedParagraph(anchor=anchor, label=label, kind=item.kind, text=item.text, order=order,
                                    section_order=item.section_order, parent_anchor=parent_anchor,
                                    line=item.line)
        if item.kind == BULLET and not item.nested:
            last_top, nested_count = paragraph, 0
        paragraphs.append(paragraph)
    seen: set[str] = set()
    for paragraph in paragraphs:
        if paragraph.anchor in seen:
            raise ParseError(file_name=file_name, line=paragraph.line,
                             message=f"duplicate anchor {paragraph.anchor}")
        seen.add(paragraph.anchor)
    return paragraphs


def _numbered_section_label(order: int | None, sections: dict[int, ParsedSection]) -> str | None:
    """The printed number of the nearest numbered section: "1.1", "4"."""
    while order is not None:
        section = sections[order]
        if re.fullmatch(r"\d+(\.\d+)*", section.label):
            return section.label
        order = section.parent_order
    return None
