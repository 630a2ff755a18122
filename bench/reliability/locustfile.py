"""The load mix of `make load` (bench/reliability/load.py): what the map page and GIS clients ask
for. GEOMEKONG_KEEPALIVE=0 sends `Connection: close` on every request (a new TCP connection each)."""

import os
import random

from locust import HttpUser, between, task

SECTORS = ["road", "bridge", "port", "airport", "power", "water", ""]
COUNTRIES = ["KHM", "LAO", "MMR", "THA", "VNM", ""]
CORRIDORS = ["ewec", "sec", "lao-nr9", "kh-nr1", "dawei-bangkok"]


def _filters() -> str:
    parts = [f"sector={random.choice(SECTORS)}", f"country={random.choice(COUNTRIES)}"]
    return "&".join(part for part in parts if not part.endswith("="))


class MapUser(HttpUser):
    wait_time = between(0.2, 1.0)

    def on_start(self):
        if os.environ.get("GEOMEKONG_KEEPALIVE", "1") == "0":
            self.client.headers["Connection"] = "close"

    @task(2)
    def map_page(self):
        self.client.get("/", name="map page")

    @task(3)
    def projects_geojson(self):
        self.client.get(f"/api/projects.geojson?{_filters()}", name="/api/projects.geojson")

    @task(3)
    def facets(self):
        self.client.get(f"/api/facets?{_filters()}", name="/api/facets")

    @task(2)
    def near_corridor(self):
        corridor = random.choice(CORRIDORS)
        self.client.get(f"/api/corridors/{corridor}/projects.geojson?within_km={random.choice([10, 25, 50])}",
                        name="/api/corridors/{slug}/projects.geojson")

    @task(2)
    def ogc_items(self):
        self.client.get(f"/ogc/collections/projects/items?limit=100&{_filters()}",
                        headers={"Accept": "application/geo+json"}, name="/ogc/collections/projects/items")

    @task(1)
    def export(self):
        fmt = random.choice(["csv", "gpkg", "geojson"])
        self.client.get(f"/export/projects.{fmt}?{_filters()}", name=f"/export/projects.{fmt}")
