import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** What the built web app is made of: any change here means building it again. */
const SOURCES = [
  'web/src',
  'web/static',
  'web/package.json',
  'web/svelte.config.js',
  'web/vite.config.ts',
  'web/tsconfig.json',
  'shared/src',
  'shared/package.json',
  'package-lock.json',
];

/**
 * Kept inside the build: every other build (`npm run build:web`, synth, deploy) empties the
 * folder first, so a stamp never outlives the build it describes.
 */
const STAMP = join('web', 'build', '.sources.sha256');

export type TWebBuildCheck = {
  /** The build there was made by `npm start` from the same sources. */
  current: boolean;
  /** Records, after a build, the sources as they were when checked: an edit since rebuilds. */
  stamp: () => void;
};

export function checkWebBuild(root: string): TWebBuildCheck {
  const hash = sourcesHash(root);
  const stamp = join(root, STAMP);
  const current =
    existsSync(join(root, 'web', 'build', 'index.html')) &&
    existsSync(stamp) &&
    readFileSync(stamp, 'utf8') === hash;
  return { current, stamp: () => writeFileSync(stamp, hash) };
}

function sourcesHash(root: string): string {
  const hash = createHash('sha256');
  for (const file of SOURCES.flatMap((path) => filesUnder(join(root, path)))) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !/\.test\.ts$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** `vite build`, its output (size hints, npm notices) shown only when verbose or on failure. */
export function buildWeb(root: string, verbose: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'build', '-w', '@boucle/web', '--silent'], {
      cwd: root,
      stdio: verbose ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`the web app did not build (exit code ${code}):\n${output}`)),
    );
  });
}
