"""A project's years, named for what they are.

* `years` are the years of the documents that name the project ("named in"): exactly the years of the
  citing documents. The map's year filter, its chart and the OGC `datetime` use them.
* `milestones` are the dated events a cited paragraph states (an Exchange of Notes signed, a target date),
  each `{"year", "event", "anchor"}`; the year must occur in that paragraph's text, and every year a
  source gives for its stage that is not its document's year must be one of them.

Pure functions over the file's properties; `load_geodata` and the admin apply them.
"""

from collections.abc import Mapping


def _is_year(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 1950 <= value <= 2100


def milestone_list():
    """The property check for `milestones` (geodata.validation's Check protocol)."""
    def check(value):
        if value is None or value == []:
            return None
        if not isinstance(value, list):
            return f"must be a list of {{\"year\", \"event\", \"anchor\"}}, not {value!r}"
        for item in value:
            if (not isinstance(item, dict) or not _is_year(item.get("year"))
                    or not isinstance(item.get("event"), str) or not item["event"].strip()
                    or not isinstance(item.get("anchor"), str)):
                return f"each milestone needs a year, an event and the anchor that states it, not {item!r}"
        return None
    return check


def milestone_years(milestones) -> list[int]:
    return sorted({m["year"] for m in milestones or []})


def check_years(*, years, sources, anchor_years: Mapping[str, int], milestones=None,
                texts: Mapping[str, str] | None = None) -> list[tuple[str, str]]:
    """(field, message) for years that are not the citing documents' years, and for milestones that no
    cited paragraph states (see the module doc). `texts` (paragraph texts by anchor) checks that each
    milestone's year occurs in its paragraph."""
    if not isinstance(years, list) or not isinstance(sources, list):
        return []  # the shapes are reported by the property and source checks
    if any(not isinstance(s, dict) or s.get("anchor") not in anchor_years for s in sources):
        return []  # an anchor that is not a paragraph is reported by check_sources
    cited = list(sources)
    documents = {anchor_years[s["anchor"]] for s in cited}
    problems = []
    missing = sorted(documents - set(years))
    if missing:
        problems.append(("years", f"must include {missing}: the years of the citing documents"))
    extra = sorted(set(years) - documents)
    if extra:
        problems.append(("years", f"holds {extra}, which no citing document has: years are the documents' "
                                  "years (named in); a year a source states is a milestone"))
    milestones = milestones if isinstance(milestones, list) else []
    anchors = {s["anchor"] for s in cited}
    for m in milestones:
        if not isinstance(m, dict):
            continue  # reported by milestone_list
        if m.get("anchor") not in anchors:
            problems.append(("milestones", f"{m.get('year')}: {m.get('anchor')!r} is not a cited paragraph"))
        elif texts is not None and str(m.get("year")) not in texts.get(m["anchor"], ""):
            problems.append(("milestones", f"{m.get('year')}: the paragraph {m['anchor']} does not state "
                                           "that year"))
    stated = set(milestone_years([m for m in milestones if isinstance(m, dict)]))
    for s in cited:
        year = s.get("year")
        if _is_year(year) and year != anchor_years[s["anchor"]] and year not in stated:
            problems.append(("milestones", f"must include {year}: the year {s['anchor']} states"))
    return problems
