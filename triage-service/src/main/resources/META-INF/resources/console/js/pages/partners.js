// Partners told under embargo (notify's registry): the list, and registering a new one.

import { api } from '../api.js';
import { session } from '../auth.js';
import { h, clear, problemMessage, time } from '../dom.js';

/** The page's polite live region, where results are announced (and shown). */
export function statusRegion() {
  const region = h('p', { id: 'partner-status', class: 'page-status', role: 'status', 'aria-live': 'polite' });
  return { region, say: (message) => { region.textContent = message; } };
}

/** Shows an error; a refusal says who may do this instead of leaving a broken page. */
export function refusal(node, error) {
  const box = problemMessage(node, error);
  if (error?.status === 403) {
    box.append(h('p', {}, 'Partners and their webhooks are managed by coordinators and admins.'));
  }
  return box;
}

function list(values) {
  return (values ?? []).map((value, index) => [index ? ', ' : null, h('code', {}, value)]);
}

function partnerTable(partners) {
  const rows = partners.map((partner) => h('tr', { 'data-partner-id': partner.id },
    h('th', { scope: 'row' }, h('a', { href: `#/partners/${encodeURIComponent(partner.id)}` }, partner.name)),
    h('td', {}, partner.contactEmail),
    h('td', {}, list(partner.groups)),
    h('td', {}, list(partner.programs)),
    h('td', {}, time(partner.createdAt))));
  return h('table', { id: 'partner-list' },
    h('caption', {}, `Partners (${partners.length}), by name`),
    h('thead', {}, h('tr', {}, ['Name', 'Contact', 'Partner groups', 'Programs', 'Registered']
      .map((label) => h('th', { scope: 'col' }, label)))),
    h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: '5', class: 'empty' }, 'No partners yet.'))));
}

function checkboxes(name, legend, options, hint) {
  const hintId = `${name}-hint`;
  return h('fieldset', { class: 'checkbox-group', 'aria-describedby': hint ? hintId : null },
    h('legend', {}, legend),
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    options.length ? options.map(([value, label]) => {
      const id = `${name}-${value}`;
      return h('div', { class: 'field checkbox' }, h('input', { type: 'checkbox', id, name, value }), h('label', { for: id }, label));
    }) : h('p', { class: 'muted' }, 'None known.'));
}

function commaList(text) {
  return text.split(/[\s,]+/).map((value) => value.trim()).filter(Boolean);
}

/** The registration form, offering the programs and partner groups the policies name. */
function registration(programs, added, say) {
  const groups = new Map();
  for (const view of programs) {
    for (const group of view.program?.policy?.disclosure?.partnerGroups ?? []) {
      const known = groups.get(group.id);
      groups.set(group.id, known ? `${known}, ${view.slug}` : view.slug);
    }
  }
  const name = h('input', { id: 'partner-name', name: 'name', type: 'text', required: true, maxlength: '200', autocomplete: 'organization' });
  const contact = h('input', { id: 'partner-contact', name: 'contactEmail', type: 'email', required: true, maxlength: '320', autocomplete: 'email' });
  const otherGroups = h('input', { id: 'partner-other-groups', type: 'text', autocomplete: 'off', spellcheck: 'false',
    'aria-describedby': 'partner-other-groups-hint' });
  const errors = h('div', { class: 'form-errors' });
  const submit = h('button', { type: 'submit' }, 'Register partner');
  const form = h('form', { id: 'new-partner', novalidate: true,
    onsubmit: async (event) => {
      event.preventDefault();
      clear(errors);
      const checked = (field) => [...form.querySelectorAll(`input[name="${field}"]:checked`)].map((box) => box.value);
      const body = {
        name: name.value.trim(),
        contactEmail: contact.value.trim(),
        groups: [...new Set([...checked('groups'), ...commaList(otherGroups.value)])],
        programs: checked('programs'),
      };
      submit.disabled = true;
      try {
        const partner = await api('notify', '/api/v1/partners', { method: 'POST', body });
        form.reset();
        say(`Registered ${partner.name}.`);
        added(partner);
      } catch (error) {
        refusal(errors, error);
        say(`${body.name || 'The partner'} was not registered.`);
      } finally {
        submit.disabled = false;
      }
    } },
  h('div', { class: 'field' }, h('label', { for: 'partner-name' }, 'Name'), name),
  h('div', { class: 'field' }, h('label', { for: 'partner-contact' }, 'Contact email'), contact),
  checkboxes('programs', 'Programs it follows', programs.map((view) => [view.slug, view.program?.name ?? view.slug])),
  checkboxes('groups', 'Partner groups', [...groups].map(([id, slugs]) => [id, `${id} (${slugs})`]),
    'Pre-advisories go to the partners of a group who follow the advisory\'s program.'),
  h('div', { class: 'field' }, h('label', { for: 'partner-other-groups' }, 'Other partner groups'), otherGroups,
    h('p', { class: 'hint', id: 'partner-other-groups-hint' }, 'Group ids no policy names yet, separated by commas.')),
  h('div', { class: 'actions' }, submit),
  errors);
  return form;
}

export async function render(main) {
  const { region, say } = statusRegion();
  const listBox = h('div', {});
  main.append(h('h1', {}, 'Partners'), region,
    h('section', { 'aria-labelledby': 'partners-heading' }, h('h2', { id: 'partners-heading' }, 'Registered partners'), listBox));

  let partners;
  try {
    partners = await api('notify', '/api/v1/partners');
  } catch (error) {
    refusal(listBox, error);
    return;
  }
  const show = () => clear(listBox).append(partnerTable(partners));
  show();

  if (session.hasRole('coordinator', 'admin')) {
    // The programs name the partner groups; without them the form still takes groups by hand.
    const programs = await api('triage', '/api/v1/programs').catch(() => []);
    main.append(h('section', { 'aria-labelledby': 'new-partner-heading', class: 'panel' },
      h('h2', { id: 'new-partner-heading' }, 'Register a partner'),
      registration(programs, (partner) => {
        partners = [...partners, partner].sort((a, b) => a.name.localeCompare(b.name));
        show();
        listBox.querySelector(`tr[data-partner-id="${CSS.escape(partner.id)}"] a`)?.focus();
      }, say)));
  }
}
