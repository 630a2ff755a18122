"""Reader pages: /sources/ lists the documents; /sources/<slug>/ shows headings, anchors, pillars, links."""

import pytest
from django.contrib.gis.geos import LineString, MultiLineString

from corridors.models import Corridor, CorridorMention
from geodata.models import Paragraph

pytestmark = pytest.mark.django_db


def test_the_sources_page_lists_every_document_with_its_paragraph_count(client, sources):
    html = client.get("/sources/").content.decode()
    assert "Mekong-Japan Cooperation Strategy 2024" in html
    assert '<dd class="paragraph-count" data-slug="mjc-strategy-2024">56</dd>' in html
    assert '<dd class="paragraph-count" data-slug="tokyo-strategy-2012-action-plan">134</dd>' in html
    assert 'href="/sources/japan-mekong-partnership-program-2007/"' in html
    assert "2024-07-26" in html and "Ministry of Foreign Affairs of Japan" in html


def test_a_document_page_shows_headings_paragraphs_with_permalinks_and_pillar_badges(
    client, sources, django_assert_max_num_queries
):
    with django_assert_max_num_queries(10):
        response = client.get("/sources/mjc-strategy-2024/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="mjc2024-8"' in html
    assert 'href="/sources/mjc-strategy-2024/#mjc2024-8"' in html
    assert "Quality infrastructure and sustainable urban development" in html
    assert "A · Connectivity &amp; infrastructure" in html
    assert "The text ends here in the published source." in html
    assert html.index('id="mjc2024-29"') < html.index("Smart city network") < html.index('id="mjc2024-30"')
    assert 'name="viewport"' in html and "css/reader.css" in html


def test_nested_bullets_are_marked_nested(client, sources):
    html = client.get("/sources/tokyo-strategy-2012-action-plan/").content.decode()
    assert 'class="paragraph kind-bullet nested" id="ap2012-1.1-19a"' in html


def test_features_linked_to_a_paragraph_are_listed_with_map_links(client, sources):
    corridor = Corridor.objects.create(
        slug="ewec",
        name="East-West Economic Corridor",
        kind=Corridor.Kind.ECONOMIC_CORRIDOR,
        countries=["LAO"],
        start_name="Mawlamyine",
        end_name="Da Nang",
        approx_length_km=1450,
        geometry_method=Corridor.GeometryMethod.WAYPOINTS,
        geom=MultiLineString(LineString((97.6, 16.5), (108.2, 16.1)), srid=4326),
    )
    CorridorMention.objects.create(corridor=corridor, paragraph=Paragraph.objects.get(anchor="ap2012-1.1-07"))
    html = client.get("/sources/tokyo-strategy-2012-action-plan/").content.decode()
    article = html[html.index('id="ap2012-1.1-07"') : html.index('id="ap2012-1.1-08"')]
    assert 'href="/corridors/ewec/">East-West Economic Corridor</a>' in article
    assert 'href="/?focus=ewec"' in article


def test_the_search_box_finds_paragraphs_in_the_document(client, sources):
    html = client.get("/sources/mjc-strategy-2024/", {"q": "vaccines"}).content.decode()
    assert "1 paragraph match" in html
    assert 'href="/sources/mjc-strategy-2024/#mjc2024-8"' in html
    assert "<mark>vaccines</mark>" in html


def test_the_sources_page_searches_all_documents(client, sources):
    html = client.get("/sources/", {"q": "National Road No. 9"}).content.decode()
    assert 'href="/sources/tokyo-strategy-2012-action-plan/#ap2012-1.1-07"' in html


def test_an_unknown_document_is_404(client, sources):
    assert client.get("/sources/no-such-document/").status_code == 404
