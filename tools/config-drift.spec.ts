import { envVariablesOf } from '@dealwatch/config';
import { defaultPorts, serviceNames } from '@dealwatch/testing';

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

import { renderEnvExample } from './env-example';
import { serviceEnvClasses } from './service-envs';

const root = resolve(__dirname, '..');

interface ComposeFile {
  services: Record<
    string,
    { ports?: string[]; environment?: Record<string, string>; depends_on?: unknown }
  >;
}

describe('.env.example', () => {
  it('documents exactly what the Env classes read (regenerate with tools/env-example.ts)', () => {
    expect(readFileSync(resolve(root, '.env.example'), 'utf8')).toBe(renderEnvExample());
  });
});

describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(resolve(root, 'docker-compose.yml'), 'utf8'), {
    merge: true,
  }) as ComposeFile;

  it('runs Kafka, PostgreSQL and Redis', () => {
    expect(Object.keys(compose.services)).toEqual(
      expect.arrayContaining(['kafka', 'postgres', 'redis']),
    );
  });

  describe.each(serviceNames)('service %s', (name) => {
    const service = compose.services[name];
    const known = Object.keys(envVariablesOf(serviceEnvClasses[name]));

    it('exists and publishes its default port', () => {
      expect(service).toBeDefined();
      expect(service?.ports).toContain(`${defaultPorts[name]}:${defaultPorts[name]}`);
    });

    it('sets only variables the service reads', () => {
      const unknown = Object.keys(service?.environment ?? {}).filter(
        (variable) => !known.includes(variable),
      );
      expect(unknown).toEqual([]);
    });

    it('reaches the infrastructure through the compose network', () => {
      expect(service?.environment).toMatchObject({
        KAFKA_BROKERS: 'kafka:9092',
        DATABASE_URL: expect.stringMatching(/@postgres:5432\//),
        REDIS_URL: 'redis://redis:6379',
        PORT: String(defaultPorts[name]),
        HOST: '0.0.0.0',
      });
    });
  });
});
