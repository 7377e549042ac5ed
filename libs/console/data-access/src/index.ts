import { CreateReadModel1764403500000 } from './migrations/1764403500000-create-read-model';

export * from './read-model.entities';
export * from './read-model.projector';
export * from './read-model.queries';

/** In the order they must run. */
export const consoleMigrations = [CreateReadModel1764403500000];
