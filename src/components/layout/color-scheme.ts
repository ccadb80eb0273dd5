/**
 * The dark-mode toggle: follows the system until the reader presses it, then remembers the choice
 * (localStorage) across pages and visits. The saved choice is applied before first paint by the
 * small inline script in BaseLayout, so pages never flash the wrong scheme.
 */
const KEY = 'color-scheme';

function effectiveScheme(): 'light' | 'dark' {
  const chosen = document.documentElement.dataset['colorScheme'];
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-scheme-toggle]')) {
  const show = () => button.setAttribute('aria-pressed', String(effectiveScheme() === 'dark'));
  show();
  button.addEventListener('click', () => {
    const next = effectiveScheme() === 'dark' ? 'light' : 'dark';
    document.documentElement.dataset['colorScheme'] = next;
    try {
      localStorage.setItem(KEY, next);
    } catch {
      // Storage may be off (private mode); the choice then lasts for this page only.
    }
    show();
  });
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', show);
}
