// Signing staff in with Keycloak's own adapter, keycloak-js (bundled into vendor/ at build time): the
// authorization code flow with PKCE S256, state and nonce checked by the adapter. Tokens stay in this
// page's memory, never in storage or cookies; a reload passes through Keycloak again, without a
// prompt while its session lasts.

import Keycloak from '../vendor/keycloak.js';
import { config } from './config.js';

/** An access token with less validity left than this is renewed before it is sent. */
const MIN_VALIDITY_SECONDS = 30;

let keycloak = null;
let signingIn = null;

/** Who is signed in, from the access token. */
export const session = {
  get username() {
    return keycloak?.tokenParsed?.preferred_username ?? keycloak?.subject ?? null;
  },
  /** Whether the user has any of the roles (realm_access.roles, as triage reads them). */
  hasRole(...roles) {
    return roles.some((role) => keycloak?.hasRealmRole(role) ?? false);
  },
};

async function start() {
  const { keycloakUrl, realm, clientId } = await config();
  const adapter = new Keycloak({ url: keycloakUrl, realm, clientId });
  // Renewing when the access token expires, API call or not, keeps Keycloak's session alive while a
  // long reply is being written. A session Keycloak has ended sends the browser to sign in again.
  adapter.onTokenExpired = () => adapter.updateToken(MIN_VALIDITY_SECONDS).catch(() => {});
  try {
    // No session-status iframe: it would need frame-src and third-party cookies in the policy.
    await adapter.init({ onLoad: 'login-required', pkceMethod: 'S256', checkLoginIframe: false });
  } catch (error) {
    // Keycloak's own refusal arrives as { error, error_description }, anything else as an Error.
    const reason = error?.error_description || error?.error || error?.message || String(error);
    throw new Error(`Keycloak did not sign you in: ${reason.replace(/\.$/, '')}.`);
  }
  keycloak = adapter;
}

/**
 * Makes sure someone is signed in: finishes a sign-in Keycloak sent the browser back from, else
 * goes to Keycloak's sign-in page. With { again: true } (the API refused the token) it goes there
 * even when signed in. Resolves to `session`; rejects when a sign-in fails (the caller shows why).
 */
export async function signIn({ again = false } = {}) {
  if (again && keycloak) {
    return keycloak.login(); // the page is leaving
  }
  signingIn ??= start().catch((error) => {
    signingIn = null; // a new adapter next time: one whose init failed cannot start again
    throw error;
  });
  await signingIn;
  return session;
}

/** Whether the user has just signed out (Keycloak sent the browser back with ?signed-out). */
export function signedOut() {
  return new URLSearchParams(location.search).has('signed-out');
}

/** A valid access token, renewed first when it expires within half a minute. */
export async function accessToken() {
  await signIn();
  try {
    await keycloak.updateToken(MIN_VALIDITY_SECONDS);
  } catch {
    throw new Error('Keycloak did not renew your sign-in. Try again, or reload the page to sign in again.');
  }
  return keycloak.token;
}

/** Ends the Keycloak session too, and comes back to the console's signed-out page. */
export function signOut() {
  return keycloak.logout({ redirectUri: `${location.origin}${location.pathname}?signed-out` });
}
