// Hostile documents for tests of ingest and of what stands on it; never imported by running code.
export { deeplyNestedHtml, zipBomb } from './formats/hostile-documents.fixture';
