import pytest

@pytest.mark.django_db
def test_smoke(world, client, tmp_path):
    for fmt in ["geojson", "gpkg", "zip", "csv", "kml", "txt"]:
        r = client.get(f"/export/projects.{fmt}")
        print(fmt, r.status_code, r.headers.get("Content-Type"), r.headers.get("Content-Disposition"), r.headers.get("Link"))
        body = b"".join(r.streaming_content) if r.streaming else r.content
        (tmp_path / f"p.{fmt}").write_bytes(body)
        if r.status_code != 200: print(body[:500])
    import shutil; shutil.copytree(tmp_path, "/tmp/interop_proto/out", dirs_exist_ok=True)
    for u in ["/ogc/", "/ogc/conformance", "/ogc/collections", "/ogc/collections/projects", "/ogc/collections/projects/items?limit=2", "/ogc/collections/projects/items/thilawa-sez", "/ogc/api"]:
        r = client.get(u)
        print(u, r.status_code, r.headers.get("Content-Type"), r.content[:300])
        r = client.get(u, HTTP_ACCEPT="text/html")
        print(u, r.status_code, r.headers.get("Content-Type"))
