/**
 * The one inline script: applies a saved colour-scheme choice before first paint (see color-scheme.ts).
 * Kept as a string so astro.config.mjs can put its exact hash in the CSP; Astro does not hash inline scripts.
 */
export const COLOR_SCHEME_INIT =
  "try{var s=localStorage.getItem('color-scheme');if(s==='light'||s==='dark')document.documentElement.dataset.colorScheme=s}catch(e){}";
