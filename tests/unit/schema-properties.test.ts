/**
 * Property-based tests (fast-check) of the content schemas and the integrity checks, complementing the examples in
 * schema.test.ts and integrity.test.ts:
 * - generated valid entries of every collection are accepted, and parse to what they say;
 * - single-field corruptions are rejected, with issues at the corrupted field's path and nowhere else;
 * - safeParse only ever returns a result, whatever it is given;
 * - generated consistent records have no integrity problems, and one broken reference, one uncited source or one
 *   agreement dated outside its event is reported as exactly that problem.
 * Dates and spans are computed here with their own calendar arithmetic, not with src/lib/dates.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { PRECISIONS, type PartialDate, type Precision } from '../../src/lib/dates';
import { collectRefs, findProblems, type CheckedEntry, type Ref } from '../../src/lib/integrity';
import {
  ACTOR_KINDS,
  CONFIDENCE_LEVELS,
  COUNTRIES,
  DOCUMENT_TYPES,
  EVENT_KINDS,
  isoDay,
  partialDate,
  SOURCE_KINDS,
  STATUSES,
  UPDATE_KINDS,
} from '../../src/lib/schema';
import { schemas, validAgreement, validSource } from '../support/schemas';

const RUNS = { numRuns: 1000 };

// ---------------------------------------------------------------------------------------------------------------
// Calendar arithmetic of our own, so the properties do not check dates.ts against itself.

const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function monthLength(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A date written with exactly the parts its precision calls for. */
function written(y: number, m: number, d: number, precision: Precision): string {
  if (precision === 'year') return pad(y, 4);
  if (precision === 'month') return `${pad(y, 4)}-${pad(m)}`;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** First ISO day a partial date stands for. */
function firstDay(date: PartialDate): string {
  if (date.precision === 'year') return `${date.value}-01-01`;
  return date.precision === 'month' ? `${date.value}-01` : date.value;
}

/** Last ISO day a partial date stands for. */
function lastDay(date: PartialDate): string {
  if (date.precision === 'year') return `${date.value}-12-31`;
  if (date.precision === 'day') return date.value;
  return `${date.value}-${pad(monthLength(Number(date.value.slice(0, 4)), Number(date.value.slice(5, 7))))}`;
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;

/** The partial date, at the given precision, of the day with the given number. */
function dateOn(n: number, precision: Precision): PartialDate {
  const t = new Date(n * DAY_MS);
  return { value: written(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate(), precision), precision };
}

const FIRST_DAY = dayNumber('1900-01-01');
const LAST_DAY = dayNumber('2100-12-31');

// ---------------------------------------------------------------------------------------------------------------
// Valid values.

const precisionArb = fc.constantFrom(...PRECISIONS);
/** A real calendar day in the schema's 1900–2100 range (29 February only in leap years). */
const dayArb = fc
  .record({
    y: fc.integer({ min: 1900, max: 2100 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ y, m, d }) => ({ y, m, d: Math.min(d, monthLength(y, m)) }));
const partialDateArb: fc.Arbitrary<PartialDate> = fc
  .tuple(dayArb, precisionArb)
  .map(([{ y, m, d }, precision]) => ({ value: written(y, m, d, precision), precision }));
const isoDayArb = dayArb.map(({ y, m, d }) => written(y, m, d, 'day'));
/** A start and an end that does not end before the start begins. */
const orderedSpanArb = fc
  .tuple(partialDateArb, partialDateArb)
  .map(([a, b]) => (lastDay(b) >= firstDay(a) ? { start: a, end: b } : { start: b, end: a }));

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Lower-case words of at most 8 characters joined by hyphens. */
const idArb = fc.array(fc.stringMatching(/^[a-z0-9]{1,8}$/), { minLength: 1, maxLength: 4 }).map((w) => w.join('-'));
/** Whitespace that String.prototype.trim removes, ASCII and not. */
const WHITESPACE = [' ', '\t', '\n', '\r', '\u00a0', '\u2003', '\u3000', '\ufeff'];
const blankArb = fc.array(fc.constantFrom(...WHITESPACE), { maxLength: 4 }).map((c) => c.join(''));
/** Non-blank text in any script, sometimes padded with whitespace (which the schema trims). */
const textArb = fc
  .tuple(blankArb, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 24 }), blankArb)
  .filter(([, core]) => core.trim() !== '')
  .map(([before, core, after]) => before + core + after);
const textsArb = fc.array(textArb, { maxLength: 3 });
const idsArb = (minLength = 0) => fc.array(idArb, { minLength, maxLength: 3 });
const httpsUrlArb = fc.webUrl({ validSchemes: ['https'], withQueryParameters: true, withFragments: true });
const LANGUAGE_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/;
const languageArb = fc.stringMatching(/^[a-z]{2,3}(-[A-Za-z0-9]{1,8}){0,2}$/);

const citationArb = fc.record(
  { source: idArb, supports: textArb, locator: textArb, quote: textArb },
  { requiredKeys: ['source'] },
);
const citationsArb = fc.array(citationArb, { minLength: 1, maxLength: 3 });
const confidenceArb = fc.record(
  { level: fc.constantFrom(...CONFIDENCE_LEVELS), note: textArb },
  { requiredKeys: ['level'] },
);

const updateArb = fc.record({ date: isoDayArb, kind: fc.constantFrom(...UPDATE_KINDS), note: textArb });
/** Valid updates: the schema wants them oldest first. */
const updatesArb = fc
  .array(updateArb, { maxLength: 3 })
  .map((list) => [...list].sort((a, b) => a.date.localeCompare(b.date)));
/** Updates of one day, so that a corrupted one's neighbours are never out of order with it. */
const sameDayUpdateArb = updateArb.map((u) => ({ ...u, date: '2026-01-01' }));

const agreementArb = fc.record(
  {
    title: textArb,
    shortTitle: textArb,
    type: fc.constantFrom(...DOCUMENT_TYPES),
    date: partialDateArb,
    event: idArb,
    malaysianParties: idsArb(1),
    chineseParties: idsArb(),
    signatories: idsArb(),
    themes: idsArb(1),
    status: fc.record(
      { value: fc.constantFrom(...STATUSES), checked: isoDayArb, note: textArb },
      { requiredKeys: ['value', 'checked'] },
    ),
    summary: textArb,
    confidence: confidenceArb,
    unknowns: textsArb,
    sources: citationsArb,
    related: idsArb(),
    aliases: textsArb,
    lastReviewed: isoDayArb,
    added: isoDayArb,
    updates: updatesArb,
  },
  {
    requiredKeys: [
      'title',
      'shortTitle',
      'type',
      'date',
      'malaysianParties',
      'chineseParties',
      'themes',
      'status',
      'summary',
      'confidence',
      'sources',
      'lastReviewed',
      'added',
    ],
  },
);

const eventArb = fc
  .tuple(
    fc.record(
      {
        title: textArb,
        kind: fc.constantFrom(...EVENT_KINDS),
        place: textArb,
        documentsReported: fc.record({ count: fc.nat(), note: textArb }, { requiredKeys: ['count'] }),
        summary: textArb,
        sources: citationsArb,
      },
      { requiredKeys: ['title', 'kind', 'summary', 'sources'] },
    ),
    orderedSpanArb,
    fc.boolean(),
  )
  .map(([rest, { start, end }, oneDay]) => (oneDay ? { ...rest, start } : { ...rest, start, end }));

const sourceArb = fc.record(
  {
    id: idArb,
    title: textArb,
    publisher: textArb,
    published: partialDateArb,
    url: httpsUrlArb,
    kind: fc.constantFrom(...SOURCE_KINDS),
    language: languageArb,
    note: textArb,
  },
  { requiredKeys: ['id', 'publisher', 'url', 'kind'] },
);

const themeArb = fc.record(
  {
    title: textArb,
    summary: textArb,
    order: fc.nat(),
    aliases: textsArb,
    sources: fc.array(citationArb, { maxLength: 3 }),
  },
  { requiredKeys: ['title', 'summary', 'order'] },
);

// Every body and person cites at least one source for what its entry says.
const actorArb = fc.record(
  {
    id: idArb,
    name: textArb,
    abbreviation: textArb,
    country: fc.constantFrom(...COUNTRIES),
    kind: fc.constantFrom(...ACTOR_KINDS),
    role: textArb,
    memberOf: idArb,
    aliases: textsArb,
    description: textArb,
    sources: citationsArb,
  },
  { requiredKeys: ['id', 'name', 'country', 'kind', 'sources'] },
);

const figureArb = fc.record(
  {
    id: idArb,
    label: textArb,
    value: fc.double({ noNaN: true, noDefaultInfinity: true }),
    unit: textArb,
    year: fc.integer({ min: 1900, max: 2100 }),
    derived: fc.boolean(),
    confidence: confidenceArb,
    sources: citationsArb,
  },
  { requiredKeys: ['id', 'label', 'value', 'unit', 'year', 'confidence', 'sources'] },
);

// ---------------------------------------------------------------------------------------------------------------
// Invalid values, each invalid for the field it is put in whatever the rest of the entry holds.

/** Put in place of a field to delete it. */
const MISSING = Symbol('missing');

const missingArb = fc.constant(MISSING);
const notStringArb = fc.anything().filter((v) => v !== undefined && typeof v !== 'string');
const notNumberArb = fc.oneof(
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
  fc.anything().filter((v) => v !== undefined && typeof v !== 'number'),
);
const notObjectArb = fc
  .anything()
  .filter((v) => v !== undefined && (v === null || typeof v !== 'object' || Array.isArray(v)));
const notArrayArb = fc.anything().filter((v) => v !== undefined && !Array.isArray(v));
const badRequiredTextArb = fc.oneof(blankArb, notStringArb, missingArb);
const badOptionalTextArb = fc.oneof(blankArb, notStringArb);

/** Anything but one of the given values: other strings, near misses in case or spacing, other types, nothing. */
function badEnumArb(values: readonly string[]) {
  return fc.oneof(
    fc.string().filter((s) => !values.includes(s)),
    fc.constantFrom(...values).map((v) => (v.toUpperCase() === v ? v.toLowerCase() : v.toUpperCase())),
    fc.constantFrom(...values).map((v) => ` ${v}`),
    notStringArb,
    missingArb,
  );
}

const badIdArb = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }).filter((s) => !ID_PATTERN.test(s)),
  idArb.map((id) => `-${id}`),
  idArb.map((id) => `${id}-`),
  fc.tuple(idArb, idArb).map(([a, b]) => `${a}--${b}`),
  fc.tuple(idArb, fc.constantFrom(' ', '_', '.', '/', 'A', 'é', '中')).map(([id, c]) => `${id}${c}x`),
  notStringArb,
  missingArb,
);

/** Dates written to the right shape that are not on the calendar of 1900–2100. */
const impossibleDateArb: fc.Arbitrary<PartialDate> = fc.oneof(
  // A day past the end of its month, or day 00.
  fc
    .tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 99 }))
    .filter(([y, m, d]) => d === 0 || d > monthLength(y, m))
    .map(([y, m, d]) => ({ value: written(y, m, d, 'day'), precision: 'day' as const })),
  // 29 February of a common year (1900 and 2100 among them).
  fc
    .integer({ min: 1900, max: 2100 })
    .filter((y) => !isLeapYear(y))
    .map((y) => ({ value: `${y}-02-29`, precision: 'day' as const })),
  // Month 00 or 13–99.
  fc
    .tuple(
      fc.integer({ min: 1900, max: 2100 }),
      fc.oneof(fc.constant(0), fc.integer({ min: 13, max: 99 })),
      fc.integer({ min: 1, max: 28 }),
      fc.constantFrom('month' as const, 'day' as const),
    )
    .map(([y, m, d, precision]) => ({ value: written(y, m, d, precision), precision })),
  // A year outside 1900–2100.
  fc
    .tuple(fc.oneof(fc.integer({ min: 0, max: 1899 }), fc.integer({ min: 2101, max: 9999 })), dayArb, precisionArb)
    .map(([y, { m, d }, precision]) => ({ value: written(y, m, d, precision), precision })),
);

const DATE_SHAPE = /^\d{4}(-\d{2}){0,2}$/;
/** Strings that are not YYYY, YYYY-MM or YYYY-MM-DD. */
const malformedDateArb = fc.oneof(
  fc.string().filter((s) => !DATE_SHAPE.test(s)),
  dayArb.map(({ y, m, d }) => `${y}-${m}-${d}`).filter((s) => !DATE_SHAPE.test(s)),
  dayArb.map(({ y, m, d }) => `${y}/${pad(m)}/${pad(d)}`),
  dayArb.map(({ y, m, d }) => `${pad(d)}-${pad(m)}-${y}`),
  isoDayArb.map((day) => `${day}T00:00:00Z`),
  fc.tuple(fc.constantFrom(...WHITESPACE), partialDateArb).map(([space, date]) => `${space}${date.value}`),
);

/** Anything but a calendar day written YYYY-MM-DD. */
const badIsoDayArb = fc.oneof(
  partialDateArb.filter((d) => d.precision !== 'day').map((d) => d.value),
  impossibleDateArb.map((d) => d.value),
  malformedDateArb,
  notStringArb,
  missingArb,
);

const isHttpsUrl = (s: string) => URL.canParse(s.trim()) && new URL(s.trim()).protocol === 'https:';
/** URLs with another scheme, and strings that are no URL at all. */
const badUrlArb = fc.oneof(
  fc.webUrl({ validSchemes: ['http', 'ftp', 'ws', 'wss', 'file'] }),
  httpsUrlArb.map((url) => url.replace(/^https/, 'http')),
  httpsUrlArb.map((url) => url.slice('https://'.length)).filter((s) => !isHttpsUrl(s)),
  fc.string().filter((s) => !isHttpsUrl(s)),
  notStringArb,
  missingArb,
);

const badLanguageArb = fc.oneof(
  fc.string().filter((s) => !LANGUAGE_PATTERN.test(s)),
  fc.constantFrom('EN', 'english', 'en_GB', 'zh-', 'e', ' en', 'en-GB-'),
  notStringArb,
);

const badCountArb = fc.oneof(
  fc.integer({ max: -1 }),
  fc.double().filter((x) => !Number.isInteger(x)),
  notNumberArb,
  missingArb,
);

// ---------------------------------------------------------------------------------------------------------------
// Corruptions: one field of a valid entry replaced, and the path its issues must be reported at.

interface Corruption {
  /** The path the issues must be at (or under). */
  expect: string;
  /** Dotted paths to set (or delete, with MISSING) in a copy of a valid entry. */
  set: [path: string, value: unknown][];
}
type Corruptions = Record<string, fc.Arbitrary<Corruption>>;

/** A copy of the object with one key set, or deleted when the value is MISSING. */
function put(object: object, key: string, value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...(object as Record<string, unknown>) };
  if (value === MISSING) delete copy[key];
  else copy[key] = value;
  return copy;
}

/** A copy of the entry with the corruption applied; the paths' parents must exist. */
function corrupt(entry: object, corruption: Corruption): Record<string, unknown> {
  const copy = structuredClone(entry) as Record<string, unknown>;
  for (const [path, value] of corruption.set) {
    const keys = path.split('.');
    const last = keys.pop() ?? '';
    let target = copy;
    for (const key of keys) {
      const next = target[key];
      if (typeof next !== 'object' || next === null) throw new Error(`no ${key} in ${path} to corrupt`);
      target = next as Record<string, unknown>;
    }
    if (value === MISSING) delete target[last];
    else target[last] = value;
  }
  return copy;
}

/** Sets the field to a bad value; the issue must be at the field. */
const setTo = (path: string, bad: fc.Arbitrary<unknown>) =>
  bad.map((value): Corruption => ({ expect: path, set: [[path, value]] }));

/** Replaces an array with good items and one bad item, at a random index; the issue must be at that item. */
function badItem(field: string, good: fc.Arbitrary<unknown>, bad: fc.Arbitrary<unknown>, under = '') {
  return fc.tuple(fc.array(good, { maxLength: 3 }), bad, fc.nat()).map(([items, item, n]): Corruption => {
    const i = n % (items.length + 1);
    return { expect: `${field}.${i}${under}`, set: [[field, [...items.slice(0, i), item, ...items.slice(i)]]] };
  });
}

/** The ways to break a partial date held in `field` (a whole object, so an optional date can be corrupted too). */
function badPartialDate(field: string, required: boolean): Corruptions {
  return {
    [field]: setTo(field, required ? fc.oneof(notObjectArb, missingArb) : notObjectArb),
    [`${field}.value`]: fc
      .oneof(
        impossibleDateArb,
        fc.record({ value: malformedDateArb, precision: precisionArb }),
        fc.record({ value: fc.oneof(notStringArb, missingArb), precision: precisionArb }),
      )
      .map((date): Corruption => ({ expect: `${field}.value`, set: [[field, put(date, 'value', date.value)]] })),
    [`${field}.precision`]: fc
      .tuple(partialDateArb, fc.oneof(precisionArb, badEnumArb(PRECISIONS)))
      .filter(([date, precision]) => precision !== date.precision)
      .map(([date, precision]): Corruption => ({
        expect: `${field}.precision`,
        set: [[field, put(date, 'precision', precision)]],
      })),
  };
}

/** The ways to break a list of citations held in `field`. */
function badCitations(field: string, required: boolean): Corruptions {
  const leaf = (key: string, bad: fc.Arbitrary<unknown>) =>
    badItem(
      field,
      citationArb,
      fc.tuple(citationArb, bad).map(([citation, value]) => put(citation, key, value)),
      `.${key}`,
    );
  return {
    [field]: setTo(field, required ? fc.oneof(fc.constant([]), notArrayArb, missingArb) : notArrayArb),
    [`${field}.i`]: badItem(field, citationArb, notObjectArb),
    [`${field}.i.source`]: leaf('source', fc.oneof(notStringArb, missingArb)),
    [`${field}.i.supports`]: leaf('supports', badOptionalTextArb),
    [`${field}.i.locator`]: leaf('locator', badOptionalTextArb),
    [`${field}.i.quote`]: leaf('quote', badOptionalTextArb),
  };
}

/** The ways to break a list of references (`min` 1: it must not be empty; `required`: it must be there). */
function badRefs(field: string, { min = 0, required = false } = {}): Corruptions {
  const whole = [notArrayArb, ...(min > 0 ? [fc.constant([])] : []), ...(required ? [missingArb] : [])];
  return {
    [field]: setTo(field, fc.oneof(...whole)),
    [`${field}.i`]: badItem(field, idArb, notStringArb),
  };
}

/** The ways to break an optional list of texts. */
const badTexts = (field: string): Corruptions => ({
  [field]: setTo(field, notArrayArb),
  [`${field}.i`]: badItem(field, textArb, badOptionalTextArb),
});

const badConfidence: Corruptions = {
  confidence: setTo('confidence', fc.oneof(notObjectArb, missingArb)),
  'confidence.level': setTo('confidence.level', badEnumArb(CONFIDENCE_LEVELS)),
  'confidence.note': setTo('confidence.note', badOptionalTextArb),
};

const agreementCorruptions: Corruptions = {
  title: setTo('title', badRequiredTextArb),
  shortTitle: setTo('shortTitle', badRequiredTextArb),
  type: setTo('type', badEnumArb(DOCUMENT_TYPES)),
  ...badPartialDate('date', true),
  event: setTo('event', notStringArb),
  ...badRefs('malaysianParties', { min: 1, required: true }),
  ...badRefs('chineseParties', { required: true }),
  ...badRefs('signatories'),
  ...badRefs('themes', { min: 1, required: true }),
  status: setTo('status', fc.oneof(notObjectArb, missingArb)),
  'status.value': setTo('status.value', badEnumArb(STATUSES)),
  'status.checked': setTo('status.checked', badIsoDayArb),
  'status.note': setTo('status.note', badOptionalTextArb),
  summary: setTo('summary', badRequiredTextArb),
  ...badConfidence,
  ...badTexts('unknowns'),
  ...badCitations('sources', true),
  ...badRefs('related'),
  ...badTexts('aliases'),
  lastReviewed: setTo('lastReviewed', badIsoDayArb),
  added: setTo('added', fc.oneof(badIsoDayArb, missingArb)),
  updates: setTo('updates', notArrayArb),
  'updates.i': badItem('updates', sameDayUpdateArb, notObjectArb),
  'updates.i.date': badItem(
    'updates',
    sameDayUpdateArb,
    fc.tuple(sameDayUpdateArb, badIsoDayArb).map(([u, date]) => put(u, 'date', date)),
    '.date',
  ),
  'updates.i.order': fc.tuple(sameDayUpdateArb, sameDayUpdateArb).map(([later, earlier]): Corruption => ({
    expect: 'updates.1.date',
    set: [['updates', [later, { ...earlier, date: '2025-12-31' }]]],
  })),
  'updates.i.kind': badItem(
    'updates',
    sameDayUpdateArb,
    fc.tuple(sameDayUpdateArb, badEnumArb(UPDATE_KINDS)).map(([u, kind]) => put(u, 'kind', kind)),
    '.kind',
  ),
  'updates.i.note': badItem(
    'updates',
    sameDayUpdateArb,
    fc.tuple(sameDayUpdateArb, badRequiredTextArb).map(([u, note]) => put(u, 'note', note)),
    '.note',
  ),
};

const eventCorruptions: Corruptions = {
  title: setTo('title', badRequiredTextArb),
  kind: setTo('kind', badEnumArb(EVENT_KINDS)),
  ...badPartialDate('start', true),
  ...badPartialDate('end', false),
  'end before start': fc
    .tuple(partialDateArb, partialDateArb)
    .filter(([a, b]) => lastDay(a) < firstDay(b) || lastDay(b) < firstDay(a))
    .map(([a, b]): Corruption => {
      const [end, start] = lastDay(a) < firstDay(b) ? [a, b] : [b, a];
      return {
        expect: 'end.value',
        set: [
          ['start', start],
          ['end', end],
        ],
      };
    }),
  place: setTo('place', badOptionalTextArb),
  documentsReported: setTo('documentsReported', notObjectArb),
  'documentsReported.count': badCountArb.map((count): Corruption => ({
    expect: 'documentsReported.count',
    set: [['documentsReported', put({}, 'count', count)]],
  })),
  'documentsReported.note': fc.tuple(fc.nat(), badOptionalTextArb).map(([count, note]): Corruption => ({
    expect: 'documentsReported.note',
    set: [['documentsReported', { count, note }]],
  })),
  summary: setTo('summary', badRequiredTextArb),
  ...badCitations('sources', true),
};

const sourceCorruptions: Corruptions = {
  id: setTo('id', badIdArb),
  title: setTo('title', badOptionalTextArb),
  publisher: setTo('publisher', badRequiredTextArb),
  ...badPartialDate('published', false),
  url: setTo('url', badUrlArb),
  kind: setTo('kind', badEnumArb(SOURCE_KINDS)),
  language: setTo('language', badLanguageArb),
  note: setTo('note', badOptionalTextArb),
};

const themeCorruptions: Corruptions = {
  title: setTo('title', badRequiredTextArb),
  summary: setTo('summary', badRequiredTextArb),
  order: setTo('order', badCountArb),
  ...badTexts('aliases'),
  ...badCitations('sources', false),
};

const actorCorruptions: Corruptions = {
  id: setTo('id', badIdArb),
  name: setTo('name', badRequiredTextArb),
  abbreviation: setTo('abbreviation', badOptionalTextArb),
  country: setTo('country', badEnumArb(COUNTRIES)),
  kind: setTo('kind', badEnumArb(ACTOR_KINDS)),
  role: setTo('role', badOptionalTextArb),
  memberOf: setTo('memberOf', notStringArb),
  ...badTexts('aliases'),
  description: setTo('description', badOptionalTextArb),
  ...badCitations('sources', true),
};

const figureCorruptions: Corruptions = {
  id: setTo('id', badIdArb),
  label: setTo('label', badRequiredTextArb),
  value: setTo('value', fc.oneof(notNumberArb, missingArb)),
  unit: setTo('unit', badRequiredTextArb),
  year: setTo(
    'year',
    fc.oneof(
      fc.integer({ max: 1899 }),
      fc.integer({ min: 2101 }),
      fc.double({ min: 1900, max: 2100, noNaN: true }).filter((x) => !Number.isInteger(x)),
      notNumberArb,
      missingArb,
    ),
  ),
  derived: setTo(
    'derived',
    fc.anything().filter((v) => v !== undefined && typeof v !== 'boolean'),
  ),
  ...badConfidence,
  ...badCitations('sources', true),
};

// ---------------------------------------------------------------------------------------------------------------
// Parsing.

interface ParseResult {
  success: boolean;
  data?: unknown;
  error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } | undefined;
}
interface Parser {
  safeParse(value: unknown): ParseResult;
}

/** The dotted paths of a parse's issues, [] when it succeeds. */
const issuePaths = (result: ParseResult) => (result.error?.issues ?? []).map((i) => i.path.map(String).join('.'));

const ref =
  <C extends string>(collection: C) =>
  (id: string) => ({ collection, id });
const citedSources = (citations: readonly { source: string }[]) => citations.map((c) => ref('sources')(c.source));

const collections: { name: string; schema: Parser; valid: fc.Arbitrary<object>; corruptions: Corruptions }[] = [
  { name: 'agreements', schema: schemas.agreement, valid: agreementArb, corruptions: agreementCorruptions },
  { name: 'events', schema: schemas.event, valid: eventArb, corruptions: eventCorruptions },
  { name: 'sources', schema: schemas.source, valid: sourceArb, corruptions: sourceCorruptions },
  { name: 'themes', schema: schemas.theme, valid: themeArb, corruptions: themeCorruptions },
  { name: 'actors', schema: schemas.actor, valid: actorArb, corruptions: actorCorruptions },
  { name: 'figures', schema: schemas.figure, valid: figureArb, corruptions: figureCorruptions },
];

describe('schemas accept generated valid entries', () => {
  it('accepts 1,000 generated valid agreements, trimming text and turning ids into references', () => {
    fc.assert(
      fc.property(agreementArb, (raw) => {
        const result = schemas.agreement.safeParse(raw);
        expect(issuePaths(result)).toEqual([]);
        const data = result.data;
        expect(data?.title).toBe(raw.title.trim());
        expect(data?.date).toEqual(raw.date);
        expect(data?.event).toEqual(raw.event === undefined ? undefined : ref('events')(raw.event));
        expect(data?.themes).toEqual(raw.themes.map(ref('themes')));
        expect(data?.malaysianParties).toEqual(raw.malaysianParties.map(ref('actors')));
        expect(data?.signatories).toEqual((raw.signatories ?? []).map(ref('actors')));
        expect(data?.related).toEqual((raw.related ?? []).map(ref('agreements')));
        expect(data?.sources.map((s) => s.source)).toEqual(citedSources(raw.sources));
        expect(data?.status.checked).toBe(raw.status.checked);
        expect(data?.aliases).toEqual((raw.aliases ?? []).map((a) => a.trim()));
      }),
      RUNS,
    );
  });

  it('accepts 1,000 generated valid events, with or without an end', () => {
    fc.assert(
      fc.property(eventArb, (raw) => {
        const result = schemas.event.safeParse(raw);
        expect(issuePaths(result)).toEqual([]);
        expect(result.data?.start).toEqual(raw.start);
        expect(result.data?.end).toEqual('end' in raw ? raw.end : undefined);
        expect(result.data?.sources.map((s) => s.source)).toEqual(citedSources(raw.sources));
      }),
      RUNS,
    );
  });

  it('accepts 1,000 generated valid sources, defaulting the language to English', () => {
    fc.assert(
      fc.property(sourceArb, (raw) => {
        const result = schemas.source.safeParse(raw);
        expect(issuePaths(result)).toEqual([]);
        expect(result.data?.id).toBe(raw.id);
        expect(result.data?.url).toBe(raw.url);
        expect(result.data?.language).toBe(raw.language ?? 'en');
        expect(result.data?.published).toEqual(raw.published);
      }),
      RUNS,
    );
  });

  it('accepts 1,000 generated valid themes', () => {
    fc.assert(
      fc.property(themeArb, (raw) => {
        const result = schemas.theme.safeParse(raw);
        expect(issuePaths(result)).toEqual([]);
        expect(result.data?.order).toBe(raw.order);
        expect(result.data?.sources.map((s) => s.source)).toEqual(citedSources(raw.sources ?? []));
      }),
      RUNS,
    );
  });

  it('accepts 1,000 generated valid actors', () => {
    fc.assert(
      fc.property(actorArb, (raw) => {
        const result = schemas.actor.safeParse(raw);
        expect(issuePaths(result)).toEqual([]);
        expect(result.data?.memberOf).toEqual(raw.memberOf === undefined ? undefined : ref('actors')(raw.memberOf));
        expect(result.data?.sources.map((s) => s.source)).toEqual(citedSources(raw.sources));
      }),
      RUNS,
    );
  });

  it('accepts 1,000 generated valid figures, defaulting derived to false', () => {
    fc.assert(
      fc.property(figureArb, (raw) => {
        const result = schemas.figure.safeParse(raw);
        expect(issuePaths(result)).toEqual([]);
        expect(result.data?.value).toBe(raw.value);
        expect(result.data?.derived).toBe(raw.derived ?? false);
      }),
      RUNS,
    );
  });
});

describe('schemas reject single-field corruptions at the field path', () => {
  for (const { name, schema, valid, corruptions } of collections) {
    const kinds = Object.keys(corruptions);
    it(`rejects 1,000 corrupted ${name} (${kinds.length} kinds of corruption), at the corrupted field only`, () => {
      const seen = new Set<string>();
      const corruptionArb = fc.oneof(
        ...Object.entries(corruptions).map(([kind, arb]) => arb.map((c) => ({ kind, ...c }))),
      );
      fc.assert(
        fc.property(valid, corruptionArb, (entry, corruption) => {
          const paths = issuePaths(schema.safeParse(corrupt(entry, corruption)));
          expect(paths).toContain(corruption.expect);
          for (const path of paths)
            expect(path === corruption.expect || path.startsWith(`${corruption.expect}.`)).toBe(true);
          seen.add(corruption.kind);
        }),
        RUNS,
      );
      // Every kind of corruption was tried, so none of them is dead code.
      expect([...seen].sort()).toEqual([...kinds].sort());
    });
  }

  it('accepts a digit-shaped date exactly when it is on the calendar of 1900–2100 and its precision fits (1,000 dates)', () => {
    const yearArb = fc.oneof(
      fc.integer({ min: 0, max: 9999 }),
      fc.integer({ min: 1895, max: 1905 }),
      fc.integer({ min: 2095, max: 2105 }),
    );
    const shapedArb = fc.tuple(
      yearArb,
      fc.option(fc.integer({ min: 0, max: 99 }), { nil: undefined }),
      fc.option(fc.integer({ min: 0, max: 99 }), { nil: undefined }),
      precisionArb,
    );
    fc.assert(
      fc.property(shapedArb, ([y, m, d, precision]) => {
        const value = pad(y, 4) + (m === undefined ? '' : `-${pad(m)}${d === undefined ? '' : `-${pad(d)}`}`);
        const onCalendar =
          y >= 1900 &&
          y <= 2100 &&
          (m === undefined || (m >= 1 && m <= 12 && (d === undefined || (d >= 1 && d <= monthLength(y, m)))));
        const shape: Precision = m === undefined ? 'year' : d === undefined ? 'month' : 'day';
        const expected = !onCalendar ? ['value'] : shape !== precision ? ['precision'] : [];
        expect(issuePaths(partialDate.safeParse({ value, precision }))).toEqual(expected);
        expect(issuePaths(isoDay.safeParse(value))).toEqual(onCalendar && shape === 'day' ? [] : ['']);
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// safeParse only ever returns a result.

/**
 * Checks that safeParse returns a well-formed result, reading it whole: zod builds the issues' messages lazily,
 * when `error` is first read, so an error message that throws only throws then.
 */
function expectResult(schema: Parser, value: unknown) {
  const result = schema.safeParse(value);
  const success: unknown = result.success;
  const issues: readonly { path: readonly PropertyKey[]; message: string }[] | undefined = result.error?.issues;
  expect(typeof success).toBe('boolean');
  if (success) return;
  expect(issues?.length).toBeGreaterThan(0);
  for (const issue of issues ?? []) {
    expect(Array.isArray(issue.path)).toBe(true);
    expect(typeof issue.message).toBe('string');
  }
}

/** Any JavaScript value, including the odd ones. */
const hostileArb = fc.anything({
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withObjectString: true,
  withNullPrototype: true,
  withBigInt: true,
  withDate: true,
  withTypedArray: true,
  withSparseArray: true,
  stringUnit: 'grapheme',
});

/** Every path into a value, as dotted keys. */
function pathsOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [path, ...pathsOf(inner, path)];
  });
}

/** A valid entry with one field, at any depth, replaced by any value or deleted. */
const mutatedArb = (valid: fc.Arbitrary<object>) =>
  fc.tuple(valid, fc.nat(), fc.oneof(hostileArb, missingArb)).map(([entry, n, value]) => {
    const paths = pathsOf(entry);
    const path = paths[n % paths.length] ?? '';
    return corrupt(entry, { expect: path, set: [[path, value]] });
  });

describe('safeParse never throws', () => {
  for (const { name, schema, valid } of collections) {
    it(`returns a result for 1,000 arbitrary values as ${name}`, () => {
      fc.assert(
        fc.property(hostileArb, (value) => expectResult(schema, value)),
        RUNS,
      );
    });
    it(`returns a result for 1,000 ${name} with one field replaced by an arbitrary value or deleted`, () => {
      fc.assert(
        fc.property(mutatedArb(valid), (value) => expectResult(schema, value)),
        RUNS,
      );
    });
  }

  // Regressions found by the properties above: error messages that themselves threw on odd input.
  it('reports a cyclic value in an enum field (a YAML self-alias) instead of throwing', () => {
    const yaml = parseYaml('kind: &k [*k]\n') as { kind: unknown };
    expect(() => schemas.source.safeParse({ ...validSource(), kind: yaml.kind }).error?.issues).not.toThrow();
  });
  it('reports a BigInt in an enum field instead of throwing', () => {
    expect(() => schemas.agreement.safeParse({ ...validAgreement(), type: 10n }).error?.issues).not.toThrow();
  });
  it('reports a url mapping with a "toString" key (YAML `url: {toString: x}`) instead of throwing', () => {
    const yaml = parseYaml('url: { toString: x }\n') as { url: unknown };
    expect(() => schemas.source.safeParse({ ...validSource(), url: yaml.url }).error?.issues).not.toThrow();
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Integrity: generated records that hold together, then broken in one place.

type Collection = 'agreements' | 'events' | 'themes' | 'actors' | 'sources';

/** One entry's frontmatter (or data-file item), where it lives, and which collection it belongs to. */
interface Item {
  collection: Collection;
  id: string;
  filePath: string;
  data: Record<string, unknown>;
}

/** A field holding a reference, and the collection it points into. */
interface Slot {
  field: string;
  target: Collection;
}

const SCHEMAS: Record<Collection, Parser> = {
  agreements: schemas.agreement,
  events: schemas.event,
  themes: schemas.theme,
  actors: schemas.actor,
  sources: schemas.source,
};

const filePathOf = (collection: Collection, id: string) =>
  collection === 'actors' || collection === 'sources'
    ? `content/${collection}.yaml`
    : `content/${collection}/${id}.mdx`;

/** The reference fields of an item's frontmatter, read from the content model rather than with collectRefs. */
function slotsOf(item: Item): Slot[] {
  const slots: Slot[] = [];
  const single = (field: string, target: Collection) => {
    if (typeof item.data[field] === 'string') slots.push({ field, target });
  };
  const list = (field: string, target: Collection, under = '') => {
    const value = item.data[field];
    if (Array.isArray(value)) value.forEach((_, i) => slots.push({ field: `${field}.${i}${under}`, target }));
  };
  single('event', 'events');
  single('memberOf', 'actors');
  list('malaysianParties', 'actors');
  list('chineseParties', 'actors');
  list('signatories', 'actors');
  list('themes', 'themes');
  list('sources', 'sources', '.source');
  list('related', 'agreements');
  return slots;
}

/** The value at a dotted path. */
function valueAt(data: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], data);
}

/** The items as the site hands them to findProblems (as src/lib/record.ts does): parsed, refs collected. */
function checkedEntries(items: readonly Item[]): CheckedEntry[] {
  return items.map((item) => {
    const result = SCHEMAS[item.collection].safeParse(item.data);
    if (!result.success) throw new Error(`generated ${item.collection}/${item.id} is invalid: ${issuePaths(result)}`);
    const data = result.data as Record<string, unknown>;
    const entry: CheckedEntry = {
      collection: item.collection,
      id: item.id,
      filePath: item.filePath,
      refs: collectRefs(data),
    };
    if (item.collection === 'agreements') {
      entry.date = data['date'] as PartialDate;
      entry.event = (data['event'] as Ref | undefined)?.id;
    }
    if (item.collection === 'events') {
      const start = data['start'] as PartialDate;
      entry.span = { start, end: (data['end'] as PartialDate | undefined) ?? start };
    }
    return entry;
  });
}

/** A date the sources could give for a day within the span. */
const dateWithinArb = (start: PartialDate, end: PartialDate) =>
  fc
    .tuple(fc.integer({ min: dayNumber(firstDay(start)), max: dayNumber(lastDay(end)) }), precisionArb)
    .map(([n, precision]) => dateOn(n, precision));

/**
 * A record that holds together: every reference points at an existing entry of the right collection, agreements tied
 * to an event are dated within it, and every source is cited. Ids may repeat across collections, as they may on the site.
 */
const recordArb = (minEvents = 0) =>
  fc
    .record({
      themes: fc.uniqueArray(idArb, { minLength: 1, maxLength: 3 }),
      actors: fc.uniqueArray(idArb, { minLength: 1, maxLength: 4 }),
      sources: fc.uniqueArray(idArb, { minLength: 1, maxLength: 5 }),
      agreements: fc.uniqueArray(idArb, { minLength: 1, maxLength: 4 }),
      events: fc.uniqueArray(fc.record({ id: idArb, span: orderedSpanArb, oneDay: fc.boolean() }), {
        minLength: minEvents,
        maxLength: 3,
        selector: (e) => e.id,
      }),
    })
    .chain((pools) => {
      const events = pools.events.map(({ id, span, oneDay }) => ({
        id,
        start: span.start,
        ...(oneDay ? {} : { end: span.end }),
      }));
      const citeArb = fc
        .shuffledSubarray(pools.sources, { minLength: 1 })
        .map((ids) => ids.map((source) => ({ source })));
      const actorsArb = (minLength: number) =>
        fc.shuffledSubarray(pools.actors, { minLength, maxLength: Math.min(3, pools.actors.length) });
      const placementArb =
        events.length === 0
          ? fc.constant(undefined)
          : fc.option(
              fc
                .constantFrom(...events)
                .chain((e) => dateWithinArb(e.start, e.end ?? e.start).map((date) => ({ event: e.id, date }))),
              { nil: undefined },
            );
      const agreementArb = fc.record({
        themes: fc.shuffledSubarray(pools.themes, { minLength: 1 }),
        malaysianParties: actorsArb(1),
        chineseParties: actorsArb(0),
        signatories: actorsArb(0),
        related: fc.shuffledSubarray(pools.agreements, { maxLength: Math.min(2, pools.agreements.length) }),
        sources: citeArb,
        placement: placementArb,
        date: partialDateArb,
      });
      const n = (length: number) => ({ minLength: length, maxLength: length });
      return fc
        .record({
          agreements: fc.array(agreementArb, n(pools.agreements.length)),
          events: fc.array(citeArb, n(events.length)),
          themes: fc.array(
            fc.shuffledSubarray(pools.sources, { maxLength: Math.min(2, pools.sources.length) }),
            n(pools.themes.length),
          ),
          memberOf: fc.array(fc.option(fc.constantFrom(...pools.actors), { nil: undefined }), n(pools.actors.length)),
          actors: fc.array(citeArb, n(pools.actors.length)),
        })
        .map((generated) => {
          const items: Item[] = [];
          const add = (collection: Collection, id: string, data: Record<string, unknown>) =>
            items.push({ collection, id, filePath: filePathOf(collection, id), data });
          pools.agreements.forEach((id, i) => {
            const a = generated.agreements[i];
            if (!a) return;
            add('agreements', id, {
              title: 'Memorandum',
              shortTitle: 'MoU',
              type: 'mou',
              date: a.placement?.date ?? a.date,
              ...(a.placement ? { event: a.placement.event } : {}),
              malaysianParties: a.malaysianParties,
              chineseParties: a.chineseParties,
              signatories: a.signatories,
              themes: a.themes,
              status: { value: 'signed', checked: '2025-01-01' },
              summary: 'A summary.',
              confidence: { level: 'confirmed' },
              sources: a.sources,
              related: a.related,
              lastReviewed: '2025-01-01',
              added: '2025-01-01',
            });
          });
          events.forEach(({ id, start, end }, i) =>
            add('events', id, {
              title: 'Visit',
              kind: 'official-visit',
              start,
              ...(end ? { end } : {}),
              summary: 'A visit.',
              sources: generated.events[i] ?? [],
            }),
          );
          pools.themes.forEach((id, i) =>
            add('themes', id, {
              title: 'Theme',
              summary: 'A theme.',
              order: i,
              sources: (generated.themes[i] ?? []).map((source) => ({ source })),
            }),
          );
          pools.actors.forEach((id, i) => {
            const memberOf = generated.memberOf[i];
            add('actors', id, {
              id,
              name: 'Actor',
              country: 'MY',
              kind: 'ministry',
              ...(memberOf ? { memberOf } : {}),
              sources: generated.actors[i] ?? [],
            });
          });
          pools.sources.forEach((id) =>
            add('sources', id, { id, publisher: 'Publisher', url: `https://example.org/${id}`, kind: 'news-report' }),
          );
          // Every source cited: the first agreement cites those nothing else does.
          const cited = new Set(citedIds(items));
          const first = items[0];
          if (first)
            first.data['sources'] = [
              ...(first.data['sources'] as unknown[]),
              ...pools.sources.filter((id) => !cited.has(id)).map((source) => ({ source })),
            ];
          return items;
        });
    })
    .chain((items) => fc.shuffledSubarray(items, { minLength: items.length }));

/** The ids of the sources the items cite, once per citation. */
const citedIds = (items: readonly Item[]) =>
  items.flatMap((item) =>
    slotsOf(item)
      .filter((s) => s.target === 'sources')
      .map((s) => valueAt(item.data, s.field)),
  );

/** The items with one item's frontmatter changed at one path. */
function withChange(items: readonly Item[], item: Item, path: string, value: unknown): Item[] {
  const changed = { ...item, data: corrupt(item.data, { expect: path, set: [[path, value]] }) };
  return items.map((i) => (i === item ? changed : i));
}

describe('findProblems on generated records', () => {
  it('finds no problem in 1,000 generated records that hold together, and sees every reference', () => {
    fc.assert(
      fc.property(recordArb(), (items) => {
        const entries = checkedEntries(items);
        expect(findProblems(entries)).toEqual([]);
        items.forEach((item, i) => {
          expect(entries[i]?.refs.map((r) => `${r.field}=${r.ref.collection}/${r.ref.id}`).sort()).toEqual(
            slotsOf(item)
              .map((s) => `${s.field}=${s.target}/${String(valueAt(item.data, s.field))}`)
              .sort(),
          );
        });
      }),
      RUNS,
    );
  });

  it('reports exactly the broken reference in 1,000 records with one reference pointed at a missing id', () => {
    fc.assert(
      fc.property(recordArb(), fc.nat(), fc.nat(), idArb, (items, i, j, suffix) => {
        const holders = items.filter((item) => slotsOf(item).length > 0);
        const item = holders[i % holders.length];
        if (!item) throw new Error('every record has an agreement, which holds references');
        const slots = slotsOf(item);
        const slot = slots[j % slots.length];
        if (!slot) throw new Error('unreachable');
        // Generated ids are words of at most 8 characters; this one has a 9-letter word, so no entry has it.
        const missing = `absentzzz-${suffix}`;
        const previous = valueAt(item.data, slot.field);
        const broken = withChange(items, item, slot.field, missing);
        const expected = [
          {
            filePath: item.filePath,
            field: slot.field,
            value: missing,
            message: `refers to no entry of ${slot.target}`,
          },
        ];
        // Un-citing a source's only citation leaves the source uncited, which is reported too.
        if (slot.target === 'sources' && !citedIds(broken).includes(previous)) {
          expected.push({
            filePath: 'content/sources.yaml',
            field: 'id',
            value: String(previous),
            message: 'is cited by no entry; cite it or remove it',
          });
        }
        expect(findProblems(checkedEntries(broken))).toEqual(expected);
      }),
      RUNS,
    );
  });

  it('reports exactly the uncited source in 1,000 records with one source added that nothing cites', () => {
    fc.assert(
      fc.property(recordArb(), idArb, fc.nat(), (items, suffix, at) => {
        const id = `uncitedzz-${suffix}`;
        const source: Item = {
          collection: 'sources',
          id,
          filePath: 'content/sources.yaml',
          data: { id, publisher: 'Publisher', url: 'https://example.org/', kind: 'wire' },
        };
        const position = at % (items.length + 1);
        const withOrphan = [...items.slice(0, position), source, ...items.slice(position)];
        expect(findProblems(checkedEntries(withOrphan))).toEqual([
          expect.objectContaining({ filePath: 'content/sources.yaml', field: 'id', value: id }),
        ]);
      }),
      RUNS,
    );
  });

  it('reports exactly the date in 1,000 records with one agreement moved outside its event', () => {
    fc.assert(
      fc.property(recordArb(1), fc.nat(), fc.nat(), precisionArb, fc.boolean(), (items, i, k, precision, before) => {
        const tied = items.filter((item) => item.collection === 'agreements' && typeof item.data['event'] === 'string');
        fc.pre(tied.length > 0);
        const agreement = tied[i % tied.length];
        const eventId = agreement?.data['event'];
        const event = items.find((item) => item.collection === 'events' && item.id === eventId);
        if (!agreement || !event) throw new Error('the generated agreement points at a generated event');
        const start = event.data['start'] as PartialDate;
        const end = (event.data['end'] as PartialDate | undefined) ?? start;
        const [first, last] = [dayNumber(firstDay(start)), dayNumber(lastDay(end))];
        const side =
          first > FIRST_DAY && (before || last >= LAST_DAY) ? 'before' : last < LAST_DAY ? 'after' : undefined;
        fc.pre(side !== undefined);
        const n = side === 'before' ? FIRST_DAY + (k % (first - FIRST_DAY)) : last + 1 + (k % (LAST_DAY - last));
        // At a coarser precision the date may still overlap the event; then it is given to the day.
        let date = dateOn(n, precision);
        if (dayNumber(lastDay(date)) >= first && dayNumber(firstDay(date)) <= last) date = dateOn(n, 'day');
        const moved = withChange(items, agreement, 'date', date);
        expect(findProblems(checkedEntries(moved))).toEqual([
          {
            filePath: agreement.filePath,
            field: 'date.value',
            value: date.value,
            message: expect.stringContaining(`outside its event "${String(eventId)}"`),
          },
        ]);
      }),
      RUNS,
    );
  });

  it('never throws, and reports each missing target and uncited source once, for 1,000 arbitrary entry lists', () => {
    const name = fc.oneof(fc.constantFrom('a', 'b', '__proto__', 'constructor', 'toString', ''), fc.string());
    const collection = fc.oneof(fc.constantFrom('agreements', 'events', 'themes', 'actors', 'sources'), fc.string());
    const dateArb = fc.record({
      value: fc.oneof(
        partialDateArb.map((d) => d.value),
        malformedDateArb,
        fc.string(),
      ),
      precision: precisionArb,
    });
    const entryArb: fc.Arbitrary<CheckedEntry> = fc.record({
      collection,
      id: name,
      filePath: fc.option(fc.string(), { nil: undefined }),
      refs: fc.array(fc.record({ field: fc.string(), ref: fc.record({ collection, id: name }) }), { maxLength: 4 }),
      date: fc.option(dateArb, { nil: undefined }),
      event: fc.option(name, { nil: undefined }),
      span: fc.option(fc.record({ start: dateArb, end: dateArb }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 8 }), (entries) => {
        const problems = findProblems(entries);
        const keys = new Set(entries.map((e) => `${e.collection}/${e.id}`));
        const cited = new Set(
          entries
            .flatMap((e) => e.refs)
            .filter((r) => r.ref.collection === 'sources')
            .map((r) => r.ref.id),
        );
        const missing = entries.flatMap((e) => e.refs).filter((r) => !keys.has(`${r.ref.collection}/${r.ref.id}`));
        const uncited = entries.filter((e) => e.collection === 'sources' && !cited.has(e.id));
        expect(problems.filter((p) => p.message.startsWith('refers to')).map((p) => p.value)).toEqual(
          missing.map((r) => r.ref.id),
        );
        expect(problems.filter((p) => p.message.startsWith('is cited by no entry')).map((p) => p.value)).toEqual(
          uncited.map((e) => e.id),
        );
        for (const p of problems) {
          expect([p.filePath, p.field, p.value, p.message].every((s) => typeof s === 'string')).toBe(true);
        }
      }),
      RUNS,
    );
  });
});
