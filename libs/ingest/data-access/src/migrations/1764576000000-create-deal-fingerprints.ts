import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What linking needs of each document (signatures, parties, dates) and the keys it is found by
 * (LSH bands, party sets), so finding the agreements a new document may be about is an index
 * lookup rather than a scan.
 */
export class CreateDealFingerprints1764576000000 implements MigrationInterface {
  name = 'CreateDealFingerprints1764576000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE deal_fingerprints (
        document_id uuid PRIMARY KEY REFERENCES documents (id),
        agreement_id uuid NOT NULL REFERENCES agreements (id),
        fingerprint jsonb NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE deal_link_keys (
        key text NOT NULL,
        document_id uuid NOT NULL REFERENCES documents (id),
        PRIMARY KEY (key, document_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE deal_link_keys');
    await runner.query('DROP TABLE deal_fingerprints');
  }
}
