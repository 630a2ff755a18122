"""Shapefile field names: at most 10 characters, unique without regard to case, readable."""

from geodata.file_formats import shapefile_field_names


def test_short_names_fit_dbase_and_stay_unique():
    columns = ["slug", "status_provenance", "status_label", "status_lbl", "precision_label", "Status_Label2",
               "source_anchors", "source_anchors_extra", "a_very_long_name_indeed"]
    names = shapefile_field_names(columns)
    assert list(names) == columns
    assert all(1 <= len(short) <= 10 for short in names.values())
    assert len({short.lower() for short in names.values()}) == len(columns)
    assert names["slug"] == "slug"


def test_preferred_names_are_used_when_they_fit_and_are_free():
    names = shapefile_field_names(["sector_label", "precision_label", "kind"],
                                  preferred={"sector_label": "sector_lbl", "precision_label": "SECTOR_LBL"})
    assert names["sector_label"] == "sector_lbl"
    assert names["precision_label"] != "SECTOR_LBL" and len(names["precision_label"]) <= 10


def test_without_a_preferred_name_vowels_go_first():
    assert shapefile_field_names(["geometry_method"])["geometry_method"] == "gmtry_mthd"
