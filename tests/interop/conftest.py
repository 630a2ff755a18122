"""A small world with every geometry family for the export and OGC tests, and GDAL helpers.

Projects: points and a multipoint, a line, a polygon and a multipolygon stored clockwise (so
the RFC 7946 winding is tested), a non-ASCII name, a location note longer than a dBASE field
and a project nothing cites. `many_projects` adds 250 generated points for paging.
"""

import itertools
import re
import shutil
import subprocess
from types import SimpleNamespace

import pytest
from django.contrib.gis.geos import LineString, MultiLineString, MultiPoint, MultiPolygon, Point, Polygon

from corridors.models import Corridor, CorridorMention
from geodata.models import Document, Paragraph, Pillar, Provenance, Theme
from projects.models import Project, ProjectMention

OGRINFO = "/usr/bin/ogrinfo"
OGR2OGR = "/usr/bin/ogr2ogr"
LONG_NOTE = ("Placed at the bridge's mid-span over the Mekong at Neak Loeung; the approach roads on "
             "both banks, the toll plaza and the resettlement sites are not drawn. ") * 3


def _clockwise(ring):
    """The ring in clockwise order (PostGIS keeps what it is given)."""
    return list(reversed(ring)) if _area2(ring) > 0 else list(ring)


def _area2(ring):
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in itertools.pairwise(ring))


def _document(slug, short, prefix, year):
    return Document.objects.create(
        slug=slug, short=short, anchor_prefix=prefix, title=f"{short} test document", date_text=str(year),
        year=year, publisher="Ministry of Foreign Affairs of Japan", file_name=f"{slug}.md", sha256="0" * 64,
    )


def _project(slug, name, *, geom, countries, sector, years, funding, precision=1, status="completed",
             note=None):
    return Project.objects.create(
        slug=slug, name=name, countries=countries, sector=sector, status=status,
        status_provenance=Provenance.STATED, years=years, years_provenance=Provenance.STATED,
        funding_types=funding, funding_provenance=Provenance.CURATED, precision=precision,
        location_note=note or f"Test location of {name}", geom=geom,
    )


def build_world():
    connectivity = Theme.objects.create(slug="connectivity", name="Connectivity", order=1)
    development = Theme.objects.create(slug="development", name="Developing together", order=2)
    ap = _document("action-plan-2012", "AP2012", "ap2012", 2012)
    mjc = _document("mjc-strategy-2024", "MJC2024", "mjc2024", 2024)
    ap1 = Pillar.objects.create(document=ap, slug="ap2012-1", code="1", name="Connectivity",
                                theme=connectivity, order=1)
    mjcb = Pillar.objects.create(document=mjc, slug="mjc2024-b", code="B", name="Industry",
                                 theme=development, order=2)
    order = itertools.count(1)

    def para(document, anchor, text, pillar):
        n = next(order)
        return Paragraph.objects.create(document=document, anchor=anchor, label=str(n), order=n,
                                        kind=Paragraph.Kind.BULLET, pillar=pillar, text=text)

    p_bridge = para(ap, "ap2012-1-01", "Construction of the Neak Loeung Bridge over the Mekong.", ap1)
    p_road = para(ap, "ap2012-1-02", "Upgrading of National Road No. 9 on the East-West corridor.", ap1)
    p_sez = para(mjc, "mjc2024-20", "Industrial estates such as Thilawa and the Dawei SEZ attract "
                 "investment; « quality infrastructure » matters.", mjcb)

    ewec = Corridor.objects.create(
        slug="ewec", name="East-West Economic Corridor", kind=Corridor.Kind.ECONOMIC_CORRIDOR,
        countries=["MMR", "THA", "LAO", "VNM"], start_name="Mawlamyine", end_name="Da Nang",
        approx_length_km=1450, geometry_method=Corridor.GeometryMethod.WAYPOINTS,
        geom=MultiLineString(LineString((97.6, 16.5), (104.75, 16.55), (108.2, 16.05)), srid=4326),
    )
    nr9 = Corridor.objects.create(
        slug="nr9", name="National Road No. 9", kind=Corridor.Kind.NATIONAL_ROAD, countries=["LAO"],
        parent=ewec, start_name="Savannakhet", end_name="Dansavanh", approx_length_km=240,
        geometry_method=Corridor.GeometryMethod.WAYPOINTS,
        geom=MultiLineString(LineString((104.75, 16.55), (106.6, 16.6)), srid=4326),
    )
    CorridorMention.objects.create(corridor=ewec, paragraph=p_road)
    CorridorMention.objects.create(corridor=nr9, paragraph=p_road)

    thilawa_ring = _clockwise([(96.22, 16.64), (96.30, 16.64), (96.30, 16.70), (96.22, 16.70),
                               (96.22, 16.64)])
    hole = [(96.25, 16.66), (96.26, 16.66), (96.26, 16.67), (96.25, 16.67), (96.25, 16.66)]
    hole = list(reversed(_clockwise(hole)))  # holes wound counter-clockwise: the wrong way round too
    dawei = _clockwise([(98.10, 14.05), (98.20, 14.05), (98.20, 14.15), (98.10, 14.15), (98.10, 14.05)])
    dawei2 = _clockwise([(98.25, 14.05), (98.30, 14.05), (98.30, 14.10), (98.25, 14.05)])

    bridge = _project("neak-loeung-bridge", "Neak Loeung Bridge (Tsubasa) – ស្ពាន",
                      geom=Point(105.123456789, 11.987654321, srid=4326), countries=["KHM"], sector="bridge",
                      years=[2012, 2015], funding=["grant_aid"], note=LONG_NOTE)
    road = _project("national-road-9", "National Road No. 9 upgrade",
                    geom=LineString((105.0, 16.6), (106.5, 16.6), srid=4326), countries=["LAO"],
                    sector="road", years=[2012], funding=["oda_loan"], precision=5, status="implementation")
    thilawa = _project("thilawa-sez", "Thilawa Special Economic Zone",
                       geom=Polygon(thilawa_ring, hole, srid=4326), countries=["MMR"],
                       sector="sez_industrial", years=[2014, 2024],
                       funding=["oda_loan", "private_investment_finance"], precision=2)
    dawei_sez = _project("dawei-sez", "Dawei Special Economic Zone",
                         geom=MultiPolygon(Polygon(dawei), Polygon(dawei2), srid=4326), countries=["MMR"],
                         sector="sez_industrial", years=[2024], funding=["unspecified"], precision=3,
                         status="proposed")
    flood = _project("mekong-flood-warning", "Mekong flood early warning",
                     geom=MultiPoint(Point(104.9, 12.5), Point(105.5, 15.1), srid=4326),
                     countries=["KHM", "LAO"], sector="disaster", years=[2013], funding=["jaif"], precision=4,
                     status="study")
    border = _project("savannakhet-border", "Savannakhet border facilities",
                      geom=Point(104.75, 16.55, srid=4326), countries=["LAO", "THA"], sector="other",
                      years=[], funding=[], precision=3, status="unknown")

    ProjectMention.objects.create(project=bridge, paragraph=p_bridge, stage="proposed", year=2012)
    ProjectMention.objects.create(project=road, paragraph=p_road, stage="implementation")
    ProjectMention.objects.create(project=thilawa, paragraph=p_sez)
    ProjectMention.objects.create(project=dawei_sez, paragraph=p_sez, stage="proposed")
    ProjectMention.objects.create(project=flood, paragraph=p_bridge)
    road.corridors.add(ewec, nr9)
    del border  # cited by nothing: exported all the same
    return SimpleNamespace(ewec=ewec, nr9=nr9, bridge=bridge, road=road, thilawa=thilawa)


def build_many(count=250):
    """Generated points on a grid over the region, with years 2007..2024, for paging."""
    Project.objects.bulk_create(
        Project(
            slug=f"generated-{i:03d}", name=f"Generated project {i:03d}", countries=["LAO"], sector="road",
            status="unknown", status_provenance=Provenance.CURATED, years=[2007 + i % 18],
            years_provenance=Provenance.CURATED, funding_types=["unspecified"],
            funding_provenance=Provenance.CURATED, precision=1, location_note="generated",
            geom=Point(98 + (i % 25) * 0.4, 10 + (i // 25) * 1.0, srid=4326),
        )
        for i in range(count)
    )


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture
def many_projects(db):
    build_many()


# ---------------------------------------------------------------------------------------------
# GDAL's own command-line tools (Debian's gdal-bin), so the files are read by a real client.


@pytest.fixture(scope="session")
def ogrinfo():
    # A missing tool fails (it does not skip): `make test` installs gdal-bin, and a skip would hide
    # a broken set-up.
    if not shutil.which(OGRINFO):
        pytest.fail("gdal-bin (ogrinfo) is not installed: run `make system-deps`")

    def run(*args: str) -> str:
        result = subprocess.run([OGRINFO, *args], capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        return result.stdout
    return run


def layer_summaries(text: str) -> dict[str, dict]:
    """`ogrinfo -so -al` output -> {layer: {"geometry", "count", "fields": {name: type}}}."""
    layers = {}
    for block in re.split(r"\n(?=Layer name: )", text):
        name = re.search(r"^Layer name: (.+)$", block, re.M)
        if not name:
            continue
        geometry = re.search(r"^Geometry: (.+)$", block, re.M)
        count = re.search(r"^Feature Count: (\d+)$", block, re.M)
        fields = dict(re.findall(r"^(\w+): (\w+) \(", block, re.M))
        layers[name[1].strip()] = {
            "geometry": geometry[1].strip() if geometry else None,
            "count": int(count[1]) if count else None,
            "fields": fields,
        }
    return layers
