/**
 * Scrolls each list that scrolls in its box to its first ticked value, which a shared link may have ticked
 * below the box's fold ("Travel and visas" is the ninth theme). Only the boxes scroll, not the page; a
 * list that does not scroll is left as it is.
 */
export function scrollToFirstTicked(lists: Iterable<HTMLElement>): void {
  for (const list of lists) {
    const row = list.querySelector('input:checked')?.closest('li');
    if (row) list.scrollTop += row.getBoundingClientRect().top - list.getBoundingClientRect().top;
  }
}
