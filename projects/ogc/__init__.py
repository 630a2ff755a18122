"""OGC API – Features (Part 1: Core, GeoJSON, HTML, OAS 3.0) over the projects and corridors."""
