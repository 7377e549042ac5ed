// Documents for tests of ingest and of what stands on it, built by the suite itself (well-formed
// and hostile); never imported by running code.
export { buildDocx, buildPdf, buildScannedPdf } from './formats/office-documents.fixture';
export { deeplyNestedHtml, longPdf, zipBomb } from './formats/hostile-documents.fixture';
