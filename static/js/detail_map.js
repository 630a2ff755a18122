// The small map of a detail page: the feature (GeoJSON embedded in the page by the server) over
// the offline basemap's country outlines and rivers. django-leaflet calls gmShowFeature once the
// map exists; there are no tiles.
window.gmShowFeature = function (map) {
  var data = document.getElementById("feature-geojson");
  var color = data.dataset.color;

  function context(url, style) {
    // Context only: the page works without it.
    fetch(url).then(function (r) { return r.json(); }).then(function (layer) {
      L.geoJSON(layer, {style: style, interactive: false}).addTo(map).bringToBack();
    }).catch(function () {});
  }
  context(data.dataset.rivers, {color: "#6aa6d6", weight: 1.5});
  context(data.dataset.countries, {color: "#777", weight: 1, fill: false});

  var layer = L.geoJSON(JSON.parse(data.textContent), {
    style: {color: color, weight: 4},
    pointToLayer: function (feature, latlng) {
      return L.circleMarker(latlng, {radius: 8, color: color, fillOpacity: 0.7});
    }
  }).addTo(map);
  map.fitBounds(layer.getBounds().pad(0.5), {maxZoom: 9});
};
