"""The text of a document a curator adds, as Markdown lines the paragraph parser reads.

Markdown and plain text are read as they are (UTF-8); HTML keeps its main text (the <main> or
<article> element, else the body, without navigation, headers, footers, scripts and forms), with
headings as `#` lines and list items as `-` bullets; PDF gives its text layer (pypdf), page by page,
a blank line at each page break (the parser joins a sentence the break cut) and at each vertical
gap. Bullet characters of
word processors (•, ●, ▪, ・) become Markdown bullets. Anything that gives no text is refused.
"""

import io
import re
from pathlib import PurePath

FORMATS = {".md": "markdown", ".markdown": "markdown", ".txt": "text", ".text": "text",
           ".html": "html", ".htm": "html", ".pdf": "pdf"}
_BULLET_CHARS = re.compile(r"^(\s*)[•●▪◦・‣∙]\s*")
_HTML_DROP = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button",
              "template", "svg", "iframe")
_HTML_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "pre", "blockquote", "td", "dd", "dt")


class ExtractError(ValueError):
    """The file cannot be read as a document; the message names the file."""


def file_format(name: str) -> str:
    suffix = PurePath(name).suffix.lower()
    if suffix not in FORMATS:
        allowed = ", ".join(sorted(FORMATS))
        raise ExtractError(f"{name}: unsupported file type {suffix or '(none)'!r} (allowed: {allowed})")
    return FORMATS[suffix]


def extract_text(*, name: str, data: bytes) -> str:
    """The document's text as Markdown; raises ExtractError naming the file when there is none."""
    kind = file_format(name)
    if not data.strip():
        raise ExtractError(f"{name}: the file is empty")
    if kind == "pdf":
        text = _pdf_text(name, data)
    else:
        text = _decoded(name, data)
        if kind == "html":
            text = _html_text(text)
    text = "\n".join(_BULLET_CHARS.sub(r"\1- ", line.rstrip()) for line in text.splitlines()).strip()
    if not text:
        what = "no text layer (a scanned image?)" if kind == "pdf" else "no text"
        raise ExtractError(f"{name}: the file has {what}")
    return text + "\n"


def _decoded(name: str, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ExtractError(f"{name}: not valid UTF-8 text (line {line})") from exc


def _pdf_text(name: str, data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if not data.startswith(b"%PDF"):
        raise ExtractError(f"{name}: not a PDF file")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ExtractError(f"{name}: the PDF is encrypted")
        # Layout mode keeps the vertical gaps between paragraphs as blank lines.
        pages = [page.extract_text(extraction_mode="layout") or "" for page in reader.pages]
    except PdfReadError as exc:
        raise ExtractError(f"{name}: cannot read the PDF ({exc})") from exc
    # A blank line at each page break; the parser joins a sentence the break cut.
    return "\n\n".join("\n".join(line.strip() for line in page.strip().splitlines()) for page in pages)


def _html_text(html: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(_HTML_DROP):
        tag.decompose()
    root = soup.find("main") or soup.find("article") or soup.body or soup
    lines = []
    for element in root.find_all(_HTML_BLOCKS):
        if element.find_parent(_HTML_BLOCKS) is not None and element.name != "li":
            continue  # its text belongs to the block around it
        text = " ".join(_own_text(element).split())
        if not text:
            continue
        if element.name.startswith("h") and element.name[1:].isdigit():
            lines += ["", "#" * int(element.name[1]) + " " + text, ""]
        elif element.name == "li":
            depth = len(element.find_parents(["ul", "ol"])) - 1
            lines.append(" " * depth + "- " + text)
        else:
            lines += ["", text, ""]
    return "\n".join(lines)


def _own_text(element) -> str:
    """The element's text without that of nested list items (each nested item is its own bullet)."""
    if element.name != "li":
        return element.get_text(" ")
    parts = []
    for child in element.children:
        if getattr(child, "name", None) in ("ul", "ol"):
            continue
        parts.append(child.get_text(" ") if hasattr(child, "get_text") else str(child))
    return " ".join(parts)
