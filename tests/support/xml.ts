/** Well-formedness of XML the build writes (feeds, sitemaps), checked by a strict, conforming parser. */
import { SaxesParser } from 'saxes';

/** The first well-formedness error of `xml`, or undefined when it is well-formed XML 1.0 with namespaces. */
export function xmlError(xml: string): string | undefined {
  const parser = new SaxesParser({ xmlns: true });
  let error: string | undefined;
  parser.on('error', (e) => {
    error ??= e.message;
  });
  parser.write(xml).close();
  return error;
}
