/** Where the content lives: the project's `content/`, or a fixture's folder in the build tests (CONTENT_DIR). */
export const CONTENT_DIR = process.env['CONTENT_DIR'] ?? './content';
