from django.db import migrations, models

BUMP_FUNCTION = """
CREATE OR REPLACE FUNCTION geomekong_bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO geodata_dataversion (id, version, changed_at) VALUES (1, 1, clock_timestamp())
    ON CONFLICT (id) DO UPDATE
        SET version = geodata_dataversion.version + 1, changed_at = clock_timestamp();
    RETURN NULL;
END
$$;
"""


class Migration(migrations.Migration):

    dependencies = [
        ("geodata", "0003_document_curation_history"),
    ]

    operations = [
        migrations.CreateModel(
            name="DataVersion",
            fields=[
                ("id", models.PositiveSmallIntegerField(default=1, primary_key=True, serialize=False)),
                ("version", models.BigIntegerField(default=0)),
                ("changed_at", models.DateTimeField()),
            ],
            options={
                "constraints": [
                    models.CheckConstraint(condition=models.Q(("id", 1)), name="dataversion_single_row"),
                ],
            },
        ),
        migrations.RunSQL(
            "INSERT INTO geodata_dataversion (id, version, changed_at) VALUES (1, 1, now())",
            reverse_sql=migrations.RunSQL.noop,
        ),
        migrations.RunSQL(BUMP_FUNCTION, reverse_sql="DROP FUNCTION IF EXISTS geomekong_bump_data_version()"),
    ]
