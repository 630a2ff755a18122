"""projects.years: a project's years are its documents' years; dated events a source states are milestones."""

from projects.years import check_years, milestone_list

ANCHORS = {"ap2012-2.2-16": 2012, "mjc2024-3": 2024}
TEXTS = {"ap2012-2.2-16": "Japan and Viet Nam will implement steadily the Line 1 project.",
         "mjc2024-3": "the signing of the Exchange of Notes for Line 1 (Phase IV) in December 2023."}
SOURCES = [{"anchor": "ap2012-2.2-16", "year": 2012}, {"anchor": "mjc2024-3", "year": 2023}]
PHASE_IV = {"year": 2023, "event": "Exchange of Notes for Phase IV signed", "anchor": "mjc2024-3"}


def check(**kwargs):
    arguments = {"years": [2012, 2024], "sources": SOURCES, "anchor_years": ANCHORS, "milestones": [PHASE_IV],
                 "texts": TEXTS, **kwargs}
    return check_years(**arguments)


def test_the_documents_years_and_a_stated_milestone_pass():
    assert check() == []


def test_years_are_exactly_the_citing_documents_years():
    assert check(years=[2012]) == [("years", "must include [2024]: the years of the citing documents")]
    [(field, message)] = check(years=[2012, 2023, 2024])
    assert field == "years" and message.startswith("holds [2023], which no citing document has")


def test_a_year_a_source_states_must_be_a_milestone():
    assert check(milestones=[]) == [("milestones", "must include 2023: the year mjc2024-3 states")]


def test_a_milestone_is_stated_by_a_cited_paragraph_that_gives_its_year():
    wrong_year = {**PHASE_IV, "year": 2022}
    assert ("milestones", "2022: the paragraph mjc2024-3 does not state that year") in check(
        milestones=[PHASE_IV, wrong_year])
    uncited = {**PHASE_IV, "anchor": "ap2012-1.1-01"}
    assert ("milestones", "2023: 'ap2012-1.1-01' is not a cited paragraph") in check(
        milestones=[PHASE_IV, uncited])


def test_the_milestone_shape_is_checked():
    check_shape = milestone_list()
    assert check_shape([]) is None and check_shape([PHASE_IV]) is None
    assert check_shape([{"year": 2023}]).startswith("each milestone needs a year, an event and the anchor")
    assert check_shape("2023").startswith("must be a list")
