/** A URL as printed for a reader to type off paper: no scheme, no "www.", no trailing slash. */
export function printedUrl(url: string): string {
  return url.replace(/^https?:\/\//i, '').replace(/^www\./i, '').replace(/\/$/, '');
}
