// "Along a corridor": a band around a corridor and its projects listed by km mark. The band is two
// filters of the page state (near_corridor, within_km), so the URL, the map, the counts and the
// exports all follow it; main.js calls update() after each refresh of the page.
/* global L */
import { getJSON, withQuery } from "./api.js";
import { clear, h } from "./dom.js";
import { filterQuery } from "./state.js";
import { sectorColor } from "./styles.js";

export const DISTANCES = [5, 10, 25, 50, 100];
export const DEFAULT_KM = 25;

export const fmtOff = (n) => (n < 1 ? `${Math.round(n * 1000)} m` : `${n.toFixed(1)} km`);

// urls: endpoints() of api.js; onBand(slug, km) sets the two filters ("" clears them);
// onSelect(slug) focuses a project; open: whether the box starts unfolded.
export function createAlong(map, { urls, onBand, onSelect, open }) {
  const mapEl = map.getContainer();
  const corridorSelect = h("select", { id: "gm-along-corridor" }, h("option", { value: "" }, "None"));
  const kmSelect = h("select", { id: "gm-along-km" },
    DISTANCES.map((km) => h("option", { value: String(km) }, `${km} km`)));
  kmSelect.value = String(DEFAULT_KM);
  const summary = h("p", { id: "gm-along-summary", class: "gm-along-summary", role: "status" });
  const list = h("ol", { id: "gm-along-list", class: "gm-along-list", "aria-label": "Projects by km mark" });
  const clearButton = h("button", { type: "button", class: "gm-button", id: "gm-along-clear", hidden: true }, "Clear");
  const box = h("details", { class: "gm-along gm-overlay", id: "gm-along", open },
    h("summary", {}, "Along a corridor"),
    h("div", { class: "gm-along-row" }, h("label", { for: "gm-along-corridor" }, "Corridor"), corridorSelect),
    h("div", { class: "gm-along-row" }, h("label", { for: "gm-along-km" }, "Within"), kmSelect, clearButton),
    summary, list);
  const Control = L.Control.extend({
    onAdd() {
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    },
  });
  new Control({ position: "topleft" }).addTo(map);

  // The band sits under the data and never catches clicks.
  const pane = map.createPane("gm-along-band");
  pane.style.zIndex = "300";
  pane.style.pointerEvents = "none";
  const band = L.geoJSON(null, {
    pane: "gm-along-band",
    renderer: L.svg({ pane: "gm-along-band" }),
    interactive: false,
    style: { color: "#0b6e99", weight: 1, dashArray: "4 4", fillColor: "#0b6e99", fillOpacity: 0.12 },
  }).addTo(map);

  corridorSelect.addEventListener("change", () => onBand(corridorSelect.value, kmSelect.value || DEFAULT_KM));
  kmSelect.addEventListener("change", () => {
    if (corridorSelect.value) onBand(corridorSelect.value, kmSelect.value);
  });
  clearButton.addEventListener("click", () => onBand("", ""));

  let filters = {};
  let controller = null;
  let lastUrl = null;

  function syncControls() {
    const slug = filters.near_corridor || "";
    if ([...corridorSelect.options].some((o) => o.value === slug)) corridorSelect.value = slug;
    kmSelect.value = DISTANCES.includes(Number(filters.within_km)) ? String(Number(filters.within_km))
      : String(DEFAULT_KM);
    clearButton.hidden = !slug;
  }

  function off() {
    if (controller) controller.abort(); // an answer still on its way must not come back
    band.clearLayers();
    clear(list);
    summary.textContent = "";
    lastUrl = null;
    mapEl.dataset.alongState = "off";
  }

  async function update(next) {
    filters = next;
    syncControls();
    const slug = filters.near_corridor;
    if (!slug) return off();
    box.open = true;
    const query = filterQuery({ ...filters, near_corridor: "", within_km: filters.within_km || String(DEFAULT_KM) });
    const url = withQuery(urls.alongCorridor(slug), query);
    if (url === lastUrl) return;
    if (controller) controller.abort();
    controller = new AbortController();
    mapEl.dataset.alongState = "loading";
    try {
      const data = await getJSON(url, { signal: controller.signal });
      lastUrl = url;
      render(data);
      mapEl.dataset.alongKm = String(data.corridor.within_km);
      mapEl.dataset.alongState = "ready";
    } catch (error) {
      if (error.name === "AbortError") return;
      off();
      summary.textContent = error.message;
      mapEl.dataset.alongState = "error";
    }
  }

  function render(data) {
    const c = data.corridor;
    band.clearLayers();
    if (data.buffer) band.addData(data.buffer);
    const n = data.numberMatched;
    summary.textContent = `${n} ${n === 1 ? "project" : "projects"} within ${c.within_km} km of ${c.name}, ` +
      `by km from ${c.chainage_from}.`;
    clear(list);
    for (const f of data.features) {
      const p = f.properties;
      const mark = c.part_count > 1 ? `part ${p.part}, km ${Math.round(p.chainage_km)}` : `km ${Math.round(p.chainage_km)}`;
      list.append(h("li", {},
        h("button", { type: "button", class: "gm-along-item", dataset: { slug: p.slug, chainage: p.chainage_km },
          onclick: () => onSelect(p.slug) },
        h("span", { class: "gm-along-km" }, mark),
        h("span", { class: "gm-along-name" },
          h("span", { class: "gm-swatch", style: `background:${sectorColor(p.sector)}`, "aria-hidden": "true" }),
          p.name),
        h("span", { class: "gm-along-off" }, `${fmtOff(p.distance_km)} off the line`))));
    }
  }

  return {
    element: box,
    // The corridors' names for the drop-down (the unfiltered list: a band may be around any corridor).
    setCorridors(features) {
      clear(corridorSelect).append(h("option", { value: "" }, "None"));
      const names = features.map((f) => f.properties).sort((a, b) => a.name.localeCompare(b.name));
      for (const c of names) corridorSelect.append(h("option", { value: c.slug }, c.name));
      syncControls();
    },
    update,
    // Invalid filters: no list that belongs to an earlier state stays on screen.
    clear: off,
  };
}
