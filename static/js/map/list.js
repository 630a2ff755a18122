// The list of matching projects; each item focuses its feature on the map (keyboard route to the map).
import { clear, h } from "./dom.js";
import { sectorColor } from "./styles.js";

function firstYear(p) {
  return p.years && p.years.length ? Math.min(...p.years) : Infinity;
}

function yearText(years) {
  if (!years || !years.length) return "named in no dated document";
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  return `named in ${lo === hi ? String(lo) : `${lo}–${hi}`}`;
}

export function createResultList(root, { onSelect, countryLabel }) {
  const list = root.querySelector("#gm-list");
  const sort = root.querySelector("#gm-sort");
  let features = [];
  let selected = "";
  let error = "";
  let emptyAction = null;

  const comparators = {
    name: (a, b) => a.name.localeCompare(b.name),
    year: (a, b) => firstYear(a) - firstYear(b) || a.name.localeCompare(b.name),
    country: (a, b) =>
      countryLabel((a.countries || [])[0] || "~").localeCompare(countryLabel((b.countries || [])[0] || "~")) ||
      a.name.localeCompare(b.name),
  };

  function render() {
    clear(list);
    const props = features.map((f) => f.properties).sort(comparators[sort.value] || comparators.name);
    if (error) {
      list.append(h("li", { class: "gm-list-empty gm-list-error", role: "status" }, error));
      return;
    }
    if (!props.length) {
      list.append(h("li", { class: "gm-list-empty" }, "No project matches these filters.",
        emptyAction ? h("button", { type: "button", class: "gm-button gm-list-reset", onclick: emptyAction.run },
          emptyAction.text) : null));
      return;
    }
    for (const p of props) {
      list.append(h("li", {},
        h("button", {
          type: "button",
          class: "gm-result",
          dataset: { slug: p.slug },
          "aria-current": p.slug === selected ? "true" : null,
          onclick: () => onSelect(p.slug),
        },
        h("span", { class: "gm-result-name" }, p.name),
        h("span", { class: "gm-result-meta" },
          h("span", { class: "gm-swatch", style: `background:${sectorColor(p.sector)}`, "aria-hidden": "true" }),
          `${p.sector_label || p.sector} · ${(p.countries || []).map(countryLabel).join(", ")} · ${yearText(p.years)}`))));
    }
  }

  sort.addEventListener("change", render);

  return {
    setFeatures(next) {
      features = next;
      error = "";
      render();
    },
    // The filters are invalid: no earlier result stays listed.
    showError(message) {
      features = [];
      error = message;
      render();
    },
    // {text, run} offered when nothing matches (a reset), or null.
    setEmptyAction(action) {
      emptyAction = action;
      if (!features.length && !error) render();
    },
    setSelected(slug) {
      selected = slug || "";
      for (const button of list.querySelectorAll(".gm-result")) {
        if (button.dataset.slug === selected) button.setAttribute("aria-current", "true");
        else button.removeAttribute("aria-current");
      }
    },
  };
}
