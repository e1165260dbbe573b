/** An image ready to place: PNG bytes and its height/width ratio. */
export interface PreparedImage {
  readonly png: Uint8Array;
  readonly aspect: number;
}
