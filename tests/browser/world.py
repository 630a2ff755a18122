"""A small map world for the browser tests: paragraphs of two real source documents (quoted
verbatim from /work/shared/sources, whole bullets or leading sentences), two corridors and
eight projects spread over the precision codes, sectors, years and funding types the page
has to draw and filter.

The project attributes are test values chosen to exercise the filters; the tests never assert
them as facts about the real projects.
"""

import itertools
from types import SimpleNamespace

from django.contrib.gis.geos import LineString, MultiLineString, Point

from corridors.models import Corridor, CorridorMention
from geodata.models import Document, Paragraph, Pillar, Provenance, Theme
from projects.models import Project, ProjectMention

AP2012_TEXT = {
    "bridge": (
        "Japan and Cambodia will implement steadily the “Project for ‘Construction of Neak Loeung Bridge””."
    ),
    "port": (
        "Japan and Cambodia will implement steadily the “Sihanoukville Port Multipurpose Terminal "
        "Development Project”."
    ),
    "road9": (
        "Japan and Lao PDR will implement steadily the “Project for Improvement of National Road No. 9” "
        "(as East West Economic Corridor of the Mekong region) ."
    ),
    "airport": (
        "Japan and Lao PDR will implement steadily the “Project for Expansion of Vientiane "
        "International Airport in the Lao PDR”."
    ),
    "noibai": (
        "Japan and Viet Nam will implement steadily the “Terminal 2 Construction Project in Noi Bai "
        "International Airport”."
    ),
}
# Leading sentences of MJC2024 paragraphs 10, 24 and 31, verbatim.
MJC2024_TEXT = {
    "corridors": (
        "The development of quality infrastructure is the key to enhance the connectivity and resilience "
        "of the sub-region. The Mekong countries and Japan reaffirm their strong commitment to "
        "strengthening both hard and soft connectivity in the sub-region by promoting quality "
        "infrastructure investment in line with international standards, including openness, "
        "transparency, environment-friendly and economic efficiency in view of lifecycle cost and debt "
        "sustainability, including East-West and Southern Economic Corridor."
    ),
    "health": (
        "The Mekong countries and Japan will continue work on strengthening regional health capacity, "
        "especially at provincial levels, such as Cho Ray Viet Nam-Japan Friendship Hospital "
        "Development Project and the Regional Hospital Development Project in Cambodia."
    ),
    "cors": (
        "The Mekong countries and Japan share the importance of enhancing digital connectivity in the "
        "sub-region by supporting the development of digital infrastructure, including through Japan's "
        "support for establishment of Continuously Operating Reference Stations (CORS) in Thailand and "
        "Cambodia, and the promotion and management of financial digitalization as well as capacity "
        "building programs on Open RAN implementation for 5G in Mekong countries."
    ),
}


def _document(slug, short, prefix, year):
    return Document.objects.create(
        slug=slug, short=short, anchor_prefix=prefix, title=f"{short} (browser test copy)",
        date_text=str(year), year=year, file_name=f"{slug}.md", sha256="0" * 64,
    )


def _project(slug, name, *, geom, countries, sector, status, years, funding, precision, aliases=()):
    return Project.objects.create(
        slug=slug, name=name, aliases=list(aliases), countries=countries, sector=sector, status=status,
        status_provenance=Provenance.STATED, years=years, years_provenance=Provenance.STATED,
        funding_types=funding, funding_provenance=Provenance.CURATED, precision=precision,
        location_note=f"Browser-test placement of {name}.", geom=geom,
    )


def _corridor(slug, name, *, countries, coords, start, end, approx):
    return Corridor.objects.create(
        slug=slug, name=name, kind=Corridor.Kind.ECONOMIC_CORRIDOR, countries=countries,
        start_name=start, end_name=end, approx_length_km=approx,
        geometry_method=Corridor.GeometryMethod.WAYPOINTS,
        geom=MultiLineString(LineString(coords, srid=4326), srid=4326),
    )


def build_world() -> SimpleNamespace:
    connectivity = Theme.objects.create(slug="connectivity", name="Connectivity & infrastructure", order=1)
    digital = Theme.objects.create(slug="digital", name="Digital", order=2)
    security = Theme.objects.create(slug="security", name="Non-traditional security", order=3)

    ap = _document("tokyo-strategy-2012-action-plan", "AP2012", "ap2012", 2012)
    mjc = _document("mjc-strategy-2024", "MJC2024", "mjc2024", 2024)
    ap1 = Pillar.objects.create(document=ap, slug="ap2012-1", code="1", name="Enhancing Mekong Connectivity",
                                theme=connectivity, order=1)
    mjca = Pillar.objects.create(document=mjc, slug="mjc2024-a", code="A",
                                 name="Resilient and connected society in the post-COVID-19 world",
                                 theme=connectivity, order=1)
    mjcb = Pillar.objects.create(document=mjc, slug="mjc2024-b", code="B", name="Digitalization",
                                 theme=digital, order=2)
    Pillar.objects.create(document=mjc, slug="mjc2024-c", code="C",
                          name="Proactive response to non-traditional security issues",
                          theme=security, order=3)

    order = itertools.count(1)
    paragraphs = {}
    for key, text in AP2012_TEXT.items():
        n = next(order)
        paragraphs[key] = Paragraph.objects.create(
            document=ap, anchor=f"ap2012-1.1-{n:02d}", label=f"1.1-{n:02d}", kind=Paragraph.Kind.BULLET,
            pillar=ap1, text=text, order=n)
    for key, label, pillar in (("corridors", "10", mjca), ("health", "24", mjca), ("cors", "31", mjcb)):
        paragraphs[key] = Paragraph.objects.create(
            document=mjc, anchor=f"mjc2024-{label}", label=label, kind=Paragraph.Kind.NUMBERED,
            pillar=pillar, text=MJC2024_TEXT[key], order=next(order))

    ewec = _corridor("ewec", "East-West Economic Corridor", countries=["MMR", "THA", "LAO", "VNM"],
                     coords=[(97.63, 16.49), (98.57, 16.71), (100.26, 16.82), (102.83, 16.43),
                             (104.75, 16.55), (106.6, 16.63), (107.1, 16.82), (108.2, 16.05)],
                     start="Mawlamyine", end="Da Nang", approx=1450)
    sec = _corridor("sec", "Southern Economic Corridor", countries=["THA", "KHM", "VNM"],
                    coords=[(100.5, 13.75), (102.56, 13.66), (104.92, 11.56), (105.33, 11.26),
                            (106.7, 10.78)],
                    start="Bangkok", end="Ho Chi Minh City", approx=1000)
    for corridor in (ewec, sec):
        CorridorMention.objects.create(corridor=corridor, paragraph=paragraphs["corridors"])
    CorridorMention.objects.create(corridor=ewec, paragraph=paragraphs["road9"])

    def project(key, paragraph_keys, stage, **fields):
        p = _project(**fields)
        for pk in paragraph_keys:
            ProjectMention.objects.create(project=p, paragraph=paragraphs[pk], stage=stage)
        return p

    projects = SimpleNamespace(
        bridge=project("bridge", ["bridge"], "implementation", slug="neak-loeung-bridge",
                       name="Neak Loeung Bridge", aliases=["Tsubasa Bridge"],
                       geom=Point(105.33, 11.26, srid=4326), countries=["KHM"], sector="bridge",
                       status="implementation", years=[2012], funding=["grant_aid"], precision=1),
        port=project("port", ["port"], "implementation", slug="sihanoukville-port-terminal",
                     name="Sihanoukville Port Multipurpose Terminal", geom=Point(103.51, 10.64, srid=4326),
                     countries=["KHM"], sector="port", status="implementation", years=[2012],
                     funding=["oda_loan"], precision=1),
        road9=project("road9", ["road9"], "implementation", slug="national-road-9",
                      name="Improvement of National Road No. 9",
                      geom=LineString((104.75, 16.55), (105.5, 16.6), (106.6, 16.63), srid=4326),
                      countries=["LAO"], sector="road", status="implementation", years=[2012],
                      funding=["grant_aid"], precision=5),
        airport=project("airport", ["airport"], "implementation", slug="vientiane-airport-expansion",
                        name="Expansion of Vientiane International Airport",
                        geom=Point(102.56, 17.99, srid=4326),
                        countries=["LAO"], sector="airport", status="implementation", years=[2012],
                        funding=["grant_aid"], precision=2),
        noibai=project("noibai", ["noibai"], "implementation", slug="noi-bai-terminal-2",
                       name="Noi Bai International Airport Terminal 2", geom=Point(105.81, 21.22, srid=4326),
                       countries=["VNM"], sector="airport", status="implementation", years=[2012],
                       funding=["oda_loan"], precision=1),
        choray=project("health", ["health"], "", slug="cho-ray-hospital", name="Cho Ray Hospital Development",
                       geom=Point(106.66, 10.76, srid=4326), countries=["VNM"], sector="health",
                       status="unknown", years=[2024], funding=["oda_loan"], precision=1),
        hospitals=project("health", ["health"], "", slug="cambodia-regional-hospitals",
                          name="Regional Hospital Development (Cambodia)", geom=Point(104.9, 12.6, srid=4326),
                          countries=["KHM"], sector="health", status="unknown", years=[2024],
                          funding=["grant_aid"], precision=6),
        cors=project("cors", ["cors"], "", slug="cors-thailand-cambodia",
                     name="Continuously Operating Reference Stations", geom=Point(101.0, 15.0, srid=4326),
                     countries=["THA", "KHM"], sector="ict", status="unknown", years=[2024],
                     funding=["technical_cooperation"], precision=4),
    )
    projects.road9.corridors.add(ewec)
    projects.bridge.corridors.add(sec)
    return SimpleNamespace(projects=projects, ewec=ewec, sec=sec, quotes={**AP2012_TEXT, **MJC2024_TEXT})
