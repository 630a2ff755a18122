"""A curator's day in a real chromium, as the README tells it: log in, upload a press release, read
its paragraphs, accept a mention, a stated fact and a new place on their proposal pages, see them on
the public pages with their provenance and in the feature's history, restore the previous version,
and dump to files with a diff that touches only what was curated."""

import difflib
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from curation.models import Proposal
from geodata.models import Document
from projects.models import Project
from tests.curation import documents as docs
from tests.curation.test_add_document import SLUG
from tests.curation.test_admin_map import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
HCMC = "hcmc-urban-railway-line-1"


def dumped_projects(out: Path) -> list[str]:
    call_command("dump_geodata", out=out, stdout=StringIO())
    return (out / "projects.geojson").read_text(encoding="utf-8").splitlines()


def decide(page, live_server, proposal: Proposal, *, button: str, candidate: str | None = None):
    page.goto(f"{live_server.url}/admin/curation/proposal/{proposal.pk}/change/")
    if candidate is not None:
        page.select_option("#id_candidate", candidate)
    page.fill("#id_note", f"Checked against the press release ({button.lower()}).")
    page.click(f"input[name=_{button.lower()}]")
    page.wait_for_selector(".messagelist .success")


def changed_slugs(before: list[str], after: list[str]) -> set[str]:
    """The slugs of the features whose lines the diff touches (each feature's block starts with its slug)."""
    slugs, current = set(), None
    owner = []
    for line in after:
        found = re.match(r'\s*"slug": "([^"]+)"', line)
        current = found.group(1) if found else current
        owner.append(current)
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for tag, _, _, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            slugs.update(owner[max(j1 - 1, 0):max(j2, j1 + 1)])
    return slugs - {None}


def test_a_curators_day_in_the_browser(page, page_log, live_server, curator, loaded, screenshot, tmp_path):
    before = dumped_projects(tmp_path / "before")
    log_in(page, live_server)

    # Add the press release as a file.
    page.goto(f"{live_server.url}/admin/geodata/document/add/")
    press = tmp_path / "press.md"
    press.write_text(docs.PRESS_RELEASE_MD, encoding="utf-8")
    page.fill("#id_slug", SLUG)
    page.fill("#id_title", "Signing of Japanese ODA Loan Agreement with Viet Nam")
    page.fill("#id_date_text", "2020-03-24")
    page.fill("#id_publisher", "JICA")
    page.select_option("#id_kind", "press-release")
    page.set_input_files("#id_file", str(press))
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")

    # Its paragraphs in the reader.
    page.goto(f"{live_server.url}/sources/{SLUG}/")
    assert "On March 24, 2020, the Japan International" in page.locator(f"#{SLUG}-01").inner_text()
    screenshot(page, "curator-reader-press-release")

    # The review queue of the document, then one decision per proposal page.
    document = Document.objects.get(slug=SLUG)
    page.goto(f"{live_server.url}/admin/curation/proposal/?paragraph__document__id__exact={document.pk}")
    assert page.locator("#result_list tbody tr").count() == Proposal.objects.filter(
        paragraph__document=document).count() > 5
    screenshot(page, "curator-review-queue")
    decide(page, live_server, Proposal.objects.get(kind="mention", feature_slug="neak-loeung-bridge"),
           button="Accept")
    decide(page, live_server, Proposal.objects.get(kind="fact", feature_slug=HCMC, field="amount"),
           button="Accept")
    place = Proposal.objects.get(kind="place", name="Binh Thuan Province")
    page.goto(f"{live_server.url}/admin/curation/proposal/{place.pk}/change/")
    screenshot(page, "curator-place-proposal")
    decide(page, live_server, place, button="Accept", candidate="0")
    decide(page, live_server, Proposal.objects.get(kind="place", name="Vinh Hao Port"), button="Reject")

    # On the public pages, with provenance.
    page.goto(f"{live_server.url}/projects/{HCMC}/")
    facts = page.locator("text=Facts the sources state").locator("xpath=..")
    assert "11.715 billion JPY" in facts.inner_text()
    assert page.locator(f"a[href$='#{SLUG}-01']").count() > 0
    screenshot(page, "curator-project-stated-fact")
    new = Project.objects.get(slug=Proposal.objects.get(pk=place.pk).feature_slug)
    page.goto(f"{live_server.url}/projects/{new.slug}/")
    assert "gazetteer" in page.content()
    features = page.request.get(f"{live_server.url}/api/projects.geojson").json()["features"]
    assert new.slug in {f["id"] for f in features}
    page.goto(f"{live_server.url}/coverage/")
    assert "Vinh Hao Port" in page.locator("table.rejected").inner_text()

    # The project's history: the accepted fact is a version; a later edit is restored away.
    hcmc = Project.objects.get(slug=HCMC)
    accepted = hcmc.history.latest()
    page.goto(f"{live_server.url}/admin/projects/project/{hcmc.pk}/change/")
    page.fill("#id_funding_note", "A note the curator regrets.")
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")
    page.goto(f"{live_server.url}/admin/projects/project/{hcmc.pk}/history/")
    history = page.locator("#change-history").inner_text()
    assert history.count("curator") >= 2  # the accepted fact and the edit, each by the curator
    screenshot(page, "curator-history")
    versions = hcmc.history.count()
    page.goto(f"{live_server.url}/admin/projects/project/{hcmc.pk}/history/{accepted.history_id}/")
    page.click("input[name=_save]")  # Revert
    page.wait_for_selector(".messagelist .success")
    hcmc.refresh_from_db()
    assert hcmc.funding_note == accepted.funding_note != "A note the curator regrets."
    assert hcmc.history.count() == versions + 1  # the restore is a version of its own
    assert hcmc.history.latest().history_user == curator

    # Dump: the diff touches the curated features only.
    after = dumped_projects(tmp_path / "after")
    assert changed_slugs(before, after) <= {"neak-loeung-bridge", HCMC, new.slug}
    assert HCMC in changed_slugs(before, after) and new.slug in changed_slugs(before, after)
    assert page_log.external_requests == []
    assert page_log.console_errors == []
