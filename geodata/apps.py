from django.apps import AppConfig
from django.db.models.signals import post_migrate


class GeodataConfig(AppConfig):
    name = "geodata"
    verbose_name = "Source documents and geodata"

    def ready(self):
        from geodata.dataversion import install_triggers_after_migrate

        # After every migrate (also the test database's): the data-version triggers on every table.
        post_migrate.connect(install_triggers_after_migrate, sender=self,
                             dispatch_uid="geomekong-data-version-triggers")
