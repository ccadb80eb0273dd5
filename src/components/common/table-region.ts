/** Puts a table's region in the Tab order while its table is wider than it, and takes it out otherwise. */
function fitTabStop(region: HTMLElement): void {
  if (region.scrollWidth > region.clientWidth) region.tabIndex = 0;
  else region.removeAttribute('tabindex');
}

/**
 * Keeps each region's tab stop in step with its table, as the window is resized or zoomed (the region's
 * width changes) or the table's content grows (its width changes).
 */
export function watchTableRegions(regions: Iterable<HTMLElement>): void {
  const observer = new ResizeObserver((entries) => {
    for (const { target } of entries) {
      const region = target.closest<HTMLElement>('[data-table-region]');
      if (region) fitTabStop(region);
    }
  });
  for (const region of regions) {
    // Now, not at the observer's first call a frame later, so the first Tab already skips a fitting table.
    fitTabStop(region);
    observer.observe(region);
    if (region.firstElementChild) observer.observe(region.firstElementChild);
  }
}
