import { DealFingerprintRepository, ingestMigrations } from '@dealwatch/ingest/data-access';
import { fingerprintOf, lookupKeys, sameDeal } from '@dealwatch/ingest/domain';
import { createServiceDataSource, openServiceDataSource } from '@dealwatch/persistence';

import { createHash, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { DataSource, EntityManager } from 'typeorm';

import { PARTIES, articleText, dealOf, otherOutletText } from './documents';
import { ms, quantile } from './figures';

const LOOKUPS = 200;
const CHUNK = 10_000;
/** Share of stored documents naming two principal parties (the rest name one or none). */
const WITH_PARTIES = 0.7;

/**
 * Linking cost with `total` documents stored: fingerprints and LSH keys bulk-loaded into a throwaway
 * schema made by ingest's own migrations, then the repository's candidate lookup for 200 new
 * documents (half of them other outlets' reports of stored deals), and its plan.
 */
export async function benchLinking(databaseUrl: string, total: number): Promise<void> {
  const schema = `bench_ingest_${Date.now().toString(36)}`;
  const dataSource = await openServiceDataSource(
    createServiceDataSource({
      url: databaseUrl,
      schema,
      entities: [],
      migrations: ingestMigrations,
      applicationName: 'dealwatch-bench-ingest',
    }),
  );
  try {
    console.log(
      `\n== Linking (schema ${schema}, ${total.toLocaleString('en')} documents stored) ==`,
    );
    const repository = new DealFingerprintRepository();
    // Deals 1..100 are stored as one outlet's report; lookups bring another outlet's report of each
    // (should link) and 100 deals never stored (should not).
    const known = Array.from({ length: LOOKUPS / 2 }, (_, index) => dealOf(index + 1));
    const unknown = Array.from({ length: LOOKUPS / 2 }, (_, index) => dealOf(50_000 + index));
    const started = performance.now();
    for (const deal of known)
      await storeReal(dataSource.manager, repository, otherOutletText(deal));
    await loadSynthetic(dataSource, known.length, total);
    await dataSource.query(
      'ANALYZE agreements; ANALYZE documents; ANALYZE deal_fingerprints; ANALYZE deal_link_keys',
    );
    console.log(
      `   loaded in ${((performance.now() - started) / 1000).toFixed(1)} s; ${await sizes(dataSource)}`,
    );

    const lookups = [...known, ...unknown].map((deal) => fingerprintOf(articleText(deal)));
    const queryTimes: number[] = [];
    const decisionTimes: number[] = [];
    let candidatesSeen = 0;
    let linked = 0;
    let wronglyLinked = 0;
    for (const [index, fingerprint] of lookups.entries()) {
      const begin = performance.now();
      const [stored] = await repository.storedKnowledgeFor(dataSource.manager, [
        keysOnly(lookupKeys(fingerprint)),
      ]);
      const candidates = stored?.candidates ?? [];
      const queried = performance.now();
      const match = candidates.find((candidate) => sameDeal(fingerprint, candidate.fingerprint));
      decisionTimes.push(performance.now() - begin);
      queryTimes.push(queried - begin);
      candidatesSeen += candidates.length;
      if (match && index < known.length) linked++;
      if (match && index >= known.length) wronglyLinked++;
    }
    console.log(
      `   candidate lookup      p50 ${ms(quantile(queryTimes, 0.5))}  p99 ${ms(quantile(queryTimes, 0.99))}  (${LOOKUPS} lookups, ${(candidatesSeen / LOOKUPS).toFixed(1)} candidates each on average)`,
    );
    console.log(
      `   lookup + sameDeal     p50 ${ms(quantile(decisionTimes, 0.5))}  p99 ${ms(quantile(decisionTimes, 0.99))}  (${linked} of ${known.length} reports of stored deals linked, ${wronglyLinked} of ${unknown.length} new deals)`,
    );
    // The slowest kind: a new document whose party pair is the most common one in the store.
    const heavy = fingerprintOf(
      articleText({ ...dealOf(90_000), parties: [PARTIES[0]!, PARTIES[1]!] }),
    );
    console.log(
      `   EXPLAIN ANALYZE of the candidate lookup, new deal between ${PARTIES[0]} and ${PARTIES[1]}:`,
    );
    for (const line of await plan(dataSource, repository, lookupKeys(heavy)))
      console.log(`     ${line}`);
  } finally {
    await dataSource.query(`DROP SCHEMA "${schema}" CASCADE`);
    await dataSource.destroy();
  }
}

/** A real document's agreement, document and fingerprint rows, stored through the repository. */
async function storeReal(
  manager: EntityManager,
  repository: DealFingerprintRepository,
  text: string,
): Promise<void> {
  const agreementId = randomUUID();
  const documentId = randomUUID();
  const sha = createHash('sha256').update(text).digest('hex');
  await manager.query(`INSERT INTO agreements (id, content_sha256, text) VALUES ($1, $2, $3)`, [
    agreementId,
    sha,
    text,
  ]);
  await manager.query(
    `INSERT INTO documents (id, agreement_id, original_sha256, original, byte_size, media_type, text_sha256, text, linked_because)
     VALUES ($1, $2, $3, convert_to($4, 'UTF8'), octet_length($4), 'text/plain', $3, $4, '{"kind":"first"}')`,
    [documentId, agreementId, sha, text],
  );
  const fingerprint = fingerprintOf(text);
  await repository.saveMany(manager, [
    { documentId, agreementId, fingerprint, keys: lookupKeys(fingerprint) },
  ]);
}

/**
 * Synthetic documents `from+1`..`total` in chunks, generated in SQL: random 128-value signatures,
 * 32 band keys each (random, as unrelated texts' bands are), and for most a party pair drawn with a
 * skew (the first pairs, e.g. United States and Japan, are far more common than the last), so a
 * popular pair's key matches thousands of documents as it would in a real store.
 */
async function loadSynthetic(dataSource: DataSource, from: number, total: number): Promise<void> {
  const pairs: string[] = [];
  for (const [index, first] of PARTIES.entries()) {
    for (const second of PARTIES.slice(index + 1)) pairs.push([first, second].sort().join('|'));
  }
  const id = (prefix: string) =>
    `('${prefix}0000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid`;
  for (let start = from + 1; start <= total; start += CHUNK) {
    const end = Math.min(total, start + CHUNK - 1);
    await dataSource.query(
      `INSERT INTO agreements (id, content_sha256, text)
       SELECT ${id('a')}, md5('a' || n) || md5('A' || n), 'synthetic agreement ' || n
         FROM generate_series($1::int, $2::int) AS n`,
      [start, end],
    );
    await dataSource.query(
      `INSERT INTO documents (id, agreement_id, original_sha256, original, byte_size, media_type,
                              text_sha256, text, linked_because)
       SELECT ${id('d')}, ${id('a')}, md5('d' || n) || md5('D' || n), '\\x00'::bytea, 1, 'text/plain',
              md5('a' || n) || md5('A' || n), 'synthetic agreement ' || n, '{"kind":"first"}'
         FROM generate_series($1::int, $2::int) AS n`,
      [start, end],
    );
    // `WHERE n > 0` ties each subquery to its row, so every document gets its own random signature.
    await dataSource.query(
      `INSERT INTO deal_fingerprints (document_id, agreement_id, fingerprint)
       SELECT ${id('d')}, ${id('a')}, jsonb_build_object(
                'textSignature', (SELECT jsonb_agg(floor(random() * 4294967295)::bigint) FROM generate_series(1, 128) WHERE n > 0),
                'wordSignature', (SELECT jsonb_agg(floor(random() * 4294967295)::bigint) FROM generate_series(1, 128) WHERE n > 0),
                'parties', CASE WHEN random() < $3
                                THEN to_jsonb(string_to_array(($4::text[])[1 + floor(power(random(), 3) * array_length($4::text[], 1))::int], '|'))
                                ELSE '[]'::jsonb END,
                'dates', jsonb_build_array(to_char(date '2024-01-01' + (n % 1000), 'YYYY-MM-DD')))
         FROM generate_series($1::int, $2::int) AS n`,
      [start, end, WITH_PARTIES, pairs],
    );
    await dataSource.query(
      `INSERT INTO deal_link_keys (key, document_id)
       SELECT 'b' || band || ':' || substr(md5(n || ':' || band), 1, 7), ${id('d')}
         FROM generate_series($1::int, $2::int) AS n, generate_series(0, 31) AS band`,
      [start, end],
    );
    await dataSource.query(
      `INSERT INTO deal_link_keys (key, document_id)
       SELECT 'parties:' || array_to_string(ARRAY(SELECT jsonb_array_elements_text(fingerprint -> 'parties')), '|'), document_id
         FROM deal_fingerprints
        WHERE document_id BETWEEN ('d0000000-0000-4000-8000-' || lpad(to_hex($1::int), 12, '0'))::uuid
                              AND ('d0000000-0000-4000-8000-' || lpad(to_hex($2::int), 12, '0'))::uuid
          AND jsonb_array_length(fingerprint -> 'parties') >= 2`,
      [start, end],
    );
  }
}

async function sizes(dataSource: DataSource): Promise<string> {
  const rows = await dataSource.query<{ keys: string; top: string; size: string }[]>(
    `SELECT (SELECT count(*) FROM deal_link_keys)::text AS keys,
            (SELECT count(*) FROM deal_link_keys WHERE key = $1)::text AS top,
            pg_size_pretty(pg_total_relation_size('deal_link_keys') + pg_total_relation_size('deal_fingerprints')) AS size`,
    [`parties:${[PARTIES[0]!, PARTIES[1]!].sort().join('|')}`],
  );
  const row = rows[0]!;
  return `${Number(row.keys).toLocaleString('en')} lookup keys, ${row.size} with fingerprints; the commonest party key matches ${Number(row.top).toLocaleString('en')} documents`;
}

/**
 * The plan of the repository's own query: its SQL is captured from a stand-in manager rather than
 * copied here, so the bench explains what ingest runs.
 */
async function plan(
  dataSource: DataSource,
  repository: DealFingerprintRepository,
  keys: string[],
): Promise<string[]> {
  const captured = { sql: '', parameters: [] as unknown[] };
  const recorder = {
    query: (sql: string, parameters: unknown[]) => {
      captured.sql = sql;
      captured.parameters = parameters;
      return Promise.resolve([]);
    },
  } as unknown as EntityManager;
  await repository.storedKnowledgeFor(recorder, [keysOnly(keys)]);
  const { sql, parameters } = captured;
  const rows = await dataSource.query<{ 'QUERY PLAN': string }[]>(
    `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) ${sql}`,
    parameters,
  );
  return rows.map((row) => row['QUERY PLAN']);
}

/** A lookup by keys alone: no stored document has an empty digest. */
function keysOnly(keys: string[]): { originalSha256: string; textSha256: string; keys: string[] } {
  return { originalSha256: '', textSha256: '', keys };
}
