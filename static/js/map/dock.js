// The map's overlays make room for each other: the toolbar is a row across the top of the map, and
// Leaflet's corners start below it (--gm-top-inset); the left corner is one column (zoom, "Along a
// corridor", legend, see map.css) whose folding boxes shrink and scroll inside it, so no overlay ever
// covers another. On a narrow map, opening one folding box folds the others. padding() and
// popupOptions() keep features and popups out from under the open overlays.
/* global L */

const GAP = 10;

export function createDock(map, { toolbar, phone }) {
  const mapEl = map.getContainer();
  const leftColumn = mapEl.querySelector(".leaflet-top.leaflet-left");
  const rightColumn = mapEl.querySelector(".leaflet-top.leaflet-right");
  const folding = () => [...leftColumn.querySelectorAll("details.gm-overlay")];

  function topInset() {
    if (!toolbar) return 0;
    const bar = toolbar.getBoundingClientRect();
    return bar.height ? Math.ceil(bar.bottom - mapEl.getBoundingClientRect().top) : 0;
  }

  function layout() {
    mapEl.style.setProperty("--gm-top-inset", `${topInset()}px`);
  }
  if (toolbar) new ResizeObserver(layout).observe(toolbar);
  new ResizeObserver(layout).observe(mapEl);
  layout();

  for (const box of folding()) {
    box.addEventListener("toggle", () => {
      if (box.open && (phone.matches || mapEl.offsetWidth < 560)) {
        for (const other of folding()) if (other !== box) other.open = false;
      }
    });
  }

  // The width the left column covers (only when it holds an open box) and the right column's.
  function sides() {
    const mapBox = mapEl.getBoundingClientRect();
    const right = (el) => Math.max(0, ...[...el.children].map((c) => c.getBoundingClientRect().right - mapBox.left));
    const left = folding().some((d) => d.open) ? right(leftColumn) : 0;
    const rightSide = Math.max(0, ...[...rightColumn.children].map((c) => mapBox.right - c.getBoundingClientRect().left));
    return { left, right: rightSide };
  }

  return {
    // fitBounds/zoomTo padding: features land in the part of the map no overlay covers.
    padding({ bottomInset = 0 } = {}) {
      const { left, right } = sides();
      const wide = mapEl.offsetWidth - left - right > 240; // a narrow map keeps its width for the data
      return {
        paddingTopLeft: L.point((wide ? left : 0) + GAP * 3, topInset() + GAP * 3),
        paddingBottomRight: L.point(right + GAP * 3, bottomInset + GAP * 4),
      };
    },
    // Popups no taller than the free map and panned clear of the toolbar.
    popupOptions() {
      return {
        maxHeight: Math.max(120, mapEl.offsetHeight - topInset() - 80),
        autoPanPaddingTopLeft: L.point(GAP * 2, topInset() + GAP * 2),
        autoPanPaddingBottomRight: L.point(GAP * 2, GAP * 3),
      };
    },
  };
}
