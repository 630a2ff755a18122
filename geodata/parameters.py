"""Query parameters as objects: each knows its name, how to parse its raw value (FilterError, the
400 naming it), how it filters a queryset, how it describes itself in OpenAPI, whether it is a
facet and how it names itself in an export's file name.

A layer's filters are one frozen value built from its parameter list (`filter_set`), so a
parameter is declared once (projects/filters.py, corridors/filters.py) and the map API, the
exports, the OGC API, the OpenAPI documents, the queryables and the map's filter list
(/api/filters) all read the same declarations.
"""

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, make_dataclass
from typing import Any

from django.contrib.gis.geos import Polygon
from django.db.models import F, Q, QuerySet

from geodata import query_params as qp

LIST_NOTE = ("Comma-separated (case-insensitive, at most 50 values); a feature matches when it matches "
             "any of them.")
EMPTY_NOTE = "An empty value is the same as leaving the parameter out."
# What every text parameter refuses (400): NUL and the other C0 and C1 control characters, and DEL.
NO_CONTROL = "^[^\\u0000-\\u001f\\u007f-\\u009f]*$"

Apply = Callable[[QuerySet, Any], QuerySet]


# ---------------------------------------------------------------------------------------------
# OpenAPI parameter objects


def openapi_parameter(name: str, description: str, schema: dict, example: object | None = None) -> dict:
    param = {"name": name, "in": "query", "required": False, "allowEmptyValue": True,
             "description": f"{description} {EMPTY_NOTE}", "schema": schema}
    if example is not None:
        param["example"] = example
    return param


def one_of(values: list[str]) -> dict:
    """One value of a vocabulary; an empty vocabulary (a new database) admits no value."""
    return {"type": "string", "enum": values} if values else {"type": "string", "maxLength": 0}


def form_list(param: dict) -> dict:
    """A comma-separated list (OpenAPI: a form-style array, not exploded)."""
    return param | {"style": "form", "explode": False}


def list_parameter(name: str, description: str, values: list[str], example: str) -> dict:
    """A comma-separated list of vocabulary values."""
    return form_list(openapi_parameter(name, f"{description} {LIST_NOTE}",
                                       {"type": "array", "items": one_of(values), "maxItems": qp.MAX_VALUES},
                                       example))


# ---------------------------------------------------------------------------------------------
# Parameters


@dataclass(frozen=True, kw_only=True)
class Parameter:
    """One query parameter. `apply(queryset, filters)` narrows a queryset by the parsed filters
    (None for a parameter another one applies with it: year_max with year_min); `facet` names the
    facet it counts in (counted without it); `file_label(query)` is its part of an export's file
    name (None: leave it out)."""

    name: str
    description: str
    example: object = None
    apply: Apply | None = None
    facet: str | None = None
    default: Any = None
    annotation: Any = Any
    multiple: bool = False
    file_name: Callable[[str], str] | None = None

    def parse(self, raw: str | None) -> Any:
        raise NotImplementedError

    def schema(self, vocabulary: object) -> dict:
        raise NotImplementedError

    def openapi(self, vocabulary: object) -> dict:
        return openapi_parameter(self.name, self.description, self.schema(vocabulary), self.example)

    def file_label(self, query: Mapping[str, str]) -> str | None:
        """`file_name(value)` when declared, else `<name>-<value>` (underscores dropped from the
        name): `q-bridge`, `bbox-102-13-108-18`."""
        if self.file_name is not None:
            return self.file_name(query[self.name])
        return f"{self.name.replace('_', '')}-{query[self.name].replace(',', '_')}"


@dataclass(frozen=True, kw_only=True)
class Codes(Parameter):
    """Codes of a fixed vocabulary (case-insensitive), comma-separated."""

    values: Callable[[], Sequence[str]]
    self_naming: bool = True  # its codes alone say what was filtered (`road_bridge`)
    default: Any = ()
    annotation: Any = tuple[str, ...]
    multiple: bool = True

    def parse(self, raw):
        return qp.parse_codes(raw, parameter=self.name, allowed=self.values())

    def vocabulary_values(self, vocabulary) -> list[str]:
        return list(self.values())

    def schema(self, vocabulary):
        return {"type": "array", "items": one_of(self.vocabulary_values(vocabulary)),
                "maxItems": qp.MAX_VALUES}

    def openapi(self, vocabulary):
        return list_parameter(self.name, self.description, self.vocabulary_values(vocabulary), self.example)

    def file_label(self, query):
        if self.file_name is None and self.self_naming:
            return query[self.name].replace(",", "_")  # codes name themselves
        return super().file_label(query)


@dataclass(frozen=True, kw_only=True)
class Slugs(Codes):
    """Slugs of a vocabulary in the database (themes, pillars, documents), comma-separated: the
    shape is checked here, existence by `check_known` (one query for all of them). The OpenAPI
    enum is `vocabulary.<known>s`, read from the database."""

    values: Callable[[], Sequence[str]] = tuple
    known: str  # check_known's keyword: theme, pillar, document

    def parse(self, raw):
        return qp.parse_slugs(raw, parameter=self.name)

    def vocabulary_values(self, vocabulary):
        return getattr(vocabulary, f"{self.known}s")


@dataclass(frozen=True, kw_only=True)
class Countries(Slugs):
    known: str = "country"

    def parse(self, raw):
        return qp.parse_countries(raw, parameter=self.name)

    def vocabulary_values(self, vocabulary):
        return vocabulary.countries


@dataclass(frozen=True, kw_only=True)
class Integer(Parameter):
    minimum: int
    maximum: int
    annotation: Any = int | None

    def parse(self, raw):
        return qp.parse_int(raw, parameter=self.name, minimum=self.minimum, maximum=self.maximum)

    def schema(self, vocabulary):
        return {"type": "integer", "minimum": self.minimum, "maximum": self.maximum}

    def openapi(self, vocabulary):
        return openapi_parameter(self.name, f"{self.description} Plain ASCII digits.",
                                 self.schema(vocabulary), self.example)


@dataclass(frozen=True, kw_only=True)
class Text(Parameter):
    max_length: int = qp.MAX_TEXT
    default: Any = ""
    annotation: Any = str

    def parse(self, raw):
        return qp.parse_text(raw, parameter=self.name, max_length=self.max_length)

    def schema(self, vocabulary):
        return {"type": "string", "maxLength": self.max_length, "pattern": NO_CONTROL}

    def openapi(self, vocabulary):
        return openapi_parameter(
            self.name, f"{self.description} At most {self.max_length} characters; no control characters.",
            self.schema(vocabulary), self.example)


@dataclass(frozen=True, kw_only=True)
class BBox(Parameter):
    name: str = "bbox"
    description: str = ("minLon,minLat,maxLon,maxLat in WGS84 degrees (longitudes -180..180, latitudes "
                        "-90..90, the minimum corner south-west of the maximum corner); features "
                        "intersecting the box.")
    example: object = "102,13,108,18"
    annotation: Any = tuple[float, float, float, float] | None

    def parse(self, raw):
        return qp.parse_bbox(raw, parameter=self.name)

    def schema(self, vocabulary):
        return {"type": "array", "items": {"type": "number", "minimum": -180, "maximum": 180},
                "minItems": 4, "maxItems": 4}

    def openapi(self, vocabulary):
        return form_list(super().openapi(vocabulary))


@dataclass(frozen=True, kw_only=True)
class Number(Parameter):
    """A finite decimal number within [minimum, maximum]; `fallback` when absent."""

    minimum: float
    maximum: float
    fallback: float | None = None
    what: str = "a number"
    annotation: Any = float | None

    def parse(self, raw):
        value = qp.parse_number(raw, parameter=self.name, minimum=self.minimum, maximum=self.maximum,
                                what=self.what)
        return self.fallback if value is None else value

    def schema(self, vocabulary):
        return {"type": "number", "minimum": self.minimum, "maximum": self.maximum}


@dataclass(frozen=True, kw_only=True)
class Flag(Parameter):
    """A yes/no switch such as download=1."""

    default: Any = False
    annotation: Any = bool

    def parse(self, raw):
        return qp.parse_flag(raw, parameter=self.name)

    def schema(self, vocabulary):
        return {"type": "string", "enum": list(qp.TRUE_VALUES + qp.FALSE_VALUES)}


DOWNLOAD = Flag(name="download", example="1",
                description="1 (or true, yes, on): send as an attachment named "
                            "geomekong-<layer>-<filters>-<YYYYMMDD>.geojson; 0 (or false, no, off): inline. "
                            "Case-insensitive.")


# ---------------------------------------------------------------------------------------------
# A layer's filters: one frozen value with a field per parameter


Check = Callable[[qp.FilterSet], qp.FilterSet | None]


def filter_set(name: str, parameters: Sequence[Parameter], *, checks: Iterable[Check] = (),
               module: str = __name__) -> type[qp.FilterSet]:
    """The frozen filters class of a parameter list: a field per parameter (its default when not
    given), `from_query` parsing each in order and then running the cross-parameter `checks`
    (min <= max, the database look-ups), and `apply` filtering a queryset by every parameter."""
    cls = make_dataclass(name, [(p.name, p.annotation, field(default=p.default)) for p in parameters],
                         bases=(qp.FilterSet,), frozen=True)
    cls.__module__ = module
    cls.parameters = tuple(parameters)
    cls.checks = tuple(checks)
    return cls


def check_known_slugs(filters: qp.FilterSet) -> None:
    """The slugs of every Slugs parameter against the database, in one query (qp.check_known)."""
    qp.check_known(**{p.known: getattr(filters, p.name) for p in filters.parameters if isinstance(p, Slugs)})


# ---------------------------------------------------------------------------------------------
# The parameters every feature layer cited by paragraphs shares (projects and corridors)


def cited_parameters(*, mentions: Callable[..., QuerySet], facets: bool) -> dict[str, Parameter]:
    """theme, pillar, document, country, q and bbox for a layer whose rows are cited through a
    mention table: `mentions(**lookups)` is an Exists over the row's mentions. `facets`: whether
    the layer counts them as facets (/api/facets counts projects)."""

    def by_theme(qs, f):
        return qs.filter(mentions(paragraph__pillar__theme__slug__in=f.theme)) if f.theme else qs

    def by_pillar(qs, f):
        return qs.filter(mentions(paragraph__pillar__slug__in=f.pillar)) if f.pillar else qs

    def by_document(qs, f):
        return qs.filter(mentions(paragraph__document__slug__in=f.document)) if f.document else qs

    def by_country(qs, f):
        return qs.filter(countries__overlap=list(f.country)) if f.country else qs

    def by_text(qs, f):
        """Case-insensitive substring of the name, an alias, the description or a cited paragraph."""
        if not f.q:
            return qs
        return qs.alias(aliases_text=qp.joined(F("aliases"))).filter(
            Q(name__icontains=f.q) | Q(description__icontains=f.q) | Q(aliases_text__icontains=f.q)
            | Q(mentions(paragraph__text__icontains=f.q))
        )

    def by_bbox(qs, f):
        return qs.filter(geom__intersects=Polygon.from_bbox(f.bbox)) if f.bbox is not None else qs

    def facet(name):
        return name if facets else None

    return {
        "theme": Slugs(name="theme", known="theme", apply=by_theme, facet=facet("theme"),
                       example="connectivity",
                       description="Theme slug(s): features cited by a paragraph whose pillar maps to the "
                                   "theme."),
        "pillar": Slugs(name="pillar", known="pillar", apply=by_pillar, facet=facet("pillar"),
                        example="ap2012-1", description="Pillar slug(s), e.g. ap2012-1, mjc2024-a."),
        "document": Slugs(name="document", known="document", apply=by_document,
                          example="tokyo-strategy-2012-action-plan",
                          description="Document slug(s): features cited by the document."),
        "country": Countries(name="country", apply=by_country, facet=facet("country"), example="VNM",
                             description="ISO 3166-1 alpha-3 code(s) of the map's countries."),
        "q": Text(name="q", apply=by_text, example="bridge",
                  description="Case-insensitive text in the name, aliases, description or cited paragraphs' "
                              "text."),
        "bbox": BBox(apply=by_bbox),
    }
