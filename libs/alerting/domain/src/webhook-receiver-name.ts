import { createHash } from 'node:crypto';

/**
 * The name under which a receiver appears in the database, the API and events: its host and a short
 * digest of the full URL. Webhook URLs often carry a token in the path or query, so the URL itself
 * is never stored or shown; the digest keeps two URLs on one host apart.
 */
export function webhookReceiverName(url: string): string {
  const parsed = new URL(url);
  const digest = createHash('sha256').update(parsed.href).digest('hex').slice(0, 8);
  return `${parsed.host}#${digest}`;
}
