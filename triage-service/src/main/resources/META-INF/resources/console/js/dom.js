// Building the page from data without ever parsing data as HTML: elements are created one by one
// and every string becomes a text node or an attribute value.

const BOOLEAN_ATTRIBUTES = new Set(['disabled', 'checked', 'selected', 'hidden', 'required', 'multiple', 'readonly', 'open']);
const PROPERTIES = new Set(['value', 'checked', 'selected']);
const SAFE_URL = /^(?:https?:|blob:|mailto:|#|\/|\.{0,2}\/|[^:]*$)/i;

/**
 * Creates an element: h('a', { href: '#/cases', class: 'link' }, 'Cases').
 * attrs: class (string or array), id, for, type, value, href, disabled, data-*, aria-*, role, …;
 * on* functions become event listeners (onclick, onsubmit, onchange, oninput, …).
 * children: strings and numbers become text, nodes are appended, arrays are flattened, null,
 * undefined and false are skipped.
 */
export function h(tag, attrs, ...children) {
  const element = document.createElement(tag);
  const properties = [];
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === 'class') {
      const classes = (Array.isArray(value) ? value : [value]).filter(Boolean);
      if (classes.length) element.className = classes.join(' ');
    } else if (PROPERTIES.has(name)) {
      properties.push([name, value]);
    } else if (BOOLEAN_ATTRIBUTES.has(name)) {
      element.setAttribute(name, '');
    } else if ((name === 'href' || name === 'src' || name === 'action') && !SAFE_URL.test(String(value))) {
      continue; // never a javascript: or data: URL from data
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  // A select's value can only be set once its options are there.
  for (const [name, value] of properties) {
    element[name] = name === 'value' ? String(value) : Boolean(value);
  }
  return element;
}

function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) {
      append(parent, child);
    } else if (child instanceof Node) {
      parent.append(child);
    } else {
      parent.append(document.createTextNode(String(child)));
    }
  }
}

/** Removes every child of node. */
export function clear(node) {
  node.replaceChildren();
  return node;
}

/** An ISO-8601 instant as "YYYY-MM-DD HH:mm" in UTC; '' for none. */
export function formatDate(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  return date.toISOString().slice(0, 16).replace('T', ' ');
}

/** A <time> element showing formatDate(iso) UTC, with the instant in its datetime attribute. */
export function time(iso) {
  if (!iso) return h('span', { class: 'muted' }, '—');
  return h('time', { datetime: iso }, formatDate(iso) + ' UTC');
}

/**
 * Shows an error in node (replacing what it showed): a ProblemError's title, detail and field
 * errors, or any other error's message, in a role="alert" box. Returns the box.
 */
export function problemMessage(node, error) {
  const problem = error && typeof error === 'object' && 'status' in error ? error : null;
  const title = problem?.title || 'Something went wrong';
  const detail = problem ? problem.detail : error?.message ?? String(error);
  const fieldErrors = problem?.errors ?? [];
  const box = h('div', { class: 'problem', role: 'alert' },
    h('p', { class: 'problem-title' }, h('strong', {}, title), problem?.status ? ` (${problem.status})` : null),
    detail ? h('p', {}, detail) : null,
    fieldErrors.length ? h('ul', { class: 'problem-errors' }, fieldErrors.map((fieldError) =>
      h('li', {}, fieldError.field ? h('code', {}, fieldError.field) : null, fieldError.field ? ': ' : null,
        fieldError.message ?? '', fieldError.line ? ` (line ${fieldError.line})` : null))) : null);
  clear(node).append(box);
  return box;
}

/** Says something to screen readers (and shows it) in the page's polite live region. */
export function announce(message) {
  const region = document.getElementById('status');
  if (!region) return;
  region.textContent = '';
  // A fresh text node after a tick, so the same message twice is announced twice.
  setTimeout(() => { region.textContent = message; }, 50);
}

/**
 * A table: columns are { label, cell(row) → node|string, class? }; options: caption, id,
 * rowAttrs(row) → attributes of the row, empty (shown when there are no rows).
 */
export function table(columns, rows, { caption, id, rowAttrs, empty = 'Nothing to show.' } = {}) {
  if (!rows.length) {
    return h('p', { class: 'empty', id }, empty);
  }
  return h('table', { id },
    caption ? h('caption', {}, caption) : null,
    h('thead', {}, h('tr', {}, columns.map((column) => h('th', { scope: 'col', class: column.class }, column.label)))),
    h('tbody', {}, rows.map((row) => h('tr', rowAttrs ? rowAttrs(row) : {},
      columns.map((column) => h('td', { class: column.class }, column.cell(row)))))));
}

/** A labelled form control: <div class="field"><label for=id>label</label>control hint</div>. */
export function field(label, control, hint) {
  const hintId = hint && control.id ? `${control.id}-hint` : null;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control,
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null);
}

/** A <select> of [value, label] pairs (or plain values), with the current value selected. */
export function select(attrs, options, current) {
  return h('select', { ...attrs, value: current ?? '' },
    options.map((option) => {
      const [value, label] = Array.isArray(option) ? option : [option, option];
      return h('option', { value }, label);
    }));
}

/** Runs action while button is disabled and marked busy, so a double click sends nothing twice. */
export async function busy(button, action) {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    return await action();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

/** A result area for an action: success in a polite status, failure as the API's problem. */
export function outcome() {
  return h('div', { class: 'outcome', role: 'status', 'aria-live': 'polite' });
}

/**
 * Runs action for button: success(result) (or the text) in output and announced, a failure as the
 * API's problem; keeps keyboard focus in the section when the action redrew the button away.
 */
export async function act(button, output, action, success) {
  const heading = button.closest('section')?.querySelector('h2');
  await busy(button, async () => {
    clear(output);
    try {
      const result = await action();
      const message = typeof success === 'function' ? success(result) : success;
      output.append(h('p', { class: 'success' }, message));
      announce(message);
      return result;
    } catch (error) {
      problemMessage(output, error);
      return undefined;
    }
  });
  if (!button.isConnected && heading) {
    // The button went with what the action redrew: keep keyboard users in the section.
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }
}
