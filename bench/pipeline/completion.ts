import type { RecordedMessage } from '@dealwatch/testing';

/** The topics an agreement passes through, by their names in the run's namespace. */
export interface FlowTopics {
  ingested: string;
  extracted: string;
  scheduled: string;
  reminder: string;
}

/** Kafka timestamps of each hop's last event for one agreement, and when the last was read. */
export interface Completion {
  ingested: number;
  extracted: number;
  /** Its last milestone event; null when nothing in it was dated. */
  scheduled: number | null;
  /** Its last reminder due at once (an overdue milestone's); null when none was due. */
  reminded: number | null;
  finishedAt: number;
}

interface ScheduledPayload {
  reminders?: { reminderId: string; fireAt: string; status: string }[];
}

interface Progress {
  ingested?: number;
  extracted?: { at: number; dated: number; receivedAt: number };
  milestones: number;
  scheduled?: { last: number; receivedAt: number };
  /** Reminders whose time had come when their milestone was announced: they fire at once. */
  dueReminders: Set<string>;
  reminded: Map<string, { at: number; receivedAt: number }>;
}

/**
 * Follows posted agreements through the topics: one is done when its extraction is out, every
 * dated obligation has its milestone and every reminder already due then has fired. Messages may
 * come in any order across topics (a reminder can be read before its milestone's event).
 */
export class CompletionTracker {
  readonly done = new Map<string, Completion>();
  private readonly progress = new Map<string, Progress>();

  constructor(
    private readonly topics: FlowTopics,
    private readonly posted: ReadonlySet<string>,
  ) {}

  read(messages: readonly RecordedMessage[]): void {
    const touched = new Set<string>();
    for (const message of messages) {
      const key = message.key ?? '';
      if (!this.posted.has(key) || this.done.has(key)) continue;
      this.record(this.progressOf(key), message);
      touched.add(key);
    }
    for (const key of touched) this.checkDone(key);
  }

  private record(progress: Progress, message: RecordedMessage): void {
    const { topic, timestamp: at, receivedAt } = message;
    if (topic === this.topics.ingested) progress.ingested = at;
    else if (topic === this.topics.extracted) {
      const payload = JSON.parse(message.value ?? '{}') as {
        obligations?: { deadline: { dueDate: string | null } | null }[];
      };
      const dated = (payload.obligations ?? []).filter((o) => o.deadline?.dueDate).length;
      progress.extracted = { at, dated, receivedAt };
    } else if (topic === this.topics.scheduled) {
      const payload = JSON.parse(message.value ?? '{}') as ScheduledPayload;
      for (const reminder of payload.reminders ?? [])
        if (reminder.status === 'pending' && Date.parse(reminder.fireAt) <= at)
          progress.dueReminders.add(reminder.reminderId);
      progress.milestones += 1;
      progress.scheduled = {
        last: Math.max(progress.scheduled?.last ?? 0, at),
        receivedAt: Math.max(progress.scheduled?.receivedAt ?? 0, receivedAt),
      };
    } else if (topic === this.topics.reminder) {
      const { reminderId } = JSON.parse(message.value ?? '{}') as { reminderId: string };
      progress.reminded.set(reminderId, { at, receivedAt });
    }
  }

  private checkDone(key: string): void {
    const progress = this.progressOf(key);
    const { ingested, extracted, scheduled } = progress;
    if (ingested === undefined || !extracted || progress.milestones < extracted.dated) return;
    const fired = [...progress.dueReminders].map((id) => progress.reminded.get(id));
    if (fired.some((reminder) => reminder === undefined)) return;
    const reminders = fired.filter((reminder) => reminder !== undefined);
    this.done.set(key, {
      ingested,
      extracted: extracted.at,
      scheduled: scheduled?.last ?? null,
      reminded: reminders.length > 0 ? Math.max(...reminders.map((r) => r.at)) : null,
      finishedAt: Math.max(
        extracted.receivedAt,
        scheduled?.receivedAt ?? 0,
        ...reminders.map((r) => r.receivedAt),
      ),
    });
    this.progress.delete(key);
  }

  private progressOf(key: string): Progress {
    let progress = this.progress.get(key);
    if (!progress) {
      progress = { milestones: 0, dueReminders: new Set(), reminded: new Map() };
      this.progress.set(key, progress);
    }
    return progress;
  }
}
