/**
 * Whether "/" outside a field moves focus to the header's search box. A single-key shortcut can be set
 * off by a stray key or by speech input, so a reader can turn it off on /about/ (WCAG 2.1.4); the choice
 * is kept in this browser.
 */
const KEY = 'search-shortcut';

/** True unless the reader has turned the shortcut off (or storage cannot be read: the default holds). */
export function shortcutOn(): boolean {
  try {
    return localStorage.getItem(KEY) !== 'off';
  } catch {
    return true;
  }
}

/** Saves the reader's choice; with storage off (private mode), it lasts for this page only. */
export function setShortcut(on: boolean): void {
  try {
    if (on) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, 'off');
  } catch {
    // Nothing to keep it in; the checkbox still shows the choice.
  }
}
