/**
 * What every generated file says about itself: the dataset's version and the moment of the build.
 * Read once per build, so the footer, the downloads and the feeds agree to the second.
 */
import pkg from '../../package.json' with { type: 'json' };

/** When this build ran, as an ISO timestamp (UTC). */
export const BUILT_AT = new Date().toISOString();

/** The day of the build, YYYY-MM-DD (UTC). */
export const BUILT_ON = BUILT_AT.slice(0, 10);

/** The project's version, which is the dataset's version. */
export const VERSION: string = pkg.version;

/** The licence of the data and text, as an SPDX id and a link. */
export const LICENCE = {
  id: 'CC-BY-4.0',
  name: 'Creative Commons Attribution 4.0 International',
  url: 'https://creativecommons.org/licenses/by/4.0/',
} as const;
