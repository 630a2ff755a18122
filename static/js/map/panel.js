// The detail panel: the facts of one project or corridor, whether each is stated by a source or
// curated, and the quoted source paragraphs with links into the reader.
import { h, paragraphRef } from "./dom.js";
import { CORRIDOR_KIND, sectorColor } from "./styles.js";

const PROVENANCE = {
  stated: ["stated by a source", "Stated in a cited source paragraph"],
  curated: ["curated", "Added by the GeoMekong curators; not stated in the cited paragraphs"],
};


const GEOMETRY_METHOD = {
  derived_from_roads: "derived from the basemap roads",
  waypoints: "segments between real waypoints",
  mixed: "roads where covered, waypoints elsewhere",
};

const STAGE = {
  proposed: "pledged / proposed",
  study: "study",
  implementation: "implementation",
  completed: "completed",
};

function provenance(value) {
  if (!value) return null;
  const [text, title] = PROVENANCE[value] || [value, value];
  return h("span", { class: `gm-prov gm-prov-${value}`, title }, text);
}

// Why a fact is what it is (the curators' note), under the value.
function note(text) {
  return text ? h("span", { class: "gm-note" }, text) : null;
}

function fact(term, ...values) {
  return [h("dt", {}, term), h("dd", {}, ...values)];
}

function sources(list, { withStage }) {
  if (!list || !list.length) return h("p", { class: "gm-muted" }, "No source paragraph is linked yet.");
  return h("ol", { class: "gm-quotes" },
    list.map((src) => h("li", {},
      h("blockquote", { cite: src.url }, src.text),
      h("p", { class: "gm-cite" },
        h("a", { href: src.url }, paragraphRef(src)),
        src.year ? ` · ${src.year}` : "",
        withStage && src.stage ? ` · ${STAGE[src.stage] || src.stage}` : ""))));
}

export function createDetailPanel(aside, { onClose, onFocus, label }) {
  const body = aside.querySelector("#gm-detail-body");
  aside.querySelector("#gm-detail-close").addEventListener("click", () => onClose());

  function open(content, { moveFocus }) {
    body.replaceChildren(...content.filter(Boolean));
    aside.hidden = false;
    aside.scrollTop = 0;
    document.body.classList.add("gm-detail-open");
    if (moveFocus) body.querySelector("h2").focus();
  }

  function showProject(p, { moveFocus = false } = {}) {
    const list = (facet, values) => (values || []).map((v) => label(facet, v)).join(", ") || "—";
    open([
      h("p", { class: "gm-kicker" },
        h("span", { class: "gm-swatch", style: `background:${sectorColor(p.sector)}`, "aria-hidden": "true" }),
        `Project · ${p.sector_label || p.sector}`),
      h("h2", { id: "gm-detail-title", tabindex: "-1" }, p.name),
      p.aliases && p.aliases.length ? h("p", { class: "gm-aliases" }, `Also: ${p.aliases.join("; ")}`) : null,
      h("dl", { class: "gm-facts" },
        fact("Countries", list("country", p.countries)),
        fact(p.status_as_of ? `Status as of ${p.status_as_of}` : "Status", label("status", p.status), " ",
          provenance(p.status_provenance), note(p.status_note), note(p.status_basis && `Basis: ${p.status_basis}`)),
        p.stated_stage
          ? fact(`As stated in ${p.stated_stage_year}`, STAGE[p.stated_stage] || p.stated_stage, " ", provenance("stated"))
          : null,
        fact("Named in", (p.years || []).join(", ") || "—", " ",
          h("span", { class: "gm-prov gm-prov-stated", title: "The years of the documents that cite the project" },
            "years of the citing documents"), note(p.years_note)),
        p.milestones && p.milestones.length
          ? fact("Milestones", p.milestones.map((m) => `${m.year}: ${m.event} (${m.anchor})`).join("; "), " ",
            provenance("stated"))
          : null,
        fact("Funding", list("funding", p.funding_types), " ", provenance(p.funding_provenance),
          note(p.funding_note)),
        fact("Location", `${p.precision} – ${p.precision_label || ""}`,
          p.location_note ? h("span", { class: "gm-note" }, p.location_note) : null),
        p.corridors && p.corridors.length
          ? fact("Corridors", p.corridors.map((slug) =>
            h("button", { type: "button", class: "gm-linkish", onclick: () => onFocus(slug) }, label("corridor", slug))))
          : null,
        fact("Themes", list("theme", p.themes), " ", h("span", { class: "gm-note" }, "of the citing pillars")),
        fact("Sector theme", p.sector_theme ? label("theme", p.sector_theme) : "—"),
        fact("Pillars", list("pillar", p.pillars))),
      h("h3", {}, `Sources (${(p.sources || []).length})`),
      sources(p.sources, { withStage: true }),
      h("p", { class: "gm-detail-links" }, h("a", { class: "gm-button", href: p.url }, "Open the project page")),
    ], { moveFocus });
  }

  // extra: a section placed before the links (the corridor profile).
  function showCorridor(c, { moveFocus = false, extra = null } = {}) {
    const km = (n) => (n || n === 0 ? `${Math.round(n).toLocaleString("en")} km` : "—");
    open([
      h("p", { class: "gm-kicker" }, `Corridor · ${CORRIDOR_KIND[c.kind] || c.kind || "corridor"}`),
      h("h2", { id: "gm-detail-title", tabindex: "-1" }, c.name),
      c.aliases && c.aliases.length ? h("p", { class: "gm-aliases" }, `Also: ${c.aliases.join("; ")}`) : null,
      h("dl", { class: "gm-facts" },
        fact("Countries", (c.countries || []).map((v) => label("country", v)).join(", ") || "—"),
        fact("Route", `${c.start_name} – ${c.end_name}`),
        c.parent ? fact("Part of", h("button", { type: "button", class: "gm-linkish", onclick: () => onFocus(c.parent) },
          label("corridor", c.parent))) : null,
        fact("Length", `${km(c.approx_length_km)} documented`,
          h("span", { class: "gm-note" }, `${km(c.length_km)} along the mapped line (${GEOMETRY_METHOD[c.geometry_method] || c.geometry_method})`)),
        fact("Projects", String(c.projects_count ?? "—"),
          note("linked to it by the sources; the profile and “Along a corridor” count every project near its line"))),
      h("h3", {}, `Sources (${(c.sources || []).length})`),
      sources(c.sources, { withStage: false }),
      extra,
      h("p", { class: "gm-detail-links" }, h("a", { class: "gm-button", href: c.url }, "Open the corridor page")),
    ], { moveFocus });
  }

  function showMissing(slug) {
    open([
      h("p", { class: "gm-kicker" }, "Not on the map"),
      h("h2", { id: "gm-detail-title", tabindex: "-1" }, slug),
      h("p", {}, "No project or corridor with this name matches the current filters."),
    ], { moveFocus: false });
  }

  function close() {
    aside.hidden = true;
    document.body.classList.remove("gm-detail-open");
  }

  return { showProject, showCorridor, showMissing, close, isOpen: () => !aside.hidden };
}
