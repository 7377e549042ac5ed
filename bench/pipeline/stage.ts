import { Topics } from '@dealwatch/contracts';
import { ConsumerLag } from '@dealwatch/testing';
import type { TopicRecorder } from '@dealwatch/testing';

import type { Pipeline } from '../../e2e/src/pipeline';
import type { AgreementPoster } from './agreement-poster';
import { CompletionTracker } from './completion';
import type { Completion } from './completion';

export interface StageOptions {
  pipeline: Pipeline;
  recorder: TopicRecorder;
  poster: AgreementPoster;
  rate: number;
  seconds: number;
  nextDocument: () => string;
}

export interface StageResult {
  /** Posts that started an agreement: the ones measured. */
  sent: number;
  /** Posts ingest joined to an agreement already posted: load, but no new flow to measure. */
  joined: number;
  /** Posts answered other than 202. */
  refused: number;
  completed: number;
  sustainedPerSecond: number;
  wallSeconds: number;
  /** Milliseconds per hop, one value per agreement. */
  hops: {
    answered: number[];
    ingest: number[];
    extract: number[];
    schedule: number[];
    /** Last milestone event to the last reminder due at once, of agreements that had one. */
    remind: number[];
    /** POST to its last milestone event written to Kafka, after the milestones were stored. */
    milestones: number[];
    /** POST to its last reminder due at once, written to Kafka. */
    reminders: number[];
    /** POST to the last of those events read by a downstream consumer (this benchmark's recorder). */
    total: number[];
  };
  maxLag: number;
}

const MAX_IN_FLIGHT = 200;
const DRAIN_TIMEOUT_MS = 60_000;

/**
 * Posts `rate` documents a second for `seconds`, then waits until each is extracted and scheduled
 * and its reminders already due have fired.
 */
export async function runStage(options: StageOptions): Promise<StageResult> {
  const { pipeline, recorder } = options;
  const lag = await new ConsumerLag(recorder.brokersList).start();
  let maxLag = 0;
  const sampler = setInterval(() => {
    void Promise.all([
      lag.of(
        `${pipeline.namespace.topicPrefix}clause-extraction`,
        pipeline.topic(Topics.AgreementIngestedV1),
      ),
      lag.of(
        `${pipeline.namespace.topicPrefix}milestone-scheduler`,
        pipeline.topic(Topics.ClausesExtractedV1),
      ),
    ])
      .then((lags) => (maxLag = Math.max(maxLag, ...lags)))
      .catch(() => undefined);
  }, 250);

  try {
    const posted = await postAtRate(options);
    const { sentAt, started } = posted;
    const done = await waitForCompletion(recorder, pipeline, sentAt);
    const lastDone = Math.max(...[...done.values()].map((hop) => hop.finishedAt));
    const wallSeconds = (Math.max(lastDone, Date.now() - 1) - started) / 1000;
    const hops = {
      answered: posted.answered,
      ingest: [] as number[],
      extract: [] as number[],
      schedule: [] as number[],
      remind: [] as number[],
      milestones: [] as number[],
      reminders: [] as number[],
      total: [] as number[],
    };
    for (const [id, hop] of done) {
      const sent = sentAt.get(id)!;
      hops.ingest.push(hop.ingested - sent);
      hops.extract.push(hop.extracted - hop.ingested);
      if (hop.scheduled !== null) hops.schedule.push(hop.scheduled - hop.extracted);
      if (hop.scheduled !== null && hop.reminded !== null) {
        hops.remind.push(hop.reminded - hop.scheduled);
        hops.reminders.push(hop.reminded - sent);
      }
      hops.milestones.push((hop.scheduled ?? hop.extracted) - sent);
      hops.total.push(hop.finishedAt - sent);
    }
    return {
      sent: sentAt.size,
      joined: posted.joined,
      refused: posted.refused,
      completed: done.size,
      sustainedPerSecond: done.size / ((lastDone - started) / 1000),
      wallSeconds,
      hops,
      maxLag,
    };
  } finally {
    clearInterval(sampler);
    await lag.stop();
  }
}

interface Posted {
  /** When each new agreement was posted, by its id. */
  sentAt: Map<string, number>;
  /** How long each post took to be answered. */
  answered: number[];
  joined: number;
  refused: number;
  started: number;
}

/** The stage's posts, at its rate; a post that gets no answer at all ends them with its cause. */
async function postAtRate(options: StageOptions): Promise<Posted> {
  const { rate, seconds } = options;
  const inFlight = new Set<Promise<void>>();
  let postFailure: unknown = null;
  const posted: Posted = {
    sentAt: new Map(),
    answered: [],
    joined: 0,
    refused: 0,
    started: Date.now(),
  };
  for (let i = 0; i < rate * seconds && postFailure === null; i++) {
    const wait = posted.started + (i * 1000) / rate - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const at = Date.now();
    const post = options.poster.post(options.nextDocument()).then((id) => {
      // A document linked to an agreement already posted adds no new flow to measure.
      posted.answered.push(Date.now() - at);
      if (id === null) posted.refused++;
      else if (posted.sentAt.has(id)) posted.joined++;
      else posted.sentAt.set(id, at);
    });
    inFlight.add(post);
    post.then(
      () => inFlight.delete(post),
      (error: unknown) => {
        inFlight.delete(post);
        postFailure ??= error;
      },
    );
    if (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight).catch(() => undefined);
  }
  await Promise.allSettled(inFlight);
  if (postFailure !== null)
    throw new Error('a post to ingest got no answer', { cause: postFailure });
  return posted;
}

/** Waits until each posted agreement is done (`CompletionTracker`), reading each message once. */
async function waitForCompletion(
  recorder: TopicRecorder,
  pipeline: Pipeline,
  sentAt: Map<string, number>,
): Promise<Map<string, Completion>> {
  const deadline = Date.now() + DRAIN_TIMEOUT_MS;
  const tracker = new CompletionTracker(
    {
      ingested: pipeline.topic(Topics.AgreementIngestedV1),
      extracted: pipeline.topic(Topics.ClausesExtractedV1),
      scheduled: pipeline.topic(Topics.MilestoneScheduledV1),
      reminder: pipeline.topic(Topics.MilestoneReminderV1),
    },
    new Set(sentAt.keys()),
  );
  let read = 0;
  while (tracker.done.size < sentAt.size && Date.now() < deadline) {
    const fresh = recorder.messages.slice(read);
    read += fresh.length;
    tracker.read(fresh);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return tracker.done;
}
