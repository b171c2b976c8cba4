/**
 * The floor plan of src/ (docs/architecture.md), bottom to top. A folder imports only folders of a lower
 * layer: never one above it, never a sibling (the consumers read knowledge, none reads another).
 */
export const FLOOR_PLAN: readonly (readonly string[])[] = [
  ['io', 'version.ts'],
  ['inventory'],
  ['collectors', 'desired-state', 'demo', 'findings'],
  ['knowledge'],
  ['rules', 'migration-kit', 'access-matrix', 'drift'],
  ['config', 'report'],
  ['history'],
  ['reporters'],
  ['cli'],
];
