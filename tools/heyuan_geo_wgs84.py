"""Copies Heyuan's county boundaries (GCJ-02, as DataV publishes them) into the project as WGS84, for the
平台总览 map (hrss/static/network/geo/, whose README says where the data comes from).

The source is ../shared/data/heyuan/geo/441600_full.json (anzhou99/GeoJsons, a mirror of Aliyun DataV.GeoAtlas);
DataV gives GCJ-02 (the "Mars" offset of Chinese web maps), GeoJSON readers assume WGS84 (RFC 7946). Each vertex
is converted with prcoords (PyPI, CC0: `gcj_wgs_bored`, the iterative inverse, within about a millimetre of the
exact inverse). The other properties are kept; `center` and `centroid` are converted too. Coordinates are written
to 6 decimals (about 0.1 m), the source's own precision.

A tool for whoever refreshes the file, not a dependency of the project:
    .venv/bin/pip install ".[tools]"   (prcoords 1.0.2)
    .venv/bin/python tools/heyuan_geo_wgs84.py [SOURCE] [TARGET]
"""

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT.parent / "shared" / "data" / "heyuan" / "geo" / "441600_full.json"
TARGET = ROOT / "hrss" / "static" / "network" / "geo" / "441600_wgs84.json"


def to_wgs84(point):
    from prcoords import gcj_wgs_bored

    latitude, longitude = gcj_wgs_bored((point[1], point[0]))  # prcoords takes and gives (lat, lon)
    return [round(longitude, 6), round(latitude, 6)]


def convert(coordinates):
    """A GeoJSON coordinate array of any depth, each [lon, lat] converted."""
    if coordinates and isinstance(coordinates[0], int | float):
        return to_wgs84(coordinates)
    return [convert(part) for part in coordinates]


def main(source=SOURCE, target=TARGET):
    raw = Path(source).read_bytes()
    data = json.loads(raw)
    for feature in data["features"]:
        feature["geometry"]["coordinates"] = convert(feature["geometry"]["coordinates"])
        for key in ("center", "centroid"):
            if key in feature["properties"]:
                feature["properties"][key] = to_wgs84(feature["properties"][key])
    data["crs_note"] = "WGS84 (converted from DataV GCJ-02 by tools/heyuan_geo_wgs84.py)"
    Path(target).write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"{source} (sha256 {hashlib.sha256(raw).hexdigest()}) -> {target}: {len(data['features'])} features")


if __name__ == "__main__":
    main(*sys.argv[1:3])
