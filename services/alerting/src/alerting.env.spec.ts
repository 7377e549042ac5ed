import { InvalidEnvironmentError, describeEnv, loadEnv } from '@dealwatch/config';

import { AlertingEnv, LOCAL_SECRETS_KEY, LOCAL_WEBHOOK_SECRET } from './alerting.env';

describe('AlertingEnv', () => {
  it('runs locally with no configuration: port 3004, its own schema, no receivers', () => {
    const env = loadEnv(AlertingEnv, {});
    expect(env).toMatchObject({
      PORT: 3004,
      HOST: '127.0.0.1',
      DATABASE_SCHEMA: 'alerting',
      ALERT_WEBHOOK_URLS: [],
      ALERT_WEBHOOK_SECRET: LOCAL_WEBHOOK_SECRET,
      ALERT_DELIVERY_MAX_ATTEMPTS: 8,
      ALERT_RETRY_BASE_MS: 1000,
      ALERT_RETRY_MAX_MS: 300_000,
      ALERT_DELIVERY_TIMEOUT_MS: 5000,
      ALERT_DELIVERY_POLL_MS: 2000,
      OUTBOUND_ALLOWLIST: [],
      ALERT_SECRETS_KEY: LOCAL_SECRETS_KEY,
      SMTP_URL: '',
    });
  });

  it('needs a 32-byte base64 secrets key, masked in logs and never echoed in an error', () => {
    const short = Buffer.from('sixteen bytes!!!').toString('base64');
    const attempt = () => loadEnv(AlertingEnv, { ALERT_SECRETS_KEY: short });
    expect(attempt).toThrow(/ALERT_SECRETS_KEY must be 32 bytes, base64 encoded/);
    expect(attempt).not.toThrow(new RegExp(short.slice(0, 10)));
    expect(describeEnv(loadEnv(AlertingEnv, {}))['ALERT_SECRETS_KEY']).toBe('********');
    expect(describeEnv(loadEnv(AlertingEnv, {}))['ALERT_ACK_KEY']).toBe('********');
    expect(() => loadEnv(AlertingEnv, { ALERT_ACK_KEY: short })).toThrow(
      /ALERT_ACK_KEY must be 32 bytes, base64 encoded/,
    );
  });

  it('takes an smtp:// or smtps:// URL and masks its password when logged', () => {
    const env = loadEnv(AlertingEnv, { SMTP_URL: 'smtps://alerts:hunter2@mail.example:465' });
    expect(describeEnv(env)['SMTP_URL']).toBe('smtps://alerts:****@mail.example:465');
    expect(() => loadEnv(AlertingEnv, { SMTP_URL: 'mail.example:25' })).toThrow(/SMTP_URL/);
  });

  it('reads OUTBOUND_ALLOWLIST as hosts, suffixes, addresses and CIDR ranges', () => {
    const env = loadEnv(AlertingEnv, {
      OUTBOUND_ALLOWLIST: '127.0.0.1, hooks.internal ,*.corp.example,10.0.0.0/8,fd00::/8',
    });
    expect(env.OUTBOUND_ALLOWLIST).toEqual([
      '127.0.0.1',
      'hooks.internal',
      '*.corp.example',
      '10.0.0.0/8',
      'fd00::/8',
    ]);
    expect(() => loadEnv(AlertingEnv, { OUTBOUND_ALLOWLIST: '10.0.0.0/99' })).toThrow(
      /OUTBOUND_ALLOWLIST entries must be/,
    );
    expect(() => loadEnv(AlertingEnv, { OUTBOUND_ALLOWLIST: 'http://x.example/' })).toThrow(
      /OUTBOUND_ALLOWLIST/,
    );
  });

  it('reads a comma-separated list of receivers, ignoring blanks around and between them', () => {
    const env = loadEnv(AlertingEnv, {
      ALERT_WEBHOOK_URLS: ' https://hooks.example.com/a , http://127.0.0.1:9000/hook,',
    });
    expect(env.ALERT_WEBHOOK_URLS).toEqual([
      'https://hooks.example.com/a',
      'http://127.0.0.1:9000/hook',
    ]);
  });

  it('treats an empty list as no receivers', () => {
    expect(loadEnv(AlertingEnv, { ALERT_WEBHOOK_URLS: '' }).ALERT_WEBHOOK_URLS).toEqual([]);
  });

  it('refuses receivers that are not http(s) URLs, and the same URL twice', () => {
    expect(() => loadEnv(AlertingEnv, { ALERT_WEBHOOK_URLS: 'ftp://example.com/x' })).toThrow(
      /each webhook URL must be an http\(s\) URL/,
    );
    expect(() => loadEnv(AlertingEnv, { ALERT_WEBHOOK_URLS: 'hooks.example.com' })).toThrow(
      InvalidEnvironmentError,
    );
    expect(() =>
      loadEnv(AlertingEnv, { ALERT_WEBHOOK_URLS: 'https://a.example/x,https://a.example/x' }),
    ).toThrow(/ALERT_WEBHOOK_URLS/);
  });

  it('refuses a secret without the whsec_ prefix, and never shows it in the error', () => {
    const attempt = () => loadEnv(AlertingEnv, { ALERT_WEBHOOK_SECRET: 'plain-text-secret' });
    expect(attempt).toThrow(/ALERT_WEBHOOK_SECRET must be whsec_ followed by a base64 key/);
    expect(attempt).not.toThrow(/plain-text-secret/);
  });

  it('masks the secret when the configuration is logged', () => {
    expect(describeEnv(loadEnv(AlertingEnv, {}))['ALERT_WEBHOOK_SECRET']).toBe('********');
  });

  it('reports every invalid variable at once', () => {
    try {
      loadEnv(AlertingEnv, { ALERT_DELIVERY_MAX_ATTEMPTS: '0', ALERT_DELIVERY_POLL_MS: '1' });
      throw new Error('expected the environment to be refused');
    } catch (error) {
      expect((error as InvalidEnvironmentError).problems).toEqual([
        expect.stringMatching(/^ALERT_DELIVERY_MAX_ATTEMPTS: /),
        expect.stringMatching(/^ALERT_DELIVERY_POLL_MS: /),
      ]);
    }
  });
});
