// The case queue: GET /api/v1/cases on triage, filtered by program, state, severity, owner and
// overdue. The filters live in the hash (#/cases?state=triaging&overdue=true), so they survive a reload.

import { api } from '../api.js';
import { session } from '../auth.js';
import { announce, field, h, problemMessage, select, table, time } from '../dom.js';
import { STATES, stateLabel } from '../states.js';

const PAGE_SIZE = 50;
const FILTERS = ['program', 'state', 'severity', 'owner', 'overdue', 'escalated'];

export async function render(main, params) {
  const query = params.query ?? new URLSearchParams();
  const page = Math.max(Number.parseInt(query.get('page') ?? '0', 10) || 0, 0);
  main.append(h('h1', {}, 'Cases'));
  const messages = main.appendChild(h('div', { class: 'messages' }));
  const programs = await api('triage', '/api/v1/programs').catch((error) => {
    problemMessage(messages, error);
    return [];
  });
  main.append(filterForm(query, programs));

  const search = new URLSearchParams();
  for (const name of FILTERS) {
    const value = query.get(name);
    if (value) search.set(name, value);
  }
  search.set('page', String(page));
  search.set('size', String(PAGE_SIZE));
  const results = main.appendChild(h('section', { 'aria-labelledby': 'case-results-heading' },
    h('h2', { id: 'case-results-heading', class: 'visually-hidden' }, 'Matching cases')));
  let cases;
  try {
    cases = await api('triage', `/api/v1/cases?${search}`);
  } catch (error) {
    problemMessage(results.appendChild(h('div')), error);
    return;
  }
  results.append(h('p', { class: 'result-count', id: 'case-count' }, countText(cases.length, page)), caseTable(cases));
  const pages = pager(query, page, cases.length);
  if (pages) results.append(pages);
  announce(countText(cases.length, page));
}

function countText(count, page) {
  const noun = count === 1 ? 'case' : 'cases';
  return page > 0 || count === PAGE_SIZE ? `Page ${page + 1}: ${count} ${noun}.` : `${count} ${noun}.`;
}

function filterForm(query, programs) {
  const levels = [...new Set(programs.flatMap((revision) => revision.program?.policy?.severity?.levels ?? [])
    .map((level) => level.name))];
  const form = h('form', { id: 'case-filters', class: 'filters', role: 'search', 'aria-label': 'Filter cases', onsubmit: apply },
    field('Program', select({ id: 'filter-program', name: 'program' },
      [['', 'Any program'], ...programs.map((revision) => [revision.slug, revision.program?.name ?? revision.slug])],
      query.get('program'))),
    field('State', select({ id: 'filter-state', name: 'state' }, [['', 'Any state'], ...STATES], query.get('state'))),
    field('Severity', select({ id: 'filter-severity', name: 'severity' }, [['', 'Any severity'], ...levels],
      query.get('severity'))),
    field('Owner', h('input', { id: 'filter-owner', name: 'owner', type: 'text', value: query.get('owner') ?? '',
      autocomplete: 'off', maxlength: '200', list: 'owner-suggestions' })),
    h('datalist', { id: 'owner-suggestions' }, h('option', { value: session.username ?? '' })),
    h('div', { class: 'field checkbox' },
      h('input', { id: 'filter-overdue', name: 'overdue', type: 'checkbox', value: 'true',
        checked: query.get('overdue') === 'true' }),
      h('label', { for: 'filter-overdue' }, 'Overdue only')),
    h('div', { class: 'field checkbox' },
      h('input', { id: 'filter-escalated', name: 'escalated', type: 'checkbox', value: 'true',
        checked: query.get('escalated') === 'true' }),
      h('label', { for: 'filter-escalated' }, 'Escalated by the reporter only')),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', id: 'apply-filters' }, 'Apply filters'),
      h('a', { href: '#/cases', class: 'button secondary', id: 'reset-filters' }, 'Reset')));
  return form;
}

function apply(event) {
  event.preventDefault();
  const data = new FormData(event.currentTarget);
  const next = new URLSearchParams();
  for (const name of FILTERS) {
    const value = String(data.get(name) ?? '').trim();
    if (value) next.set(name, value);
  }
  const hash = `#/cases${next.size ? `?${next}` : ''}`;
  if (location.hash === hash) {
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    location.hash = hash;
  }
}

function caseTable(cases) {
  return table([
    { label: 'Tracking id', cell: (c) => h('a', { href: `#/cases/${encodeURIComponent(c.id)}`, class: 'tracking-id' }, c.trackingId) },
    { label: 'Title', cell: (c) => c.title ?? '' },
    { label: 'Program', cell: (c) => c.program },
    { label: 'State', cell: (c) => h('span', { class: ['state', `state-${c.state}`] }, stateLabel(c.state)) },
    { label: 'Severity', cell: (c) => c.severity ?? h('span', { class: 'muted' }, 'unscored') },
    { label: 'Owner', cell: (c) => c.owner ?? h('span', { class: 'muted' }, 'none') },
    { label: 'Next deadline', cell: (c) => c.nextDeadline
      ? [h('span', { class: 'step' }, c.nextDeadline.step), ' ', time(c.nextDeadline.dueAt),
        c.nextDeadline.firm === false ? [' ', h('span', { class: 'badge badge-target' }, 'Target')] : null]
      : h('span', { class: 'muted' }, '—') },
    { label: 'Overdue', cell: (c) => [
      c.overdue ? h('span', { class: 'badge badge-overdue' }, 'Overdue') : h('span', { class: 'muted' }, 'No'),
      c.escalated ? [' ', h('span', { class: 'badge badge-overdue badge-escalated' }, 'Escalated')] : null] },
  ], cases, {
    id: 'case-table',
    caption: 'Cases, newest first',
    empty: 'No cases match these filters.',
    rowAttrs: (c) => ({ class: ['case-row', c.overdue && 'overdue'], 'data-case-id': c.id, 'data-tracking-id': c.trackingId }),
  });
}

function pager(query, page, count) {
  const link = (to, label, rel) => {
    const next = new URLSearchParams(query);
    if (to > 0) next.set('page', String(to)); else next.delete('page');
    return h('a', { href: `#/cases${next.size ? `?${next}` : ''}`, rel, class: 'button secondary' }, label);
  };
  if (page === 0 && count < PAGE_SIZE) return null;
  return h('nav', { class: 'pager', 'aria-label': 'Pages of cases' },
    page > 0 ? link(page - 1, 'Previous page', 'prev') : null,
    count === PAGE_SIZE ? link(page + 1, 'Next page', 'next') : null);
}
