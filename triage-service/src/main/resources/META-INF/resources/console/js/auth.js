// Signing staff in with Keycloak: OpenID Connect authorization code flow with PKCE (S256), by
// hand. Tokens live in sessionStorage (this tab only, gone when it closes), never in cookies.

import { config } from './config.js';

const TOKENS = 'embargo.console.tokens';
const PENDING = 'embargo.console.sign-in';
const REFRESH_AHEAD_MS = 30_000;

/** Who is signed in, from the access token. */
export const session = {
  username: null,
  roles: new Set(),
  /** Whether the user has any of the roles. */
  hasRole(...roles) {
    return roles.some((role) => this.roles.has(role));
  },
};

let refreshing = null;
let refreshTimer = null;

async function endpoints() {
  const { keycloakUrl, realm, clientId } = await config();
  const base = `${keycloakUrl}/realms/${encodeURIComponent(realm)}/protocol/openid-connect`;
  return { clientId, auth: `${base}/auth`, token: `${base}/token`, logout: `${base}/logout` };
}

/** Where Keycloak sends the browser back: the console itself, without query or fragment. */
function redirectUri() {
  return `${location.origin}${location.pathname}`;
}

function base64Url(bytes) {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString() {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

/** The claims of a JWT, undecoded signature and all: the services verify tokens, the console only reads them. */
function claims(jwt) {
  const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(payload.padEnd(payload.length + ((4 - (payload.length % 4)) % 4), '=')),
    (char) => char.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

function stored() {
  try {
    return JSON.parse(sessionStorage.getItem(TOKENS));
  } catch {
    return null;
  }
}

function store(response) {
  const now = Date.now();
  const tokens = {
    accessToken: response.access_token,
    refreshToken: response.refresh_token,
    idToken: response.id_token ?? stored()?.idToken,
    expiresAt: now + response.expires_in * 1000,
    refreshExpiresAt: response.refresh_expires_in ? now + response.refresh_expires_in * 1000 : null,
  };
  sessionStorage.setItem(TOKENS, JSON.stringify(tokens));
  fill(tokens);
  scheduleRefresh(tokens);
  return tokens;
}

function forget() {
  sessionStorage.removeItem(TOKENS);
  clearTimeout(refreshTimer);
  session.username = null;
  session.roles = new Set();
}

function fill(tokens) {
  const access = claims(tokens.accessToken);
  session.username = access.preferred_username ?? access.sub;
  // Triage reads roles from realm_access/roles (quarkus.oidc.roles.role-claim-path).
  session.roles = new Set(access.realm_access?.roles ?? []);
}

function scheduleRefresh(tokens) {
  clearTimeout(refreshTimer);
  const lifetime = tokens.expiresAt - Date.now();
  const delay = Math.max(lifetime - Math.min(REFRESH_AHEAD_MS, lifetime / 4), 0);
  // In the background a failed refresh only waits: the next call to an API signs in again, so a
  // half-written reply is not lost to a redirect nobody asked for.
  refreshTimer = setTimeout(() => refresh({ quiet: true }).catch(() => {}), delay);
}

async function tokenRequest(parameters) {
  const { token } = await endpoints();
  const response = await fetch(token, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(parameters),
    credentials: 'omit',
    cache: 'no-store',
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(body.error_description || body.error || `Keycloak answered ${response.status}.`);
  }
  return body;
}

/** Renews the tokens with the refresh token (once at a time); a failed refresh signs in again unless quiet. */
function refresh({ quiet = false } = {}) {
  refreshing ??= (async () => {
    const tokens = stored();
    try {
      if (!tokens?.refreshToken || (tokens.refreshExpiresAt && tokens.refreshExpiresAt <= Date.now())) {
        throw new Error('The session has ended.');
      }
      const { clientId } = await endpoints();
      return store(await tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refreshToken, client_id: clientId }));
    } catch (error) {
      if (quiet) throw error;
      forget();
      await redirectToKeycloak();
      throw error;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

async function redirectToKeycloak() {
  const { auth, clientId } = await endpoints();
  const verifier = randomString();
  const challenge = base64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  const pending = { state: randomString(), nonce: randomString(), verifier, redirectUri: redirectUri(), returnTo: location.hash };
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  const query = new URLSearchParams({
    client_id: clientId,
    redirect_uri: pending.redirectUri,
    response_type: 'code',
    response_mode: 'query',
    scope: 'openid',
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  location.assign(`${auth}?${query}`);
  return new Promise(() => {}); // the page is leaving
}

/** Finishes a sign-in Keycloak sent the browser back from: checks state and nonce, trades the code for tokens. */
async function completeSignIn(query) {
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null');
  sessionStorage.removeItem(PENDING);
  const returnTo = pending?.returnTo ?? '';
  history.replaceState(null, '', `${location.pathname}${returnTo}`);
  if (query.has('error')) {
    throw new Error(`Keycloak did not sign you in: ${query.get('error_description') || query.get('error')}.`);
  }
  if (!pending || query.get('state') !== pending.state) {
    throw new Error('The sign-in answer does not belong to this tab (state mismatch). Sign in again.');
  }
  const { clientId } = await endpoints();
  const response = await tokenRequest({
    grant_type: 'authorization_code',
    code: query.get('code'),
    redirect_uri: pending.redirectUri,
    client_id: clientId,
    code_verifier: pending.verifier,
  });
  if (!response.id_token || claims(response.id_token).nonce !== pending.nonce) {
    throw new Error('The ID token does not carry this sign-in\'s nonce. Sign in again.');
  }
  store(response);
}

/**
 * Makes sure someone is signed in and fills `session`: finishes a sign-in Keycloak redirected
 * back from (code and state in the URL), else uses this tab's tokens, else goes to Keycloak's
 * sign-in page. With { again: true } the tab's tokens are dropped first (the API refused them).
 * Resolves to `session`; rejects when a sign-in fails (the caller shows why).
 */
export async function signIn({ again = false } = {}) {
  if (again) forget();
  const query = new URLSearchParams(location.search);
  if (query.has('state') && (query.has('code') || query.has('error'))) {
    await completeSignIn(query);
    return session;
  }
  const tokens = stored();
  if (tokens && tokens.expiresAt - Date.now() > REFRESH_AHEAD_MS) {
    fill(tokens);
    scheduleRefresh(tokens);
    return session;
  }
  if (tokens?.refreshToken) {
    await refresh();
    return session;
  }
  return redirectToKeycloak();
}

/** Whether the user has just signed out (Keycloak sent the browser back with ?signed-out). */
export function signedOut() {
  return new URLSearchParams(location.search).has('signed-out');
}

/** A valid access token, renewed first when it expires within half a minute. */
export async function accessToken() {
  const tokens = stored();
  if (!tokens) {
    await signIn();
    return stored().accessToken;
  }
  if (tokens.expiresAt - Date.now() <= REFRESH_AHEAD_MS) {
    return (await refresh()).accessToken;
  }
  return tokens.accessToken;
}

/** Ends the Keycloak session too, and comes back to the console's signed-out page. */
export async function signOut() {
  const tokens = stored();
  forget();
  const { logout, clientId } = await endpoints();
  const query = new URLSearchParams({ client_id: clientId, post_logout_redirect_uri: `${redirectUri()}?signed-out` });
  if (tokens?.idToken) query.set('id_token_hint', tokens.idToken);
  location.assign(`${logout}?${query}`);
}
