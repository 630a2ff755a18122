// Fetching the map API; a 400 carries {"error", "parameter"} that the panel shows next to the field.
// Every URL the map requests comes from endpoints(): the page's data-*-url attributes, which the
// template fills with Django's reverse(), so no module types an API path.

export class ApiError extends Error {
  constructor(message, { parameter = null, status = 0 } = {}) {
    super(message);
    this.parameter = parameter;
    this.status = status;
  }
}

export async function getJSON(url, { signal } = {}) {
  let response;
  try {
    response = await fetch(url, { signal, headers: { Accept: "application/json" } });
  } catch (error) {
    if (error.name === "AbortError") throw error;
    throw new ApiError("The server could not be reached.");
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const message = (body && body.error) || `The server answered ${response.status}.`;
    throw new ApiError(message, { parameter: body && body.parameter, status: response.status });
  }
  return body;
}

export function withQuery(base, query) {
  return query ? `${base}?${query}` : base;
}

const slugged = (template) => (slug) => template.replace("__slug__", encodeURIComponent(slug));

export function endpoints(dataset) {
  return {
    projects: dataset.projectsUrl,
    corridors: dataset.corridorsUrl,
    facets: dataset.facetsUrl,
    map: dataset.mapUrl,
    embed: dataset.embedUrl,
    basemap: (layer) => dataset.basemapUrl.replace("__layer__", layer),
    near: dataset.nearUrl,
    alongCorridor: slugged(dataset.alongUrl || ""),
    corridorProfile: slugged(dataset.profileUrl || ""),
  };
}
