// Fetching the map API; a 400 carries {"error", "parameter"} that the panel shows next to the field.

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
