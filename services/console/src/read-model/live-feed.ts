import { Injectable } from '@nestjs/common';
import type { OnModuleDestroy } from '@nestjs/common';
import { Subject } from 'rxjs';
import type { Observable } from 'rxjs';

export interface LiveChange {
  kind: 'agreement' | 'milestone' | 'alert' | 'review';
  /** Null for a change not about one agreement, such as a silence. */
  agreementId: string | null;
}

/**
 * Tells open pages what changed, once the change is committed: changes are queued while a
 * projection runs and released by the commit hook, so a page never fetches a row not yet visible.
 */
@Injectable()
export class LiveFeed implements OnModuleDestroy {
  private readonly changes = new Subject<LiveChange>();
  private queued: LiveChange[] = [];

  get stream(): Observable<LiveChange> {
    return this.changes.asObservable();
  }

  queue(change: LiveChange): void {
    this.queued.push(change);
  }

  /** Ends every open event stream, so shutdown does not wait on browsers that keep listening. */
  onModuleDestroy(): void {
    this.changes.complete();
  }

  /** A change the console itself committed (a review) or asked another service to make. */
  announce(change: LiveChange): void {
    this.changes.next(change);
  }

  releaseCommitted(): void {
    const released = this.queued;
    this.queued = [];
    for (const change of released) this.changes.next(change);
  }
}
