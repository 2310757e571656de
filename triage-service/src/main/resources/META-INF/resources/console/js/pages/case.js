// One case: what the reporter wrote, the team's decisions (moves, severity, scope, owner), the
// conversation with the reporter, internal notes, the deadlines on the clock and the audit trail.
// The API decides what is allowed; this page offers what the case says is possible and shows
// every refusal as the problem the API answered.

import { api } from '../api.js';
import { session } from '../auth.js';
import { act, clear, field, formatDate, h, outcome, problemMessage, select, table, time } from '../dom.js';
import { craSection, cveSection } from './case-regulation.js';
import { ssvcSection, ssvcSummary } from './case-ssvc.js';
import { METRICS, buildVector, family, parseVector } from '../cvss.js';
import { stateLabel } from '../states.js';

const MOVE_LABELS = {
  acknowledged: 'Acknowledge', triaging: 'Start triage', needs_info: 'Ask for information', accepted: 'Accept',
  duplicate: 'Mark duplicate', out_of_scope: 'Out of scope', spam: 'Mark spam', wont_fix: 'Won\'t fix',
  fixing: 'Start fixing', pre_release: 'Pre-release', published: 'Published', post_mortem: 'Post-mortem', closed: 'Close',
};

export async function render(main, params) {
  const caseId = params.id;
  const path = `/api/v1/cases/${encodeURIComponent(caseId)}`;
  let current = await api('triage', path);
  const program = await api('triage', `/api/v1/programs/${encodeURIComponent(current.program)}`)
    .then((revision) => revision.program).catch(() => null);

  const heading = h('h1', { id: 'case-title' });
  const summary = h('dl', { class: 'case-summary', id: 'case-summary' });
  const moves = h('div', { id: 'transitions' });
  const movesOutcome = outcome(); // outside the moves, which are redrawn after each one
  const deadlines = h('div', { class: 'deadlines-box' });
  const audit = h('div', { class: 'audit-box' });
  // Changing the deadlines themselves is the coordinators' (the API says so too).
  const coordinating = session.hasRole('coordinator', 'admin');
  const expediting = h('div', { id: 'expedite-box' });
  const expediteOutcome = outcome(); // outside the form, which goes once the case is expedited
  const tracking = h('div', { id: 'track-box' });
  const trackOutcome = outcome(); // outside the form, which is redrawn with the case's new track
  const fixRelease = coordinating ? fixReleaseForm(path, afterChange) : null;
  const extension = coordinating ? extensionForm(path, program, afterChange) : null;

  /** Shows the case as the API last answered it, and what follows from it. */
  function show(updated) {
    current = updated;
    document.title = `${updated.trackingId} · Embargo console`;
    clear(heading).append(updated.trackingId, ': ', updated.title ?? '');
    clear(summary).append(...summaryItems(updated, program));
    renderMoves(moves, movesOutcome, updated, afterChange);
    if (coordinating) renderExpedite(expediting, expediteOutcome, path, updated, program, afterChange);
    if (coordinating) renderTrack(tracking, trackOutcome, path, updated, program, afterChange);
  }

  /** The deadlines on the clock, and the steps an extension may be asked for. */
  function refreshDeadlines() {
    loadDeadlines(deadlines, path).then((rows) => extension?.offer(rows));
  }

  /** After a decision: the case's new form, and the deadlines and audit lines it changed. */
  function afterChange(updated) {
    show(updated);
    refreshDeadlines();
    loadAudit(audit, path);
  }

  /** After a CVE or CRA change: the clocks and audit lines it changed. */
  function refreshAfterRegulation() {
    refreshDeadlines();
    loadAudit(audit, path);
  }

  show(current);
  main.append(
    h('p', { class: 'breadcrumb' }, h('a', { href: '#/cases' }, '← Case queue')),
    heading,
    summary,
    h('div', { class: 'case-layout' },
      h('div', { class: 'case-reading' },
        section('report', 'Report', reportSection(current)),
        section('messages', 'Conversation with the reporter', writtenSection(path, 'messages', audit)),
        section('internal', 'Internal notes', writtenSection(path, 'notes', audit)),
        section('similar-cases', 'Similar cases', similarSection(path))),
      h('div', { class: 'case-deciding' },
        section('moves', 'Move the case', moves, movesOutcome),
        section('deadlines', 'Deadlines', deadlines),
        section('cve', 'CVE ID', ...cveSection(path, program, coordinating, refreshAfterRegulation)),
        section('cra', 'EU CRA reporting', ...craSection(path, program, coordinating, refreshAfterRegulation)),
        coordinating && section('track', 'Track', tracking, trackOutcome),
        coordinating && section('expedite', 'Expedited track', expediting, expediteOutcome),
        coordinating && section('fix-release', 'Fix release', fixRelease),
        coordinating && section('extension', 'Extend a deadline', extension.form),
        section('severity', 'Severity', severitySection(path, current, program, afterChange)),
        section('ssvc', 'SSVC decision', ssvcSection(path, current, afterChange)),
        section('scope', 'Scope', scopeSection(path, current, program, afterChange)),
        section('ownership', 'Owner', ownerSection(path, current, afterChange)))),
    section('audit', 'Audit trail', audit));
  refreshDeadlines();
  loadAudit(audit, path);
}

function section(id, title, ...content) {
  return h('section', { class: 'panel', id: `section-${id}`, 'aria-labelledby': `section-${id}-heading` },
    h('h2', { id: `section-${id}-heading` }, title), ...content);
}

function summaryItems(c, program) {
  const item = (label, ...value) => [h('dt', {}, label), h('dd', {}, ...value)];
  const muted = (text) => h('span', { class: 'muted' }, text);
  const versions = (c.versions ?? []).map((v) => `${v.role} ${v.version} (${v.support})`).join(', ');
  return [
    ...item('State', h('span', { id: 'case-state', class: ['state', `state-${c.state}`], 'data-state': c.state }, stateLabel(c.state))),
    ...item('Program', c.program, c.programRevision ? ` (revision ${c.programRevision})` : null),
    ...item('Severity', h('span', { id: 'case-severity' }, c.severity ?? muted('unscored')),
      c.cvssScore != null ? ` — CVSS ${c.cvssScore}` : null, c.cvssVector ? [' ', h('code', {}, c.cvssVector)] : null),
    ...item('SSVC', ...ssvcSummary(c)),
    ...item('Owner', h('span', { id: 'case-owner' }, c.owner ?? muted('none'))),
    ...item('Submitted', time(c.submittedAt)),
    ...item('Acknowledged', time(c.acknowledgedAt)),
    ...item('Next deadline', c.nextDeadline ? [c.nextDeadline.step, ' ', time(c.nextDeadline.dueAt),
      c.nextDeadline.firm === false ? ' (target)' : null] : muted('none open'),
      c.overdue ? [' ', h('span', { class: 'badge badge-overdue' }, 'Overdue')] : null),
    ...((c.escalations ?? []).length ? item('Escalations', h('ul', { id: 'case-escalations' },
      c.escalations.map((e) => h('li', { 'data-step': e.step },
        'the reporter escalated ', h('span', { class: 'step' }, e.step),
        ' on ', time(e.receivedAt)))),
      c.escalated ? h('span', { class: 'badge badge-overdue', id: 'case-escalated' }, 'Escalated step still open')
        : null) : []),
    ...(c.pausedAt || (c.pausedFor && c.pausedFor !== 'PT0S') ? item('Team clock',
      c.pausedAt ? [h('span', { class: 'badge badge-warning', id: 'case-paused' }, 'Paused'),
        ' waiting for the reporter since ', time(c.pausedAt)] : null,
      c.pausedFor && c.pausedFor !== 'PT0S'
        ? h('span', { id: 'case-paused-for' }, `${c.pausedAt ? '; ' : ''}triage and fix moved by ${c.pausedFor}`) : null) : []),
    ...item('Track', h('span', { id: 'case-track' }, c.track ? trackTitle(program, c.track) : muted('none')),
      c.expedited ? [' ', h('span', { class: 'badge badge-expedited' }, 'Expedited')] : null,
      c.alreadyPublic ? [' ', h('span', { class: 'badge badge-warning', id: 'case-already-public' }, 'Already public')] : null),
    ...(c.fixReleasedAt ? item('Fix released', time(c.fixReleasedAt)) : []),
    ...item('Affected version', c.affectedVersion ?? muted('not given'), c.versionSupport ? ` (${c.versionSupport})` : null),
    ...item('Scope', c.scopeClass ? `${c.scopeClass} (${c.inScope ? 'in scope' : 'out of scope'})` : muted('not decided'),
      versions ? ` — ${versions}` : null),
    ...(c.reportedScopeClass || c.reportedCvssVector ? item('Reporter\'s claim',
      c.reportedScopeClass ? `scope ${c.reportedScopeClass}` : null, c.reportedScopeClass && c.reportedCvssVector ? ', ' : null,
      c.reportedCvssVector ? h('code', {}, c.reportedCvssVector) : null) : []),
    ...item('Credit', c.creditName ?? muted('none'), c.creditPreference ? ` (${c.creditPreference})` : null),
    ...(c.spamSignals?.length ? item('Spam signals', h('span', { class: 'badge badge-warning' }, c.spamSignals.join(', '))) : []),
    ...(c.duplicateOf ? item('Duplicate of', h('a', { href: `#/cases/${encodeURIComponent(c.duplicateOf)}` }, c.duplicateOf)) : []),
  ];
}

function renderMoves(container, output, c, afterChange) {
  clear(container);
  const allowed = c.allowedTransitions ?? [];
  if (!allowed.length) {
    container.append(h('p', {}, `A ${stateLabel(c.state).toLowerCase()} case makes no further moves.`));
    return;
  }
  const reason = h('textarea', { id: 'transition-reason', rows: '2', maxlength: '2000' });
  const duplicateOf = allowed.includes('duplicate')
    ? h('input', { id: 'duplicate-of', type: 'text', maxlength: '64', autocomplete: 'off' }) : null;
  const question = allowed.includes('needs_info')
    ? h('textarea', { id: 'needs-info-question', rows: '3', maxlength: '10000' }) : null;
  const move = async (button, to) => act(button, output, async () => {
    const body = { to, reason: reason.value.trim() || null };
    if (to === 'duplicate') body.duplicateOf = duplicateOf.value.trim() || null;
    if (to === 'needs_info') body.question = question.value.trim() || null;
    const updated = await api('triage', `/api/v1/cases/${encodeURIComponent(c.id)}/transitions`, { method: 'POST', body });
    afterChange(updated);
    return updated;
  }, (updated) => `Moved to ${stateLabel(updated.state)}.`);
  container.append(...[
    h('p', {}, 'From ', h('strong', {}, stateLabel(c.state)), ' the case may move to:'),
    field('Reason (sealed in the event and audit trail)', reason),
    duplicateOf ? field('Duplicate of (case id or tracking id, for “Mark duplicate”)', duplicateOf) : null,
    question ? field('Question to the reporter (for needs info)', question,
      'Sent to the reporter; the team\'s triage and fix clocks pause until they answer.') : null,
    h('div', { class: 'actions transitions' }, allowed.map((to) => h('button', {
      type: 'button', class: ['transition', `transition-${to}`], 'data-transition': to,
      onclick: (event) => move(event.currentTarget, to),
    }, MOVE_LABELS[to] ?? stateLabel(to))))].filter(Boolean));
}

function reportSection(c) {
  const box = h('div', {}, h('p', { class: 'loading' }, 'Loading the report…'));
  api('triage', `/api/v1/cases/${encodeURIComponent(c.id)}/report`).then((report) => {
    clear(box).append(
      h('h3', {}, report.title ?? ''),
      h('pre', { id: 'report-description', class: 'report-text', tabindex: '0', 'aria-label': 'Description' }, report.description ?? ''),
      h('h3', {}, 'Attachments'),
      attachmentList(c.trackingId));
  }).catch((error) => problemMessage(box, error));
  return box;
}

function attachmentList(trackingId) {
  const box = h('div', { id: 'attachments' }, h('p', { class: 'loading' }, 'Loading the files…'));
  const base = `/api/v1/staff/reports/${encodeURIComponent(trackingId)}/attachments`;
  api('intake', base).then((files) => {
    clear(box);
    if (!files.length) {
      box.append(h('p', { class: 'empty' }, 'The reporter sent no files.'));
      return;
    }
    const output = outcome();
    box.append(h('ul', { class: 'attachments' }, files.map((file) => h('li', { class: 'attachment', 'data-attachment-id': file.id },
      h('button', { type: 'button', class: 'link-button', onclick: (event) => act(event.currentTarget, output, async () => {
        const response = await api('intake', `${base}/${encodeURIComponent(file.id)}`, { raw: true });
        download(await response.blob(), file.name);
      }, `Downloaded ${file.name}.`) }, `Download ${file.name}`),
      ` — ${file.mediaType ?? 'unknown type'}, ${size(file.size)}, added ${formatDate(file.addedAt)} UTC`,
      file.sha256 ? [' ', h('span', { class: 'digest' }, 'SHA-256 ', h('code', {}, file.sha256))] : null))), output);
  }).catch((error) => problemMessage(box, error));
  return box;
}

function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: name || 'attachment', class: 'visually-hidden' }, name);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function size(bytes) {
  if (bytes == null) return 'size unknown';
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function severitySection(path, c, program, afterChange) {
  const initial = parseVector(c.cvssVector);
  let previous = initial.version ? initial : null;
  const version = select({ id: 'cvss-version' }, [['3.1', 'CVSS 3.1'], ['4.0', 'CVSS 4.0']], family(initial.version ?? '3.1'));
  const metrics = h('div', { class: 'cvss-metrics', id: 'cvss-metrics' });
  const vector = h('input', { id: 'cvss-vector', type: 'text', value: c.cvssVector ?? '', maxlength: '300', autocomplete: 'off',
    spellcheck: 'false', class: 'vector' });
  const score = h('output', { id: 'cvss-score', for: 'cvss-vector', 'aria-live': 'polite' });
  const levels = program?.policy?.severity?.levels ?? [];
  const named = program?.policy?.severity?.basis === 'named';
  const level = select({ id: 'severity-level' },
    [['', named ? 'Choose a level' : 'From the CVSS score (the program\'s bands)'], ...levels.map((l) => [l.name, l.name])],
    named ? c.severity : '');
  const output = outcome();
  let scoring = 0;
  let timer;

  function metricSelects() {
    clear(metrics);
    const chosen = previous && family(previous.version) === version.value ? previous.metrics : new Map();
    for (const [key, name, values] of METRICS[version.value]) {
      const control = select({ id: `cvss-${key}`, 'data-metric': key, class: 'cvss-metric', onchange: fromSelects },
        [['', 'Choose…'], ...values.map(([value, label]) => [value, `${label} (${value})`])], chosen.get(key) ?? '');
      metrics.append(field(`${name} (${key})`, control));
    }
  }

  function fromSelects() {
    const chosen = new Map([...metrics.querySelectorAll('select')].map((control) => [control.dataset.metric, control.value]));
    const built = buildVector(version.value, chosen, previous);
    if (built) {
      vector.value = built;
      previous = parseVector(built);
      rescore();
    } else {
      score.value = 'Choose every base metric to see the score.';
    }
  }

  function fromText() {
    const parsed = parseVector(vector.value);
    if (parsed.version) {
      previous = parsed;
      version.value = family(parsed.version);
      metricSelects();
    }
    rescore();
  }

  function rescore() {
    clearTimeout(timer);
    const text = vector.value.trim();
    if (!text) {
      score.value = 'No vector.';
      return;
    }
    timer = setTimeout(async () => {
      const mine = ++scoring;
      try {
        const result = await api('triage', '/api/v1/cvss/scores', { method: 'POST', body: { vector: text } });
        if (mine === scoring) score.value = `${result.baseScore.toFixed(1)} ${result.severity} (CVSS ${result.version})`;
      } catch (error) {
        if (mine === scoring) score.value = error.errors?.[0]?.message ?? error.message;
      }
    }, 250);
  }

  version.addEventListener('change', () => {
    metricSelects();
    fromSelects();
  });
  vector.addEventListener('change', fromText);
  metricSelects();
  if (c.cvssVector) rescore(); else score.value = 'No vector.';

  const useReported = c.reportedCvssVector ? h('button', { type: 'button', class: 'secondary', id: 'use-reported-vector',
    onclick: () => { vector.value = c.reportedCvssVector; fromText(); } }, 'Use the reporter\'s vector') : null;
  const set = h('button', { type: 'button', id: 'set-severity', onclick: (event) => act(event.currentTarget, output, async () => {
    const body = { cvssVector: vector.value.trim() || null, level: level.value || null };
    const updated = await api('triage', `${path}/severity`, { method: 'PUT', body });
    afterChange(updated);
    return updated;
  }, (updated) => `Severity set to ${updated.severity}.`) }, 'Set severity');

  return h('div', { class: 'cvss' },
    h('fieldset', {}, h('legend', {}, 'CVSS calculator'),
      field('Version', version),
      metrics,
      field('Vector', vector, 'Built from the metrics above, or paste a whole vector (other metrics in it are kept).'),
      h('p', { class: 'score' }, 'Base score: ', score)),
    field('Severity level', level, named
      ? 'This program names its levels without CVSS bands: choose one.'
      : 'Leave it to the score, or name one of the program\'s levels (it wins over the score).'),
    h('div', { class: 'actions' }, set, useReported),
    output);
}

function scopeSection(path, c, program, afterChange) {
  const scope = program?.policy?.scope ?? {};
  const classes = [...(scope.inScope ?? []), ...(scope.outOfScope ?? [])];
  const decision = classes.length
    ? h('select', { id: 'scope-decision', value: c.scopeClass ?? c.reportedScopeClass ?? '' },
      h('option', { value: '' }, 'Choose a class'),
      h('optgroup', { label: 'In scope' }, (scope.inScope ?? []).map((k) => h('option', { value: k.id }, k.title ?? k.id))),
      h('optgroup', { label: 'Out of scope' }, (scope.outOfScope ?? []).map((k) => h('option', { value: k.id }, k.title ?? k.id))))
    : h('input', { id: 'scope-decision', type: 'text', value: c.scopeClass ?? '', maxlength: '64' });
  const listOf = (role) => (c.versions ?? []).filter((v) => v.role === role).map((v) => v.version).join(', ');
  const affected = h('input', { id: 'affected-versions', type: 'text', value: listOf('affected') || (c.affectedVersion ?? ''),
    autocomplete: 'off' });
  const fixed = h('input', { id: 'fixed-versions', type: 'text', value: listOf('fixed'), autocomplete: 'off' });
  const reason = h('textarea', { id: 'scope-reason', rows: '2', maxlength: '2000' });
  const output = outcome();
  const versions = (input) => input.value.split(/[\s,]+/).map((v) => v.trim()).filter(Boolean);
  const save = h('button', { type: 'button', id: 'save-scope', onclick: (event) => act(event.currentTarget, output, async () => {
    const updated = await api('triage', `${path}/scope`, { method: 'PUT', body: {
      scopeClass: decision.value, affectedVersions: versions(affected), fixedVersions: versions(fixed), reason: reason.value.trim() || null,
    } });
    afterChange(updated);
    return updated;
  }, (updated) => `Scope decided: ${updated.scopeClass} (${updated.inScope ? 'in scope' : 'out of scope'}).`) }, 'Save scope');
  return h('div', {},
    field('Scope class', decision, c.reportedScopeClass ? `The reporter chose “${c.reportedScopeClass}”.` : null),
    field('Affected versions', affected, 'Separated by commas; each is checked against the program\'s supported versions.'),
    field('Fixed versions', fixed),
    field('Reason', reason),
    h('div', { class: 'actions' }, save),
    output);
}

function ownerSection(path, c, afterChange) {
  const owner = h('input', { id: 'owner', type: 'text', value: c.owner ?? '', maxlength: '200', autocomplete: 'off' });
  const output = outcome();
  const save = (button) => act(button, output, async () => {
    const updated = await api('triage', `${path}/owner`, { method: 'PUT', body: { owner: owner.value.trim() || null } });
    afterChange(updated);
    return updated;
  }, (updated) => (updated.owner ? `Owner set to ${updated.owner}.` : 'The case has no owner now.'));
  return h('div', {},
    field('Owner', owner, 'Empty: nobody owns the case.'),
    h('div', { class: 'actions' },
      h('button', { type: 'button', id: 'save-owner', onclick: (event) => save(event.currentTarget) }, 'Save owner'),
      h('button', { type: 'button', id: 'assign-me', class: 'secondary', onclick: (event) => {
        owner.value = session.username ?? '';
        save(event.currentTarget);
      } }, 'Assign to me')),
    output);
}

const STANDINGS = {
  pending: 'Pending', warned: 'Due soon', breached: 'Overdue', settled: 'Met', paused: 'Paused: waiting for the reporter',
};

const STEP_LABELS = {
  acknowledgement: 'Acknowledgement', triage: 'Triage', status_update: 'Status update', fix: 'Fix',
  pre_release: 'Pre-release', disclosure: 'Disclosure', post_mortem: 'Post-mortem',
  cve_record_target: 'CVE record (target)', cve_record: 'CVE record', cra_early_warning: 'CRA early warning',
  cra_notification: 'CRA notification', cra_final_report: 'CRA final report',
};

/** "Disclosure, due 2026-12-04 18:00 UTC" */
function stepDue(step, dueAt) {
  return `${STEP_LABELS[step] ?? step}, due ${formatDate(dueAt)} UTC`;
}

/** "Private track (private)", or the id alone when the policy revision does not name it. */
function trackTitle(program, id) {
  const track = (program?.policy?.tracks ?? []).find((candidate) => candidate.id === id);
  return track?.title ? `${track.title} (${id})` : id;
}

/**
 * The policy's tracks (public, private, urgent...), which decide how the fix ships and whether it is
 * kept under embargo: the case's track and, when the policy has tracks, a form to change it.
 */
function renderTrack(container, output, path, c, program, afterChange) {
  clear(container);
  const tracks = program?.policy?.tracks ?? [];
  if (!tracks.length) {
    container.append(h('p', { class: 'hint' }, program ? 'This program\'s policy has no tracks.'
      : 'The program\'s policy could not be read.'));
    return;
  }
  const choice = select({ id: 'track-choice' },
    [['', 'No track'], ...tracks.map((track) => [track.id, `${track.title ?? track.id}${track.embargo === false
      ? ' — fixed in public, no embargo' : ''}`])], c.track ?? '');
  const reason = h('textarea', { id: 'track-reason', rows: '2', maxlength: '2000' });
  const setTrack = h('button', { type: 'button', id: 'set-track', onclick: (event) => act(event.currentTarget, output, async () => {
    const updated = await api('triage', `${path}/track`, {
      method: 'PUT', body: { track: choice.value || null, reason: reason.value.trim() },
    });
    afterChange(updated);
    return updated;
  }, (updated) => (updated.track ? `The case is on the ${trackTitle(program, updated.track)} track.`
    : 'The case is on no track.')) }, 'Set the track');
  container.append(
    h('p', { class: 'hint' }, 'The deadlines follow the track.'),
    field('Track', choice),
    field('Reason (sealed in the audit trail)', reason),
    h('div', { class: 'actions' }, setTrack));
}

/**
 * The expedited track (actively exploited), and a report that was public already (the policy may
 * expedite those): a reason and the buttons, until the case is on the track.
 */
function renderExpedite(container, output, path, c, program, afterChange) {
  clear(container);
  if (c.expedited) {
    container.append(h('p', { id: 'expedited' }, h('span', { class: 'badge badge-expedited' }, 'Expedited'),
      ' The case is on the expedited track; its dates follow that track.'));
    return;
  }
  const track = program?.policy?.expedited;
  const reason = h('textarea', { id: 'expedite-reason', rows: '2', maxlength: '2000' });
  const expedite = h('button', { type: 'button', id: 'expedite', onclick: (event) => act(event.currentTarget, output, async () => {
    const updated = await api('triage', `${path}/expedite`, { method: 'POST', body: { reason: reason.value.trim() } });
    afterChange(updated);
    return updated;
  }, (updated) => `The case is on the expedited track.${updated.nextDeadline
    ? ` Next deadline: ${stepDue(updated.nextDeadline.step, updated.nextDeadline.dueAt)}.` : ''}`) }, 'Expedite: actively exploited');
  const alreadyPublic = c.alreadyPublic ? null : h('button', { type: 'button', id: 'already-public',
    onclick: (event) => act(event.currentTarget, output, async () => {
      const updated = await api('triage', `${path}/already-public`, { method: 'POST', body: { reason: reason.value.trim() } });
      afterChange(updated);
      return updated;
    }, (updated) => (updated.expedited ? 'Recorded as already public: the case is on the expedited track.'
      : 'Recorded as already public; this program\'s policy does not expedite such reports, the dates stay.')) },
  'Already public');
  container.append(
    c.ssvc?.expediteOffered ? h('p', { id: 'ssvc-expedite-offer' },
      'The SSVC decision says exploitation is active: this case qualifies for the expedited track.') : null,
    program ? h('p', { class: 'hint' }, track
      ? ['This program\'s expedited track', track.when?.length ? ` (for ${track.when.join(', ')})` : null, ' recomputes the dates.',
        track.note ? ` ${track.note}` : null]
      : 'This program\'s policy has no expedited track: the case is marked, its dates stay as they are.') : null,
    field('Reason (sealed in the audit trail)', reason, 'Where it is exploited or already public, or how you know.'),
    h('div', { class: 'actions' }, expedite, alreadyPublic));
}

/**
 * When the fix was released, recorded ahead of publication (or corrected): the deadlines the policy
 * runs from the fix release get their due times.
 */
function fixReleaseForm(path, afterChange) {
  const at = h('input', { id: 'fix-released-at', type: 'datetime-local', value: new Date().toISOString().slice(0, 16) });
  const reason = h('textarea', { id: 'fix-release-reason', rows: '2', maxlength: '2000' });
  const output = outcome();
  const record = h('button', { type: 'button', id: 'record-fix-release', onclick: (event) => act(event.currentTarget, output,
    async () => {
      const updated = await api('triage', `${path}/fix-release`, {
        method: 'PUT', body: { releasedAt: `${at.value}:00Z`, reason: reason.value.trim() || null },
      });
      afterChange(updated);
      return updated;
    }, (updated) => `Fix release recorded: ${formatDate(updated.fixReleasedAt)} UTC.`) }, 'Record the fix release');
  return h('div', {},
    h('p', { class: 'hint' }, 'Publishing the case records the release when none was recorded; deadlines that run from the '
      + 'fix release get their due times.'),
    field('Released at (UTC)', at),
    field('Note (optional, sealed in the audit trail)', reason, 'The release, e.g. its version.'),
    h('div', { class: 'actions' }, record),
    output);
}

/**
 * More time for one open deadline, agreed with the reporter. Returns { form, offer }: offer(rows)
 * fills the steps from the case's deadlines (null: they could not be read).
 */
function extensionForm(path, program, afterChange) {
  const rules = program?.policy?.extensions;
  const steps = h('div', {}, h('p', { class: 'loading' }, 'Loading the open deadlines…'));
  let step = null;
  const by = h('input', { id: 'extension-by', type: 'text', class: 'duration', maxlength: '6', autocomplete: 'off',
    spellcheck: 'false' });
  const reason = h('textarea', { id: 'extension-reason', rows: '2', maxlength: '2000' });
  const agreed = h('input', { id: 'extension-reporter-agreed', type: 'checkbox' });
  const output = outcome();
  const extend = h('button', { type: 'button', id: 'extend-deadline', disabled: true, onclick: (event) => act(event.currentTarget,
    output, async () => {
      const body = {
        step: step?.value ?? '', by: by.value.trim().toLowerCase(), reason: reason.value.trim(), reporterAgreed: agreed.checked,
      };
      const updated = await api('triage', `${path}/extensions`, { method: 'POST', body });
      by.value = '';
      reason.value = '';
      agreed.checked = false;
      afterChange(updated);
      return { body, date: updated.deadlines?.find((promised) => promised.step === body.step) };
    }, ({ body, date }) => (date?.dueAt ? `Extended by ${body.by}: ${stepDue(body.step, date.dueAt)}.` : `Extended by ${body.by}.`)) },
  'Extend the deadline');

  function offer(rows) {
    const open = (rows ?? []).filter((deadline) => !deadline.settledAt && deadline.dueAt);
    const previous = step?.value;
    step = open.length ? select({ id: 'extension-step' }, open.map((deadline) => [deadline.step, stepDue(deadline.step, deadline.dueAt)]),
      open.some((deadline) => deadline.step === previous) ? previous : open[0].step) : null;
    clear(steps).append(step ? field('Deadline', step)
      : h('p', { class: 'empty' }, rows ? 'No deadline of this case is open: there is nothing to extend.'
        : 'The open deadlines could not be read.'));
    extend.disabled = !step;
  }

  const form = h('div', {},
    program ? h('p', { class: 'hint' }, !rules?.allowed ? 'This program\'s policy allows no extensions.'
      : rules.reporterAgreementRequired ? 'This program\'s policy allows extensions the reporter agrees to.'
        : 'This program\'s policy allows extensions.', rules?.note ? ` ${rules.note}` : null) : null,
    steps,
    field('Extend by', by, 'A number and a unit: h (hours), d (days), bd (business days in the program\'s calendar) '
      + 'or w (weeks), e.g. 7d or 10bd.'),
    field('Reason (sealed in the audit trail)', reason),
    h('div', { class: 'field checkbox' }, agreed,
      h('label', { for: 'extension-reporter-agreed' }, 'The reporter agreed to this extension')),
    h('div', { class: 'actions' }, extend),
    output);
  return { form, offer };
}

/** Shows the case's deadlines in box; resolves to them, or null when they could not be read. */
async function loadDeadlines(box, path) {
  try {
    const rows = await api('triage', `${path}/deadlines`);
    const list = h('ol', { id: 'deadlines', class: 'timeline' }, rows.map((d) => {
      const late = d.standing === 'settled' && d.breachedAt;
      return h('li', { class: ['deadline', `deadline-${late ? 'late' : d.standing}`], 'data-step': d.step, 'data-standing': d.standing },
        h('span', { class: 'deadline-step' }, STEP_LABELS[d.step] ?? d.step), ' ',
        d.firm === false ? [h('span', { class: 'badge badge-target', title: 'A target: warned about, never breached' }, 'Target'), ' ']
          : null,
        h('span', { class: 'deadline-due' }, 'due ', time(d.dueAt)), ' ',
        h('span', { class: ['badge', `badge-${d.standing}`] }, late ? 'Met late' : STANDINGS[d.standing] ?? d.standing),
        d.settledAt ? h('span', { class: 'muted' }, ' settled ', time(d.settledAt)) : null,
        d.updatesSent ? h('span', { class: 'muted' }, ` — ${d.updatesSent} update${d.updatesSent === 1 ? '' : 's'} sent`) : null);
    }));
    clear(box).append(rows.length ? list : h('p', { id: 'deadlines', class: 'empty' }, 'No deadline of this case is on the clock.'));
    return rows;
  } catch (error) {
    problemMessage(box, error);
    return null;
  }
}

/** The conversation with the reporter (messages) or the team's internal notes, with a form to add one. */
function writtenSection(path, kind, audit) {
  const messages = kind === 'messages';
  const listId = messages ? 'conversation' : 'notes';
  const textId = messages ? 'reply-text' : 'note-text';
  const box = h('div', {}, h('p', { class: 'loading' }, 'Loading…'));
  const text = h('textarea', { id: textId, rows: '4', maxlength: '20000', required: true });
  const output = outcome();
  async function load() {
    try {
      const written = await api('triage', `${path}/${kind}`);
      clear(box).append(written.length
        ? h('ol', { id: listId, class: 'written' }, written.map((w) => h('li', {
          class: [messages ? 'message' : 'note', w.fromReporter && 'from-reporter'], 'data-author': w.author,
        }, h('p', { class: 'written-meta' }, h('strong', {}, w.fromReporter ? 'Reporter' : w.author), ' — ', time(w.at)),
        h('pre', { class: 'written-text' }, w.text))))
        : h('p', { id: listId, class: 'empty' }, messages ? 'No messages yet.' : 'No notes yet.'));
    } catch (error) {
      problemMessage(box, error);
    }
  }
  load();
  const send = h('button', { type: 'submit', id: messages ? 'send-reply' : 'add-note' }, messages ? 'Send to the reporter' : 'Add note');
  const form = h('form', { class: 'write', onsubmit: (event) => {
    event.preventDefault();
    if (!text.value.trim()) {
      problemMessage(output, new Error(messages ? 'Write the reply first.' : 'Write the note first.'));
      text.focus();
      return;
    }
    act(send, output, async () => {
      await api('triage', `${path}/${kind}`, { method: 'POST', body: { text: text.value } });
      text.value = '';
      await load();
      loadAudit(audit, path);
    }, messages ? 'Sent to the reporter.' : 'Note added.');
  } },
  field(messages ? 'Reply to the reporter' : 'New internal note', text, messages
    ? 'The reporter reads it on their status page and gets it by email, signed “the security team”.'
    : 'Only staff see notes; they are never sent to the reporter or on events.'),
  h('div', { class: 'actions' }, send), output);
  return [box, form];
}

function similarSection(path) {
  const box = h('div', { id: 'similar' }, h('p', { class: 'loading' }, 'Loading…'));
  api('triage', `${path}/similar`).then((found) => {
    clear(box).append(found.length
      ? h('ul', {}, found.map((s) => h('li', {},
        h('a', { href: `#/cases/${encodeURIComponent(s.id)}` }, s.trackingId), ` — ${s.title ?? ''} (${stateLabel(s.state)}, `,
        `${Math.round(s.similarity * 100)}% alike) `,
        h('button', { type: 'button', class: 'link-button', onclick: () => {
          const input = document.getElementById('duplicate-of');
          if (input) {
            input.value = s.trackingId;
            input.focus();
          }
        } }, `Use ${s.trackingId} as the original`))))
      : h('p', { class: 'empty' }, 'No case of this program reads alike.'));
  }).catch((error) => problemMessage(box, error));
  return box;
}

async function loadAudit(box, path) {
  try {
    const lines = await api('triage', `${path}/audit`);
    const output = outcome();
    const verify = h('button', { type: 'button', id: 'verify-audit', class: 'secondary', onclick: (event) => act(event.currentTarget,
      output, () => api('triage', `${path}/audit/verification`),
      (result) => (result.intact ? `The audit trail is intact (${result.lines} lines).`
        : `The audit trail is broken at line ${result.firstBrokenLine} of ${result.lines}.`)) }, 'Verify the hash chain');
    clear(box).append(table([
      { label: 'When', cell: (line) => time(line.at) },
      { label: 'Who', cell: (line) => line.actor },
      { label: 'What', cell: (line) => line.action },
      { label: 'Detail', cell: (line) => line.detail ?? '' },
    ], lines, { id: 'audit-trail', caption: 'Audit trail, oldest first', empty: 'No audit lines.' }),
    h('div', { class: 'actions' }, verify), output);
  } catch (error) {
    problemMessage(box, error);
  }
}
