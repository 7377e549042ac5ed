/**
 * Extraction benchmark: the engine and chrono-node on the agreement corpus and CUAD dev.
 *   npx tsx bench/extraction/run.ts [corpus dir, default /work/shared/corpus] [--misses FIELD|all]
 * `--misses` also lists each CUAD contract where the engine's answer differs from the expert's.
 */
import type { ExtractionResult } from '@dealwatch/extraction';
import { extractAgreement } from '@dealwatch/extraction';

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import type { AgreementScores, GoldDocument } from './agreements';
import { scoreAgreements } from './agreements';
import { chronoExtract } from './chrono-baseline';
import type { CuadScores } from './cuad';
import { loadCuad, scoreCuad } from './cuad';
import { fmt } from './metrics';
import { REPEATED_PHRASES, repeatedPhrase, syntheticAgreement } from './synthetic';

type Extract = (text: string, referenceDate: string | null) => ExtractionResult;

const args = process.argv.slice(2);
const missesAt = args.indexOf('--misses');
const missesOf = missesAt >= 0 ? (args[missesAt + 1] ?? 'all') : null;
const corpus =
  args.find((a, i) => !a.startsWith('--') && (missesAt < 0 || i !== missesAt + 1)) ??
  '/work/shared/corpus';
const gold = JSON.parse(
  readFileSync(join(corpus, 'agreements', 'gold.json'), 'utf8'),
) as GoldDocument[];
const agreements = gold.map((g) => ({
  gold: g,
  text: readFileSync(join(corpus, 'agreements', g.file), 'utf8'),
}));
const cuad = loadCuad(readFileSync(join(corpus, 'cuad', 'cuad-dates.dev.csv'), 'utf8'));

// Yearless datelines ("Oct 26") take their year from the date the text was received; for the
// corpus that is the publication date a feed would carry. Nothing else is read from the gold.
const engine: Extract = (text, referenceDate) => extractAgreement(text, { referenceDate });
const chronoFinder: Extract = (text, referenceDate) => chronoExtract(text, referenceDate);

function agreementRow(name: string, s: AgreementScores): string {
  const p = (x: { precision: number; recall: number; f1: number }) =>
    `${fmt(x.precision)} ${fmt(x.recall)} ${fmt(x.f1)}`;
  const m = s.matchedPairs;
  return [
    name,
    `  obligations      P/R/F1 ${p(s.obligations)}`,
    `  deadlines (all)  P/R/F1 ${p(s.deadlines)}`,
    `  deadlines dated  P/R/F1 ${p(s.datedDeadlines)}`,
    `  parties          P/R/F1 ${p(s.parties)}`,
    `  signedAt ${fmt(s.signedAt)}  publishedAt ${fmt(s.publishedAt)}  effectiveAt ${fmt(s.effectiveAt)}`,
    `  on matched pairs: evidence as quoted ${ratio(m.evidence)}  category ${ratio(m.category)}  binding ${ratio(m.binding)}`,
    `    duration/relation ${ratio(m.durationRelation)}  recurrence period ${ratio(m.recurrencePeriod)}`,
  ].join('\n');
}

const ratio = ([hits, n]: [number, number]) => `${fmt(n === 0 ? 0 : hits / n)} (${hits}/${n})`;

function cuadRow(name: string, s: CuadScores): string {
  const a = ratio;
  return [
    name,
    `  agreement date ${a(s.agreementDate)}  effective date ${a(s.effectiveDate)}`,
    `  expiration ${a(s.expirationDate)}  renewal ${a(s.renewalTerm)}  notice ${a(s.noticePeriod)}`,
  ].join('\n');
}

function runAgreements(extract: Extract) {
  return scoreAgreements(
    agreements.map(({ gold: g, text }) => ({
      gold: g,
      text,
      result: extract(text, g.publishedAt),
    })),
  );
}

function runCuad(extract: Extract) {
  return scoreCuad(cuad.map((row) => ({ row, result: extract(row.text, null) })));
}

console.log(`Agreements (${agreements.length} documents)`);
console.log(agreementRow('engine', runAgreements(engine)));
console.log(agreementRow('chrono-node date finder', runAgreements(chronoFinder)));
console.log(
  `\nCUAD dev (${cuad.length} contracts; blank [] parts skipped, empty answers expect nothing)`,
);
const engineCuad = runCuad(engine);
console.log(cuadRow('engine', engineCuad.scores));
console.log(cuadRow('chrono-node date finder', runCuad(chronoFinder).scores));
if (missesOf) {
  console.log(`\nEngine misses on CUAD dev (${missesOf})`);
  for (const miss of engineCuad.misses.filter((m) => missesOf === 'all' || m.field === missesOf))
    console.log(`  ${miss.field}  expected ${miss.expected}  given ${miss.given}  ${miss.file}`);
}

const texts = [...agreements.map((a) => a.text), ...cuad.map((r) => r.text)];
const bytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t, 'utf8'), 0);
const started = performance.now();
const rounds = 5;
for (let i = 0; i < rounds; i += 1) for (const t of texts) extractAgreement(t);
const seconds = (performance.now() - started) / 1000;
const big = syntheticAgreement(50);
const bigStart = performance.now();
const bigResult = extractAgreement(big);
const bigMs = performance.now() - bigStart;
console.log('\nSpeed');
console.log(
  `  ${fmt((texts.length * rounds) / seconds)} documents/s, ${fmt((bytes * rounds) / seconds / 1e6)} MB/s`,
);
console.log(
  `  synthetic 50-page agreement (${(big.length / 1000).toFixed(0)} k chars, ${bigResult.obligations.length} obligations): ${bigMs.toFixed(0)} ms`,
);
const degenerate = Object.entries(REPEATED_PHRASES).map(([name, phrase]) => {
  const [half, whole] = [500_000, 1_000_000].map((length) => {
    const text = repeatedPhrase(phrase, length);
    const start = performance.now();
    extractAgreement(text);
    return performance.now() - start;
  });
  return `${name} ${half!.toFixed(0)} / ${whole!.toFixed(0)} ms`;
});
console.log(`  one phrase repeated, 0.5 / 1 M chars: ${degenerate.join(', ')}`);
