// GET /report: the programs that accept reports.

import { getJson } from './api.js';
import { byId, el, fill, keepFragment, pageStatus } from './dom.js';
import { publishedKey, within } from './policy.js';

keepFragment();

function entry(view) {
  const program = view.program;
  const slug = encodeURIComponent(view.slug);
  const acknowledgement = program.policy?.deadlines?.acknowledgement;
  return el('li', { dataset: { slug: view.slug } },
    el('h2', {}, el('a', { href: `/report/${slug}` }, program.name ?? view.slug)),
    program.description ? el('p', {}, program.description) : null,
    el('p', { class: 'muted' },
      acknowledgement ? `Acknowledges reports ${within(acknowledgement)}. ` : '',
      publishedKey(program) ? 'Accepts reports encrypted with OpenPGP. ' : ''),
    el('p', {}, el('a', { href: `/report/${slug}/new` }, `Report a vulnerability to ${program.name ?? view.slug}`)));
}

async function show() {
  try {
    const programs = await getJson('/api/v1/programs');
    fill(byId('programs'), programs.map(entry));
    pageStatus(programs.length === 0 ? 'No program accepts reports here yet.' : '');
  } catch (problem) {
    pageStatus(`The programs cannot be shown: ${problem.explanation ?? problem.message}`, { problem: true });
  }
}

show();
