import type { CalendarDate } from './calendar-date';
import { deadlineContext } from './deadline-context.fixture';
import { MilestoneTable } from './milestone-table';
import { splitLines } from './sentences';

const SIGNED: CalendarDate = { year: 2026, month: 2, day: 3 };
const context = deadlineContext(SIGNED);
const PARTIES = ['United States', 'Coastal Lithium Refining LLC'];

/** The milestones a table reader finds in a text, and the lines it leaves to the rest. */
function read(text: string, referrers: Record<string, readonly string[]> = {}) {
  const table = new MilestoneTable(text, context, PARTIES, true, (name) => referrers[name] ?? null);
  const milestones = [];
  const left = [];
  for (const line of splitLines(text)) {
    const { milestone, consumed } = table.read(line);
    if (milestone) milestones.push(milestone);
    if (!consumed) left.push(line.text);
  }
  return { milestones, left };
}

describe('a table of milestones', () => {
  const text = [
    'Schedule 2 - Milestones',
    'Milestone | Target date',
    'Financial close | 30 June 2026',
    'Start of construction\t1 March 2027',
    'Mechanical completion Q2 2028',
    'Schedule 3 - Reporting',
    'The Recipient shall submit quarterly reports.',
  ].join('\n');

  it('reads each row as a milestone of the parties, due by its date or period', () => {
    const { milestones } = read(text);
    expect(milestones.map((m) => [m.action, m.deadline?.expression, m.deadline?.dueDate])).toEqual([
      ['Financial close', '30 June 2026', '2026-06-30'],
      ['Start of construction', '1 March 2027', '2027-03-01'],
      ['Mechanical completion', 'Q2 2028', '2028-06-30'],
    ]);
    expect(milestones[0]).toMatchObject({ actors: PARTIES, binding: true, category: 'financing' });
  });

  it('quotes each row at its place in the text', () => {
    for (const milestone of read(text).milestones)
      expect(text.slice(milestone.span[0], milestone.span[1])).toBe(milestone.text);
  });

  it('ends at a line that commits someone, and leaves it and what follows to the rest', () => {
    // "Schedule 3 - Reporting" might have been the label of a date on the next line.
    expect(read(text).left).toEqual(['The Recipient shall submit quarterly reports.']);
    expect(read(`${text}\nPayment of the first tranche 1 May 2027`).milestones).toHaveLength(3);
  });

  it('leaves out history dated on or before the document, and holds what is expected as hoped for', () => {
    const { milestones } = read(
      [
        'Timeline',
        'Talks began 12 March 2019',
        'Framework signed 3 February 2026',
        'First shipment expected Q3 2027',
      ].join('\n'),
    );
    expect(milestones.map((m) => [m.action, m.binding])).toEqual([
      ['First shipment expected', false],
    ]);
  });

  it("reads a label and its date on two lines, as a Word table's cells come", () => {
    const cells = 'Milestones\n\nMilestone\n\nTarget date\n\nFinancial close\n\n30 June 2026';
    const [close] = read(cells).milestones;
    expect(close).toMatchObject({
      action: 'Financial close',
      text: 'Financial close  30 June 2026',
    });
    expect(close?.deadline?.dueDate).toBe('2026-06-30');
  });

  it('reads nothing without a heading that names the table, nor a line with a commitment word', () => {
    expect(read('Financial close 30 June 2026').milestones).toEqual([]);
    expect(
      read('Key dates\nThe Recipient shall reach financial close by 30 June 2026').milestones,
    ).toEqual([]);
  });

  describe('whose header row names its columns', () => {
    const annex = [
      'Milestone                     | Responsible | Due',
      '------------------------------|-------------|-----------------------------',
      'Rolling stock order placed    | Coastal     | 30 September 2026',
      'Loading terminal ready        | Both        | 120 days after the Effective Date',
      'Tariff review                 | Operator    | Q2 2027',
      'The Operator shall report monthly.',
    ].join('\n');

    it('reads the label, the owner and the due date of each row from their columns', () => {
      const { milestones } = read(annex);
      expect(milestones.map((m) => [m.action, m.actors, m.deadline?.dueDate])).toEqual([
        ['Rolling stock order placed', ['Coastal Lithium Refining LLC'], '2026-09-30'],
        ['Loading terminal ready', PARTIES, '2026-06-03'],
        ['Tariff review', ['Operator'], '2027-06-30'],
      ]);
    });

    it('ends at the first line that is no row of the table', () => {
      expect(read(annex).left).toEqual(['The Operator shall report monthly.']);
    });
  });

  describe('of deliveries or payments, named by its due column', () => {
    const schedule = [
      'Shipment Schedule',
      'Shipment | Quantity | Shipment Date',
      'First | 5,000 t | 15 May 2026',
      'Second | 5,000 t | 15 August 2026',
    ].join('\n');

    it('reads each row as what its due column says is done by its date, and how much', () => {
      const { milestones } = read(schedule);
      expect(milestones.map((m) => [m.action, m.deadline?.dueDate])).toEqual([
        ['ship First (5,000 t)', '2026-05-15'],
        ['ship Second (5,000 t)', '2026-08-15'],
      ]);
    });

    it('binds those whom the commitment referring to the table by its name binds', () => {
      const seller = { 'shipment schedule': ['Coastal Lithium Refining LLC'] };
      expect(read(schedule, seller).milestones.map((m) => m.actors)).toEqual([
        ['Coastal Lithium Refining LLC'],
        ['Coastal Lithium Refining LLC'],
      ]);
      expect(read(schedule).milestones[0]?.actors).toEqual(PARTIES);
    });

    it('reads a row as it stands under a one-word heading named by no commitment', () => {
      const rows = read(['Timetable', 'Item | Date', 'Site handover | 1 June 2026'].join('\n'), {
        timetable: ['United States'],
      }).milestones;
      expect(rows.map((m) => [m.action, m.actors])).toEqual([['Site handover', PARTIES]]);
    });
  });
});

describe("a lending programme's table of structural benchmarks", () => {
  it('reads each benchmark as due at the end of the month its timing names', () => {
    const { milestones } = read(
      [
        'Table 3. Norvania: Structural Benchmarks',
        '- Adopt the revised insolvency framework. End-September 2026.',
        '- Central Bank to publish its reserve management policy. End-March 2027.',
        '- Ministry of Energy to complete a review of fuel subsidies. end-June 2027',
      ].join('\n'),
    );
    expect(milestones.map((m) => [m.actors, m.action, m.deadline?.dueDate])).toEqual([
      [PARTIES, 'Adopt the revised insolvency framework', '2026-09-30'],
      [['Central Bank'], 'publish its reserve management policy', '2027-03-31'],
      [['Ministry of Energy'], 'complete a review of fuel subsidies', '2027-06-30'],
    ]);
  });

  it('reads a table whose header names the measure and its timing', () => {
    const { milestones } = read(
      [
        'Measure | Timing | Rationale',
        'Publish the audited accounts of the state railway | End-October 2026 | Transparency',
      ].join('\n'),
    );
    expect(milestones.map((m) => [m.action, m.deadline?.dueDate])).toEqual([
      ['Publish the audited accounts of the state railway', '2026-10-31'],
    ]);
  });

  it('leaves a row that commits someone in a sentence of its own to the rest', () => {
    const { milestones, left } = read(
      [
        'Structural Benchmarks',
        'The Treasury shall publish the debt strategy and the Central Bank will report on it by end-May 2027.',
      ].join('\n'),
    );
    expect(milestones).toEqual([]);
    expect(left).toHaveLength(1);
  });
});
