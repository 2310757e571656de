// The public API, from the pages' side. Every request stays on this origin, carries no cookies
// (there are none) and sends the reporter token, when there is one, as a bearer header only.

/** An answer other than 2xx, with its RFC 9457 problem (detail, field errors) when it has one. */
export class ApiProblem extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `The server answered ${status}.`);
    this.status = status;
    this.problem = problem ?? {};
  }

  /** The field errors ({field, message}) of a 400 or 422. */
  get fieldErrors() {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }

  /** The last part of the problem's type, e.g. "unknown-program"; "" for about:blank. */
  get kind() {
    const type = this.problem.type ?? '';
    return type.startsWith('https://embargo.dev/problems/') ? type.slice(type.lastIndexOf('/') + 1) : '';
  }

  /** Whether the server refused the files (how many, how large, their type), not the text. */
  get aboutAttachments() {
    return ['too-many-attachments', 'attachment-too-large', 'unsupported-attachment', 'empty-attachment'].includes(this.kind);
  }

  /** What to tell the reader. */
  get explanation() {
    if (this.status === 0) {
      return 'The server cannot be reached. Check your connection and try again.';
    }
    if (this.status === 429) {
      return this.problem.detail || 'Too many requests: wait a minute and try again.';
    }
    if (this.status >= 500) {
      return `Something went wrong on our side. ${this.problem.detail ?? ''}`.trim();
    }
    return this.message;
  }
}

function headers(token) {
  const all = { Accept: 'application/json' };
  if (token) {
    all.Authorization = `Bearer ${token}`;
  }
  return all;
}

async function parsed(response) {
  const text = await response.text();
  if (!text) {
    return null;
  }
  try {
    return JSON.parse(text);
  } catch {
    return { detail: text.slice(0, 300) };
  }
}

/** GET a JSON resource; rejects with an ApiProblem. */
export function getJson(path, { token } = {}) {
  return jsonRequest(path, 'GET', token);
}

/** POST without a body (an action such as replacing the token); resolves with the JSON answer, rejects with an ApiProblem. */
export function post(path, { token } = {}) {
  return jsonRequest(path, 'POST', token);
}

/** POST a JSON body; resolves with the JSON answer, rejects with an ApiProblem. */
export function postJson(path, body, { token } = {}) {
  return jsonRequest(path, 'POST', token, body);
}

/** A request answered with JSON, with a JSON body when one is given; an unreachable server is status 0. */
async function jsonRequest(path, method, token, body) {
  let response;
  const sent = body === undefined ? {} : { body: JSON.stringify(body) };
  const withType = body === undefined ? headers(token) : { ...headers(token), 'Content-Type': 'application/json' };
  try {
    response = await fetch(path, { method, headers: withType, credentials: 'omit', cache: 'no-store', ...sent });
  } catch {
    throw new ApiProblem(0, null);
  }
  const answer = await parsed(response);
  if (!response.ok) {
    throw new ApiProblem(response.status, answer);
  }
  return answer;
}

/** GET a file as a Blob, with the token; rejects with an ApiProblem. */
export async function getBlob(path, { token } = {}) {
  let response;
  try {
    response = await fetch(path, { headers: { Authorization: `Bearer ${token}` }, credentials: 'omit', cache: 'no-store' });
  } catch {
    throw new ApiProblem(0, null);
  }
  if (!response.ok) {
    throw new ApiProblem(response.status, await parsed(response));
  }
  return response.blob();
}

/**
 * POSTs a multipart/form-data body with XMLHttpRequest, whose upload reports its progress
 * (fetch cannot); onProgress gets (sentBytes, totalBytes). Resolves with the JSON answer.
 */
export function postMultipart(path, form, { token, onProgress } = {}) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    for (const [name, value] of Object.entries(headers(token))) {
      request.setRequestHeader(name, value);
    }
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && onProgress) {
        onProgress(event.loaded, event.total);
      }
    });
    request.addEventListener('load', () => {
      let body = null;
      try {
        body = request.responseText ? JSON.parse(request.responseText) : null;
      } catch {
        body = { detail: request.responseText.slice(0, 300) };
      }
      if (request.status >= 200 && request.status < 300) {
        resolve(body);
      } else {
        reject(new ApiProblem(request.status, body));
      }
    });
    request.addEventListener('error', () => reject(new ApiProblem(0, null)));
    request.addEventListener('abort', () => reject(new ApiProblem(0, { detail: 'The upload was interrupted.' })));
    request.send(form);
  });
}

/** What a report and a message may hold, as intake checks it (GET /api/v1/reports/limits). */
export function limits() {
  return getJson('/api/v1/reports/limits');
}

/** A program and its policy; an ApiProblem with status 404 when there is none. */
export function program(slug) {
  return getJson(`/api/v1/programs/${encodeURIComponent(slug)}`);
}
