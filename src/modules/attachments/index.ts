export { attachmentsRoutes } from './attachments.routes.js';
export { FileBlobStore, type BlobStore, type StagedBlob } from './blob-store.js';
export { sweepOrphans } from './attachments.sweep.js';
export { detectFileType, type DetectedType } from './domain/file-type.js';
