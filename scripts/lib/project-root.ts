/** The project's folder, where package.json is. */
export const projectRoot = new URL('../../', import.meta.url).pathname;
