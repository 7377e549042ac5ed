import { compareSeverity, severityOf } from './severity';

describe('severityOf', () => {
  it('ranks overdue above due today, above one day, above a week, above a month', () => {
    expect(severityOf('overdue')).toBe('critical');
    expect(severityOf('PT0S')).toBe('high');
    expect(severityOf('P1D')).toBe('medium');
    expect(severityOf('P7D')).toBe('low');
    expect(severityOf('P30D')).toBe('info');
  });

  it('puts offsets between the usual ones with the nearer threshold they do not exceed', () => {
    expect(severityOf('PT12H')).toBe('medium');
    expect(severityOf('P1DT1H')).toBe('low');
    expect(severityOf('P1W')).toBe('low');
    expect(severityOf('P8D')).toBe('info');
  });

  it('treats an offset it cannot read as informational rather than failing', () => {
    expect(severityOf('whenever')).toBe('info');
  });
});

describe('compareSeverity', () => {
  it('orders critical before info when sorting by urgency, most urgent first', () => {
    const sorted = (['low', 'critical', 'info', 'high', 'medium'] as const)
      .slice()
      .sort((a, b) => compareSeverity(b, a));
    expect(sorted).toEqual(['critical', 'high', 'medium', 'low', 'info']);
  });
});
