import type { MilestoneFilter } from './args';
import { CliError } from './cli-error';
import { call, jsonOf } from './http';
import { alignColumns, truncate } from './table';

/** What the listing shows of a milestone (the API sends more). */
export interface MilestoneRow {
  id: string;
  agreementId: string;
  title: string;
  category: string;
  status: string;
  dueDate: string | null;
  owner: string | null;
}

/** The largest page the scheduler serves: fewest round trips. */
const PAGE_SIZE = 500;
const TITLE_WIDTH = 60;

/** The query string for a filter and page, in the scheduler's parameter names. */
export function milestonesQuery(filter: MilestoneFilter, cursor: string | null): string {
  const query = new URLSearchParams();
  if (filter.agreementId !== undefined) query.set('agreementId', filter.agreementId);
  if (filter.statuses !== undefined) query.set('status', filter.statuses.join(','));
  if (filter.category !== undefined) query.set('category', filter.category);
  if (filter.owner !== undefined) query.set('owner', filter.owner);
  if (filter.party !== undefined) query.set('party', filter.party);
  if (filter.dueBefore !== undefined) query.set('dueBefore', filter.dueBefore);
  if (filter.dueAfter !== undefined) query.set('dueAfter', filter.dueAfter);
  query.set('limit', String(PAGE_SIZE));
  if (cursor !== null) query.set('cursor', cursor);
  return query.toString();
}

/** Every milestone matching `filter`, following `nextCursor` until the last page. */
export async function fetchMilestones(
  url: string,
  filter: MilestoneFilter,
): Promise<MilestoneRow[]> {
  const rows: MilestoneRow[] = [];
  const seen = new Set<string>();
  let cursor: string | null = null;
  do {
    const response = await call(
      'milestone-scheduler',
      `${url}/v1/milestones?${milestonesQuery(filter, cursor)}`,
    );
    const page = pageOf(await jsonOf('milestone-scheduler', response));
    rows.push(...page.items);
    cursor = page.nextCursor;
    // A cursor handed out twice would loop forever; better a clear failure.
    if (cursor !== null && seen.has(cursor)) {
      throw new CliError('milestone-scheduler returned the same cursor twice');
    }
    if (cursor !== null) seen.add(cursor);
  } while (cursor !== null);
  return rows;
}

function pageOf(body: unknown): { items: MilestoneRow[]; nextCursor: string | null } {
  const { items, nextCursor } = (body ?? {}) as { items?: unknown; nextCursor?: unknown };
  if (!Array.isArray(items) || !(typeof nextCursor === 'string' || nextCursor === null)) {
    throw new CliError('milestone-scheduler: /v1/milestones answered without items and nextCursor');
  }
  return { items: items.map(rowOf), nextCursor };
}

function rowOf(item: unknown): MilestoneRow {
  const value = (item ?? {}) as Record<string, unknown>;
  const text = (key: string): string | null => {
    const field = value[key];
    return typeof field === 'string' ? field : null;
  };
  const id = text('id');
  if (id === null) throw new CliError('milestone-scheduler: a milestone without an id');
  return {
    id,
    agreementId: text('agreementId') ?? '',
    title: text('title') ?? '',
    category: text('category') ?? '',
    status: text('status') ?? '',
    dueDate: text('dueDate'),
    owner: text('owner'),
  };
}

/** Aligned columns under a header; milestones without a date show `-` (the scheduler lists them last). */
export function milestonesTable(rows: readonly MilestoneRow[]): string[] {
  return alignColumns([
    ['DUE', 'STATUS', 'CATEGORY', 'OWNER', 'TITLE', 'MILESTONE', 'AGREEMENT'],
    ...rows.map((row) => [
      row.dueDate ?? '-',
      row.status,
      row.category,
      row.owner ?? '-',
      truncate(row.title, TITLE_WIDTH),
      row.id,
      row.agreementId,
    ]),
  ]);
}
