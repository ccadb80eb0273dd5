/**
 * The content model: one Zod schema per collection, each field documented in a line.
 * `src/content.config.ts` binds these to loaders; tests build them with a stand-in `reference()`.
 * The fields' JSDoc lines are published too: schema-docs.ts makes them the field descriptions of the
 * /data/ JSON Schemas and of the /data/ page, so write them for the dataset's readers.
 */
import { z } from 'astro/zod';
import { calendarProblem, dayRange, PRECISIONS, precisionOf } from './dates';

/** Collections that other entries may point at with `reference()`. */
export type CollectionName = 'agreements' | 'themes' | 'events' | 'actors' | 'sources';

/** What `reference(collection)` returns: a schema that turns an id into `{ collection, id }`. */
export type ReferenceFactory = <C extends CollectionName>(
  collection: C,
) => z.ZodType<{ collection: C; id: string }, unknown>;

/** Document types, from most to least binding; the glossary explains each one's legal weight. */
export const DOCUMENT_TYPES = [
  'agreement',
  'protocol',
  'programme',
  'joint-statement',
  'mou',
  'letter-of-intent',
  'other',
] as const;

/** Where a document stands, as far as the sources tell. */
export const STATUSES = [
  'announced',
  'issued',
  'signed',
  'exchanged',
  'in-force',
  'implemented',
  'superseded',
  'unknown',
] as const;

/** What a later change to an entry was: its status, a corrected fact, or new information. */
export const UPDATE_KINDS = ['status', 'correction', 'new-information'] as const;

/** How well a fact is supported: by two or more reports, by one, or uncertain or in conflict. */
export const CONFIDENCE_LEVELS = ['confirmed', 'single-source', 'uncertain'] as const;

/** Kinds of event at which documents change hands. */
export const EVENT_KINDS = ['state-visit', 'official-visit', 'expo', 'dialogue', 'meeting', 'other'] as const;

/** Which side an actor belongs to. */
export const COUNTRIES = ['MY', 'CN', 'other'] as const;

/** What sort of body (or person) an actor is. */
export const ACTOR_KINDS = ['government', 'ministry', 'agency', 'company', 'university', 'person', 'body'] as const;

/** What sort of publication a source is. */
export const SOURCE_KINDS = [
  'news-report',
  'wire',
  'government-release',
  'commentary',
  'trade-press',
  'aggregator',
  'other',
] as const;

/** A received value as an error message shows it; never throws, whatever the value (cyclic, BigInt…). */
function describeValue(value: unknown): string {
  try {
    const json = JSON.stringify(value);
    if (json !== undefined) return json.length > 80 ? `${json.slice(0, 77)}…` : json;
  } catch {
    // Cyclic structures and BigInts cannot be serialised; fall back to the type.
  }
  return typeof value === 'bigint' ? `${value}n` : `a value of type ${typeof value}`;
}

/** What a reader of an error calls each kind of value Zod expects. */
const KIND_NAMES: Partial<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a set of fields',
};

/**
 * The message for a missing field or a value of the wrong kind, set on every field built here (references
 * keep Astro's): Astro's own reads "**summary**: **summary**: Required" and leaves out the value received.
 * Other issues keep their messages.
 */
const kindError = {
  error: (issue: { code?: string; input?: unknown; expected?: string }) => {
    if (issue.code !== 'invalid_type') return undefined;
    if (issue.input === undefined) return 'required, but missing';
    // YAML reads an unquoted 2026-11-23 as a date; the content keeps dates as the text the sources give.
    if (issue.input instanceof Date && !Number.isNaN(issue.input.getTime())) {
      return `expected text, received an unquoted date: write it in quotes, "${issue.input.toISOString().slice(0, 10)}"`;
    }
    return `expected ${KIND_NAMES[issue.expected ?? ''] ?? issue.expected}, received ${describeValue(issue.input)}`;
  },
};

/** One of a fixed set of values; the error names the value received and the values allowed. */
function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  const allowed = values.map((v) => `"${v}"`).join(', ');
  return z.enum(values, {
    error: (issue) =>
      issue.input === undefined
        ? `required, but missing: one of ${allowed}`
        : `expected one of ${allowed}, received ${describeValue(issue.input)}`,
  });
}

/** Ids are lower-case words joined by hyphens, because they become URLs. */
const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A day written YYYY-MM-DD that exists on the calendar. */
export const isoDay = z.string(kindError).check((ctx) => {
  const problem = calendarProblem(ctx.value);
  if (problem || precisionOf(ctx.value) !== 'day') {
    ctx.issues.push({
      code: 'custom',
      input: ctx.value,
      message: `expected a calendar day as YYYY-MM-DD, received "${ctx.value}"${problem ? `: ${problem}` : ''}`,
    });
  }
});

/** A date stated only as precisely as the sources state it. */
export const partialDate = z
  .object(
    {
      /** The date: YYYY, YYYY-MM or YYYY-MM-DD, with exactly the parts its precision calls for. */
      value: z.string(kindError),
      /** How much of the date the sources give: day, month or year. */
      precision: oneOf(PRECISIONS),
    },
    kindError,
  )
  .check((ctx) => {
    const { value, precision } = ctx.value;
    const problem = calendarProblem(value);
    if (problem) {
      ctx.issues.push({
        code: 'custom',
        input: value,
        path: ['value'],
        message: `impossible date "${value}": ${problem}`,
      });
      return;
    }
    const written = precisionOf(value);
    if (written !== precision) {
      ctx.issues.push({
        code: 'custom',
        input: precision,
        path: ['precision'],
        message: `precision "${precision}" contradicts the date "${value}", which is written to the ${written}`,
      });
    }
  });

/** An absolute https:// address with a real host name; one issue naming the value when it is not. */
export const httpsUrl = z.string(kindError).check((ctx) => {
  const value = ctx.value;
  let host = '';
  try {
    host = new URL(value).hostname;
  } catch {
    // Not a URL at all: reported below.
  }
  if (!value.startsWith('https://') || !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(host)) {
    ctx.issues.push({
      code: 'custom',
      input: value,
      message: `expected an https:// URL, received ${describeValue(value)}`,
    });
  }
});

/**
 * Zod runs a length check on any value with a `length`, even one that failed the type check, and a length
 * that is an object without a prototype then throws instead of failing (found by the schema property tests).
 * These keep each length check to the type it is written for.
 */
// Zod 4 reads `when` on every check, but types it only on refinements; `abort: false` (the default) is a
// typed property, so these pass as check parameters.
const ONLY_STRINGS = { abort: false, when: (payload: { value: unknown }) => typeof payload.value === 'string' };
const ONLY_ARRAYS = { abort: false, when: (payload: { value: unknown }) => Array.isArray(payload.value) };

/**
 * Non-empty text, trimmed; an empty string is an error, never a silent blank. With `what`, the error names
 * the field ("summary must not be empty"); without, it is Zod's own.
 */
const text = (what?: string) =>
  z
    .string(kindError)
    .trim()
    .min(1, what === undefined ? ONLY_STRINGS : { message: `${what} must not be empty`, ...ONLY_STRINGS });

/** Builds every collection's schema around the given `reference()`. */
export function createSchemas(reference: ReferenceFactory) {
  /** One source backing a claim, with where in it to look. */
  const citation = z.object(
    {
      /** The publication: the id of one of the sources. */
      source: reference('sources'),
      /** What this source supports, in a few words (e.g. "date and venue"). */
      supports: text().optional(),
      /** Where in the source: a paragraph, a heading, a table row. */
      locator: text().optional(),
      /** A short quotation, marked as such on the page. */
      quote: text().optional(),
    },
    kindError,
  );

  const citations = z.array(citation, kindError).min(1, { message: 'needs at least one source', ...ONLY_ARRAYS });

  /** How well supported the entry's facts are, and why when not settled. */
  const confidence = z.object(
    {
      /** confirmed (two or more reports), single-source, or uncertain. */
      level: oneOf(CONFIDENCE_LEVELS),
      /** Why, in a sentence: which reports agree, or what is in doubt. */
      note: text().optional(),
    },
    kindError,
  );

  const agreement = z.object(
    {
      /** Full title, as close to the official one as the sources allow. */
      title: text('title'),
      /** A short label for lists and the timeline. */
      shortTitle: text('shortTitle'),
      /** The kind of document, which decides its legal weight. */
      type: oneOf(DOCUMENT_TYPES),
      /** When it was signed or exchanged, at the precision the sources give. */
      date: partialDate,
      /** The visit, expo or meeting at which it was exchanged, if any. */
      event: reference('events').optional(),
      /** Malaysian ministries, agencies or bodies that are party to it. */
      malaysianParties: z
        .array(reference('actors'), kindError)
        .min(1, { message: 'needs at least one Malaysian party', ...ONLY_ARRAYS }),
      /** Chinese counterparts; empty when the sources do not name one. */
      chineseParties: z.array(reference('actors'), kindError),
      /** People who signed or exchanged it, where the sources name them. */
      signatories: z.array(reference('actors'), kindError).default([]),
      /** Themes it serves; the first is its main theme. */
      themes: z.array(reference('themes'), kindError).min(1, { message: 'needs at least one theme', ...ONLY_ARRAYS }),
      /** Where it stands. */
      status: z.object(
        {
          /** The status itself. */
          value: oneOf(STATUSES),
          /** The day the status was last checked against the sources. */
          checked: isoDay,
          /** What is known of follow-up, in a sentence. */
          note: text().optional(),
        },
        kindError,
      ),
      /** One paragraph in plain language: what it is and why it matters. */
      summary: text('summary'),
      /** How well the facts on this page are supported. */
      confidence,
      /** What the sources do not say: gaps a reader should know about. */
      unknowns: z.array(text(), kindError).default([]),
      /** Sources, each with the claim it supports. */
      sources: citations,
      /** Other agreements a reader should see next. */
      related: z.array(reference('agreements'), kindError).default([]),
      /** Extra search terms: other names, translations, abbreviations. */
      aliases: z.array(text(), kindError).default([]),
      /** The day the whole entry was last reviewed against its sources. */
      lastReviewed: isoDay,
      /** The day the entry was first published on this site; the changes feed starts from it. */
      added: isoDay,
      /** Later changes a follower should hear of (status updates, corrections), oldest first. */
      updates: z
        .array(
          z.object(
            {
              /** The day of the change. */
              date: isoDay,
              /** What changed: the status, a corrected fact, or new information. */
              kind: oneOf(UPDATE_KINDS),
              /** The change, in a sentence. */
              note: text('note'),
            },
            kindError,
          ),
          kindError,
        )
        // Each update's anchor on the page and in the feeds is its place in this list, so a new one goes last.
        .check((ctx) => {
          // A date that is not a calendar day has its own issue (isoDay); order is judged between real days only.
          const day = (value: string) => isoDay.safeParse(value).success;
          ctx.value.forEach((update, i) => {
            const before = ctx.value[i - 1];
            if (before && day(update.date) && day(before.date) && update.date < before.date) {
              ctx.issues.push({
                code: 'custom',
                input: update.date,
                path: [i, 'date'],
                message: `updates must be oldest first: "${update.date}" comes after "${before.date}"; add a new update at the end`,
              });
            }
          });
        })
        .default([]),
    },
    kindError,
  );

  const theme = z.object(
    {
      /** The theme's name. */
      title: text('title'),
      /** One line saying what the theme covers. */
      summary: text('summary'),
      /** Position in theme lists, lowest first. */
      order: z.number(kindError).int().nonnegative(),
      /** Synonyms and translations a reader may search for (Malay, Chinese, acronyms). */
      aliases: z.array(text(), kindError).default([]),
      /** Sources for the explainer's facts. */
      sources: z.array(citation, kindError).default([]),
    },
    kindError,
  );

  const event = z
    .object(
      {
        /** The event's name. */
        title: text('title'),
        /** What sort of event it was. */
        kind: oneOf(EVENT_KINDS),
        /** First day (or month, or year) of the event. */
        start: partialDate,
        /** Last day of the event; absent for a one-day event. */
        end: partialDate.optional(),
        /** Where it took place; absent when the sources do not say. */
        place: text().optional(),
        /** How many documents the sources report were exchanged there, and how they put it. */
        documentsReported: z
          .object(
            {
              /** The count as reported. */
              count: z.number(kindError).int().nonnegative(),
              /** The wording of the count, e.g. "more than 30" in Chinese reports. */
              note: text().optional(),
              /** Documents of this event that the count leaves out, such as a joint statement of the next day. */
              countedSeparately: z.array(reference('agreements'), kindError).default([]),
            },
            kindError,
          )
          .optional(),
        /** One paragraph in plain language. */
        summary: text('summary'),
        /** Sources for the event's facts. */
        sources: citations,
      },
      kindError,
    )
    .check((ctx) => {
      const { start, end } = ctx.value;
      if (
        end &&
        !calendarProblem(end.value) &&
        !calendarProblem(start.value) &&
        dayRange(end).last < dayRange(start).first
      ) {
        ctx.issues.push({
          code: 'custom',
          input: end.value,
          path: ['end', 'value'],
          message: `event ends (${end.value}) before it starts (${start.value})`,
        });
      }
    });

  const actor = z.object(
    {
      /** Stable id, used in URLs and references. */
      id: z.string(kindError).regex(ID_PATTERN),
      /** Full English name. */
      name: text('name'),
      /** The usual abbreviation (MITI, NDRC), if there is one. */
      abbreviation: text().optional(),
      /** Malaysia, China, or neither. */
      country: oneOf(COUNTRIES),
      /** Ministry, agency, company, university, person or other body. */
      kind: oneOf(ACTOR_KINDS),
      /** For a person: the office the sources give them at the time. */
      role: text().optional(),
      /** For a person: the body they acted for. */
      memberOf: reference('actors').optional(),
      /** Other names: Malay and Chinese names, former names, other spellings. */
      aliases: z.array(text(), kindError).default([]),
      /** A sentence on who this is, from the sources. */
      description: text().optional(),
      /** Reports that name this body or person and back what its entry says (an office, a part in the documents). */
      sources: citations,
    },
    kindError,
  );

  const source = z.object(
    {
      /** Stable id, used in citations. */
      id: z.string(kindError).regex(ID_PATTERN),
      /** Headline or title as published; absent when only the URL is known. */
      title: text().optional(),
      /** Outlet or office that published it. */
      publisher: text('publisher'),
      /** Publication date; absent when not known. */
      published: partialDate.optional(),
      /** Where to read it; https only. */
      url: httpsUrl,
      /** News report, wire copy, government release, commentary… */
      kind: oneOf(SOURCE_KINDS),
      /** Language of the publication (BCP 47). */
      language: z
        .string(kindError)
        .regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/)
        .default('en'),
      /** What a reader should know about it, e.g. that it is commentary. */
      note: text().optional(),
    },
    kindError,
  );

  const figure = z.object(
    {
      /** Stable id. */
      id: z.string(kindError).regex(ID_PATTERN),
      /** What the figure measures, in words. */
      label: text('label'),
      /** The number itself. */
      value: z.number(kindError),
      /** Its unit, e.g. "RM billion" or "%". */
      unit: text('unit'),
      /** The year the figure refers to (not the year it was reported). */
      year: z.number(kindError).int().min(1900).max(2100),
      /** Whether the site computed it from other figures rather than quoting it. */
      derived: z.boolean(kindError).default(false),
      /** How well supported it is. */
      confidence,
      /** Where it comes from. */
      sources: citations,
    },
    kindError,
  );

  return { agreement, theme, event, actor, source, figure };
}

/** The schemas, as built by `createSchemas`. */
export type Schemas = ReturnType<typeof createSchemas>;
