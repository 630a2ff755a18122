// The embed view's popup: the essentials of a feature and links that leave the iframe.
import { h, paragraphRef } from "./dom.js";

const QUOTE_LENGTH = 240;

export function popupContent(props, { kind, fullMapUrl }) {
  const source = (props.sources || [])[0];
  const quote = source && source.text.length > QUOTE_LENGTH ? `${source.text.slice(0, QUOTE_LENGTH)}…` : source?.text;
  return h("div", { class: "gm-popup" },
    h("p", { class: "gm-kicker" }, kind === "project" ? props.sector_label || "Project" : "Corridor"),
    h("p", { class: "gm-popup-title" }, props.name),
    source ? h("blockquote", {}, quote) : null,
    source ? h("p", { class: "gm-cite" }, h("a", { href: source.url, target: "_blank", rel: "noopener" },
      paragraphRef(source))) : null,
    h("p", {}, h("a", { href: fullMapUrl, target: "_blank", rel: "noopener" }, "Open in the full map")));
}
