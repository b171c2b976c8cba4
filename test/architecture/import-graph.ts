import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import ts from 'typescript';

/** One import between two top-level folders of src/, with the file that makes it. */
export interface FolderImport {
  from: string;
  to: string;
  file: string;
  specifier: string;
}

/**
 * The part of src/ a file belongs to: its top-level folder, or the file name itself for a file directly
 * under src/ (version.ts).
 */
function partOf(pathUnderSrc: string): string {
  return pathUnderSrc.split(sep)[0] ?? pathUnderSrc;
}

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(path));
    else if (/\.(ts|mts|cts)$/.test(entry.name)) files.push(path);
  }
  return files;
}

/**
 * Every import from one src/ folder into another: static, `export … from`, dynamic `import()` and
 * type-only imports alike (a type import is still a dependency of the design), read by TypeScript's own
 * pre-processor rather than a regular expression.
 */
export function folderImports(srcDir: string): FolderImport[] {
  const found: FolderImport[] = [];
  for (const file of sourceFiles(srcDir)) {
    const from = partOf(relative(srcDir, file));
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName: specifier } of importedFiles) {
      if (!specifier.startsWith('.')) continue;
      const target = relative(srcDir, normalize(join(dirname(file), specifier)));
      if (target.startsWith('..')) continue;
      const to = partOf(target).replace(/\.js$/, '.ts');
      if (to !== from) found.push({ from, to, file: relative(srcDir, file), specifier });
    }
  }
  return found;
}

/** The layer of each part: a part may import only parts of a lower layer (never a sibling, never up). */
export function layerIndex(layers: readonly (readonly string[])[]): Map<string, number> {
  return new Map(layers.flatMap((parts, index) => parts.map((part) => [part, index] as const)));
}

/** The imports that do not point down the floor plan, and the parts the floor plan does not place. */
export function layeringViolations(
  imports: readonly FolderImport[],
  layers: readonly (readonly string[])[],
): { upward: FolderImport[]; unplaced: string[] } {
  const index = layerIndex(layers);
  const unplaced = new Set<string>();
  const upward: FolderImport[] = [];
  for (const edge of imports) {
    const from = index.get(edge.from);
    const to = index.get(edge.to);
    if (from === undefined) unplaced.add(edge.from);
    if (to === undefined) unplaced.add(edge.to);
    if (from !== undefined && to !== undefined && to >= from) upward.push(edge);
  }
  return { upward, unplaced: [...unplaced].sort() };
}

/** Folder-level cycles (Tarjan's strongly connected components of more than one folder). */
export function folderCycles(imports: readonly FolderImport[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const { from, to } of imports) {
    if (!next.has(from)) next.set(from, new Set());
    if (!next.has(to)) next.set(to, new Set());
    next.get(from)?.add(to);
  }
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string): void => {
    order.set(node, order.size);
    low.set(node, order.get(node) ?? 0);
    stack.push(node);
    onStack.add(node);
    for (const succ of next.get(node) ?? []) {
      if (!order.has(succ)) {
        visit(succ);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(succ) ?? 0));
      } else if (onStack.has(succ)) low.set(node, Math.min(low.get(node) ?? 0, order.get(succ) ?? 0));
    }
    if (low.get(node) === order.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const node of [...next.keys()].sort()) if (!order.has(node)) visit(node);
  return components;
}

/** `count from -> to` lines, the measured folder graph as reports quote it. */
export function describeGraph(imports: readonly FolderImport[]): string[] {
  const counts = new Map<string, number>();
  for (const { from, to } of imports)
    counts.set(`${from} -> ${to}`, (counts.get(`${from} -> ${to}`) ?? 0) + 1);
  return [...counts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([edge, count]) => `${count} ${edge}`);
}
