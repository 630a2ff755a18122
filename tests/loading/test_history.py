"""projects.history: the history oldest first and the status the sources imply."""

from django.core.management import call_command

from projects.history import HistoryEntry, derived_status, latest_stage, project_history
from projects.models import Project


def entry(year: int, stage: str, stated: int | None = None, anchor: str = "x") -> HistoryEntry:
    return HistoryEntry(document_year=year, document=f"D{year}", document_slug="d", anchor=anchor,
                        stage=stage, year=stated, quote="", origin="curated", note="")


def test_the_latest_document_wins_then_the_year_it_states():
    entries = [entry(2012, "implementation"), entry(2024, "study", 2023), entry(2024, "proposed", 2019)]
    assert latest_stage(entries).stage == "study"


def test_within_one_document_and_year_the_furthest_stage_wins():
    """A study of further works listed after the works does not set the project back to 'study'."""
    entries = [entry(2012, "implementation", 2012, "a"), entry(2012, "study", 2012, "b")]
    assert latest_stage(entries).stage == "implementation"


def test_paragraphs_that_state_no_stage_do_not_count():
    assert latest_stage([entry(2012, "study"), entry(2024, "")]).stage == "study"
    assert latest_stage([entry(2024, "")]) is None


def test_project_history_is_oldest_first_and_derived_status_follows_it(linked):
    call_command("link_mentions")
    project = Project.objects.get(slug="hcmc-urban-railway-line-1")
    history = project_history(project=project)
    assert [(e.anchor, e.stage, e.origin) for e in history] == [
        ("ap2012-2.2-03", "implementation", "curated"), ("mjc2024-3", "", "automatic")]
    assert derived_status(project=project) == "implementation"
    assert derived_status(project=Project.objects.get(slug="third-mekong-bridge")) == "unknown"
