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
    /** Load and compile synchronously with loaderSync: config() then returns the text function itself. */
    sync?: boolean;
    loaderSync?: (file: string) => Uint8Array;
  }
  type HyphenateText = (text: string) => string;
  const hyphenopoly: { config(c: HyphenopolyConfig): HyphenateText | Promise<HyphenateText> | Map<string, HyphenateText | Promise<HyphenateText>> };
  export default hyphenopoly;
}
