export * from './convert-document';
export * from './converted-document';
export * from './docx-to-text';
export * from './html-to-text';
export * from './pdf-to-text';
export * from './scraped-page';
