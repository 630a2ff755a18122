// The map page and the embed view: wires the URL state, the API, the map layers and the panels.
// Everything updates from one function, refresh(), so map, counts, chart and list never disagree.
/* global L */
import { endpoints, getJSON, withQuery } from "./api.js";
import { createAlong } from "./along.js";
import { boundView, createPanes, offlineBasemap, osmTiles } from "./basemap.js";
import { renderYearChart } from "./chart.js";
import { createDock } from "./dock.js";
import { createFilterPanel } from "./filters.js";
import { createWhatsHere } from "./here.js";
import { centerOf, createCorridorLayer, createHighlight, createProjectLayer, reveal, zoomTo } from "./layers.js";
import { createLegend } from "./legend.js";
import { createResultList } from "./list.js";
import { createDetailPanel } from "./panel.js";
import { popupContent } from "./popup.js";
import { profileSection } from "./profile.js";
import { createExportMenu, createShareDialog, exportFormats } from "./share.js";
import { CORRIDOR_FILTERS, emptyFilters, filterQuery, isEmpty, pageQuery, parseState } from "./state.js";

// Must be set before django-leaflet creates the map (it does so on window "load").
L.Map.mergeOptions({ preferCanvas: true });

const REGION = [[8.3, 92.2], [23.8, 109.6]];
const PHONE = window.matchMedia("(max-width: 760px)"); // as in map.css
const root = document.querySelector(".gm-app");
const config = root.dataset;
const urls = endpoints(config);
const embed = config.mode === "embed";
const $ = (selector) => root.querySelector(selector);

window.addEventListener("map:init", (event) => start(event.detail.map));

function start(map) {
  const mapEl = map.getContainer();
  let state = parseState(window.location.search);
  let controller = null;
  let lastCorridorQuery = null;
  let firstLoad = true;
  let facetLabels = {};
  let allCorridors = null; // the unfiltered corridor list, for the Along drop-down (fetched once)

  createPanes(map);
  const basemap = offlineBasemap(map, { url: urls.basemap });
  basemap.layer.addTo(map);
  const projects = createProjectLayer({ onClick: (slug) => select(slug, { zoom: false }) });
  const corridors = createCorridorLayer({ onClick: (slug) => select(slug, { zoom: false }) });
  corridors.layer.addTo(map);
  projects.layer.addTo(map);
  const highlight = createHighlight(map);
  L.control.layers(
    { "Offline basemap (Natural Earth)": basemap.layer, "OpenStreetMap (online)": osmTiles() },
    { Corridors: corridors.layer, Projects: projects.layer },
    { position: "topright" },
  ).addTo(map);
  // The left dock: zoom, "Along a corridor" and the legend in one column that never overlaps
  // itself; the toolbar is a row above it (dock.js).
  const roomy = window.innerWidth > 760 && mapEl.offsetHeight > 800;
  const along = embed ? null : createAlong(map, {
    urls,
    open: !PHONE.matches || Boolean(state.filters.near_corridor),
    onBand: (slug, km) => setFilters({ ...state.filters, near_corridor: slug, within_km: slug ? String(km) : "" }),
    onSelect: (slug) => select(slug, { zoom: true }),
  });
  const legend = createLegend(map, { open: roomy && !embed });
  const dock = createDock(map, { toolbar: root.querySelector(".gm-toolbar, .gm-embed-bar"), phone: PHONE });
  // Half zoom steps let the region fill the window on common screen sizes (whole steps leave a
  // laptop screen mostly sea); the +/- buttons still move a whole level.
  map.options.zoomSnap = 0.5;
  boundView(map);
  // Not animated: Leaflet drops a zoom asked for during an animation (the ?focus= zoom).
  map.fitBounds(REGION, { animate: false });
  // Corridor names only where they have room: main corridors from zoom 5, the others from 7.
  const labelZoom = () => {
    mapEl.classList.toggle("gm-hide-corridor-labels", map.getZoom() < 5);
    mapEl.classList.toggle("gm-hide-minor-labels", map.getZoom() < 7);
  };
  map.on("zoomend", labelZoom);
  labelZoom();
  new ResizeObserver(() => map.invalidateSize()).observe(mapEl);

  const here = embed ? null : createWhatsHere(map, {
    urls,
    button: $("#gm-whats-here"),
    hint: $("#gm-whats-here-hint"),
    onSelect: (slug) => select(slug, { zoom: true }),
    popupOptions: () => dock.popupOptions(),
  });

  const label = (facet, value) => {
    if (facet === "corridor") return corridors.names()[value] || value;
    return (facetLabels[facet] || {})[value] || value;
  };

  // ----- full page only: filters, chart, list, detail panel, export and share
  const ui = embed ? null : buildPageUi();

  function buildPageUi() {
    const filters = createFilterPanel($("#gm-filter-form"), { onChange: (next) => setFilters(next) });
    facetLabels = filters.labels;
    const list = createResultList($("#gm-results"), {
      onSelect: (slug) => select(slug, { zoom: true, moveFocus: true }),
      countryLabel: (code) => label("country", code),
    });
    const panel = createDetailPanel($("#gm-detail"), {
      onClose: () => unselect(),
      onFocus: (slug) => select(slug, { zoom: true, moveFocus: true }),
      label,
    });
    const exporter = createExportMenu($("#gm-export"), exportFormats({ projectsUrl: urls.projects }));
    const share = createShareDialog($("#gm-share-dialog"), $("#gm-share-button"), {
      mapUrl: urls.map,
      embedUrl: urls.embed,
    });
    $("#gm-drawer-toggle").addEventListener("click", () => setDrawer(!document.body.classList.contains("gm-drawer-open")));
    $("#gm-drawer-close").addEventListener("click", () => setDrawer(false));
    const tabs = [...root.querySelectorAll("[role=tab]")];
    for (const tab of tabs) {
      tab.addEventListener("click", () => showTab(tab));
      // The ARIA tabs pattern: arrows move between tabs, Tab moves into the panel.
      tab.addEventListener("keydown", (e) => {
        if (e.key !== "ArrowLeft" && e.key !== "ArrowRight") return;
        const next = tabs[(tabs.indexOf(tab) + (e.key === "ArrowRight" ? 1 : tabs.length - 1)) % tabs.length];
        showTab(next);
        next.focus();
      });
    }
    // The skip link to the results opens their tab (and the drawer on a phone) and lands on the list.
    document.getElementById("gm-skip-results")?.addEventListener("click", (e) => {
      e.preventDefault();
      showTab($("#gm-tab-results"));
      if (PHONE.matches) setDrawer(true);
      ($("#gm-list .gm-result") || $("#gm-tab-results")).focus();
    });
    document.addEventListener("keydown", (e) => {
      if (e.key !== "Escape" || document.querySelector("dialog[open]") || here.isOn()) return;
      if (panel.isOpen()) unselect({ restoreFocus: true });
      else setDrawer(false);
    });
    return { filters, list, panel, exporter, share };
  }

  function setDrawer(open) {
    document.body.classList.toggle("gm-drawer-open", open);
    $("#gm-drawer-toggle").setAttribute("aria-expanded", String(open));
    if (open) $("#gm-sidebar").focus();
  }

  function showTab(tab) {
    for (const other of root.querySelectorAll("[role=tab]")) {
      const selected = other === tab;
      other.setAttribute("aria-selected", String(selected));
      other.tabIndex = selected ? 0 : -1;
      document.getElementById(other.getAttribute("aria-controls")).hidden = !selected;
    }
  }

  function syncUrlBits() {
    const query = filterQuery(state.filters);
    if (ui) {
      ui.exporter.update(query);
      ui.share.update(query, state.focus);
    } else {
      $("#gm-full-map-link").href = withQuery(urls.map, query);
    }
  }

  function writeUrl({ push }) {
    const url = withQuery(window.location.pathname, pageQuery(state));
    if (url === window.location.pathname + window.location.search) return;
    if (push) window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  }

  // The URL is written once the server has accepted the filters, so it always holds the last
  // valid state: an invalid year range never reaches the address bar or the history.
  function setFilters(next) {
    state = { ...state, filters: next };
    refresh({ push: true });
  }

  window.addEventListener("popstate", () => {
    state = parseState(window.location.search);
    refresh({ fromHistory: true });
  });

  async function refresh({ fromHistory = false, push = false } = {}) {
    if (controller) controller.abort();
    controller = new AbortController();
    const { signal } = controller;
    const query = filterQuery(state.filters);
    const corridorQuery = filterQuery(state.filters, { only: CORRIDOR_FILTERS });
    ui?.filters.setFilters(state.filters);
    syncUrlBits();
    mapEl.dataset.state = "loading";
    root.setAttribute("aria-busy", "true");
    try {
      const [projectData, corridorData, facetData] = await Promise.all([
        getJSON(withQuery(urls.projects, query), { signal }),
        corridorQuery === lastCorridorQuery ? null : getJSON(withQuery(urls.corridors, corridorQuery), { signal }),
        ui ? getJSON(withQuery(urls.facets, query), { signal }) : null,
      ]);
      if (push) writeUrl({ push: true });
      if (corridorData) {
        corridors.setData(corridorData);
        lastCorridorQuery = corridorQuery;
        legend.setCorridors(corridors.legendEntries());
        if (!allCorridors && corridorQuery === "") setCorridorChoices(corridorData);
      }
      if (along && !allCorridors) {
        // A first load with corridor filters: the drop-down still lists every corridor.
        getJSON(urls.corridors).then(setCorridorChoices).catch(() => {});
        allCorridors = [];
      }
      const count = projects.setData(projectData);
      if (facetData) renderFacets(facetData);
      renderSummary(projectData);
      legend.setSectors(sectorsOf(projectData));
      ui?.filters.clearError();
      mapEl.dataset.markerCount = String(count);
      mapEl.dataset.numberMatched = String(projectData.numberMatched ?? count);
      mapEl.dataset.bbox = JSON.stringify(projectData.bbox || null);
      applyFocus({ zoom: firstLoad || fromHistory });
      firstLoad = false;
      along?.update(state.filters);
      mapEl.dataset.state = "ready";
    } catch (error) {
      if (error.name === "AbortError") return;
      showErrorState(error);
    } finally {
      if (!signal.aborted) root.removeAttribute("aria-busy");
    }
  }

  function setCorridorChoices(data) {
    allCorridors = data.features || [];
    along?.setCorridors(allCorridors);
  }

  // Nothing of an earlier state stays on screen: no markers, no list, no counts, no band; the
  // message sits next to the field the server named.
  function showErrorState(error) {
    projects.setData({ features: [] });
    highlight.clear();
    mapEl.dataset.markerCount = "0";
    mapEl.dataset.numberMatched = "0";
    mapEl.dataset.bbox = "null";
    along?.clear();
    if (ui) {
      $("#gm-count").textContent = "No results";
      $("#gm-tab-results-count").textContent = "–";
      ui.list.showError(error.parameter ? "Fix the highlighted filter to see the matching projects." : error.message);
      $("#gm-zoom-results").disabled = true;
      renderYearChart($("#gm-chart"), { rows: [], fundingOrder: [], labels: {} });
      ui.filters.showError(error);
    } else {
      showEmbedError(error);
    }
    mapEl.dataset.state = "error";
  }

  function renderFacets(data) {
    ui.filters.setFacets(data.facets || {});
    renderYearChart($("#gm-chart"), {
      rows: data.years_by_funding || [],
      fundingOrder: (data.facets.funding || []).map((f) => f.value),
      labels: facetLabels.funding || {},
    });
  }

  function renderSummary(data) {
    const n = data.numberMatched ?? (data.features || []).length;
    const noun = n === 1 ? "project" : "projects";
    if (ui) {
      $("#gm-count").textContent = `${n} ${noun}`;
      $("#gm-tab-results-count").textContent = String(n);
      ui.list.setFeatures(data.features || []);
      $("#gm-zoom-results").disabled = !data.bbox;
      $("#gm-zoom-results").onclick = () => fitToBbox(data.bbox);
      ui.list.setEmptyAction(n === 0 && !isEmpty(state.filters)
        ? { text: "Reset all filters", run: () => setFilters(emptyFilters()) } : null);
    }
  }

  function fitToBbox(bbox) {
    if (!bbox) return;
    const [minLon, minLat, maxLon, maxLat] = bbox;
    map.fitBounds([[minLat, minLon], [maxLat, maxLon]], { ...dock.padding(), maxZoom: 9 });
  }

  function sectorsOf(data) {
    const seen = new Map();
    for (const f of data.features || []) seen.set(f.properties.sector, f.properties.sector_label || f.properties.sector);
    return [...seen].sort((a, b) => a[1].localeCompare(b[1]));
  }

  function find(slug) {
    const project = projects.get(slug);
    if (project) return { layer: project, kind: "project" };
    const corridor = corridors.get(slug);
    return corridor ? { layer: corridor, kind: "corridor" } : null;
  }

  function applyFocus({ zoom }) {
    if (!state.focus) {
      if (ui?.panel.isOpen()) closePanel();
      return;
    }
    show(state.focus, { zoom, moveFocus: false });
  }

  function show(slug, { zoom, moveFocus }) {
    const found = find(slug);
    if (!found) {
      highlight.clear();
      ui?.panel.showMissing(slug);
      return;
    }
    const props = found.layer.feature.properties;
    highlight.show(found.layer);
    if (ui) {
      if (found.kind === "project") ui.panel.showProject(props, { moveFocus });
      else {
        ui.panel.showCorridor(props, {
          moveFocus,
          extra: profileSection({
            url: urls.corridorProfile(slug),
            slug,
            onSelect: (other) => select(other, { zoom: true }),
            onAlong: (corridor, km) => setFilters({ ...state.filters, near_corridor: corridor, within_km: String(km) }),
          }),
        });
      }
      ui.list.setSelected(found.kind === "project" ? slug : "");
      if (moveFocus) setDrawer(false);
      const padding = dock.padding({ bottomInset: bottomSheetHeight() });
      if (zoom) zoomTo(map, found.layer, padding);
      else if (PHONE.matches) reveal(map, found.layer, padding); // a tapped marker stays above the sheet
    } else {
      if (zoom) zoomTo(map, found.layer, dock.padding());
      const full = withQuery(urls.map,
        [filterQuery(state.filters), `focus=${encodeURIComponent(slug)}`].filter(Boolean).join("&"));
      L.popup({ ...dock.popupOptions(), maxWidth: 300 }).setLatLng(centerOf(found.layer))
        .setContent(popupContent(props, { kind: found.kind, fullMapUrl: full })).openOn(map);
    }
  }

  // On a phone the detail panel is a sheet over the bottom of the map.
  function bottomSheetHeight() {
    return PHONE.matches ? $("#gm-detail").offsetHeight : 0;
  }

  // Where the keyboard was when a panel opened: Escape or × returns there.
  let returnFocus = null;

  function select(slug, { zoom, moveFocus = false }) {
    const active = document.activeElement;
    if (ui && !ui.panel.isOpen() && active && active !== document.body && !$("#gm-detail").contains(active)) {
      returnFocus = active;
    }
    state = { ...state, focus: slug };
    if (!embed) writeUrl({ push: false });
    syncUrlBits();
    show(slug, { zoom, moveFocus });
  }

  function unselect({ restoreFocus = true } = {}) {
    state = { ...state, focus: "" };
    writeUrl({ push: false });
    syncUrlBits();
    const hadFocus = $("#gm-detail").contains(document.activeElement);
    closePanel();
    if (restoreFocus && (hadFocus || document.activeElement === document.body)) {
      const target = returnFocus?.isConnected ? returnFocus : null;
      (target || mapEl).focus();
    }
    returnFocus = null;
  }

  function closePanel() {
    highlight.clear();
    ui.panel.close();
    ui.list.setSelected("");
  }

  function showEmbedError(error) {
    const box = $("#gm-embed-error");
    box.textContent = error.message;
    box.hidden = false;
  }

  // A small hook for tests and the console, on the map's element (no global): canvas markers are
  // not DOM elements. document.getElementById("gm-map").gmPage.
  mapEl.gmPage = {
    map,
    state: () => structuredClone(state),
    markerCount: () => projects.count(),
    select: (slug) => select(slug, { zoom: true }),
    pagePointOf(slug) {
      const found = find(slug);
      if (!found) return null;
      const point = map.latLngToContainerPoint(centerOf(found.layer));
      const rect = mapEl.getBoundingClientRect();
      return { x: rect.left + point.x, y: rect.top + point.y };
    },
    basemapReady: basemap.ready,
  };

  refresh();
}
