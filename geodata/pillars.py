"""Each document's pillars as printed, and the cross-document themes they map to.

A pillar covers the sections named in `sections` (by printed label, else by title) and every
section below them; paragraphs inherit the pillar of their section. Paragraphs outside any pillar
(introductions, follow-up) have none. `whole_document` covers every paragraph of a document.
Pillar slug: "<anchor prefix>-<code lower>", e.g. mjc2024-a, ap2012-1, mjc2024-ts2018-1.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class ThemeDef:
    slug: str
    name: str


@dataclass(frozen=True)
class PillarDef:
    code: str
    name: str
    theme: str
    sections: tuple[str, ...] = ()
    whole_document: bool = False


THEMES: tuple[ThemeDef, ...] = (
    ThemeDef("connectivity", "Connectivity & infrastructure"),
    ThemeDef("industry", "Industry, trade & investment"),
    ThemeDef("people", "People & society"),
    ThemeDef("digital", "Digital"),
    ThemeDef("environment", "Environment, water & disaster"),
    ThemeDef("security", "Security"),
)

PILLARS: dict[str, tuple[PillarDef, ...]] = {
    "japan-mekong-partnership-program-2007": (
        # The "Three Priority Areas" are the programme's pillars; goals and initiatives are not.
        PillarDef("1", "Integrate Economies of the Region and Beyond", "connectivity", sections=("(1)",)),
        PillarDef("2", "Expand Trade and Investment between Japan and the Region", "industry",
                  sections=("(2)",)),
        PillarDef("3", "Pursue Universal Values and Common Goals of the Region", "people", sections=("(3)",)),
    ),
    "tokyo-strategy-2012-action-plan": (
        PillarDef("1", "Enhancing Mekong Connectivity", "connectivity", sections=("1",)),
        PillarDef("2", "Developing Together", "industry", sections=("2",)),
        # Its first sub-sections are disaster management and environment/water; human security
        # (health, food, social protection) follows. One theme per pillar: environment.
        PillarDef("3", "Ensuring Human Security and Environmental Sustainability", "environment",
                  sections=("3",)),
    ),
    "japan-mekong-connectivity-initiative-2016": (
        # One heading ("Pillars of Cooperation") holds pillar-like bullets; the initiative as a
        # whole is about connectivity, so it is one pillar covering the whole text.
        PillarDef("connectivity", "Japan-Mekong Connectivity Initiative", "connectivity",
                  whole_document=True),
    ),
    "meti-mekong-japan-economic-cooperation-2020": (
        # MIDV 2.0's three pillars are named in one sentence (meti2020-10), with no section of
        # their own: they exist as pillars of the document but no paragraph is assigned to one.
        PillarDef("connectivity", "Connectivity (MIDV 2.0)", "connectivity"),
        PillarDef("digital", "Digital innovations (MIDV 2.0)", "digital"),
        PillarDef("sdgs", "SDGs (MIDV 2.0)", "environment"),
    ),
    "mjc-strategy-2024": (
        # Part I reviews the Tokyo Strategy 2018 pillars (paragraphs 3, 4, 5).
        PillarDef("TS2018-1", "Vibrant and Effective Connectivity (Tokyo Strategy 2018)", "connectivity",
                  sections=("(Vibrant and Effective Connectivity)",)),
        PillarDef("TS2018-2", "People-Centered Society (Tokyo Strategy 2018)", "people",
                  sections=("(People-Centered Society)",)),
        PillarDef("TS2018-3", "Realization of a Green Mekong (Tokyo Strategy 2018)", "environment",
                  sections=("(Realization of a Green Mekong)",)),
        PillarDef("A", "Resilient and connected society in the post-COVID-19 world", "connectivity",
                  sections=("A",)),
        PillarDef("B", "Digitalization", "digital", sections=("B",)),
        PillarDef("C", "Proactive response to non-traditional security issues", "security", sections=("C",)),
    ),
}


def pillar_slug(*, prefix: str, code: str) -> str:
    return f"{prefix}-{code.lower()}"
