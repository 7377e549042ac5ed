import { parseMatcher } from '../routing/matcher';
import type { AlertLabels } from '../routing/matcher';
import { inhibits } from './inhibition';
import { checkSilence, silenceStatus, silencing } from './silence';

const at = (iso: string) => new Date(iso);

const labels: AlertLabels = {
  agreementId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  milestoneId: '5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f',
  category: 'meeting',
  severity: 'low',
  offset: 'P7D',
  title: 'Hold the first meeting',
  party: [],
  binding: '',
};

const window = { startsAt: at('2026-04-20T00:00:00Z'), endsAt: at('2026-04-22T00:00:00Z') };

describe('silences', () => {
  it('is pending before its window, active within it and expired from its end', () => {
    expect(silenceStatus(window, at('2026-04-19T23:59:59Z'))).toBe('pending');
    expect(silenceStatus(window, at('2026-04-20T00:00:00Z'))).toBe('active');
    expect(silenceStatus(window, at('2026-04-22T00:00:00Z'))).toBe('expired');
  });

  it('silences an alert only while active and only when every matcher holds', () => {
    const silence = {
      id: 's1',
      matchers: [parseMatcher('category="meeting"'), parseMatcher('severity=~"low|info"')],
      ...window,
    };
    const inside = at('2026-04-21T09:00:00Z');
    expect(silencing([silence], labels, inside)).toBe(silence);
    expect(silencing([silence], { ...labels, severity: 'critical' }, inside)).toBeNull();
    expect(silencing([silence], labels, at('2026-04-23T00:00:00Z'))).toBeNull();
  });

  it('checks matchers and window, reporting every problem', () => {
    expect(checkSilence({ matchers: ['country="x"', 'title=~"("'], ...window }).errors).toEqual([
      expect.stringMatching(/^matchers\[0\]: "country" is not a label/),
      expect.stringMatching(/^matchers\[1\]: .* not a valid regular expression/),
    ]);
    expect(
      checkSilence({ matchers: [], startsAt: window.endsAt, endsAt: window.startsAt }).errors,
    ).toEqual(['matchers: a silence needs at least one matcher', 'endsAt: must be after startsAt']);
  });
});

describe('inhibits', () => {
  const milestoneId = labels.milestoneId;

  it('lets an overdue alert suppress the earlier reminders of its milestone only', () => {
    const overdue = { milestoneId, offset: 'overdue' };
    expect(inhibits(overdue, { milestoneId, offset: 'P7D' })).toBe(true);
    expect(inhibits(overdue, { milestoneId, offset: 'PT0S' })).toBe(true);
    expect(inhibits(overdue, { milestoneId, offset: 'overdue' })).toBe(false);
    expect(inhibits(overdue, { milestoneId: 'another', offset: 'P7D' })).toBe(false);
    expect(inhibits({ milestoneId, offset: 'P1D' }, { milestoneId, offset: 'P7D' })).toBe(false);
  });
});
