import { CommaSeparated, CommonEnv, EnvVariable } from '@dealwatch/config';
import { IsIsoDuration } from '@dealwatch/contracts';
import { IsOutboundAllowlist } from '@dealwatch/outbound';
import type { ServiceEnv } from '@dealwatch/platform';

import {
  ArrayUnique,
  IsInt,
  IsNotEmpty,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  ValidateBy,
} from 'class-validator';

/** base64 of "dealwatch-local-development-secret"; docker-compose.yml uses the same one. */
export const LOCAL_WEBHOOK_SECRET = 'whsec_ZGVhbHdhdGNoLWxvY2FsLWRldmVsb3BtZW50LXNlY3JldA==';

/** base64 of the 32 bytes "dealwatch-local-secrets-key-32b!"; for local runs only. */
export const LOCAL_SECRETS_KEY = 'ZGVhbHdhdGNoLWxvY2FsLXNlY3JldHMta2V5LTMyYiE=';

/** base64 of the 32 bytes "dealwatch-local-ack-link-key-32b"; for local runs only. */
export const LOCAL_ACK_KEY = 'ZGVhbHdhdGNoLWxvY2FsLWFjay1saW5rLWtleS0zMmI=';

export class AlertingEnv extends CommonEnv implements ServiceEnv {
  @EnvVariable({ description: 'HTTP port of the alerting API; 0 takes any free port (tests).' })
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 3004;

  @EnvVariable({ description: 'Interface the HTTP server binds to.' })
  @IsString()
  HOST: string = '127.0.0.1';

  @EnvVariable({ description: 'PostgreSQL schema owned by the alerting service.' })
  @Matches(/^[a-z_][a-z0-9_]*$/)
  DATABASE_SCHEMA: string = 'alerting';

  @EnvVariable({
    description:
      'Webhook URLs (http or https, comma separated) every alert is posted to; empty records alerts without sending them.',
  })
  @CommaSeparated()
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'], require_protocol: true },
    { each: true, message: 'each webhook URL must be an http(s) URL' },
  )
  @ArrayUnique()
  ALERT_WEBHOOK_URLS: string[] = [];

  @EnvVariable({
    description:
      'Standard Webhooks signing secret shared with the receivers: whsec_ followed by base64. ' +
      'Defaults to a fixed local-development secret (the one docker-compose.yml uses).',
    sensitive: true,
  })
  @Matches(/^whsec_[A-Za-z0-9+/]{16,}={0,2}$/, {
    message: 'ALERT_WEBHOOK_SECRET must be whsec_ followed by a base64 key',
  })
  ALERT_WEBHOOK_SECRET: string = LOCAL_WEBHOOK_SECRET;

  @EnvVariable({
    description:
      'Non-public webhook destinations alerting may call anyway (comma separated): host names, ' +
      '*.suffixes, addresses or CIDR ranges. Loopback, link-local and private addresses are refused ' +
      'unless named here; empty allows public addresses only.',
  })
  @CommaSeparated()
  @IsOutboundAllowlist()
  OUTBOUND_ALLOWLIST: string[] = [];

  @EnvVariable({
    description:
      'AES-256-GCM key (32 bytes, base64) that encrypts receivers’ URLs and secrets at rest. ' +
      'Defaults to a fixed local-development key, with a warning at start.',
    sensitive: true,
  })
  @IsBase64Key(32, 'ALERT_SECRETS_KEY must be 32 bytes, base64 encoded')
  ALERT_SECRETS_KEY: string = LOCAL_SECRETS_KEY;

  @EnvVariable({
    description:
      'HMAC key (32 bytes, base64) that signs the one-click acknowledgement links in notifications. ' +
      'Defaults to a fixed local-development key, with a warning at start.',
    sensitive: true,
  })
  @IsBase64Key(32, 'ALERT_ACK_KEY must be 32 bytes, base64 encoded')
  ALERT_ACK_KEY: string = LOCAL_ACK_KEY;

  @EnvVariable({
    description:
      'Base URL under which people reach this API, for the acknowledgement links in notifications.',
  })
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'], require_protocol: true },
    { message: 'ALERT_PUBLIC_URL must be an http(s) URL' },
  )
  ALERT_PUBLIC_URL: string = 'http://127.0.0.1:3004';

  @EnvVariable({ description: 'How long (ms) an acknowledgement link works after the alert.' })
  @IsInt()
  @Min(60_000)
  @Max(90 * 86_400_000)
  ALERT_ACK_LINK_TTL_MS: number = 7 * 86_400_000;

  @EnvVariable({
    description:
      'SMTP server for e-mail receivers: smtp://[user:password@]host:port, or smtps:// for TLS. ' +
      'Empty: e-mail receivers cannot be created and their deliveries fail.',
  })
  @Matches(/^(smtps?:\/\/\S+)?$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL: string = '';

  @EnvVariable({ description: 'From address of alert e-mails.' })
  @IsString()
  @IsNotEmpty()
  ALERT_EMAIL_FROM: string = 'DealWatch <alerts@dealwatch.localhost>';

  @EnvVariable({
    description:
      'YAML file with the routing tree, loaded at start and replacing the stored one (see ' +
      'services/alerting/README.md); empty keeps the tree set through PUT /v1/routes, or the default: all receivers.',
  })
  @IsString()
  ALERT_ROUTES_FILE: string = '';

  @EnvVariable({
    description: 'Attempts per receiver, the first included, before a delivery is given up (dead).',
  })
  @IsInt()
  @Min(1)
  @Max(100)
  ALERT_DELIVERY_MAX_ATTEMPTS: number = 8;

  @EnvVariable({
    description:
      'Ceiling (ms) of the first retry wait; it doubles per failure; the wait is at least half of it (equal jitter).',
  })
  @IsInt()
  @Min(1)
  @Max(3_600_000)
  ALERT_RETRY_BASE_MS: number = 1000;

  @EnvVariable({
    description: 'Longest wait (ms) between two attempts, Retry-After answers included.',
  })
  @IsInt()
  @Min(1)
  @Max(86_400_000)
  ALERT_RETRY_MAX_MS: number = 300_000;

  @EnvVariable({ description: 'How long (ms) a receiver has to answer one webhook request.' })
  @IsInt()
  @Min(100)
  @Max(60_000)
  ALERT_DELIVERY_TIMEOUT_MS: number = 5000;

  @EnvVariable({
    description:
      'The longest (ms) the delivery worker waits between looks for due deliveries. It also looks when an alert is recorded and when the next retry, group or expired lease falls due, so this only bounds how soon it finds what another instance left.',
  })
  @IsInt()
  @Min(10)
  @Max(60_000)
  ALERT_DELIVERY_POLL_MS: number = 2000;

  @EnvVariable({
    description:
      'How long (ISO 8601 duration) an overdue alert waits unacknowledged before it escalates to ' +
      'the next level of its route (escalateTo); a route can set its own escalateAfter.',
  })
  @IsIsoDuration({ message: 'ALERT_ESCALATE_AFTER must be an ISO 8601 duration such as PT4H' })
  ALERT_ESCALATE_AFTER: string = 'PT4H';

  @EnvVariable({ description: 'How often (ms) the escalation worker looks for due escalations.' })
  @IsInt()
  @Min(10)
  @Max(600_000)
  ALERT_ESCALATION_POLL_MS: number = 10_000;

  @EnvVariable({
    description:
      'How often (ms) the digest worker plans the next daily digests and sends those that are due.',
  })
  @IsInt()
  @Min(10)
  @Max(600_000)
  ALERT_DIGEST_POLL_MS: number = 30_000;

  @EnvVariable({
    description:
      'Failures in a row (timeouts, 5xx, refused connections) after which nothing is sent to a ' +
      'receiver for ALERT_BREAKER_COOLDOWN; then one trial goes.',
  })
  @IsInt()
  @Min(1)
  @Max(1000)
  ALERT_BREAKER_FAILURES: number = 5;

  @EnvVariable({
    description: 'How long (ISO 8601 duration) an open circuit breaker keeps a receiver idle.',
  })
  @IsIsoDuration({ message: 'ALERT_BREAKER_COOLDOWN must be an ISO 8601 duration such as PT1M' })
  ALERT_BREAKER_COOLDOWN: string = 'PT1M';
}

/** A base64 string that decodes to exactly `bytes` bytes. */
function IsBase64Key(bytes: number, message: string): PropertyDecorator {
  return ValidateBy({
    name: 'isBase64Key',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' &&
        /^[A-Za-z0-9+/]+={0,2}$/.test(value) &&
        Buffer.from(value, 'base64').length === bytes,
      defaultMessage: () => message,
    },
  });
}
