// Export menu (one entry per format, so more formats are one line each) and the share/embed dialog.
import { clear, h } from "./dom.js";
import { withQuery } from "./api.js";

export function exportFormats() {
  // Every format from /export/ (same filters; GeoJSON with its metadata member; the file name says
  // what was filtered and when).
  return [
    ["geojson", "GeoJSON (.geojson)"],
    ["gpkg", "GeoPackage (.gpkg)"],
    ["zip", "Shapefile (.zip)"],
    ["csv", "CSV with WKT (.csv)"],
    ["kml", "KML (.kml)"],
  ].map(([id, label]) => ({ id, label, href: (query) => withQuery(`/export/projects.${id}`, query) }));
}

export function createExportMenu(wrapper, formats) {
  const button = wrapper.querySelector("button");
  const menu = wrapper.querySelector("[role=menu]");
  clear(menu);
  const links = formats.map((format) => {
    const a = h("a", { role: "menuitem", href: "#", download: "", dataset: { format: format.id } }, format.label);
    menu.append(h("li", { role: "none" }, a));
    return [format, a];
  });
  const items = () => [...menu.querySelectorAll("[role=menuitem]")];

  function setOpen(open, { focusFirst = false } = {}) {
    menu.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
    if (open && focusFirst) items()[0]?.focus();
  }

  button.addEventListener("click", () => setOpen(menu.hidden, { focusFirst: true }));
  menu.addEventListener("keydown", (e) => {
    const list = items();
    const i = list.indexOf(document.activeElement);
    if (e.key === "ArrowDown") list[(i + 1) % list.length].focus();
    else if (e.key === "ArrowUp") list[(i - 1 + list.length) % list.length].focus();
    else if (e.key === "Escape") {
      setOpen(false);
      button.focus();
    } else return;
    e.preventDefault();
  });
  menu.addEventListener("click", () => setOpen(false));
  document.addEventListener("click", (e) => {
    if (!wrapper.contains(e.target)) setOpen(false);
  });

  return {
    update(query) {
      for (const [format, a] of links) a.href = format.href(query);
    },
  };
}

async function copy(field, status) {
  try {
    await navigator.clipboard.writeText(field.value);
  } catch {
    field.select(); // no clipboard permission: leave the text selected for Ctrl+C
  }
  status.textContent = "Copied.";
  setTimeout(() => {
    status.textContent = "";
  }, 2500);
}

export function createShareDialog(dialog, opener, { mapUrl, embedUrl }) {
  const link = dialog.querySelector("#gm-share-link");
  const snippet = dialog.querySelector("#gm-share-snippet");
  const status = dialog.querySelector("#gm-share-status");
  opener.addEventListener("click", () => dialog.showModal());
  dialog.querySelector("#gm-share-close").addEventListener("click", () => dialog.close());
  dialog.querySelector("#gm-copy-link").addEventListener("click", () => copy(link, status));
  dialog.querySelector("#gm-copy-snippet").addEventListener("click", () => copy(snippet, status));

  return {
    update(query, focus) {
      const origin = window.location.origin;
      link.value = origin + withQuery(mapUrl, [query, focus ? `focus=${encodeURIComponent(focus)}` : ""]
        .filter(Boolean).join("&"));
      const src = origin + withQuery(embedUrl, query);
      snippet.value =
        `<iframe src="${src.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}" title="GeoMekong map of Japan–Mekong cooperation" ` +
        'width="800" height="500" style="border:0" loading="lazy"></iframe>';
    },
  };
}
