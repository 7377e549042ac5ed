import { loadEnv } from '@dealwatch/config';
import { runService } from '@dealwatch/platform';

import 'reflect-metadata';

import { AppModule } from './app.module';
import { SchedulerEnv } from './scheduler.env';

async function main(): Promise<void> {
  const env = loadEnv(SchedulerEnv);
  await runService(AppModule.register(env), { port: env.PORT, host: env.HOST });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
