/**
 * The language the interface and the content are written in: the pages' `lang`, the feeds' `<language>`, and
 * every date and number the site formats. Its own module, not the dictionary's, because the timeline's
 * browser script formats dates and must not carry every interface string with it.
 */
export const LOCALE = 'en-GB';
