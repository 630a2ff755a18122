"""A project's stated facts in its data file: `stated_facts`, a list of
`{"anchor", "field", "value", "words", "details"}` — a funding instrument, an amount with its currency
or a dated event that a cited paragraph states in those words (accepted from a curator's proposal).
The file keeps them so the database can be rebuilt from the files (dump_geodata, load_geodata).

Checks in the loader's style (problems, not exceptions), the file's shape of a project's facts, and
the write that makes the table follow the file."""

from collections.abc import Mapping

from geodata.models import Paragraph
from projects.models import Project, StatedFact

_KEYS = {"anchor", "field", "value", "words", "details"}


def stated_fact_list():
    """The property check for `stated_facts` (geodata.validation's Check protocol); absent is none."""
    def check(value):
        if value is None or value == []:
            return None
        if not isinstance(value, list):
            return f"must be a list of stated facts (anchor, field, value, words, details), not {value!r}"
        for item in value:
            if (not isinstance(item, dict) or set(item) != _KEYS
                    or item["field"] not in StatedFact.Field.values
                    or not all(isinstance(item[k], str) and item[k].strip()
                               for k in ("anchor", "value", "words"))
                    or not isinstance(item["details"], dict)):
                return (f"each stated fact needs an anchor, a field ({', '.join(StatedFact.Field.values)}), "
                        f"a value, the words that state it and details, not {item!r}")
        return None
    return check


def check_stated_facts(*, facts, sources, texts: Mapping[str, str]) -> list[str]:
    """Messages for facts whose paragraph is not a cited source or does not say the words."""
    if not isinstance(facts, list) or not isinstance(sources, list):
        return []  # the shapes are reported by the property and source checks
    cited = {s.get("anchor") for s in sources if isinstance(s, dict)}
    messages = []
    for fact in facts:
        if not isinstance(fact, dict) or not isinstance(fact.get("anchor"), str):
            continue  # reported by stated_fact_list
        anchor = fact["anchor"]
        if anchor not in cited:
            messages.append(f"{fact.get('field')} {fact.get('value')!r}: {anchor!r} is not a cited paragraph")
        elif anchor in texts and fact.get("words") not in texts[anchor]:
            messages.append(f"{fact.get('field')} {fact.get('value')!r}: the paragraph {anchor} does not say "
                            f"{fact.get('words')!r}")
    return messages


def in_file_order(facts: list[dict]) -> list[dict]:
    return sorted(facts, key=lambda fact: (fact["anchor"], fact["field"], fact["value"]))


def facts_of(project: Project) -> list[dict]:
    """The project's stated facts in the file's shape, in a stable order."""
    rows = project.stated_facts.select_related("paragraph")
    return in_file_order([{"anchor": f.paragraph.anchor, "field": f.field, "value": f.value,
                           "words": f.words, "details": f.details} for f in rows])


def sync_stated_facts(*, project: Project, facts: list[dict]) -> None:
    """The table holds exactly the file's facts for the project (each save versioned)."""
    wanted = {(f["anchor"], f["field"], f["value"]): f for f in facts}
    for fact in project.stated_facts.select_related("paragraph"):
        key = (fact.paragraph.anchor, fact.field, fact.value)
        if key not in wanted:
            fact.delete()
            continue
        row = wanted.pop(key)
        if (fact.words, fact.details) != (row["words"], row["details"]):
            fact.words, fact.details = row["words"], row["details"]
            fact.save()
    paragraphs = Paragraph.objects.in_bulk([a for a, _, _ in wanted], field_name="anchor")
    for (anchor, field, value), row in wanted.items():
        StatedFact.objects.create(project=project, paragraph=paragraphs[anchor], field=field, value=value,
                                  words=row["words"], details=row["details"])
