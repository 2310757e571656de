// One partner: its webhook endpoints (enable, disable, rotate the secret, add one, replay since a
// time) and its webhook delivery log with a replay per delivery. Bodies and secrets never show,
// except a new secret, once, in a dialog.

import { api } from '../api.js';
import { h, clear, time } from '../dom.js';
import { refusal, statusRegion } from './partners.js';

const PAGE_SIZE = 50;

/** A UTC instant as a datetime-local value (the console shows and takes times in UTC). */
function localValue(date) {
  return date.toISOString().slice(0, 16);
}

/** A dialog showing a new signing secret once; it is removed from the page when the dialog closes. */
function secretDialog() {
  const value = h('input', { id: 'secret-value', type: 'text', readonly: true, class: 'secret-value', spellcheck: 'false',
    autocomplete: 'off' });
  const copied = h('p', { class: 'hint', role: 'status', 'aria-live': 'polite' });
  const close = h('button', { type: 'button', class: 'secret-close' }, 'I have stored it: close');
  const copy = h('button', { type: 'button', class: 'secret-copy', onclick: async () => {
    try {
      await navigator.clipboard.writeText(value.value);
      copied.textContent = 'Copied to the clipboard.';
    } catch {
      value.select();
      copied.textContent = 'Select the secret and copy it (Ctrl+C).';
    }
  } }, 'Copy');
  const context = h('p', {});
  const dialog = h('dialog', { id: 'secret-dialog', class: 'secret-dialog', 'aria-labelledby': 'secret-dialog-title',
    'aria-describedby': 'secret-dialog-warning' },
  h('h2', { id: 'secret-dialog-title' }, 'New signing secret'),
  context,
  h('p', { id: 'secret-dialog-warning', class: 'warning' }, h('strong', {}, 'Shown this once. '),
    'Copy it now and give it to the partner over a safe channel: Embargo keeps it sealed and cannot show it again.'),
  h('div', { class: 'field' }, h('label', { for: 'secret-value' }, 'Signing secret'), value),
  h('div', { class: 'actions' }, copy, close),
  copied);
  let returnFocus = null;
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    value.value = '';
    copied.textContent = '';
    returnFocus?.focus();
  });
  return {
    dialog,
    show(secret, text, opener) {
      returnFocus = opener;
      context.textContent = text;
      value.value = secret;
      dialog.showModal();
      value.focus();
      value.select();
    },
  };
}

function deliveryCells(delivery, endpointUrl) {
  return [
    h('td', {}, h('code', {}, delivery.webhookId)),
    h('td', { class: 'endpoint-url' }, endpointUrl(delivery.endpointId)),
    h('td', {}, delivery.eventType),
    h('td', {}, h('span', { class: ['delivery-status', `status-${delivery.status}`] }, delivery.status)),
    h('td', { class: 'number' }, String(delivery.attempts)),
    h('td', {}, delivery.lastStatus ?? '—',
      delivery.lastLatencyMs !== null && delivery.lastLatencyMs !== undefined ? ` in ${delivery.lastLatencyMs} ms` : null,
      delivery.lastError ? h('span', { class: 'delivery-error' }, delivery.lastError) : null),
    h('td', {}, time(delivery.createdAt)),
    h('td', {}, delivery.status === 'delivered' || delivery.status === 'dead' ? '—' : time(delivery.nextAttemptAt)),
    h('td', {}, time(delivery.deliveredAt)),
  ];
}

export async function render(main, params) {
  const partnerId = params.id;
  const { region, say } = statusRegion();
  const secrets = secretDialog();
  let partner;
  let endpoints;
  try {
    [partner, endpoints] = await Promise.all([
      api('notify', `/api/v1/partners/${encodeURIComponent(partnerId)}`),
      api('notify', `/api/v1/partners/${encodeURIComponent(partnerId)}/endpoints`),
    ]);
  } catch (error) {
    main.append(h('h1', {}, 'Partner'), h('p', {}, h('a', { href: '#/partners' }, 'All partners')));
    refusal(main.appendChild(h('div', {})), error);
    return;
  }

  const endpointBox = h('div', {});
  const endpointErrors = h('div', { class: 'form-errors' });
  const logBox = h('div', {});
  const logErrors = h('div', { class: 'form-errors' });
  const more = h('button', { type: 'button', id: 'older-deliveries', hidden: true }, 'Show older deliveries');
  const refresh = h('button', { type: 'button', id: 'refresh-deliveries' }, 'Refresh the log');
  let deliveries = [];
  let page = 0;

  const endpointUrl = (id) => endpoints.find((endpoint) => endpoint.id === id)?.url ?? id;

  // Endpoints -----------------------------------------------------------------------------------

  function endpointRow(endpoint) {
    const sinceId = `replay-since-${endpoint.id}`;
    const since = h('input', { id: sinceId, type: 'datetime-local', required: true,
      value: localValue(new Date(Date.now() - 24 * 3600 * 1000)) });
    const toggle = h('button', { type: 'button', class: 'toggle-endpoint',
      'aria-label': `${endpoint.enabled ? 'Disable' : 'Enable'} ${endpoint.url}` }, endpoint.enabled ? 'Disable' : 'Enable');
    toggle.addEventListener('click', () => act(toggle, async () => {
      const changed = await api('notify', `/api/v1/webhook-endpoints/${endpoint.id}/enabled`,
        { method: 'PUT', body: { enabled: !endpoint.enabled } });
      replaceEndpoint(changed);
      say(`${changed.url} is ${changed.enabled ? 'enabled: waiting deliveries go out now' : 'disabled'}.`);
      endpointBox.querySelector(`tr[data-endpoint-id="${CSS.escape(changed.id)}"] .toggle-endpoint`)?.focus();
    }));
    const rotate = h('button', { type: 'button', class: 'rotate-secret', 'aria-label': `Rotate the secret of ${endpoint.url}` },
      'Rotate secret');
    rotate.addEventListener('click', () => {
      if (!window.confirm(`Issue a new signing secret for ${endpoint.url}? The current one keeps signing alongside for a while; the partner must switch to the new one.`)) return;
      act(rotate, async () => {
        const rotated = await api('notify', `/api/v1/webhook-endpoints/${endpoint.id}/secret-rotation`, { method: 'POST' });
        const { secret, ...kept } = rotated;
        replaceEndpoint(kept);
        say(`New secret issued for ${rotated.url}.`);
        secrets.show(secret, `For ${rotated.url}. The previous secret keeps signing until ${rotated.previousSecretValidUntil
          ? new Date(rotated.previousSecretValidUntil).toISOString().slice(0, 16).replace('T', ' ') + ' UTC' : 'now'}.`,
        endpointBox.querySelector(`tr[data-endpoint-id="${CSS.escape(endpoint.id)}"] .rotate-secret`));
      });
    });
    const replay = h('form', { class: 'inline-form replay-since-form', novalidate: true,
      onsubmit: (event) => {
        event.preventDefault();
        const button = event.submitter ?? event.target.querySelector('button');
        if (!since.value) {
          say('Choose the time to replay from.');
          since.focus();
          return;
        }
        const from = new Date(`${since.value}Z`);
        act(button, async () => {
          const answer = await api('notify', `/api/v1/webhook-endpoints/${endpoint.id}/replays`,
            { method: 'POST', body: { since: from.toISOString() } });
          say(`${answer.requeued} ${answer.requeued === 1 ? 'delivery' : 'deliveries'} to ${endpoint.url} since ${localValue(from).replace('T', ' ')} UTC requeued.`);
          await loadDeliveries();
        });
      } },
    h('label', { for: sinceId }, 'Replay since (UTC)'), since,
    h('button', { type: 'submit', class: 'replay-since' }, 'Replay'));
    return h('tr', { 'data-endpoint-id': endpoint.id },
      h('th', { scope: 'row', class: 'endpoint-url' }, endpoint.url),
      h('td', {}, h('span', { class: ['endpoint-state', endpoint.enabled ? 'state-enabled' : 'state-disabled'] },
        endpoint.enabled ? 'Enabled' : 'Disabled'),
      endpoint.disabledReason && !endpoint.enabled ? h('span', { class: 'hint' }, ` (${endpoint.disabledReason})`) : null),
      h('td', {}, time(endpoint.createdAt)),
      h('td', {}, endpoint.previousSecretValidUntil ? ['Previous secret valid until ', time(endpoint.previousSecretValidUntil)] : '—'),
      h('td', {}, h('div', { class: 'actions' }, toggle, rotate), replay));
  }

  function showEndpoints() {
    clear(endpointBox).append(h('table', { id: 'endpoint-list' },
      h('caption', {}, `Webhook endpoints of ${partner.name}`),
      h('thead', {}, h('tr', {}, ['URL', 'State', 'Added', 'Secret rotation', 'Actions'].map((label) => h('th', { scope: 'col' }, label)))),
      h('tbody', {}, endpoints.length ? endpoints.map(endpointRow)
        : h('tr', {}, h('td', { colspan: '5', class: 'empty' }, 'No endpoints yet.')))));
  }

  function replaceEndpoint(changed) {
    endpoints = endpoints.map((endpoint) => (endpoint.id === changed.id ? changed : endpoint));
    showEndpoints();
  }

  /** Runs an action from a button; errors show by the endpoints or the log, never as a broken page. */
  async function act(button, action, errorBox = endpointErrors) {
    clear(endpointErrors);
    clear(logErrors);
    if (button) {
      button.disabled = true;
      button.setAttribute('aria-busy', 'true');
    }
    try {
      await action();
    } catch (error) {
      refusal(errorBox, error);
      say(`Not done: ${error.detail ?? error.message}`);
    } finally {
      if (button?.isConnected) {
        button.disabled = false;
        button.removeAttribute('aria-busy');
      }
    }
  }

  const url = h('input', { id: 'endpoint-url', type: 'url', required: true, maxlength: '2000', placeholder: 'https://partner.example/webhooks/embargo',
    'aria-describedby': 'endpoint-url-hint' });
  const addEndpoint = h('form', { id: 'new-endpoint', class: 'inline-form', novalidate: true,
    onsubmit: (event) => {
      event.preventDefault();
      const button = addEndpoint.querySelector('button');
      act(button, async () => {
        const issued = await api('notify', `/api/v1/partners/${encodeURIComponent(partnerId)}/endpoints`,
          { method: 'POST', body: { url: url.value.trim() } });
        const { secret, ...kept } = issued;
        endpoints = [...endpoints, kept];
        showEndpoints();
        addEndpoint.reset();
        say(`Endpoint ${issued.url} added.`);
        secrets.show(secret, `For ${issued.url}, a new endpoint of ${partner.name}.`, button);
      });
    } },
  h('label', { for: 'endpoint-url' }, 'Webhook URL'), url,
  h('button', { type: 'submit' }, 'Add endpoint'),
  h('p', { class: 'hint', id: 'endpoint-url-hint' }, 'HTTPS on a public address; its signing secret is shown once.'));

  // Delivery log --------------------------------------------------------------------------------

  function deliveryRow(delivery) {
    const replay = h('button', { type: 'button', class: 'replay', 'aria-label': `Replay ${delivery.webhookId}` }, 'Replay');
    replay.addEventListener('click', () => act(replay, async () => {
      const replayed = await api('notify', `/api/v1/webhook-deliveries/${encodeURIComponent(delivery.id)}/replay`, { method: 'POST' });
      deliveries = deliveries.map((kept) => (kept.id === replayed.id ? replayed : kept));
      const row = logBox.querySelector(`tr.delivery[data-delivery-id="${CSS.escape(replayed.id)}"]`);
      const fresh = deliveryRow(replayed);
      row?.replaceWith(fresh);
      fresh.querySelector('button.replay')?.focus();
      say(`Delivery ${replayed.webhookId} requeued: ${replayed.status}.`);
    }, logErrors));
    return h('tr', { class: 'delivery', 'data-delivery-id': delivery.id, 'data-status': delivery.status },
      deliveryCells(delivery, endpointUrl), h('td', {}, replay));
  }

  function showDeliveries() {
    clear(logBox).append(h('table', { id: 'delivery-log' },
      h('caption', {}, `Webhook deliveries to ${partner.name}, newest first (no bodies)`),
      h('thead', {}, h('tr', {}, ['Webhook id', 'Endpoint', 'Event', 'Status', 'Attempts', 'Last response', 'Created',
        'Next attempt', 'Delivered', 'Replay'].map((label) => h('th', { scope: 'col' }, label)))),
      h('tbody', {}, deliveries.length ? deliveries.map(deliveryRow)
        : h('tr', {}, h('td', { colspan: '10', class: 'empty' }, 'Nothing delivered yet.')))));
  }

  async function loadDeliveries(next = false) {
    const wanted = next ? page + 1 : 0;
    try {
      const found = await api('notify',
        `/api/v1/partners/${encodeURIComponent(partnerId)}/deliveries?page=${wanted}&size=${PAGE_SIZE}`);
      deliveries = next ? [...deliveries, ...found] : found;
      page = wanted;
      more.hidden = found.length < PAGE_SIZE;
      showDeliveries();
    } catch (error) {
      refusal(logErrors, error);
    }
  }

  more.addEventListener('click', () => act(more, async () => {
    const before = deliveries.length;
    await loadDeliveries(true);
    say(`${deliveries.length - before} older deliveries shown.`);
  }, logErrors));
  refresh.addEventListener('click', () => act(refresh, async () => {
    await loadDeliveries();
    say(`Delivery log refreshed: ${deliveries.length} shown.`);
  }, logErrors));

  main.append(
    h('p', { class: 'breadcrumb' }, h('a', { href: '#/partners' }, '← Partners')),
    h('h1', {}, partner.name),
    region,
    h('dl', { class: 'facts' },
      h('dt', {}, 'Contact'), h('dd', {}, partner.contactEmail),
      h('dt', {}, 'Partner groups'), h('dd', {}, (partner.groups ?? []).join(', ') || '—'),
      h('dt', {}, 'Programs'), h('dd', {}, (partner.programs ?? []).join(', ') || '—'),
      h('dt', {}, 'Registered'), h('dd', {}, time(partner.createdAt))),
    h('section', { 'aria-labelledby': 'endpoints-heading' },
      h('h2', { id: 'endpoints-heading' }, 'Webhook endpoints'), endpointBox, endpointErrors, addEndpoint),
    h('section', { 'aria-labelledby': 'deliveries-heading' },
      h('h2', { id: 'deliveries-heading' }, 'Delivery log'),
      h('div', { class: 'actions' }, refresh), logErrors, logBox, more),
    secrets.dialog);
  showEndpoints();
  await loadDeliveries();
}
