// Projects per year of the documents that name them ("named in", not project dates), stacked by
// funding type: plain SVG, redrawn on every filter change.
import { clear, h, s } from "./dom.js";
import { fundingColor } from "./styles.js";

const W = 300;
const H = 110;
const PAD = { top: 8, right: 6, bottom: 18, left: 22 };

export function renderYearChart(container, { rows, fundingOrder, labels }) {
  clear(container);
  const data = (rows || []).filter((r) => Object.values(r.funding || {}).some((n) => n > 0));
  if (!data.length) {
    container.append(h("p", { class: "gm-chart-empty" }, "No dated projects match."));
    return;
  }
  const byYear = new Map(data.map((r) => [Number(r.year), r.funding]));
  const years = [...byYear.keys()];
  const first = Math.min(...years);
  const last = Math.max(...years);
  const span = [];
  for (let y = first; y <= last; y += 1) span.push(y);

  const codes = fundingOrder.filter((c) => data.some((r) => (r.funding[c] || 0) > 0));
  for (const r of data) for (const c of Object.keys(r.funding)) if (!codes.includes(c)) codes.push(c);

  const totals = span.map((y) => codes.reduce((sum, c) => sum + ((byYear.get(y) || {})[c] || 0), 0));
  const max = Math.max(1, ...totals);
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const band = innerW / span.length;
  const barW = Math.max(2, Math.min(22, band * 0.72));
  const yScale = (n) => (n / max) * innerH;

  const svg = s("svg", {
    viewBox: `0 0 ${W} ${H}`,
    role: "img",
    "aria-label": `Matching projects by year of the documents naming them, ${first} to ${last}, stacked by funding type`,
    class: "gm-chart-svg",
  });
  svg.append(
    s("line", { x1: PAD.left, x2: W - PAD.right, y1: H - PAD.bottom, y2: H - PAD.bottom, class: "gm-axis" }),
    s("text", { x: PAD.left - 4, y: PAD.top + 4, class: "gm-tick", "text-anchor": "end" }, String(max)),
    s("text", { x: PAD.left - 4, y: H - PAD.bottom, class: "gm-tick", "text-anchor": "end" }, "0"),
  );

  const labelEvery = Math.ceil(span.length / 6);
  span.forEach((year, i) => {
    const x = PAD.left + i * band + (band - barW) / 2;
    let y = H - PAD.bottom;
    const counts = byYear.get(year) || {};
    for (const code of codes) {
      const n = counts[code] || 0;
      if (!n) continue;
      const height = yScale(n);
      y -= height;
      svg.append(
        s("rect", { x, y, width: barW, height, fill: fundingColor(code), class: "gm-bar" },
          s("title", {}, `${year} · ${labels[code] || code}: ${n}`)),
      );
    }
    if (i % labelEvery === 0 || year === last) {
      svg.append(s("text", { x: x + barW / 2, y: H - 5, class: "gm-tick", "text-anchor": "middle" }, String(year)));
    }
  });
  container.append(svg);

  container.append(
    h("ul", { class: "gm-chart-legend" },
      codes.map((code) => h("li", {},
        h("span", { class: "gm-swatch", style: `background:${fundingColor(code)}` }),
        labels[code] || code))),
  );
}
