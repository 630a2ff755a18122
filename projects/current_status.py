"""One rule for a project's current status, kept apart from the stage its sources state.

The sources state a stage per paragraph (the `stage` and `year` of each cited source); the latest of
them is the *stated stage* ("as stated in 2012: implementation"). The *current status* is the
project's `status` with the year it holds for (`status_as_of`) and its basis (`status_basis`):

* `status_provenance` "stated": the current status is the stated stage; the basis is the anchor of
  the paragraph that states it and `status_as_of` its year (the year it states, else its
  document's year).
* "curated": a later public record gives the status; the basis names that record (who published
  what, and when), `status_note` says what it shows, and `status_as_of` is not older than the
  stated stage (a curated status never hides a later statement of the sources).

Pure functions over the file's properties; `load_geodata` and the admin apply them.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from geodata.models import Provenance
from projects.history import latest_stage


@dataclass(frozen=True)
class StageStatement:
    """What one cited paragraph states of a project's stage (the fields latest_stage orders by)."""

    anchor: str
    document_year: int
    year: int | None
    stage: str

    @property
    def as_of(self) -> int:
        return self.year or self.document_year


def stated_stage(*, sources, anchor_years: Mapping[str, int]) -> StageStatement | None:
    """The latest stage the cited paragraphs state (projects.history.latest_stage's order)."""
    if not isinstance(sources, list):
        return None
    statements = [
        StageStatement(anchor=s["anchor"], document_year=anchor_years[s["anchor"]],
                       year=s.get("year") if isinstance(s.get("year"), int) else None,
                       stage=s.get("stage") or "")
        for s in sources if isinstance(s, dict) and s.get("anchor") in anchor_years
    ]
    return latest_stage(statements)


def check_current_status(*, props: Mapping, anchor_years: Mapping[str, int]) -> list[tuple[str, str]]:
    """(field, message) for a current status that does not follow the rule (see the module doc)."""
    status, as_of, basis = props.get("status"), props.get("status_as_of"), props.get("status_basis")
    if not isinstance(as_of, int) or not isinstance(basis, str) or not basis.strip():
        return []  # the missing values are reported by the property checks
    sources = props.get("sources")
    cited = {s.get("anchor") for s in sources if isinstance(s, dict)} if isinstance(sources, list) else set()
    if not cited or not cited <= set(anchor_years):
        return []  # no sources, or an anchor that is not a paragraph: reported by check_sources
    latest = stated_stage(sources=sources, anchor_years=anchor_years)
    if props.get("status_provenance") == Provenance.STATED:
        if latest is None:
            return [("status_provenance", "is 'stated' but no cited paragraph states a stage; curate the "
                     "status (provenance 'curated', a basis naming the public record)")]
        problems = []
        if status != latest.stage:
            problems.append(("status", f"{status!r} is marked stated, but the latest paragraph that states "
                             f"a stage ({latest.anchor}) says {latest.stage!r}"))
        if basis != latest.anchor:
            problems.append(("status_basis", f"a stated status's basis is the paragraph that states it: "
                             f"{latest.anchor!r}, not {basis!r}"))
        if as_of != latest.as_of:
            problems.append(("status_as_of", f"a stated status holds as of its paragraph's year "
                             f"{latest.as_of}, not {as_of}"))
        return problems
    problems = []
    if basis.strip() in cited:
        problems.append(("status_basis", "a curated status's basis names the public record that states "
                         "it, not a cited paragraph (a status a cited paragraph states is 'stated')"))
    if not (props.get("status_note") or "").strip():
        problems.append(("status_note", "a curated status needs a note saying what its record shows"))
    if latest is not None and as_of < latest.as_of:
        problems.append(("status_as_of", f"{as_of} is older than the stage {latest.anchor} states "
                         f"({latest.as_of}); a curated status must not hide a later statement"))
    return problems
