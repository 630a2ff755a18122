// The corridor profile in the corridor panel: length by country, border crossings, projects nearby,
// and a strip diagram of the route with the projects within 50 km at their km mark.
import { getJSON } from "./api.js";
import { clear, h, s } from "./dom.js";
import { DEFAULT_KM, fmtOff } from "./along.js";
import { sectorColor } from "./styles.js";

const fmtKm = (n) => `${Math.round(n).toLocaleString("en")} km`;

// A section that fills itself once the profile arrives. onSelect(slug) focuses a project,
// onAlong(slug, km) turns the band on.
export function profileSection({ url, slug, onSelect, onAlong }) {
  const section = h("section", { class: "gm-profile", "aria-labelledby": "gm-profile-title", dataset: { slug } },
    h("h3", { id: "gm-profile-title" }, "Profile"), h("p", { class: "gm-muted" }, "Loading…"));
  getJSON(url).then((profile) => {
    if (section.isConnected) clear(section).append(...content(profile, slug, { onSelect, onAlong }));
  }).catch((error) => {
    clear(section).append(h("h3", { id: "gm-profile-title" }, "Profile"), h("p", {}, error.message));
  });
  return section;
}

function content(p, slug, { onSelect, onAlong }) {
  const c = p.corridor;
  const names = Object.fromEntries(p.countries.map((x) => [x.iso_a3, x.name]));
  const near = p.projects_within.find((b) => b.within_km === DEFAULT_KM) || { count: 0 };
  const widest = p.projects_within.at(-1);
  return [
    h("h3", { id: "gm-profile-title" }, "Profile"),
    h("p", {}, `${fmtKm(p.length_km)} along the mapped line` +
      (c.part_count > 1 ? ` in ${c.part_count} parts (km marks count from the first point of each part).`
        : `, km marks from ${c.start_name} to ${c.end_name}.`)),
    strip(p, slug, { names, onSelect }),
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
    widest?.by_country.length ? h("p", { class: "gm-note" },
      `By country within ${widest.within_km} km: ` +
      widest.by_country.map((x) => `${x.label} ${x.count}`).join(", ") + ".") : null,
    h("p", { class: "gm-note" }, "These count the projects near the line whatever the filters; the panel's "
      + "“Projects” counts those the sources link to the corridor."),
    h("p", {}, h("button", { type: "button", class: "gm-button", id: "gm-profile-along",
      onclick: () => onAlong(slug, DEFAULT_KM) }, `Show the ${near.count} projects within ${DEFAULT_KM} km`)),
  ];
}

// Each route part as a bar coloured by country, border crossings as ticks, the projects within
// 50 km as dots at their km mark (stacked when close), start and end named.
function strip(p, slug, { names, onSelect }) {
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
    const y = i * rowH + 38;
    const g = s("g");
    g.append(s("rect", { x: X0, y: y - 4, width: x(part.length_km) - X0, height: 8, fill: "#dee2e6" }));
    for (const run of p.country_runs.filter((r) => r.part === part.part)) {
      colorOf[run.iso_a3] ||= palette[Object.keys(colorOf).length % palette.length];
      const name = names[run.iso_a3] || run.iso_a3;
      g.append(s("rect", { x: x(run.from_km), y: y - 4, width: Math.max(x(run.to_km) - x(run.from_km), 1), height: 8,
        fill: colorOf[run.iso_a3] }, s("title", {}, `${name}: km ${Math.round(run.from_km)}–${Math.round(run.to_km)}`)));
      if (x(run.to_km) - x(run.from_km) > 26) {
        g.append(s("text", { x: (x(run.from_km) + x(run.to_km)) / 2, y: y + 17, "text-anchor": "middle",
          class: "gm-strip-country" }, x(run.to_km) - x(run.from_km) > name.length * 6 ? name : run.iso_a3));
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
      const label = `${project.name}, km ${Math.round(project.chainage_km)}, ${fmtOff(project.distance_km)} off the line`;
      const dot = s("circle", { cx, cy: y - 11 - Math.min(level, 3) * 7, r: 3.5, fill: sectorColor(project.sector),
        stroke: "#fff", "stroke-width": 1, class: "gm-strip-project", "data-slug": project.slug,
        "data-chainage": project.chainage_km, tabindex: "0", role: "button", "aria-label": label },
      s("title", {}, label));
      dot.addEventListener("click", () => onSelect(project.slug));
      dot.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") onSelect(project.slug); });
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
