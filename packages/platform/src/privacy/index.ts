export * from './erasure-ledger.js';
export * from './export-parts.js';
