"""Proposals after a curator adds a document: the mentions, stated facts and unmapped places of a
test press release (tests/curation/documents.py; its facts are test values), the review queue
(accept, reject, versions), GET /api/proposals, and a rejected proposal staying rejected."""

from io import StringIO

import pytest
from django.core.management import call_command
from pyproj import Geod

from curation import extract_facts as facts
from curation.models import Proposal
from curation.proposals import accept, propose_for_document, reject
from geodata.models import Provenance
from projects.models import Project, ProjectMention, StatedFact
from tests.curation import documents as docs
from tests.curation.test_add_document import SLUG, add

pytestmark = pytest.mark.django_db
GEOD = Geod(ellps="WGS84")
# AidData precision 1 is the site, 2 within 25 km, 4 somewhere in the province (we allow 150 km).
RADIUS_KM = {1: 5, 2: 25, 4: 150}


def km(lon1, lat1, lon2, lat2) -> float:
    return GEOD.inv(lon1, lat1, lon2, lat2)[2] / 1000


@pytest.fixture
def press_release(loaded, tmp_path):
    return add(tmp_path, "press.md", docs.PRESS_RELEASE_MD)


def found(**filters) -> set[tuple]:
    return {(p.kind, p.feature_slug, p.field, p.value) for p in Proposal.objects.filter(**filters)}


# Facts and stages in the sources' own phrasings: pure functions, no database.


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("The Neak Loeung Bridge in Cambodia was opened in April 2015.", ("completed", "opened")),
        ("JICA will implement a feasibility study for the Vinh Hao Port.", ("study", "study")),
        ("JICA signed a loan agreement with the Government of Viet Nam", ("implementation", "signed")),
        ("The bridge is under construction.", ("implementation", "under construction")),
        ("Japan and the Mekong countries reaffirmed their friendship.", None),
    ],
)
def test_the_wording_implies_a_stage(text, stage):
    assert facts.stage_of(text) == stage


def test_the_press_release_states_funding_an_amount_and_a_signing_date(db):
    text = (
        "On March 24, 2020, the Japan International Cooperation Agency (JICA) signed a loan agreement "
        "with the Government of Viet Nam to provide Japanese ODA loans of up to 11.715 billion yen"
    )
    stated = {(f.field, f.value): f.details for f in facts.stated_facts(text)}
    assert ("funding", "oda_loan") in stated
    assert stated[("amount", "11.715 billion JPY")] == {"amount": 11_715_000_000, "currency": "JPY"}
    assert stated[("date", "2020-03-24")]["event"] == "signed"
    assert facts.amount_facts("a grant of US$ 2.5 million")[0].details == {
        "amount": 2_500_000,
        "currency": "USD",
    }
    assert facts.date_facts("opened on 5 April 2015")[0].value == "2015-04-05"
    assert facts.date_facts("on February 30, 2020") == []  # not a date


# Proposals for the press release.


def test_adding_a_document_proposes_its_mentions_facts_and_places(press_release):
    proposals = found(paragraph__document=press_release)
    assert ("mention", "hcmc-urban-railway-line-1", "", "") in proposals
    assert ("mention", "neak-loeung-bridge", "", "") in proposals
    assert {
        ("fact", "hcmc-urban-railway-line-1", "funding", "oda_loan"),
        ("fact", "hcmc-urban-railway-line-1", "amount", "11.715 billion JPY"),
        ("fact", "hcmc-urban-railway-line-1", "date", "2020-03-24"),
    } <= proposals
    neak = Proposal.objects.get(kind="mention", feature_slug="neak-loeung-bridge")
    assert neak.details["stage"] == "completed" and neak.details["stage_words"] == "opened"
    place = Proposal.objects.get(kind="place", name="Vinh Hao Port")
    assert place.feature_slug == "" and place.paragraph.anchor.startswith(SLUG)


def test_place_candidates_come_from_the_gazetteer_within_their_precision(press_release):
    # Binh Thuan province: its largest town in the basemap, Phan Thiet (108.10 E, 10.93 N).
    province = Proposal.objects.get(kind="place", name="Binh Thuan Province")
    candidate = province.details["candidates"][0]
    assert candidate["precision"] == 4 and candidate["country"] == "VNM"
    assert "province" in candidate["reason"] and "Phan Thiet" in candidate["reason"]
    assert km(candidate["lon"], candidate["lat"], 108.10, 10.93) <= RADIUS_KM[4]


def test_accepting_a_mention_a_fact_and_a_place_writes_them_with_provenance_and_versions(
    press_release, curator, client
):
    project = Project.objects.get(slug="hcmc-urban-railway-line-1")
    versions = project.history.count()
    mention = Proposal.objects.get(kind="mention", feature_slug="neak-loeung-bridge")
    accept(mention, user=curator)
    link = ProjectMention.objects.get(project__slug="neak-loeung-bridge", paragraph=mention.paragraph)
    assert link.stage == "completed" and link.history.count() == 1
    assert "stated by" in link.note and mention.paragraph.anchor in link.note

    accept(Proposal.objects.get(kind="fact", feature_slug=project.slug, field="funding"), user=curator)
    project.refresh_from_db()
    assert "oda_loan" in project.funding_types and project.funding_provenance == Provenance.STATED
    assert project.history.count() == versions + 1
    accept(Proposal.objects.get(kind="fact", feature_slug=project.slug, field="amount"), user=curator)
    amount = StatedFact.objects.get(project=project, field="amount")
    assert amount.details["currency"] == "JPY" and amount.paragraph.document == press_release
    page = client.get(f"/projects/{project.slug}/").content.decode()
    assert "Facts the sources state" in page and "11.715 billion JPY" in page
    assert amount.paragraph.anchor in page

    place = Proposal.objects.filter(kind="place", name="Binh Thuan Province").get()
    accept(place, user=curator, candidate=0)
    place.refresh_from_db()
    assert place.state == "accepted" and place.decided_by == curator and place.history.count() == 2
    new = Project.objects.get(slug=place.feature_slug)
    assert new.precision == 4 and "gazetteer" in new.location_note
    body = client.get("/api/projects.geojson").json()
    feature = next(f for f in body["features"] if f["id"] == new.slug)
    assert any(s["anchor"] == place.paragraph.anchor for s in feature["properties"]["sources"])


def test_a_rejected_proposal_does_not_come_back(press_release, curator):
    place = Proposal.objects.get(kind="place", name="Vinh Hao Port")
    reject(place, user=curator, note="not a Japan-Mekong action")
    report = propose_for_document(press_release)
    assert report.created == {}
    assert Proposal.objects.get(pk=place.pk).state == "rejected"
    assert Proposal.objects.filter(name="Vinh Hao Port").count() == 1


def test_the_propose_command_names_what_it_added(press_release):
    Proposal.objects.all().delete()
    out = StringIO()
    call_command("propose", "--document", SLUG, stdout=out)
    assert "mention" in out.getvalue() and Proposal.objects.filter(kind="mention").exists()


def test_the_review_queue_as_json(press_release, client):
    body = client.get("/api/proposals", {"document": SLUG}).json()
    assert body["count"] == len(body["results"]) > 0
    place = next(r for r in body["results"] if r["kind"] == "place" and r["name"] == "Binh Thuan Province")
    assert {"lon", "lat", "precision"} <= set(place["candidates"][0])
    mention = next(r for r in body["results"] if r["kind"] == "mention")
    assert mention["feature"]["slug"] and mention["paragraph"].startswith(SLUG)
    assert client.get("/api/proposals", {"document": "nope"}).json()["parameter"] == "document"
    assert client.get("/api/proposals").status_code == 400
    assert client.post("/api/proposals", {"document": SLUG}).status_code == 405


def test_staff_accept_in_the_admin_review_queue(press_release, admin_client):
    mention = Proposal.objects.get(kind="mention", feature_slug="neak-loeung-bridge")
    response = admin_client.post(
        "/admin/curation/proposal/",
        {"action": "accept_selected", "_selected_action": [mention.pk]},
        follow=True,
    )
    assert response.status_code == 200 and "1 accepted" in response.content.decode()
    assert ProjectMention.objects.filter(
        project__slug="neak-loeung-bridge", paragraph=mention.paragraph
    ).exists()


def test_coverage_measures_what_each_document_names_and_the_map_misses(press_release, curator, client):
    def entry():
        documents = client.get("/api/coverage").json()["documents"]
        return next(d for d in documents if d["document"] == SLUG)

    before = entry()
    missing = {(m["name"], m["paragraph"]) for m in before["unaccounted"]}
    vinh_hao = next((name, anchor) for name, anchor in missing if name == "Vinh Hao Port")
    assert before["mapped"] >= 2 and before["detected"] == (
        before["mapped"] + before["explained"] + before["rejected"] + len(before["unaccounted"]))
    assert 0 < before["share_mapped"] < 1
    reject(Proposal.objects.get(kind="place", name="Vinh Hao Port"), user=curator)
    after = entry()
    assert after["rejected"] == before["rejected"] + 1
    assert vinh_hao not in {(m["name"], m["paragraph"]) for m in after["unaccounted"]}


def test_a_curator_picks_the_candidate_position_on_the_proposals_page(press_release, admin_client):
    place = next(p for p in Proposal.objects.filter(kind="place", paragraph__document=press_release)
                 if len(p.details["candidates"]) >= 2)
    page = admin_client.get(f"/admin/curation/proposal/{place.pk}/change/").content.decode()
    second = place.details["candidates"][1]
    assert 'name="_accept"' in page and 'name="_reject"' in page
    where = f"{second['lon']:.4f}, {second['lat']:.4f}"
    assert f"{second['name']} ({where}; precision {second['precision']})" in page
    response = admin_client.post(f"/admin/curation/proposal/{place.pk}/change/", {
        "feature_slug": "", "value": "", "candidate": "1", "note": "The second candidate is the site.",
        "_accept": "Accept"}, follow=True)
    assert response.status_code == 200
    place.refresh_from_db()
    assert place.state == "accepted" and place.note == "The second candidate is the site."
    project = Project.objects.get(slug=place.feature_slug)
    assert project.geom.coords == pytest.approx((second["lon"], second["lat"]))
    assert project.precision == second["precision"]
    # Decided: the page shows the decision and offers no buttons.
    page = admin_client.get(f"/admin/curation/proposal/{place.pk}/change/").content.decode()
    assert 'name="_accept"' not in page


def test_rejecting_on_the_proposals_page_keeps_the_note_for_the_coverage_page(press_release, admin_client):
    place = Proposal.objects.get(kind="place", name="Vinh Hao Port")
    admin_client.post(f"/admin/curation/proposal/{place.pk}/change/", {
        "feature_slug": "", "value": "", "candidate": "0", "note": "Not a Japan-Mekong action.",
        "_reject": "Reject"})
    place.refresh_from_db()
    assert place.state == "rejected" and place.decided_by.username == "curator"
    html = admin_client.get("/coverage/").content.decode()
    rejected = html[html.index("Rejected by a curator</h2>"):]
    assert "Vinh Hao Port" in rejected and "Not a Japan-Mekong action." in rejected


def test_an_accepted_date_becomes_a_milestone_and_the_documents_year_a_year(press_release, curator):
    accept(Proposal.objects.get(kind="fact", feature_slug="hcmc-urban-railway-line-1", field="date"),
           user=curator)
    project = Project.objects.get(slug="hcmc-urban-railway-line-1")
    assert {"year": 2020, "event": "signed (March 24, 2020)", "anchor": f"{SLUG}-01"} in project.milestones
    assert 2020 in project.years and 2020 in project.milestone_years
