// The CVSS base metrics a vector is built from, for the case page's calculator. Scores are never
// computed here: triage's POST /api/v1/cvss/scores scores with the calculator that scores cases.

const IMPACT = [['H', 'High'], ['L', 'Low'], ['N', 'None']];

/** Base metrics by version, in vector order: [key, name, [[value, label], …]]. */
export const METRICS = {
  '3.1': [
    ['AV', 'Attack Vector', [['N', 'Network'], ['A', 'Adjacent'], ['L', 'Local'], ['P', 'Physical']]],
    ['AC', 'Attack Complexity', [['L', 'Low'], ['H', 'High']]],
    ['PR', 'Privileges Required', [['N', 'None'], ['L', 'Low'], ['H', 'High']]],
    ['UI', 'User Interaction', [['N', 'None'], ['R', 'Required']]],
    ['S', 'Scope', [['U', 'Unchanged'], ['C', 'Changed']]],
    ['C', 'Confidentiality', IMPACT],
    ['I', 'Integrity', IMPACT],
    ['A', 'Availability', IMPACT],
  ],
  '4.0': [
    ['AV', 'Attack Vector', [['N', 'Network'], ['A', 'Adjacent'], ['L', 'Local'], ['P', 'Physical']]],
    ['AC', 'Attack Complexity', [['L', 'Low'], ['H', 'High']]],
    ['AT', 'Attack Requirements', [['N', 'None'], ['P', 'Present']]],
    ['PR', 'Privileges Required', [['N', 'None'], ['L', 'Low'], ['H', 'High']]],
    ['UI', 'User Interaction', [['N', 'None'], ['P', 'Passive'], ['A', 'Active']]],
    ['VC', 'Vulnerable System Confidentiality', IMPACT],
    ['VI', 'Vulnerable System Integrity', IMPACT],
    ['VA', 'Vulnerable System Availability', IMPACT],
    ['SC', 'Subsequent System Confidentiality', IMPACT],
    ['SI', 'Subsequent System Integrity', IMPACT],
    ['SA', 'Subsequent System Availability', IMPACT],
  ],
};

/** The version and metrics of a vector ("CVSS:3.1/AV:N/…"); version null when it is not one. */
export function parseVector(vector) {
  const parts = String(vector ?? '').trim().split('/');
  const prefix = /^CVSS:(3\.0|3\.1|4\.0)$/.exec(parts[0]);
  const metrics = new Map();
  for (const part of parts.slice(1)) {
    const [key, value] = part.split(':');
    if (key && value) metrics.set(key, value);
  }
  return { version: prefix ? prefix[1] : null, metrics };
}

/** The family of a version whose metrics the calculator shows: 3.0 and 3.1 share theirs. */
export function family(version) {
  return version === '4.0' ? '4.0' : '3.1';
}

/**
 * A vector from the chosen base metrics, keeping any other metrics (threat, environmental,
 * supplemental) of the vector it replaces. Null while a base metric is unchosen.
 */
export function buildVector(version, chosen, previous) {
  const base = METRICS[family(version)];
  if (base.some(([key]) => !chosen.get(key))) return null;
  const baseKeys = new Set(base.map(([key]) => key));
  const kept = previous && family(previous.version) === family(version)
    ? [...previous.metrics].filter(([key]) => !baseKeys.has(key)) : [];
  return [`CVSS:${version}`, ...base.map(([key]) => `${key}:${chosen.get(key)}`), ...kept.map(([key, value]) => `${key}:${value}`)]
    .join('/');
}
