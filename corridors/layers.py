"""The corridors layer, declared once: what a corridor feature holds, for every endpoint that
writes one (map API, exports, OGC) through geodata.geojson.write_collection."""

from corridors.models import Corridor, CorridorMention
from geodata.geojson import Layer, Sql, label_of, source_list, table_name, theme_and_pillar_lists


def corridor_properties() -> list[tuple[str, Sql | str]]:
    """(key, SQL over the row `t`) for each property of a corridor feature."""
    mentions = table_name(CorridorMention)
    themes, pillars = theme_and_pillar_lists(mention_table=mentions, owner_column="corridor_id")
    # Projects point at corridors; their link table is reached through the reverse relation so
    # this app never imports the projects app.
    project_link = Corridor._meta.get_field("projects").through
    return [
        ("slug", "t.slug"),
        ("name", "t.name"),
        ("aliases", "to_json(t.aliases)"),
        ("kind", "t.kind"),
        ("kind_label", label_of("t.kind", Corridor.Kind.choices)),
        ("parent", f"(SELECT c.slug FROM {table_name(Corridor)} c WHERE c.id = t.parent_id)"),
        ("countries", "to_json(t.countries)"),
        ("start_name", "t.start_name"),
        ("end_name", "t.end_name"),
        # Geodesic length on the WGS84 ellipsoid, not degrees.
        ("length_km", "round((ST_Length(t.geom::geography) / 1000)::numeric, 1)"),
        ("approx_length_km", "t.approx_length_km"),
        ("geometry_method", "t.geometry_method"),
        ("themes", themes),
        ("pillars", pillars),
        ("url", "'/corridors/' || t.slug || '/'"),
        ("projects_count",
         f"(SELECT count(*) FROM {table_name(project_link)} pc WHERE pc.corridor_id = t.id)"),
        ("sources", source_list(mention_table=mentions, owner_column="corridor_id", with_stage=False)),
    ]


CORRIDORS = Layer(name="corridors", model=Corridor, properties=corridor_properties)
