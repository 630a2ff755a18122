"""geodata.linking: which features a paragraph names (pure functions, no database)."""

from geodata.linking import (
    Feature,
    alias_pattern,
    expand_ellipses,
    find_candidates,
    find_matches,
    unmatched_candidates,
)
from tests.loading.conftest import PARAGRAPHS

TEXT = {anchor: text for rows in PARAGRAPHS.values() for anchor, _pillar, text in rows}

EWEC = Feature("corridor", "ewec", ("East-West Economic Corridor", "EWEC"), ("MMR", "THA", "LAO", "VNM"))
SEC = Feature("corridor", "sec", ("Southern Economic Corridor",), ("THA", "KHM", "VNM"))
ROAD8 = Feature("corridor", "road-8", ("Lao National Road No. 8", "Route No. 8"), ("LAO",))
ROAD12 = Feature("corridor", "road-12", ("Lao National Road No. 12", "National Road No. 12", "Route No. 12"),
                 ("LAO",))
KH_ROAD1 = Feature("corridor", "kh-road-1", ("Cambodia National Road No. 1", "National Road No. 1"), ("KHM",))
VN_ROAD1 = Feature("corridor", "vn-road-1", ("Viet Nam National Road No. 1", "National Road No. 1"), ("VNM",))
THIRD_BRIDGE = Feature("project", "third-mekong-bridge", ("Third Mekong Bridge",), ("THA", "LAO"))
HCMC_LINE1 = Feature("project", "hcmc-line-1", (
    "Ho Chi Minh City Urban Railway Line 1", "Ho Chi Minh City Urban Railway Construction Project (Line 1)",
), ("VNM",))
HANOI_LINE1 = Feature("project", "hanoi-line-1", ("Ha Noi City Urban Railway Construction Project (Line 1)",),
                      ("VNM",))
ALL = [EWEC, SEC, ROAD8, ROAD12, KH_ROAD1, VN_ROAD1, THIRD_BRIDGE, HCMC_LINE1, HANOI_LINE1]


def slugs(anchor: str, features=ALL, **kwargs) -> set[str]:
    return {m.slug for m in find_matches(features=features, text=TEXT[anchor], **kwargs).matches}


def test_elliptical_corridor_names_both_corridors():
    """"East-West and Southern Economic Corridor" (mjc2024-10) names both corridors."""
    assert slugs("mjc2024-10") == {"ewec", "sec"}


def test_elliptical_plural_corridors_names_both_corridors():
    """"East-West and Southern Economic Corridors" (jmci2016-03) names both corridors."""
    assert slugs("jmci2016-03") == {"ewec", "sec"}


def test_west_east_is_the_east_west_corridor():
    """ap2012-1.2's "West-East Economic Corridor" is the East-West corridor, without a separate alias."""
    result = find_matches(features=ALL, text=TEXT["ap2012-1.2-01"])
    assert [(m.slug, m.text) for m in result.matches] == [("ewec", "West-East Economic Corridor")]


def test_route_numbers_are_expanded_and_normalised():
    """"Route No.8 and No.12" (ap2012-1.1-10) names Route No. 8 and (National Road) No. 12."""
    assert slugs("ap2012-1.1-10") == {"road-8", "road-12", "ewec"}
    assert expand_ellipses("Route No.8 and No.12")[1][0] == "Route No. 12"


def test_no_with_or_without_dot_and_space_matches():
    pattern = alias_pattern("National Road No. 9")
    for text in ("National Road No. 9", "National Road No.9", "national road no 9", "National  Road No.\n9"):
        assert pattern.search(text), text
    assert not pattern.search("National Road No. 91")
    assert not alias_pattern("National Road No. 1").search("the National Road No. 1A")


def test_dashes_hyphens_and_spaces_are_the_same():
    pattern = alias_pattern("East-West Economic Corridor")
    for text in ("East West Economic Corridor", "East \u2013 West Economic Corridor",
                 "east-west economic corridor"):
        assert pattern.search(text), text


def test_the_third_mekong_bridge_is_a_project_not_a_corridor():
    """ap2012-1.1-08 links National Road No. 12 and the Third Mekong Bridge project, no other corridor."""
    result = find_matches(features=ALL, text=TEXT["ap2012-1.1-08"])
    assert {(m.kind, m.slug) for m in result.matches} == {
        ("corridor", "road-12"), ("project", "third-mekong-bridge")}


def test_the_third_mekong_bridge_without_a_project_links_no_corridor():
    corridors_only = [f for f in ALL if f.kind == "corridor"]
    assert slugs("ap2012-1.1-09", features=corridors_only) == set()


def test_hcmc_line_1_phase_iv_is_not_hanoi_line_1():
    """mjc2024-3 links the HCMC Line 1 project only, not Ha Noi's Line 1."""
    assert slugs("mjc2024-3") == {"hcmc-line-1"}
    assert slugs("ap2012-2.2-01") == {"hanoi-line-1"}
    assert slugs("ap2012-2.2-03") == {"hcmc-line-1"}


def test_an_alias_two_features_claim_is_settled_by_the_country_named():
    """"National Road No. 1": ap2012-1.1-02 names Cambodia, ap2012-1.1-11 names Viet Nam."""
    assert slugs("ap2012-1.1-02") == {"kh-road-1"}
    assert slugs("ap2012-1.1-11") == {"vn-road-1"}


def test_an_alias_two_features_claim_is_not_linked_when_the_text_does_not_settle_it():
    text = "Cambodia and Viet Nam will maintain National Road No. 1."
    result = find_matches(features=ALL, text=text)
    assert result.matches == []
    claimants = [a.claimants for a in result.ambiguities]
    assert claimants == [(("corridor", "kh-road-1"), ("corridor", "vn-road-1"))]


def test_a_curated_link_settles_an_ambiguous_alias():
    text = "Cambodia and Viet Nam will maintain National Road No. 1."
    result = find_matches(features=ALL, text=text, curated=[("corridor", "vn-road-1")])
    assert [m.slug for m in result.matches] == ["vn-road-1"]
    assert result.ambiguities == []


def test_candidates_are_quoted_titles_project_phrases_and_named_places():
    found = {(c.kind, c.text) for c in find_candidates(text=TEXT["ap2012-1.1-08"])}
    assert found == {("place", "Third Mekong Bridge"), ("place", "Vung Ang Seaport")}
    found = {(c.kind, c.text) for c in find_candidates(text=TEXT["ap2012-1.1-03"])}
    assert found == {("quoted", "Project for \u2018Construction of Neak Loeung Bridge")}
    assert find_candidates(text='welcome the "quality infrastructure" and "JAIF 3.0"') == []


def test_unmatched_candidates_leave_out_what_a_feature_matches():
    text = TEXT["ap2012-1.1-08"]
    matches = find_matches(features=ALL, text=text).matches
    assert [c.text for c in unmatched_candidates(text=text, matches=matches)] == ["Vung Ang Seaport"]


def test_a_road_and_the_project_named_after_it_may_share_a_name():
    """Claimants are counted per kind: "Route No. 8" names the road and the study along it."""
    study = Feature("project", "route-8-study", ("Route No. 8",), ("LAO",))
    result = find_matches(features=[ROAD8, study], text="Lao PDR will study Route No. 8.")
    assert {m.slug for m in result.matches} == {"road-8", "route-8-study"}
    assert result.ambiguities == []
