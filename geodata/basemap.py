"""The offline basemap: the Natural Earth layers under geodata/data/basedata served as-is.

The files are already clipped (the countries to a box wider than the map's view), snapped to
1e-5° and RFC 7946, so they are served byte for byte (no parsing, no re-serialising); they
change only with a release.
"""

from functools import cache
from pathlib import Path

BASEDATA_DIR = Path(__file__).resolve().parent / "data" / "basedata"

# Layer name -> file; only the layers the map draws are exposed.
LAYERS: dict[str, str] = {
    # The land reaches past every allowed view (build/build_wide_countries.py); countries.geojson,
    # clipped to the project box, stays the outline the loaders check points against.
    "countries": "countries_wide.geojson",
    "rivers": "rivers.geojson",
    "lakes": "lakes.geojson",
    "places": "places.geojson",
}


class UnknownLayer(LookupError):
    """The requested basemap layer is not one of LAYERS."""


@cache
def layer_bytes(*, layer: str) -> bytes:
    """Return the GeoJSON bytes of one basemap layer (read once per process)."""
    try:
        file_name = LAYERS[layer]
    except KeyError:
        raise UnknownLayer(layer) from None
    return (BASEDATA_DIR / file_name).read_bytes()
