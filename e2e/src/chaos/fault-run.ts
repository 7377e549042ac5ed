import { expectEventually, serviceNames } from '@dealwatch/testing';

import type { Fault } from './faults';
import type { SteadyLoad } from './steady-load';
import type { HealthAnswer, Shortfall, SystemCheck } from './system-check';

/** One line of the report. */
export interface FaultOutcome {
  fault: string;
  /** From the fault's start to its lifting (the restart's start). */
  outageMs: number;
  /** How long the lifting took: a restart until the service or dependency answered again. */
  restartMs: number;
  /** From the lifting until every service is ready and nothing ingested before the fault lacks anything. */
  recoveryMs: number | null;
  /** From the load's pause until every consumer group had committed everything. */
  lagDrainMs: number | null;
  /** The consumer group that lagged longest after the pause (none when none lagged). */
  slowestGroup: string | null;
  /** Agreements ingested before the fault, whose milestones and alerts were checked. */
  checked: number;
  lost: number;
  duplicates: number;
  untaggedDuplicates: number;
  /** What /health said during the outage. */
  health: string;
  /** Everything that did not hold; empty when the system coped. */
  problems: string[];
}

export interface FaultRunContext {
  load: SteadyLoad;
  check: SystemCheck;
  brokers: () => string;
  recoveryTimeoutMs: number;
}

const SAMPLE_MS = 500;
/** How much longer than planned an outage may last while waiting for /health to report it. */
const REPORT_GRACE_MS = 20_000;

/**
 * Injects a fault under load, watches /health while it lasts, lifts it, then waits for the system
 * to have caught up: everything ingested before the fault has its milestones and its alerts, every
 * service is ready, and (with the load paused for the measure) no consumer group lags.
 */
export async function runFault(fault: Fault, context: FaultRunContext): Promise<FaultOutcome> {
  const { load, check } = context;
  const problems: string[] = [];
  const started = Date.now();
  const before = check.duplicates();
  await fault.inject();
  const health = await watchOutage(fault, check, started);
  if (!health.shown) problems.push(`/health did not show the fault: ${health.summary}`);
  const lifted = Date.now();
  // A restart that fails is reported with the rest: the recovery below then fails too.
  await fault.lift().catch((error: unknown) => problems.push(`could not lift: ${String(error)}`));
  const restartMs = Date.now() - lifted;
  const checked = load.acceptedBy(started);

  let shortfalls: Shortfall[] = [];
  let notReady: string[] = [];
  let recoveryMs: number | null = null;
  try {
    await expectEventually(
      async () => {
        notReady = notReadyIn(await check.health());
        shortfalls = await check.shortfalls(checked);
        if (notReady.length > 0 || shortfalls.length > 0) throw new Error('not yet');
      },
      { timeoutMs: context.recoveryTimeoutMs, intervalMs: 1_000 },
    );
    recoveryMs = Date.now() - lifted;
  } catch {
    if (notReady.length > 0) problems.push(`not ready after the fault: ${notReady.join('; ')}`);
    if (shortfalls.length > 0)
      problems.push(
        `${shortfalls.length} agreements incomplete, e.g. ${shortfalls
          .slice(0, 3)
          .map((s) => `${s.agreementId}: ${s.lacks}`)
          .join('; ')}`,
      );
  }

  await load.pause();
  const paused = Date.now();
  let lagDrainMs: number | null = null;
  let lag: Record<string, number> = {};
  let slowestGroup: string | null = null;
  try {
    await expectEventually(
      async () => {
        lag = await check.consumerLag(context.brokers());
        const lagging = Object.keys(lag).filter((group) => (lag[group] ?? 0) > 0);
        if (lagging.length > 0) {
          slowestGroup = lagging.join('+');
          throw new Error('lagging');
        }
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    lagDrainMs = Date.now() - paused;
  } catch {
    problems.push(`consumer lag did not return to zero: ${JSON.stringify(lag)}`);
  }
  load.resume();

  const after = check.duplicates();
  const untaggedDuplicates = after.untagged - before.untagged;
  if (untaggedDuplicates > 0)
    problems.push(`${untaggedDuplicates} alerts delivered twice under different webhook-ids`);
  return {
    fault: fault.name,
    outageMs: lifted - started,
    restartMs,
    recoveryMs,
    lagDrainMs,
    slowestGroup,
    checked: checked.length,
    lost: shortfalls.length,
    duplicates: after.alerts - before.alerts,
    untaggedDuplicates,
    health: health.summary,
    problems,
  };
}

/** Samples /health until the fault has lasted its time and shown itself (or the grace ran out). */
async function watchOutage(
  fault: Fault,
  check: SystemCheck,
  started: number,
): Promise<{ shown: boolean; summary: string }> {
  const { symptom } = fault;
  const seen = new Set<string>();
  const expected: readonly string[] =
    symptom.kind === 'unreachable'
      ? symptom.services
      : symptom.kind === 'dependency-down'
        ? serviceNames
        : [];
  for (;;) {
    const answers = await check.health();
    for (const name of serviceNames) {
      const answer = answers[name];
      if (symptom.kind === 'unreachable' && !answer.reachable) seen.add(name);
      if (
        symptom.kind === 'dependency-down' &&
        answer.reachable &&
        answer.status === 503 &&
        answer.down.includes(symptom.dependency)
      )
        seen.add(name);
    }
    const elapsed = Date.now() - started;
    const shown =
      symptom.kind === 'none' ||
      (symptom.kind === 'at-receiver'
        ? symptom.answered() > 0
        : expected.every((name) => seen.has(name)));
    if ((shown && elapsed >= fault.lastsMs) || elapsed >= fault.lastsMs + REPORT_GRACE_MS) {
      return { shown, summary: describeSymptom(fault, seen, expected) };
    }
    await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
  }
}

function describeSymptom(fault: Fault, seen: Set<string>, expected: readonly string[]): string {
  const { symptom } = fault;
  switch (symptom.kind) {
    case 'none':
      return '-';
    case 'unreachable':
      return `${seen.size}/${expected.length} unreachable`;
    case 'dependency-down':
      return `503 ${symptom.dependency} down: ${seen.size}/${expected.length}`;
    case 'at-receiver':
      return `n/a (${symptom.answered()} requests hit)`;
  }
}

function notReadyIn(answers: Record<string, HealthAnswer>): string[] {
  return Object.entries(answers).flatMap(([name, answer]) => {
    if (!answer.reachable) return [`${name} unreachable`];
    return answer.status === 200 ? [] : [`${name} ${answer.status} (${answer.down.join(', ')})`];
  });
}

/** The report as a fixed-width table. */
export function outcomeTable(outcomes: FaultOutcome[]): string {
  const seconds = (ms: number | null) => (ms === null ? 'never' : (ms / 1000).toFixed(1));
  const header = [
    'fault',
    'outage s',
    'restart s',
    'recovery s',
    'lag->0 s',
    'checked',
    'lost',
    'duplicates',
    '/health during the fault',
  ];
  const rows = outcomes.map((outcome) => [
    outcome.fault,
    seconds(outcome.outageMs),
    seconds(outcome.restartMs),
    seconds(outcome.recoveryMs),
    outcome.slowestGroup && outcome.lagDrainMs !== null
      ? `${seconds(outcome.lagDrainMs)} (${outcome.slowestGroup})`
      : seconds(outcome.lagDrainMs),
    String(outcome.checked),
    String(outcome.lost),
    outcome.duplicates === 0
      ? '0'
      : `${outcome.duplicates} (${
          outcome.untaggedDuplicates === 0
            ? 'same webhook-id'
            : `${outcome.untaggedDuplicates} NOT id-tagged`
        })`,
    outcome.health,
  ]);
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => row[i]!.length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ');
  return [
    line(header),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...rows.map(line),
  ].join('\n');
}
