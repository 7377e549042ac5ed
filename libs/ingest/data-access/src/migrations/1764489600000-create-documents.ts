import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every original an agreement was built from, kept byte for byte and addressed by its SHA-256, with
 * the text it yielded and why it belongs to its agreement. Agreements stored before documents existed
 * get their text back as a plain-text original.
 */
export class CreateDocuments1764489600000 implements MigrationInterface {
  name = 'CreateDocuments1764489600000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE agreements ADD COLUMN language text');
    await runner.query('ALTER TABLE agreements ADD COLUMN pages jsonb');
    await runner.query(`
      CREATE TABLE documents (
        id uuid PRIMARY KEY,
        agreement_id uuid NOT NULL REFERENCES agreements (id),
        original_sha256 char(64) NOT NULL,
        original bytea NOT NULL,
        byte_size integer NOT NULL,
        media_type text NOT NULL,
        file_name text,
        text_sha256 char(64) NOT NULL,
        text text NOT NULL,
        pages jsonb,
        title text,
        source_url text,
        published_at date,
        language text,
        linked_because jsonb NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      'CREATE UNIQUE INDEX documents_original_sha256_uq ON documents (original_sha256)',
    );
    await runner.query('CREATE INDEX documents_text_sha256_idx ON documents (text_sha256)');
    await runner.query(
      'CREATE INDEX documents_agreement_id_idx ON documents (agreement_id, received_at)',
    );
    await runner.query(`
      INSERT INTO documents (id, agreement_id, original_sha256, original, byte_size, media_type,
        text_sha256, text, title, source_url, published_at, linked_because, received_at)
      SELECT gen_random_uuid(), id, content_sha256, convert_to(text, 'UTF8'),
        octet_length(convert_to(text, 'UTF8')), 'text/plain', content_sha256, text, title,
        source_url, published_at, '{"kind":"first"}', received_at
      FROM agreements
      ON CONFLICT (original_sha256) DO NOTHING`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE documents');
    await runner.query('ALTER TABLE agreements DROP COLUMN pages');
    await runner.query('ALTER TABLE agreements DROP COLUMN language');
  }
}
