import { convertDocument } from '@dealwatch/ingest/domain';
import type { DocumentFormat } from '@dealwatch/ingest/domain';

import { performance } from 'node:perf_hooks';

import { agreementPdf, dealOf, newsPage } from './documents';
import { ms, quantile, throughput } from './figures';

interface Corpus {
  label: string;
  format: DocumentFormat;
  documents: Buffer[];
}

/** Warm-up runs load pdf.js and let V8 optimise before anything is timed. */
const WARM_UP = 3;

/**
 * The converters ingest runs on every upload (`convertDocument`: conversion plus normalisation),
 * one document at a time as a request does: documents/s and MB/s of input, and per-document p50/p99.
 */
export async function benchConversion(counts: {
  html: number;
  pdf1: number;
  pdf50: number;
}): Promise<void> {
  console.log('\n== Conversion (convertDocument, one document at a time) ==');
  const corpora: Corpus[] = [
    {
      label: 'HTML news page',
      format: 'html',
      documents: Array.from({ length: counts.html }, (_, index) =>
        Buffer.from(newsPage(dealOf(index + 1))),
      ),
    },
    {
      label: 'PDF, 1 page',
      format: 'pdf',
      documents: await pdfs(counts.pdf1, 1),
    },
    {
      label: 'PDF, 50 pages',
      format: 'pdf',
      documents: await pdfs(counts.pdf50, 50),
    },
  ];
  for (const corpus of corpora) await measure(corpus);
}

async function pdfs(count: number, pages: number): Promise<Buffer[]> {
  const made: Buffer[] = [];
  for (let index = 0; index < count; index++) {
    made.push(Buffer.from(await agreementPdf(dealOf(1000 + index), pages)));
  }
  return made;
}

async function measure(corpus: Corpus): Promise<void> {
  const first = corpus.documents[0];
  if (!first) return;
  for (let run = 0; run < WARM_UP; run++) await convertDocument(corpus.format, first);
  const times: number[] = [];
  let bytes = 0;
  let characters = 0;
  const started = performance.now();
  for (const document of corpus.documents) {
    const begin = performance.now();
    const converted = await convertDocument(corpus.format, document);
    times.push(performance.now() - begin);
    bytes += document.length;
    characters += converted.text.length;
  }
  const total = performance.now() - started;
  const count = corpus.documents.length;
  console.log(
    `   ${corpus.label.padEnd(15)} ${String(count).padStart(4)} docs, ${(bytes / count / 1000).toFixed(1)} KB avg -> ${Math.round(characters / count)} chars: ` +
      `${throughput(count, bytes, total)}  (p50 ${ms(quantile(times, 0.5))}, p99 ${ms(quantile(times, 0.99))})`,
  );
}
