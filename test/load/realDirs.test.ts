/**
 * One load's real folders (load/readSources.ts realDirOf, realFileOf): with a load's map, a file's real path is
 * its folder's (resolved once per load) and its name, so reading stays inside the content folder exactly as when
 * every path is resolved whole: a folder or a file that is a symbolic link out of the folder is refused, one that
 * stays inside is read. The oracle is the read without the map (realpath(3) of the whole path).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTextInside } from '../../src/load/readSources.ts';

/** The read with a fresh load's map and without one: text and error code. */
async function both(root: string, path: string, dirs = new Map<string, string>()) {
  const withDirs = await readTextInside(root, path, undefined, Infinity, undefined, dirs);
  const whole = await readTextInside(root, path);
  return { withDirs: [withDirs.text, withDirs.error?.code], whole: [whole.text, whole.error?.code] };
}

describe('real folders per load', () => {
  const outside = mkdtempSync(join(tmpdir(), 'rp-outside-'));
  writeFileSync(join(outside, 'secret.yaml'), 'title: Geheim\n');

  it('reads a file inside, also through a folder link that stays inside, keeping each folder once', async () => {
    const root = mkdtempSync(join(tmpdir(), 'rp-dirs-'));
    mkdirSync(join(root, 'sections'));
    writeFileSync(join(root, 'sections', 'a.yaml'), 'title: Een\n');
    writeFileSync(join(root, 'sections', 'b.yaml'), 'title: Twee\n');
    symlinkSync(join(root, 'sections'), join(root, 'alias'));
    const dirs = new Map<string, string>();
    for (const p of ['sections/a.yaml', 'sections/b.yaml', 'alias/a.yaml']) {
      const r = await both(root, p, dirs);
      expect(r.withDirs, p).toEqual(r.whole);
      expect(r.withDirs[0], p).toMatch(/^title: /);
    }
    // the root, sections/ and alias/ (resolved to sections/): one entry per folder read from
    expect([...dirs.keys()].sort()).toEqual([root, join(root, 'alias'), join(root, 'sections')].sort());
  });

  it('refuses a folder link and a file link out of the content folder, as a whole-path read does', async () => {
    const root = mkdtempSync(join(tmpdir(), 'rp-dirs-'));
    symlinkSync(outside, join(root, 'sections'));
    mkdirSync(join(root, 'own'));
    symlinkSync(join(outside, 'secret.yaml'), join(root, 'own', 'link.yaml'));
    for (const p of ['sections/secret.yaml', 'own/link.yaml']) {
      const r = await both(root, p);
      expect(r.withDirs, p).toEqual(r.whole);
      expect(r.withDirs[0], p).toBeUndefined();
      expect(r.withDirs[1], p).toBeDefined();
    }
    // a missing file and a missing folder: the same error as a whole-path read
    for (const p of ['own/none.yaml', 'none/a.yaml']) {
      const r = await both(root, p);
      expect(r.withDirs, p).toEqual(r.whole);
    }
  });

  it('a folder replaced by a link out between two loads is seen by the next load (its own map)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'rp-dirs-'));
    mkdirSync(join(root, 'sections'));
    writeFileSync(join(root, 'sections', 'secret.yaml'), 'title: Eigen\n');
    expect((await readTextInside(root, 'sections/secret.yaml', undefined, Infinity, undefined, new Map())).text).toBe('title: Eigen\n');
    renameSync(join(root, 'sections'), join(root, 'old'));
    symlinkSync(outside, join(root, 'sections'));
    const next = await readTextInside(root, 'sections/secret.yaml', undefined, Infinity, undefined, new Map());
    expect(next.text).toBeUndefined();
    expect(next.error).toBeDefined();
  });

  it('a file opened directly (no lstat) and one that is a link, dangling, a folder or a pipe read as a whole-path read does', async () => {
    const root = mkdtempSync(join(tmpdir(), 'rp-dirs-'));
    mkdirSync(join(root, 'sections'));
    writeFileSync(join(root, 'sections', 'a.yaml'), 'title: Een\n');
    symlinkSync(join(root, 'sections', 'a.yaml'), join(root, 'sections', 'link.yaml'));
    symlinkSync(join(root, 'sections', 'gone.yaml'), join(root, 'sections', 'dangling.yaml'));
    mkdirSync(join(root, 'sections', 'dir.yaml'));
    execFileSync('mkfifo', [join(root, 'sections', 'pipe.yaml')]);
    const dirs = new Map<string, string>();
    for (const p of ['sections/a.yaml', 'sections/link.yaml', 'sections/dangling.yaml', 'sections/dir.yaml', 'sections/pipe.yaml']) {
      const r = await both(root, p, dirs);
      expect(r.withDirs, p).toEqual(r.whole);
    }
    expect((await both(root, 'sections/link.yaml', dirs)).withDirs[0]).toBe('title: Een\n');
  });
});
