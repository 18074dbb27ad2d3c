/**
 * The Dockerfile's base images, read from the file (compose.test.ts checks the compose file's own
 * images): every stage starts from an exact version, the services run the Node that tests run
 * (infra/env.sh), and the web app's nginx is on a stable (even-numbered) line.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');

/** Each stage's base image with the Dockerfile's ARG defaults filled in. */
function baseImages(): string[] {
  const args = new Map([...dockerfile.matchAll(/^ARG (\w+)=(\S+)$/gm)].map((m) => [m[1]!, m[2]!]));
  return [...dockerfile.matchAll(/^FROM (\S+)/gm)].map((m) => m[1]!.replace(/\$\{(\w+)\}/g, (_whole, name: string) => args.get(name) ?? `<unset ${name}>`));
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
