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
  const match = /^(\d{1,4})(h|d|bd|w)$/.exec(String(duration ?? '').trim().toLowerCase());
  if (!match) {
    return String(duration);
  }
  const count = Number(match[1]);
  const unit = { h: 'hour', d: 'day', bd: 'business day', w: 'week' }[match[2]];
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** "within 3 business days", "with the next release". */
export function within(duration) {
  if (duration === 'next-release') {
    return 'with the next release';
  }
  if (duration === 'best-effort') {
    return 'on a best-effort basis, with no fixed time';
  }
  return `within ${amount(duration)}`;
}

const STEPS = {
  acknowledgement: 'Acknowledgement',
  triage: 'Triage',
  status_update: 'Status update',
  fix: 'Fix',
  pre_release: 'Partners told under embargo',
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

/** The policy's scope classes: { inScope, outOfScope }, each a list of {id, title, description, examples}. */
export function scopeClasses(program) {
  const scope = program.policy?.scope ?? {};
  return { inScope: scope.inScope ?? [], outOfScope: scope.outOfScope ?? [] };
}

/** What the policy asks a report to contain: { required, recommended } lists of items. */
export function reportContents(program) {
  const contents = program.policy?.reportContents ?? {};
  return { required: contents.required ?? [], recommended: contents.recommended ?? [] };
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

/** The program's published OpenPGP key (ASCII armor), or null. */
export function publishedKey(program) {
  const openPgp = program.openPgp ?? {};
  return openPgp.status === 'published' && openPgp.armoredKey ? openPgp.armoredKey : null;
}

/** "ABCD 1234 …": a fingerprint in groups of four, easier to compare by eye. */
export function groupedFingerprint(fingerprint) {
  return String(fingerprint).replace(/\s+/g, '').toUpperCase().replace(/(.{4})(?=.)/g, '$1 ');
}

/** How the timeline API explains a date: "3 business days after arrival", "end of the 7d–30d fix window". */
export function deadlineWords(promised, basis) {
  if (promised && (!basis || basis === promised)) {
    return within(promised);
  }
  if (promised && basis.startsWith('after')) {
    return `${amount(promised)} ${basis}`;
  }
  return basis ?? '';
}
