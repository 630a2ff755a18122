"""GET /api/paragraphs: ranked full-text search with snippets, filters, paging and clear 400s."""

import pytest

from geodata.models import Document, Paragraph

pytestmark = pytest.mark.django_db


def get(client, **params):
    return client.get("/api/paragraphs", params)


def test_national_road_no_9_finds_the_2012_action_first(client, sources):
    body = get(client, q="National Road No. 9").json()
    assert body["results"][0]["anchor"] == "ap2012-1.1-07"
    first = body["results"][0]
    assert first["document"] == "tokyo-strategy-2012-action-plan"
    assert first["label"] == "07" and first["pillar"] == "ap2012-1" and first["theme"] == "connectivity"
    assert first["url"] == "/sources/tokyo-strategy-2012-action-plan/#ap2012-1.1-07"
    assert "<mark>Road</mark>" in first["snippet"]


def test_vaccines_finds_paragraph_8_with_a_highlighted_snippet(client, sources):
    body = get(client, q="vaccines").json()
    assert [r["anchor"] for r in body["results"]][:1] == ["mjc2024-8"]
    assert "<mark>vaccines</mark>" in body["results"][0]["snippet"]
    assert (
        body["results"][0]["section"] == "II > A Resilient and connected society in the post-COVID-19 world"
    )


def test_snippets_are_escaped_html_with_only_marks(client, sources):
    Paragraph.objects.create(
        document=Document.objects.first(),
        anchor="test-xss",
        kind="prose",
        order=9999,
        text="<script>alert(1)</script> zeppelins cost < 5 & more",
    )
    snippet = get(client, q="zeppelins").json()["results"][0]["snippet"]
    assert "<script>" not in snippet
    assert "&lt; 5 &amp; more" in snippet and "<mark>zeppelins</mark>" in snippet
    assert snippet.replace("<mark>", "").replace("</mark>", "").count("<") == 0


def test_a_document_lists_in_order_with_55_numbered_paragraphs_and_its_introduction(client, sources):
    body = get(client, document="mjc-strategy-2024", limit=1000).json()
    assert body["count"] == 56
    anchors = [r["anchor"] for r in body["results"]]
    assert anchors[:3] == ["mjc2024-p1", "mjc2024-1", "mjc2024-2"]
    assert [r["label"] for r in body["results"] if r["label"]] == [str(n) for n in range(1, 56)]
    eight = body["results"][anchors.index("mjc2024-8")]
    assert "Japan provided vaccines and medical equipment to the Mekong countries" in eight["text"]
    assert eight["snippet"] == ""


def test_limit_and_offset_page_through_results(client, sources):
    first = get(client, document="mjc-strategy-2024", limit=10).json()
    second = get(client, document="mjc-strategy-2024", limit=10, offset=10).json()
    assert len(first["results"]) == 10 and first["count"] == 56
    assert second["results"][0]["anchor"] == "mjc2024-10"
    assert len(get(client).json()["results"]) == 50  # default limit


def test_filter_by_theme_spans_documents_and_years(client, sources):
    body = get(client, theme="connectivity", limit=1000).json()
    documents = {r["document"] for r in body["results"]}
    assert documents == {
        "japan-mekong-partnership-program-2007",
        "tokyo-strategy-2012-action-plan",
        "japan-mekong-connectivity-initiative-2016",
        "mjc-strategy-2024",
    }
    assert all(r["theme"] == "connectivity" for r in body["results"])


def test_filter_by_pillar_and_search_together(client, sources):
    body = get(client, pillar="ap2012-1", q="airport").json()
    assert body["count"] >= 3
    assert all(r["pillar"] == "ap2012-1" for r in body["results"])


def test_a_query_of_stop_words_or_odd_syntax_is_not_an_error(client, sources):
    assert get(client, q="the of and").json()["count"] == 0
    for odd in ['"unclosed', "a & | ! ( :*", "-", "'"]:
        response = get(client, q=odd)
        assert response.status_code == 200, odd


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"document": "no-such-document"}, "document"),
        ({"pillar": "mjc2024-z"}, "pillar"),
        ({"theme": "weather"}, "theme"),
        ({"limit": "0"}, "limit"),
        ({"limit": "1001"}, "limit"),
        ({"limit": "ten"}, "limit"),
        ({"limit": "-5"}, "limit"),
        ({"offset": "-1"}, "offset"),
        ({"offset": "1e3"}, "offset"),
        ({"offset": "99999999999999999999999"}, "offset"),
        ({"q": "x" * 501}, "q"),
    ],
)
def test_bad_parameters_answer_400_naming_the_parameter(client, sources, params, parameter):
    response = get(client, **params)
    assert response.status_code == 400
    body = response.json()
    assert body["parameter"] == parameter
    assert body["error"]


def test_one_paragraph_by_anchor(client, sources):
    response = client.get("/api/paragraphs/ap2012-1.1-19a")
    assert response.status_code == 200
    body = response.json()
    assert body["label"] == "19a" and body["text"].startswith("The construction of linkage road")


def test_an_unknown_anchor_is_a_json_404(client, sources):
    response = client.get("/api/paragraphs/mjc2024-56")
    assert response.status_code == 404
    assert response.json() == {"error": "unknown paragraph 'mjc2024-56'", "parameter": "anchor"}
