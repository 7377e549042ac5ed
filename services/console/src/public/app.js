// The operations console: a hash-routed page over /api, refreshed by server-sent events.
// Every request goes through api(), which sends the API key the person signed in with.
'use strict';

const view = document.getElementById('view');
const STATUS_COLOURS = {
  overdue: '#c62828',
  due: '#ef6c00',
  pending: '#1f5fbf',
  tracked: '#7b8494',
  met: '#2e7d32',
  waived: '#2e7d32',
  cancelled: '#9aa3b2',
};
let chart = null;

// ---- Sign-in: an API key kept for this tab only (sessionStorage), sent as a bearer token ----
const KEY_STORAGE = 'dealwatch.apiKey';

class SignInRequired extends Error {}
/** Set by listen() while it waits: a sign-in connects the event stream at once. */
let wakeListener = () => {};

/** The one way the page calls the API: adds the key; a 401 forgets it and asks for one again. */
async function api(path, init = {}) {
  const headers = new Headers(init.headers);
  const key = sessionStorage.getItem(KEY_STORAGE);
  if (key) headers.set('authorization', `Bearer ${key}`);
  const response = await fetch(path, { ...init, headers });
  if (response.status === 401) {
    sessionStorage.removeItem(KEY_STORAGE);
    const problem = await response.json().catch(() => ({}));
    showSignIn(key ? problem.detail : null);
    throw new SignInRequired('sign in to see this page');
  }
  return response;
}

function showSignIn(reason) {
  if (document.getElementById('signin')) return;
  const input = element('input', {
    id: 'signin-key',
    type: 'password',
    autocomplete: 'off',
    placeholder: 'dwk_…',
    'aria-label': 'API key',
  });
  const form = element(
    'form',
    { id: 'signin', class: 'signin' },
    element('h2', {}, 'Sign in'),
    element('p', { class: 'muted' }, 'Paste an API key. It is kept for this tab only.'),
    reason ? element('p', { id: 'signin-reason', class: 'refused' }, `Refused: ${reason}`) : '',
    input,
    element('button', { id: 'signin-submit', type: 'submit' }, 'Sign in'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!input.value.trim()) return;
    sessionStorage.setItem(KEY_STORAGE, input.value.trim());
    form.remove();
    void route();
    wakeListener();
  });
  document.body.append(form);
  input.focus();
}

/**
 * Every request of the page goes through here: a JSON answer back, or an Error carrying the reason
 * the server gave. `body` is sent as JSON unless a content type says what it is.
 */
async function requestJson(path, { method = 'GET', body, contentType } = {}) {
  const headers = {};
  if (body !== undefined) headers['content-type'] = contentType ?? 'application/json';
  const response = await api(path, {
    method,
    headers,
    body: body === undefined || contentType ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let answer = null;
  try {
    answer = text ? JSON.parse(text) : null;
  } catch {
    answer = { message: text };
  }
  if (!response.ok) {
    // Problem details (RFC 9457): the fields named in `errors`, else the detail.
    const fields = answer?.errors?.map((error) => `${error.field}: ${error.message}`);
    const reason = fields?.length ? fields.join('; ') : (answer?.detail ?? answer?.message);
    throw new Error(`${reason ?? response.statusText} (${response.status})`);
  }
  return answer;
}

/** Who is at the keyboard, remembered by this browser: reviews and acknowledgements name them. */
function reviewer() {
  return document.getElementById('who').value.trim();
}

/** True while a person is filling in a form on the page: live refreshes wait until they are done. */
let editing = false;
let refreshPending = false;

function startEditing() {
  editing = true;
}

function doneEditing() {
  editing = false;
  if (refreshPending) {
    refreshPending = false;
    void route();
  }
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value);
  }
  for (const child of children)
    node.append(child instanceof Node ? child : document.createTextNode(String(child ?? '')));
  return node;
}

function statusBadge(status) {
  return element('span', { class: `status ${status}` }, status);
}

async function showDeadlines() {
  const { from, to, items } = await forThisRoute(requestJson('/api/timeline'));
  const canvas = element('canvas', {
    id: 'timeline',
    'aria-label': 'Deadlines over the next 12 months',
  });
  const rows = items.map((m) =>
    element(
      'tr',
      { 'data-milestone': m.id },
      element('td', {}, m.dueDate ?? '—'),
      element('td', {}, statusBadge(m.status)),
      element('td', {}, m.category),
      element('td', {}, element('a', { href: `#/agreements/${m.agreementId}` }, m.title)),
    ),
  );
  view.replaceChildren(
    element(
      'section',
      {},
      element('h2', {}, `Deadlines ${from} to ${to}`),
      element('div', { class: 'chart' }, canvas),
    ),
    element(
      'section',
      {},
      element(
        'table',
        { id: 'deadlines' },
        element(
          'thead',
          {},
          element(
            'tr',
            {},
            element('th', {}, 'Due'),
            element('th', {}, 'Status'),
            element('th', {}, 'Category'),
            element('th', {}, 'Milestone'),
          ),
        ),
        element('tbody', {}, ...rows),
      ),
    ),
  );
  drawTimeline(canvas, items, from, to);
}

/** Month starts between two instants, as chart ticks. */
function monthTicks(min, max) {
  const ticks = [];
  const cursor = new Date(min);
  cursor.setUTCDate(1);
  cursor.setUTCHours(0, 0, 0, 0);
  while (cursor.getTime() <= max) {
    if (cursor.getTime() >= min) ticks.push({ value: cursor.getTime() });
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return ticks;
}

function drawTimeline(canvas, items, from, to) {
  const dated = items.filter((item) => item.dueDate);
  const categories = [...new Set(dated.map((m) => m.category))].sort();
  const byStatus = {};
  for (const m of dated) {
    (byStatus[m.status] ??= []).push({
      x: Date.parse(`${m.dueDate}T00:00:00Z`),
      y: categories.indexOf(m.category),
      title: m.title,
    });
  }
  // The window is the next months; overdue milestones widen it to the left so they stay visible.
  const margin = 10 * 86_400_000;
  const min =
    Math.min(
      Date.parse(`${from}T00:00:00Z`),
      ...dated.map((m) => Date.parse(`${m.dueDate}T00:00:00Z`)),
    ) - margin;
  const max = Date.parse(`${to}T00:00:00Z`) + margin;
  chart?.destroy();
  chart = new Chart(canvas, {
    type: 'scatter',
    data: {
      datasets: Object.entries(byStatus).map(([status, points]) => ({
        label: status,
        data: points,
        backgroundColor: STATUS_COLOURS[status] ?? '#555',
        pointRadius: 7,
      })),
    },
    options: {
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: {
          min,
          max,
          afterBuildTicks: (axis) => {
            axis.ticks = monthTicks(min, max);
          },
          ticks: { callback: (value) => new Date(value).toISOString().slice(0, 7) },
        },
        y: {
          min: -0.5,
          max: Math.max(categories.length - 0.5, 0.5),
          afterBuildTicks: (axis) => {
            axis.ticks = categories.map((_, index) => ({ value: index }));
          },
          ticks: { callback: (value) => categories[value] ?? '' },
        },
      },
      plugins: {
        tooltip: {
          callbacks: {
            label: (context) =>
              `${context.raw.title} — ${new Date(context.raw.x).toISOString().slice(0, 10)}`,
          },
        },
      },
    },
  });
}

async function showAgreements() {
  const { items } = await forThisRoute(requestJson('/api/agreements'));
  view.replaceChildren(
    element(
      'section',
      {},
      element('h2', {}, 'Agreements'),
      element(
        'table',
        {},
        element(
          'tbody',
          {},
          ...items.map((a) =>
            element(
              'tr',
              {},
              element('td', {}, element('a', { href: `#/agreements/${a.id}` }, a.title ?? a.id)),
              element('td', { class: 'muted' }, (a.parties ?? []).join(', ')),
              element('td', { class: 'muted' }, a.publishedAt ?? ''),
            ),
          ),
        ),
      ),
    ),
  );
}

function highlighted(text, obligations) {
  const container = element('div', { class: 'text', id: 'agreement-text' });
  let cursor = 0;
  for (const o of [...obligations].sort((a, b) => a.span[0] - b.span[0])) {
    const [start, end] = o.span;
    if (start < cursor || end > text.length) continue;
    container.append(text.slice(cursor, start));
    const rule = o.deadline
      ? `due ${o.deadline.dueDate ?? 'when its anchor is known'} (${o.deadline.rule ?? o.deadline.expression})`
      : 'no deadline';
    container.append(
      element(
        'mark',
        { class: o.deadline?.dueDate ? 'dated' : '', title: `${o.category}: ${rule}` },
        text.slice(start, end),
      ),
    );
    cursor = end;
  }
  container.append(text.slice(cursor));
  return container;
}

async function showAgreement(id) {
  const { agreement, milestones } = await forThisRoute(requestJson(`/api/agreements/${id}`));
  const obligations = agreement.obligations ?? [];
  view.replaceChildren(
    element(
      'section',
      {},
      element('h2', {}, agreement.title ?? 'Agreement'),
      element(
        'p',
        { class: 'muted' },
        `Parties: ${(agreement.parties ?? []).join(', ') || '—'} · signed ${agreement.signedAt ?? '—'} · published ${agreement.publishedAt ?? '—'}`,
      ),
    ),
    element('section', {}, element('h3', {}, 'Text'), highlighted(agreement.text, obligations)),
    element(
      'section',
      {},
      element('h3', {}, 'Obligations'),
      element(
        'table',
        { id: 'obligations' },
        element(
          'tbody',
          {},
          ...obligations.map((o) =>
            element(
              'tr',
              {},
              element('td', {}, o.category),
              element('td', {}, o.deadline?.dueDate ?? '—'),
              element('td', { class: 'muted' }, o.deadline?.rule ?? o.deadline?.expression ?? ''),
              element('td', {}, o.text),
            ),
          ),
        ),
      ),
    ),
    element(
      'section',
      {},
      element('h3', {}, 'Milestones'),
      element(
        'table',
        {},
        element(
          'tbody',
          {},
          ...milestones.map((m) =>
            element(
              'tr',
              {},
              element('td', {}, m.dueDate ?? '—'),
              element('td', {}, statusBadge(m.status)),
              element('td', {}, m.title),
            ),
          ),
        ),
      ),
    ),
  );
}

const SILENCE_CHOICES = [
  ['P1D', 'for a day', 1],
  ['P7D', 'for a week', 7],
  ['P30D', 'for 30 days', 30],
];

/** A line under a table saying what went wrong or what was done. */
function notice(id) {
  return element('p', { id, class: 'notice', role: 'status' });
}

/** Runs a person's action; its error, with the server's reason, goes to `where`. */
async function act(where, action) {
  where.replaceChildren();
  if (!reviewer()) {
    where.replaceChildren('Enter your name at the top first: every change names who made it.');
    return;
  }
  try {
    await action();
    doneEditing();
  } catch (error) {
    where.replaceChildren(`Refused: ${error.message}`);
  }
}

function alertState(alert) {
  if (alert.state === 'acknowledged')
    return `acknowledged by ${alert.acknowledgedBy}${alert.ackComment ? ` (${alert.ackComment})` : ''}`;
  if (alert.state === 'resolved') return `resolved by ${alert.resolvedBy}`;
  const escalated = alert.escalationLevel ? `, escalated to level ${alert.escalationLevel}` : '';
  return alert.deliveredAt
    ? `delivered to ${alert.receivers.join(', ')}${escalated}`
    : 'not delivered yet';
}

function alertActions(alert, silence, message) {
  if (alert.state !== 'firing') return '';
  if (silence)
    return element('span', { class: 'muted' }, `silenced until ${silence.endsAt.slice(0, 10)}`);
  const comment = element('input', {
    class: 'comment',
    placeholder: 'comment',
    'aria-label': 'Comment',
    oninput: startEditing,
  });
  const duration = element(
    'select',
    { 'aria-label': 'Silence for', onchange: startEditing },
    ...SILENCE_CHOICES.map(([value, label]) => element('option', { value }, label)),
  );
  const acknowledge = element(
    'button',
    {
      class: 'ack',
      onclick: () =>
        act(message, () =>
          requestJson(`/api/alerts/${alert.alertId}/ack`, {
            method: 'POST',
            body: { by: reviewer(), ...(comment.value.trim() ? { comment: comment.value } : {}) },
          }),
        ),
    },
    'Acknowledge',
  );
  if (!alert.alertId) {
    acknowledge.disabled = true;
    acknowledge.title = 'alerting has not announced this alert yet';
  }
  const quiet = element(
    'button',
    {
      class: 'silence secondary',
      onclick: () =>
        act(message, async () => {
          const days = SILENCE_CHOICES.find(([value]) => value === duration.value)[2];
          await requestJson('/api/silences', {
            method: 'POST',
            body: {
              milestoneId: alert.milestoneId,
              endsAt: new Date(Date.now() + days * 86_400_000).toISOString(),
              by: reviewer(),
              comment: comment.value,
            },
          });
          await route();
        }),
    },
    'Silence',
  );
  return element('span', { class: 'actions' }, comment, acknowledge, duration, quiet);
}

/** Alerting's active silences of one milestone, as the console makes them. */
function silenceOf(silences, milestoneId) {
  return silences.find(
    (silence) =>
      silence.status === 'active' && silence.matchers.includes(`milestoneId="${milestoneId}"`),
  );
}

async function showAlerts() {
  const [{ items }, silences] = await forThisRoute(
    Promise.all([
      requestJson('/api/alerts'),
      requestJson('/api/silences').then(
        (answer) => answer.items,
        () => null,
      ),
    ]),
  );
  const message = notice('alerts-notice');
  view.replaceChildren(
    element(
      'section',
      {},
      element('h2', {}, 'Alerts'),
      element(
        'table',
        { id: 'alerts' },
        element(
          'tbody',
          {},
          ...items.map((a) =>
            element(
              'tr',
              { 'data-alert': a.alertId ?? '', 'data-state': a.state },
              element('td', {}, a.firedAt.slice(0, 16).replace('T', ' ')),
              element('td', {}, a.offset),
              element('td', {}, element('a', { href: `#/agreements/${a.agreementId}` }, a.title)),
              element('td', {}, a.dueDate),
              element('td', { class: 'muted state' }, alertState(a)),
              element('td', {}, alertActions(a, silenceOf(silences ?? [], a.milestoneId), message)),
            ),
          ),
        ),
      ),
      message,
    ),
    silencesSection(silences),
  );
}

function silencesSection(silences) {
  const message = notice('silences-notice');
  const active = (silences ?? []).filter((silence) => silence.status !== 'expired');
  return element(
    'section',
    {},
    element('h3', {}, 'Silences'),
    silences === null
      ? element('p', { class: 'muted' }, 'Alerting did not answer: silences are not shown.')
      : active.length === 0
        ? element('p', { class: 'muted' }, 'No silences.')
        : element(
            'table',
            { id: 'silences' },
            element(
              'tbody',
              {},
              ...active.map((silence) =>
                element(
                  'tr',
                  {},
                  element('td', {}, silence.matchers.join(', ')),
                  element('td', {}, `until ${silence.endsAt.slice(0, 16).replace('T', ' ')}`),
                  element('td', { class: 'muted' }, `${silence.createdBy}: ${silence.comment}`),
                  element(
                    'td',
                    {},
                    element(
                      'button',
                      {
                        class: 'secondary',
                        onclick: () =>
                          act(message, async () => {
                            await requestJson(`/api/silences/${silence.id}`, { method: 'DELETE' });
                            await route();
                          }),
                      },
                      'Expire',
                    ),
                  ),
                ),
              ),
            ),
          ),
    message,
  );
}

function evidenceOf(obligation) {
  const deadline = obligation.deadline;
  const rule = deadline
    ? `${deadline.expression}${deadline.rule ? ` — ${deadline.rule}` : ''}`
    : 'no deadline found';
  return element(
    'div',
    {},
    element('mark', { class: deadline?.dueDate ? 'dated' : '' }, obligation.text),
    element('div', { class: 'muted' }, `${obligation.category} · ${rule}`),
  );
}

function reviewRow(item, message) {
  const { obligation, milestone } = item;
  const date = element('input', {
    type: 'date',
    class: 'review-date',
    'aria-label': 'Correct due date',
    value: milestone?.dueDate ?? obligation.deadline?.dueDate ?? '',
    oninput: startEditing,
  });
  const reason = element('input', {
    class: 'review-reason',
    placeholder: 'why',
    'aria-label': 'Reason',
    oninput: startEditing,
  });
  const send = (verdict) =>
    act(message, async () => {
      await requestJson('/api/reviews', {
        method: 'POST',
        body: {
          agreementId: item.agreementId,
          obligationKey: obligation.obligationKey,
          verdict,
          ...(verdict === 'corrected' ? { dueDate: date.value } : {}),
          by: reviewer(),
          reason: reason.value,
        },
      });
      await route();
    });
  return element(
    'tr',
    { 'data-obligation': obligation.obligationKey, 'data-agreement': item.agreementId },
    element(
      'td',
      {},
      element(
        'a',
        { href: `#/agreements/${item.agreementId}` },
        item.agreementTitle ?? 'Agreement',
      ),
      element('div', { class: 'muted' }, `confidence ${obligation.confidence}`),
    ),
    element('td', {}, evidenceOf(obligation)),
    element(
      'td',
      {},
      obligation.deadline?.dueDate ?? '—',
      milestone
        ? element('div', {}, statusBadge(milestone.status), ` ${milestone.dueDate ?? ''}`)
        : '',
    ),
    element(
      'td',
      { class: 'actions' },
      date,
      reason,
      element('button', { class: 'confirm', onclick: () => send('confirmed') }, 'Confirm'),
      element('button', { class: 'correct', onclick: () => send('corrected') }, 'Correct date'),
      element(
        'button',
        { class: 'dismiss secondary', onclick: () => send('dismissed') },
        'Dismiss',
      ),
    ),
  );
}

async function showReviews() {
  const { confidenceBelow, items, reviewed } = await forThisRoute(requestJson('/api/reviews'));
  const message = notice('reviews-notice');
  view.replaceChildren(
    element(
      'section',
      {},
      element('h2', {}, 'Review queue'),
      element(
        'p',
        { class: 'muted' },
        `Obligations extracted with a confidence below ${confidenceBelow}: confirm them, correct the due date, or dismiss what is not an obligation.`,
      ),
      element(
        'table',
        { id: 'review-queue' },
        element(
          'thead',
          {},
          element(
            'tr',
            {},
            element('th', {}, 'Agreement'),
            element('th', {}, 'Evidence'),
            element('th', {}, 'Extracted due / milestone'),
            element('th', {}, 'Review'),
          ),
        ),
        element('tbody', {}, ...items.map((item) => reviewRow(item, message))),
      ),
      items.length ? '' : element('p', { class: 'muted' }, 'Nothing to review.'),
      message,
    ),
    element(
      'section',
      {},
      element('h3', {}, 'Reviewed'),
      element(
        'table',
        { id: 'reviewed' },
        element(
          'tbody',
          {},
          ...reviewed.map((review) =>
            element(
              'tr',
              { 'data-obligation': review.obligationKey },
              element('td', {}, review.reviewedAt.slice(0, 16).replace('T', ' ')),
              element(
                'td',
                {},
                element('a', { href: `#/agreements/${review.agreementId}` }, review.obligationKey),
              ),
              element(
                'td',
                {},
                review.verdict === 'corrected'
                  ? `corrected ${review.extractedDueDate ?? '—'} → ${review.dueDate}`
                  : review.verdict,
              ),
              element('td', { class: 'muted' }, `${review.by}: ${review.reason}`),
            ),
          ),
        ),
      ),
    ),
  );
}

function showUpload() {
  const text = element('textarea', {
    id: 'upload-text',
    placeholder: 'Paste the text of an agreement or a news report',
  });
  const file = element('input', {
    type: 'file',
    id: 'upload-file',
    accept: '.txt,.html,.htm,.pdf,.docx',
  });
  const result = element('p', { id: 'upload-result', class: 'muted' });
  const submit = element(
    'button',
    {
      id: 'upload-submit',
      onclick: async () => {
        const chosen = file.files[0];
        try {
          const answer = await requestJson('/api/agreements', {
            method: 'POST',
            body: chosen ?? text.value,
            contentType: chosen ? chosen.type || 'application/octet-stream' : 'text/plain',
          });
          result.replaceChildren(
            element(
              'a',
              { href: `#/agreements/${answer.id}` },
              `Agreement ${answer.id} (${answer.status})`,
            ),
          );
        } catch (error) {
          result.replaceChildren(`Refused: ${error.message}`);
        }
      },
    },
    'Upload',
  );
  view.replaceChildren(
    element(
      'section',
      {},
      element('h2', {}, 'Upload an agreement'),
      text,
      element('p', {}, file),
      submit,
      result,
    ),
  );
}

/**
 * Counts route() calls. Loads overlap (a live refresh, then a click elsewhere) and may finish in
 * either order: only the latest call's page is shown, never an older one over it.
 */
let routeGeneration = 0;

class Superseded extends Error {}

/** What `loading` gives, unless another route() began meanwhile: then its page is shown instead. */
async function forThisRoute(loading) {
  const generation = routeGeneration;
  const loaded = await loading;
  if (generation !== routeGeneration) throw new Superseded();
  return loaded;
}

async function route() {
  routeGeneration++;
  const hash = location.hash || '#/';
  for (const link of document.querySelectorAll('nav a'))
    link.classList.toggle('active', link.getAttribute('href') === hash);
  try {
    const agreement = /^#\/agreements\/([0-9a-f-]{36})$/.exec(hash);
    if (agreement) await showAgreement(agreement[1]);
    else if (hash === '#/agreements') await showAgreements();
    else if (hash === '#/alerts') await showAlerts();
    else if (hash === '#/reviews') await showReviews();
    else if (hash === '#/upload') showUpload();
    else await showDeadlines();
  } catch (error) {
    if (error instanceof Superseded) return;
    const message =
      error instanceof SignInRequired
        ? error.message
        : `Could not load this page: ${error.message}`;
    view.replaceChildren(element('section', {}, element('p', {}, message)));
  }
}

/**
 * Server-sent events read with fetch (EventSource cannot send the key): the same events, a new
 * connection 3 s after one ends, as EventSource would, and the page refreshed on each connection
 * for what happened while none was open.
 */
async function listen() {
  const live = document.getElementById('live');
  const refresh = () => {
    if (location.hash === '#/upload') return;
    if (editing) refreshPending = true;
    else void route();
  };
  for (;;) {
    if (sessionStorage.getItem(KEY_STORAGE)) {
      try {
        const response = await api('/api/events', { headers: { accept: 'text/event-stream' } });
        if (response.ok && response.body) {
          live.classList.add('on');
          refresh();
          await readEvents(response.body, (kind) => {
            if (['agreement', 'milestone', 'alert', 'review'].includes(kind)) refresh();
          });
        }
      } catch {
        // Signed out, or the connection dropped: try again below.
      }
      live.classList.remove('on');
    }
    await new Promise((resolve) => {
      wakeListener = resolve;
      setTimeout(resolve, 3000);
    });
  }
}

/** Calls `onEvent` with the name of each event of an SSE stream until it ends. */
async function readEvents(body, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replace(/\r\n?/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const name = /^event: ?(.*)$/m.exec(frame);
      if (/^data:/m.test(frame)) onEvent(name ? name[1].trim() : 'message');
    }
  }
}

function rememberReviewer() {
  const who = document.getElementById('who');
  who.value = localStorage.getItem('dealwatch.who') ?? '';
  who.addEventListener('change', () => localStorage.setItem('dealwatch.who', who.value.trim()));
}

window.addEventListener('hashchange', () => {
  editing = false;
  void route();
});
rememberReviewer();
if (sessionStorage.getItem(KEY_STORAGE)) void route();
else showSignIn(null);
void listen();
