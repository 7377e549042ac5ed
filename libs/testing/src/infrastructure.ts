import { execFileSync } from 'node:child_process';

export interface Infrastructure {
  kafkaBrokers: string;
  databaseUrl: string;
  redisUrl: string;
  /** Stops what this run started (containers); a no-op for services given by the environment. */
  stop(): Promise<void>;
}

/**
 * The services named by the environment win (CI and the local scripts set them). Otherwise, where a
 * Docker engine answers, Testcontainers starts them. There is no third way: no fakes.
 */
export async function resolveInfrastructure(
  env: NodeJS.ProcessEnv = process.env,
): Promise<Infrastructure> {
  const { KAFKA_BROKERS, DATABASE_URL, REDIS_URL } = env;
  if (KAFKA_BROKERS && DATABASE_URL && REDIS_URL) {
    return {
      kafkaBrokers: KAFKA_BROKERS,
      databaseUrl: DATABASE_URL,
      redisUrl: REDIS_URL,
      stop: async () => {},
    };
  }
  if (!dockerAnswers()) {
    throw new Error(
      'Integration tests need KAFKA_BROKERS, DATABASE_URL and REDIS_URL (run them through `npm test`, ' +
        'which starts local services), or a Docker engine for Testcontainers.',
    );
  }
  return startContainers();
}

function dockerAnswers(): boolean {
  try {
    execFileSync('docker', ['info'], { stdio: 'ignore', timeout: 5_000 });
    return true;
  } catch {
    return false;
  }
}

async function startContainers(): Promise<Infrastructure> {
  const [{ KafkaContainer }, { PostgreSqlContainer }, { RedisContainer }] = await Promise.all([
    import('@testcontainers/kafka'),
    import('@testcontainers/postgresql'),
    import('@testcontainers/redis'),
  ]);
  const [kafka, postgres, redis] = await Promise.all([
    new KafkaContainer('confluentinc/cp-kafka:7.9.0').withKraft().start(),
    new PostgreSqlContainer('postgres:15-alpine').start(),
    new RedisContainer('redis:7-alpine').start(),
  ]);
  return {
    kafkaBrokers: `${kafka.getHost()}:${kafka.getMappedPort(9093)}`,
    databaseUrl: postgres.getConnectionUri(),
    redisUrl: redis.getConnectionUrl(),
    stop: async () => {
      await Promise.all([kafka.stop(), postgres.stop(), redis.stop()]);
    },
  };
}
