// GET /report/{slug}: a program, what its policy promises, and where to report.

import { getJson, program as fetchProgram } from './api.js';
import { byId, el, externalLink, fill, keepFragment, pageStatus, showProgramUnavailable, time } from './dom.js';
import {
  amount, contentName, creditWords, groupedFingerprint, deadlineWords, publishedKey, reportContents, scopeClasses, stepName,
  within,
} from './policy.js';

keepFragment();

const slug = decodeURIComponent(window.location.pathname.split('/')[2] ?? '');
const api = `/api/v1/programs/${encodeURIComponent(slug)}`;

function scopeItem(scope) {
  return el('li', { dataset: { scopeClass: scope.id } },
    el('strong', {}, scope.title ?? scope.id),
    scope.description ? `: ${scope.description}` : '',
    scope.examples?.length ? el('span', { class: 'muted' }, ` (e.g. ${scope.examples.join('; ')})`) : '');
}

/** The deadlines of a track as list items, in the order a report meets them. */
function deadlineItems(deadlines = {}) {
  const items = [];
  const line = (label, text) => items.push(el('li', {}, el('strong', {}, `${label}: `), text));
  if (deadlines.acknowledgement) line('Acknowledgement', within(deadlines.acknowledgement));
  if (deadlines.triage) line('Triage', within(deadlines.triage));
  if (deadlines.statusUpdates) line('Status updates', `every ${amount(deadlines.statusUpdates)}`);
  for (const [severity, duration] of Object.entries(deadlines.fixBySeverity ?? {})) {
    line(`Fix, ${severity} severity`, within(duration));
  }
  if (deadlines.fixWindow) {
    line('Fix', `between ${amount(deadlines.fixWindow.min)} and ${amount(deadlines.fixWindow.max)}`);
  }
  if (deadlines.preReleaseEmbargo) {
    line('Partners told under embargo', `at most ${amount(deadlines.preReleaseEmbargo)} before public disclosure`);
  }
  if (deadlines.disclosure) line('Public disclosure', within(deadlines.disclosure));
  if (deadlines.postMortem) {
    const floor = deadlines.postMortem.minSeverity ? ` (${deadlines.postMortem.minSeverity} severity and above)` : '';
    line('Post-mortem', `${within(deadlines.postMortem.within)} after the release${floor}`);
  }
  return items;
}

function showPolicy(program) {
  const policy = program.policy ?? {};
  fill(byId('deadlines'), deadlineItems(policy.deadlines));

  const expedited = policy.expedited;
  byId('expedited-section').hidden = !expedited;
  if (expedited) {
    byId('expedited-when').textContent = `Shorter deadlines when a vulnerability is ${(expedited.when ?? [])
      .map((reason) => reason.replaceAll('-', ' ')).join(' or ')}:`;
    fill(byId('expedited-deadlines'), deadlineItems(expedited.deadlines));
    byId('expedited-note').textContent = expedited.note ?? '';
  }

  const extensions = policy.extensions;
  byId('extensions').textContent = !extensions ? ''
    : extensions.allowed
      ? `Deadlines may be extended${extensions.reporterAgreementRequired ? ', only with your agreement' : ''}. ${extensions.note ?? ''}`
      : 'Deadlines are not extended.';
  const zone = program.timeZone ? `Business days count in the ${program.timeZone} time zone` : '';
  const weekend = policy.calendar?.weekend?.length ? `, with ${policy.calendar.weekend.join(' and ').toLowerCase()} off` : '';
  byId('calendar').textContent = zone ? `${zone}${weekend}.` : '';

  const contents = reportContents(program);
  fill(byId('report-contents'),
    contents.required.length ? el('li', {}, el('strong', {}, 'Required: '), contents.required.map(contentName).join(', ')) : null,
    contents.recommended.length ? el('li', {}, el('strong', {}, 'Recommended: '), contents.recommended.map(contentName).join(', ')) : null);

  const versions = policy.supportedVersions ?? [];
  byId('versions-section').hidden = versions.length === 0;
  fill(byId('supported-versions').tBodies[0], versions.map((row) => el('tr', {},
    el('td', {}, el('code', {}, row.versions)), el('td', {}, row.status ?? ''),
    el('td', {}, row.securityFixes ? 'Yes' : 'No'), el('td', {}, row.notes ?? ''))));

  const credit = policy.disclosure?.credit ?? [];
  byId('credit').textContent = credit.length ? `The program credits reporters ${creditWords(credit)}.` : '';
  const groups = policy.disclosure?.partnerGroups ?? [];
  byId('partner-groups').textContent = groups.length === 0 ? 'No partners are told before the public.'
    : `Told before the public, under embargo: ${groups.map((group) => `${(group.description ?? group.id).replace(/\.$/, '')}`
      + `${group.maxEmbargo ? ` (at most ${amount(group.maxEmbargo)} ahead)` : ''}`).join('; ')}.`;
  byId('safe-harbor-section').hidden = !policy.disclosure?.safeHarbor;
  byId('safe-harbor').textContent = policy.disclosure?.safeHarbor ?? '';
}

function showKey(program) {
  const openPgp = program.openPgp ?? {};
  const key = publishedKey(program);
  byId('openpgp-key').hidden = !key;
  if (key) {
    byId('openpgp-status').textContent = 'The report form can encrypt your report in your browser to this key, '
      + 'so that only the security team can read it.';
    byId('openpgp-fingerprint').textContent = openPgp.fingerprint ? groupedFingerprint(openPgp.fingerprint) : 'not stated';
    byId('openpgp-key-link').href = `${api}/openpgp-key.asc`;
  } else {
    byId('openpgp-status').textContent = openPgp.status === 'forthcoming'
      ? 'The program has not published its OpenPGP key yet. Reports travel over HTTPS and are kept encrypted.'
      : 'The program publishes no OpenPGP key. Reports travel over HTTPS and are kept encrypted.';
  }
}

function showChannels(program) {
  const channels = (program.channels ?? []).filter((channel) => channel.address || channel.url);
  fill(byId('channels'), channels.map((channel) => {
    const where = channel.url ? externalLink(channel.url)
      : channel.type === 'email' ? el('a', { href: `mailto:${channel.address}` }, channel.address) : channel.address;
    return el('li', {}, el('strong', {}, `${channel.type.replaceAll('-', ' ')}: `), where,
      channel.note ? ` (${channel.note})` : '', channel.preferred ? ' — preferred' : '');
  }));
}

async function showTimeline() {
  const severity = byId('timeline-severity').value;
  const expedited = byId('timeline-expedited').checked;
  const query = new URLSearchParams();
  if (severity) query.set('severity', severity);
  if (expedited) query.set('expedited', 'true');
  const status = byId('timeline-status');
  status.textContent = 'Loading the timeline…';
  try {
    const dates = await getJson(`${api}/timeline?${query}`);
    fill(byId('timeline'), dates.map((date) => el('li', { dataset: { step: date.step } },
      el('span', { class: 'step' }, stepName(date.step)), ': ',
      date.dueAt ? ['by ', time(date.dueAt), el('span', { class: 'muted' }, ` — ${deadlineWords(date.promised, date.basis)}`)]
        : deadlineWords(date.promised, date.basis) || 'no date')));
    status.textContent = '';
  } catch (problem) {
    status.textContent = `The timeline cannot be shown: ${problem.explanation ?? problem.message}`;
  }
}

function setUpTimeline(program) {
  const levels = program.policy?.severity?.levels ?? [];
  byId('timeline-severity').append(...levels.map((level) => el('option', { value: level.name }, level.name)));
  byId('timeline-expedited-field').hidden = !program.policy?.expedited;
  byId('timeline-form').addEventListener('change', showTimeline);
  byId('timeline-form').addEventListener('submit', (event) => event.preventDefault());
  return showTimeline();
}

async function show() {
  let view;
  try {
    view = await fetchProgram(slug);
  } catch (problem) {
    showProgramUnavailable(problem, 'The program');
    return;
  }
  const program = view.program;
  document.title = `${program.name} — report a vulnerability — Embargo`;
  byId('program-name').textContent = program.name;
  byId('program-description').textContent = program.description ?? '';
  byId('report-link').href = `/report/${encodeURIComponent(view.slug)}/new`;
  byId('report-link').textContent = `Report a vulnerability to ${program.name}`;
  const scope = scopeClasses(program);
  fill(byId('in-scope'), scope.inScope.map(scopeItem));
  fill(byId('out-of-scope'), scope.outOfScope.map(scopeItem));
  byId('out-of-scope-section').hidden = scope.outOfScope.length === 0;
  showPolicy(program);
  showKey(program);
  showChannels(program);
  byId('security-txt-link').href = `${api}/security.txt`;
  byId('security-md-link').href = `${api}/SECURITY.md`;
  byId('program').hidden = false;
  pageStatus('');
  await setUpTimeline(program);
}

show();
