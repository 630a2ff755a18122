// The admin's map widgets (django-leaflet) draw features on our offline basemap: country
// outlines, rivers and the main places from /basemap/<layer>.geojson; no tiles, no internet.
/* global L */
(function () {
  "use strict";
  var STYLES = {
    countries: { color: "#8a8f98", weight: 1, fillColor: "#f3efe6", fillOpacity: 1 },
    rivers: { color: "#7fb2d9", weight: 1.2 },
    lakes: { color: "#7fb2d9", weight: 1, fillColor: "#cfe3f3", fillOpacity: 1 },
  };

  // One pane below Leaflet's overlay pane (400) holds the basemap, so the edited feature stays on top.
  var PANE = "gm-admin-base";

  function addLayer(map, name, options) {
    return fetch("/basemap/" + name + ".geojson")
      .then(function (response) { return response.json(); })
      .then(function (data) {
        return L.geoJSON(data, Object.assign({ interactive: false, pane: PANE }, options)).addTo(map);
      });
  }

  function places(map) {
    return addLayer(map, "places", {
      filter: function (feature) { return (feature.properties.scalerank || 10) <= 4; },
      pointToLayer: function (feature, latlng) {
        return L.circleMarker(latlng, { radius: 2, color: "#555", weight: 1, interactive: false, pane: PANE })
          .bindTooltip(feature.properties.name || "", { permanent: true, direction: "right",
                                                         className: "gm-admin-place" });
      },
    });
  }

  // The widget fits the map to the feature (a point: street level); start at town level instead
  // so the curator sees the rivers and places around it, then zoom in to place it exactly.
  var START_ZOOM = 9;

  window.addEventListener("map:init", function (event) {
    var map = event.detail.map;
    var container = map.getContainer();
    map.once("map:loadfield", function () {
      setTimeout(function () { if (map.getZoom() > START_ZOOM) map.setZoom(START_ZOOM, { animate: false }); }, 0);
    });
    map.createPane(PANE).style.zIndex = "250";
    // In drawing order: land, then water, then the places.
    addLayer(map, "countries", { style: STYLES.countries })
      .then(function () { return addLayer(map, "lakes", { style: STYLES.lakes }); })
      .then(function () { return addLayer(map, "rivers", { style: STYLES.rivers }); })
      .then(function () { return places(map); })
      .then(function () { container.dataset.basemap = "ready"; })
      .catch(function (error) { container.dataset.basemap = "failed: " + error; });
  });
})();
