// The data layers: projects styled by sector and precision, corridors as named coloured lines,
// all on the canvas renderer (preferCanvas), indexed by slug for focus and the list.
/* global L */
import { corridorStyle, isMainCorridor, pointStyle, shapeStyle } from "./styles.js";

// Ring features first so the exact dots are drawn on top of the vague rings.
function byVaguenessDesc(a, b) {
  return (b.properties.precision || 0) - (a.properties.precision || 0);
}

function slugIndex(slug) {
  let hash = 0;
  for (const ch of slug) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return hash;
}

function indexed(layer) {
  const bySlug = new Map();
  layer.eachLayer((l) => bySlug.set(l.feature.properties.slug || l.feature.id, l));
  return bySlug;
}

export function createProjectLayer({ onClick }) {
  let bySlug = new Map();
  const layer = L.geoJSON(null, {
    pane: "gm-data",
    pointToLayer: (feature, latlng) => L.circleMarker(latlng, { pane: "gm-data" }),
    // L.geoJSON applies `style` to every layer, points included.
    style: (feature) => (feature.geometry.type === "Point" ? pointStyle : shapeStyle)(feature.properties),
    onEachFeature: (feature, l) => {
      l.bindTooltip(feature.properties.name, { direction: "top", className: "gm-tooltip" });
      l.on("click", () => onClick(feature.properties.slug));
    },
  });
  return {
    layer,
    setData(collection) {
      layer.clearLayers();
      layer.addData({ ...collection, features: [...(collection.features || [])].sort(byVaguenessDesc) });
      bySlug = indexed(layer);
      return bySlug.size;
    },
    get: (slug) => bySlug.get(slug),
    count: () => bySlug.size,
  };
}

export function createCorridorLayer({ onClick }) {
  let bySlug = new Map();
  const layer = L.geoJSON(null, {
    pane: "gm-data",
    style: (feature) => corridorStyle(feature.properties, slugIndex(feature.properties.slug)),
    onEachFeature: (feature, l) => {
      l.bindTooltip(feature.properties.name, {
        permanent: true,
        direction: "center",
        className: isMainCorridor(feature.properties) ? "gm-corridor-label" : "gm-corridor-label gm-minor-label",
        interactive: false,
      });
      l.on("click", () => onClick(feature.properties.slug));
    },
  });
  return {
    layer,
    setData(collection) {
      layer.clearLayers();
      layer.addData(collection);
      layer.bringToBack(); // under the projects drawn in the same canvas
      bySlug = indexed(layer);
      return bySlug.size;
    },
    get: (slug) => bySlug.get(slug),
    names: () => Object.fromEntries([...bySlug].map(([slug, l]) => [slug, l.feature.properties.name])),
  };
}

// A halo drawn under the selected feature.
export function createHighlight(map) {
  const group = L.layerGroup().addTo(map);
  return {
    show(target) {
      group.clearLayers();
      if (!target) return;
      if (target instanceof L.CircleMarker) {
        L.circleMarker(target.getLatLng(), {
          pane: "gm-highlight",
          radius: target.getRadius() + 6,
          color: "#fab005",
          weight: 4,
          opacity: 0.9,
          fill: false,
          interactive: false,
        }).addTo(group);
      } else if (target.getLatLngs) {
        const halo = target instanceof L.Polygon ? L.polygon : L.polyline;
        halo(target.getLatLngs(), {
          pane: "gm-highlight",
          color: "#fab005",
          weight: (target.options.weight || 4) + 7,
          opacity: 0.65,
          fill: false,
          interactive: false,
        }).addTo(group);
      }
    },
    clear: () => group.clearLayers(),
  };
}

const POINT_ZOOM = { 1: 10, 2: 9, 3: 8, 4: 7, 5: 7, 6: 6 };

// bottomInset: pixels hidden by a bottom sheet (the phone detail panel), so the feature lands
// in the part of the map that is still visible.
export function zoomTo(map, target, { bottomInset = 0 } = {}) {
  if (target instanceof L.CircleMarker) {
    const precision = target.feature.properties.precision;
    const zoom = Math.max(map.getZoom(), POINT_ZOOM[precision] || 7);
    const center = map.unproject(map.project(target.getLatLng(), zoom).add([0, bottomInset / 2]), zoom);
    map.setView(center, zoom);
  } else if (target.getBounds) {
    map.fitBounds(target.getBounds(), {
      paddingTopLeft: [40, 40], paddingBottomRight: [40, 40 + bottomInset], maxZoom: 9,
    });
  }
}

export function centerOf(target) {
  return target instanceof L.CircleMarker ? target.getLatLng() : target.getCenter();
}
