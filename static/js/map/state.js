// The filter state lives in the URL's query string, in the API's own parameter names, so a
// copied link reopens the same view and the same string is sent to /api/*.

export const MULTI = ["theme", "sector_theme", "pillar", "document", "funding", "country", "sector", "status"];
export const SINGLE = ["year_min", "year_max", "precision_max", "q", "bbox", "near_corridor", "within_km"];
// The corridors endpoint accepts only these; sending others would be ignored anyway.
export const CORRIDOR_FILTERS = ["theme", "pillar", "document", "country", "q", "bbox"];

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
