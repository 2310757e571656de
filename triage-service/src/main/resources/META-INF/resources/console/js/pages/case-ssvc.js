// The case's SSVC decision beside its CVSS score: the decision points of CISA's table (and,
// optionally, CERT/CC's coordinator triage) as the API serves them from CERT/CC's published
// tables, so the console never keeps a copy of the tables of its own.

import { api } from '../api.js';
import { act, clear, field, h, outcome, problemMessage, select } from '../dom.js';

/** The summary line: the outcome, and the expedited track offered while exploitation is active. */
export function ssvcSummary(c) {
  if (!c.ssvc) return [h('span', { id: 'case-ssvc', class: 'muted' }, 'not decided')];
  return [h('span', { id: 'case-ssvc' }, c.ssvc.decision.outcome),
    c.ssvc.coordinatorTriage ? ` — coordinator triage: ${c.ssvc.coordinatorTriage.outcome}` : null,
    c.ssvc.expediteOffered ? [' ', h('span', { class: 'badge badge-warning', id: 'case-ssvc-expedite' },
      'Exploitation active: expedited track offered')] : null];
}

/** The form: one select per decision point, filled with the case's last decision. */
export function ssvcSection(path, c, afterChange) {
  const box = h('div', { id: 'ssvc-form' }, h('p', { class: 'muted' }, 'Loading the SSVC tables…'));
  const output = outcome();
  api('triage', '/api/v1/ssvc/tables')
    .then((tables) => fill(box, output, path, c, tables, afterChange))
    .catch((error) => problemMessage(clear(box), error));
  return h('div', {}, box, output);
}

function fill(box, output, path, c, tables, afterChange) {
  const [cisa, triage] = tables;
  const cisaSelects = selects(cisa, c.ssvc?.decision);
  const triageSelects = selects(triage, c.ssvc?.coordinatorTriage);
  const withTriage = h('input', { type: 'checkbox', id: 'ssvc-with-triage', checked: Boolean(c.ssvc?.coordinatorTriage) });
  const triageBox = h('fieldset', { id: 'ssvc-triage', hidden: !withTriage.checked },
    h('legend', {}, `${triage.name} ${triage.version}: ${triage.outcomes.join(', ')}`),
    ...triageSelects.fields);
  withTriage.addEventListener('change', () => { triageBox.hidden = !withTriage.checked; });
  const record = h('button', { type: 'button', id: 'set-ssvc', onclick: (event) => act(event.currentTarget, output, async () => {
    const body = { decisionPoints: cisaSelects.chosen() };
    if (withTriage.checked) body.coordinatorTriage = triageSelects.chosen();
    const updated = await api('triage', `${path}/ssvc`, { method: 'PUT', body });
    afterChange(updated);
    return updated;
  }, (updated) => `SSVC decision: ${updated.ssvc.decision.outcome}.`) }, 'Record SSVC decision');
  clear(box).append(
    h('fieldset', {}, h('legend', {}, `${cisa.name} ${cisa.version}: ${cisa.outcomes.join(', ')}`), ...cisaSelects.fields),
    h('div', { class: 'field' }, withTriage, ' ', h('label', { for: 'ssvc-with-triage' },
      'Also decide whether to coordinate (CERT/CC coordinator triage)')),
    triageBox,
    h('div', { class: 'actions' }, record));
}

/** A select per decision point of a table, and the values chosen, keyed by the table's names. */
function selects(table, previous) {
  const controls = table.decisionPoints.map((point) => {
    const chosen = previous?.options?.find((option) => option.decisionPoint === point.name)?.value;
    return [point.name, select({ id: `ssvc-${table.field}-${slug(point.name)}` },
      [['', 'Choose…'], ...point.values], chosen)];
  });
  return {
    fields: controls.map(([name, control]) => field(name, control)),
    chosen: () => Object.fromEntries(controls.map(([name, control]) => [name, control.value])),
  };
}

function slug(name) {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}
