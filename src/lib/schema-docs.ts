/**
 * Field descriptions for the data downloads, read from the JSDoc lines of `src/lib/schema.ts`, so the
 * schemas and the /data/ page explain each field in the words its maintainers wrote, never a second copy.
 */
import ts from 'typescript';

/** The fields of one `z.object({…})` in the source: field name to its JSDoc text (undefined if none). */
export type ObjectDocs = Map<string, string | undefined>;

/** A JSON Schema node, as far as describing it needs. */
export interface JsonSchemaNode {
  type?: string;
  description?: string;
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
  anyOf?: JsonSchemaNode[];
  [keyword: string]: unknown;
}

/** The JSDoc text just before `node`, on one line, or undefined when there is none. */
function jsDocBefore(text: string, node: ts.Node): string | undefined {
  const comment = (ts.getLeadingCommentRanges(text, node.getFullStart()) ?? [])
    .map((range) => text.slice(range.pos, range.end))
    .findLast((c) => c.startsWith('/**'));
  if (comment === undefined) return undefined;
  return comment
    .replace(/^\/\*\*|\*\/$/g, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\*?\s?/, '').trim())
    .filter((line) => line !== '')
    .join(' ')
    .replaceAll('`', ''); // Code marks are for editors; the descriptions are read as plain text.
}

/** Every `z.object({…})` literal of a TypeScript source, with the JSDoc of each of its fields. */
export function objectDocs(source: string): ObjectDocs[] {
  const file = ts.createSourceFile('schema.ts', source, ts.ScriptTarget.Latest, true);
  const found: ObjectDocs[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === 'object' &&
      node.arguments[0] !== undefined &&
      ts.isObjectLiteralExpression(node.arguments[0])
    ) {
      const docs: ObjectDocs = new Map();
      for (const property of node.arguments[0].properties) {
        // `confidence,` (shorthand) as well as `title: text('title'),`.
        if (!(ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property))) continue;
        if (!ts.isIdentifier(property.name)) continue;
        docs.set(property.name.text, jsDocBefore(source, property));
      }
      found.push(docs);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/**
 * A copy of a JSON Schema in which every property of every object carries a `description`, taken from
 * the object literal of `schema.ts` with the same fields. Properties the export adds must bring their
 * own description; a field with no JSDoc line, or two equally good literals, is an error, so the
 * downloads never ship an unexplained field. A property's own description (such as "An id in actors.")
 * follows the JSDoc text.
 */
export function describedSchema<T extends JsonSchemaNode>(schema: T, docs: ObjectDocs[]): T {
  // A copy, because a JSON Schema generator may share one node between the places a schema is reused.
  const copy = structuredClone(schema);
  describe(copy, docs, '(root)');
  return copy;
}

function describe(schema: JsonSchemaNode, docs: ObjectDocs[], path: string): void {
  const properties = schema.properties ?? {};
  const keys = Object.keys(properties);
  const undescribed = keys.filter((key) => !properties[key]?.description);
  if (undescribed.length > 0) {
    // The literal behind this object: its fields all appear here, and it documents the undescribed ones.
    const candidates = docs.filter(
      (d) => [...d.keys()].every((k) => keys.includes(k)) && undescribed.every((k) => d.get(k) !== undefined),
    );
    const largest = Math.max(0, ...candidates.map((d) => d.size));
    const best = candidates.filter((d) => d.size === largest);
    if (best.length > 1) throw new Error(`${path}: fields ${keys.join(', ')} match more than one documented object`);
    if (best.length === 0) {
      // Name only the fields the nearest literal leaves undocumented, so the message points at the gap.
      const nearest = docs
        .filter((d) => [...d.keys()].every((k) => keys.includes(k)))
        .sort((a, b) => b.size - a.size)[0];
      const missing = undescribed.filter((k) => nearest?.get(k) === undefined);
      throw new Error(`${path}: no JSDoc line in the schema for ${missing.map((k) => `"${k}"`).join(', ')}`);
    }
    for (const [key, doc] of best[0] ?? []) {
      const property = properties[key];
      if (property && doc !== undefined) {
        property.description = property.description ? `${doc} ${property.description}` : doc;
      }
    }
  }
  for (const [key, property] of Object.entries(properties)) describe(property, docs, `${path}.${key}`);
  if (schema.items) describe(schema.items, docs, `${path}[]`);
  for (const option of schema.anyOf ?? []) describe(option, docs, path);
}

/** One row of a field table: a field's dotted path (`sources[].source`), its schema, and whether it is always present. */
export interface FieldRow {
  path: string;
  schema: JsonSchemaNode;
  required: boolean;
}

/** Every field of an object schema, depth first, for a table that explains each one. */
export function fieldRows(schema: JsonSchemaNode, prefix = ''): FieldRow[] {
  const required = Array.isArray(schema['required']) ? (schema['required'] as string[]) : [];
  return Object.entries(schema.properties ?? {}).flatMap(([key, property]) => {
    const path = `${prefix}${key}`;
    const nested = property.type === 'array' ? property.items : property;
    return [
      { path, schema: property, required: required.includes(key) },
      ...(nested?.type === 'object' ? fieldRows(nested, property.type === 'array' ? `${path}[].` : `${path}.`) : []),
    ];
  });
}
