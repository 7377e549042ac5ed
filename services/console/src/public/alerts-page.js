// The alerts that fired, with acknowledging and silencing through alerting, and the silences.
import { act, reviewer } from './actions.js';
import { element, notice } from './dom.js';
import { route, startEditing } from './router.js';
import { requestJson } from './session.js';

const SILENCE_CHOICES = [
  ['P1D', 'for a day', 1],
  ['P7D', 'for a week', 7],
  ['P30D', 'for 30 days', 30],
];

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

export async function showAlerts(draw) {
  const [{ items }, silences] = await Promise.all([
    requestJson('/api/alerts'),
    requestJson('/api/silences').then(
      (answer) => answer.items,
      () => null,
    ),
  ]);
  const message = notice('alerts-notice');
  draw(
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
