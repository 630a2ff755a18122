"""Hostile input in every parameter and path segment of every endpoint both OpenAPI documents
describe: SQL injection strings, NaN/Infinity/1e308/-0, inverted and world boxes, 10 kB strings, NUL
and control characters, invalid UTF-8, odd digits, repeated and unknown parameters. Each answer is a
400 (404 for a path segment, 414 for an address too long) in the endpoint's JSON error shape, or a
normal answer; never a 5xx; and the data is the same afterwards.

The endpoints and their parameters are read from the documents, so a new endpoint or parameter is
swept without editing this file."""

import json
from urllib.parse import quote

import pytest
from django.db import connection

from geomekong.openapi import site_openapi
from projects.ogc.openapi import ogc_openapi

LONG = "x" * 10_000
# Already percent-encoded where the raw bytes matter (NUL, controls, invalid UTF-8).
HOSTILE = [
    quote("' OR '1'='1"), quote("1; DROP TABLE projects_project; --"), quote("road') OR ('a'='a"),
    quote('"><script>alert(1)</script>'), "NaN", "Infinity", "-Infinity", "1e308", "-1e308", "1e-320",
    "-0", "0x10", "1_0", quote("١٢٣"), quote("２０１２"), "180,90,-180,-90", "-180,-90,180,90",
    "0,0,0,0,0", "1e999,0,1,1", LONG, "a%00b", "%00", "a%0Ab", "%7F", "%C2%85", "%FF%FE", "%C0%AF",
    "%ED%A0%80", ",,,", "%20", "..", "../../etc/passwd", "%2e%2e%2f", quote("𝔘𝔫𝔦𝔠𝔬𝔡𝔢"),
]
PATH_HOSTILE = [v for v in HOSTILE if v not in ("..", "%2e%2e%2f", "../../etc/passwd")] + ["%2F", "a%2Fb"]
ALLOWED = {200, 400, 404, 414}
TABLES = ["projects_project", "corridors_corridor", "geodata_paragraph", "geodata_document",
          "projects_projectmention", "corridors_corridormention"]


def _operations():
    api = site_openapi(_empty_vocabulary())
    ogc = ogc_openapi(server="http://testserver/ogc", vocabulary=_empty_vocabulary())
    for prefix, document in (("", api), ("/ogc", ogc)):
        for path, item in document["paths"].items():
            yield pytest.param(prefix + path, item["get"], id=prefix + path)


def _empty_vocabulary():
    # Collection time has no database: the parameters' names and examples are what matter here.
    from projects.openapi import Vocabulary

    return Vocabulary(themes=[], pillars=[], documents=[], countries=[], corridors=[])


def _fingerprint() -> dict:
    with connection.cursor() as cursor:
        prints = {}
        for table in TABLES:
            cursor.execute(f"SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) "
                           f"FROM {table} t")
            prints[table] = cursor.fetchone()
    return prints


def _example(parameter: dict) -> str:
    value = parameter.get("example")
    if value is None:
        value = parameter["schema"].get("enum", ["x"])[0] if "enum" in parameter["schema"] else "x"
    return quote(str(value), safe=",")


def _check(client, url: str, query: str) -> str | None:
    """None when the answer is acceptable, else what is wrong with it."""
    response = client.get(url, QUERY_STRING=query)
    status = response.status_code
    if status not in ALLOWED:
        return f"{status} for {url}?{query[:120]}"
    if status != 200:
        body = json.loads(response.content)
        shape = {"code", "description"} if url.startswith("/ogc") else {"error"}
        if not shape <= set(body):
            return f"{status} without the JSON error shape for {url}?{query[:120]}: {body}"
        if len(response.content) > 2000:
            return f"{status} echoes too much ({len(response.content)} bytes) for {url}?{query[:120]}"
    return None


@pytest.mark.parametrize(("path", "operation"), list(_operations()))
def test_hostile_values_in_every_parameter_are_refused_cleanly(client, world, path, operation):
    before = _fingerprint()
    parameters = operation["parameters"]
    path_params = {p["name"]: _example(p) for p in parameters if p["in"] == "path"}
    required = [f"{p['name']}={_example(p)}" for p in parameters if p["in"] == "query" and p.get("required")]
    if "{format}" in path:
        path_params["format"] = "csv"  # every format shares the parsers; csv is the quickest to write

    def url(**segments) -> str:
        result = path
        for name, value in {**path_params, **segments}.items():
            result = result.replace("{" + name + "}", value)
        return result

    problems = []
    for parameter in parameters:
        name = parameter["name"]
        for value in HOSTILE if parameter["in"] == "query" else PATH_HOSTILE:
            if parameter["in"] == "path":
                problem = _check(client, url(**{name: value}), "&".join(required))
            else:
                others = [item for item in required if not item.startswith(f"{name}=")]
                problem = _check(client, url(), "&".join([*others, f"{name}={value}"]))
            if problem:
                problems.append(problem)
    # Repeated, unknown and too many parameters, and a hostile parameter name.
    base = "&".join(required)
    for query in ["sector=road&sector=" + quote("' OR 1=1"), "nope=1", "%00=1", "%FF=1",
                  "&".join(f"p{i}=1" for i in range(150)), "=", "&&&", "a=1&a=2&a=3"]:
        problem = _check(client, url(), "&".join(filter(None, [base, query])))
        if problem:
            problems.append(problem)
    assert problems == []
    assert _fingerprint() == before, "a request changed the data"


def test_the_sweep_covers_every_documented_endpoint():
    paths = {param.values[0] for param in _operations()}
    assert {"/api/projects.geojson", "/api/facets", "/api/near", "/export/projects.{format}",
            "/ogc/collections/projects/items", "/api/paragraphs/{anchor}"} <= paths
    assert len(paths) >= 20
