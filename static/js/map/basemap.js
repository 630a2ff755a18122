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

// The view never goes beyond these bounds; the land layer (countries_wide.geojson, cut at lon
// 70..142, lat -14..44 by geodata/data/build/build_wide_countries.py) reaches past them, so no
// edge of the basemap ever shows.
export const BASEMAP_BOUNDS = [[-13.5, 70.5], [43.5, 141.5]];

// Each basemap layer has its own pane, and so its own canvas, stacked land < lakes < rivers < labels: the
// drawing order is fixed by the panes whatever order the files arrive in (one shared canvas
// draws in the order layers receive their data, and a late land fill covered the rivers).
// Corridors and projects share one pane: each canvas pane swallows the clicks meant for the
// panes below it. Labels never catch clicks meant for the data.
export const PANES = { "gm-land": 200, "gm-lakes": 210, "gm-rivers": 215, "gm-labels": 380, "gm-highlight": 405, "gm-data": 410 };

export function createPanes(map) {
  for (const [name, zIndex] of Object.entries(PANES)) {
    const pane = map.createPane(name);
    pane.style.zIndex = String(zIndex);
    if (!["gm-highlight", "gm-data"].includes(name)) pane.style.pointerEvents = "none";
  }
}

// Keep the view inside the basemap: no panning past its bounds, no zooming out beyond the zoom
// at which the map still lies inside them (recomputed when the map changes size).
export function boundView(map) {
  const bounds = L.latLngBounds(BASEMAP_BOUNDS);
  map.setMaxBounds(bounds);
  map.options.maxBoundsViscosity = 1;
  const fit = () => map.setMinZoom(Math.ceil(map.getBoundsZoom(bounds, true) * 2) / 2);
  map.on("resize", fit);
  fit();
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

// url(layer): the address of a basemap layer (endpoints().basemap).
export function offlineBasemap(map, { url }) {
  const group = L.layerGroup();

  const countries = L.geoJSON(null, {
    pane: "gm-land",
    interactive: false,
    style: (f) => ({
      color: "#8d929b",
      weight: 1,
      fillColor: MEKONG.has(f.properties.iso_a3) ? "#fbfaf6" : "#ecebe6",
      fillOpacity: 1,
    }),
  }).addTo(group);
  const lakes = L.geoJSON(null, {
    pane: "gm-lakes",
    interactive: false,
    style: { color: "#6fa8d6", weight: 0.6, fillColor: "#cde2f0", fillOpacity: 1 },
  }).addTo(group);
  const rivers = L.geoJSON(null, {
    pane: "gm-rivers",
    interactive: false,
    style: (f) => ({ color: "#5b9bd5", weight: riverWeight(f.properties), opacity: 0.9 }),
  }).addTo(group);
  const labels = L.layerGroup().addTo(group);

  const countryEntries = COUNTRY_LABELS.map(([, name, lat, lon]) => ({
    layer: label([lat, lon], name, "gm-country-label"),
    minZoom: 4,
    maxZoom: 8,
  }));

  // The container lists the layers drawn so far (tests force the files' arrival order).
  const container = map.getContainer();
  const drawn = (name) => () => {
    container.dataset.basemapDrawn = [container.dataset.basemapDrawn, name].filter(Boolean).join(" ");
  };
  const ready = Promise.all([
    getJSON(url("countries")).then((data) => countries.addData(data)).then(drawn("countries")),
    getJSON(url("lakes")).then((data) => lakes.addData(data)).then(drawn("lakes")),
    getJSON(url("rivers")).then((data) => rivers.addData(data)).then(drawn("rivers")),
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
    }).then(drawn("places")),
  ]);
  return { layer: group, ready };
}

export function osmTiles() {
  return L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
    maxZoom: 19,
    attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
  });
}
