/**
 * HarfBuzz's WebAssembly (the harfbuzz.wasm that harfbuzzjs ships, the same build) instantiated here with the few
 * imports its C library needs, so that shaping reads the glyph infos and positions straight from its memory.
 * harfbuzzjs's Buffer API builds two objects per glyph and makes one call into WebAssembly per glyph for its flags;
 * the build shapes ≈ 4,000 texts (65,000 glyphs), where that glue cost about as much as a third of the shaping.
 * One instance per thread, made on first use: an engine like harfbuzzjs's own, holding no state of any report.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The parts of WebAssembly used here (the project's TypeScript libraries declare no WebAssembly types). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
const Wasm = (globalThis as unknown as {
  WebAssembly: { Module: new (bytes: Uint8Array) => object; Instance: new (module: object, imports: object) => { exports: unknown } };
}).WebAssembly;

/** The exports of harfbuzz.wasm this module calls (C signatures; pointers are byte offsets in `memory`). */
export interface HbExports {
  readonly memory: WasmMemory;
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_get_upem(face: number): number;
  hb_face_collect_unicodes(face: number, set: number): void;
  hb_font_create(face: number): number;
  hb_font_destroy(font: number): void;
  hb_font_get_glyph_h_advance(font: number, glyph: number): number;
  hb_buffer_create(): number;
  hb_buffer_destroy(buffer: number): void;
  hb_buffer_reset(buffer: number): void;
  hb_buffer_add_utf16(buffer: number, text: number, length: number, offset: number, itemLength: number): void;
  hb_buffer_guess_segment_properties(buffer: number): void;
  hb_buffer_get_length(buffer: number): number;
  hb_buffer_get_glyph_infos(buffer: number, length: number): number;
  hb_buffer_get_glyph_positions(buffer: number, length: number): number;
  hb_feature_from_string(str: number, length: number, feature: number): number;
  hb_shape(font: number, buffer: number, features: number, count: number): void;
  hb_set_create(): number;
  hb_set_destroy(set: number): void;
  hb_set_get_population(set: number): number;
  hb_set_next_many(set: number, codepoint: number, out: number, size: number): number;
}

let engine: HbExports | undefined;

/** The instance of this thread (compiled and started on first use, synchronously: lazy compilation keeps it short). */
export function harfBuzz(): HbExports {
  if (engine) return engine;
  const dir = dirname(createRequire(import.meta.url).resolve('harfbuzzjs'));
  const module = new Wasm.Module(readFileSync(join(dir, 'harfbuzz.wasm')));
  let memory: WasmMemory | undefined;
  const fail = (what: string) => () => {
    throw new Error(`HarfBuzz: ${what}`);
  };
  const env = {
    _abort_js: fail('abort'),
    _emscripten_runtime_keepalive_clear: () => undefined,
    _setitimer_js: () => 0,
    emscripten_resize_heap: (requested: number) => (growHeap(memory!, requested >>> 0) ? 1 : 0),
    proc_exit: fail('exit'),
  };
  const instance = new Wasm.Instance(module, { env, wasi_snapshot_preview1: env });
  const exports = instance.exports as unknown as HbExports & { __wasm_call_ctors(): void };
  memory = exports.memory;
  exports.__wasm_call_ctors();
  return (engine = exports);
}

/** Emscripten's growth policy (harfbuzz.js emscripten_resize_heap): 20 % headroom, at most 96 MiB more, 2 GiB cap. */
function growHeap(memory: WasmMemory, requested: number): boolean {
  const MAX = 2147483648;
  const old = memory.buffer.byteLength;
  if (requested > MAX) return false;
  for (let cutDown = 1; cutDown <= 4; cutDown *= 2) {
    const over = Math.min(old * (1 + 0.2 / cutDown), requested + 100663296);
    const size = Math.min(MAX, Math.ceil(Math.max(requested, over) / 65536) * 65536);
    try {
      memory.grow(((size - old + 65535) / 65536) | 0);
      return true;
    } catch {
      // try a smaller step
    }
  }
  return false;
}

/** What a shaper holds in HarfBuzz: its objects and the memory it allocated (the face's bytes, text, features). */
export interface HbHandles {
  readonly blob: number;
  readonly face: number;
  readonly font: number;
  readonly buffer: number;
  /** Allocations to free; a holder's array, so a shaper can replace one (its text buffer grows). */
  readonly allocations: number[];
}

// A report's fonts change in a watch session: the shapers of the old faces are dropped with their store, and their
// HarfBuzz objects and memory go with them (harfbuzzjs frees its own objects the same way).
const registry = new FinalizationRegistry<HbHandles>((h) => {
  const x = engine!;
  x.hb_buffer_destroy(h.buffer);
  x.hb_font_destroy(h.font);
  x.hb_face_destroy(h.face);
  x.hb_blob_destroy(h.blob);
  for (const ptr of h.allocations) if (ptr) x.free(ptr);
});

/** Frees `handles` once `owner` has been garbage-collected. */
export function freeWhenCollected(owner: object, handles: HbHandles): void {
  registry.register(owner, handles);
}

/** 16- and 32-bit views of HarfBuzz's whole memory, made again only when the memory has grown (its buffer changes). */
export interface HbViews {
  readonly u16: Uint16Array;
  readonly u32: Uint32Array;
  readonly i32: Int32Array;
}

let views: (HbViews & { readonly buffer: ArrayBuffer }) | undefined;

export function memoryViews(hb: HbExports): HbViews {
  const buffer = hb.memory.buffer;
  if (views?.buffer !== buffer) views = { buffer, u16: new Uint16Array(buffer), u32: new Uint32Array(buffer), i32: new Int32Array(buffer) };
  return views;
}

/** A NUL-terminated ASCII string in HarfBuzz's memory (free it). */
export function asciiPtr(hb: HbExports, text: string): number {
  const ptr = hb.malloc(text.length + 1);
  const bytes = new Uint8Array(hb.memory.buffer, ptr, text.length + 1);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0x7f;
  bytes[text.length] = 0;
  return ptr;
}
