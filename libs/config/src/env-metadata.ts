import 'reflect-metadata';

const ENV_METADATA = Symbol('dealwatch:env');

export interface EnvVariableMetadata {
  description: string;
  /** Masked whenever configuration is logged or shown. */
  sensitive?: boolean;
}

/** Documents one variable; `describeEnv` and `.env.example` checks read this. */
export function EnvVariable(metadata: EnvVariableMetadata): PropertyDecorator {
  return (target, property) => {
    const existing = envVariablesOf(target.constructor);
    Reflect.defineMetadata(
      ENV_METADATA,
      { ...existing, [property as string]: metadata },
      target.constructor,
    );
  };
}

export function envVariablesOf(envClass: object): Record<string, EnvVariableMetadata | undefined> {
  const metadata: unknown = Reflect.getMetadata(ENV_METADATA, envClass);
  return (metadata ?? {}) as Record<string, EnvVariableMetadata | undefined>;
}
