/**
 * The JavaScript a page of the built web app loads (`npm run bench`, lambda-init.ts): SvelteKit's
 * entry points, the root layout and the page's node, with every chunk they import statically,
 * and the words the root layout's load awaits before anything shows, each counted once,
 * gzip-compressed as the CDN serves them. Read from the build's Vite manifest.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const WEB = resolve(import.meta.dirname, '../../web');
const NODES = '.svelte-kit/generated/client-optimized/nodes';
// Imported dynamically, but awaited before the first render: the pulse's book of words, in
// French, the longer language (ADR 0026). Other pages also await their own book.
const WORDS = 'src/lib/messages/fr.ts';

type TManifest = Record<string, { file: string; isEntry?: boolean; imports?: string[] }>;

/** Bytes of JavaScript, raw and gzip, that loading `route` (e.g. `pulse`) fetches, and its files. */
export function pageJavaScript(route: string): {
  files: number;
  bytes: number;
  gzipBytes: number;
  paths: string[];
} {
  const manifest = JSON.parse(
    readFileSync(join(WEB, '.svelte-kit/output/client/.vite/manifest.json'), 'utf8'),
  ) as TManifest;
  const pageNode = readdirSync(join(WEB, NODES)).find((node) =>
    readFileSync(join(WEB, NODES, node), 'utf8').includes(`/src/routes/${route}/+page`),
  );
  if (!pageNode) throw new Error(`No built page for /${route}: run npm run build:web first`);
  const roots = Object.keys(manifest).filter(
    (key) =>
      key.endsWith('@sveltejs/kit/src/runtime/client/entry.js') ||
      key.endsWith('client-optimized/app.js') ||
      key === `${NODES}/0.js` ||
      key === WORDS ||
      key === `${NODES}/${pageNode}`,
  );
  const loaded = new Set<string>();
  const visit = (key: string) => {
    if (loaded.has(key)) return;
    loaded.add(key);
    for (const imported of manifest[key]?.imports ?? []) visit(imported);
  };
  roots.forEach(visit);
  let bytes = 0;
  let gzipBytes = 0;
  const paths: string[] = [];
  for (const key of loaded) {
    const file = manifest[key]?.file;
    if (!file?.endsWith('.js')) continue;
    paths.push(join(WEB, 'build', file));
    const code = readFileSync(join(WEB, 'build', file));
    bytes += code.length;
    gzipBytes += gzipSync(code, { level: 9 }).length;
  }
  return { files: loaded.size, bytes, gzipBytes, paths };
}
