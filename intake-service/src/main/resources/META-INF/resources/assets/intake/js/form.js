// Checking a form before it is sent, with the rules intake itself applies (GET
// /api/v1/reports/limits), and showing what is wrong: by each field (aria-invalid, an error
// message in its aria-describedby) and in an error summary that takes the focus.

import { byId, bytes, el, fill, focus } from './dom.js';

const count = (n) => Number(n).toLocaleString('en');

// The HTML standard's "valid email address", which is close to the API's @Email; the API's
// answer still wins when they differ (its field errors are shown the same way).
const EMAIL = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/**
 * What is wrong with a text value under an API field rule ({required, maxLength, pattern,
 * patternMessage, format}); null when nothing is. `what` names the value in a sentence ("a
 * title"), `label` as a heading ("Title").
 */
export function textProblem(value, rule, { what, label }) {
  const blank = value.trim() === '';
  if (rule?.required && blank) {
    return `Enter ${what}`;
  }
  if (blank || !rule) {
    return null;
  }
  if (rule.maxLength != null && value.length > rule.maxLength) {
    return `${label} must have at most ${count(rule.maxLength)} characters; it has ${count(value.length)}`;
  }
  if (rule.pattern && !new RegExp(`^(?:${rule.pattern})$`).test(value)) {
    return `${label} ${rule.patternMessage ?? 'is not in the expected form'}`;
  }
  if (rule.format === 'email' && !EMAIL.test(value)) {
    return 'Enter an email address in the form name@example.org';
  }
  return null;
}

/** UTF-8 length: the server's limit on a form's text part counts bytes. */
export function utf8Length(text) {
  return new TextEncoder().encode(text).length;
}

/**
 * What is wrong with a choice of files under the API's attachment limits; `alreadyKept` is how
 * many the report already has.
 */
export function fileProblems(files, limits, { alreadyKept = 0 } = {}) {
  const rules = limits.attachments;
  const problems = [];
  if (files.length > rules.maxFilesPerUpload) {
    problems.push(`Choose at most ${rules.maxFilesPerUpload} files at a time; you chose ${files.length}`);
  }
  const room = rules.maxFilesPerReport - alreadyKept;
  if (files.length > room && files.length <= rules.maxFilesPerUpload) {
    problems.push(room <= 0 ? `The report already has the most files it may have (${rules.maxFilesPerReport})`
      : `The report may take ${room} more file${room === 1 ? '' : 's'}; you chose ${files.length}`);
  }
  let total = 0;
  for (const file of files) {
    total += file.size;
    if (file.size === 0) {
      problems.push(`“${file.name}” is empty`);
    } else if (file.size > rules.maxFileSize) {
      problems.push(`“${file.name}” has ${bytes(file.size)}; a file may have at most ${bytes(rules.maxFileSize)}`);
    }
  }
  if (problems.length === 0 && total > limits.maxRequestBytes) {
    problems.push(`The files have ${bytes(total)} together; at most ${bytes(limits.maxRequestBytes)} can be sent at once`);
  }
  return problems;
}

/** "Up to 5 files at a time, 10 MiB each: text, PDF, …" */
export function attachmentHint(limits, { alreadyKept } = {}) {
  const rules = limits.attachments;
  const types = rules.acceptedTypes.map((type) => type.split(';')[0]).join(', ');
  const room = alreadyKept === undefined ? ''
    : ` This report has ${alreadyKept} of the ${rules.maxFilesPerReport} files it may gather.`;
  return `Up to ${rules.maxFilesPerUpload} files at a time, ${bytes(rules.maxFileSize)} each, judged by their content: `
    + `${types}.${room} Files are sent as they are, over HTTPS, and kept encrypted.`;
}

/** Lists the chosen files (name and size) under a file input. */
export function listFiles(input, list) {
  fill(list, [...input.files].map((file) => el('li', {}, `${file.name} (${bytes(file.size)})`)));
}

/** The errors of one form, shown by their fields and in the page's error summary. */
export class FormErrors {
  constructor(summary = byId('error-summary'), list = byId('error-summary-list')) {
    this.summary = summary;
    this.list = list;
    this.errors = [];
  }

  get empty() {
    return this.errors.length === 0;
  }

  /** Records an error of a control (an element), or of the whole form (null). */
  add(control, message) {
    this.errors.push({ control, message });
    return this;
  }

  /** Removes every error shown. */
  clear() {
    for (const { control } of this.errors) {
      if (!control) {
        continue;
      }
      document.getElementById(`${control.id}-error`)?.remove();
      control.removeAttribute('aria-invalid');
      control.setAttribute('aria-describedby', control.dataset.describedBy ?? '');
      if (!control.getAttribute('aria-describedby')) {
        control.removeAttribute('aria-describedby');
      }
      control.closest('.field')?.classList.remove('invalid');
    }
    this.errors = [];
    this.summary.hidden = true;
    fill(this.list);
  }

  /** Shows the errors recorded and focuses the summary, so that a screen reader reads it first. */
  show() {
    const byControl = new Map();
    for (const { control, message } of this.errors) {
      if (control) {
        byControl.set(control, [...(byControl.get(control) ?? []), message]);
      }
    }
    for (const [control, messages] of byControl) {
      const error = el('p', { id: `${control.id}-error`, class: 'error-message' },
        el('span', { class: 'visually-hidden' }, 'Error: '), messages.join('. '));
      (control.closest('.checkbox') ?? control).before(error);
      control.dataset.describedBy ??= control.getAttribute('aria-describedby') ?? '';
      control.setAttribute('aria-invalid', 'true');
      control.setAttribute('aria-describedby', `${error.id} ${control.dataset.describedBy}`.trim());
      control.closest('.field')?.classList.add('invalid');
    }
    fill(this.list, this.errors.map(({ control, message }) => el('li', {},
      control ? el('a', { href: `#${control.id}` }, message) : message)));
    this.summary.hidden = false;
    focus(this.summary);
  }
}

/** A <progress> with a live line of text: the upload's progress, announced at each quarter. */
export class Progress {
  constructor(container, bar, status) {
    this.container = container;
    this.bar = bar;
    this.status = status;
    this.announced = 0;
  }

  /** An activity of unknown length (encrypting): the bar without a value. */
  busy(text) {
    this.container.hidden = false;
    this.bar.removeAttribute('value');
    this.status.textContent = text;
  }

  sending() {
    this.container.hidden = false;
    this.bar.value = 0;
    this.announced = 0;
    this.status.textContent = 'Sending… 0%';
  }

  update(sent, total) {
    const percent = total > 0 ? Math.floor((sent * 100) / total) : 100;
    this.bar.value = percent;
    if (percent >= this.announced + 25 || percent === 100) {
      this.announced = percent - (percent % 25);
      this.status.textContent = percent === 100 ? 'Sent; waiting for the answer…' : `Sending… ${percent}%`;
    }
  }

  finish(text) {
    this.bar.value = 100;
    this.status.textContent = text;
  }

  fail(text) {
    this.bar.value = 0;
    this.status.textContent = text;
  }
}
