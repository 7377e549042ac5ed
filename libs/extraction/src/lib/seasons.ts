import { countryOfCode } from '@dealwatch/countries';

import type { CalendarDate } from './calendar-date';
import { endOfMonth } from './calendar-date';
import { MONTH_NAMES } from './date-mentions';

export type Season = 'spring' | 'summer' | 'autumn';

/**
 * A season's first and last month, meteorologically. Seasons that run over the new year (winter in
 * the north, summer in the south) are left out: whether "summer 2027" in Australia ends in February
 * 2027 or 2028 is not for us to guess.
 */
const SEASON_MONTHS: Readonly<
  Record<'north' | 'south', Partial<Record<Season, [number, number]>>>
> = {
  north: { spring: [3, 5], summer: [6, 8], autumn: [9, 11] },
  south: { spring: [9, 11], autumn: [3, 5] },
};

/**
 * The last day of a season of `year` where `country` is (of the month before it, for "before"),
 * with the months it was read as; null for a season that spans two years there.
 */
export function seasonEnd(
  season: Season,
  year: number,
  before: boolean,
  country: string,
): { date: CalendarDate; months: string } | null {
  const latitude = countryOfCode(country)?.latitude ?? 0;
  const hemisphere = latitude < 0 ? 'south' : 'north';
  const months = SEASON_MONTHS[hemisphere][season];
  if (!months) return null;
  const [first, last] = months;
  return {
    date: endOfMonth(year, before ? first - 1 : last),
    months: `${MONTH_NAMES[first - 1]} to ${MONTH_NAMES[last - 1]}, ${hemisphere}ern hemisphere: ${country}`,
  };
}
