// A case's regulatory side: its CVE ID by the program's CVE route, and the EU Cyber Resilience
// Act's Article 14 reporting (the clock from the awareness time and the three notifications). The
// deadlines themselves are on the case's one deadline list; the API decides what is allowed.

import { api } from '../api.js';
import { act, clear, field, h, outcome, problemMessage, select, time } from '../dom.js';

const KINDS = [
  ['early_warning', 'Early warning (24 hours)'],
  ['notification', 'Notification (72 hours)'],
  ['final_report', 'Final report'],
];

const FIELDS = [
  ['product', 'Product concerned'],
  ['natureOfVulnerability', 'Nature of the vulnerability or incident'],
  ['suspectedMaliciousUse', 'Suspected malicious use'],
  ['memberStatesConcerned', 'Member states concerned (ISO codes, comma-separated)'],
  ['severityAndImpact', 'Severity and impact'],
  ['correctiveMeasures', 'Corrective or mitigating measures'],
  ['userMeasures', 'Measures users can take'],
  ['sensitivity', 'Sensitivity of the information'],
  ['maliciousActor', 'Malicious actor'],
  ['rootCause', 'Root cause'],
  ['measuresApplied', 'Measures applied'],
];

/** The case's CVE ID; coordinators assign one from the pool, record another assigner's, reject it. */
export function cveSection(path, program, coordinating, afterChange) {
  const box = h('div', { id: 'cve-box' }, h('p', { class: 'loading' }, 'Loading the CVE ID…'));
  const output = outcome();
  const route = program?.cve?.route;

  async function call(button, method, suffix, body, message) {
    await act(button, output, async () => {
      const updated = await api('triage', `${path}/cve${suffix}`, { method, body });
      show(updated);
      afterChange();
      return updated;
    }, message);
  }

  function show(cve) {
    const items = [
      h('dt', {}, 'CVE ID'), h('dd', { id: 'cve-id' }, cve.cveId ?? h('span', { class: 'muted' }, 'none yet')),
      h('dt', {}, 'Route'), h('dd', {}, cve.route ?? route ?? h('span', { class: 'muted' }, 'not stated')),
      ...(cve.requestedFrom ? [h('dt', {}, 'Requested from'),
        h('dd', {}, cve.requestedFrom, ' ', time(cve.requestedAt), cve.requestReference ? ` (${cve.requestReference})` : null)] : []),
      ...(cve.publiclyDisclosedAt ? [h('dt', {}, 'Public since'), h('dd', {}, time(cve.publiclyDisclosedAt))] : []),
      ...(cve.recordPublishedAt ? [h('dt', {}, 'CVE record public'), h('dd', {}, time(cve.recordPublishedAt))] : []),
    ];
    clear(box).append(h('dl', { class: 'case-summary' }, items));
    if (!coordinating) return;
    if (cve.cveId) {
      const reason = h('textarea', { id: 'cve-reject-reason', rows: '2', maxlength: '2000' });
      box.append(field('Reason to reject it', reason),
        h('div', { class: 'actions' }, h('button', { type: 'button', id: 'cve-reject', onclick: (event) =>
          call(event.currentTarget, 'POST', '/reject', { reason: reason.value.trim() }, 'The CVE ID was rejected.') }, 'Reject the ID')));
    } else if (route === 'own-cna') {
      box.append(h('div', { class: 'actions' }, h('button', { type: 'button', id: 'cve-assign', onclick: (event) =>
        call(event.currentTarget, 'POST', '/assign', {}, (c) => `${c.cveId} is assigned; the reporter is told.`) },
      'Assign the next reserved ID')));
    } else if (route !== 'none') {
      const from = h('input', { id: 'cve-request-from', type: 'text', maxlength: '200', value: program?.cve?.assigner ?? '' });
      const reference = h('input', { id: 'cve-request-reference', type: 'text', maxlength: '500' });
      const id = h('input', { id: 'cve-arrived', type: 'text', maxlength: '30', placeholder: 'CVE-2026-12345' });
      box.append(field('Requested from', from), field('Their reference', reference),
        h('div', { class: 'actions' }, h('button', { type: 'button', id: 'cve-request', onclick: (event) =>
          call(event.currentTarget, 'POST', '/request', { from: from.value.trim(), reference: reference.value.trim() || null },
            'The request is recorded.') }, 'Record the request')),
        field('The ID they gave', id),
        h('div', { class: 'actions' }, h('button', { type: 'button', id: 'cve-record', onclick: (event) =>
          call(event.currentTarget, 'PUT', '', { cveId: id.value.trim() }, (c) => `${c.cveId} is recorded; the reporter is told.`) },
        'Record the ID')));
    }
  }

  api('triage', `${path}/cve`).then(show).catch((error) => problemMessage(box, error));
  return [box, output];
}

/**
 * The EU CRA clock and notifications, for programs whose products are on the EU market: the
 * trigger and awareness time, the corrective measure, and each notification's draft, review,
 * export and submission.
 */
export function craSection(path, program, coordinating, afterChange) {
  const box = h('div', { id: 'cra-box' });
  const output = outcome();
  if (!program?.euMarket?.placedOnMarket) {
    box.append(h('p', { class: 'empty' }, 'The program does not state that its products are placed on the EU market: '
      + 'no CRA clock runs.'));
    return [box];
  }

  async function call(button, method, suffix, body, message) {
    await act(button, output, async () => {
      const updated = await api('triage', `${path}/cra${suffix}`, { method, body });
      show(updated);
      afterChange();
      return updated;
    }, message);
  }

  function startForm() {
    const trigger = select({ id: 'cra-trigger' }, [['actively_exploited', 'Actively exploited vulnerability'],
      ['severe_incident', 'Severe incident']], 'actively_exploited');
    const aware = h('input', { id: 'cra-aware-at', type: 'datetime-local', value: new Date().toISOString().slice(0, 16) });
    const reason = h('textarea', { id: 'cra-reason', rows: '2', maxlength: '2000' });
    return [field('What happened', trigger), field('Aware since (UTC)', aware), field('How the team learned it', reason),
      h('div', { class: 'actions' }, h('button', { type: 'button', id: 'cra-start', onclick: (event) =>
        call(event.currentTarget, 'POST', '', { trigger: trigger.value, awareAt: `${aware.value}:00Z`, reason: reason.value.trim() },
          'The CRA clock runs: see the deadlines.') }, 'Start the CRA clock'))];
  }

  function notificationItem(kind, label, drafted) {
    const base = `/notifications/${kind}`;
    const state = !drafted ? 'not drafted' : drafted.submittedAt ? 'submitted' : drafted.reviewedAt ? 'reviewed' : 'draft';
    const item = h('li', { class: 'cra-notification', 'data-kind': kind, 'data-state': state },
      h('strong', {}, label), ' ', drafted ? `(${drafted.article}) ` : null, h('span', { class: 'badge' }, state),
      drafted?.submittedAt ? [' ', time(drafted.submittedAt), ` — ${drafted.submissionReference}`] : null);
    if (drafted) {
      item.append(' ', h('button', { type: 'button', class: 'link', onclick: (event) => act(event.currentTarget, output, async () => {
        const text = await api('triage', `${path}/cra${base}/export.txt`, { headers: { Accept: 'text/plain' } });
        const blob = new Blob([text], { type: 'text/plain' });
        const link = h('a', { href: URL.createObjectURL(blob), download: `${kind}.txt` });
        link.click();
        URL.revokeObjectURL(link.href);
      }, 'Exported as text.') }, 'Export text'));
    }
    if (!coordinating || drafted?.submittedAt) return item;
    if (!drafted) {
      item.append(' ', h('button', { type: 'button', onclick: (event) => call(event.currentTarget, 'POST', base, null,
        `${label}: drafted from the case.`) }, 'Draft from the case'));
      return item;
    }
    const inputs = Object.fromEntries(FIELDS.map(([name]) => {
      const value = drafted.content?.[name];
      return [name, h('textarea', { id: `cra-${kind}-${name}`, rows: '2', maxlength: '4000',
        value: Array.isArray(value) ? value.join(', ') : value ?? '' })];
    }));
    const content = () => Object.fromEntries(FIELDS.map(([name]) => [name, name === 'memberStatesConcerned'
      ? inputs[name].value.split(',').map((code) => code.trim()).filter(Boolean) : inputs[name].value.trim() || null]));
    const reference = h('input', { id: `cra-${kind}-reference`, type: 'text', maxlength: '500' });
    item.append(h('details', {}, h('summary', {}, 'Edit, review, submit'),
      FIELDS.map(([name, fieldLabel]) => field(fieldLabel, inputs[name])),
      h('div', { class: 'actions' },
        h('button', { type: 'button', onclick: (event) => call(event.currentTarget, 'PUT', base, content(), `${label}: saved.`) }, 'Save'),
        h('button', { type: 'button', onclick: (event) => call(event.currentTarget, 'POST', `${base}/review`, null,
          `${label}: reviewed.`) }, 'Mark reviewed')),
      field('Reference from the single reporting platform', reference),
      h('div', { class: 'actions' }, h('button', { type: 'button', onclick: (event) => call(event.currentTarget, 'POST',
        `${base}/submission`, { reference: reference.value.trim() }, `${label}: submission recorded.`) }, 'Record submission'))));
    return item;
  }

  function show(cra) {
    clear(box);
    if (!cra.trigger) {
      box.append(h('p', { class: 'empty' }, 'No CRA clock runs for this case.'), ...(coordinating ? startForm() : []));
      return;
    }
    box.append(h('dl', { class: 'case-summary' },
      h('dt', {}, 'Trigger'), h('dd', { id: 'cra-trigger-shown' }, cra.trigger.replace('_', ' ')),
      h('dt', {}, 'Aware since'), h('dd', {}, time(cra.awareAt)),
      h('dt', {}, 'Corrective measure'), h('dd', {}, cra.correctiveMeasureAt
        ? [time(cra.correctiveMeasureAt), ' ', cra.correctiveMeasure ?? ''] : h('span', { class: 'muted' }, 'none yet'))),
    h('ol', { id: 'cra-notifications' }, KINDS.map(([kind, label]) =>
      notificationItem(kind, label, cra.notifications.find((notification) => notification.kind === kind)))));
    if (coordinating && !cra.correctiveMeasureAt) {
      const when = h('input', { id: 'cra-measure-at', type: 'datetime-local', value: new Date().toISOString().slice(0, 16) });
      const what = h('textarea', { id: 'cra-measure', rows: '2', maxlength: '4000' });
      box.append(field('Corrective measure available since (UTC)', when), field('What it is', what),
        h('div', { class: 'actions' }, h('button', { type: 'button', id: 'cra-measure-record', onclick: (event) =>
          call(event.currentTarget, 'PUT', '/corrective-measure', { availableAt: `${when.value}:00Z`, description: what.value.trim() },
            'The corrective measure is recorded: the final report is on the clock.') }, 'Record the measure')));
    }
  }

  api('triage', `${path}/cra`).then(show).catch((error) => problemMessage(box, error));
  return [box, output];
}
