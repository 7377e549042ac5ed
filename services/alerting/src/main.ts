import { loadEnv } from '@dealwatch/config';
import { runService } from '@dealwatch/platform';

import 'reflect-metadata';

import { AlertingEnv } from './alerting.env';
import { AppModule } from './app.module';

async function main(): Promise<void> {
  const env = loadEnv(AlertingEnv);
  await runService(AppModule.register(env), { port: env.PORT, host: env.HOST });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
