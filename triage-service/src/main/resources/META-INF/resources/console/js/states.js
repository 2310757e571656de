// Case states by their wire names, with the words staff read. Which moves are allowed is triage's
// business (a case lists its allowedTransitions); this is only how states are named on screen.

export const STATES = [
  ['new', 'New'], ['acknowledged', 'Acknowledged'], ['triaging', 'Triaging'], ['needs_info', 'Needs info'],
  ['accepted', 'Accepted'], ['duplicate', 'Duplicate'], ['out_of_scope', 'Out of scope'], ['spam', 'Spam'],
  ['wont_fix', 'Won\'t fix'], ['fixing', 'Fixing'], ['pre_release', 'Pre-release'], ['published', 'Published'],
  ['post_mortem', 'Post-mortem'], ['closed', 'Closed'],
];

const LABELS = new Map(STATES);

export function stateLabel(state) {
  return LABELS.get(state) ?? state ?? '';
}
