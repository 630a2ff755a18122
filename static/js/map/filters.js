// The filter panel: options and counts come from /api/facets; the panel reads and writes the
// same filter object that the URL holds.
import { clear, debounce, h } from "./dom.js";
import { emptyFilters, MULTI } from "./state.js";
import { fundingColor, sectorColor } from "./styles.js";

const CHECKBOX_FACETS = ["theme", "sector_theme", "pillar", "funding", "country", "sector", "status"];
const SWATCH = { sector: sectorColor, funding: fundingColor };

export function createFilterPanel(form, { onChange }) {
  let filters = emptyFilters();
  const rendered = {}; // facet -> "v1|v2|..." of the options currently in the DOM
  const labels = {}; // facet -> value -> label, for chips and the detail panel
  const documents = {}; // document slug -> short label
  const q = form.querySelector("#gm-q");
  const yearMin = form.querySelector("#gm-year-min");
  const yearMax = form.querySelector("#gm-year-max");
  const precision = form.querySelector("#gm-precision-max");
  const errorBox = form.querySelector("#gm-filter-error");
  const chips = form.querySelector("#gm-active-filters");

  function read() {
    const next = { ...filters };
    for (const key of CHECKBOX_FACETS) {
      next[key] = [...form.querySelectorAll(`input[name="${key}"]:checked`)].map((i) => i.value);
    }
    next.q = q.value.trim();
    next.year_min = yearMin.value.trim();
    next.year_max = yearMax.value.trim();
    next.precision_max = precision.value;
    return next;
  }

  function emit(next) {
    onChange(next);
  }

  form.addEventListener("change", (e) => {
    if (e.target === q) return; // the search box has its own (debounced) handler
    emit(read());
  });
  const searchLater = debounce(() => emit(read()), 400);
  q.addEventListener("input", searchLater);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    emit(read());
  });
  form.querySelector("#gm-reset").addEventListener("click", () => emit(emptyFilters()));

  function option(facet, item) {
    const id = `gm-opt-${facet}-${item.value}`;
    const swatch = SWATCH[facet]
      ? h("span", { class: "gm-swatch", style: `background:${SWATCH[facet](item.value)}`, "aria-hidden": "true" })
      : null;
    return h("label", { class: "gm-option", for: id, dataset: { value: item.value } },
      h("input", { type: "checkbox", id, name: facet, value: item.value }),
      swatch,
      h("span", { class: "gm-option-label" }, item.label || item.value),
      h("span", { class: "gm-count", "aria-label": `${item.count} matching` }, String(item.count)));
  }

  function renderOptions(facet, items) {
    const box = form.querySelector(`[data-facet="${facet}"]`);
    const key = items.map((i) => i.value).join("|");
    if (rendered[facet] !== key) {
      clear(box);
      if (facet === "pillar") {
        // Pillars grouped under their document, oldest document first as the API orders them.
        const groups = new Map();
        for (const item of items) {
          const name = item.document_short || item.document || "";
          if (!groups.has(name)) groups.set(name, []);
          groups.get(name).push(item);
        }
        for (const [name, group] of groups) {
          box.append(h("div", { class: "gm-option-group", role: "group", "aria-label": name },
            h("p", { class: "gm-option-group-title" }, name),
            group.map((item) => option(facet, item))));
        }
      } else {
        box.append(...items.map((item) => option(facet, item)));
      }
      rendered[facet] = key;
    }
    for (const item of items) {
      const el = box.querySelector(`label[data-value="${CSS.escape(item.value)}"]`);
      el.querySelector(".gm-count").textContent = String(item.count);
      el.querySelector(".gm-count").setAttribute("aria-label", `${item.count} matching`);
      el.classList.toggle("gm-zero", item.count === 0);
    }
  }

  function renderPrecision(items) {
    // precision_max keeps everything at or below the choice, so each option shows a running total.
    const current = filters.precision_max;
    clear(precision);
    precision.append(h("option", { value: "" }, "Any precision"));
    let running = 0;
    for (const item of [...items].sort((a, b) => a.value - b.value)) {
      running += item.count;
      precision.append(h("option", { value: String(item.value) },
        `Up to ${item.value} – ${item.label || ""} (${running})`));
    }
    precision.value = current;
  }

  function setFacets(facets) {
    for (const facet of CHECKBOX_FACETS) {
      const items = facets[facet] || [];
      labels[facet] = Object.fromEntries(items.map((i) => [i.value, i.label || i.value]));
      renderOptions(facet, items);
    }
    for (const item of facets.pillar || []) documents[item.document] = item.document_short || item.document;
    labels.document = documents;
    const years = (facets.year || []).map((y) => Number(y.value)).filter(Number.isFinite);
    if (years.length) {
      const lo = Math.min(...years);
      const hi = Math.max(...years);
      for (const input of [yearMin, yearMax]) {
        input.min = String(lo);
        input.max = String(hi);
      }
      yearMin.placeholder = String(lo);
      yearMax.placeholder = String(hi);
    }
    if (facets.precision) renderPrecision(facets.precision);
    syncInputs();
  }

  function syncInputs() {
    for (const key of CHECKBOX_FACETS) {
      for (const input of form.querySelectorAll(`input[name="${key}"]`)) {
        input.checked = filters[key].includes(input.value);
      }
    }
    if (document.activeElement !== q) q.value = filters.q;
    yearMin.value = filters.year_min;
    yearMax.value = filters.year_max;
    precision.value = filters.precision_max;
    renderChips();
  }

  function renderChips() {
    clear(chips);
    const active = [];
    for (const key of MULTI) {
      for (const value of filters[key]) active.push({ key, value, text: (labels[key] || {})[value] || value });
    }
    if (filters.year_min || filters.year_max) {
      active.push({ key: "year", text: `${filters.year_min || "…"}–${filters.year_max || "…"}` });
    }
    if (filters.precision_max) active.push({ key: "precision_max", text: `precision ≤ ${filters.precision_max}` });
    if (filters.q) active.push({ key: "q", text: `“${filters.q}”` });
    if (filters.bbox) active.push({ key: "bbox", text: "map area" });
    chips.hidden = active.length === 0;
    for (const chip of active) {
      chips.append(h("button", {
        type: "button",
        class: "gm-chip",
        title: "Remove this filter",
        "aria-label": `Remove filter ${chip.text}`,
        onclick: () => emit(without(filters, chip)),
      }, chip.text, h("span", { "aria-hidden": "true" }, " ×")));
    }
  }

  function setFilters(next) {
    filters = { ...next };
    syncInputs();
  }

  function showError(error) {
    clearError();
    errorBox.textContent = error.message;
    errorBox.hidden = false;
    const param = error.parameter && CSS.escape(error.parameter);
    // The input itself when there is one (year_min), else its group (a list of checkboxes).
    const field = param && (form.querySelector(`input[data-param="${param}"], select[data-param="${param}"]`) ||
      form.querySelector(`fieldset[data-param~="${param}"]`));
    if (field) {
      field.setAttribute("aria-invalid", "true");
      // The message goes next to the field, and both into view (the form scrolls inside the sidebar).
      const details = field.closest("details");
      if (details) {
        details.open = true;
        const group = details.querySelector("summary")?.firstChild?.textContent.trim();
        if (group) errorBox.textContent = `${group}: ${error.message}`;
      }
      (field.closest("fieldset") || field).after(errorBox);
      field.setAttribute("aria-describedby", errorBox.id);
    } else {
      form.prepend(errorBox);
    }
    errorBox.scrollIntoView({ block: "nearest" });
  }

  function clearError() {
    errorBox.hidden = true;
    errorBox.textContent = "";
    for (const el of form.querySelectorAll("[aria-invalid]")) {
      el.removeAttribute("aria-invalid");
      el.removeAttribute("aria-describedby");
    }
  }

  return { setFacets, setFilters, showError, clearError, labels };
}

function without(filters, chip) {
  const next = { ...filters };
  if (chip.key === "year") {
    next.year_min = "";
    next.year_max = "";
  } else if (Array.isArray(next[chip.key])) {
    next[chip.key] = next[chip.key].filter((v) => v !== chip.value);
  } else {
    next[chip.key] = "";
  }
  return next;
}
