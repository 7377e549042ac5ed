import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ name: 'extractions' })
@Index(
  'extractions_agreement_version_text_uq',
  ['agreementId', 'extractorVersion', 'contentSha256'],
  {
    unique: true,
  },
)
export class ExtractionEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid', name: 'agreement_id' })
  agreementId!: string;

  @Column({ type: 'text', name: 'extractor_version' })
  extractorVersion!: string;

  @Column({ type: 'char', length: 64, name: 'content_sha256' })
  contentSha256!: string;

  /** The published `ClausesExtractedV1` payload. */
  @Column({ type: 'jsonb' })
  result!: object;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  /** The order of storing, within a transaction too (where `createdAt` is the same). */
  @Column({ type: 'bigint', insert: false, update: false, select: false })
  seq!: string;
}
