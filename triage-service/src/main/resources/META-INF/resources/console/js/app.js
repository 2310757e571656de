// The console's shell: sign-in, the navigation the user's roles allow, and hash routes to pages.
// Each page module (js/pages/<name>.js) exports `async function render(main, params)`.

import { ProblemError } from './api.js';
import { session, signIn, signOut, signedOut } from './auth.js';
import { clear, h, problemMessage } from './dom.js';

const STAFF_ROLES = ['triager', 'coordinator', 'publisher', 'admin'];

/** The console's sections, in navigation order, and the roles that may use each. */
export const SECTIONS = [
  { id: 'cases', label: 'Cases', roles: ['triager', 'coordinator', 'admin'] },
  { id: 'programs', label: 'Programs', roles: STAFF_ROLES },
  { id: 'partners', label: 'Partners', roles: ['coordinator', 'admin'] },
  { id: 'advisories', label: 'Advisories', roles: ['publisher', 'coordinator', 'admin'] },
];

const ROUTES = [
  { path: 'cases', page: 'cases', section: 'cases' },
  { path: 'cases/:id', page: 'case', section: 'cases' },
  { path: 'programs', page: 'programs', section: 'programs' },
  { path: 'partners', page: 'partners', section: 'partners' },
  { path: 'partners/:id', page: 'partner', section: 'partners' },
  { path: 'readiness/:id', page: 'readiness', section: 'partners' },
  { path: 'advisories', page: 'advisories', section: 'advisories' },
  { path: 'advisories/:id', page: 'advisory', section: 'advisories' },
];

let generation = 0;
let lastPath = null;
let routed = false;

/** The route of a hash like "#/cases/123?tab=x": { route, path, params: { id, query } }, or null. */
export function match(hash) {
  const raw = hash.replace(/^#\/?/, '');
  const split = raw.indexOf('?');
  const path = (split < 0 ? raw : raw.slice(0, split)).replace(/\/+$/, '');
  const query = new URLSearchParams(split < 0 ? '' : raw.slice(split + 1));
  const segments = path.split('/').filter(Boolean);
  for (const route of ROUTES) {
    const pattern = route.path.split('/');
    if (pattern.length !== segments.length) continue;
    const params = {};
    const matches = pattern.every((part, i) => {
      if (part.startsWith(':')) {
        try {
          params[part.slice(1)] = decodeURIComponent(segments[i]);
        } catch {
          return false;
        }
        return true;
      }
      return part === segments[i];
    });
    if (matches) return { route, path, params: { ...params, query } };
  }
  return null;
}

function sectionsAllowed() {
  return SECTIONS.filter((section) => session.hasRole(...section.roles));
}

/** A fresh <main>: a page still loading for a route the user has left writes into a detached element. */
function freshMain() {
  const main = h('main', { id: 'main', tabindex: '-1' });
  document.getElementById('main').replaceWith(main);
  return main;
}

function markCurrent(sectionId) {
  for (const link of document.querySelectorAll('#nav-sections a')) {
    if (link.dataset.section === sectionId) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

async function route() {
  const current = ++generation;
  if (!location.hash || location.hash === '#' || location.hash === '#/') {
    const first = sectionsAllowed()[0];
    history.replaceState(null, '', `#/${first.id}`);
  }
  const found = match(location.hash);
  const focusedId = document.activeElement?.id;
  const samePage = found && found.path === lastPath;
  const firstRoute = !routed;
  routed = true;
  lastPath = found?.path ?? null;
  const main = freshMain();
  if (!found) {
    document.title = 'Not found · Embargo console';
    main.append(h('h1', {}, 'No such page'), h('p', {}, h('a', { href: '#/' }, 'Back to the start')));
    markCurrent(null);
    main.focus();
    return;
  }
  const section = SECTIONS.find((candidate) => candidate.id === found.route.section);
  document.title = `${section.label} · Embargo console`;
  markCurrent(section.id);
  if (!session.hasRole(...section.roles)) {
    main.append(h('h1', {}, section.label),
      h('p', {}, `Your roles do not include ${section.label.toLowerCase()}. It needs one of: ${section.roles.join(', ')}.`));
    main.focus();
    return;
  }
  main.append(h('p', { class: 'loading' }, 'Loading…'));
  let page;
  try {
    page = await import(`./pages/${found.route.page}.js`);
  } catch (error) {
    console.error(error);
    if (current !== generation) return;
    clear(main).append(h('h1', {}, section.label), h('p', {}, 'This page is not available.'));
    return;
  }
  if (current !== generation) return;
  clear(main);
  try {
    await page.render(main, found.params);
  } catch (error) {
    if (!(error instanceof ProblemError)) console.error(error); // an API's refusal is shown, not a fault
    if (current !== generation) return;
    clear(main).append(h('h1', {}, section.label));
    problemMessage(main.appendChild(h('div')), error);
  }
  if (current !== generation) return;
  if (!firstRoute) {
    // Back where the user was on a re-render of the same page (a filter applied); else at its heading.
    const again = samePage && focusedId ? document.getElementById(focusedId) : null;
    const heading = main.querySelector('h1');
    if (heading && !heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    (again ?? heading ?? main).focus({ preventScroll: Boolean(again) });
  }
}

function showChrome() {
  const list = clear(document.getElementById('nav-sections'));
  for (const section of sectionsAllowed()) {
    list.append(h('li', {}, h('a', { href: `#/${section.id}`, 'data-section': section.id }, section.label)));
  }
  document.getElementById('nav').hidden = list.children.length === 0;
  document.getElementById('username').textContent = session.username ?? '';
  document.getElementById('user').hidden = false;
  document.getElementById('sign-out').addEventListener('click', () => signOut());
}

function wireSkipLink() {
  // The hash is the router's, so the skip link moves focus instead of changing it.
  document.getElementById('skip-link').addEventListener('click', (event) => {
    event.preventDefault();
    const main = document.getElementById('main');
    main.focus();
    main.scrollIntoView();
  });
}

async function boot() {
  wireSkipLink();
  if (signedOut()) {
    const main = clear(freshMain());
    main.append(h('h1', {}, 'Signed out'), h('p', {}, 'You have signed out of the Embargo console.'),
      h('button', { type: 'button', id: 'sign-in', onclick: () => { history.replaceState(null, '', location.pathname); signIn(); } },
        'Sign in'));
    return;
  }
  try {
    await signIn();
  } catch (error) {
    const main = clear(freshMain());
    main.append(h('h1', {}, 'Sign-in failed'));
    problemMessage(main.appendChild(h('div')), error);
    main.append(h('button', { type: 'button', id: 'sign-in', onclick: () => signIn({ again: true }) }, 'Sign in again'));
    return;
  }
  showChrome();
  if (!session.hasRole(...STAFF_ROLES)) {
    const main = clear(freshMain());
    main.append(h('h1', {}, 'You have no staff role'),
      h('p', {}, `You are signed in as ${session.username}, but your account has none of the roles the console needs `
        + `(${STAFF_ROLES.join(', ')}). Ask an administrator of your Keycloak realm to grant one.`));
    return;
  }
  window.addEventListener('hashchange', route);
  await route();
}

boot();
