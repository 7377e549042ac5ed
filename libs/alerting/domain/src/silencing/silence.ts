import { matchesAll, parseMatcher } from '../routing/matcher';
import type { AlertLabels, Matcher } from '../routing/matcher';

/** A time window in which alerts that match are recorded as silenced instead of being sent. */
export interface Silence {
  id: string;
  matchers: Matcher[];
  startsAt: Date;
  endsAt: Date;
}

export type SilenceStatus = 'pending' | 'active' | 'expired';

export function silenceStatus(
  silence: Pick<Silence, 'startsAt' | 'endsAt'>,
  now: Date,
): SilenceStatus {
  if (now.getTime() < silence.startsAt.getTime()) return 'pending';
  return now.getTime() < silence.endsAt.getTime() ? 'active' : 'expired';
}

/** The first silence in force at `now` whose matchers all hold for the alert, or null. */
export function silencing(
  silences: readonly Silence[],
  labels: AlertLabels,
  now: Date,
): Silence | null {
  return (
    silences.find(
      (silence) => silenceStatus(silence, now) === 'active' && matchesAll(silence.matchers, labels),
    ) ?? null
  );
}

/**
 * Checks a silence's matchers (at least one: a silence of everything is a mistake more often than
 * not) and window; returns every problem.
 */
export function checkSilence(input: {
  matchers: readonly string[];
  startsAt: Date;
  endsAt: Date;
}): { matchers: Matcher[]; errors: string[] } {
  const errors: string[] = [];
  const matchers: Matcher[] = [];
  if (input.matchers.length === 0) errors.push('matchers: a silence needs at least one matcher');
  input.matchers.forEach((text, index) => {
    try {
      matchers.push(parseMatcher(text));
    } catch (error) {
      errors.push(`matchers[${index}]: ${(error as Error).message}`);
    }
  });
  if (input.endsAt.getTime() <= input.startsAt.getTime()) {
    errors.push('endsAt: must be after startsAt');
  }
  return { matchers, errors };
}
