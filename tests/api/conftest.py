"""A small known world for the API tests: 3 themes, 2 documents, 4 pillars, 6 paragraphs,
3 corridors and 8 projects with distinct sectors, years, funding, countries and themes.

Expected answers in the tests are worked out by hand from this table (year lists, country
lists, which paragraph cites which project), so a wrong filter shows as a wrong slug set.
"""

import itertools
from types import SimpleNamespace

import pytest
from django.contrib.gis.geos import LineString, MultiLineString, Point

from corridors.models import Corridor, CorridorMention
from geodata.models import Document, Paragraph, Pillar, Provenance, Theme
from projects.models import Project, ProjectMention

ALL_PROJECTS = {
    "neak-loeung-bridge", "national-road-9", "lach-huyen-port", "vientiane-water-supply",
    "thilawa-sez", "cho-ray-hospital", "mekong-flood-warning", "savannakhet-border-facilities",
}


def _document(slug, short, prefix, year):
    return Document.objects.create(
        slug=slug, short=short, anchor_prefix=prefix, title=f"{short} test document",
        date_text=str(year), year=year, file_name=f"{slug}.md", sha256="0" * 64,
    )


def _paragraph(document, anchor, order, text, pillar=None):
    return Paragraph.objects.create(
        document=document, anchor=anchor, label=str(order), kind=Paragraph.Kind.BULLET,
        pillar=pillar, text=text, order=order,
    )


def _project(slug, name, *, geom, countries, sector, status, years, funding, precision,
             aliases=(), description=""):
    return Project.objects.create(
        slug=slug, name=name, aliases=list(aliases), description=description, countries=countries,
        sector=sector, status=status, status_provenance=Provenance.STATED, status_note=f"Status of {name}",
        years=years, years_provenance=Provenance.STATED, years_note=f"Years of {name}",
        funding_types=funding, funding_provenance=Provenance.CURATED, funding_note=f"Funding of {name}",
        precision=precision, location_note=f"Test location of {name}", geom=geom,
    )


def _corridor(slug, name, *, kind, countries, coords, parent=None, approx=0.0):
    return Corridor.objects.create(
        slug=slug, name=name, kind=kind, countries=countries, parent=parent,
        start_name=f"{name} start", end_name=f"{name} end", approx_length_km=approx,
        geometry_method=Corridor.GeometryMethod.WAYPOINTS,
        geom=MultiLineString(LineString(coords, srid=4326), srid=4326),
    )


@pytest.fixture
def world(db):
    connectivity = Theme.objects.create(slug="connectivity", name="Connectivity", order=1)
    development = Theme.objects.create(slug="development", name="Developing together", order=2)
    environment = Theme.objects.create(slug="environment", name="Environment", order=3)

    ap = _document("action-plan-2012", "AP2012", "ap2012", 2012)
    mjc = _document("mjc-strategy-2024", "MJC2024", "mjc2024", 2024)
    ap1 = Pillar.objects.create(document=ap, slug="ap2012-1", code="1", name="Connectivity",
                                theme=connectivity, order=1)
    ap3 = Pillar.objects.create(document=ap, slug="ap2012-3", code="3", name="Human security",
                                theme=environment, order=3)
    mjca = Pillar.objects.create(document=mjc, slug="mjc2024-a", code="A", name="Connectivity",
                                 theme=connectivity, order=1)
    mjcb = Pillar.objects.create(document=mjc, slug="mjc2024-b", code="B", name="Industry",
                                 theme=development, order=2)

    order = itertools.count(1)

    def para(anchor, text, pillar=None):
        document = ap if anchor.startswith("ap2012") else mjc
        return _paragraph(document, anchor, next(order), text, pillar)

    p_bridge = para("ap2012-1-01", "Construction of the Neak Loeung Bridge over the Mekong.", ap1)
    p_road = para("ap2012-1-02", "Upgrading of National Road No. 9 on the East-West corridor.", ap1)
    p_flood = para("ap2012-3-01", "Flood control and water supply in Vientiane.", ap3)
    p_tsubasa = para("mjc2024-12", "The Tsubasa Bridge was completed; Lach Huyen port opened.", mjca)
    p_thilawa = para("mjc2024-20", "Industrial estates such as Thilawa attract investment.", mjcb)
    p_health = para("mjc2024-30", "Cooperation with Cho Ray hospital continues.")

    ewec = _corridor("ewec", "East-West Economic Corridor", kind=Corridor.Kind.ECONOMIC_CORRIDOR,
                     countries=["MMR", "THA", "LAO", "VNM"],
                     coords=[(97.6, 16.5), (104.75, 16.55), (108.2, 16.05)], approx=1450)
    sec = _corridor("sec", "Southern Economic Corridor", kind=Corridor.Kind.ECONOMIC_CORRIDOR,
                    countries=["THA", "KHM", "VNM"], coords=[(100.5, 13.75), (105.27, 11.26), (106.7, 10.8)],
                    approx=1000)
    nr9 = _corridor("nr9", "National Road No. 9", kind=Corridor.Kind.NATIONAL_ROAD, countries=["LAO"],
                    coords=[(104.75, 16.55), (106.6, 16.6)], parent=ewec, approx=240)
    CorridorMention.objects.create(corridor=ewec, paragraph=p_road)
    CorridorMention.objects.create(corridor=nr9, paragraph=p_road)
    CorridorMention.objects.create(corridor=sec, paragraph=p_bridge)

    bridge = _project("neak-loeung-bridge", "Neak Loeung Bridge", aliases=["Tsubasa Bridge"],
                      geom=Point(105.123456789, 11.987654321, srid=4326), countries=["KHM"],
                      sector="bridge", status="completed", years=[2012, 2015], funding=["grant_aid"],
                      precision=1)
    road = _project("national-road-9", "National Road No. 9 upgrade",
                    geom=LineString((105.0, 16.6), (106.5, 16.6), srid=4326), countries=["LAO"],
                    sector="road", status="implementation", years=[2012], funding=["oda_loan"], precision=5)
    port = _project("lach-huyen-port", "Lach Huyen Port", geom=Point(106.9, 20.8, srid=4326),
                    countries=["VNM"], sector="port", status="completed", years=[2018],
                    funding=["oda_loan", "private_ppp"], precision=1)
    water = _project("vientiane-water-supply", "Vientiane water supply", geom=Point(102.6, 17.97, srid=4326),
                     countries=["LAO"], sector="water", status="study", years=[2013],
                     funding=["technical_cooperation"], precision=2)
    thilawa = _project("thilawa-sez", "Thilawa Special Economic Zone", geom=Point(96.25, 16.66, srid=4326),
                       countries=["MMR"], sector="sez_industrial", status="implementation",
                       years=[2014, 2024], funding=["oda_loan", "private_investment_finance"], precision=1)
    hospital = _project("cho-ray-hospital", "Cho Ray Hospital", geom=Point(106.66, 10.76, srid=4326),
                        countries=["VNM"], sector="health", status="unknown", years=[2024],
                        funding=["unspecified"], precision=1)
    flood = _project("mekong-flood-warning", "Mekong flood early warning", geom=Point(104.9, 12.5, srid=4326),
                     countries=["KHM", "LAO"], sector="disaster", status="proposed", years=[2012],
                     funding=["jaif"], precision=6, description="Warning of floods along the river.")
    border = _project("savannakhet-border-facilities", "Savannakhet border facilities",
                      geom=Point(104.75, 16.55, srid=4326), countries=["LAO", "THA"], sector="other",
                      status="proposed", years=[], funding=[], precision=3)

    ProjectMention.objects.create(project=bridge, paragraph=p_bridge, stage="proposed", year=2012)
    ProjectMention.objects.create(project=bridge, paragraph=p_tsubasa, stage="completed", year=2015)
    ProjectMention.objects.create(project=road, paragraph=p_road, stage="implementation")
    ProjectMention.objects.create(project=port, paragraph=p_tsubasa, stage="completed")
    ProjectMention.objects.create(project=water, paragraph=p_flood, stage="study")
    ProjectMention.objects.create(project=thilawa, paragraph=p_thilawa)
    ProjectMention.objects.create(project=hospital, paragraph=p_health)
    ProjectMention.objects.create(project=flood, paragraph=p_flood, stage="proposed")
    ProjectMention.objects.create(project=border, paragraph=p_road)
    bridge.corridors.add(sec)
    road.corridors.add(ewec, nr9)

    return SimpleNamespace(ewec=ewec, sec=sec, nr9=nr9, bridge=bridge, road=road)


def slugs(response) -> set[str]:
    assert response.status_code == 200, response.content
    return {feature["id"] for feature in response.json()["features"]}
