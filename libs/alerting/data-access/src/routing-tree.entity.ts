import { Column, Entity, PrimaryColumn } from 'typeorm';

export const routingTreeSources = ['api', 'file'] as const;
export type RoutingTreeSource = (typeof routingTreeSources)[number];

/** The one routing tree in force (a single row), as last set by `PUT /v1/routes` or ALERT_ROUTES_FILE. */
@Entity({ name: 'routing_tree' })
export class RoutingTreeEntity {
  @PrimaryColumn({ type: 'smallint' })
  id!: number;

  /** The tree in its plain form (see routeToPlain), checked before it is stored. */
  @Column({ type: 'jsonb' })
  tree!: Record<string, unknown>;

  @Column({ type: 'text' })
  source!: RoutingTreeSource;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
