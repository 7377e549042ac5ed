import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

import type { LinkedBecause, PageMap } from './linked-because';

/** One original (HTML, PDF, DOCX, text) as received, and the text it yielded. */
@Entity({ name: 'documents' })
@Index('documents_agreement_id_idx', ['agreementId', 'receivedAt'])
export class DocumentEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid', name: 'agreement_id' })
  agreementId!: string;

  /** The same bytes sent twice are one document. */
  @Index('documents_original_sha256_uq', { unique: true })
  @Column({ type: 'char', length: 64, name: 'original_sha256' })
  originalSha256!: string;

  /** Loaded only on request: originals can be megabytes. */
  @Column({ type: 'bytea', select: false })
  original!: Buffer;

  @Column({ type: 'integer', name: 'byte_size' })
  byteSize!: number;

  @Column({ type: 'text', name: 'media_type' })
  mediaType!: string;

  @Column({ type: 'text', name: 'file_name', nullable: true })
  fileName!: string | null;

  @Index('documents_text_sha256_idx')
  @Column({ type: 'char', length: 64, name: 'text_sha256' })
  textSha256!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'jsonb', nullable: true })
  pages!: PageMap | null;

  @Column({ type: 'text', nullable: true })
  title!: string | null;

  @Column({ type: 'text', name: 'source_url', nullable: true })
  sourceUrl!: string | null;

  @Column({ type: 'date', name: 'published_at', nullable: true })
  publishedAt!: string | null;

  @Column({ type: 'text', nullable: true })
  language!: string | null;

  @Column({ type: 'jsonb', name: 'linked_because' })
  linkedBecause!: LinkedBecause;

  @CreateDateColumn({ type: 'timestamptz', name: 'received_at' })
  receivedAt!: Date;
}
