// Cartography: colours per sector and funding type, and how location precision is drawn.

// Fourteen hues that stay apart on the pale basemap (no two oranges, no two purples).
export const SECTOR_COLORS = {
  road: "#e8590c",
  bridge: "#8d5524",
  port: "#1864ab",
  airport: "#5f3dc4",
  railway: "#c2255c",
  power: "#e0a800",
  water: "#1098ad",
  irrigation: "#2b8a3e",
  ict: "#4c6ef5",
  sez_industrial: "#862e9c",
  urban: "#495057",
  health: "#e03131",
  disaster: "#74b816",
  other: "#868e96",
};

export const FUNDING_COLORS = {
  oda_loan: "#1c7ed6",
  grant_aid: "#37b24d",
  technical_cooperation: "#f59f00",
  private_investment_finance: "#ae3ec9",
  jaif: "#e8590c",
  multilateral_cofinancing: "#0ca678",
  partner_government_budget: "#845ef7",
  private_ppp: "#d6336c",
  unspecified: "#adb5bd",
};

// Corridors are wide translucent bands under the projects, in colours no sector uses (and no
// blue: rivers are blue), so a road project on a corridor still reads as a project.
const CORRIDOR_PALETTE = ["#e64980", "#fab005", "#82c91e", "#be4bdb", "#20c997", "#e599f7", "#7950f2", "#94d82d"];

export function sectorColor(sector) {
  return SECTOR_COLORS[sector] || SECTOR_COLORS.other;
}

export function fundingColor(code) {
  return FUNDING_COLORS[code] || "#868e96";
}

export function corridorColor(index) {
  return CORRIDOR_PALETTE[index % CORRIDOR_PALETTE.length];
}

// Precision 1-2 is a real site: a solid dot. 3-6 is an area placement: a dashed ring whose
// size grows with the vagueness, so a country-level point never looks like an exact site.
const RING_RADIUS = { 3: 9, 4: 12, 5: 14, 6: 18 };

export function isExact(precision) {
  return Number(precision) <= 2;
}

export function pointStyle(properties) {
  const color = sectorColor(properties.sector);
  if (isExact(properties.precision)) {
    return { radius: 6.5, color: "#ffffff", weight: 1.5, fillColor: color, fillOpacity: 0.95, dashArray: null };
  }
  return {
    radius: RING_RADIUS[properties.precision] || 14,
    color,
    weight: 2,
    dashArray: "4 3",
    fillColor: color,
    fillOpacity: 0.1,
  };
}

export function shapeStyle(properties) {
  const color = sectorColor(properties.sector);
  return {
    color,
    weight: 4,
    opacity: 0.9,
    lineCap: "round",
    dashArray: isExact(properties.precision) ? null : "7 5",
    fillColor: color,
    fillOpacity: 0.12,
  };
}

export const CORRIDOR_KIND = {
  economic_corridor: "economic corridor",
  sub_corridor: "sub-corridor",
  national_road: "national road",
  expressway: "expressway",
  road_link: "road link",
};

export function isMainCorridor(properties) {
  return !properties.kind || properties.kind === "economic_corridor";
}

export function corridorStyle(properties, index) {
  const main = isMainCorridor(properties);
  return {
    color: corridorColor(index),
    weight: main ? 9 : 6,
    opacity: main ? 0.45 : 0.4,
    dashArray: main ? null : "10 7",
    lineCap: "round",
    lineJoin: "round",
  };
}
