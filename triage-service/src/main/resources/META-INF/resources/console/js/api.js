// Calling the services' staff APIs as the signed-in user.

import { accessToken, signIn } from './auth.js';
import { config } from './config.js';

export { config };

const SERVICES = new Set(['triage', 'intake', 'notify', 'advisory']);

/** A non-2xx answer, with its RFC 9457 problem detail (every Embargo error is one). */
export class ProblemError extends Error {
  constructor(problem) {
    super(problem.detail || problem.title || `HTTP ${problem.status}`);
    this.name = 'ProblemError';
    this.problem = problem;
    this.status = problem.status;
    this.title = problem.title;
    this.detail = problem.detail;
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
  }

  static async from(response) {
    const type = response.headers.get('Content-Type') ?? '';
    let problem = null;
    if (type.includes('json')) {
      problem = await response.json().catch(() => null);
    }
    if (!problem || typeof problem !== 'object') {
      problem = { status: response.status, title: response.statusText || 'Error', detail: `The service answered HTTP ${response.status}.` };
    }
    problem.status ??= response.status;
    return new ProblemError(problem);
  }
}

function isJsonBody(body) {
  return body !== null && typeof body === 'object' && !(body instanceof FormData) && !(body instanceof Blob)
    && !(body instanceof URLSearchParams) && !(body instanceof ArrayBuffer) && !ArrayBuffer.isView(body);
}

/**
 * Calls a service's API: api('triage', '/api/v1/cases?state=new'). A plain object body is sent as
 * JSON. Resolves to the parsed JSON (null for 204), or the Response itself with { raw: true }.
 * Rejects with ProblemError for non-2xx answers; a 401 sends the user to sign in again.
 */
export async function api(service, path, { method = 'GET', body, headers, raw = false } = {}) {
  if (!SERVICES.has(service)) throw new Error(`Unknown service '${service}'.`);
  const base = (await config()).services[service] ?? '';
  const requestHeaders = new Headers(headers);
  requestHeaders.set('Authorization', `Bearer ${await accessToken()}`);
  let payload = body;
  if (isJsonBody(body)) {
    payload = JSON.stringify(body);
    requestHeaders.set('Content-Type', 'application/json');
  }
  if (!raw && !requestHeaders.has('Accept')) requestHeaders.set('Accept', 'application/json');
  let response;
  try {
    response = await fetch(`${base}${path}`, { method, headers: requestHeaders, body: payload, credentials: 'omit', cache: 'no-store' });
  } catch {
    throw new ProblemError({ status: 0, title: 'Service unreachable', detail: `The ${service} service cannot be reached.` });
  }
  if (response.status === 401) {
    await signIn({ again: true });
  }
  if (!response.ok) throw await ProblemError.from(response);
  if (raw) return response;
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') ?? '';
  return type.includes('json') ? response.json() : response.text();
}
