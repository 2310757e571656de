// Advisories: the list and the embargo calendar (a month grid of lift times, in UTC).

import { api } from '../api.js';
import { h, clear, problemMessage, time } from '../dom.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];
const WEEKDAYS = [['Mon', 'Monday'], ['Tue', 'Tuesday'], ['Wed', 'Wednesday'], ['Thu', 'Thursday'], ['Fri', 'Friday'],
  ['Sat', 'Saturday'], ['Sun', 'Sunday']];
const STATES = [['', 'Every state'], ['draft', 'Drafts'], ['scheduled', 'Scheduled'], ['published', 'Published']];

/** Shows an error; a refusal names who may read advisories instead of leaving a broken page. */
export function refusal(node, error) {
  const box = problemMessage(node, error);
  if (error?.status === 403) {
    box.append(h('p', {}, 'Advisories are for publishers, coordinators and admins.'));
  }
  return box;
}

/** "YYYY-MM-DD" of an instant, in UTC. */
function day(iso) {
  return new Date(iso).toISOString().slice(0, 10);
}

function pad(number) {
  return String(number).padStart(2, '0');
}

/** The month a "YYYY-MM" query names, else the current one: { year, month } with month 0-11. */
function monthOf(text) {
  const match = /^(\d{4})-(\d{2})$/.exec(text ?? '');
  if (match && Number(match[2]) >= 1 && Number(match[2]) <= 12) return { year: Number(match[1]), month: Number(match[2]) - 1 };
  const now = new Date();
  return { year: now.getUTCFullYear(), month: now.getUTCMonth() };
}

function shift({ year, month }, by) {
  const moved = new Date(Date.UTC(year, month + by, 1));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() };
}

function label(advisory) {
  return advisory.publicId ?? advisory.id;
}

/** The weeks of a month, Monday first: each a list of seven dates ("YYYY-MM-DD") or null outside the month. */
function weeks({ year, month }) {
  const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const lead = (new Date(Date.UTC(year, month, 1)).getUTCDay() + 6) % 7;
  const cells = [...Array(lead).fill(null),
    ...Array.from({ length: days }, (_, index) => `${year}-${pad(month + 1)}-${pad(index + 1)}`)];
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, index) => cells.slice(index * 7, index * 7 + 7));
}

/** The month grid; lifts (and publications) are links to their advisories, today is marked. */
function calendarTable(shown, byDay) {
  const today = new Date().toISOString().slice(0, 10);
  const title = `${MONTHS[shown.month]} ${shown.year}`;
  return h('table', { class: 'calendar', id: 'embargo-calendar-grid' },
    h('caption', {}, `Embargo lift times in ${title} (UTC)`),
    h('thead', {}, h('tr', {}, WEEKDAYS.map(([short, long]) => h('th', { scope: 'col', abbr: long }, short)))),
    h('tbody', {}, weeks(shown).map((week) => h('tr', {}, week.map((date) => {
      if (!date) return h('td', { class: 'outside' });
      const lifts = byDay.get(date) ?? [];
      const isToday = date === today;
      const dayNumber = Number(date.slice(8));
      return h('td', {
        'data-date': date,
        class: [isToday ? 'today' : null, lifts.length ? 'has-lift' : null],
        'aria-current': isToday ? 'date' : null,
      },
      h('span', { class: 'day-number' },
        h('time', { datetime: date }, String(dayNumber)),
        isToday ? h('span', { class: 'visually-hidden' }, ' (today)') : null),
      lifts.length ? h('ul', { class: 'lifts' }, lifts.map((advisory) => h('li', {},
        h('a', { href: `#/advisories/${encodeURIComponent(advisory.id)}`, class: ['lift-link', `state-${advisory.state}`] },
          h('time', { datetime: liftOf(advisory) }, new Date(liftOf(advisory)).toISOString().slice(11, 16)), ' ', label(advisory),
          h('span', { class: 'visually-hidden' }, advisory.state === 'published'
            ? ' published' : ` lifts, ${advisory.state}`))))) : null);
    })))));
}

/**
 * When an advisory's embargo lifts: its publication time once published (an early break lifts it
 * before the planned time), else the lift time set; null for a draft without one.
 */
function liftOf(advisory) {
  return advisory.publishedAt ?? advisory.liftAt ?? null;
}

function calendar(advisories, query) {
  const byDay = new Map();
  for (const advisory of advisories.filter(liftOf).sort((a, b) => liftOf(a).localeCompare(liftOf(b)))) {
    const key = day(liftOf(advisory));
    byDay.set(key, [...(byDay.get(key) ?? []), advisory]);
  }
  let shown = monthOf(query.get('month'));
  const month = h('h3', { id: 'embargo-calendar-month', 'aria-live': 'polite' });
  const grid = h('div', { class: 'calendar-grid' });
  const count = h('p', { class: 'hint' });

  function draw(moved = false) {
    const key = `${shown.year}-${pad(shown.month + 1)}`;
    month.textContent = `${MONTHS[shown.month]} ${shown.year}`;
    const lifts = [...byDay.entries()].filter(([date]) => date.startsWith(key)).reduce((sum, [, list]) => sum + list.length, 0);
    count.textContent = lifts ? `${lifts} ${lifts === 1 ? 'lift' : 'lifts'} this month.` : 'No lift this month.';
    clear(grid).append(calendarTable(shown, byDay));
    // The month stays in the address, so a reload or a shared link shows the same month.
    if (moved) history.replaceState(null, '', `#/advisories?month=${key}`);
  }
  const go = (by) => () => {
    shown = by === 0 ? monthOf('') : shift(shown, by);
    draw(true);
  };
  const section = h('section', { id: 'embargo-calendar', 'aria-labelledby': 'embargo-calendar-heading', class: 'panel' },
    h('h2', { id: 'embargo-calendar-heading' }, 'Embargo calendar'),
    h('div', { class: 'calendar-nav' },
      h('button', { type: 'button', id: 'calendar-previous', class: 'calendar-previous', onclick: go(-1) },
        h('span', { 'aria-hidden': 'true' }, '‹ '), 'Previous month'),
      month,
      h('button', { type: 'button', id: 'calendar-next', class: 'calendar-next', onclick: go(1) },
        'Next month', h('span', { 'aria-hidden': 'true' }, ' ›')),
      h('button', { type: 'button', id: 'calendar-today', class: 'calendar-today', onclick: go(0) }, 'This month')),
    count, grid);
  draw();
  return section;
}

function advisoryTable(advisories) {
  const rows = advisories.map((advisory) => h('tr', { 'data-advisory-id': advisory.id, 'data-state': advisory.state },
    h('th', { scope: 'row' }, h('a', { href: `#/advisories/${encodeURIComponent(advisory.id)}` }, label(advisory))),
    h('td', {}, advisory.program),
    h('td', {}, advisory.trackingId ?? '—'),
    h('td', {}, h('span', { class: ['advisory-state', `state-${advisory.state}`] }, advisory.state)),
    h('td', { class: 'number' }, String(advisory.revision)),
    h('td', {}, time(advisory.liftAt)),
    h('td', {}, time(advisory.publishedAt))));
  return h('table', { id: 'advisory-list' },
    h('caption', {}, `Advisories (${advisories.length}), newest first`),
    h('thead', {}, h('tr', {}, ['Advisory', 'Program', 'Report', 'State', 'Revision', 'Lift time', 'Published']
      .map((text) => h('th', { scope: 'col' }, text)))),
    h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: '7', class: 'empty' }, 'No advisories here.'))));
}

export async function render(main, params) {
  const query = params?.query ?? new URLSearchParams();
  const box = h('div', {});
  main.append(h('h1', {}, 'Advisories'), box);
  let advisories;
  try {
    // Titles are not in the list: an embargoed advisory's content is shown only on its own page.
    advisories = await api('advisory', '/api/v1/advisories?size=500');
  } catch (error) {
    refusal(box, error);
    return;
  }

  const listBox = h('div', {});
  const filter = h('select', { id: 'advisory-state-filter' }, STATES.map(([value, text]) => h('option', { value }, text)));
  const showList = () => clear(listBox).append(advisoryTable(filter.value
    ? advisories.filter((advisory) => advisory.state === filter.value) : advisories));
  filter.addEventListener('change', showList);
  showList();

  main.append(
    calendar(advisories, query),
    h('section', { 'aria-labelledby': 'advisory-list-heading' },
      h('h2', { id: 'advisory-list-heading' }, 'All advisories'),
      h('div', { class: 'field inline-field' }, h('label', { for: 'advisory-state-filter' }, 'Show'), filter),
      listBox));
  box.remove();
}
