// The start page: the deadlines of the next months, as a table and on a timeline.
import { element, statusBadge } from './dom.js';
import { requestJson } from './session.js';

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

export async function showDeadlines(draw) {
  const { from, to, items } = await requestJson('/api/timeline');
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
  const drawn = draw(
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
  if (drawn) drawTimeline(canvas, items, from, to);
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
