import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checksums, readVerifiedManifest, writeManifest, type Manifest } from '../../scripts/backup/manifest.js';
import { parseServices } from '../../scripts/backup/targets.js';

/** A restore must refuse a damaged backup before it changes anything (ADR 0017). */

describe('backup manifest: checksums of every file, checked before a restore', () => {
  let folder: string;

  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'eventonight-manifest-'));
    await mkdir(join(folder, 'databases', 'user'), { recursive: true });
    await writeFile(join(folder, 'databases', 'user', 'profiles.ejsonl'), '{"_id":"a"}\n');
    await writeFile(join(folder, 'databases', 'user', 'profiles.indexes.json'), '[]\n');
    const manifest: Manifest = {
      format: 1,
      createdAt: new Date().toISOString(),
      gitCommit: 'test',
      databases: { eventonight_user: { service: 'user', collections: { profiles: 1 } } },
      objects: { bucket: 'b', count: 0, totalBytes: 0 },
      keycloak: { included: false, reason: 'test' },
      files: await checksums(folder),
    };
    await writeManifest(folder, manifest);
  });

  after(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('an intact folder passes and its manifest lists every file but itself', async () => {
    const manifest = await readVerifiedManifest(folder);
    assert.deepEqual(Object.keys(manifest.files).sort(), ['databases/user/profiles.ejsonl', 'databases/user/profiles.indexes.json']);
  });

  it('a changed, an extra or a missing file is refused, naming it', async () => {
    const data = join(folder, 'databases', 'user', 'profiles.ejsonl');
    await writeFile(data, '{"_id":"b"}\n');
    await assert.rejects(readVerifiedManifest(folder), /profiles\.ejsonl does not match its checksum/);
    await writeFile(data, '{"_id":"a"}\n');
    await writeFile(join(folder, 'stray.txt'), 'x');
    await assert.rejects(readVerifiedManifest(folder), /stray\.txt is not in the manifest/);
    await unlink(join(folder, 'stray.txt'));
    await unlink(join(folder, 'databases', 'user', 'profiles.indexes.json'));
    await assert.rejects(readVerifiedManifest(folder), /profiles\.indexes\.json is missing/);
  });

  it('a folder without a manifest is not a backup', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'eventonight-manifest-'));
    try {
      await assert.rejects(readVerifiedManifest(empty), /not a backup folder/);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});

describe('backup targets: BACKUP_SERVICES entries', () => {
  it('reads name=opsUrl=database entries', () => {
    assert.deepEqual(parseServices('user=http://127.0.0.1:4001=eventonight_user  event=http://127.0.0.1:4002/=eventonight_event'), [
      { name: 'user', opsUrl: 'http://127.0.0.1:4001', database: 'eventonight_user' },
      { name: 'event', opsUrl: 'http://127.0.0.1:4002', database: 'eventonight_event' },
    ]);
  });

  it('refuses a malformed entry or none', () => {
    assert.throws(() => parseServices('user=http://127.0.0.1:4001'), /not name=opsUrl=database/);
    assert.throws(() => parseServices('user=4001=db'), /"4001" is not a URL/);
    assert.throws(() => parseServices('  '), /names no service/);
  });
});
