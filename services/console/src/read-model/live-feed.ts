import { Injectable } from '@nestjs/common';
import type { OnModuleDestroy } from '@nestjs/common';
import { Subject } from 'rxjs';
import type { Observable } from 'rxjs';

export interface LiveChange {
  kind: 'agreement' | 'milestone' | 'alert';
  agreementId: string;
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

  releaseCommitted(): void {
    const released = this.queued;
    this.queued = [];
    for (const change of released) this.changes.next(change);
  }
}
