"""OGC API – Features views: thin, in the standard's shapes (JSON by default, HTML for browsers)."""

import functools
import json

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from geodata.query_params import FilterError
from projects.datasets import DATASETS, Dataset
from projects.ogc import links as ln
from projects.ogc import selectors
from projects.ogc.openapi import ogc_openapi, operations
from projects.ogc.params import (
    CRS84,
    STANDARD,
    OgcError,
    bbox_2d,
    check_known,
    invalid,
    not_found,
    parse_datetime,
    parse_paging,
    wants_html,
)
from projects.openapi import Vocabulary

CONFORMANCE = [
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
]
GREGORIAN = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian"
TITLE = "GeoMekong OGC API – Features"


def ogc_endpoint(*, allowed: tuple[str, ...] = ("f",), with_filters: bool = False):
    """GET only; refuses unknown parameters (the collection's filters are known when with_filters);
    turns OgcError into the standard's error body. The view gets `html` as a keyword."""
    def decorate(view):
        @require_GET
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            try:
                known = set(allowed)
                if with_filters:
                    known |= selectors.filter_names(_collection(kwargs["collection_id"]))
                check_known(request.GET, allowed=known)
                html = wants_html(request.GET, request.headers.get("Accept", ""))
                return view(request, *args, html=html, **kwargs)
            except OgcError as error:
                return JsonResponse(error.as_json(), status=error.status)
        return wrapper
    return decorate


def _collection(collection_id: str) -> Dataset:
    try:
        return DATASETS[collection_id]
    except KeyError:
        raise not_found(f"no collection {collection_id!r}; the collections are: "
                        f"{', '.join(DATASETS)}") from None


def _collection_link(request, collection: Dataset) -> dict:
    href = ln.url(request, f"/ogc/collections/{collection.id}")
    return ln.link(href, "collection", ln.JSON, collection.title)


def _json(data: dict, media_type: str = ln.JSON) -> JsonResponse:
    return JsonResponse(data, content_type=media_type, json_dumps_params={"ensure_ascii": False})


def _page(request, template: str, data: dict, **context) -> HttpResponse:
    return render(request, f"ogc/{template}", {"data": data, "json_url": ln.current(request, f="json"),
                                                "title": TITLE, **context})


@ogc_endpoint()
def landing(request, *, html: bool):
    data = {
        "title": TITLE,
        "description": "Projects and corridors of Japan–Mekong cooperation, each linked to the source "
                       "paragraphs that mention it.",
        "links": [
            *ln.self_and_alternate(request, media_type=ln.JSON, html=html),
            ln.link(ln.url(request, "/ogc/api"), "service-desc", ln.OPENAPI, "The API definition"),
            ln.link(ln.url(request, "/ogc/api", f="html"), "service-doc", ln.HTML, "The API documentation"),
            ln.link(ln.url(request, "/ogc/conformance"), "conformance", ln.JSON, "Conformance classes"),
            ln.link(ln.url(request, "/ogc/collections"), "data", ln.JSON, "The feature collections"),
        ],
    }
    return _page(request, "landing.html", data) if html else _json(data)


@ogc_endpoint()
def conformance(request, *, html: bool):
    data = {"conformsTo": CONFORMANCE}
    return _page(request, "conformance.html", data) if html else _json(data)


@ogc_endpoint()
def api(request, *, html: bool):
    schema = ogc_openapi(server=request.build_absolute_uri("/ogc"))
    if html:
        return _page(request, "api.html", schema, operations=operations(schema))
    return _json(schema, ln.OPENAPI)


def _describe(request, collection: Dataset) -> dict:
    base = f"/ogc/collections/{collection.id}"
    extent = {"spatial": {"bbox": [selectors.spatial_extent(collection) or [-180, -90, 180, 90]],
                          "crs": CRS84}}
    years = selectors.year_extent(collection)
    if years:
        extent["temporal"] = {"interval": [[f"{years[0]}-01-01T00:00:00Z", f"{years[1]}-12-31T23:59:59Z"]],
                              "trs": GREGORIAN}
    return {
        "id": collection.id, "title": collection.title, "description": collection.description,
        "itemType": "feature", "crs": [CRS84], "extent": extent,
        "links": [
            ln.link(ln.url(request, base), "self", ln.JSON, "This collection"),
            ln.link(ln.url(request, base, f="html"), "alternate", ln.HTML, "This collection as HTML"),
            ln.link(ln.url(request, f"{base}/items"), "items", ln.GEOJSON, "The features as GeoJSON"),
            ln.link(ln.url(request, f"{base}/items", f="html"), "items", ln.HTML, "The features as HTML"),
        ],
    }


@ogc_endpoint()
def collections(request, *, html: bool):
    data = {
        "links": ln.self_and_alternate(request, media_type=ln.JSON, html=html),
        "collections": [_describe(request, c) for c in DATASETS.values()],
    }
    return _page(request, "collections.html", data) if html else _json(data)


@ogc_endpoint()
def collection(request, collection_id: str, *, html: bool):
    data = _describe(request, _collection(collection_id))
    return _page(request, "collection.html", data) if html else _json(data)


QUERYABLES = "application/schema+json"


@ogc_endpoint()
def queryables(request, collection_id: str, *, html: bool):
    """The property filters the items take (the collection's declared parameters, bbox aside: it
    is the standard's), as a JSON Schema whose properties are the parameters' own schemas."""
    collection = _collection(collection_id)
    vocabulary = Vocabulary.load()
    properties = {p.name: {"title": p.name, "description": p.description, **p.schema(vocabulary)}
                  for p in collection.filters.parameters if p.name != "bbox"}
    data = {"$schema": "https://json-schema.org/draft/2019-09/schema",
            "$id": ln.url(request, f"/ogc/collections/{collection.id}/queryables"),
            "type": "object", "title": collection.title, "properties": properties}
    if html:
        return _page(request, "queryables.html", data, collection=collection, rows=list(properties.items()))
    return _json(data, QUERYABLES)


def _filters(request, collection: Dataset):
    """The map API's filters from the query, with the OGC bbox and datetime folded in."""
    query = request.GET.copy()
    bbox = bbox_2d(request.GET)
    if bbox:
        query["bbox"] = bbox
    try:
        filters = collection.filters.from_query(query)
    except FilterError as error:
        raise invalid(error.parameter, error.message) from None
    years = parse_datetime(request.GET.get("datetime"))
    return selectors.with_years(filters, years) if collection.temporal else filters


@ogc_endpoint(allowed=STANDARD, with_filters=True)
def items(request, collection_id: str, *, html: bool):
    collection = _collection(collection_id)
    limit, offset = parse_paging(request.GET)
    filters = _filters(request, collection)
    written, matched = selectors.items_page(collection=collection, filters=filters, limit=limit,
                                            offset=offset)
    returned = written.count
    links = [
        *ln.self_and_alternate(request, media_type=ln.GEOJSON, html=html),
        *ln.paging(request, limit=limit, offset=offset, returned=returned, matched=matched,
                   media_type=ln.HTML if html else ln.GEOJSON),
        _collection_link(request, collection),
    ]
    members = {"numberMatched": matched, "numberReturned": returned, "links": links,
               "timeStamp": timezone.now().strftime("%Y-%m-%dT%H:%M:%SZ")}
    if html:
        features = json.loads(written.text())["features"]
        return _page(request, "items.html", {**members, "features": features}, collection=collection,
                     first=offset + 1, last=offset + returned)
    return HttpResponse(written.text(members), content_type=ln.GEOJSON)


@ogc_endpoint()
def item(request, collection_id: str, feature_id: str, *, html: bool):
    collection = _collection(collection_id)
    feature = selectors.feature(collection=collection, feature_id=feature_id)
    if feature is None:
        raise not_found(f"no feature {feature_id!r} in {collection.id}")
    feature["links"] = [
        *ln.self_and_alternate(request, media_type=ln.GEOJSON, html=html),
        _collection_link(request, collection),
        ln.link(request.build_absolute_uri(feature["properties"]["url"]), "describedby", ln.HTML,
                "The page of this feature on GeoMekong"),
    ]
    if html:
        rows = [(key, ", ".join(map(str, value)) if isinstance(value, list) else value)
                for key, value in feature["properties"].items() if key != "sources"]
        return _page(request, "item.html", feature, collection=collection, rows=rows)
    return _json(feature, ln.GEOJSON)
