from django.apps import AppConfig


class CurationConfig(AppConfig):
    """Curators' tools over the other apps: writing the data back to files, adding documents,
    proposals to review and the coverage measure. Depends on projects, corridors and geodata."""

    name = "curation"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from curation import signals  # noqa: F401 - proposals after a document is added
