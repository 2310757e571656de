// One advisory: its fields, revisions, embargo (lift time, partner groups told), audit trail, and
// before publication a preview of each published format, rendered by advisory's own publication
// renderers (GET /api/v1/advisories/{id}/preview/{format}).

import { api } from '../api.js';
import { session } from '../auth.js';
import { h, clear, problemMessage, time } from '../dom.js';
import { refusal } from './advisories.js';

const FORMATS = [['csaf', 'CSAF 2.0'], ['osv', 'OSV'], ['cve', 'CVE JSON 5'], ['html', 'Human page']];

/** A UTC instant as a datetime-local value (the console shows and takes times in UTC). */
function localValue(iso) {
  return iso ? new Date(iso).toISOString().slice(0, 16) : '';
}

function fact(term, value) {
  return value === null || value === undefined || value === '' ? null : [h('dt', {}, term), h('dd', {}, value)];
}

function paragraphs(text) {
  return text ? String(text).split(/\n{2,}/).map((part) => h('p', { class: 'text' }, part)) : h('p', { class: 'muted' }, 'Not written yet.');
}

function facts(advisory) {
  const content = advisory.content ?? {};
  const links = advisory.links;
  return h('dl', { class: 'facts', id: 'advisory-facts' },
    fact('State', h('span', { class: ['advisory-state', `state-${advisory.state}`] }, advisory.state)),
    fact('Program', advisory.program),
    fact('Report', advisory.trackingId),
    fact('Revision', String(advisory.revision)),
    fact('Lift time', advisory.liftAt ? time(advisory.liftAt) : 'not set'),
    fact('Published', advisory.publishedAt ? time(advisory.publishedAt) : null),
    fact('Embargo broken early', advisory.earlyBreak ? 'yes: published before the lift time' : null),
    fact('Severity', content.severity),
    fact('CVSS', content.cvssVector ? [String(content.cvssScore ?? ''), ' ', h('code', {}, content.cvssVector)] : null),
    fact('CVE', content.cveId),
    fact('Weakness', content.cweId ? `${content.cweId}: ${content.cweName ?? ''}` : null),
    fact('Post-mortem', advisory.postMortemRequired
      ? [advisory.postMortem ? 'written' : 'required', advisory.postMortemDueAt ? [', due ', time(advisory.postMortemDueAt)] : null]
      : null),
    fact('Public documents', links ? h('ul', { class: 'inline-list' },
      [['Page', links.page], ['CSAF', links.csaf], ['OSV', links.osv], ['CVE record', links.cve]]
        .filter(([, href]) => href)
        .map(([text, href]) => h('li', {}, h('a', { href, rel: 'noopener noreferrer', target: '_blank' }, text)))) : null));
}

function contentSection(content) {
  const affected = content.affected ?? [];
  return [
    h('h3', {}, 'Summary'), paragraphs(content.summary),
    h('h3', {}, 'Description'), paragraphs(content.description),
    h('h3', {}, 'Affected versions'),
    affected.length ? h('table', { class: 'affected' },
      h('caption', {}, 'Affected products'),
      h('thead', {}, h('tr', {}, ['Product', 'Package', 'Affected from', 'Fixed in'].map((text) => h('th', { scope: 'col' }, text)))),
      h('tbody', {}, affected.map((product) => h('tr', {},
        h('th', { scope: 'row' }, product.product),
        h('td', {}, product.packageName ? h('code', {}, `${product.ecosystem ?? ''}:${product.packageName}`) : '—'),
        h('td', {}, product.introduced ?? 'all versions'),
        h('td', {}, product.fixed ?? 'no fix yet'))))) : h('p', { class: 'muted' }, 'No affected product named yet.'),
    h('h3', {}, 'Remediation'), paragraphs(content.remediation),
    content.workarounds ? [h('h3', {}, 'Workarounds'), paragraphs(content.workarounds)] : null,
    content.credits?.length ? [h('h3', {}, 'Credits (besides the reporter\'s own choice)'),
      h('ul', {}, content.credits.map((credit) => h('li', {}, credit.name, ` (${credit.role})`)))] : null,
    content.references?.length ? [h('h3', {}, 'References'),
      h('ul', {}, content.references.map((reference) => h('li', {},
        h('a', { href: reference.url, rel: 'noopener noreferrer nofollow', target: '_blank' }, reference.summary ?? reference.url))))] : null,
  ];
}

function revisionsTable(revisions) {
  return h('table', { id: 'revision-list' },
    h('caption', {}, 'Revisions, oldest first'),
    h('thead', {}, h('tr', {}, ['#', 'Title', 'What changed', 'By', 'When', 'Published'].map((text) => h('th', { scope: 'col' }, text)))),
    h('tbody', {}, revisions.map((revision) => h('tr', { 'data-revision': String(revision.number) },
      h('th', { scope: 'row', class: 'number' }, String(revision.number)),
      h('td', {}, revision.content?.title ?? '—'),
      h('td', {}, revision.changeSummary ?? ''),
      h('td', {}, revision.editedBy ?? ''),
      h('td', {}, time(revision.editedAt)),
      h('td', {}, time(revision.publishedAt))))));
}

function auditTable(entries) {
  return h('table', { id: 'advisory-audit' },
    h('caption', {}, 'Audit trail, oldest first'),
    h('thead', {}, h('tr', {}, ['When', 'Who', 'What', 'Detail'].map((text) => h('th', { scope: 'col' }, text)))),
    h('tbody', {}, entries.length ? entries.map((entry) => h('tr', {},
      h('td', {}, time(entry.at)), h('td', {}, entry.actor), h('td', {}, entry.action), h('td', {}, entry.detail ?? '')))
      : h('tr', {}, h('td', { colspan: '4', class: 'empty' }, 'Nothing yet.'))));
}

/** The publication preview: one tab per format (arrow keys move between them), the document as text. */
function preview(advisory, say) {
  const output = h('pre', { id: 'preview-output', class: 'preview-output', role: 'tabpanel', tabindex: '0' });
  const note = h('p', { id: 'preview-note', class: 'hint' });
  const errors = h('div', {});
  const cache = new Map();
  const tabs = FORMATS.map(([format, text]) => h('button', {
    type: 'button', role: 'tab', class: 'preview-format', id: `preview-tab-${format}`, 'data-format': format,
    'aria-selected': 'false', 'aria-controls': 'preview-output', tabindex: '-1',
  }, text));
  const list = h('div', { id: 'preview-tabs', role: 'tablist', 'aria-label': 'Publication formats' }, tabs);

  async function choose(tab, focus = false) {
    for (const other of tabs) {
      const selected = other === tab;
      other.setAttribute('aria-selected', String(selected));
      other.tabIndex = selected ? 0 : -1;
    }
    if (focus) tab.focus();
    const format = tab.dataset.format;
    const name = tab.textContent;
    output.setAttribute('aria-labelledby', tab.id);
    clear(errors);
    output.textContent = 'Rendering…';
    output.setAttribute('aria-busy', 'true');
    try {
      if (!cache.has(format)) {
        const answer = await api('advisory', `/api/v1/advisories/${encodeURIComponent(advisory.id)}/preview/${format}`);
        // JSON documents come parsed; the page comes as text and stays text (never rendered here).
        cache.set(format, typeof answer === 'string' ? answer : `${JSON.stringify(answer, null, 2)}\n`);
      }
      if (tab.getAttribute('aria-selected') !== 'true') return;
      output.textContent = cache.get(format);
      say(`${name} preview shown.`);
    } catch (error) {
      if (tab.getAttribute('aria-selected') !== 'true') return;
      output.textContent = '';
      const box = refusal(errors, error);
      if (error.status === 422) box.append(h('p', {}, 'The preview shows only content ready for publication.'));
      say(`No ${name} preview: ${error.detail ?? error.message}`);
    } finally {
      output.removeAttribute('aria-busy');
    }
  }

  tabs.forEach((tab, index) => {
    tab.addEventListener('click', () => choose(tab));
    tab.addEventListener('keydown', (event) => {
      const moves = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 };
      if (!(event.key in moves)) return;
      event.preventDefault();
      choose(tabs[(moves[event.key] + tabs.length) % tabs.length], true);
    });
  });

  function describe(current) {
    clear(note).append(h('span', {}, h('strong', {}, 'Preview, not published. '),
      current.liftAt ? ['Dated at the lift time, ', time(current.liftAt), ', '] : 'Dated now (no lift time yet), ',
      'rendered by the same renderers as publication; nothing is stored, signed or sent. '
      + 'It shows the current revision: an edit before the lift changes it.'));
  }
  describe(advisory);
  return {
    section: h('section', { id: 'publication-preview', 'aria-labelledby': 'preview-heading', class: 'panel' },
      h('h2', { id: 'preview-heading' }, 'Publication preview'), note, list, errors, output),
    start: () => choose(tabs[0]),
    /** Renders again (a new lift time dates the documents anew). */
    refresh(current) {
      cache.clear();
      describe(current);
      return choose(tabs.find((tab) => tab.getAttribute('aria-selected') === 'true') ?? tabs[0]);
    },
  };
}

export async function render(main, params) {
  const id = params.id;
  const base = `/api/v1/advisories/${encodeURIComponent(id)}`;
  let advisory;
  try {
    advisory = await api('advisory', base);
  } catch (error) {
    main.append(h('p', { class: 'breadcrumb' }, h('a', { href: '#/advisories' }, '← Advisories')), h('h1', {}, 'Advisory'));
    refusal(main.appendChild(h('div', {})), error);
    return;
  }

  const status = h('p', { id: 'advisory-status', class: 'page-status', role: 'status', 'aria-live': 'polite' });
  const say = (message) => { status.textContent = message; };
  const title = h('h1', {});
  const factsBox = h('div', {});
  const revisionsBox = h('div', {});
  const auditBox = h('div', {});
  const embargoBox = h('div', {});
  const coordinates = session.hasRole('coordinator', 'admin');
  let previewParts = null;

  function showHeader() {
    clear(title).append(h('span', { class: 'public-id' }, advisory.publicId), ' ', advisory.content?.title ?? 'Untitled draft');
    clear(factsBox).append(facts(advisory));
  }

  async function loadRevisions() {
    try {
      clear(revisionsBox).append(revisionsTable(await api('advisory', `${base}/revisions`)));
    } catch (error) {
      refusal(revisionsBox, error);
    }
  }

  async function loadAudit() {
    try {
      clear(auditBox).append(auditTable(await api('advisory', `${base}/audit`)));
    } catch (error) {
      refusal(auditBox, error);
    }
  }

  /** The lift time, and for coordinators and admins the forms that set it and tell partner groups. */
  async function showEmbargo() {
    clear(embargoBox);
    embargoBox.append(h('p', {}, advisory.state === 'published'
      ? ['Published ', time(advisory.publishedAt), advisory.earlyBreak ? ', before its lift time (embargo broken).' : '.']
      : advisory.liftAt ? ['The embargo lifts at ', time(advisory.liftAt), ': the advisory publishes itself then.']
        : 'No lift time yet: the advisory stays a draft until a coordinator sets one.'));
    if (advisory.state === 'published') return;
    if (!coordinates) {
      embargoBox.append(h('p', { class: 'hint' }, 'Coordinators and admins set the lift time and tell partner groups.'));
      return;
    }
    const liftErrors = h('div', {});
    const liftAt = h('input', { id: 'lift-at', type: 'datetime-local', required: true, value: localValue(advisory.liftAt),
      min: localValue(new Date().toISOString()), 'aria-describedby': 'lift-at-hint' });
    const save = h('button', { type: 'submit', id: 'save-embargo' }, advisory.liftAt ? 'Move the lift time' : 'Set the lift time');
    const liftForm = h('form', { id: 'embargo-form', novalidate: true, onsubmit: async (event) => {
      event.preventDefault();
      clear(liftErrors);
      if (!liftAt.value) {
        problemMessage(liftErrors, { status: 0, title: 'Which time?', detail: 'Choose the lift time (UTC).', errors: [] });
        liftAt.focus();
        return;
      }
      save.disabled = true;
      try {
        advisory = await api('advisory', `${base}/embargo`, { method: 'PUT', body: { liftAt: new Date(`${liftAt.value}Z`).toISOString() } });
        showHeader();
        await showEmbargo();
        await Promise.all([loadAudit(), previewParts?.refresh(advisory)]);
        say(`Lift time set: ${localValue(advisory.liftAt).replace('T', ' ')} UTC.`);
        document.getElementById('lift-at')?.focus();
      } catch (error) {
        const box = refusal(liftErrors, error);
        if (error.status === 403) box.append(h('p', {}, 'Only coordinators and admins set the lift time.'));
        say('The lift time was not changed.');
      } finally {
        save.disabled = false;
      }
    } },
    h('div', { class: 'field' }, h('label', { for: 'lift-at' }, 'Lift time (UTC)'), liftAt,
      h('p', { class: 'hint', id: 'lift-at-hint' },
        'In the future and no later than the program\'s disclosure deadline; needs complete content.')),
    h('div', { class: 'actions' }, save), liftErrors);
    embargoBox.append(liftForm);

    if (advisory.state !== 'scheduled') return;
    const program = await api('triage', `/api/v1/programs/${encodeURIComponent(advisory.program)}`).catch(() => null);
    const groups = program?.program?.policy?.disclosure?.partnerGroups ?? [];
    if (!groups.length) return;
    const tellErrors = h('div', {});
    const tell = h('button', { type: 'submit', id: 'tell-partners' }, 'Send the pre-advisory');
    const tellForm = h('form', { id: 'pre-advisory-form', novalidate: true, onsubmit: async (event) => {
      event.preventDefault();
      clear(tellErrors);
      const partnerGroups = [...tellForm.querySelectorAll('input[name="partner-group"]:checked')].map((box) => box.value);
      tell.disabled = true;
      try {
        const released = await api('advisory', `${base}/pre-advisories`, { method: 'POST', body: { partnerGroups } });
        tellForm.reset();
        await loadAudit();
        say(`Pre-advisory sent to ${released.partnerGroups.join(', ')}, embargoed until ${localValue(released.embargoUntil).replace('T', ' ')} UTC.`);
        tellErrors.append(h('p', {}, h('a', { id: 'readiness-link', href: `#/readiness/${encodeURIComponent(released.id)}` },
          'Partner readiness for this pre-advisory')));
      } catch (error) {
        refusal(tellErrors, error);
        say('The pre-advisory was not sent.');
      } finally {
        tell.disabled = false;
      }
    } },
    h('fieldset', { class: 'checkbox-group' }, h('legend', {}, 'Tell partner groups under embargo'),
      groups.map((group) => {
        const boxId = `partner-group-${group.id}`;
        return h('div', { class: 'field checkbox' }, h('input', { type: 'checkbox', id: boxId, name: 'partner-group', value: group.id }),
          h('label', { for: boxId }, group.id, group.maxEmbargo ? ` (at most ${group.maxEmbargo} before the lift)` : null));
      })),
    h('div', { class: 'actions' }, tell), tellErrors);
    embargoBox.append(tellForm);
  }

  showHeader();
  previewParts = advisory.state === 'published' ? null : preview(advisory, say);
  main.append(
    h('p', { class: 'breadcrumb' }, h('a', { href: '#/advisories' }, '← Advisories')),
    title, status, factsBox,
    h('section', { 'aria-labelledby': 'embargo-heading', class: 'panel' }, h('h2', { id: 'embargo-heading' }, 'Embargo'), embargoBox),
    h('section', { 'aria-labelledby': 'content-heading' }, h('h2', { id: 'content-heading' }, 'Content (current revision)'),
      contentSection(advisory.content ?? {})),
    previewParts ? previewParts.section : h('section', { id: 'publication-preview', 'aria-labelledby': 'preview-heading' },
      h('h2', { id: 'preview-heading' }, 'Publication'),
      h('p', {}, 'Published: the public documents are linked above, as everyone reads them.')),
    h('section', { 'aria-labelledby': 'revisions-heading' }, h('h2', { id: 'revisions-heading' }, 'Revisions'), revisionsBox),
    h('section', { 'aria-labelledby': 'audit-heading' }, h('h2', { id: 'audit-heading' }, 'Audit trail'), auditBox));
  await Promise.all([showEmbargo(), loadRevisions(), loadAudit(), previewParts?.start()]);
}
