/** Minimal typing of hyphenopoly 5.2.0's node module (it ships no types); only what hyphenate.ts uses. */
declare module 'hyphenopoly' {
  interface HyphenopolyConfig {
    require: string[];
    hyphen?: string;
    leftmin?: number;
    rightmin?: number;
    minWordLength?: number;
    exceptions?: Record<string, string>;
    loader?: (file: string) => Promise<Uint8Array>;
  }
  const hyphenopoly: { config(c: HyphenopolyConfig): Promise<(text: string) => string> | Map<string, Promise<(text: string) => string>> };
  export default hyphenopoly;
}
