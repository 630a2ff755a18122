// Cartography: colours per sector and funding type, and how location precision is drawn.

// Distinguishable on the pale basemap; grouped by kind (transport warm, utilities cool).
export const SECTOR_COLORS = {
  road: "#d9480f",
  bridge: "#e8590c",
  port: "#1864ab",
  airport: "#5f3dc4",
  railway: "#862e9c",
  power: "#f08c00",
  water: "#1098ad",
  irrigation: "#2b8a3e",
  ict: "#364fc7",
  sez_industrial: "#a61e4d",
  urban: "#495057",
  health: "#c92a2a",
  disaster: "#5c940d",
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

const CORRIDOR_PALETTE = ["#c2255c", "#1971c2", "#2f9e44", "#e67700", "#6741d9", "#0c8599", "#a61e4d", "#5c940d"];

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

export function corridorStyle(properties, index) {
  const sub = properties.kind && properties.kind !== "economic_corridor";
  return {
    color: corridorColor(index),
    weight: sub ? 3 : 5,
    opacity: 0.75,
    dashArray: sub ? "8 6" : null,
    lineCap: "round",
    lineJoin: "round",
  };
}
