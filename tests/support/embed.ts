/**
 * What the embed's heading says it counts, as a reader reads it: whose documents they are, since the page
 * framing the embed may not say. Written out here, not taken from the dictionary, so a change of wording is a
 * change the tests notice.
 */
export const EMBED_DOCUMENTS = 'Malaysia–China cooperation documents';
