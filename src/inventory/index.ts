export * from './collection.js';
export * from './iam-roles-schema.js';
export * from './iam-schema.js';
export * from './identity-center-schema.js';
export * from './policy-document.js';
export * from './snapshot-file.js';
export * from './snapshot-schema.js';
