"""GiST index on the geometry cast to geography: metre distances (ST_DWithin on
geography) use it; queries must cast the same way, `geom::geography`."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("corridors", "0001_initial")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX corridors_corridor_geog_gist ON corridors_corridor USING GIST ((geom::geography))",
            "DROP INDEX corridors_corridor_geog_gist",
        ),
    ]
