"""Submitting an admin change form as a browser would: every field the page holds, then changes."""

from bs4 import BeautifulSoup


def form_fields(html: bytes | str, *, form_id: str | None = None) -> dict[str, str | list[str]]:
    """name -> value of every input, select and textarea of the page's form (checked/selected only)."""
    soup = BeautifulSoup(html, "html.parser")
    # The admin's header holds a small logout form: the page's form is the one with the most fields.
    forms = [soup.find("form", id=form_id)] if form_id else soup.find_all("form", method="post")
    form = max(forms, key=lambda f: len(f.find_all(["input", "select", "textarea"])))
    data: dict[str, str | list[str]] = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or field.name == "input" and field.get("type") in {"submit", "button", "file"}:
            continue
        if field.name == "input" and field.get("type") in {"checkbox", "radio"}:
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
            continue
        if field.name == "select":
            chosen = [o.get("value", o.text) for o in field.find_all("option") if o.has_attr("selected")]
            if field.has_attr("multiple"):
                data[name] = chosen
            elif chosen:
                data[name] = chosen[0]
            continue
        data[name] = field.text if field.name == "textarea" else field.get("value", "")
    return data


def error_of(html: bytes | str, field: str) -> str:
    """The error text the admin shows next to a field ("" when none)."""
    soup = BeautifulSoup(html, "html.parser")
    row = soup.select_one(f".field-{field}")
    errors = row.select_one(".errorlist") if row else None
    return errors.get_text(" ", strip=True) if errors else ""


def all_errors(html: bytes | str) -> list[str]:
    """Every error the page shows (for assertion messages)."""
    soup = BeautifulSoup(html, "html.parser")
    return [e.get_text(" ", strip=True) for e in soup.select(".errorlist, .errornote")]
