// GET /report/{slug}/new: the report form. Checked here with intake's own rules (GET
// /api/v1/reports/limits) and the program's policy, optionally encrypted here, then sent as
// multipart/form-data (the report as JSON in the part "report", each file in a part "file") with
// XMLHttpRequest, whose upload progress feeds the progress bar.

import { ApiProblem, limits as fetchLimits, postMultipart, program as fetchProgram } from './api.js';
import { bytes, byId, el, fill, focus, keepFragment, pageStatus, showProgramUnavailable } from './dom.js';
import { encryptText, isArmored } from './encryption.js';
import { FormErrors, Progress, attachmentHint, fileProblems, listFiles, textProblem, utf8Length } from './form.js';
import {
  CONTENTS, allowsAnonymity, creditPreferences, creditWords, publishedKey, reportContents, scopeClasses,
} from './policy.js';

keepFragment();

const slug = decodeURIComponent(window.location.pathname.split('/')[2] ?? '');

/** The API's fields: the control holding each, and how a sentence names it. */
const FIELDS = {
  title: { control: 'title', label: 'Title', what: 'a title' },
  description: { control: 'description', label: 'Description', what: 'a description' },
  scopeClass: { control: 'scope-class', label: 'What is affected', what: 'what is affected' },
  affectedVersion: { control: 'affected-version', label: 'Affected version', what: 'the affected version' },
  cvssVector: { control: 'cvss-vector', label: 'CVSS vector', what: 'a CVSS vector' },
  creditPreference: { control: 'credit-preference', label: 'Credit', what: 'how to credit you' },
  creditName: { control: 'credit-name', label: 'Name or handle to credit', what: 'the name or handle to credit' },
  // The API's check that an anonymous reporter gives no name.
  creditConsistent: { control: 'credit-name', label: 'Name or handle to credit', what: '' },
  reporterEmail: { control: 'reporter-email', label: 'Email address', what: 'your email address' },
  reporterPublicKey: { control: 'reporter-public-key', label: 'Your OpenPGP public key', what: 'your public key' },
};

const state = {
  program: null,
  limits: null,
  key: null,
  /** Contents the policy asks for beyond the API's fields, as {item, label, required}. */
  sections: [],
  /** Items of the policy's reportContents that are required. */
  required: new Set(),
  sending: false,
};

const errors = new FormErrors();
const progress = new Progress(byId('upload'), byId('upload-progress'), byId('upload-status'));

function markRequired(control, required) {
  const label = document.querySelector(`label[for="${control.id}"]`);
  label.querySelector('.required-marker')?.remove();
  control.required = required;
  if (required) {
    label.append(el('span', { class: 'required-marker' }, ' (required)'));
  }
}

function fieldRule(name, policyItem) {
  const rule = state.limits.report[name] ?? {};
  const required = rule.required || (policyItem !== undefined && state.required.has(policyItem));
  return { ...rule, required };
}

function setUpScope(program) {
  const select = byId('scope-class');
  const scope = scopeClasses(program);
  const group = (label, classes) => (classes.length === 0 ? null
    : el('optgroup', { label }, classes.map((scopeClass) => el('option', { value: scopeClass.id }, scopeClass.title ?? scopeClass.id))));
  select.append(...[group('In scope', scope.inScope), group('Decided case by case', scope.caseByCase),
    group('Out of scope', scope.outOfScope)].filter(Boolean));
  select.addEventListener('change', () => {
    const outside = scope.outOfScope.some((scopeClass) => scopeClass.id === select.value);
    const note = byId('scope-class-note');
    note.hidden = !outside;
    note.textContent = outside ? 'The program lists this as out of its scope. You may still report it; '
      + 'the security team may close it as out of scope.' : '';
  });
}

function setUpContents(program) {
  const contents = reportContents(program);
  state.required = new Set(contents.required);
  const asked = new Set([...contents.required, ...contents.recommended]);
  const fields = [];
  for (const [item, content] of Object.entries(CONTENTS)) {
    if (!asked.has(item) || content.field) {
      continue;
    }
    state.sections.push({ item, label: content.label, required: state.required.has(item) });
    fields.push(el('div', { class: 'field' },
      el('label', { for: item }, content.label),
      el('p', { class: 'hint', id: `${item}-hint` }, content.hint ?? ''),
      el('textarea', { id: item, name: item, spellcheck: 'true', 'aria-describedby': `${item}-hint` })));
  }
  // The policy's own items, in its words: each a section of the description, like the fixed ones.
  for (const extra of contents.extraItems) {
    const item = `extra-${extra.id}`;
    state.sections.push({ item, label: extra.text, required: Boolean(extra.required) });
    fields.push(el('div', { class: 'field' },
      el('label', { for: item }, extra.text),
      el('textarea', { id: item, name: item, spellcheck: 'true' })));
  }
  fill(byId('policy-fields'), fields);
  for (const section of state.sections) {
    markRequired(byId(section.item), section.required);
  }
  markRequired(byId('title'), fieldRule('title').required);
  markRequired(byId('description'), fieldRule('description', 'description').required);
  markRequired(byId('affected-version'), fieldRule('affectedVersion', 'affected-versions').required);
  if (state.sections.length > 0) {
    byId('description-hint').textContent = 'What the vulnerability is and where it lies. The sections below '
      + 'are sent with it, as parts of the description.';
  }
}

function setUpCredit(program) {
  const select = byId('credit-preference');
  fill(select, creditPreferences(program).map((choice) => el('option', { value: choice.value }, choice.label)));
  const offered = program.policy?.disclosure?.credit ?? [];
  byId('credit-preference-hint').textContent = offered.length
    ? `The program credits reporters ${creditWords(offered)}.` : '';
  const update = () => {
    const anonymous = select.value === 'anonymous';
    byId('credit-name').disabled = anonymous;
    byId('credit-name-field').hidden = anonymous;
    markRequired(byId('credit-name'), !anonymous && fieldRule('creditName', 'credit-name').required);
  };
  select.addEventListener('change', update);
  update();

  const email = byId('reporter-email');
  const optional = allowsAnonymity(program);
  markRequired(email, !optional);
  byId('reporter-email-hint').textContent = optional
    ? 'Optional. The security team writes to you here as well as on the status page. Without it, follow the '
      + 'report on its status page only.'
    : 'The security team writes to you here as well as on the status page. This program does not take anonymous reports.';
}

function setUpEncryption(program) {
  state.key = publishedKey(program);
  const box = byId('encrypt');
  box.checked = Boolean(state.key);
  box.disabled = !state.key;
  byId('encrypt-hint').textContent = state.key
    ? `The description${state.sections.length ? ' and the sections above' : ''} are encrypted before they leave `
      + 'your browser: only the security team can read them. The title, the other fields and the files are sent '
      + 'as they are, over HTTPS, and kept encrypted.'
    : 'This program has not published an OpenPGP key, so the report cannot be encrypted in your browser. It travels '
      + 'over HTTPS and is kept encrypted.';
}

function setUp(program, limits) {
  state.program = program;
  state.limits = limits;
  document.title = `Report a vulnerability to ${program.name} — Embargo`;
  byId('form-heading').textContent = `Report a vulnerability to ${program.name}`;
  byId('program-link').textContent = program.name;
  byId('program-link').href = `/report/${encodeURIComponent(slug)}`;
  setUpScope(program);
  setUpContents(program);
  setUpCredit(program);
  setUpEncryption(program);
  byId('attachments-hint').textContent = attachmentHint(limits);
  byId('attachments').addEventListener('change', () => listFiles(byId('attachments'), byId('attachments-list')));
  byId('report-form').addEventListener('submit', submit);
  byId('copy-status-link').addEventListener('click', copyLink);
  byId('report').hidden = false;
}

/** The form's values, single-line ones trimmed (intake trims them too). */
function read() {
  const line = (id) => byId(id).value.trim();
  const anonymous = byId('credit-preference').value === 'anonymous';
  return {
    title: line('title'),
    description: byId('description').value,
    scopeClass: byId('scope-class').value,
    affectedVersion: line('affected-version'),
    cvssVector: line('cvss-vector'),
    creditPreference: byId('credit-preference').value,
    creditName: anonymous ? '' : line('credit-name'),
    reporterEmail: line('reporter-email'),
    reporterPublicKey: byId('reporter-public-key').value.trim(),
    sections: state.sections.map((section) => ({ ...section, text: byId(section.item).value })),
    files: [...byId('attachments').files],
  };
}

function check(values) {
  const field = (name, policyItem, value) => {
    const meta = FIELDS[name];
    const problem = textProblem(value, fieldRule(name, policyItem), meta);
    if (problem) {
      errors.add(byId(meta.control), problem);
    }
  };
  field('title', undefined, values.title);
  field('affectedVersion', 'affected-versions', values.affectedVersion);
  field('description', 'description', values.description);
  for (const section of values.sections) {
    if (section.required && section.text.trim() === '') {
      errors.add(byId(section.item), `Enter the ${section.label.toLowerCase()}`);
    }
  }
  field('cvssVector', undefined, values.cvssVector);
  for (const problem of fileProblems(values.files, state.limits)) {
    errors.add(byId('attachments'), problem);
  }
  if (values.creditPreference !== 'anonymous') {
    field('creditName', 'credit-name', values.creditName);
  }
  const emailRule = { ...fieldRule('reporterEmail'), required: byId('reporter-email').required };
  const emailProblem = textProblem(values.reporterEmail, emailRule, FIELDS.reporterEmail);
  if (emailProblem) {
    errors.add(byId('reporter-email'), emailProblem);
  }
  if (values.reporterPublicKey) {
    field('reporterPublicKey', undefined, values.reporterPublicKey);
    if (!values.reporterPublicKey.startsWith('-----BEGIN PGP PUBLIC KEY BLOCK-----')) {
      byId('reporter-public-key-details').open = true;
      errors.add(byId('reporter-public-key'), 'Paste a public key in ASCII armor, starting with “-----BEGIN PGP PUBLIC KEY BLOCK-----”');
    }
  }
}

/** The description and the policy's further sections, as one text. */
function compose(values) {
  const parts = [values.description.trimEnd()];
  for (const section of values.sections) {
    if (section.text.trim() !== '') {
      parts.push(`## ${section.label}\n\n${section.text.trim()}`);
    }
  }
  return parts.join('\n\n');
}

/** The report as the API takes it: empty optional fields left out. */
function report(values, description) {
  const optional = {
    scopeClass: values.scopeClass,
    affectedVersion: values.affectedVersion,
    cvssVector: values.cvssVector,
    creditPreference: values.creditPreference,
    creditName: values.creditName,
    reporterEmail: values.reporterEmail,
    reporterPublicKey: values.reporterPublicKey,
  };
  const body = { program: slug, title: values.title, description };
  for (const [name, value] of Object.entries(optional)) {
    if (value) {
      body[name] = value;
    }
  }
  return body;
}

async function prepareDescription(values) {
  const composed = compose(values);
  if (!byId('encrypt').checked || isArmored(composed)) {
    return composed;
  }
  progress.busy('Encrypting in your browser…');
  try {
    return await encryptText(composed, state.key);
  } catch (error) {
    progress.fail('Not sent.');
    errors.add(byId('encrypt'), `The report could not be encrypted: ${error.message}. Try again, or untick the box to `
      + 'send it unencrypted');
    return null;
  }
}

function sizeProblems(description, json) {
  const rule = state.limits.report.description;
  if (rule?.maxLength != null && description.length > rule.maxLength) {
    const what = byId('encrypt').checked ? 'Encrypted, the description' : 'The description';
    const sections = state.sections.length ? ' and the sections below it' : '';
    errors.add(byId('description'), `${what}${sections} come to ${description.length.toLocaleString('en')} characters; at `
      + `most ${rule.maxLength.toLocaleString('en')} can be sent. Shorten the text, or send the details as a file`);
  } else if (utf8Length(json) > state.limits.maxFormFieldBytes) {
    errors.add(byId('description'), `The report’s text comes to ${bytes(utf8Length(json))}; at most `
      + `${bytes(state.limits.maxFormFieldBytes)} can be sent. Shorten the text, or send the details as a file`);
  }
}

function showProblem(problem) {
  if (!(problem instanceof ApiProblem)) {
    errors.add(null, `The report was not sent: ${problem.message}`);
  } else if (problem.fieldErrors.length > 0) {
    for (const { field, message } of problem.fieldErrors) {
      const meta = FIELDS[field];
      errors.add(meta ? byId(meta.control) : null, meta ? `${meta.label}: ${message}` : `${field}: ${message}`);
    }
  } else if (problem.aboutAttachments) {
    errors.add(byId('attachments'), problem.explanation);
  } else {
    errors.add(null, `The report was not sent: ${problem.explanation}`);
  }
  errors.show();
}

async function submit(event) {
  event.preventDefault();
  if (state.sending) {
    return;
  }
  errors.clear();
  const values = read();
  check(values);
  if (!errors.empty) {
    errors.show();
    return;
  }
  const button = byId('submit-report');
  state.sending = true;
  button.disabled = true;
  byId('report-form').setAttribute('aria-busy', 'true');
  try {
    const description = await prepareDescription(values);
    if (description === null) {
      errors.show();
      return;
    }
    const json = JSON.stringify(report(values, description));
    sizeProblems(description, json);
    if (!errors.empty) {
      progress.fail('Not sent.');
      errors.show();
      return;
    }
    const form = new FormData();
    form.append('report', json);
    for (const file of values.files) {
      form.append('file', file, file.name);
    }
    progress.sending();
    const receipt = await postMultipart('/api/v1/reports', form, { onProgress: (sent, total) => progress.update(sent, total) });
    progress.finish('Sent.');
    confirm(receipt, values);
  } catch (problem) {
    progress.fail('Not sent.');
    showProblem(problem);
  } finally {
    state.sending = false;
    button.disabled = false;
    byId('report-form').removeAttribute('aria-busy');
  }
}

function confirm(receipt, values) {
  const link = receipt.statusPage
    ?? `${window.location.origin}/status/${encodeURIComponent(receipt.trackingId)}#token=${encodeURIComponent(receipt.reporterToken)}`;
  byId('report-form').reset();
  byId('report-form').hidden = true;
  byId('form-intro').hidden = true;
  byId('tracking-id').textContent = receipt.trackingId;
  byId('status-link').href = link;
  byId('status-link').textContent = link;
  byId('reporter-token').textContent = receipt.reporterToken;
  byId('confirmation-contact').textContent = values.reporterEmail
    ? `The security team will also write to you at ${values.reporterEmail}.`
    : 'You gave no email address: the status page is where the security team answers you.';
  document.title = `Report ${receipt.trackingId} received — Embargo`;
  byId('confirmation').hidden = false;
  focus(byId('confirmation'));
}

async function copyLink() {
  const status = byId('copy-status');
  try {
    await navigator.clipboard.writeText(byId('status-link').href);
    status.textContent = 'Copied.';
  } catch {
    status.textContent = 'Copying is not allowed here: select the link and copy it.';
  }
}

async function start() {
  try {
    const [view, limits] = await Promise.all([fetchProgram(slug), fetchLimits()]);
    setUp(view.program, limits);
    pageStatus('');
  } catch (problem) {
    showProgramUnavailable(problem, 'The form');
  }
}

start();
