"""The OpenAPI documents pass the OpenAPI 3 specification's own validator, and every API route
of the site is in the schema (a new endpoint cannot go undocumented)."""

import pytest
from django.urls import get_resolver
from openapi_spec_validator import validate


@pytest.mark.parametrize("url", ["/api/openapi.json", "/ogc/api"])
def test_the_openapi_document_is_valid(client, db, url):
    response = client.get(url)
    assert response.status_code == 200
    validate(response.json())  # raises with the first violation


def _api_routes() -> set[str]:
    """The site's /api/ routes, with Django's <converter:name> written as OpenAPI's {name}."""
    routes = set()

    def walk(patterns, prefix):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if hasattr(pattern, "url_patterns"):
                walk(pattern.url_patterns, route)
            elif route.startswith("api/"):
                routes.add("/" + _openapi_style(route))

    walk(get_resolver().url_patterns, "")
    return routes


def _openapi_style(route: str) -> str:
    import re

    return re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route)


def test_every_api_route_is_documented(client, db):
    documented = set(client.get("/api/openapi.json").json()["paths"])
    assert _api_routes() - documented == set()
