"""RFC 7946 FeatureCollections written by PostGIS in one statement.

A layer (`Layer`) is declared once with its properties as SQL expressions over the table alias
`t`; `write_collection` writes its filtered queryset, with what an endpoint adds (`Extension`:
distance and chainage along a corridor, a band) in the same statement. PostGIS builds the whole document
and we pass its text straight to the response: parsing GeoJSON only to serialise it again is
what makes Python serialisers slow (see ENGINEERING-NOTES).
"""

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Model, QuerySet
from django.http import HttpResponse
from django.utils import timezone

from geodata.db import read_connection
from geodata.models import Document, Paragraph, Pillar, Theme

ALIAS = "t"
DECIMALS = 6


@dataclass(frozen=True)
class Sql:
    """A SQL fragment with its %s parameters."""

    text: str
    params: tuple = field(default_factory=tuple)


def json_object(pairs: Iterable[tuple[str, Sql | str]]) -> Sql:
    """json_build_object('key', <expr>, ...) from (key, expression) pairs."""
    texts, params = [], []
    for key, expr in pairs:
        expr = expr if isinstance(expr, Sql) else Sql(expr)
        texts.append(f"%s, {expr.text}")
        params += [key, *expr.params]
    return Sql(f"json_build_object({', '.join(texts)})", tuple(params))


def label_of(column: str, choices: Iterable[tuple[object, str]]) -> Sql:
    """The human label of a coded column: CASE column WHEN code THEN label ... END."""
    texts, params = [], []
    for code, label in choices:
        texts.append("WHEN %s THEN %s")
        params += [code, str(label)]
    return Sql(f"(CASE {column} {' '.join(texts)} END)", tuple(params))


@dataclass(frozen=True)
class Layer:
    """A layer declared once: its model, geometry column, feature id, ordering and properties.

    `properties` gives (key, SQL expression over the table alias `t`) pairs; every endpoint that
    writes the layer's features (map API, along-corridor, exports, OGC) writes these, through
    `write_collection`. The declarations live with their apps (projects/layers.py,
    corridors/layers.py).
    """

    name: str
    model: type[Model]
    properties: Callable[[], Sequence[tuple[str, Sql | str]]]
    id_column: str = "slug"
    geometry_column: str = "geom"
    ordering: tuple[str, ...] = ("name", "slug")


@dataclass(frozen=True)
class Extension:
    """What one endpoint adds to a layer's collection, in the same statement.

    `ctes` are WITH entries (without WITH), `joins` follow `FROM <table> t` (`, corridor, LATERAL
    (...) AS loc`), `properties` are appended to the layer's, `members` are foreign members (JSON
    valued SQL) written before the bbox, and `ordering` (SQL expressions) replaces the layer's.
    """

    ctes: Sql = Sql("")
    joins: Sql = Sql("")
    properties: Sequence[tuple[str, Sql | str]] = ()
    members: Sequence[tuple[str, Sql | str]] = ()
    ordering: Sequence[str] = ()


@dataclass(frozen=True)
class Written:
    """A FeatureCollection as PostGIS wrote it: the number of features and the text after
    `numberMatched` (the SQL members, bbox and features)."""

    count: int
    body: str

    def text(self, members: Mapping[str, object] | None = None) -> str:
        """The document, with foreign members (RFC 7946 section 6.1) after numberMatched; a member
        named numberMatched replaces the written count. The features are copied as text."""
        members = dict(members or {})
        matched = members.pop("numberMatched", self.count)
        extra = "".join(f",{_json_text(key)}:{_json_text(value)}" for key, value in members.items())
        return f'{{"type":"FeatureCollection","numberMatched":{_json_text(matched)}{extra}{self.body}'


def _json_text(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _as_sql(expr: Sql | str) -> Sql:
    return expr if isinstance(expr, Sql) else Sql(expr)


def collection_sql(*, layer: Layer, queryset: QuerySet,
                   extension: Extension = Extension()) -> tuple[str, tuple]:
    """The one statement writing the layer's FeatureCollection for the queryset's rows: it selects
    (count, body) for `Written`. The queryset only chooses the rows (its SQL becomes `pk IN
    (...)`); coordinates are rounded to 6 decimals (about 0.1 m), polygons are written
    counter-clockwise, and no `crs` member is written (RFC 7946: WGS84 is implied)."""
    model = layer.model
    qn = connection.ops.quote_name
    table = qn(model._meta.db_table)
    pk = qn(model._meta.pk.column)
    # Only the ids: Django would select geometry columns as bytea, and ordering is ours.
    inner_sql, inner_params = queryset.order_by().values("pk").query.sql_with_params()
    order = ", ".join(extension.ordering or [f"{ALIAS}.{qn(column)}" for column in layer.ordering])
    geom = f"{ALIAS}.{qn(layer.geometry_column)}"
    corner = ", ".join(
        f"round(ST_{edge}(ST_Extent({geom}))::numeric, {DECIMALS})"
        for edge in ("XMin", "YMin", "XMax", "YMax")
    )
    properties = json_object([*layer.properties(), *extension.properties])
    members = [(key, _as_sql(expr)) for key, expr in extension.members]
    members_text = "".join(f" || %s || ({expr.text})::text" for _key, expr in members)
    members_params = [p for key, expr in members for p in (f",{_json_text(key)}:", *expr.params)]
    ctes = _as_sql(extension.ctes)
    joins = _as_sql(extension.joins)
    sql = f"""
        {f"WITH {ctes.text}" if ctes.text else ""}
        SELECT count(*), ''{members_text}
            || CASE WHEN count(*) > 0 THEN ',"bbox":' || json_build_array({corner})::text ELSE '' END
            || ',"features":' || COALESCE(json_agg(json_build_object(
                'type', 'Feature',
                'id', {ALIAS}.{qn(layer.id_column)},
                -- RFC 7946 section 3.1.6: exterior rings counter-clockwise, holes clockwise.
                'geometry', ST_AsGeoJSON(ST_ForcePolygonCCW({geom}), {DECIMALS}, 0)::json,
                'properties', {properties.text}
            ) ORDER BY {order})::text, '[]') || '}}'
        FROM {table} {ALIAS}{joins.text}
        WHERE {ALIAS}.{pk} IN ({inner_sql})
    """
    return sql, (*ctes.params, *members_params, *properties.params, *joins.params, *inner_params)


def write_collection(*, layer: Layer, queryset: QuerySet, extension: Extension = Extension()) -> Written:
    """The layer's FeatureCollection of the queryset's rows, written by PostGIS in one statement."""
    sql, params = collection_sql(layer=layer, queryset=queryset, extension=extension)
    with read_connection().cursor() as cursor:
        cursor.execute(sql, params)
        count, body = cursor.fetchone()
    return Written(count=count, body=body)


def geojson_response(text: str, *, download_name: str | None = None) -> HttpResponse:
    """The FeatureCollection text as application/geo+json; an attachment when download_name is
    given (`geomekong-<name>-<YYYYMMDD>.geojson`)."""
    response = HttpResponse(text, content_type="application/geo+json")
    if download_name:
        stamp = timezone.now().strftime("%Y%m%d")
        response["Content-Disposition"] = f'attachment; filename="geomekong-{download_name}-{stamp}.geojson"'
    return response


# Property expressions for features that cite paragraphs through a mention table (MentionBase).


def table_name(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def source_list(*, mention_table: str, owner_column: str, with_stage: bool) -> Sql:
    """The cited paragraphs of row `t` as a JSON list, oldest document first."""
    pairs = [
        ("anchor", "p.anchor"),
        ("document", "d.slug"),
        ("document_short", "d.short"),
        ("year", "d.year"),
        ("label", "p.label"),
    ]
    if with_stage:
        pairs.append(("stage", "NULLIF(m.stage, '')"))
    pairs += [
        ("url", "'/sources/' || d.slug || '/#' || p.anchor"),
        ("text", "p.text"),
    ]
    obj = json_object(pairs)
    return Sql(
        f"""(SELECT COALESCE(json_agg({obj.text} ORDER BY d.year, d.slug, p."order"), '[]')
             FROM {mention_table} m
             JOIN {table_name(Paragraph)} p ON p.id = m.paragraph_id
             JOIN {table_name(Document)} d ON d.id = p.document_id
             WHERE m.{owner_column} = t.id)""",
        obj.params,
    )


def theme_and_pillar_lists(*, mention_table: str, owner_column: str) -> tuple[Sql, Sql]:
    """The slugs of the themes and pillars of row `t`'s cited paragraphs."""
    cited = (f"SELECT p.pillar_id FROM {mention_table} m JOIN {table_name(Paragraph)} p "
             f"ON p.id = m.paragraph_id WHERE m.{owner_column} = t.id")
    pillars = Sql(
        f"""(SELECT COALESCE(json_agg(pl.slug ORDER BY d.year, pl."order", pl.slug), '[]')
             FROM {table_name(Pillar)} pl JOIN {table_name(Document)} d ON d.id = pl.document_id
             WHERE pl.id IN ({cited}))"""
    )
    themes = Sql(
        f"""(SELECT COALESCE(json_agg(th.slug ORDER BY th."order", th.slug), '[]')
             FROM {table_name(Theme)} th
             WHERE th.id IN (SELECT pl.theme_id FROM {table_name(Pillar)} pl WHERE pl.id IN ({cited})))"""
    )
    return themes, pillars
