"""A curator's day, end to end on the committed data: add a press release, accept a mention, three
stated facts and a new place, then dump to files. The project's years, status and milestones follow
the accepted paragraphs, the files hold everything accepted (stated facts included), loading them
changes nothing, and the database rebuilt from the files serves the same features."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from curation.models import Proposal
from curation.proposals import accept
from geodata.models import Provenance
from projects.models import Project, StatedFact
from tests.curation import documents as docs
from tests.curation.test_add_document import SLUG, add
from tests.curation.test_dump import dump, real_data  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db
HCMC = "hcmc-urban-railway-line-1"
FACT = ("project__slug", "paragraph__anchor", "field", "value", "words")


def load(directory) -> str:
    stdout = StringIO()
    call_command("load_geodata", corridors=directory / "corridors.geojson",
                 projects=directory / "projects.geojson", stdout=stdout, stderr=StringIO())
    return stdout.getvalue()


@pytest.fixture
def curated_day(real_data, tmp_path, curator):  # noqa: F811  (fixture)
    add(tmp_path, "press.md", docs.PRESS_RELEASE_MD)
    accept(Proposal.objects.get(kind="mention", feature_slug="neak-loeung-bridge"), user=curator)
    for field in ("funding", "amount", "date"):
        accept(Proposal.objects.get(kind="fact", feature_slug=HCMC, field=field), user=curator)
    accept(Proposal.objects.get(kind="place", name="Binh Thuan Province"), user=curator, candidate=0)
    out = tmp_path / "dump"
    dump(out)
    return out


def test_accepted_paragraphs_carry_their_years_status_and_milestones(curated_day):
    signing = f"{SLUG}-01"
    hcmc = Project.objects.get(slug=HCMC)
    assert hcmc.years == [2012, 2020, 2024]  # the press release (2020) names it now
    assert {"year": 2020, "event": "signed (March 24, 2020)", "anchor": signing} in hcmc.milestones
    assert 2020 in hcmc.milestone_years
    # Its curated status (as of 2024) is later than the press release: it stays.
    assert hcmc.status_provenance == Provenance.CURATED and hcmc.status_as_of == 2024
    neak = Project.objects.get(slug="neak-loeung-bridge")
    opened = Proposal.objects.get(kind="mention", feature_slug="neak-loeung-bridge").paragraph.anchor
    # "was opened" in 2020 is later than the curated record of 2015: the status follows the paragraph.
    assert neak.years == [2012, 2020]
    assert (neak.status, neak.status_provenance, neak.status_basis, neak.status_as_of) == (
        "completed", Provenance.STATED, opened, 2020)
    assert "replaces the curated status" in neak.status_note


def test_the_files_hold_what_was_accepted_and_load_unchanged(curated_day):
    features = {f["properties"]["slug"]: f["properties"]
                for f in json.loads((curated_day / "projects.geojson").read_text())["features"]}
    facts = {(f["field"], f["value"]) for f in features[HCMC]["stated_facts"]}
    assert facts == {("funding", "oda_loan"), ("amount", "11.715 billion JPY"), ("date", "2020-03-24")}
    assert "stated_facts" not in features["neak-loeung-bridge"]  # none accepted: none written
    assert "binh-thuan-province" in features
    count = Project.objects.count()
    output = load(curated_day)
    assert f"projects: 0 created, 0 updated, {count} unchanged, 0 deleted" in output


def test_the_database_rebuilt_from_the_files_serves_the_same_features(curated_day, client):
    before = client.get("/api/projects.geojson").json()["features"]
    facts = set(StatedFact.objects.values_list(*FACT))
    count = Project.objects.count()
    Project.objects.all().delete()
    assert f"projects: {count} created" in load(curated_day)
    assert client.get("/api/projects.geojson").json()["features"] == before
    assert set(StatedFact.objects.values_list(*FACT)) == facts
    assert "11.715 billion JPY" in client.get(f"/projects/{HCMC}/").content.decode()


def test_a_stated_fact_the_paragraph_does_not_say_is_refused_with_its_feature_and_field(curated_day):
    path = curated_day / "projects.geojson"
    text = path.read_text()
    assert '"words": "11.715 billion yen"' in text
    path.write_text(text.replace('"words": "11.715 billion yen"', '"words": "11.9 billion yen"'))
    stderr = StringIO()
    with pytest.raises(CommandError, match="nothing was written"):
        call_command("load_geodata", corridors=curated_day / "corridors.geojson", projects=path,
                     stdout=StringIO(), stderr=stderr)
    assert f"projects.geojson: feature '{HCMC}': field 'stated_facts'" in stderr.getvalue()
    assert "does not say '11.9 billion yen'" in stderr.getvalue()
    assert StatedFact.objects.filter(project__slug=HCMC, field="amount", words__contains="11.715").exists()
