"""The anchor scheme is fixed (curated data cites it): pin a handful of anchors to their text."""

import pytest

from geodata.parsing import PROFILES, parse_document
from geodata.services import DEFAULT_SOURCE_DIR

PINNED = {
    "mjc2024-p1": ("The 15th Mekong-Japan Foreign Ministers' Meeting was held", "", None),
    "mjc2024-8": (
        "The Mekong countries and Japan appreciated their cooperation to fight against COVID-19.",
        "8",
        None,
    ),
    "mjc2024-10": ("The development of quality infrastructure is the key", "10", None),
    "mjc2024-55": ("The Mekong countries and Japan will further strengthen cooperation", "55", None),
    "ap2012-p1": ("Pursuant to the “Tokyo Strategy 2012”", "", None),
    "ap2012-1.1-01": ("Japan will implement steadily a study of “Cambodia National Road No. 5", "01", None),
    "ap2012-1.1-07": (
        "Japan and Lao PDR will implement steadily the “Project for Improvement of National Road No. 9”",
        "07",
        None,
    ),
    "ap2012-1.1-19": (
        "Japan and Viet Nam will continue the discussion on the possibility of developing",
        "19",
        None,
    ),
    "ap2012-1.1-19a": ("The construction of linkage road (2.7km)", "19a", "ap2012-1.1-19"),
    "ap2012-1.1-19c": ("The construction of Dai Ngai bridge", "19c", "ap2012-1.1-19"),
    "ap2012-2.2-12a": ("Organization of commercial matching", "12a", "ap2012-2.2-12"),
    "ap2012-2.3-02": (
        "Japan and Myanmar will consider the possibility of development of Thilawa",
        "02",
        None,
    ),
    "ap2012-4-01": (
        "Japan will cooperate with the Mekong region countries to implement “Japan’s Indicative",
        "01",
        None,
    ),
    "ap2012-5-01": ("Japan and Mekong region countries will follow up on the progress", "01", None),
    "jmci2016-01": ("Japan will further promote infrastructure development in the Mekong region", "", None),
    "jmci2016-03": (
        "Japan will develop infrastructure to fill the missing links of East-West and Southern "
        "Economic Corridors.",
        "03",
        None,
    ),
    "jmci2016-05": ("Japan will promote the land development along the Corridors", "05", None),
    "meti2020-01": ("On August 27 (Thu.), 2020, the 12th Mekong-Japan Economic Ministers Meeting", "", None),
    "meti2020-10": (
        "This vision consists of three pillars: connectivity, digital innovations, and SDGs.",
        "",
        None,
    ),
    "jmpp2007-01": ("Enhanced Japan–Mekong Region partnership", "01", None),
    "jmpp2007-15": ("Japan will commence negotiations on bilateral investment agreements", "", None),
}


@pytest.fixture(scope="module")
def paragraphs() -> dict:
    found = {}
    for slug, profile in PROFILES.items():
        text = (DEFAULT_SOURCE_DIR / f"{slug}.md").read_text(encoding="utf-8")
        found |= {
            p.anchor: p for p in parse_document(text, file_name=f"{slug}.md", profile=profile).paragraphs
        }
    return found


@pytest.mark.parametrize("anchor", PINNED)
def test_anchor_points_at_its_text(paragraphs, anchor):
    start, label, parent = PINNED[anchor]
    paragraph = paragraphs[anchor]
    assert paragraph.text.startswith(start)
    assert paragraph.label == label
    assert paragraph.parent_anchor == parent


def test_paragraph_counts_per_document(paragraphs):
    """A change here means the anchors of later paragraphs may have shifted: check curated citations."""
    counts = {}
    for anchor in paragraphs:
        prefix = anchor.split("-")[0]
        counts[prefix] = counts.get(prefix, 0) + 1
    assert counts == {"mjc2024": 56, "ap2012": 134, "jmci2016": 15, "meti2020": 11, "jmpp2007": 16}
