// Programs and their disclosure policies; coordinators and admins upload a changed program file.

import { api } from '../api.js';
import { session } from '../auth.js';
import { h, clear, problemMessage, time } from '../dom.js';

const DEADLINE_NAMES = {
  acknowledgement: 'Acknowledgement',
  triage: 'Triage',
  statusUpdates: 'Status updates every',
  fixWindow: 'Fix window',
  fixBySeverity: 'Fix by severity',
  preReleaseEmbargo: 'Pre-release embargo',
  disclosure: 'Disclosure',
  postMortem: 'Post-mortem',
};
const UNITS = { h: ['hour', 'hours'], d: ['day', 'days'], bd: ['business day', 'business days'], w: ['week', 'weeks'] };

/** A policy duration ("3bd", "best-effort") in words, keeping the policy's own spelling alongside. */
function duration(text) {
  if (text === null || text === undefined) return '—';
  const match = /^(\d+)(h|d|bd|w)$/.exec(String(text));
  if (match) {
    const [singular, plural] = UNITS[match[2]];
    return `${match[1]} ${match[1] === '1' ? singular : plural}`;
  }
  return String(text).replace(/-/g, ' ');
}

function words(camel) {
  const spaced = camel.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

function deadlineValue(name, value) {
  if (value === null || typeof value !== 'object') return duration(value);
  if (name === 'postMortem') {
    return `within ${duration(value.within)}${value.minSeverity ? ` (severity ${value.minSeverity} and above)` : ''}`;
  }
  if ('min' in value || 'max' in value) return `${duration(value.min)} to ${duration(value.max)}`;
  return Object.entries(value).map(([key, inner]) => `${key}: ${deadlineValue(key, inner)}`).join(', ');
}

function deadlines(list) {
  const entries = Object.entries(list ?? {});
  if (!entries.length) return h('p', { class: 'muted' }, 'No deadlines promised.');
  return h('dl', { class: 'policy-deadlines' }, entries.map(([name, value]) => [
    h('dt', {}, DEADLINE_NAMES[name] ?? words(name)),
    h('dd', {}, deadlineValue(name, value)),
  ]));
}

function severity(policy) {
  const levels = policy?.levels ?? [];
  return h('p', {}, policy?.basis === 'cvss' ? 'From the CVSS base score: ' : 'Named levels: ',
    levels.map((level, index) => [index ? ', ' : null,
      h('span', { class: 'severity-level' }, level.name, level.minCvss !== undefined ? ` (≥ ${level.minCvss})` : null)]),
    levels.length ? null : '—');
}

function scopeClasses(scope) {
  const classes = (title, list) => (list?.length ? h('div', {},
    h('h4', {}, title),
    h('ul', { class: 'scope-classes' }, list.map((item) => h('li', {}, h('code', {}, item.id), ' ', item.title ?? '')))) : null);
  return [classes('In scope', scope?.inScope), classes('Out of scope', scope?.outOfScope)];
}

function summary(view, onEdit) {
  const program = view.program ?? {};
  const policy = program.policy ?? {};
  const groups = policy.disclosure?.partnerGroups ?? [];
  const headingId = `program-${view.slug}`;
  return h('li', { class: 'program', 'data-slug': view.slug, 'aria-labelledby': headingId },
    h('h3', { id: headingId }, program.name ?? view.slug, ' ', h('code', { class: 'muted' }, view.slug)),
    h('p', { class: 'program-revision' }, `Revision ${view.revision}, in force since `, time(view.publishedAt),
      view.changedBy ? ` (changed by ${view.changedBy})` : ` (${view.source ?? 'file'})`),
    program.description ? h('p', {}, program.description) : null,
    h('div', { class: 'policy-summary' },
      h('section', {}, h('h4', {}, 'Deadlines'), deadlines(policy.deadlines),
        policy.expedited ? h('p', { class: 'hint' }, `Expedited track (${(policy.expedited.when ?? []).join(', ')}): `,
          deadlineValue('expedited', policy.expedited.deadlines ?? {})) : null),
      h('section', {}, h('h4', {}, 'Severity levels'), severity(policy.severity)),
      h('section', {}, h('h4', {}, 'Scope classes'), scopeClasses(policy.scope)),
      groups.length ? h('section', {}, h('h4', {}, 'Partner groups'),
        h('ul', {}, groups.map((group) => h('li', {}, h('code', {}, group.id),
          group.maxEmbargo ? ` told at most ${duration(group.maxEmbargo)} before the lift` : null)))) : null),
    onEdit ? h('button', { type: 'button', class: 'edit-policy', onclick: () => onEdit(view) },
      'Edit the file of ', program.name ?? view.slug) : null);
}

/** The slug a program file names (YAML "slug: x" or JSON "slug": "x"), for a new program. */
function slugOf(text) {
  const match = /^\s*"?slug"?\s*:\s*"?([a-z0-9][a-z0-9-]*)"?/m.exec(text);
  return match ? match[1] : '';
}

/** Selects line `line` (1-based) of the textarea and scrolls to it. */
function goToLine(textarea, line) {
  const lines = textarea.value.split('\n');
  const index = Math.min(Math.max(line, 1), lines.length) - 1;
  const start = lines.slice(0, index).reduce((sum, text) => sum + text.length + 1, 0);
  textarea.focus();
  textarea.setSelectionRange(start, start + lines[index].length);
  const lineHeight = textarea.scrollHeight / Math.max(lines.length, 1);
  textarea.scrollTop = Math.max(0, (index - 3) * lineHeight);
}

function editor(status, reload) {
  const slug = h('input', { id: 'policy-slug', type: 'text', required: true, pattern: '[a-z0-9][a-z0-9-]{0,62}',
    autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'policy-slug-hint' });
  const file = h('textarea', { id: 'policy-file', rows: '24', spellcheck: 'false', 'aria-describedby': 'policy-file-hint' });
  const upload = h('input', { id: 'policy-upload', type: 'file', accept: '.yaml,.yml,.json,application/yaml,application/json,text/yaml' });
  const errors = h('div', { id: 'policy-errors', tabindex: '-1' });
  const save = h('button', { id: 'save-policy', type: 'submit' }, 'Save policy');
  const saved = h('p', { id: 'policy-saved', class: 'success', role: 'status', 'aria-live': 'polite' });

  upload.addEventListener('change', async () => {
    const chosen = upload.files?.[0];
    if (!chosen) return;
    file.value = await chosen.text();
    slug.value ||= slugOf(file.value);
    status(`Loaded ${chosen.name}; not saved yet.`);
  });

  function showErrors(error) {
    clear(errors);
    if (error.status !== 422 || !error.errors.length) {
      problemMessage(errors, error);
      if (error.status === 403) {
        errors.firstChild.append(h('p', {}, 'Only coordinators and admins change programs.'));
      }
      errors.focus();
      return;
    }
    errors.append(h('div', { class: 'problem', role: 'alert' },
      h('p', { class: 'problem-title' }, h('strong', {}, error.title ?? 'Invalid program'), ` (${error.status})`),
      error.detail ? h('p', {}, error.detail) : null,
      h('ul', { class: 'problem-errors policy-error-list' }, error.errors.map((fieldError) => h('li', {},
        fieldError.line ? h('button', { type: 'button', class: 'link-button go-to-line',
          onclick: () => goToLine(file, fieldError.line) }, `Line ${fieldError.line}`) : null,
        fieldError.line ? ', ' : null,
        fieldError.field ? h('code', {}, fieldError.field) : h('span', {}, 'the file'),
        ': ', fieldError.message ?? '')))));
    errors.focus();
  }

  const form = h('form', { id: 'policy-editor', class: 'policy-editor', novalidate: true,
    onsubmit: async (event) => {
      event.preventDefault();
      clear(errors);
      saved.textContent = '';
      const target = slug.value.trim() || slugOf(file.value);
      if (!target) {
        problemMessage(errors, { status: 0, title: 'Which program?', detail: 'Give the program\'s slug.', errors: [] });
        slug.focus();
        return;
      }
      slug.value = target;
      const text = file.value;
      const type = text.trimStart().startsWith('{') ? 'application/json' : 'application/yaml';
      save.disabled = true;
      save.setAttribute('aria-busy', 'true');
      try {
        const revision = await api('triage', `/api/v1/programs/${encodeURIComponent(target)}`,
          { method: 'PUT', body: text, headers: { 'Content-Type': type } });
        saved.textContent = `Saved: revision ${revision.revision} of ${revision.slug} is in force.`;
        await reload(revision.slug);
      } catch (error) {
        showErrors(error);
      } finally {
        save.disabled = false;
        save.removeAttribute('aria-busy');
      }
    } },
  h('div', { class: 'field' }, h('label', { for: 'policy-slug' }, 'Program slug'), slug,
    h('p', { class: 'hint', id: 'policy-slug-hint' }, 'The program to create or change; it must match the file\'s slug.')),
  h('div', { class: 'field' }, h('label', { for: 'policy-upload' }, 'Load a program file'), upload),
  h('div', { class: 'field' }, h('label', { for: 'policy-file' }, 'Program file (YAML or JSON)'), file,
    h('p', { class: 'hint', id: 'policy-file-hint' },
      'The whole file: a change becomes a new revision; reports already received keep theirs. An invalid file changes nothing.')),
  h('div', { class: 'actions' }, save, saved),
  errors);

  return {
    form,
    edit(view) {
      slug.value = view.slug;
      file.value = `${JSON.stringify(view.program, null, 2)}\n`;
      clear(errors);
      status(`Editing ${view.slug} (revision ${view.revision}).`);
      file.focus();
    },
  };
}

export async function render(main) {
  const statusRegion = h('p', { id: 'program-status', class: 'page-status', role: 'status', 'aria-live': 'polite' });
  const status = (message) => { statusRegion.textContent = message; };
  const list = h('ul', { id: 'program-list', class: 'program-list', 'aria-labelledby': 'programs-heading' });
  const listBox = h('div', {}, list);
  const canEdit = session.hasRole('coordinator', 'admin');
  const policyEditor = canEdit ? editor(status, (slug) => load(slug)) : null;

  main.append(
    h('h1', {}, 'Programs'),
    statusRegion,
    h('section', { 'aria-labelledby': 'programs-heading' }, h('h2', { id: 'programs-heading' }, 'Programs and their policies'), listBox),
    policyEditor ? h('section', { 'aria-labelledby': 'policy-editor-heading', class: 'panel' },
      h('h2', { id: 'policy-editor-heading' }, 'Create or change a program'), policyEditor.form) : null);

  async function load(changed) {
    let programs;
    try {
      programs = await api('triage', '/api/v1/programs');
    } catch (error) {
      problemMessage(listBox, error);
      return;
    }
    clear(list);
    if (!listBox.contains(list)) clear(listBox).append(list);
    if (!programs.length) {
      list.append(h('li', { class: 'empty' }, 'No programs yet.'));
      return;
    }
    list.append(...programs.map((view) => summary(view, policyEditor ? (chosen) => policyEditor.edit(chosen) : null)));
    if (changed) list.querySelector(`li.program[data-slug="${CSS.escape(changed)}"]`)?.classList.add('changed');
  }

  await load();
}
