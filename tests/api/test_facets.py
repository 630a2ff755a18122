"""GET /api/facets: counts per value, zeros included, each facet counted without its own parameter."""

URL = "/api/facets"


def counts(body, facet):
    return {item["value"]: item["count"] for item in body["facets"][facet]}


def test_without_filters_every_value_is_counted(client, world):
    body = client.get(URL).json()
    assert body["numberMatched"] == 8
    assert counts(body, "theme") == {"connectivity": 4, "development": 1, "environment": 2}
    assert counts(body, "pillar") == {"ap2012-1": 3, "ap2012-3": 2, "mjc2024-a": 2, "mjc2024-b": 1}
    assert counts(body, "year") == {2012: 3, 2013: 1, 2014: 1, 2015: 1, 2018: 1, 2024: 2}
    assert counts(body, "country") == {"KHM": 2, "LAO": 4, "MMR": 1, "THA": 1, "VNM": 2}
    assert counts(body, "status") == {"proposed": 2, "study": 1, "implementation": 2, "completed": 2,
                                      "unknown": 1}
    assert counts(body, "precision") == {1: 4, 2: 1, 3: 1, 4: 0, 5: 1, 6: 1}


def test_every_vocabulary_value_is_listed_even_with_count_zero(client, world):
    body = client.get(URL).json()
    sectors = counts(body, "sector")
    assert len(sectors) == 14 and sectors["airport"] == 0 and sectors["road"] == 1
    funding = counts(body, "funding")
    assert funding == {"oda_loan": 3, "grant_aid": 1, "technical_cooperation": 1,
                       "private_investment_finance": 1, "jaif": 1, "multilateral_cofinancing": 0,
                       "partner_government_budget": 0, "private_ppp": 1, "unspecified": 1}


def test_facet_items_carry_labels_and_pillars_their_document(client, world):
    body = client.get(URL).json()
    assert body["facets"]["sector"][0] == {"value": "road", "label": "Road", "count": 1}
    assert body["facets"]["pillar"][0] == {"value": "ap2012-1", "label": "Connectivity",
                                           "document": "action-plan-2012", "document_short": "AP2012",
                                           "count": 3}
    assert {"value": "LAO", "label": "Laos", "count": 4} in body["facets"]["country"]
    assert body["facets"]["precision"][0]["label"] == "exact site"


def test_a_facet_ignores_its_own_parameter_but_not_the_others(client, world):
    body = client.get(f"{URL}?sector=road").json()
    assert body["numberMatched"] == 1
    # Picking road still shows what the other sectors would give ...
    assert counts(body, "sector")["bridge"] == 1 and counts(body, "sector")["road"] == 1
    # ... while every other facet counts only roads.
    assert counts(body, "country") == {"KHM": 0, "LAO": 1, "MMR": 0, "THA": 0, "VNM": 0}
    assert counts(body, "theme") == {"connectivity": 1, "development": 0, "environment": 0}


def test_facets_combine_the_other_filters(client, world):
    body = client.get(f"{URL}?country=LAO&theme=connectivity").json()
    assert body["numberMatched"] == 2  # national-road-9, savannakhet-border-facilities
    # theme ignores theme=connectivity but keeps country=LAO.
    assert counts(body, "theme") == {"connectivity": 2, "development": 0, "environment": 2}
    # country ignores country=LAO but keeps theme=connectivity.
    assert counts(body, "country") == {"KHM": 1, "LAO": 2, "MMR": 0, "THA": 1, "VNM": 1}


def test_the_year_facet_ignores_the_year_range(client, world):
    body = client.get(f"{URL}?year_min=2013&year_max=2014").json()
    assert body["numberMatched"] == 2
    assert counts(body, "year")[2012] == 3
    assert counts(body, "sector")["water"] == 1 and counts(body, "sector")["bridge"] == 0


def test_years_by_funding_counts_matching_projects_per_year_and_funding(client, world):
    body = client.get(URL).json()
    assert body["years_by_funding"] == [
        {"year": 2012, "funding": {"grant_aid": 1, "jaif": 1, "oda_loan": 1}},
        {"year": 2013, "funding": {"technical_cooperation": 1}},
        {"year": 2014, "funding": {"oda_loan": 1, "private_investment_finance": 1}},
        {"year": 2015, "funding": {"grant_aid": 1}},
        {"year": 2018, "funding": {"oda_loan": 1, "private_ppp": 1}},
        {"year": 2024, "funding": {"oda_loan": 1, "private_investment_finance": 1, "unspecified": 1}},
    ]
    # It follows every filter, its own included.
    filtered = client.get(f"{URL}?funding=oda_loan&year_max=2014").json()["years_by_funding"]
    assert filtered == [
        {"year": 2012, "funding": {"oda_loan": 1}},
        {"year": 2014, "funding": {"oda_loan": 1, "private_investment_finance": 1}},
        {"year": 2024, "funding": {"oda_loan": 1, "private_investment_finance": 1}},
    ]


def test_bad_parameters_give_400_on_facets_too(client, world):
    response = client.get(f"{URL}?status=finished")
    assert response.status_code == 400
    assert response.json()["parameter"] == "status"


def test_the_sector_theme_facet_counts_projects_by_the_theme_of_their_sector(client, world):
    """Bridge, road and port are connectivity; water supply and disaster are environment ('other' none)."""
    body = client.get(URL).json()
    assert counts(body, "sector_theme") == {"connectivity": 3, "environment": 2}
    assert counts(client.get(URL, {"sector": "water"}).json(), "sector_theme") == {"connectivity": 0,
                                                                                   "environment": 1}
