/**
 * What every generated file says about itself: the dataset's version and the moment of the build.
 * Read once per build, so the footer, the downloads and the feeds agree to the second.
 */
import pkg from '../../package.json' with { type: 'json' };

/** The address a build names when SITE_URL is not set: a reserved example domain, so it reaches no one. */
export const PLACEHOLDER_SITE_URL = 'https://malaysia-china-tracker.example.org';

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

/**
 * The project's repository from a build setting, where readers send corrections: `undefined` when the
 * setting is empty; an error naming the setting and its value when it is not an https:// address, so a
 * typo fails the build rather than publishing a broken link.
 */
export function repositoryUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let parsed: URL | undefined;
  try {
    parsed = new URL(value);
  } catch {
    parsed = undefined;
  }
  if (parsed?.protocol !== 'https:') {
    throw new Error(
      `REPOSITORY_URL must be an https:// address, such as https://github.com/owner/name; it is "${value}"`,
    );
  }
  return parsed.href;
}

/** Where readers send corrections (REPOSITORY_URL, set when building, as SITE_URL is). */
export const REPOSITORY_URL = repositoryUrl(process.env['REPOSITORY_URL']);
