import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { CollectionCounts } from './databases.js';
import { sha256Of } from './files.js';

/** `manifest.json` at the root of a backup folder: what is in it, and how to check it is intact. */
export interface Manifest {
  format: 1;
  createdAt: string;
  gitCommit: string;
  /** Database name → collection → document count. */
  databases: Record<string, { service: string; collections: CollectionCounts }>;
  objects: { bucket: string; count: number; totalBytes: number };
  /** `source`: how Keycloak's database was copied (absent in backups from before it was recorded: h2). */
  keycloak: { included: true; files: string[]; source?: 'h2' | 'pg_dump' } | { included: false; reason: string };
  /** Path relative to the folder → sha256 of every file but the manifest. */
  files: Record<string, string>;
}

export const MANIFEST = 'manifest.json';

async function listFiles(root: string, dir = root): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await listFiles(root, path)));
    else if (entry.isFile()) found.push(relative(root, path));
  }
  return found.sort();
}

export async function checksums(root: string): Promise<Record<string, string>> {
  const sums: Record<string, string> = {};
  for (const file of await listFiles(root)) if (file !== MANIFEST) sums[file] = await sha256Of(join(root, file));
  return sums;
}

export async function writeManifest(root: string, manifest: Manifest): Promise<void> {
  await writeFile(join(root, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** Reads the manifest and checks every file against it: none missing, none extra, none changed. */
export async function readVerifiedManifest(root: string): Promise<Manifest> {
  const path = join(root, MANIFEST);
  await stat(path).catch(() => {
    throw new Error(`${path} does not exist: not a backup folder`);
  });
  const manifest = JSON.parse(await readFile(path, 'utf8')) as Manifest;
  if (manifest.format !== 1) throw new Error(`${path}: unknown manifest format ${String(manifest.format)}`);
  const actual = await checksums(root);
  const problems: string[] = [];
  for (const [file, sum] of Object.entries(manifest.files)) {
    if (actual[file] === undefined) problems.push(`${file} is missing`);
    else if (actual[file] !== sum) problems.push(`${file} does not match its checksum`);
  }
  for (const file of Object.keys(actual)) if (manifest.files[file] === undefined) problems.push(`${file} is not in the manifest`);
  if (problems.length > 0) throw new Error(`backup ${root} is damaged: ${problems.join('; ')}`);
  return manifest;
}
