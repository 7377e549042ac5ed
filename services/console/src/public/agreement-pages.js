// The agreements: the list, and one agreement with its text, obligations and milestones.
import { element, statusBadge } from './dom.js';
import { requestJson } from './session.js';

export async function showAgreements(draw) {
  const { items } = await requestJson('/api/agreements');
  draw(
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

export async function showAgreement(draw, id) {
  const { agreement, milestones } = await requestJson(`/api/agreements/${id}`);
  const obligations = agreement.obligations ?? [];
  draw(
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
