/**
 * The 'post' table header fields a PDF font descriptor needs (ItalicAngle, the FixedPitch flag), read from the font
 * file's bytes through fontkit's table directory. fontkit 2.0.4 (pinned) is written against: `stream.buffer`,
 * `directory.tables`. test/pdf/postHeader.test.ts compares it with fontkit's own decoding for every bundled face.
 */

/** What is read of a fontkit font: its decoded fields as the fallback. */
export interface PostSource {
  readonly italicAngle: number;
  readonly post: { readonly isFixedPitch: number | boolean };
}

/** fontkit's raw font (1.x/2.x TTFFont): its bytes and table directory. */
interface RawFont {
  readonly stream?: { readonly buffer?: Uint8Array };
  readonly directory?: { readonly tables?: Record<string, { readonly offset: number; readonly length: number } | undefined> };
}

/**
 * The two fields of the 'post' table's header the font dictionary needs, read from the font's bytes: fontkit's
 * `post` decodes the whole table with every glyph name (≈ 10 ms a face), although only these are used. Falls back
 * to fontkit when its internals are not as expected.
 */
export function postHeader(f: PostSource): { italicAngle: number; isFixedPitch: boolean } {
  const raw = f as unknown as RawFont;
  const buf = raw.stream?.buffer;
  const post = raw.directory?.tables?.post;
  if (!buf || !post || post.length < 16 || post.offset + 16 > buf.length) return { italicAngle: f.italicAngle, isFixedPitch: !!f.post.isFixedPitch };
  const dv = new DataView(buf.buffer, buf.byteOffset + post.offset, 16);
  // version (Fixed), italicAngle (Fixed 16.16, as restructure's fixed32 decodes it), underline position and
  // thickness (int16 each), isFixedPitch (uint32)
  return { italicAngle: dv.getInt32(4) / 65536, isFixedPitch: dv.getUint32(12) !== 0 };
}

