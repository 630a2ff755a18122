// The legend: sectors on the map now, how precision is drawn, and the corridor lines.
/* global L */
import { clear, h, s } from "./dom.js";
import { sectorColor } from "./styles.js";

function sample(...shapes) {
  return s("svg", { width: 34, height: 22, viewBox: "0 0 34 22", "aria-hidden": "true" }, ...shapes);
}

const GREY = "#495057";
const PRECISION_SAMPLES = [
  ["Exact site, or within 25 km (1–2)", sample(s("circle", { cx: 17, cy: 11, r: 6, fill: GREY, stroke: "#fff", "stroke-width": 1.5 }))],
  ["District or province (3–4)", sample(s("circle", {
    cx: 17, cy: 11, r: 8, fill: GREY, "fill-opacity": 0.1, stroke: GREY, "stroke-width": 2, "stroke-dasharray": "4 3",
  }))],
  ["Several provinces or country (5–6)", sample(s("circle", {
    cx: 17, cy: 11, r: 10, fill: GREY, "fill-opacity": 0.1, stroke: GREY, "stroke-width": 2, "stroke-dasharray": "4 3",
  }))],
  ["Linear project", sample(s("path", {
    d: "M3 16 L14 8 L31 12", fill: "none", stroke: GREY, "stroke-width": 4, "stroke-linecap": "round",
  }))],
];

const CORRIDOR_SAMPLES = [
  ["Economic corridor", sample(s("path", {
    d: "M4 11 H30", stroke: "#e64980", "stroke-width": 9, "stroke-opacity": 0.45, "stroke-linecap": "round",
  }))],
  ["Sub-corridor or road link", sample(s("path", {
    d: "M4 11 H30", stroke: "#be4bdb", "stroke-width": 6, "stroke-dasharray": "10 7", "stroke-opacity": 0.4,
  }))],
];

export function createLegend(map) {
  let body = null;
  // Bottom left: the Andaman Sea, the emptiest corner of the region.
  const control = L.control({ position: "bottomleft" });
  control.onAdd = () => {
    // Open only where it leaves most of the map visible (it is about 350 px tall): not on phones,
    // laptop screens or in small embeds, where it starts folded.
    const roomy = window.innerWidth > 700 && map.getSize().y > 800;
    const details = h("details", { class: "gm-legend leaflet-bar", open: roomy },
      h("summary", {}, "Legend"));
    body = h("div", { class: "gm-legend-body" });
    details.append(body);
    L.DomEvent.disableClickPropagation(details);
    L.DomEvent.disableScrollPropagation(details);
    return details;
  };
  control.addTo(map);

  return {
    setSectors(sectors) {
      clear(body);
      body.append(
        h("p", { class: "gm-legend-title" }, "Projects by sector"),
        sectors.length
          ? h("ul", { class: "gm-legend-sectors" }, sectors.map(([code, text]) => h("li", {},
            h("span", { class: "gm-swatch gm-swatch-round", style: `background:${sectorColor(code)}` }), text)))
          : h("p", { class: "gm-muted" }, "No project shown."),
        h("p", { class: "gm-legend-title" }, "Location precision"),
        h("ul", {}, PRECISION_SAMPLES.map(([text, svg]) => h("li", {}, svg.cloneNode(true), text))),
        h("p", { class: "gm-legend-title" }, "Corridors"),
        h("ul", {}, CORRIDOR_SAMPLES.map(([text, svg]) => h("li", {}, svg.cloneNode(true), text))),
      );
    },
  };
}
