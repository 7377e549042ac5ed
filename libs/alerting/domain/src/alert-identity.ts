import { createHash } from 'node:crypto';

/** Namespaces of alerting's name-based ids. Changing one changes every id derived from it. */
const ALERT_NAMESPACE = '3b5f0f0e-8f3c-4d38-9a0c-2f1f5e6d7a10';
const DELIVERED_EVENT_NAMESPACE = 'c1a7d3e2-5b64-4f0e-8d21-7a9e4b3c2f18';
const ACKNOWLEDGED_EVENT_NAMESPACE = '4e8a1c2b-7d3f-4b6a-9e5c-1a2b3c4d5e6f';
const RESOLVED_EVENT_NAMESPACE = '6f1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d';
const FAILED_EVENT_NAMESPACE = 'a3b4c5d6-e7f8-4091-8a2b-3c4d5e6f7a8b';

/**
 * The alert of a reminder. Derived, not random, so a redelivered or re-fired reminder maps to the
 * same alert and receivers see the same `webhook-id`.
 */
export function alertIdFor(reminderId: string): string {
  return uuidV5(reminderId.toLowerCase(), ALERT_NAMESPACE);
}

/** The id of the `AlertDeliveredV1` event of a delivery, so announcing it twice is one event. */
export function deliveredEventIdFor(deliveryId: string): string {
  return uuidV5(deliveryId.toLowerCase(), DELIVERED_EVENT_NAMESPACE);
}

/** The id of the `AlertFailedV1` event of a delivery: a delivery is given up once. */
export function failedEventIdFor(deliveryId: string): string {
  return uuidV5(deliveryId.toLowerCase(), FAILED_EVENT_NAMESPACE);
}

/** The id of an alert's `AlertAcknowledgedV1`: an alert is acknowledged once. */
export function acknowledgedEventIdFor(alertId: string): string {
  return uuidV5(alertId.toLowerCase(), ACKNOWLEDGED_EVENT_NAMESPACE);
}

/** The id of an alert's `AlertResolvedV1`: an alert resolves once. */
export function resolvedEventIdFor(alertId: string): string {
  return uuidV5(alertId.toLowerCase(), RESOLVED_EVENT_NAMESPACE);
}

/** RFC 9562 name-based UUID, version 5 (SHA-1). */
export function uuidV5(name: string, namespace: string): string {
  const namespaceBytes = Buffer.from(namespace.replaceAll('-', ''), 'hex');
  if (namespaceBytes.length !== 16) throw new RangeError(`"${namespace}" is not a UUID`);
  const bytes = createHash('sha1').update(namespaceBytes).update(name, 'utf8').digest();
  bytes.writeUInt8((bytes.readUInt8(6) & 0x0f) | 0x50, 6);
  bytes.writeUInt8((bytes.readUInt8(8) & 0x3f) | 0x80, 8);
  const hex = bytes.subarray(0, 16).toString('hex');
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20, 32),
  ].join('-');
}
