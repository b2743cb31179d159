// Talks to the Cairn HTTP API: the bearer token, JSON in and out, errors as ApiError.

const TOKEN_KEY = 'cairn.console.token';

/** An answer of the API that is not a success, with the server's error code and message. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  get unauthorized() { return this.status === 401; }
  get forbidden() { return this.status === 403; }
}

/** The server could not be reached at all (stopped, network down). */
export class UnreachableError extends Error {}

export const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (value) => sessionStorage.setItem(TOKEN_KEY, value),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

async function call(method, path, body) {
  const headers = { Accept: 'application/json' };
  const bearer = token.get();
  if (bearer) {
    headers.Authorization = `Bearer ${bearer}`;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      credentials: 'omit',
    });
  } catch (cause) {
    throw new UnreachableError(`The Cairn server does not answer (${cause.message}). Is it still running?`);
  }
  const json = await response.json().catch(() => null);
  if (!response.ok) {
    const error = json && json.error;
    throw new ApiError(response.status,
        error?.code ?? `HTTP_${response.status}`,
        error?.message ?? `The server answered ${response.status} ${response.statusText}.`);
  }
  return json;
}

export const api = {
  get: (path) => call('GET', path),
  post: (path, body) => call('POST', path, body ?? {}),
};

/** The path segment of a version, for URLs such as /migrations/execute/2.1. */
export const versionPath = (version) => encodeURIComponent(version);
