"""manage.py import_sources: all five documents, idempotent, atomic, pillars and themes attached."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from geodata import pillars as pillar_data
from geodata.models import Document, Paragraph, Pillar, Section, Theme
from geodata.parsing import ParseError
from geodata.services import SourceDataError, import_sources

pytestmark = pytest.mark.django_db

SLUGS = {
    "mjc-strategy-2024",
    "tokyo-strategy-2012-action-plan",
    "meti-mekong-japan-economic-cooperation-2020",
    "japan-mekong-connectivity-initiative-2016",
    "japan-mekong-partnership-program-2007",
}


def test_all_five_documents_import_with_their_manifest_metadata(sources):
    assert set(Document.objects.values_list("slug", flat=True)) == SLUGS
    strategy = Document.objects.get(slug="mjc-strategy-2024")
    assert (strategy.title, strategy.date_text, strategy.year, strategy.anchor_prefix) == (
        "Mekong-Japan Cooperation Strategy 2024",
        "2024-07-26",
        2024,
        "mjc2024",
    )
    assert strategy.adopted_at == "15th Mekong-Japan Foreign Ministers' Meeting, Lao PDR"
    assert len(strategy.sha256) == 64
    assert Document.objects.get(slug="japan-mekong-connectivity-initiative-2016").date_note.startswith(
        "not printed"
    )
    assert sources.paragraphs_per_document["mjc-strategy-2024"] == 56
    assert Paragraph.objects.count() == 232


def test_paragraphs_keep_section_path_parent_and_order(sources):
    nested = Paragraph.objects.get(anchor="ap2012-1.1-19b")
    assert nested.parent.anchor == "ap2012-1.1-19"
    assert nested.section_path.startswith("1 > 1.1 Actions and measures to implement projects")
    assert nested.section.label == "1.1" and nested.section.parent.label == "1"
    assert Paragraph.objects.get(anchor="mjc2024-10").section_path == (
        "II > A > A.1 Quality infrastructure and sustainable urban development"
    )
    orders = list(
        Paragraph.objects.filter(document__slug="mjc-strategy-2024").values_list("anchor", flat=True)
    )
    assert orders[:3] == ["mjc2024-p1", "mjc2024-1", "mjc2024-2"]


@pytest.mark.parametrize(
    ("anchor", "pillar", "theme"),
    [
        ("mjc2024-3", "mjc2024-ts2018-1", "connectivity"),
        ("mjc2024-4", "mjc2024-ts2018-2", "people"),
        ("mjc2024-5", "mjc2024-ts2018-3", "environment"),
        ("mjc2024-8", "mjc2024-a", "connectivity"),
        ("mjc2024-10", "mjc2024-a", "connectivity"),
        ("mjc2024-30", "mjc2024-b", "digital"),
        ("mjc2024-55", "mjc2024-c", "security"),
        ("ap2012-1.1-07", "ap2012-1", "connectivity"),
        ("ap2012-1.1-19a", "ap2012-1", "connectivity"),
        ("ap2012-2.3-02", "ap2012-2", "industry"),
        ("ap2012-3.2-01", "ap2012-3", "environment"),
        ("jmci2016-01", "jmci2016-connectivity", "connectivity"),
        ("jmci2016-15", "jmci2016-connectivity", "connectivity"),
        ("jmpp2007-04", "jmpp2007-1", "connectivity"),
        ("jmpp2007-09", "jmpp2007-2", "industry"),
        ("jmpp2007-11", "jmpp2007-3", "people"),
    ],
)
def test_paragraphs_inherit_the_pillar_of_their_section(sources, anchor, pillar, theme):
    paragraph = Paragraph.objects.select_related("pillar__theme").get(anchor=anchor)
    assert (paragraph.pillar.slug, paragraph.pillar.theme.slug) == (pillar, theme)


@pytest.mark.parametrize(
    "anchor",
    [
        "mjc2024-p1",
        "mjc2024-1",
        "mjc2024-2",
        "mjc2024-7",
        "ap2012-p1",
        "ap2012-4-01",
        "ap2012-5-02",
        "jmpp2007-01",
        "jmpp2007-12",
        "meti2020-10",
    ],
)
def test_paragraphs_outside_any_pillar_have_none(sources, anchor):
    assert Paragraph.objects.get(anchor=anchor).pillar is None


def test_themes_and_document_pillars(sources):
    assert list(Theme.objects.values_list("slug", flat=True)) == [
        "connectivity",
        "industry",
        "people",
        "digital",
        "environment",
        "security",
    ]
    assert set(Pillar.objects.filter(document__slug="mjc-strategy-2024").values_list("slug", flat=True)) == {
        "mjc2024-ts2018-1",
        "mjc2024-ts2018-2",
        "mjc2024-ts2018-3",
        "mjc2024-a",
        "mjc2024-b",
        "mjc2024-c",
    }
    assert (
        Pillar.objects.get(slug="ap2012-3").name == "Ensuring Human Security and Environmental Sustainability"
    )
    connectivity_years = set(
        Paragraph.objects.filter(pillar__theme__slug="connectivity").values_list("document__year", flat=True)
    )
    assert connectivity_years == {2007, 2012, 2016, 2024}


def test_a_second_import_changes_nothing(sources):
    before = dict(Paragraph.objects.values_list("anchor", "pk"))
    sections_before = list(Section.objects.values_list("pk", "path"))
    with CaptureQueriesContext(connection) as queries:
        report = import_sources()
    writes = [
        q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []
    assert not report.changed
    assert (report.paragraphs.unchanged, report.paragraphs.created, report.paragraphs.updated) == (232, 0, 0)
    assert report.documents.unchanged == 5 and report.sections.unchanged == len(sections_before)
    assert dict(Paragraph.objects.values_list("anchor", "pk")) == before
    assert list(Section.objects.values_list("pk", "path")) == sections_before


def test_the_command_reports_unchanged_counts_on_a_second_run(sources, capsys):
    call_command("import_sources")
    out = capsys.readouterr().out
    assert "paragraphs: 0 created, 0 updated, 232 unchanged, 0 deleted" in out
    assert "Sources unchanged" in out


def test_an_edited_paragraph_is_updated_in_place(sources, source_copy):
    path = source_copy / "mjc-strategy-2024.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("provided vaccines", "provided many vaccines"),
        encoding="utf-8",
    )
    before = Paragraph.objects.get(anchor="mjc2024-8").pk
    sha_before = Document.objects.get(slug="mjc-strategy-2024").sha256
    report = import_sources(source_dir=source_copy)
    assert (report.paragraphs.updated, report.paragraphs.created, report.paragraphs.deleted) == (1, 0, 0)
    paragraph = Paragraph.objects.get(anchor="mjc2024-8")
    assert paragraph.pk == before
    assert "provided many vaccines and medical equipment" in paragraph.text
    assert Document.objects.get(slug="mjc-strategy-2024").sha256 != sha_before
    assert report.documents.updated == 1


def test_an_inserted_paragraph_shifts_orders_without_touching_anchored_rows(sources, source_copy):
    path = source_copy / "japan-mekong-connectivity-initiative-2016.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("【Upcoming schedule】", "【Upcoming schedule】\n\n- * A new first item."),
        encoding="utf-8",
    )
    pk_of_13 = Paragraph.objects.get(anchor="jmci2016-13").pk
    report = import_sources(source_dir=source_copy)
    # Reading-order anchors: the new bullet is jmci2016-13 and the last one becomes jmci2016-16.
    assert report.paragraphs.created == 1
    assert Paragraph.objects.get(pk=pk_of_13).text == "A new first item."
    assert Paragraph.objects.get(anchor="jmci2016-16").text.startswith("The details of the initiative")


def test_a_broken_file_leaves_the_database_untouched_and_names_file_and_line(sources, source_copy):
    edited = source_copy / "mjc-strategy-2024.md"
    edited.write_text(
        edited.read_text(encoding="utf-8").replace("provided vaccines", "provided many vaccines"),
        encoding="utf-8",
    )
    broken = source_copy / "japan-mekong-partnership-program-2007.md"
    lines = broken.read_text(encoding="utf-8").splitlines()
    lines.insert(12, " - an orphan nested bullet")  # becomes line 13, right after "Three Goals"
    broken.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(
        ParseError, match=r"^japan-mekong-partnership-program-2007\.md line 13: nested bullet"
    ):
        import_sources(source_dir=source_copy)
    assert "provided vaccines and" in Paragraph.objects.get(anchor="mjc2024-8").text


def test_the_command_fails_with_file_and_line_and_writes_nothing_into_an_empty_database(db, source_copy):
    path = source_copy / "tokyo-strategy-2012-action-plan.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\n1.1 Actions", "\n - nested too early\n\n1.1 Actions"), encoding="utf-8")
    with pytest.raises(
        CommandError, match=r"tokyo-strategy-2012-action-plan\.md line 11: .*database unchanged"
    ):
        call_command("import_sources", source_dir=source_copy)
    assert Document.objects.count() == 0 and Paragraph.objects.count() == 0 and Theme.objects.count() == 0


def test_a_failure_after_writes_began_rolls_them_all_back(db, monkeypatch):
    """The pillars of the last document name a missing section: earlier documents were already
    written inside the transaction and must disappear with it."""
    broken = dict(pillar_data.PILLARS)
    broken["japan-mekong-partnership-program-2007"] = (
        pillar_data.PillarDef("9", "Nowhere", "people", sections=("(9)",)),
    )
    monkeypatch.setattr("geodata.services.PILLARS", broken)
    with pytest.raises(SourceDataError, match=r"japan-mekong-partnership-program-2007\.md: \['\(9\)'\]"):
        import_sources()
    assert Document.objects.count() == 0 and Paragraph.objects.count() == 0
