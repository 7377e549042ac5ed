export * from './auth';
export * from './clock';
export * from './event-subscriptions';
export * from './health/health-checks';
export * from './http/body-budget';
export * from './http/json-body-shape';
export * from './http/parse-uuid.pipe';
export * from './http/raw-body';
export * from './logger';
export * from './platform.module';
export * from './problems';
export * from './run-service';
export * from './service-options';
export * from './tokens';
export * from './transactions';
// Services mark their routes with these; they come with the platform that enforces them.
export {
  AcceptsSignedLink,
  ApiKeyRegistry,
  Authenticator,
  CurrentPrincipal,
  Public,
  Roles,
} from '@dealwatch/auth';
export type { Principal, Role } from '@dealwatch/auth';
export * from './group-commit';
