/**
 * Content collections over the top-level `content/` folder. Field schemas live in `src/lib/schema.ts`,
 * strict loaders in `src/lib/loaders.ts`, cross-entry checks in `src/lib/integrity.ts`.
 */
import { defineCollection, reference } from 'astro:content';
import { CONTENT_DIR } from './lib/content-dir';
import { strictDataFile, strictGlob } from './lib/loaders';
import { createSchemas, type ReferenceFactory } from './lib/schema';

const schemas = createSchemas(reference as ReferenceFactory);

export const collections = {
  agreements: defineCollection({ loader: strictGlob(`${CONTENT_DIR}/agreements`), schema: schemas.agreement }),
  themes: defineCollection({ loader: strictGlob(`${CONTENT_DIR}/themes`), schema: schemas.theme }),
  events: defineCollection({ loader: strictGlob(`${CONTENT_DIR}/events`), schema: schemas.event }),
  actors: defineCollection({ loader: strictDataFile(`${CONTENT_DIR}/actors.yaml`), schema: schemas.actor }),
  sources: defineCollection({ loader: strictDataFile(`${CONTENT_DIR}/sources.yaml`), schema: schemas.source }),
  figures: defineCollection({ loader: strictDataFile(`${CONTENT_DIR}/figures.yaml`), schema: schemas.figure }),
};
