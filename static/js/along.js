// Spatial tools of the map page: "Along a corridor" (a band around a corridor, its projects listed by
// km mark), "What's here?" (what lies near a clicked point) and the corridor profile with a strip
// diagram in the corridor panel. It rides on the map page (static/js/map/): the band is two more
// filters of the page state (near_corridor, within_km), so the URL, the map, the counts and the
// exports all follow it; the page says it is ready by setting #gm-map[data-state=ready].
/* global L */
import { getJSON, withQuery } from "./map/api.js";
import { clear, h, s } from "./map/dom.js";
import { filterQuery } from "./map/state.js";
import { sectorColor } from "./map/styles.js";

const DISTANCES = [5, 10, 25, 50, 100];
const DEFAULT_KM = 25;
const NEAR_KM = 50;
const root = document.querySelector(".gm-app");

if (root && root.dataset.mode !== "embed") {
  window.addEventListener("map:init", (event) => start(event.detail.map));
}

const fmtKm = (n) => `${Math.round(n).toLocaleString("en")} km`;
const fmtOff = (n) => (n < 1 ? `${Math.round(n * 1000)} m` : `${n.toFixed(1)} km`);

function start(map) {
  const page = window.geomekong; // set by map/main.js on the same map:init event, just before this
  if (!page || !page.setFilters) return;
  const mapEl = map.getContainer();
  injectStyles();

  // ----- the control (top left of the map)
  const corridorSelect = h("select", { id: "gm-along-corridor" }, h("option", { value: "" }, "None"));
  const kmSelect = h("select", { id: "gm-along-km" },
    DISTANCES.map((km) => h("option", { value: String(km) }, `${km} km`)));
  kmSelect.value = String(DEFAULT_KM);
  const summary = h("p", { id: "gm-along-summary", class: "gm-along-summary", role: "status" });
  const list = h("ol", { id: "gm-along-list", class: "gm-along-list", "aria-label": "Projects by km mark" });
  const clearButton = h("button", { type: "button", class: "gm-button", id: "gm-along-clear", hidden: true },
    "Clear");
  const hereButton = h("button", { type: "button", class: "gm-button", id: "gm-whats-here", "aria-pressed": "false",
    title: "Click the map to see the nearest corridors and projects" }, "What's here?");
  // Folded on a phone unless a band is on: the map needs the room.
  const open = !window.matchMedia("(max-width: 760px)").matches || Boolean(page.state().filters.near_corridor);
  const box = h("details", { class: "gm-along", id: "gm-along", open },
    h("summary", {}, "Along a corridor"),
    h("div", { class: "gm-along-row" },
      h("label", { for: "gm-along-corridor" }, "Corridor"), corridorSelect),
    h("div", { class: "gm-along-row" },
      h("label", { for: "gm-along-km" }, "Within"), kmSelect, clearButton),
    summary, list,
    h("div", { class: "gm-along-row gm-along-tools" }, hereButton));
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

  getJSON("/api/corridors.geojson").then((data) => {
    const names = (data.features || []).map((f) => f.properties)
      .sort((a, b) => a.name.localeCompare(b.name));
    for (const c of names) corridorSelect.append(h("option", { value: c.slug }, c.name));
    syncControls(page.state().filters);
  }).catch(() => { summary.textContent = "The corridor list could not be loaded."; });

  corridorSelect.addEventListener("change", () => setBand(corridorSelect.value, kmSelect.value));
  kmSelect.addEventListener("change", () => {
    if (corridorSelect.value) setBand(corridorSelect.value, kmSelect.value);
  });
  clearButton.addEventListener("click", () => setBand("", ""));

  function setBand(slug, km) {
    page.setFilters({ near_corridor: slug, within_km: slug ? String(km || DEFAULT_KM) : "" });
  }

  function syncControls(filters) {
    const slug = filters.near_corridor || "";
    if ([...corridorSelect.options].some((o) => o.value === slug)) corridorSelect.value = slug;
    kmSelect.value = DISTANCES.includes(Number(filters.within_km)) ? String(Number(filters.within_km))
      : String(DEFAULT_KM);
    clearButton.hidden = !slug;
  }

  // ----- after every refresh of the page: the band and the list by km mark, with the same filters
  let alongController = null;
  let lastAlongUrl = null;

  async function refreshAlong() {
    const { filters } = page.state();
    syncControls(filters);
    const slug = filters.near_corridor;
    if (!slug) {
      if (alongController) alongController.abort(); // an answer still on its way must not come back
      band.clearLayers();
      clear(list);
      summary.textContent = "";
      lastAlongUrl = null;
      mapEl.dataset.alongState = "off";
      return;
    }
    const query = filterQuery({ ...filters, near_corridor: "", within_km: filters.within_km || String(DEFAULT_KM) });
    const url = withQuery(`/api/corridors/${encodeURIComponent(slug)}/projects.geojson`, query);
    if (url === lastAlongUrl) return;
    if (alongController) alongController.abort();
    alongController = new AbortController();
    mapEl.dataset.alongState = "loading";
    try {
      const data = await getJSON(url, { signal: alongController.signal });
      lastAlongUrl = url;
      renderAlong(data);
      mapEl.dataset.alongKm = String(data.corridor.within_km);
      mapEl.dataset.alongState = "ready";
    } catch (error) {
      if (error.name === "AbortError") return;
      summary.textContent = error.message;
      mapEl.dataset.alongState = "error";
    }
  }

  function renderAlong(data) {
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
          onclick: () => page.select(p.slug) },
        h("span", { class: "gm-along-km" }, mark),
        h("span", { class: "gm-along-name" },
          h("span", { class: "gm-swatch", style: `background:${sectorColor(p.sector)}`, "aria-hidden": "true" }),
          p.name),
        h("span", { class: "gm-along-off" }, `${fmtOff(p.distance_km)} off the line`))));
    }
  }

  new MutationObserver(() => {
    if (mapEl.dataset.state === "ready") refreshAlong();
  }).observe(mapEl, { attributes: true, attributeFilter: ["data-state"] });
  if (mapEl.dataset.state === "ready") refreshAlong();

  // ----- What's here?
  let hereOn = false;
  function setHere(on) {
    hereOn = on;
    hereButton.setAttribute("aria-pressed", String(on));
    mapEl.classList.toggle("gm-whats-here-on", on);
  }
  hereButton.addEventListener("click", () => setHere(!hereOn));
  document.addEventListener("keydown", (e) => { if (e.key === "Escape" && hereOn) setHere(false); });
  map.on("click", async (e) => {
    if (!hereOn) return;
    const { lat, lng } = e.latlng;
    const lon = ((lng + 540) % 360) - 180; // the map may be panned past the antimeridian
    const popup = L.popup({ maxWidth: 320, className: "gm-here-popup" }).setLatLng(e.latlng)
      .setContent("Looking…").openOn(map);
    try {
      const data = await getJSON(`/api/near?lon=${lon.toFixed(5)}&lat=${lat.toFixed(5)}&within_km=${NEAR_KM}&limit=5`);
      popup.setContent(hereContent(data));
    } catch (error) {
      popup.setContent(h("p", {}, error.message));
    }
  });

  function hereContent(data) {
    const pick = (slug) => { map.closePopup(); page.select(slug); };
    return h("div", { class: "gm-here", id: "gm-here" },
      h("p", { class: "gm-kicker" }, `Within ${data.within_km} km of ${data.point.lat.toFixed(3)}°, ${data.point.lon.toFixed(3)}°`),
      h("h3", {}, "Corridors"),
      data.corridors.length ? h("ul", {}, data.corridors.map((c) => h("li", {},
        h("button", { type: "button", class: "gm-linkish", onclick: () => pick(c.slug) }, c.name),
        ` ${fmtOff(c.distance_km)} away, at km ${Math.round(c.chainage_km)} from ${c.chainage_from}`)))
        : h("p", { class: "gm-muted" }, "None."),
      h("h3", {}, "Projects"),
      data.projects.length ? h("ul", {}, data.projects.map((p) => h("li", {},
        h("button", { type: "button", class: "gm-linkish", onclick: () => pick(p.slug) }, p.name),
        ` ${fmtOff(p.distance_km)} away`,
        p.precision > 2 ? h("span", { class: "gm-muted" }, ` (location: ${p.precision_label})`) : null)))
        : h("p", { class: "gm-muted" }, "None."));
  }

  // ----- the corridor panel gets its profile
  const detail = document.getElementById("gm-detail-body");
  if (detail) {
    new MutationObserver(() => addProfile(detail)).observe(detail, { childList: true });
  }

  async function addProfile(body) {
    const link = body.querySelector('.gm-detail-links a[href^="/corridors/"]');
    if (!link || body.querySelector(".gm-profile")) return;
    const slug = decodeURIComponent(link.getAttribute("href").split("/")[2] || "");
    const section = h("section", { class: "gm-profile", "aria-labelledby": "gm-profile-title", dataset: { slug } },
      h("h3", { id: "gm-profile-title" }, "Profile"), h("p", { class: "gm-muted" }, "Loading…"));
    link.closest(".gm-detail-links").before(section);
    try {
      const profile = await getJSON(`/api/corridors/${encodeURIComponent(slug)}/profile`);
      if (!section.isConnected) return;
      clear(section).append(...profileContent(profile, slug));
    } catch (error) {
      clear(section).append(h("h3", {}, "Profile"), h("p", {}, error.message));
    }
  }

  function profileContent(p, slug) {
    const c = p.corridor;
    const names = Object.fromEntries(p.countries.map((x) => [x.iso_a3, x.name]));
    const near25 = p.projects_within.find((b) => b.within_km === 25) || { count: 0 };
    return [
      h("h3", { id: "gm-profile-title" }, "Profile"),
      h("p", {}, `${fmtKm(p.length_km)} along the mapped line` +
        (c.part_count > 1 ? ` in ${c.part_count} parts (km marks count from the first point of each part).`
          : `, km marks from ${c.start_name} to ${c.end_name}.`)),
      strip(p, slug),
      h("h4", {}, "Length by country"),
      p.countries.length ? h("table", { class: "gm-profile-table" },
        h("tbody", {}, p.countries.map((x) => h("tr", {},
          h("th", { scope: "row" }, x.name), h("td", {}, fmtKm(x.length_km)),
          h("td", {}, `${Math.round(x.share * 100)} %`)))))
        : h("p", { class: "gm-muted" }, "The line lies in no country outline."),
      p.outside_countries_km >= 1 ? h("p", { class: "gm-note" },
        `${fmtKm(p.outside_countries_km)} lie between the country outlines (rivers, coast).`) : null,
      h("h4", {}, "Border crossings"),
      p.border_crossings.length ? h("ol", { class: "gm-profile-crossings" }, p.border_crossings.map((x) => h("li", {},
        `km ${Math.round(x.chainage_km)}${c.part_count > 1 ? ` (part ${x.part})` : ""}: `,
        `${names[x.from] || x.from_name} → ${names[x.to] || x.to_name}`)))
        : h("p", { class: "gm-muted" }, "None."),
      h("h4", {}, "Projects nearby"),
      h("table", { class: "gm-profile-table" },
        h("thead", {}, h("tr", {}, h("th", {}, "Within"), h("th", {}, "Projects"), h("th", {}, "By sector"))),
        h("tbody", {}, p.projects_within.map((b) => h("tr", {},
          h("th", { scope: "row" }, `${b.within_km} km`), h("td", {}, String(b.count)),
          h("td", {}, b.by_sector.map((x) => `${x.label} ${x.count}`).join(", ") || "—"))))),
      h("p", { class: "gm-note" }, p.projects_within.at(-1)?.by_country.length
        ? `By country within ${p.projects_within.at(-1).within_km} km: ` +
          p.projects_within.at(-1).by_country.map((x) => `${x.label} ${x.count}`).join(", ") + "."
        : ""),
      h("p", {}, h("button", { type: "button", class: "gm-button", id: "gm-profile-along",
        onclick: () => setBand(slug, DEFAULT_KM) }, `Show the ${near25.count} projects within 25 km`)),
    ];
  }

  // The strip diagram: each route part as a bar coloured by country, border crossings as ticks,
  // the projects within 50 km as dots at their km mark (stacked when close), start and end named.
  function strip(p, slug) {
    const W = 340;
    const X0 = 8;
    const X1 = W - 8;
    const longest = Math.max(...p.parts.map((x) => x.length_km), 1);
    const x = (km) => X0 + (X1 - X0) * Math.min(km / longest, 1);
    const rowH = 64;
    const svg = s("svg", { class: "gm-strip", viewBox: `0 0 ${W} ${rowH * p.parts.length + 6}`, role: "img",
      "aria-label": `Strip diagram of ${p.corridor.name}: projects within 50 km placed at their km mark` });
    const palette = ["#74c0fc", "#ffd43b", "#8ce99a", "#ffa8a8", "#d0bfff", "#ffc078", "#99e9f2", "#eebefa"];
    const colorOf = {};
    p.parts.forEach((part, i) => {
      const top = i * rowH;
      const y = top + 38;
      const g = s("g");
      g.append(s("rect", { x: X0, y: y - 4, width: x(part.length_km) - X0, height: 8, fill: "#dee2e6" }));
      for (const run of p.country_runs.filter((r) => r.part === part.part)) {
        colorOf[run.iso_a3] ||= palette[Object.keys(colorOf).length % palette.length];
        g.append(s("rect", { x: x(run.from_km), y: y - 4, width: Math.max(x(run.to_km) - x(run.from_km), 1), height: 8,
          fill: colorOf[run.iso_a3] }, s("title", {}, `${run.iso_a3}: km ${Math.round(run.from_km)}–${Math.round(run.to_km)}`)));
        if (x(run.to_km) - x(run.from_km) > 26) {
          g.append(s("text", { x: (x(run.from_km) + x(run.to_km)) / 2, y: y + 17, "text-anchor": "middle",
            class: "gm-strip-country" }, run.iso_a3));
        }
      }
      for (const cross of p.border_crossings.filter((b) => b.part === part.part)) {
        g.append(s("line", { x1: x(cross.chainage_km), x2: x(cross.chainage_km), y1: y - 9, y2: y + 9,
          stroke: "#495057", "stroke-width": 1.5 }, s("title", {}, `Border at km ${Math.round(cross.chainage_km)}`)));
      }
      const stacks = {};
      for (const project of p.projects.filter((q) => q.part === part.part)) {
        const cx = x(project.chainage_km);
        const bucket = Math.round(cx / 7);
        const level = (stacks[bucket] = (stacks[bucket] || 0) + 1) - 1;
        const dot = s("circle", { cx, cy: y - 11 - Math.min(level, 3) * 7, r: 3.5, fill: sectorColor(project.sector),
          stroke: "#fff", "stroke-width": 1, class: "gm-strip-project", "data-slug": project.slug,
          "data-chainage": project.chainage_km, tabindex: "0", role: "button",
          "aria-label": `${project.name}, km ${Math.round(project.chainage_km)}, ${fmtOff(project.distance_km)} off` },
        s("title", {}, `${project.name} — km ${Math.round(project.chainage_km)}, ${fmtOff(project.distance_km)} off`));
        dot.addEventListener("click", () => page.select(project.slug));
        dot.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") page.select(project.slug); });
        g.append(dot);
      }
      const startLabel = p.parts.length > 1 ? `part ${part.part}` : p.corridor.start_name;
      g.append(s("text", { x: X0, y: y + 30, class: "gm-strip-end" }, `${startLabel} · km 0`));
      g.append(s("text", { x: x(part.length_km), y: y + 30, "text-anchor": "end", class: "gm-strip-end" },
        `${p.parts.length > 1 ? "" : `${p.corridor.end_name} · `}km ${Math.round(part.length_km)}`));
      svg.append(g);
    });
    svg.dataset.slug = slug;
    return svg;
  }
}

function injectStyles() {
  if (document.getElementById("gm-along-style")) return;
  const css = `
  .gm-along { background: #fff; border-radius: 6px; box-shadow: 0 1px 5px rgba(0,0,0,.3); padding: .4rem .6rem;
    width: 17rem; max-height: 55vh; overflow-y: auto; font: .85rem/1.35 system-ui, sans-serif; }
  .gm-along summary { font-weight: 700; cursor: pointer; }
  .gm-along-row { display: flex; gap: .4rem; align-items: center; margin-top: .35rem; }
  .gm-along-row select { flex: 1; min-width: 0; }
  .gm-along [hidden] { display: none !important; }
  .gm-along-summary { margin: .4rem 0 .2rem; color: var(--gm-muted, #5f6b7a); }
  .gm-along-list { list-style: none; margin: 0; padding: 0; }
  .gm-along-item { display: grid; grid-template-columns: 4.2rem 1fr; gap: 0 .4rem; width: 100%; text-align: left;
    background: none; border: 0; border-top: 1px solid var(--gm-line, #d9dee4); padding: .3rem 0; cursor: pointer; font: inherit; }
  .gm-along-item:hover, .gm-along-item:focus-visible { background: var(--gm-soft, #f4f6f8); }
  .gm-along-km { font-weight: 700; font-variant-numeric: tabular-nums; grid-row: span 2; }
  .gm-along-off { color: var(--gm-muted, #5f6b7a); font-size: .78rem; }
  .gm-along-tools { border-top: 1px solid var(--gm-line, #d9dee4); padding-top: .35rem; }
  #gm-whats-here[aria-pressed="true"] { background: var(--gm-accent, #0b6e99); color: #fff; }
  .gm-whats-here-on, .gm-whats-here-on .leaflet-interactive { cursor: crosshair !important; }
  .gm-here h3 { font-size: .85rem; margin: .4rem 0 .2rem; }
  .gm-here ul { margin: 0; padding-left: 1rem; }
  .gm-strip { width: 100%; height: auto; display: block; margin: .4rem 0; }
  .gm-strip-end, .gm-strip-country { font: 10px system-ui, sans-serif; fill: #495057; }
  .gm-strip-project { cursor: pointer; }
  .gm-strip-project:focus { outline: none; stroke: #f59f00; stroke-width: 2; }
  .gm-profile h4 { font-size: .85rem; margin: .8rem 0 .3rem; }
  .gm-profile-table { border-collapse: collapse; font-size: .82rem; width: 100%; }
  .gm-profile-table th, .gm-profile-table td { text-align: left; padding: .15rem .3rem; border-bottom: 1px solid var(--gm-line, #d9dee4); vertical-align: top; }
  .gm-profile-crossings { margin: 0; padding-left: 1.2rem; font-size: .85rem; }
  @media (max-width: 760px) { .gm-along { width: 13.5rem; max-height: 40vh; } }
  `;
  document.head.append(h("style", { id: "gm-along-style" }, css));
}
