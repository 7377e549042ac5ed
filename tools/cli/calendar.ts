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
