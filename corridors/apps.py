from django.apps import AppConfig


class CorridorsConfig(AppConfig):
    name = "corridors"
