/**
 * Escape hides a type badge's tooltip (its legal weight, drawn by CSS from data-weight) without the reader
 * moving focus or the pointer, as WCAG 1.4.13 asks of content that covers other content; the tooltip shows
 * again the next time the badge is focused or hovered. One listener each for the whole page, however many
 * badges it holds (a timeline has thousands).
 */
const BADGE = '.badge[data-weight]';

document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return;
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const badges = [...document.querySelectorAll<HTMLElement>(`${BADGE}:hover`)];
  if (focused?.matches(BADGE)) badges.push(focused);
  for (const badge of badges) badge.dataset['tipHidden'] = '';
});

/** Shows the tooltip again once the badge has neither the pointer nor the focus. */
const reset = (event: Event) => {
  const badge = event.target;
  if (!(badge instanceof HTMLElement) || !badge.matches(BADGE)) return;
  if (badge.matches(event.type === 'mouseout' ? ':focus' : ':hover')) return;
  delete badge.dataset['tipHidden'];
};
document.addEventListener('focusout', reset);
document.addEventListener('mouseout', reset);
