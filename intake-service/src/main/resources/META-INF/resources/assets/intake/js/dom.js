// Building the pages' DOM. Text from the API (program files, reports, messages, file names) only
// ever becomes text nodes or attribute values: never markup.

/**
 * A new element. Attributes whose value is null, undefined or false are left out; `true` sets an
 * empty attribute. Children are nodes or text (null and false are skipped).
 */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === 'class') {
      node.className = value;
    } else if (name === 'dataset') {
      Object.assign(node.dataset, value);
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(node, children);
  return node;
}

/** Appends nodes or text to a node. */
export function append(node, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Replaces a node's children. */
export function fill(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

export function byId(id) {
  const node = document.getElementById(id);
  if (!node) {
    throw new Error(`The page has no #${id}`);
  }
  return node;
}

/** An external link, only for http(s) addresses: a program file could name any scheme. */
export function externalLink(url, text) {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'https:' || parsed.protocol === 'http:') {
      return el('a', { href: parsed.href, rel: 'noopener noreferrer' }, text ?? parsed.href);
    }
  } catch {
    // Not a URL: shown as text below.
  }
  return document.createTextNode(text ?? url);
}

/** "2 Dec 2026, 14:05 CET" in the reader's time zone, in a <time> element. */
export function time(iso) {
  if (!iso) {
    return document.createTextNode('—');
  }
  const date = new Date(iso);
  const text = date.toLocaleString('en-GB', {
    year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short',
  });
  return el('time', { datetime: date.toISOString() }, text);
}

/** "10 MiB", "512 KiB", "37 bytes". */
export function bytes(count) {
  const units = ['bytes', 'KiB', 'MiB', 'GiB'];
  let value = count;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = unit === 0 || Number.isInteger(value) ? String(value) : value.toFixed(1);
  return `${shown} ${units[unit]}`;
}

/**
 * Moves focus to in-page link targets without touching the URL's fragment: on the status page the
 * fragment holds the reporter token, and a skip link or an error summary link would replace it.
 */
export function keepFragment() {
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null;
    if (!link) {
      return;
    }
    const target = document.getElementById(decodeURIComponent(link.getAttribute('href').slice(1)));
    if (!target) {
      return;
    }
    event.preventDefault();
    focus(target);
  });
}

/** Focuses a node, making it focusable from script when it is not by nature. */
export function focus(node) {
  if (!node.matches('a[href], button, input, select, textarea, [tabindex]')) {
    node.setAttribute('tabindex', '-1');
  }
  node.focus();
  node.scrollIntoView({ block: 'center' });
}

/** The page's status line (role=status): what is loading, or what went wrong. */
export function pageStatus(text, { problem = false } = {}) {
  const status = byId('page-status');
  status.textContent = text;
  status.classList.toggle('problem', problem);
  status.hidden = text === '';
}

/** A page about one program that could not load it: "no such program" for a 404, the reason otherwise. */
export function showProgramUnavailable(problem, what) {
  if (problem?.status === 404) {
    pageStatus('');
    document.title = 'No such program — Embargo';
    byId('not-found').hidden = false;
    return;
  }
  pageStatus(`${what} cannot be shown: ${problem.explanation ?? problem.message}`, { problem: true });
}
