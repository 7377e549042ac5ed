import type { MilestoneFilter } from './args';
import { CliError } from './cli-error';
import { call, errorMessageOf } from './http';
import { milestonesQuery } from './milestones';

/** The scheduler's iCalendar feed of open milestones, as text, with how many events it holds. */
export async function fetchCalendar(
  url: string,
  filter: MilestoneFilter,
): Promise<{ ics: string; events: number }> {
  // The feed takes the list's filters but neither status nor paging: it serves every open milestone.
  const query = new URLSearchParams(milestonesQuery(filter, null));
  query.delete('limit');
  query.delete('status');
  const search = query.toString();
  const response = await call(
    'milestone-scheduler',
    `${url}/v1/calendar.ics${search === '' ? '' : `?${search}`}`,
  );
  const ics = await response.text();
  if (!response.ok) {
    throw new CliError(
      `milestone-scheduler: HTTP ${response.status}: ${errorMessageOf(response.status, ics)}`,
    );
  }
  if (!ics.startsWith('BEGIN:VCALENDAR')) {
    throw new CliError('milestone-scheduler: /v1/calendar.ics did not answer with a calendar');
  }
  return { ics, events: ics.match(/^BEGIN:VEVENT\r?$/gm)?.length ?? 0 };
}

/** A signed subscription URL of the feed, for calendar apps that cannot send a key. */
export async function createCalendarLink(
  url: string,
  filter: MilestoneFilter,
  validFor: string | null,
): Promise<{ url: string; expiresAt: string }> {
  const { statuses: _statuses, ...filters } = filter;
  const response = await call('milestone-scheduler', `${url}/v1/calendar-links`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(validFor === null ? filters : { ...filters, validFor }),
  });
  const text = await response.text();
  if (response.status !== 201) {
    throw new CliError(
      `milestone-scheduler: HTTP ${response.status}: ${errorMessageOf(response.status, text)}`,
    );
  }
  return JSON.parse(text) as { url: string; expiresAt: string };
}
