import { loadEnv } from '@dealwatch/config';
import { runService } from '@dealwatch/platform';

import 'reflect-metadata';

import { AppModule } from './app.module';
import { ExtractionEnv } from './extraction.env';

async function main(): Promise<void> {
  const env = loadEnv(ExtractionEnv);
  await runService(AppModule.register(env), {
    port: env.PORT,
    host: env.HOST,
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
