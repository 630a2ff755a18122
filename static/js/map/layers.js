// The data layers: projects styled by sector and precision, corridors as named coloured lines,
// all on the canvas renderer (preferCanvas), indexed by slug for focus and the list.
/* global L */
import { CORRIDOR_KIND, corridorStyle, isMainCorridor, pointStyle, shapeStyle } from "./styles.js";

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
    // What the legend lists: each corridor drawn now, main corridors first, with its own style.
    legendEntries: () => [...bySlug.values()].map((l) => {
      const p = l.feature.properties;
      return { slug: p.slug, name: p.name, kind: CORRIDOR_KIND[p.kind] || p.kind, main: isMainCorridor(p),
        style: corridorStyle(p, slugIndex(p.slug)) };
    }).sort((a, b) => Number(b.main) - Number(a.main) || a.name.localeCompare(b.name)),
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

// padding: {paddingTopLeft, paddingBottomRight} (dock.js), the pixels overlays and the phone's
// bottom sheet hide, so the feature lands in the part of the map that is still visible.
export function zoomTo(map, target, { paddingTopLeft = L.point(40, 40), paddingBottomRight = L.point(40, 40) } = {}) {
  if (target instanceof L.CircleMarker) {
    const precision = target.feature.properties.precision;
    const zoom = Math.max(map.getZoom(), POINT_ZOOM[precision] || 7);
    // The free rectangle's centre lies this far from the map's centre.
    const shift = L.point(paddingTopLeft).subtract(L.point(paddingBottomRight)).divideBy(2);
    const center = map.unproject(map.project(target.getLatLng(), zoom).subtract(shift), zoom);
    map.setView(center, zoom);
  } else if (target.getBounds) {
    map.fitBounds(target.getBounds(), { paddingTopLeft, paddingBottomRight, maxZoom: 9 });
  }
}

// Pans (without zooming) so the feature's point is inside the free part of the map, when it is not.
export function reveal(map, target, { paddingTopLeft, paddingBottomRight }) {
  const point = map.latLngToContainerPoint(centerOf(target));
  const size = map.getSize();
  const min = L.point(paddingTopLeft);
  const max = size.subtract(L.point(paddingBottomRight));
  const dx = point.x < min.x ? point.x - min.x : point.x > max.x ? point.x - max.x : 0;
  const dy = point.y < min.y ? point.y - min.y : point.y > max.y ? point.y - max.y : 0;
  if (dx || dy) map.panBy([dx, dy], { animate: false });
}

export function centerOf(target) {
  return target instanceof L.CircleMarker ? target.getLatLng() : target.getCenter();
}
