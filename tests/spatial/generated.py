"""Many generated projects in one INSERT ... SELECT generate_series, for the index test and the bench.

Random points over the region (lon 92..110, lat 8..24), seeded so every run draws the same ones.
Their names say they are generated; they are never facts about real projects.
"""

from django.db import connection

from projects.models import Project
from projects.vocabularies import Sector

BOX = (92.0, 8.0, 110.0, 24.0)


def insert_generated_projects(*, count: int, seed: float = 0.42, table: str | None = None) -> None:
    """Insert `count` projects named "Generated project N" (slug gen-N) and ANALYZE the table."""
    table = table or connection.ops.quote_name(Project._meta.db_table)
    min_lon, min_lat, max_lon, max_lat = BOX
    sectors = list(Sector.values)
    with connection.cursor() as cursor:
        cursor.execute("SELECT setseed(%s)", (seed,))
        cursor.execute(f"""
            INSERT INTO {table} (slug, name, aliases, description, countries, sector, status,
                status_provenance, status_note, years, years_provenance, years_note, funding_types,
                funding_provenance, funding_note, precision, location_note, geom)
            SELECT 'gen-' || i, 'Generated project ' || i, '{{}}', '', ARRAY['THA'],
                   (%s::text[])[1 + i %% %s], 'unknown', 'curated', '', ARRAY[2000 + i %% 25], 'curated', '',
                   ARRAY['unspecified'], 'curated', '', 1 + i %% 6, 'generated for a test',
                   ST_SetSRID(ST_MakePoint(%s + random() * %s, %s + random() * %s), 4326)
            FROM generate_series(1, %s) AS i
        """, (sectors, len(sectors), min_lon, max_lon - min_lon, min_lat, max_lat - min_lat, count))
        cursor.execute(f"ANALYZE {table}")
