import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FLOOR_PLAN } from './floor-plan.js';
import { type FolderImport, folderCycles, folderImports, layeringViolations } from './import-graph.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const show = (edges: FolderImport[]) =>
  edges.map((e) => `${e.file} -> ${e.specifier} (${e.from} -> ${e.to})`);

describe('the floor plan of src/', () => {
  const imports = folderImports(SRC);

  it('reads a real graph (type-only imports included)', () => {
    expect(imports.some((e) => e.from === 'rules' && e.to === 'knowledge')).toBe(true);
    expect(imports.some((e) => e.from === 'cli' && e.to === 'reporters')).toBe(true);
  });

  it('places every folder of src/ in a layer', () => {
    expect(layeringViolations(imports, FLOOR_PLAN).unplaced).toEqual([]);
  });

  it('has no import from a folder to one above it or beside it', () => {
    expect(show(layeringViolations(imports, FLOOR_PLAN).upward)).toEqual([]);
  });

  it('has no cycle between folders', () => {
    expect(folderCycles(imports)).toEqual([]);
  });
});

describe('the checks themselves', () => {
  const edge = (from: string, to: string): FolderImport => ({
    from,
    to,
    file: `${from}/x.ts`,
    specifier: `../${to}/y.js`,
  });
  const layers = [['io'], ['inventory'], ['rules', 'drift'], ['cli']];

  it('flag an upward import and a sideways one, and pass a downward one', () => {
    const { upward } = layeringViolations(
      [edge('inventory', 'rules'), edge('rules', 'drift'), edge('cli', 'io'), edge('rules', 'inventory')],
      layers,
    );
    expect(upward.map((e) => `${e.from}->${e.to}`)).toEqual(['inventory->rules', 'rules->drift']);
  });

  it('flag a folder the plan does not place', () => {
    expect(layeringViolations([edge('advice', 'rules')], layers).unplaced).toEqual(['advice']);
  });

  it('find a cycle through three folders and none in a chain', () => {
    expect(folderCycles([edge('a', 'b'), edge('b', 'c'), edge('c', 'a'), edge('c', 'd')])).toEqual([
      ['a', 'b', 'c'],
    ]);
    expect(folderCycles([edge('a', 'b'), edge('b', 'c')])).toEqual([]);
  });
});
