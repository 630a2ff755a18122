// The offline basemap, drawn from our own Natural Earth layers (no tiles, works without internet),
// and the optional OpenStreetMap tiles (online, off by default).
/* global L */
import { getJSON } from "./api.js";

const MEKONG = new Set(["KHM", "LAO", "MMR", "THA", "VNM"]);

// Hand-placed label points: polygon centroids fall outside long countries such as Vietnam.
const COUNTRY_LABELS = [
  ["THA", "Thailand", 15.4, 101.0],
  ["LAO", "Laos", 19.6, 102.6],
  ["KHM", "Cambodia", 12.4, 105.7],
  ["VNM", "Vietnam", 13.7, 108.35],
  ["MMR", "Myanmar", 21.0, 94.9],
  ["CHN", "China", 23.5, 104.2],
  ["IND", "India", 23.4, 92.9],
];

export function createPanes(map) {
  // Corridors and projects share one pane: each canvas pane swallows the clicks meant for the
  // panes below it. Labels never catch clicks meant for the data.
  const panes = { "gm-base": 250, "gm-labels": 380, "gm-highlight": 405, "gm-data": 410 };
  for (const [name, zIndex] of Object.entries(panes)) {
    const pane = map.createPane(name);
    pane.style.zIndex = String(zIndex);
    if (name === "gm-labels") pane.style.pointerEvents = "none";
  }
}

function placeMinZoom(p) {
  if (p.capital) return 4;
  if (p.scalerank <= 3) return 5;
  if (p.scalerank <= 4) return 6;
  if (p.scalerank <= 6) return 7;
  if (p.scalerank <= 7) return 8;
  return 9;
}

function label(latlng, text, className) {
  return L.marker(latlng, {
    pane: "gm-labels",
    interactive: false,
    keyboard: false,
    icon: L.divIcon({ className, html: "", iconSize: null }),
  }).on("add", (e) => {
    // divIcon's html is a string; set the text safely once the element exists.
    const el = e.target.getElement();
    if (!el) return;
    const span = document.createElement("span");
    span.textContent = text;
    el.replaceChildren(span);
  });
}

function riverWeight(p) {
  if (p.name_en === "Mekong") return 3.2;
  if (p.scalerank <= 4) return 1.6;
  if (p.scalerank <= 7) return 1.1;
  return 0.8;
}

// Labels appear and disappear with the zoom so the map stays legible.
function zoomedLabels(map, group, entries) {
  const update = () => {
    const zoom = map.getZoom();
    for (const entry of entries) {
      const visible = zoom >= entry.minZoom && zoom <= (entry.maxZoom ?? 99);
      if (visible && !group.hasLayer(entry.layer)) group.addLayer(entry.layer);
      else if (!visible && group.hasLayer(entry.layer)) group.removeLayer(entry.layer);
    }
  };
  map.on("zoomend", update);
  update();
}

export function offlineBasemap(map, { urlTemplate }) {
  const group = L.layerGroup();
  const url = (layer) => urlTemplate.replace("__layer__", layer);
  const base = { pane: "gm-base", interactive: false };

  const countries = L.geoJSON(null, {
    ...base,
    style: (f) => ({
      color: "#8d929b",
      weight: 1,
      fillColor: MEKONG.has(f.properties.iso_a3) ? "#fbfaf6" : "#ecebe6",
      fillOpacity: 1,
    }),
  }).addTo(group);
  const lakes = L.geoJSON(null, {
    ...base,
    style: { color: "#6fa8d6", weight: 0.6, fillColor: "#cde2f0", fillOpacity: 1 },
  }).addTo(group);
  const rivers = L.geoJSON(null, {
    ...base,
    style: (f) => ({ color: "#5b9bd5", weight: riverWeight(f.properties), opacity: 0.9 }),
  }).addTo(group);
  const labels = L.layerGroup().addTo(group);

  const countryEntries = COUNTRY_LABELS.map(([, name, lat, lon]) => ({
    layer: label([lat, lon], name, "gm-country-label"),
    minZoom: 4,
    maxZoom: 8,
  }));

  const ready = Promise.all([
    getJSON(url("countries")).then((data) => countries.addData(data)),
    getJSON(url("lakes")).then((data) => lakes.addData(data)),
    getJSON(url("rivers")).then((data) => rivers.addData(data)),
    getJSON(url("places")).then((data) => {
      const placeEntries = data.features.map((f) => {
        const [lon, lat] = f.geometry.coordinates;
        const p = f.properties;
        return {
          layer: label([lat, lon], p.name, p.capital ? "gm-place-label gm-capital" : "gm-place-label"),
          minZoom: placeMinZoom(p),
        };
      });
      zoomedLabels(map, labels, [...countryEntries, ...placeEntries]);
    }),
  ]);
  return { layer: group, ready };
}

export function osmTiles() {
  return L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
    maxZoom: 19,
    attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
  });
}
