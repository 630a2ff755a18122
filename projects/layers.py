"""The projects layer, declared once: what a project feature holds, for every endpoint that writes
one (map API, along-corridor, exports, OGC) through geodata.geojson.write_collection."""

from corridors.models import Corridor
from geodata.geojson import Layer, Sql, label_of, source_list, table_name, theme_and_pillar_lists
from geodata.precision import PRECISION_CODES
from projects.models import Project, ProjectMention
from projects.vocabularies import SECTOR_THEMES, Sector, Stage, Status


def project_properties() -> list[tuple[str, Sql | str]]:
    """(key, SQL over the row `t`) for each property of a project feature."""
    mentions = table_name(ProjectMention)
    themes, pillars = theme_and_pillar_lists(mention_table=mentions, owner_column="project_id")
    link = Project.corridors.through
    corridors = (
        f"""(SELECT COALESCE(json_agg(c.slug ORDER BY c.name, c.slug), '[]')
             FROM {table_name(link)} pc JOIN {table_name(Corridor)} c ON c.id = pc.corridor_id
             WHERE pc.project_id = t.id)"""
    )
    return [
        ("slug", "t.slug"),
        ("name", "t.name"),
        ("aliases", "to_json(t.aliases)"),
        ("countries", "to_json(t.countries)"),
        ("sector", "t.sector"),
        ("sector_label", label_of("t.sector", Sector.choices)),
        ("sector_theme", label_of("t.sector", [(s.value, t) for s, t in SECTOR_THEMES.items()])),
        ("status", "t.status"),
        ("status_label", label_of("t.status", Status.choices)),
        ("status_provenance", "t.status_provenance"),
        ("status_note", "t.status_note"),
        ("status_as_of", "t.status_as_of"),
        ("status_basis", "t.status_basis"),
        ("stated_stage", "NULLIF(t.stated_stage, '')"),
        ("stated_stage_label", label_of("NULLIF(t.stated_stage, '')", Stage.choices)),
        ("stated_stage_year", "t.stated_stage_year"),
        ("years", "to_json(t.years)"),
        ("years_provenance", "t.years_provenance"),
        ("years_note", "t.years_note"),
        ("milestones", "t.milestones"),
        ("milestone_years", "to_json(t.milestone_years)"),
        ("funding_types", "to_json(t.funding_types)"),
        ("funding_provenance", "t.funding_provenance"),
        ("funding_note", "t.funding_note"),
        ("themes", themes),
        ("pillars", pillars),
        ("corridors", corridors),
        ("precision", "t.precision"),
        ("precision_label", label_of("t.precision", PRECISION_CODES.items())),
        ("location_note", "t.location_note"),
        ("url", "'/projects/' || t.slug || '/'"),
        ("sources", source_list(mention_table=mentions, owner_column="project_id", with_stage=True)),
    ]


PROJECTS = Layer(name="projects", model=Project, properties=project_properties)
