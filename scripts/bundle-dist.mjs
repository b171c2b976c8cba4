// `npm run build`'s second step: bundles tsc's dist/ into dist/bundle/, which bin/keysweep.js runs (see
// bin/choose-entry.js). Loading ~200 small ES modules (zod alone is 95) cost more than the work of
// `keysweep rules` itself; one chunk per command (code splitting keeps main.ts's dynamic import per
// command) loads in a fraction of that. Only pure JavaScript packages are bundled; the AWS SDK (loaded
// only by live collection) and anything else stays a normal import from node_modules.
//
// A module that finds a file next to itself (new URL('../package.json', import.meta.url)) still finds it:
// each dist/ module's import.meta.url becomes the URL of that module's own dist/ file.
import { readFile, rm } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const outdir = join(dist, 'bundle');
/** Packages bundled into the chunks: plain JavaScript that reads no file of its own. */
const BUNDLED = new Set(['commander', 'zod', 'yaml', 'picomatch', 'p-limit', 'csv-parse', 'csv-stringify']);

const keepOtherPackagesExternal = {
  name: 'keep-other-packages-external',
  setup(plugin) {
    plugin.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return { external: true };
      const name = args.path.startsWith('@')
        ? args.path.split('/').slice(0, 2).join('/')
        : args.path.split('/')[0];
      // Inside a bundled package, its own dependencies are bundled too.
      if (BUNDLED.has(name) || args.importer.includes(`${sep}node_modules${sep}`)) return undefined;
      return { external: true };
    });
  },
};

const keepModuleUrls = {
  name: 'keep-module-urls',
  setup(plugin) {
    plugin.onLoad({ filter: /\.js$/ }, async (args) => {
      if (!args.path.startsWith(dist + sep)) return undefined;
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const fromChunk = relative(outdir, args.path).split(sep).join('/');
      return {
        contents: source.replaceAll(
          'import.meta.url',
          `new URL(${JSON.stringify(fromChunk)}, import.meta.url).href`,
        ),
        loader: 'js',
      };
    });
  },
};

await rm(outdir, { recursive: true, force: true }); // no chunk of an earlier build stays
await build({
  entryPoints: [join(dist, 'cli', 'main.js')],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Bundled CommonJS (commander) requires Node's built-ins.
  banner: {
    js: "import { createRequire as __keysweepCreateRequire } from 'node:module'; const require = __keysweepCreateRequire(import.meta.url);",
  },
  plugins: [keepOtherPackagesExternal, keepModuleUrls],
  logLevel: 'warning',
});
