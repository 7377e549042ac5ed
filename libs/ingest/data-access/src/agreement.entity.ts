import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

import type { PageMap } from './linked-because';

@Entity({ name: 'agreements' })
export class AgreementEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** Identical normalised text is the same agreement. */
  @Index('agreements_content_sha256_uq', { unique: true })
  @Column({ type: 'char', length: 64, name: 'content_sha256' })
  contentSha256!: string;

  @Column({ type: 'text', nullable: true })
  title!: string | null;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text', name: 'source_url', nullable: true })
  sourceUrl!: string | null;

  @Column({ type: 'date', name: 'published_at', nullable: true })
  publishedAt!: string | null;

  @Column({ type: 'date', name: 'signed_at', nullable: true })
  signedAt!: string | null;

  @Column({ type: 'text', nullable: true })
  language!: string | null;

  /** Pages of the text, when the document it came from had pages (PDF). */
  @Column({ type: 'jsonb', nullable: true })
  pages!: PageMap | null;

  @Index('agreements_received_at_idx')
  @CreateDateColumn({ type: 'timestamptz', name: 'received_at' })
  receivedAt!: Date;
}
