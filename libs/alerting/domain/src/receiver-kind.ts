/** How a receiver is reached. Stored in the database: add kinds, never rename one. */
export const receiverKinds = ['webhook', 'slack', 'teams', 'email'] as const;
export type ReceiverKind = (typeof receiverKinds)[number];

/** Kinds posted over HTTP to a URL the receiver gives (and which may carry a token). */
export function isHttpKind(kind: ReceiverKind): kind is Exclude<ReceiverKind, 'email'> {
  return kind !== 'email';
}
