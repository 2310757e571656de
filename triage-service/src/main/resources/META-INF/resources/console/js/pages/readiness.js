// The readiness board of a pre-advisory (notify): which partners received, acknowledged, answered
// and are ready for the lift, with their product statements. Partners' words are shown as text.

import { api } from '../api.js';
import { h, problemMessage, table, time } from '../dom.js';

function statements(list) {
  if (!list.length) return h('span', { class: 'muted' }, '—');
  return h('ul', {}, list.map((statement) => h('li', {},
    h('strong', {}, statement.product), `: ${statement.status.replaceAll('_', ' ')}`,
    statement.justification ? ` (${statement.justification.replaceAll('_', ' ')})` : null,
    statement.fixedVersion ? ` in ${statement.fixedVersion}` : null)));
}

function readiness(partner) {
  if (!partner.readiness) return h('span', { class: 'muted' }, 'not reported');
  return [partner.readiness.replaceAll('_', ' '), partner.readinessReason ? `: ${partner.readinessReason}` : null];
}

export async function render(main, { id }) {
  main.append(h('h1', {}, 'Partner readiness'));
  let board;
  try {
    board = await api('notify', `/api/v1/preadvisories/${encodeURIComponent(id)}/readiness`);
  } catch (error) {
    problemMessage(main.appendChild(h('div', {})), error);
    return;
  }
  const { counts } = board;
  main.append(
    h('p', { id: 'readiness-summary' },
      `${board.advisory ?? board.advisoryId} (${board.program}): ${counts.received} received,`
        + ` ${counts.acknowledged} acknowledged, ${counts.answered} answered, ${counts.ready} ready.`),
    h('p', {}, 'The embargo lifts at ', time(board.embargoUntil), '. ',
      board.warnedAt ? ['The team was warned at ', time(board.warnedAt), ' that partners are not ready.']
        : ['The team is warned at ', time(board.warningAt), ' if a partner is not ready by then.']),
    table([
      { label: 'Partner', cell: (partner) => partner.name },
      { label: 'Received', cell: (partner) => time(partner.receivedAt) },
      { label: 'Acknowledged', cell: (partner) => time(partner.acknowledgedAt) },
      { label: 'Products', cell: (partner) => statements(partner.statements) },
      { label: 'Readiness', cell: (partner) => readiness(partner) },
    ], board.partners, {
      id: 'readiness-board',
      caption: 'Partners told, in the order they received it',
      rowAttrs: (partner) => ({ 'data-partner-id': partner.partnerId, 'data-readiness': partner.readiness ?? 'none' }),
      empty: 'No partner received it.',
    }),
    h('p', { class: 'hint' }, `To move the lift: ${board.moveLift.method} ${board.moveLift.path} on`
      + ` ${board.moveLift.service} (the advisory's page, Embargo). ${board.moveLift.note}`));
}
