import declared from "/api/filters" with { type: "json" };

// The filter state lives in the URL's query string, in the API's own parameter names, so a
// copied link reopens the same view and the same string is sent to /api/*.
//
// The filter lists are the server's declarations (GET /api/filters: projects/filters.py and
// corridors/filters.py), in their order: a filter added there needs no change here. A JSON module
// import, so they are loaded with the modules, before any of them runs (an await here would let
// django-leaflet's map:init fire before main.js listens for it).
export const MULTI = declared.projects.filter((p) => p.multiple).map((p) => p.name);
export const SINGLE = declared.projects.filter((p) => !p.multiple).map((p) => p.name);
// The corridors endpoint accepts only these; sending others would be ignored anyway.
export const CORRIDOR_FILTERS = declared.corridors.map((p) => p.name);

export function emptyFilters() {
  const filters = {};
  for (const key of MULTI) filters[key] = [];
  for (const key of SINGLE) filters[key] = "";
  return filters;
}

export function parseState(search) {
  const params = new URLSearchParams(search);
  const filters = emptyFilters();
  for (const key of MULTI) {
    const raw = params.get(key) || "";
    filters[key] = [...new Set(raw.split(",").map((v) => v.trim()).filter(Boolean))];
  }
  for (const key of SINGLE) filters[key] = (params.get(key) || "").trim();
  return { filters, focus: (params.get("focus") || "").trim() };
}

function encode(value) {
  return encodeURIComponent(value).replace(/%2C/gi, ",");
}

// Keys in a fixed order so equal states give equal strings (history and tests compare them).
export function filterQuery(filters, { only = null } = {}) {
  const parts = [];
  for (const key of [...MULTI, ...SINGLE]) {
    if (only && !only.includes(key)) continue;
    const value = filters[key];
    if (Array.isArray(value)) {
      if (value.length) parts.push(`${key}=${value.map(encodeURIComponent).join(",")}`);
    } else if (value) {
      parts.push(`${key}=${encode(value)}`);
    }
  }
  return parts.join("&");
}

export function pageQuery(state) {
  const query = filterQuery(state.filters);
  const focus = state.focus ? `focus=${encodeURIComponent(state.focus)}` : "";
  return [query, focus].filter(Boolean).join("&");
}

export function isEmpty(filters) {
  return filterQuery(filters) === "";
}
