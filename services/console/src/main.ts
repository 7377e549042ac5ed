import { loadEnv } from '@dealwatch/config';
import { runService } from '@dealwatch/platform';

import 'reflect-metadata';

import { AppModule } from './app.module';
import { ConsoleEnv } from './console.env';

async function main(): Promise<void> {
  const env = loadEnv(ConsoleEnv);
  await runService(AppModule.register(env), {
    port: env.PORT,
    host: env.HOST,
    bodyLimit: env.CONSOLE_UPLOAD_MAX_BODY,
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
