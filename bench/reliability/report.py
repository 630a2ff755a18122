"""docs/reliability.md: each campaign rewrites its own section, between its markers, and leaves
the rest of the page (written by hand) as it is."""

from pathlib import Path

PAGE = Path(__file__).resolve().parents[2] / "docs" / "reliability.md"


def write_section(name: str, text: str, *, page: Path = PAGE) -> None:
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    content = page.read_text()
    if start not in content or end not in content:
        raise SystemExit(f"{page} has no {start} ... {end} markers for this section")
    before, rest = content.split(start, 1)
    _, after = rest.split(end, 1)
    page.write_text(f"{before}{start}\n{text.strip()}\n{end}{after}")
