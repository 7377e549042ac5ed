// The review queue: low-confidence obligations to confirm, correct or dismiss, and those reviewed.
import { act, reviewer } from './actions.js';
import { element, notice, statusBadge } from './dom.js';
import { route, startEditing } from './router.js';
import { requestJson } from './session.js';

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

export async function showReviews(draw) {
  const { confidenceBelow, items, reviewed } = await requestJson('/api/reviews');
  const message = notice('reviews-notice');
  draw(
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
