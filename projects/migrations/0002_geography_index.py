"""GiST index on the geometry cast to geography: metre distances (ST_DWithin on
geography) use it; queries must cast the same way, `geom::geography`."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("projects", "0001_initial")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX projects_project_geog_gist ON projects_project USING GIST ((geom::geography))",
            "DROP INDEX projects_project_geog_gist",
        ),
    ]
