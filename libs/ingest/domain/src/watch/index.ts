export * from './settled-files';
