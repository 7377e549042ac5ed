import { expectEventually } from '@dealwatch/testing';
import type { ServiceName } from '@dealwatch/testing';

import type { Pipeline } from '../pipeline';
import type { InfrastructurePartName, PrivateInfrastructure } from './private-infrastructure';

/**
 * How hard the fault tests push: `reduced` (the default, what `npm test` runs) injects a few faults
 * with short outages at a light load; `full` (`npm run test:chaos`) every fault of the issue, with
 * the receiver hanging for 30 s.
 */
export type ChaosScale = 'reduced' | 'full';

export function chaosScale(): ChaosScale {
  const value = process.env['CHAOS_SCALE'] ?? 'reduced';
  if (value !== 'reduced' && value !== 'full')
    throw new Error(`CHAOS_SCALE must be "reduced" or "full", got "${value}"`);
  return value;
}

/** What /health must show while a fault lasts. */
export type Symptom =
  | { kind: 'none' }
  | { kind: 'dependency-down'; dependency: InfrastructurePartName }
  | { kind: 'unreachable'; services: ServiceName[] }
  /** The receiver is no dependency /health checks; the fault must show at the receiver instead. */
  | { kind: 'at-receiver'; answered: () => number };

export interface Fault {
  name: string;
  symptom: Symptom;
  /** How long the fault lasts at least (an outage lasts until /health has shown it, too). */
  lastsMs: number;
  inject(): Promise<void>;
  lift(): Promise<void>;
}

export function killing(pipeline: Pipeline, services: ServiceName[], lastsMs: number): Fault {
  return {
    name: faultName({ kind: 'kill', services, lastsMs }),
    symptom: { kind: 'unreachable', services },
    lastsMs,
    inject: async () => {
      await Promise.all(services.map((name) => pipeline.services[name].kill()));
    },
    lift: async () => {
      await Promise.all(services.map((name) => pipeline.services[name].start()));
    },
  };
}

/**
 * Alerting killed while a delivery is in flight: the receiver takes a second over each request, and
 * the kill comes once one has arrived. The receiver keeps it; alerting, which never heard the
 * answer, sends it again after a restart, under the same webhook-id.
 */
export function killingMidDelivery(pipeline: Pipeline, lastsMs: number): Fault {
  let arrived = 0;
  const alerting = pipeline.services.alerting;
  return {
    name: faultName({ kind: 'kill-mid-delivery', lastsMs }),
    symptom: { kind: 'unreachable', services: ['alerting'] },
    lastsMs,
    inject: async () => {
      pipeline.receiver.respondWith = async () => {
        arrived++;
        await new Promise((done) => setTimeout(done, 1_000));
        return 204;
      };
      await expectEventually(() => expect(arrived).toBeGreaterThan(0), { timeoutMs: 30_000 });
      await alerting.kill();
    },
    lift: async () => {
      pipeline.receiver.respondWith = () => 204;
      await alerting.start();
    },
  };
}

export function stopping(
  infrastructure: PrivateInfrastructure,
  part: InfrastructurePartName,
  lastsMs: number,
): Fault {
  return {
    name: faultName({ kind: 'stop', part, lastsMs }),
    symptom: { kind: 'dependency-down', dependency: part },
    lastsMs,
    inject: () => infrastructure.part(part).stop(),
    lift: () => infrastructure.part(part).start(),
  };
}

/** Every other request to the receiver fails with 503. */
export function failingReceiver(pipeline: Pipeline, lastsMs: number): Fault {
  let refused = 0;
  return {
    name: faultName({ kind: 'receiver-fails', lastsMs }),
    symptom: { kind: 'at-receiver', answered: () => refused },
    lastsMs,
    inject: async () => {
      pipeline.receiver.respondWith = ({ index }) => {
        if (index % 2 === 0) return 204;
        refused++;
        return 503;
      };
      await Promise.resolve();
    },
    lift: async () => {
      pipeline.receiver.respondWith = () => 204;
      await Promise.resolve();
    },
  };
}

/**
 * The receiver answers nothing while it hangs, far past alerting's request timeout, then takes
 * every request it held: those alerting gave up on and sent again arrive twice, with one webhook-id.
 */
export function hangingReceiver(pipeline: Pipeline, lastsMs: number): Fault {
  let held = 0;
  let release: () => void = () => {};
  return {
    name: faultName({ kind: 'receiver-hangs', lastsMs }),
    symptom: { kind: 'at-receiver', answered: () => held },
    lastsMs,
    inject: async () => {
      const released = new Promise<void>((done) => (release = done));
      pipeline.receiver.respondWith = async () => {
        held++;
        await released;
        return 204;
      };
      await Promise.resolve();
    },
    lift: async () => {
      pipeline.receiver.respondWith = () => 204;
      release();
      await Promise.resolve();
    },
  };
}

/** A fault as data, so each test can be named before the system it acts on exists. */
export type FaultPlan =
  | { kind: 'kill'; services: ServiceName[]; lastsMs: number }
  | { kind: 'kill-mid-delivery'; lastsMs: number }
  | { kind: 'stop'; part: InfrastructurePartName; lastsMs: number }
  | { kind: 'receiver-fails' | 'receiver-hangs'; lastsMs: number };

/** The faults of a scale, in the order they run. */
export function faultPlans(scale: ChaosScale): FaultPlan[] {
  const pair: ServiceName[] = ['milestone-scheduler', 'alerting'];
  if (scale === 'reduced') {
    return [
      { kind: 'kill', services: pair, lastsMs: 1_000 },
      { kind: 'stop', part: 'redis', lastsMs: 3_000 },
      { kind: 'stop', part: 'postgres', lastsMs: 3_000 },
      { kind: 'stop', part: 'kafka', lastsMs: 3_000 },
      { kind: 'receiver-fails', lastsMs: 4_000 },
      { kind: 'receiver-hangs', lastsMs: 8_000 },
    ];
  }
  return [
    ...(['ingest', 'clause-extraction', 'milestone-scheduler', 'alerting', 'console'] as const).map(
      (service): FaultPlan => ({ kind: 'kill', services: [service], lastsMs: 3_000 }),
    ),
    { kind: 'kill', services: pair, lastsMs: 3_000 },
    { kind: 'kill-mid-delivery', lastsMs: 3_000 },
    { kind: 'stop', part: 'kafka', lastsMs: 10_000 },
    { kind: 'stop', part: 'postgres', lastsMs: 10_000 },
    { kind: 'stop', part: 'redis', lastsMs: 10_000 },
    { kind: 'receiver-fails', lastsMs: 15_000 },
    { kind: 'receiver-hangs', lastsMs: 30_000 },
  ];
}

export function faultOf(
  plan: FaultPlan,
  pipeline: Pipeline,
  infrastructure: PrivateInfrastructure,
): Fault {
  switch (plan.kind) {
    case 'kill':
      return killing(pipeline, plan.services, plan.lastsMs);
    case 'kill-mid-delivery':
      return killingMidDelivery(pipeline, plan.lastsMs);
    case 'stop':
      return stopping(infrastructure, plan.part, plan.lastsMs);
    case 'receiver-fails':
      return failingReceiver(pipeline, plan.lastsMs);
    case 'receiver-hangs':
      return hangingReceiver(pipeline, plan.lastsMs);
  }
}

/** The name a fault's test and report line go by. */
export function faultName(plan: FaultPlan): string {
  switch (plan.kind) {
    case 'kill':
      return `SIGKILL ${plan.services.join(' + ')}`;
    case 'kill-mid-delivery':
      return 'SIGKILL alerting mid-delivery';
    case 'stop':
      return `stop ${{ kafka: 'Kafka broker', postgres: 'PostgreSQL', redis: 'Redis' }[plan.part]}`;
    case 'receiver-fails':
      return 'receiver fails 50%';
    case 'receiver-hangs':
      return `receiver hangs ${plan.lastsMs / 1000} s`;
  }
}
