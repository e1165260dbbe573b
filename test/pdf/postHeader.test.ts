/**
 * The 'post' header read from a font's bytes (pdf/postHeader.ts) against fontkit's own decoding of the whole
 * table, for every bundled face and every face the templates ship (italic faces included: a non-zero angle).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, test } from 'vitest';
import { FONTS_DIR, PACKAGE_ROOT } from '../../src/paths.ts';
import { postHeader, type PostSource } from '../../src/pdf/postHeader.ts';

const templates = join(PACKAGE_ROOT, 'templates');
const faces = [
  ...readdirSync(FONTS_DIR).map((f) => join(FONTS_DIR, f)),
  ...(existsSync(templates) ? readdirSync(templates, { recursive: true, encoding: 'utf8' }).map((f) => join(templates, f)) : []),
].filter((f) => /\.(ttf|otf)$/i.test(f));

describe('post table header from the font bytes', () => {
  test('there are faces to check, italic ones among them', () => {
    expect(faces.length).toBeGreaterThan(5);
    expect(faces.some((f) => /italic/i.test(f))).toBe(true);
  });

  test.each(faces)('%s: italic angle and fixed pitch as fontkit decodes them', (file) => {
    const font = fontkit.create(readFileSync(file)) as unknown as PostSource;
    const fast = postHeader(font);
    expect(fast.italicAngle).toBe(font.italicAngle);
    expect(fast.isFixedPitch).toBe(!!font.post.isFixedPitch);
  });

  test('falls back to fontkit when its internals are missing', () => {
    expect(postHeader({ italicAngle: -12, post: { isFixedPitch: 1 } })).toEqual({ italicAngle: -12, isFixedPitch: true });
  });
});
