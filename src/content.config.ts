/**
 * Content collections over the top-level `content/` folder. Field schemas live in `src/lib/schema.ts`,
 * strict loaders in `src/lib/loaders.ts`, cross-entry checks in `src/lib/integrity.ts`.
 */
import { defineCollection, reference } from 'astro:content';
import { strictDataFile, strictGlob } from './lib/loaders';
import { createSchemas, type ReferenceFactory } from './lib/schema';

/** Where content lives; defaults to the project's `content/`. */
const contentDir = process.env['CONTENT_DIR'] ?? './content';

const schemas = createSchemas(reference as ReferenceFactory);

export const collections = {
  agreements: defineCollection({ loader: strictGlob(`${contentDir}/agreements`), schema: schemas.agreement }),
  themes: defineCollection({ loader: strictGlob(`${contentDir}/themes`), schema: schemas.theme }),
  events: defineCollection({ loader: strictGlob(`${contentDir}/events`), schema: schemas.event }),
  actors: defineCollection({ loader: strictDataFile(`${contentDir}/actors.yaml`), schema: schemas.actor }),
  sources: defineCollection({ loader: strictDataFile(`${contentDir}/sources.yaml`), schema: schemas.source }),
  figures: defineCollection({ loader: strictDataFile(`${contentDir}/figures.yaml`), schema: schemas.figure }),
};
