// The legend: the sectors on the map now, how precision is drawn, projects drawn as lines, and
// each corridor by name in the colour and style it is drawn in. A folding overlay of the left dock.
/* global L */
import { clear, h, s } from "./dom.js";
import { sectorColor } from "./styles.js";

function sample(...shapes) {
  return s("svg", { width: 34, height: 22, viewBox: "0 0 34 22", "aria-hidden": "true" }, ...shapes);
}

const GREY = "#495057";
const PRECISION_SAMPLES = [
  ["Exact site, or within 25 km (1–2)", sample(s("circle", { cx: 17, cy: 11, r: 6, fill: GREY, stroke: "#fff", "stroke-width": 1.5 }))],
  ["District or province (3–4): hollow ring", sample(s("circle", {
    cx: 17, cy: 11, r: 8, fill: GREY, "fill-opacity": 0.1, stroke: GREY, "stroke-width": 2, "stroke-dasharray": "4 3",
  }))],
  ["Several provinces or country (5–6): wide hollow ring", sample(s("circle", {
    cx: 17, cy: 11, r: 10, fill: GREY, "fill-opacity": 0.1, stroke: GREY, "stroke-width": 2, "stroke-dasharray": "4 3",
  }))],
];

// As shapeStyle() draws them: a thin line in the sector's colour, dashed when the route is approximate.
const LINE_SAMPLES = [
  ["Route as mapped (1–2)", sample(s("path", {
    d: "M3 16 L14 8 L31 12", fill: "none", stroke: GREY, "stroke-width": 4, "stroke-linecap": "round",
  }))],
  ["Approximate route (3–6)", sample(s("path", {
    d: "M3 16 L14 8 L31 12", fill: "none", stroke: GREY, "stroke-width": 4, "stroke-dasharray": "7 5",
  }))],
];

function corridorSample(style) {
  return sample(s("path", {
    d: "M4 11 H30", stroke: style.color, "stroke-width": style.weight, "stroke-opacity": style.opacity,
    "stroke-linecap": "round", "stroke-dasharray": style.dashArray || null,
  }));
}

export function createLegend(map, { open }) {
  const body = h("div", { class: "gm-legend-body" });
  const details = h("details", { class: "gm-legend gm-overlay", id: "gm-legend", open }, h("summary", {}, "Legend"), body);
  const control = L.control({ position: "topleft" });
  control.onAdd = () => {
    L.DomEvent.disableClickPropagation(details);
    L.DomEvent.disableScrollPropagation(details);
    return details;
  };
  control.addTo(map);
  let sectors = [];
  let corridors = [];

  function render() {
    clear(body).append(
      h("p", { class: "gm-legend-title" }, "Projects by sector"),
      sectors.length
        ? h("ul", { class: "gm-legend-sectors" }, sectors.map(([code, text]) => h("li", {},
          h("span", { class: "gm-swatch gm-swatch-round", style: `background:${sectorColor(code)}` }), text)))
        : h("p", { class: "gm-muted" }, "No project shown."),
      h("p", { class: "gm-legend-title" }, "Project locations"),
      h("ul", {}, PRECISION_SAMPLES.map(([text, svg]) => h("li", {}, svg.cloneNode(true), text))),
      h("p", { class: "gm-legend-title" }, "Projects drawn as lines"),
      h("ul", {}, LINE_SAMPLES.map(([text, svg]) => h("li", {}, svg.cloneNode(true), text))),
      h("p", { class: "gm-legend-title" }, "Corridors", h("span", { class: "gm-legend-hint" }, " wide bands under the projects")),
      corridors.length
        ? h("ul", { class: "gm-legend-corridors" }, corridors.map((c) => h("li", { dataset: { slug: c.slug } },
          corridorSample(c.style), h("span", {}, c.name, c.main ? null : h("span", { class: "gm-muted" }, ` (${c.kind})`)))))
        : h("p", { class: "gm-muted" }, "No corridor shown."),
    );
  }
  render();

  return {
    element: details,
    setSectors(next) {
      sectors = next;
      render();
    },
    // [{slug, name, kind, main, style}] in the order to list them (main corridors first).
    setCorridors(next) {
      corridors = next;
      render();
    },
  };
}
