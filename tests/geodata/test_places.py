"""geodata.places: the coverage detector finds the places and facilities a paragraph names."""

from geodata.places import Explanation, detect_place_names, unaccounted_names


def names(text: str) -> set[tuple[str, str]]:
    return {(n.text, n.kind) for n in detect_place_names(text)}


def test_facilities_by_the_word_that_ends_their_name():
    """Bridges, ports, hospitals, centres and institutes (in sentences from the sources)."""
    found = names("Lao PDR will implement steadily maintenance of National Road No. 12 from the Third "
                  "Mekong Bridge to Lao-Viet Nam border which connects to Vung Ang Seaport.")
    assert found == {("National Road No. 12", "road"), ("Third Mekong Bridge", "bridge"),
                     ("Vung Ang Seaport", "port")}
    assert ("Mekong Institute", "institution") in names(
        "Japan will examine the possibility of the assistance for Mekong Institute (MI) to its activity.")
    assert ("Asian Disaster Preparedness Centre", "institution") in names(
        "the Asian Disaster Reduction Centre (ADRC) in Kobe, Japan and the Asian Disaster Preparedness "
        "Centre (ADPC) in Thailand")
    assert ("Cho Ray Viet Nam-Japan Friendship Hospital", "hospital") in names(
        "such as Cho Ray Viet Nam-Japan Friendship Hospital Development Project")
    assert ("Japan Centers", "institution") in names(
        "through the network of the existing Japan Centers in CLV countries")


def test_numbered_roads_and_sections():
    assert names("The upgrade of 17km road linking National Road 19 and National Road 1A.") == {
        ("National Road 19", "road"), ("National Road 1A", "road")}
    assert ("Route No.8 and No.12", "road") in names(
        "Recognizing potential of Route No.8 and No.12 in addition")


def test_provinces_areas_towns_and_rivers():
    found = names("The construction of Dai Ngai bridge connecting Soc Trang province and Tra Vinh province.")
    assert found >= {("Soc Trang province", "area"), ("Tra Vinh province", "area")}
    assert ("Development Triangle", "area") in names(
        "implementation of projects in the Development Triangle, at the borders of Cambodia")
    assert ("Mekong Delta", "area") in names("rural development in the costal area of Mekong Delta")
    # Towns of the basemap's places layer, and the sources' own spellings.
    assert names("maintenance of the East-West economic corridor between Mae Sot and Mawlamyine.") == {
        ("Mae Sot", "town"), ("Mawlamyine", "town")}
    assert ("Ha Noi", "town") in names("the inauguration in Ha Noi and Ho Chi Minh City")
    # Provinces from the places layer's first-order divisions.
    assert ("Long An", "town") in names("the Water Supply Project in Long An (Viet Nam)")
    assert ("Mekong river", "area") in names("development of the Mekong river, including")


def test_titles_are_names_and_a_name_inside_a_longer_one_is_not_repeated():
    found = detect_place_names("Japan and Cambodia will implement steadily the \u201cProject for "
                               "\u2018Construction of Neak Loeung Bridge\u201d\u201d.")
    assert [n.kind for n in found] == ["quoted"]
    assert "Neak Loeung Bridge" in found[0].text


def test_what_is_not_a_place_is_not_found():
    """Countries, the region as a whole and organisations without a facility word are not places."""
    assert names("Japan and the Mekong region countries will support Cambodia, Lao PDR and Viet Nam "
                 "through the Japan International Cooperation Agency.") == set()


def test_unaccounted_names_leave_out_matched_and_explained_ones():
    text = "a survey on transportation between Bangkok and Hanoi via the Third Mekong Bridge"
    bridge = text.index("Third")
    spans = [(bridge, bridge + len("Third Mekong Bridge"))]
    explained = [Explanation(name="Bangkok", anchors=("ap2012-1.1-09",), reason="end of the survey route")]
    left = unaccounted_names(text=text, anchor="ap2012-1.1-09", spans=spans, explanations=explained)
    assert [n.text for n in left] == ["Hanoi"]
    # An explanation holds only for the paragraphs it lists.
    left = unaccounted_names(text=text, anchor="ap2012-9.9-99", spans=spans, explanations=explained)
    assert [n.text for n in left] == ["Bangkok", "Hanoi"]


def test_a_lower_case_facility_word_and_a_town_with_one_are_facilities():
    """Recall: "Dai Ngai bridge", "Dawei seaport" and the sources' "Hai phong Port" are facilities."""
    assert ("Dai Ngai bridge", "bridge") in names("The construction of Dai Ngai bridge connecting Soc Trang")
    assert ("Dawei seaport", "port") in names("the development of Dawei seaport and related infrastructure")
    assert ("Hai phong Port", "port") in names("construction of the Expressway from Hanoi to Hai phong Port")
    assert ("Hai phong", "town") not in names("construction of the Expressway from Hanoi to Hai phong Port")
    assert ("AHA centre", "institution") in names("Japan will strengthen its cooperation for the AHA centre")


# Recall on the five sources: one sentence per kind the issue names (verbatim from geodata/data/sources),
# and the name a reader sees in it. Found means a detected name is it or holds it (a quoted title).
RECALL = [
    ("Japan will continue to implement steadily a study of \u201cLong Thanh International Airport "
     "Construction Airport\u201d", "Long Thanh International Airport"),
    ("Japan and Lao PDR will implement steadily the \u201cProject for Expansion of Vientiane International "
     "Airport in the Lao PDR\u201d", "Vientiane International Airport"),
    ("including the signing of the Exchange of Notes for the Ho Chi Minh City Urban Railway Line 1 "
     "(Phase IV) in December 2023", "Ho Chi Minh City Urban Railway"),
    ("Japan and Myanmar will consider the possibility of development of Thilawa, including SEZ, in Myanmar",
     "Thilawa"),
    ("Japan will consider the possibility of the \u201cNam Ngum 1 Hydropower Station Extension Project in "
     "Laos\u201d to enhance electricity supply", "Nam Ngum 1 Hydropower Station"),
    ("Viet Nam will implement steadily construction of the Expressway from Hanoi to Hai phong Port",
     "Hai phong Port"),
    ("Lao PDR will implement steadily maintenance of National Road No. 12 from the Third Mekong Bridge",
     "National Road No. 12"),
    ("The construction of Dai Ngai bridge connecting Soc Trang province and Tra Vinh province.",
     "Tra Vinh province"),
    ("maintenance of the East-West economic corridor between Mae Sot and Mawlamyine.", "Mawlamyine"),
]


def test_the_detector_finds_the_sources_names_of_every_kind():
    missed = [name for sentence, name in RECALL
              if not any(name in found.text for found in detect_place_names(sentence))]
    assert not missed, missed
