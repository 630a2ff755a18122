"""The project and corridor detail pages and the coverage page, after loading and linking."""

import json
import re

import pytest

from curation.models import Proposal
from curation.proposals import reject
from geodata.models import Paragraph


def feature_geojson(html: str) -> dict:
    match = re.search(r'<script type="application/json" id="feature-geojson"[^>]*>(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_project_page_shows_facts_with_their_provenance(linked, client):
    """Each fact carries its badge and note; precision is explained; the map gets the real geometry."""
    response = client.get("/projects/hanoi-urban-railway-line-1/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ha Noi City Urban Railway Construction Project (Line 1)" in html
    assert re.search(r"Status as of 2012</dt>\s*<dd>\s*<span class=\"value\">Implementation</span>\s*"
                     r"<span class=\"badge badge-stated\">stated in source</span>\s*"
                     r"<span class=\"note\">as the cited paragraphs state Basis: ap2012-2.2-01</span>", html)
    assert re.search(r"As stated in 2012: <strong>implementation</strong>", html)
    assert re.search(r"Funding</dt>\s*<dd>\s*<span class=\"value\">ODA loan</span>\s*"
                     r"<span class=\"badge badge-curated\">curated</span>\s*"
                     r"<span class=\"note\">fixture funding note</span>", html)
    assert "Precision 2: within about 25 km" in html
    assert feature_geojson(html) == {"type": "Point", "coordinates": [105.84, 21.02]}
    assert 'href="/?focus=hanoi-urban-railway-line-1"' in html
    assert 'callback: window.gmShowFeature' in html


def test_project_page_quotes_its_paragraphs_oldest_first_with_links(linked, client):
    """HCMC Line 1: AP2012 (curated, implementation 2012) before MJC2024 (matched by name)."""
    html = client.get("/projects/hcmc-urban-railway-line-1/").content.decode()
    first = html.index('href="/sources/tokyo-strategy-2012-action-plan/#ap2012-2.2-03"')
    second = html.index('href="/sources/mjc-strategy-2024/#mjc2024-3"')
    assert first < second
    assert "signing of the Exchange of Notes for the Ho Chi Minh City Urban Railway Line 1 (Phase IV)" in html
    assert re.search(r"<td>implementation</td>\s*<td>2012</td>\s*<td>curated</td>", html)
    assert re.search(r"<td>—</td>\s*<td>—</td>\s*<td>matched by name</td>", html)
    assert "As stated in 2012: <strong>implementation</strong>" in html


def test_project_page_lists_the_corridors_it_serves(linked, client):
    html = client.get("/projects/lao-national-road-9-improvement/").content.decode()
    assert '<a href="/corridors/east-west-economic-corridor/">East-West Economic Corridor</a>' in html
    assert '<a href="/corridors/lao-national-road-9/">Lao National Road No. 9</a>' in html


def test_corridor_page_shows_facts_quotes_and_projects(linked, client):
    response = client.get("/corridors/east-west-economic-corridor/")
    assert response.status_code == 200
    html = response.content.decode()
    assert feature_geojson(html)["type"] == "MultiLineString"
    assert "about 1450 km" in html
    assert '<a href="/corridors/lao-national-road-9/">Lao National Road No. 9</a>' in html  # a section
    assert '<a href="/projects/lao-national-road-9-improvement/">' in html
    # Curated and matched paragraphs, each quoted with its link, oldest document first.
    assert html.index("#ap2012-1.1-07") < html.index("#jmci2016-03") < html.index("#mjc2024-10")
    assert "names the East-West Economic Corridor" in html  # the curated note
    assert "matched “West-East Economic Corridor”" in html
    assert 'href="/?focus=east-west-economic-corridor"' in html


@pytest.mark.parametrize("url", ["/projects/no-such-project/", "/corridors/no-such-corridor/"])
def test_unknown_slugs_are_404(db, client, url):
    assert client.get(url).status_code == 404


def test_coverage_page_counts_mapped_paragraphs_per_document_and_pillar(linked, client):
    html = client.get("/coverage/").content.decode()
    # AP2012 fixture: pillar 1 has 10 paragraphs, all but ap2012-1.1-06 (Cai-Mep, not mapped) name a feature;
    # pillar 2 has 3, of which the training paragraph names none.
    block = html[html.index('id="coverage-tokyo-strategy-2012-action-plan"'):]
    block = block[: block.index("</tbody>")]
    assert re.findall(r'class="share">(\d+)<', block) == ["11", "13", "9", "10", "2", "3"]
    assert "1 Enhancing Mekong Connectivity" in block


def test_coverage_page_lists_the_names_not_on_the_map_with_their_paragraph(linked, client):
    html = client.get("/coverage/").content.decode()
    section = html[html.index("not on the map yet</h2>"):html.index("Rejected by a curator</h2>")]
    link = '<a href="/sources/tokyo-strategy-2012-action-plan/#ap2012-1.1-08">ap2012-1.1-08</a>'
    row = r"<td>Vung Ang Seaport</td>\s*<td>port or terminal</td>\s*<td>" + re.escape(link)
    assert re.search(row, section)
    # The page counts what GET /api/coverage measures.
    measure = next(d for d in client.get("/api/coverage").json()["documents"]
                   if d["document"] == "tokyo-strategy-2012-action-plan")
    counts = html[html.index('id="names-tokyo-strategy-2012-action-plan"'):]
    counts = counts[:counts.index("</tr>")]
    assert re.findall(r'class="share">([^<]+)<', counts)[:6] == [
        str(measure[k]) for k in ("detected", "mapped", "explained", "rejected")
    ] + [str(len(measure["unaccounted"])), f"{round(measure['share_mapped'] * 100)}%"]


def test_coverage_page_moves_a_rejected_place_to_the_rejected_list_with_the_note(linked, client):
    paragraph = Paragraph.objects.get(anchor="ap2012-1.1-08")
    proposal = Proposal.objects.create(kind="place", paragraph=paragraph, name="Vung Ang Seaport",
                                       key="test:vung-ang")
    reject(proposal, note="Outside the cooperation: a national port project.")
    html = client.get("/coverage/").content.decode()
    missing = html[html.index("not on the map yet</h2>"):html.index("Rejected by a curator</h2>")]
    rejected = html[html.index("Rejected by a curator</h2>"):html.index("deliberately not on the map")]
    assert "Vung Ang Seaport" not in missing
    assert re.search(r"<td>Vung Ang Seaport</td>\s*<td>port or terminal</td>.*?"
                     r"<td>Outside the cooperation: a national port project\.</td>", rejected, re.S)


def test_coverage_page_lists_the_explained_names_with_their_reason(linked, client):
    """Names deliberately left off the map are shown with why, from geodata/data/unmapped_names.json."""
    html = client.get("/coverage/").content.decode()
    section = html[html.index("deliberately not on the map"):]
    assert re.search(r"<td>Asia Cargo Highway</td>\s*<td>The name of a Japan–ASEAN trade facilitation "
                     r"initiative, not a road\.</td>", section)
