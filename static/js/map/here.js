// "What's here?": a toggle; while it is on, a click on the map lists the corridors and projects
// near that point. Area placements (a province, a country) say so instead of a distance.
/* global L */
import { getJSON } from "./api.js";
import { h } from "./dom.js";
import { fmtOff } from "./along.js";

const NEAR_KM = 50;
const HINT = "Click a place on the map to see the corridors and projects near it. Esc stops.";

// A country-level placement (precision 6) is the whole country: a distance to its capital means
// nothing, so it says "country-wide". Other area placements keep the distance and say what it is to.
function placement(p) {
  if (p.precision >= 6) return " country-wide";
  const far = ` ${fmtOff(p.distance_km)} away`;
  return p.precision >= 3 ? `${far} (location: ${p.precision_label})` : far;
}

// button: the toolbar's toggle; hint: an element that says what to do while it is on;
// popupOptions(): Leaflet popup options that keep the popup inside the free part of the map.
export function createWhatsHere(map, { urls, button, hint, onSelect, popupOptions }) {
  const mapEl = map.getContainer();
  let on = false;
  hint.textContent = HINT;

  function set(next) {
    on = next;
    button.setAttribute("aria-pressed", String(on));
    mapEl.classList.toggle("gm-whats-here-on", on);
    hint.hidden = !on;
  }
  set(false);
  button.addEventListener("click", () => set(!on));
  document.addEventListener("keydown", (e) => { if (e.key === "Escape" && on) set(false); });

  map.on("click", async (e) => {
    if (!on) return;
    const { lat, lng } = e.latlng;
    const lon = ((lng + 540) % 360) - 180; // the map may be panned past the antimeridian
    const popup = L.popup({ ...popupOptions(), maxWidth: 320, className: "gm-here-popup" }).setLatLng(e.latlng)
      .setContent("Looking…").openOn(map);
    const query = new URLSearchParams({ lon: lon.toFixed(5), lat: lat.toFixed(5), within_km: NEAR_KM, limit: 5 });
    try {
      popup.setContent(content(await getJSON(`${urls.near}?${query}`)));
    } catch (error) {
      popup.setContent(h("p", {}, error.message));
    }
    popup.update();
  });

  function content(data) {
    const pick = (slug) => { map.closePopup(); onSelect(slug); };
    return h("div", { class: "gm-here", id: "gm-here" },
      h("p", { class: "gm-kicker" }, `Within ${data.within_km} km of ${data.point.lat.toFixed(3)}°, ${data.point.lon.toFixed(3)}°`),
      h("h3", {}, "Corridors"),
      data.corridors.length ? h("ul", {}, data.corridors.map((c) => h("li", {},
        h("button", { type: "button", class: "gm-linkish", onclick: () => pick(c.slug) }, c.name),
        ` ${fmtOff(c.distance_km)} away, at km ${Math.round(c.chainage_km)} from ${c.chainage_from}`)))
        : h("p", { class: "gm-muted" }, "None."),
      h("h3", {}, "Projects"),
      data.projects.length ? h("ul", {}, data.projects.map((p) => h("li", { dataset: { slug: p.slug } },
        h("button", { type: "button", class: "gm-linkish", onclick: () => pick(p.slug) }, p.name),
        placement(p))))
        : h("p", { class: "gm-muted" }, "None."));
  }

  return { isOn: () => on, set };
}
