/** Web addresses as the site prints them for readers. */

/**
 * An address as a reader reads it, like a browser's address bar: percent-encoded letters shown as
 * themselves, so Kwong Wah's `…/%e9%a9%ac%e4%b8%ad…` reads `…/马中…`. Escapes of reserved characters
 * (`%2F`) stay, since decoding them would change the address. Links keep the encoded form; an address
 * that does not decode is shown as it is.
 */
export function readableUrl(address: string): string {
  try {
    return decodeURI(address);
  } catch {
    return address;
  }
}
