/**
 * The Dockerfile's base images, read from the file (compose.test.ts checks the compose file's own
 * images): every stage starts from an exact version, the services run the Node that tests run
 * (infra/env.sh), and the web app's nginx is on a stable (even-numbered) line.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');

/**
 * Each stage's base image with the Dockerfile's ARG defaults filled in. A stage built on an
 * earlier stage (`FROM manifests AS build`) has no image of its own and is left out.
 */
function baseImages(): string[] {
  const args = new Map([...dockerfile.matchAll(/^ARG (\w+)=(\S+)$/gm)].map((m) => [m[1]!, m[2]!]));
  const stages = new Set([...dockerfile.matchAll(/^FROM \S+ AS (\S+)$/gm)].map((m) => m[1]!));
  return [...dockerfile.matchAll(/^FROM (\S+)/gm)]
    .map((m) => m[1]!)
    .filter((from) => !stages.has(from))
    .map((from) => from.replace(/\$\{(\w+)\}/g, (_whole, name: string) => args.get(name) ?? `<unset ${name}>`));
}

function splitImage(image: string): { repository: string; tag: string } {
  const colon = image.lastIndexOf(':');
  return { repository: image.slice(0, colon), tag: image.slice(colon + 1) };
}

describe('Dockerfile base images', () => {
  test('every stage starts from an exact version (no latest, no major-only tag)', () => {
    const images = baseImages();
    assert.ok(images.length >= 4, `expected the build, seed, web and runtime stages: ${images.join(', ')}`);
    for (const image of images) {
      const { repository, tag } = splitImage(image);
      assert.ok(repository !== '' && tag !== '', `${image} has no tag`);
      assert.match(tag, /^\d+\.\d+\.\d+(-[a-z0-9]+(-[a-z0-9]+)*)?$/, `${image} is not an exact version`);
    }
  });

  test('the services run the Node version the tests run', () => {
    const localNode = /EN_NODE_VERSION:=([0-9.]+)/.exec(readFileSync(join(root, 'infra', 'env.sh'), 'utf8'))?.[1];
    assert.ok(localNode !== undefined, 'infra/env.sh names EN_NODE_VERSION');
    const nodeImages = baseImages().filter((image) => splitImage(image).repository === 'node');
    assert.ok(nodeImages.length > 0);
    for (const image of nodeImages) assert.ok(splitImage(image).tag.startsWith(`${localNode}-`), `${image} is not Node ${localNode}`);
  });

  test("the web app's nginx is on a stable line (even minor), at least 1.30", () => {
    const nginx = baseImages().find((image) => splitImage(image).repository === 'nginxinc/nginx-unprivileged');
    assert.ok(nginx !== undefined, 'the web stage serves through nginx-unprivileged');
    const [major = 0, minor = 0] = splitImage(nginx).tag.split('.').map((part) => Number.parseInt(part, 10));
    assert.equal(minor % 2, 0, `${nginx}: odd minors are nginx's mainline`);
    assert.ok(major > 1 || minor >= 30, `${nginx}: 1.28 and older are no longer supported`);
  });
});

describe('Dockerfile backup stage', () => {
  test('its compile step turns scripts/backup into JS that runs: usage, and verify on a real backup folder', () => {
    const stage = /^FROM \S+ AS backup-build$([\s\S]*?)^FROM /m.exec(dockerfile)?.[1] ?? '';
    const compile = /^RUN (npx tsc -p scripts\/backup\/tsconfig\.json) --outDir \S+$/m.exec(stage)?.[1];
    assert.ok(compile !== undefined, 'the backup-build stage compiles scripts/backup with its tsconfig');
    // Inside the repository, so the compiled modules find node_modules and "type": "module" as in the image's /app.
    const out = mkdtempSync(join(root, '.backup-build-test-'));
    const folder = mkdtempSync(join(tmpdir(), 'eventonight-backup-verify-'));
    try {
      const built = spawnSync('npx', ['tsc', '-p', 'scripts/backup/tsconfig.json', '--outDir', out], { cwd: root, encoding: 'utf8', timeout: 300_000 });
      assert.equal(built.status, 0, built.stdout + built.stderr);
      const usage = spawnSync(process.execPath, [join(out, 'cli.js')], { encoding: 'utf8' });
      assert.equal(usage.status, 2);
      assert.match(usage.stderr, /usage: cli\.ts backup \[--quiesced\] \[folder\] \| restore \[--quiesced\] <folder> \| verify <folder> \| quiesce \| resume/);
      // verify reads the manifest and checks every checksum, with no server needed.
      mkdirSync(join(folder, 'keycloak'));
      writeFileSync(join(folder, 'keycloak', 'keycloak.pgdump'), 'PGDMP');
      const manifest = {
        format: 1,
        createdAt: '2026-12-01T03:00:00.000Z',
        gitCommit: 'abc',
        databases: {},
        objects: { bucket: 'b', count: 0, totalBytes: 0 },
        keycloak: { included: true, source: 'pg_dump', files: ['keycloak.pgdump'] },
        files: { 'keycloak/keycloak.pgdump': '2ee6cdfb9e1dc3c19c7bdd86cdbea10cf1c8e2bc5ae5e3f59b4b2f1c93c9a3a9' },
      };
      writeFileSync(join(folder, 'manifest.json'), JSON.stringify(manifest));
      const damaged = spawnSync(process.execPath, [join(out, 'cli.js'), 'verify', folder], { encoding: 'utf8' });
      assert.equal(damaged.status, 1, damaged.stdout);
      assert.match(damaged.stderr, /keycloak\/keycloak\.pgdump does not match its checksum/);
      manifest.files['keycloak/keycloak.pgdump'] = createHash('sha256').update('PGDMP').digest('hex');
      writeFileSync(join(folder, 'manifest.json'), JSON.stringify(manifest));
      const verified = spawnSync(process.execPath, [join(out, 'cli.js'), 'verify', folder], { encoding: 'utf8' });
      assert.equal(verified.status, 0, verified.stderr);
      assert.match(verified.stdout, /1 file\(s\), every checksum verified/);
    } finally {
      rmSync(out, { recursive: true, force: true });
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
