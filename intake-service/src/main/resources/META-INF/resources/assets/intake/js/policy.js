// Reading a program's policy (the program file, as GET /api/v1/programs/{slug} returns it) in
// the reporter's words. Durations read as SECURITY.md writes them (SecurityPolicyRenderer).

/** "3bd" as "3 business days", "next-release" as "the next release". */
export function amount(duration) {
  if (duration === 'next-release') {
    return 'the next release';
  }
  if (duration === 'best-effort') {
    return 'no fixed time';
  }
  if (duration === 'asap') {
    return 'as soon as possible';
  }
  const match = /^(\d{1,4})(h|d|bd|w)$/.exec(String(duration ?? '').trim().toLowerCase());
  if (!match) {
    return String(duration);
  }
  const count = Number(match[1]);
  const unit = { h: 'hour', d: 'day', bd: 'business day', w: 'week' }[match[2]];
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

const OPEN_ENDED = {
  'next-release': 'with the next release',
  'best-effort': 'on a best-effort basis, with no fixed time',
  asap: 'as soon as possible',
};

const AFTER = {
  acknowledgement: 'after the acknowledgement',
  triage: 'after triage',
  'cve-assigned': 'after the CVE ID is assigned',
  'fix-released': 'after the fix is released',
  'public-disclosure': 'after public disclosure',
};

/**
 * A promise of the program file as the policy means it: a duration ("3bd": "within 3 business
 * days") or an object with a range or minimum, the event its clock starts from, and whether it is
 * a firm commitment or only a target ("we aim to").
 */
export function within(promise) {
  if (promise !== null && typeof promise === 'object') {
    const span = promise.within === undefined ? `not before ${amount(promise.atLeast)}`
      : promise.atLeast === undefined ? within(promise.within)
        : promise.within in OPEN_ENDED ? `not before ${amount(promise.atLeast)}, ${within(promise.within)}`
          : `in ${amount(promise.atLeast)} to ${amount(promise.within)}`;
    const after = promise.anchor && promise.anchor !== 'arrival' ? ` ${AFTER[promise.anchor] ?? `after ${promise.anchor}`}` : '';
    const target = promise.firm === false ? ' (a target the program aims for, not a commitment)' : '';
    return `${span}${after}${target}${promise.note ? ` — ${promise.note}` : ''}`;
  }
  if (promise in OPEN_ENDED) {
    return OPEN_ENDED[promise];
  }
  // A deadline's promise in an event is already in words when it is more than a duration ("about 3d–7d").
  return /^\d{1,4}(h|d|bd|w)$/i.test(String(promise ?? '').trim()) ? `within ${amount(promise)}` : String(promise);
}

/** Whether a promise is only a target ("we aim to"), not a firm commitment. */
export function isTarget(promise) {
  return promise !== null && typeof promise === 'object' && promise.firm === false;
}

const STEPS = {
  acknowledgement: 'Acknowledgement',
  triage: 'Triage',
  status_update: 'Status update',
  fix: 'Fix',
  minimum_embargo: 'End of the minimum embargo',
  pre_release: 'Partners told under embargo',
  partner_notice: 'Notice to partners',
  pre_announcement: 'Public pre-announcement',
  disclosure: 'Public disclosure',
  post_mortem: 'Post-mortem',
};

export function stepName(step) {
  return STEPS[step] ?? step.replaceAll('_', ' ');
}

const STATES = {
  submitted: 'Submitted: waiting for the security team to acknowledge it',
  acknowledged: 'Acknowledged by the security team',
  triaging: 'Being triaged',
  needs_info: 'The security team needs more information from you',
  accepted: 'Accepted as a vulnerability',
  duplicate: 'A duplicate of a report the team already has',
  out_of_scope: 'Out of the program’s scope',
  wont_fix: 'Will not be fixed',
  fixing: 'A fix is being made',
  pre_release: 'Fixed; partners are being told before the public',
  published: 'Published: the advisory is public',
  post_mortem: 'Published; the post-mortem is being written',
  closed: 'Closed',
};

export function stateName(state) {
  return STATES[state] ?? state;
}

/**
 * The contents a policy may ask for (the program schema's reportContents items). Those with a
 * field of their own in the API say which; the others become sections of the description.
 */
export const CONTENTS = {
  description: { label: 'Description', field: 'description' },
  reproduction: { label: 'Steps to reproduce', hint: 'Numbered steps, from a clean setup to the vulnerability.' },
  'proof-of-concept': { label: 'Proof of concept', hint: 'Code, a request or a command that shows it; or attach it as a file.' },
  impact: { label: 'Impact', hint: 'What an attacker gains, and who is exposed.' },
  'cia-impact': {
    label: 'Impact on confidentiality, integrity and availability',
    hint: 'For each of the three: none, low or high, and why.',
  },
  'affected-versions': { label: 'Affected versions', field: 'affected-version' },
  environment: { label: 'Environment', hint: 'Operating system, configuration and deployment you tested on.' },
  'proposed-patch': { label: 'Proposed patch or mitigation', hint: 'A diff, or how to work around it until a fix.' },
  'credit-name': { label: 'Name to credit', field: 'credit-name' },
};

export function contentName(item) {
  return CONTENTS[item]?.label ?? item;
}

/**
 * The policy's scope classes: { inScope, outOfScope, caseByCase }, each a list of {id, title,
 * description, examples}, and { elsewhere }: classes to report to someone else ({id, title, reportTo, note}).
 */
export function scopeClasses(program) {
  const scope = program.policy?.scope ?? {};
  return {
    inScope: scope.inScope ?? [],
    outOfScope: scope.outOfScope ?? [],
    caseByCase: scope.caseByCase ?? [],
    elsewhere: scope.elsewhere ?? [],
  };
}

/**
 * What the policy asks a report to contain: { required, recommended } lists of items, and
 * { extraItems }: the policy's own items in its words ({id, text, required}).
 */
export function reportContents(program) {
  const contents = program.policy?.reportContents ?? {};
  return { required: contents.required ?? [], recommended: contents.recommended ?? [], extraItems: contents.extraItems ?? [] };
}

const CREDIT_HOW = { named: 'by name', handle: 'by handle', anonymous: 'anonymously' };
const CREDIT_WHERE = { advisory: 'the advisory', changelog: 'the changelog', 'hall-of-fame': 'its hall of fame' };

/** "by name or anonymously, in the advisory": how and where the policy credits reporters. */
export function creditWords(options = []) {
  const how = options.filter((option) => !(option in CREDIT_WHERE)).map((option) => CREDIT_HOW[option] ?? option);
  const where = options.filter((option) => option in CREDIT_WHERE).map((option) => CREDIT_WHERE[option]);
  return [how.join(' or '), where.length ? `in ${where.join(' and ')}` : ''].filter(Boolean).join(', ');
}

/**
 * The credit preferences the API takes (name, handle, anonymous) that the policy offers: a
 * handle is a name of the reporter's choosing, so "named" offers both. A policy silent on credit
 * offers all three.
 */
export function creditPreferences(program) {
  const offered = program.policy?.disclosure?.credit;
  const all = [
    { value: 'name', label: 'By my name', when: ['named'] },
    { value: 'handle', label: 'By my handle', when: ['named', 'handle'] },
    { value: 'anonymous', label: 'Anonymously: no credit', when: ['anonymous'] },
  ];
  if (!Array.isArray(offered) || offered.length === 0) {
    return all;
  }
  const choices = all.filter((choice) => choice.when.some((option) => offered.includes(option)));
  return choices.length > 0 ? choices : all;
}

/** Whether a reporter may stay anonymous, and so give no contact address. */
export function allowsAnonymity(program) {
  const offered = program.policy?.disclosure?.credit;
  return !Array.isArray(offered) || offered.length === 0 || offered.includes('anonymous');
}

/** The program's published OpenPGP key given inline (ASCII armor): the first such, or null. */
export function publishedKey(program) {
  const openPgp = program.openPgp ?? {};
  const inline = (openPgp.keys ?? []).find((key) => key.armoredKey);
  return openPgp.status === 'published' && inline ? inline.armoredKey : null;
}

/** "ABCD 1234 …": a fingerprint in groups of four, easier to compare by eye. */
export function groupedFingerprint(fingerprint) {
  return String(fingerprint).replace(/\s+/g, '').toUpperCase().replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * How the timeline API explains a date: "3 business days after arrival", "end of the 7d–30d fix
 * window"; a target (firm: false) says it is one.
 */
export function deadlineWords(promised, basis, firm = true) {
  const target = firm ? '' : ' (a target, not a commitment)';
  if (promised && (!basis || basis === promised)) {
    return `${within(promised)}${target}`;
  }
  if (promised && basis.startsWith('after')) {
    return `${amount(promised)} ${basis}${target}`;
  }
  return `${basis ?? ''}${target}`;
}
