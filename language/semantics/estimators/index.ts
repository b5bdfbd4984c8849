// Shared estimators over the semantic model: pure functions, no Langium. Rules, hover, inlay hints and the
// simulation's oracle tests read these so every number a user sees comes from one formula.
export * from './voters.js';
export * from './consensus-write.js';
export * from './failover-time.js';
export * from './write-latency.js';
export * from './replication.js';
export * from './write-flows.js';
export * from './egress.js';
export * from './lww-losses.js';
export * from './consumer-redelivery.js';
export * from './range.js';
