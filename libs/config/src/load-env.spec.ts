import { IsInt, IsString, Max, Min } from 'class-validator';

import { CommonEnv } from './common-env';
import { EnvVariable } from './env-metadata';
import { InvalidEnvironmentError, describeEnv, loadEnv } from './load-env';

class ExampleEnv extends CommonEnv {
  @EnvVariable({ description: 'HTTP port.' })
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 3001;

  @EnvVariable({ description: 'Signing secret.', sensitive: true })
  @IsString()
  SIGNING_SECRET: string = 'whsec_default';
}

describe('loadEnv', () => {
  it('applies defaults when variables are unset or empty', () => {
    const env = loadEnv(ExampleEnv, { PORT: '' });
    expect(env.PORT).toBe(3001);
    expect(env.KAFKA_BROKERS).toEqual(['127.0.0.1:9092']);
  });

  it('converts types and splits lists', () => {
    const env = loadEnv(ExampleEnv, { PORT: '4000', KAFKA_BROKERS: 'a:9092, b:9093' });
    expect(env.PORT).toBe(4000);
    expect(env.KAFKA_BROKERS).toEqual(['a:9092', 'b:9093']);
  });

  it('reports every invalid variable at once', () => {
    const attempt = () =>
      loadEnv(ExampleEnv, { PORT: '70000', DATABASE_URL: 'mysql://x', KAFKA_BROKERS: 'nohost' });
    expect(attempt).toThrow(InvalidEnvironmentError);
    try {
      attempt();
    } catch (error) {
      const problems = (error as InvalidEnvironmentError).problems.join('\n');
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/DATABASE_URL/);
      expect(problems).toMatch(/KAFKA_BROKERS/);
    }
  });

  it('never echoes a sensitive value in an error', () => {
    class StrictSecretEnv extends ExampleEnv {
      @EnvVariable({ description: 'A number secret.', sensitive: true })
      @IsInt()
      PIN: number = 0;
    }
    expect(() => loadEnv(StrictSecretEnv, { PIN: 'hunter2' })).toThrow(/PIN.*\*\*\*\*/);
    expect(() => loadEnv(StrictSecretEnv, { PIN: 'hunter2' })).not.toThrow(/hunter2/);
  });
});

describe('describeEnv', () => {
  it('masks secrets and passwords inside URLs', () => {
    const env = loadEnv(ExampleEnv, {
      SIGNING_SECRET: 'whsec_abc',
      DATABASE_URL: 'postgres://app:s3cret@db:5432/dealwatch',
    });
    const described = describeEnv(env);
    expect(described['SIGNING_SECRET']).toBe('********');
    expect(described['DATABASE_URL']).toBe('postgres://app:****@db:5432/dealwatch');
    expect(described['PORT']).toBe(3001);
  });
});
