// GET /report/{slug}: a program, what its policy promises, and where to report.

import { getJson, program as fetchProgram } from './api.js';
import { byId, el, externalLink, fill, keepFragment, pageStatus, showProgramUnavailable, time } from './dom.js';
import {
  amount, contentName, creditWords, groupedFingerprint, deadlineWords, publishedKey, reportContents, scopeClasses, stepName,
  within,
} from './policy.js';

const CHANNELS = {
  'github-private-reporting': 'GitHub private vulnerability reporting',
  hackerone: 'HackerOne',
  bugcrowd: 'Bugcrowd',
  intigriti: 'Intigriti',
  yeswehack: 'YesWeHack',
  portal: 'the vendor’s bug-hunter portal',
  'issue-tracker': 'private issue tracker',
  'github-advisories': 'GitHub security advisories',
  'distros-list': 'distributions list',
  rss: 'RSS feed',
  own: 'the program’s own platform',
};

/** A channel, announcement or platform type as people name it. */
function channelName(type) {
  return CHANNELS[type] ?? String(type).replaceAll('-', ' ');
}

const RELEASES = {
  'fixed-in-public': 'fixed in public',
  'next-scheduled-release': 'fixed in the next scheduled release',
  'out-of-band-release': 'fixed in a release out of band',
  'no-advisory': 'fixed with no advisory',
};

/** "fixed in public, no embargo": how a severity level or track is handled, when the policy says. */
function handling(release, embargo) {
  const words = [release ? RELEASES[release] ?? release : null,
    embargo === undefined || embargo === null ? null : embargo ? 'under embargo' : 'no embargo'].filter(Boolean);
  return words.length ? ` — ${words.join(', ')}.` : '';
}

const NOT_STATED = 'Not stated in the policy.';

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
  for (const [severity, promise] of Object.entries(deadlines.fixBySeverity ?? {})) {
    line(`Fix, ${severity} severity`, within(promise));
  }
  for (const [track, promise] of Object.entries(deadlines.fixByTrack ?? {})) {
    line(`Fix, ${track} track`, within(promise));
  }
  if (deadlines.fixWindow) {
    line('Fix', `between ${amount(deadlines.fixWindow.min)} and ${amount(deadlines.fixWindow.max)}`);
  }
  if (deadlines.preReleaseEmbargo) {
    line('Partners told under embargo', `at most ${amount(deadlines.preReleaseEmbargo)} before public disclosure`);
  }
  if (deadlines.minimumEmbargo) {
    line('No public disclosure before', `${amount(deadlines.minimumEmbargo)} after the report arrives`);
  }
  if (deadlines.preAnnouncement) line('Public pre-announcement', `${within(deadlines.preAnnouncement)} before disclosure`);
  if (deadlines.disclosure) line('Public disclosure', within(deadlines.disclosure));
  for (const [severity, promise] of Object.entries(deadlines.disclosureBySeverity ?? {})) {
    line(`Public disclosure, ${severity} severity`, within(promise));
  }
  for (const [track, promise] of Object.entries(deadlines.disclosureByTrack ?? {})) {
    line(`Public disclosure, ${track} track`, within(promise));
  }
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
  byId('extensions').textContent = !extensions
    ? 'The policy does not say whether deadlines may be extended; they may be, with a reason.'
    : extensions.allowed
      ? `Deadlines may be extended${extensions.reporterAgreementRequired ? ', only with your agreement' : ''}. ${extensions.note ?? ''}`
      : 'Deadlines are not extended.';
  const zone = program.timeZone ? `Business days count in the ${program.timeZone} time zone`
    : 'The policy states no time zone; dates are counted in UTC';
  const weekend = policy.calendar?.weekend?.length ? `, with ${policy.calendar.weekend.join(' and ').toLowerCase()} off` : '';
  const releaseTime = policy.calendar?.releaseTime ? ` Releases happen at ${policy.calendar.releaseTime} local time.` : '';
  const noRelease = policy.calendar?.noReleaseOn?.length
    ? ` No releases on ${policy.calendar.noReleaseOn.join(', ').toLowerCase()}.` : '';
  byId('calendar').textContent = `${zone}${weekend}.${releaseTime}${noRelease}`;
  const escalation = policy.escalation;
  byId('escalation').textContent = !escalation ? ''
    : `No answer after ${amount(escalation.after)}? Contact ${(escalation.contacts ?? [])
      .map((contact) => [contact.name, contact.email, contact.url].filter(Boolean).join(', ')).join('; ')}.`
      + `${escalation.note ? ` ${escalation.note}` : ''}`;

  const levels = policy.severity?.levels ?? [];
  byId('severity-none').hidden = Boolean(policy.severity);
  fill(byId('severity-levels'), levels.map((level) => el('li', {}, el('strong', {}, level.name),
    level.minCvss !== undefined ? ` (CVSS ≥ ${level.minCvss})` : '', level.description ? `: ${level.description}` : '',
    handling(level.release, level.embargo))));
  fill(byId('tracks'), (policy.tracks ?? []).map((track) => el('li', { dataset: { track: track.id } },
    el('strong', {}, track.title ?? track.id), track.description ? `: ${track.description}` : '',
    handling(track.release, track.embargo), track.when?.length ? ` When: ${track.when.join('; ')}.` : '')));

  const contents = reportContents(program);
  fill(byId('report-contents'),
    contents.required.length ? el('li', {}, el('strong', {}, 'Required: '), contents.required.map(contentName).join(', ')) : null,
    contents.recommended.length ? el('li', {}, el('strong', {}, 'Recommended: '), contents.recommended.map(contentName).join(', ')) : null,
    contents.extraItems.map((item) => el('li', {}, item.text, item.required ? ' (required)' : ' (optional)')));

  const versions = policy.supportedVersions ?? [];
  byId('versions-section').hidden = versions.length === 0;
  fill(byId('supported-versions').tBodies[0], versions.map((row) => el('tr', {},
    el('td', {}, row.rule ? ruleWords(row) : el('code', {}, row.versions)), el('td', {}, row.status ?? ''),
    el('td', {}, row.securityFixes ? 'Yes' : 'No'),
    el('td', {}, [row.notes, row.endOfLife ? `end of life ${row.endOfLife}` : null].filter(Boolean).join('; ')))));
  const releases = program.releases ?? [];
  byId('releases').textContent = releases.length === 0 ? ''
    : `Releases: ${releases.map((release) => `${release.version}${release.date ? ` (${release.date})` : ''}`
      + `${release.lts ? ' LTS' : ''}`).join(', ')}.`;

  const credit = policy.disclosure?.credit;
  byId('credit').textContent = !Array.isArray(credit) ? 'Credit: not stated in the policy.'
    : credit.length ? `The program credits reporters ${creditWords(credit)}.` : 'The program does not credit reporters.';
  const groups = policy.disclosure?.partnerGroups ?? [];
  byId('partner-groups').textContent = groups.length === 0 ? 'No partners are told before the public.'
    : `Told before the public, under embargo: ${groups.map(partnerGroupWords).join('; ')}.`;
  byId('safe-harbor-section').hidden = !policy.disclosure?.safeHarbor;
  byId('safe-harbor').textContent = policy.disclosure?.safeHarbor ?? '';
}

/** "the 2 latest minor series": a rule row of the supported versions table. */
function ruleWords(row) {
  const count = row.count ?? 1;
  const series = (kind) => (count === 1 ? `The latest ${kind} series` : `The ${count} latest ${kind} series`);
  return { 'latest-minor-series': series('minor'), 'latest-major-series': series('major'), lts: 'Long-term-support releases',
    'latest-release': 'The latest release' }[row.rule] ?? row.rule;
}

function partnerGroupWords(group) {
  const parts = [group.maxEmbargo ? `at most ${amount(group.maxEmbargo)} ahead` : null,
    group.minEmbargo ? `at least ${amount(group.minEmbargo)} ahead` : null,
    group.notices?.length ? `told ${group.notices.map((notice) => `${notice.atLeast ? 'at least ' : ''}${amount(notice.before)} before`)
      .join(' and again ')}` : null,
    group.except?.length ? `not told about ${group.except.join(', ')}` : null].filter(Boolean);
  return `${(group.description ?? group.id).replace(/\.$/, '')}${parts.length ? ` (${parts.join('; ')})` : ''}`;
}

function showKey(program) {
  const openPgp = program.openPgp ?? {};
  const keys = openPgp.status === 'published' ? openPgp.keys ?? [] : [];
  const inline = publishedKey(program);
  byId('openpgp-keys').hidden = keys.length === 0;
  if (keys.length > 0) {
    byId('openpgp-status').textContent = inline
      ? 'The report form can encrypt your report in your browser to the program’s key, so that only the security team can read it.'
      : 'The program publishes its OpenPGP keys elsewhere; the report form sends reports over HTTPS and they are kept encrypted.';
    const served = keys.find((key) => key.armoredKey);
    fill(byId('openpgp-keys'), keys.map((key) => el('li', {},
      el('span', { class: 'fingerprint' }, groupedFingerprint(key.fingerprint)),
      key.uid ? ` (${key.uid})` : '', ': ',
      key === served ? el('a', { href: `${api}/openpgp-key.asc`, download: true }, 'Download the key (.asc)')
        : key.url ? externalLink(key.url) : key.keyserver ? `on ${key.keyserver}` : '',
      key.note ? ` — ${key.note}` : '')));
  } else {
    byId('openpgp-status').textContent = openPgp.status === 'forthcoming'
      ? 'The program has not published its OpenPGP key yet. Reports travel over HTTPS and are kept encrypted.'
      : 'The program publishes no OpenPGP key. Reports travel over HTTPS and are kept encrypted.';
  }
}

const CVE_ROUTES = {
  'own-cna': 'The program is its own CVE Numbering Authority (CNA)',
  'parent-cna': 'CVE IDs come from the program’s parent CNA',
  'other-assigner': 'CVE IDs are requested from another assigner',
  none: 'The program does not assign CVE IDs',
};

function showAbout(program) {
  const announcements = program.announcements ?? [];
  fill(byId('announcements'), announcements.length === 0 ? el('li', {}, NOT_STATED)
    : announcements.map((announcement) => el('li', {}, el('strong', {}, `${channelName(announcement.type)}: `),
      announcement.name ?? '', announcement.address ? ` ${announcement.address}` : '',
      announcement.url ? [' ', externalLink(announcement.url)] : '', announcement.note ? ` (${announcement.note})` : '')));
  const cve = program.cve;
  byId('cve-route').textContent = !cve ? NOT_STATED
    : `${CVE_ROUTES[cve.route] ?? cve.route}${cve.assigner ? ` (${cve.assigner})` : ''}.`
      + `${cve.everyAcceptedIssue === true ? ' Every accepted issue gets a CVE ID.' : ''}`
      + `${cve.everyAcceptedIssue === false ? ' Not every accepted issue gets a CVE ID.' : ''}${cve.note ? ` ${cve.note}` : ''}`;
  const bounty = program.bugBounty;
  fill(byId('bug-bounty'), !bounty ? NOT_STATED
    : bounty.status !== 'offered' ? `No bug bounty is offered.${bounty.note ? ` ${bounty.note}` : ''}`
      : ['A bug bounty is offered', bounty.platform ? ` on ${channelName(bounty.platform)}` : '',
        bounty.url ? [': ', externalLink(bounty.url)] : '', '.', bounty.note ? ` ${bounty.note}` : '']);
  const teams = program.teams ?? [];
  byId('teams-section').hidden = teams.length === 0;
  fill(byId('teams'), teams.map((team) => el('li', {}, el('strong', {}, team.name),
    team.description ? `: ${team.description}` : '', team.contact ? ` Contact: ${team.contact}` : '')));
}

function showChannels(program) {
  const channels = (program.channels ?? []).filter((channel) => channel.address || channel.url);
  fill(byId('channels'), channels.map((channel) => {
    const where = channel.url ? externalLink(channel.url)
      : channel.type === 'email' ? el('a', { href: `mailto:${channel.address}` }, channel.address) : channel.address;
    return el('li', {}, el('strong', {}, `${channelName(channel.type)}: `), where,
      channel.note ? ` (${channel.note})` : '', channel.preferred ? ' — preferred' : '');
  }));
}

async function showTimeline() {
  const severity = byId('timeline-severity').value;
  const track = byId('timeline-track').value;
  const expedited = byId('timeline-expedited').checked;
  const query = new URLSearchParams();
  if (severity) query.set('severity', severity);
  if (track) query.set('track', track);
  if (expedited) query.set('expedited', 'true');
  const status = byId('timeline-status');
  status.textContent = 'Loading the timeline…';
  try {
    const dates = await getJson(`${api}/timeline?${query}`);
    fill(byId('timeline'), dates.map((date) => el('li', { dataset: { step: date.step } },
      el('span', { class: 'step' }, stepName(date.step)), ': ',
      date.label ? `${date.label}: ` : '',
      date.dueAt ? ['by ', time(date.dueAt), el('span', { class: 'muted' }, ` — ${deadlineWords(date.promised, date.basis, date.firm)}`)]
        : deadlineWords(date.promised, date.basis, date.firm) || 'no date')));
    status.textContent = '';
  } catch (problem) {
    status.textContent = `The timeline cannot be shown: ${problem.explanation ?? problem.message}`;
  }
}

function setUpTimeline(program) {
  const levels = program.policy?.severity?.levels ?? [];
  byId('timeline-severity').append(...levels.map((level) => el('option', { value: level.name }, level.name)));
  byId('timeline-severity').closest('.field').hidden = levels.length === 0;
  const tracks = program.policy?.tracks ?? [];
  byId('timeline-track').append(...tracks.map((track) => el('option', { value: track.id }, track.title ?? track.id)));
  byId('timeline-track-field').hidden = tracks.length === 0;
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
  fill(byId('case-by-case'), scope.caseByCase.map(scopeItem));
  byId('case-by-case-section').hidden = scope.caseByCase.length === 0;
  fill(byId('elsewhere'), scope.elsewhere.map((elsewhere) => el('li', {}, el('strong', {}, elsewhere.title ?? elsewhere.id),
    ': report to ', /^https?:/.test(elsewhere.reportTo) ? externalLink(elsewhere.reportTo) : elsewhere.reportTo,
    elsewhere.note ? ` (${elsewhere.note})` : '')));
  byId('elsewhere-section').hidden = scope.elsewhere.length === 0;
  showPolicy(program);
  showKey(program);
  showAbout(program);
  showChannels(program);
  byId('security-txt-link').href = `${api}/security.txt`;
  byId('security-md-link').href = `${api}/SECURITY.md`;
  byId('program').hidden = false;
  pageStatus('');
  await setUpTimeline(program);
}

show();
