// GET /status/{trackingId}#token=…: the reporter's status page. The token comes from the URL's
// fragment, which browsers never send to a server (nor in a Referer), or from the reader, and
// goes to the API only, as a bearer header.

import {
  ApiProblem, getBlob, getJson, limits as fetchLimits, post, postJson, postMultipart, program as fetchProgram,
} from './api.js';
import { bytes, byId, el, fill, focus, keepFragment, pageStatus, time } from './dom.js';
import { encryptText, isArmored } from './encryption.js';
import { FormErrors, Progress, attachmentHint, fileProblems, listFiles, textProblem, utf8Length } from './form.js';
import { publishedKey, stateName, stepName, within } from './policy.js';

keepFragment();

const trackingId = decodeURIComponent(window.location.pathname.split('/')[2] ?? '');
const api = `/api/v1/reports/${encodeURIComponent(trackingId)}`;

const state = {
  token: tokenFromFragment(),
  report: null,
  key: null,
  limits: null,
  sending: false,
  /** Whether the reply form's "encrypt" box was set up once (the reader's later choice is kept). */
  encryptionSetUp: false,
  rotating: false,
};

const errors = new FormErrors();
const progress = new Progress(byId('reply-upload'), byId('reply-progress'), byId('reply-upload-status'));

function tokenFromFragment() {
  return new URLSearchParams(window.location.hash.slice(1)).get('token')?.trim() || null;
}

function askForToken(message) {
  byId('report').hidden = true;
  byId('token-form').hidden = false;
  const error = byId('token-input-error');
  error.hidden = !message;
  error.textContent = message ?? '';
  const input = byId('token-input');
  if (message) {
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', 'token-input-error token-input-hint');
  } else {
    input.removeAttribute('aria-invalid');
    input.setAttribute('aria-describedby', 'token-input-hint');
  }
  pageStatus('');
}

function fileItem(file) {
  const button = el('button', { type: 'button', class: 'link', dataset: { attachment: file.id } },
    `Download ${file.name}`);
  button.addEventListener('click', () => download(file));
  return el('li', {}, button, el('span', { class: 'muted' }, ` (${file.mediaType.split(';')[0]}, ${bytes(file.size)})`));
}

async function download(file) {
  const status = byId('download-status');
  status.textContent = `Downloading ${file.name}…`;
  try {
    const blob = await getBlob(`${api}/attachments/${encodeURIComponent(file.id)}`, { token: state.token });
    const url = URL.createObjectURL(blob);
    const link = el('a', { href: url, download: file.name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    status.textContent = `Downloaded ${file.name}.`;
  } catch (problem) {
    status.textContent = `${file.name} cannot be downloaded: ${problem.explanation ?? problem.message}`;
  }
}

function messageItem(message, files) {
  const author = message.from === 'you' ? 'reporter' : 'team';
  const encrypted = isArmored(message.text ?? '');
  const text = !message.text ? null
    : encrypted ? el('details', {},
      el('summary', {}, author === 'reporter' ? 'Encrypted with OpenPGP: only the security team can read it'
        : 'Encrypted with OpenPGP'),
      el('pre', { class: 'message-text' }, message.text))
      : el('p', { class: 'message-text' }, message.text);
  return el('li', { class: 'message', id: `message-${message.id}`, dataset: { author } },
    el('p', { class: 'message-meta' },
      el('span', { class: 'message-author' }, author === 'reporter' ? 'You' : 'Security team'), ', ', time(message.at)),
    text,
    files.length ? el('ul', { class: 'files', 'aria-label': 'Files' }, files.map(fileItem)) : null);
}

function render(report) {
  byId('report-title').textContent = report.title ?? '';
  const stateLine = byId('report-state');
  stateLine.textContent = stateName(report.status);
  stateLine.dataset.state = report.status;
  byId('report-program').textContent = state.programName ?? report.program;
  byId('report-program').href = `/report/${encodeURIComponent(report.program)}`;
  fill(byId('submitted-at'), time(report.submittedAt));
  fill(byId('acknowledged-at'), report.acknowledgedAt ? time(report.acknowledgedAt) : 'not yet');
  fill(byId('cve-id'), report.cveId ?? 'none assigned yet');

  const deadlines = report.deadlines ?? [];
  fill(byId('deadlines'), deadlines.map((date) => el('li', { dataset: { step: date.step, state: date.state } },
    el('span', { class: 'step' }, stepName(date.step)), ': ',
    date.dueAt ? ['by ', time(date.dueAt), date.promised ? el('span', { class: 'muted' }, ` (${within(date.promised)})`) : null]
      : (date.promised ? within(date.promised) : 'no date'),
    ' — ', el('span', { class: 'step-state' }, date.state))));
  byId('deadlines-empty').hidden = deadlines.length > 0;

  const escalable = deadlines.filter((date) => date.escalable);
  byId('escalate-section').hidden = escalable.length === 0;
  fill(byId('escalate-step'), escalable.map((date) => el('option', { value: date.step }, stepName(date.step))));
  const escalations = report.escalations ?? [];
  byId('escalations-section').hidden = escalations.length === 0;
  fill(byId('escalations'), escalations.map((escalation) => el('li', { dataset: { step: escalation.step } },
    el('span', { class: 'step' }, stepName(escalation.step)), ': received by the security team ',
    time(escalation.receivedAt))));

  const files = report.attachments ?? [];
  const reportFiles = files.filter((file) => !file.messageId);
  byId('report-files-section').hidden = reportFiles.length === 0;
  fill(byId('report-files'), reportFiles.map(fileItem));

  const messages = report.messages ?? [];
  fill(byId('conversation'), messages.map((message) => messageItem(message,
    files.filter((file) => file.messageId === message.id))));
  byId('conversation-empty').hidden = messages.length > 0;
}

/** Escalates a step (POST …/escalations): the program's team is emailed. */
async function escalate(event) {
  event.preventDefault();
  const status = byId('escalate-status');
  const message = byId('escalate-message').value.trim();
  if (!message) {
    status.textContent = 'Write a message: say what you are waiting for.';
    return;
  }
  const button = byId('send-escalation');
  button.disabled = true;
  try {
    await postJson(`${api}/escalations`, { step: byId('escalate-step').value, message }, { token: state.token });
    byId('escalate-form').reset();
    status.textContent = 'The escalation was received.';
    await load({ quiet: true });
  } catch (problem) {
    status.textContent = `The escalation was not sent: ${problem.explanation ?? problem.message}`;
  } finally {
    button.disabled = false;
  }
}

function setUpReply() {
  const box = byId('reply-encrypt');
  if (!state.encryptionSetUp) {
    box.checked = Boolean(state.key);
    state.encryptionSetUp = true;
  }
  box.disabled = !state.key;
  byId('reply-encrypt-hint').textContent = state.key
    ? 'The message is encrypted before it leaves your browser: only the security team can read it. Files are sent '
      + 'as they are, over HTTPS, and kept encrypted.'
    : 'This program has not published an OpenPGP key, so messages cannot be encrypted in your browser. They travel '
      + 'over HTTPS and are kept encrypted.';
  if (state.limits) {
    byId('reply-attachments-hint').textContent = attachmentHint(state.limits,
      { alreadyKept: state.report.attachments?.length ?? 0 });
  }
}

async function load({ quiet = false } = {}) {
  if (!state.token) {
    askForToken();
    return false;
  }
  if (!quiet) {
    pageStatus('Loading the report…');
  }
  let report;
  try {
    report = await getJson(api, { token: state.token });
  } catch (problem) {
    if (problem instanceof ApiProblem && problem.status === 404) {
      askForToken('No report matches this tracking ID and token. Check the link, or paste the token again.');
    } else {
      pageStatus(`The report cannot be shown: ${problem.explanation ?? problem.message}`, { problem: true });
    }
    return false;
  }
  state.report = report;
  if (!state.limits || state.programSlug !== report.program) {
    // The program's name and key, and the limits of a reply: the page works without them.
    const [program, limits] = await Promise.allSettled([fetchProgram(report.program), fetchLimits()]);
    if (program.status === 'fulfilled') {
      state.programName = program.value.program.name;
      state.key = publishedKey(program.value.program);
    }
    state.limits = limits.status === 'fulfilled' ? limits.value : null;
    state.programSlug = report.program;
  }
  byId('token-form').hidden = true;
  render(report);
  setUpReply();
  byId('report').hidden = false;
  pageStatus('');
  return true;
}

function check(text, files) {
  const rule = state.limits?.message?.text;
  if (text.trim() === '' && files.length === 0) {
    errors.add(byId('reply-text'), 'Enter a message, or choose files to send');
  } else {
    const problem = textProblem(text, rule && { ...rule, required: false }, { what: 'a message', label: 'The message' });
    if (problem) {
      errors.add(byId('reply-text'), problem);
    }
  }
  if (state.limits) {
    for (const problem of fileProblems(files, state.limits, { alreadyKept: state.report.attachments?.length ?? 0 })) {
      errors.add(byId('reply-attachments'), problem);
    }
  }
}

async function prepareText(text) {
  if (!byId('reply-encrypt').checked || !state.key || text.trim() === '' || isArmored(text)) {
    return text;
  }
  progress.busy('Encrypting in your browser…');
  try {
    return await encryptText(text, state.key);
  } catch (error) {
    progress.fail('Not sent.');
    errors.add(byId('reply-encrypt'), `The message could not be encrypted: ${error.message}. Try again, or untick the `
      + 'box to send it unencrypted');
    return null;
  }
}

function sizeProblems(text) {
  const rule = state.limits?.message?.text;
  if (rule?.maxLength != null && text.length > rule.maxLength) {
    errors.add(byId('reply-text'), `${byId('reply-encrypt').checked ? 'Encrypted, the message' : 'The message'} comes to `
      + `${text.length.toLocaleString('en')} characters; at most ${rule.maxLength.toLocaleString('en')} can be sent. `
      + 'Shorten it, or send the details as a file');
  } else if (state.limits && utf8Length(text) > state.limits.maxFormFieldBytes) {
    errors.add(byId('reply-text'), `The message comes to ${bytes(utf8Length(text))}; at most `
      + `${bytes(state.limits.maxFormFieldBytes)} can be sent. Shorten it, or send the details as a file`);
  }
}

function showProblem(problem) {
  if (problem instanceof ApiProblem && problem.fieldErrors.length > 0) {
    for (const { field, message } of problem.fieldErrors) {
      errors.add(byId('reply-text'), `${field === 'text' ? 'The message' : field}: ${message}`);
    }
  } else if (problem instanceof ApiProblem && problem.aboutAttachments) {
    errors.add(byId('reply-attachments'), problem.explanation);
  } else if (problem instanceof ApiProblem && problem.status === 404) {
    errors.add(null, 'The message was not sent: this token no longer opens the report (was it replaced?)');
  } else {
    errors.add(null, `The message was not sent: ${problem.explanation ?? problem.message}`);
  }
  errors.show();
}

async function reply(event) {
  event.preventDefault();
  if (state.sending) {
    return;
  }
  errors.clear();
  const files = [...byId('reply-attachments').files];
  const written = byId('reply-text').value;
  check(written, files);
  if (!errors.empty) {
    errors.show();
    return;
  }
  const button = byId('send-reply');
  state.sending = true;
  button.disabled = true;
  try {
    const text = await prepareText(written);
    if (text === null) {
      errors.show();
      return;
    }
    sizeProblems(text);
    if (!errors.empty) {
      progress.fail('Not sent.');
      errors.show();
      return;
    }
    const form = new FormData();
    form.append('text', text);
    for (const file of files) {
      form.append('file', file, file.name);
    }
    progress.sending();
    await postMultipart(`${api}/messages`, form, { token: state.token, onProgress: (sent, total) => progress.update(sent, total) });
    byId('reply-form').reset();
    byId('reply-encrypt').checked = Boolean(state.key);
    fill(byId('reply-attachments-list'));
    await load({ quiet: true });
    progress.finish('Your message was sent; it is now at the end of the conversation.');
  } catch (problem) {
    progress.fail('Not sent.');
    showProblem(problem);
  } finally {
    state.sending = false;
    button.disabled = false;
  }
}

/** The status link that holds a token, as the report form shows it. */
function statusLink(token) {
  return `${window.location.origin}/status/${encodeURIComponent(trackingId)}#token=${encodeURIComponent(token)}`;
}

function rotateStatus(text, { problem = false } = {}) {
  const status = byId('rotate-status');
  status.textContent = text;
  status.classList.toggle('problem', problem);
}

/**
 * Replaces the reporter token (POST …/token with the current one): the old token stops working at
 * once, so the page takes the new one at once (its state, and the address, without a history entry)
 * and shows the new link, once.
 */
async function rotateToken() {
  if (state.rotating) {
    return;
  }
  if (state.sending) {
    rotateStatus('Wait until the message is sent, then replace the key.', { problem: true });
    return;
  }
  if (!window.confirm('Replace this page’s key? The current link stops working at once, wherever it was saved. '
    + 'You get a new link, shown only once.')) {
    return;
  }
  const button = byId('rotate-token');
  state.rotating = true;
  button.disabled = true;
  byId('rotated').hidden = true;
  rotateStatus('Replacing the key…');
  try {
    const answer = await post(`${api}/token`, { token: state.token });
    const token = answer?.reporterToken;
    if (!token) {
      throw new ApiProblem(500, { detail: 'The answer held no new key.' });
    }
    state.token = token;
    window.history.replaceState(null, '', `#token=${encodeURIComponent(token)}`);
    const link = statusLink(token);
    const shown = byId('new-status-link');
    shown.href = link;
    shown.textContent = link;
    byId('copy-new-status').textContent = '';
    byId('rotated').hidden = false;
    rotateStatus('The key was replaced. Save the new link below now: it is shown only once.');
    focus(byId('rotated'));
  } catch (problem) {
    rotateStatus(problem instanceof ApiProblem && problem.status === 404
      ? 'The key was not replaced: this token no longer opens the report (was it replaced already?)'
      : `The key was not replaced: ${problem.explanation ?? problem.message}`, { problem: true });
  } finally {
    state.rotating = false;
    button.disabled = false;
  }
}

async function copyNewLink() {
  const status = byId('copy-new-status');
  try {
    await navigator.clipboard.writeText(byId('new-status-link').href);
    status.textContent = 'Copied.';
  } catch {
    status.textContent = 'Copying is not allowed here: select the link and copy it.';
  }
}

function openWithToken(event) {
  event.preventDefault();
  const token = byId('token-input').value.trim();
  if (!token) {
    askForToken('Enter the reporter token');
    focus(byId('token-input'));
    return;
  }
  state.token = token;
  load().then((opened) => {
    if (opened) {
      // The address now holds the token, like the link shown at submission: it can be bookmarked.
      window.history.replaceState(null, '', `#token=${encodeURIComponent(token)}`);
      byId('token-input').value = '';
    } else {
      focus(byId('token-input'));
    }
  });
}

byId('tracking-id').textContent = trackingId;
document.title = `Report ${trackingId} — Embargo`;
byId('token-form').addEventListener('submit', openWithToken);
byId('reply-form').addEventListener('submit', reply);
byId('escalate-form').addEventListener('submit', escalate);
byId('rotate-token').addEventListener('click', rotateToken);
byId('copy-new-status-link').addEventListener('click', copyNewLink);
byId('reply-attachments').addEventListener('change', () => listFiles(byId('reply-attachments'), byId('reply-attachments-list')));
byId('refresh-status').addEventListener('click', async () => {
  if (await load({ quiet: true })) {
    pageStatus('Up to date.');
  }
});
window.addEventListener('hashchange', () => {
  const token = tokenFromFragment();
  if (token && token !== state.token) {
    state.token = token;
    load();
  }
});
load();
