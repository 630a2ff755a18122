"""Fixtures for loading and linking: a few real paragraphs of the sources (verbatim) and the fixture files."""

from pathlib import Path

import pytest
from django.core.management import call_command

from geodata.models import Document, Paragraph, Pillar, Theme

FIXTURES = Path(__file__).parent / "fixtures"

# anchor -> text, as the sources print them; the anchors follow import_sources' scheme.
PARAGRAPHS = {
    "mjc-strategy-2024": [
        ("mjc2024-3", "mjc2024-a", (
            "3. For \"Vibrant and Effective Connectivity,\" the Mekong countries and Japan welcome "
            "the steady progress in enhancing connectivity in the region. Transport "
            "infrastructure projects are expanding further, including the signing of the Exchange"
            " of Notes for the Ho Chi Minh City Urban Railway Line 1 (Phase IV) in December 2023.")),
        ("mjc2024-10", "mjc2024-a", (
            "10. The development of quality infrastructure is the key to enhance the connectivity"
            " and resilience of the sub-region. The Mekong countries and Japan reaffirm their "
            "strong commitment to strengthening both hard and soft connectivity in the sub-region"
            " by promoting quality infrastructure investment in line with international "
            "standards, including openness, transparency, environment-friendly and economic "
            "efficiency in view of lifecycle cost and debt sustainability, including East-West "
            "and Southern Economic Corridor.")),
    ],
    "japan-mekong-connectivity-initiative-2016": [
        ("jmci2016-03", None, (
            "Japan will develop infrastructure to fill the missing links of East-West and "
            "Southern Economic Corridors.")),
    ],
    "tokyo-strategy-2012-action-plan": [
        ("ap2012-1.1-01", "ap2012-1", (
            "Japan will implement steadily a study of \u201cCambodia National Road No. 5 "
            "Rehabilitation Project\u201d.")),
        ("ap2012-1.1-02", "ap2012-1", (
            "Japan and Cambodia will continue the discussion towards assistance for the for the "
            "improvement of National Road No. 1\u201d.")),
        ("ap2012-1.1-03", "ap2012-1", (
            "Japan and Cambodia will implement steadily the \u201cProject for \u2018Construction of Neak "
            "Loeung Bridge\u201d\u201d.")),
        ("ap2012-1.1-06", "ap2012-1", (
            "Japan and Viet Nam will implement steadily the \u201cCai-Mep Thi Vai International Port "
            "Construction Project\u201d.")),
        ("ap2012-1.1-07", "ap2012-1", (
            "Japan and Lao PDR will implement steadily the \u201cProject for Improvement of National "
            "Road No. 9\u201d (as East West Economic Corridor of the Mekong region) .")),
        ("ap2012-1.1-08", "ap2012-1", (
            "Lao PDR will implement steadily maintenance of National Road No. 12 from the Third "
            "Mekong Bridge to Lao-Viet Nam border which connects to Vung Ang Seaport.")),
        ("ap2012-1.1-09", "ap2012-1", (
            "Japan will implement a feasibility study on logistics by referring to the survey "
            "report on transportation between Bangkok and Hanoi via the Third Mekong Bridge "
            "conducted by JETRO.")),
        ("ap2012-1.1-10", "ap2012-1", (
            "Recognizing potential of Route No.8 and No.12 in addition to the East-West Economic "
            "Corridor, Lao PDR, Thailand and Viet Nam will implement the study of ways and means "
            "to facilitate transportation of passengers and goods along these routes.")),
        ("ap2012-1.1-11", "ap2012-1", (
            "Viet Nam will implement steadily construction of the Expressway from Hanoi to Hai "
            "phong Port and maintenance of National Road No. 1.")),
        ("ap2012-1.2-01", "ap2012-1", (
            "For the implementation and assessment of the MJ-CI (Action Plan, Japan and the "
            "Mekong region countries will utilize AEM-METI Economic and Industrial Cooperation "
            "Committee Working Group on West-East Economic Corridor Development (AMEICC WEC-WG) "
            "as a main coordination body.")),
        ("ap2012-2.2-01", "ap2012-2", (
            "Japan and Viet Nam will implement steadily the \u201cHa Noi City Urban Railway "
            "Construction Project (Line 1)\u201d.")),
        ("ap2012-2.2-03", "ap2012-2", (
            "Japan and Viet Nam will implement steadily the \u201cHo Chi Minh City Urban Railway "
            "Construction Project (Line 1)\u201d.")),
        ("ap2012-2.2-04", "ap2012-2", (
            "Japan will continue joint training programs for the fostering of entrepreneurs in "
            "the Mekong region countries.")),
    ],
}
DOCUMENTS = {
    "mjc-strategy-2024": (
        "MJC2024", "mjc2024", 2024, "Mekong-Japan Cooperation Strategy 2024"
    ),
    "japan-mekong-connectivity-initiative-2016": (
        "JMCI2016", "jmci2016", 2016, "Japan-Mekong Connectivity Initiative"
    ),
    "tokyo-strategy-2012-action-plan": (
        "AP2012", "ap2012", 2012, "Mekong-Japan Action Plan (Tokyo Strategy 2012)"
    ),
}
PILLARS = {
    "mjc2024-a": ("mjc-strategy-2024", "A", "Connectivity"),
    "ap2012-1": ("tokyo-strategy-2012-action-plan", "1", "Enhancing Mekong Connectivity"),
    "ap2012-2": ("tokyo-strategy-2012-action-plan", "2", "Developing Together"),
}


@pytest.fixture
def paragraphs(db) -> dict[str, Paragraph]:
    """The paragraphs above, in three documents with their pillars."""
    theme = Theme.objects.create(slug="connectivity", name="Connectivity & infrastructure")
    documents = {
        slug: Document.objects.create(slug=slug, short=short, anchor_prefix=prefix, year=year, title=title,
                                      date_text=str(year), file_name=f"{slug}.md", sha256="0" * 64)
        for slug, (short, prefix, year, title) in DOCUMENTS.items()
    }
    pillars = {
        slug: Pillar.objects.create(document=documents[doc], slug=slug, code=code, name=name, theme=theme)
        for slug, (doc, code, name) in PILLARS.items()
    }
    created = {}
    for doc_slug, rows in PARAGRAPHS.items():
        for order, (anchor, pillar, text) in enumerate(rows, start=1):
            created[anchor] = Paragraph.objects.create(
                document=documents[doc_slug], anchor=anchor, kind=Paragraph.Kind.BULLET, text=text,
                order=order, pillar=pillars.get(pillar),
            )
    return created


def load(*, projects: str = "projects.geojson", corridors: str = "corridors.geojson", **kwargs):
    call_command("load_geodata", corridors=FIXTURES / corridors, projects=FIXTURES / projects, **kwargs)


@pytest.fixture
def loaded(paragraphs):
    """The fixture corridors and projects loaded (and the real country outlines)."""
    load()
    return paragraphs


@pytest.fixture
def linked(loaded):
    call_command("link_mentions")
    return loaded
