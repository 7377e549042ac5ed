import { digestScheduleOf, rateLimitOf } from '@dealwatch/alerting/data-access';
import type { ReceiverEntity } from '@dealwatch/alerting/data-access';
import type {
  BreakerView,
  DigestSchedule,
  RateLimit,
  ReceiverKind,
} from '@dealwatch/alerting/domain';

/** A receiver as the API shows it: never its URL or secret, only whether a secret is set. */
export interface ReceiverView {
  /** Null for a receiver of ALERT_WEBHOOK_URLS, which is managed in the environment. */
  id: string | null;
  name: string;
  kind: ReceiverKind;
  source: 'environment' | 'api';
  /** The URL's host, or the e-mail addresses. */
  target: string;
  to: string[] | null;
  secretSet: boolean;
  sendResolved: boolean;
  enabled: boolean;
  rateLimit: RateLimit | null;
  /** When its daily digest goes; null: each alert goes when it fires. */
  digest: DigestSchedule | null;
  /** Its circuit breaker, shared by every instance. */
  circuit?: BreakerView;
  createdAt: Date | null;
  updatedAt: Date | null;
}

export function receiverView(receiver: ReceiverEntity): ReceiverView {
  return {
    id: receiver.id,
    name: receiver.name,
    kind: receiver.kind,
    source: 'api',
    target: receiver.target,
    to: receiver.kind === 'email' ? receiver.emailTo : null,
    secretSet: receiver.sealedSecret !== null,
    sendResolved: receiver.sendResolved,
    enabled: receiver.enabled,
    rateLimit: rateLimitOf(receiver),
    digest: digestScheduleOf(receiver),
    createdAt: receiver.createdAt,
    updatedAt: receiver.updatedAt,
  };
}

export function environmentReceiverView(name: string): ReceiverView {
  return {
    id: null,
    name,
    kind: 'webhook',
    source: 'environment',
    target: name.split('#')[0] ?? name,
    to: null,
    secretSet: true,
    sendResolved: true,
    enabled: true,
    rateLimit: null,
    digest: null,
    createdAt: null,
    updatedAt: null,
  };
}
