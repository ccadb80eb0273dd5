import { describe, expect, it } from 'vitest';
import { actorLd, agreementLd, eventLd, jsonLdScript, type LdActor } from '../../src/lib/json-ld';

const miti: LdActor = {
  name: 'Ministry of Investment, Trade and Industry',
  url: 'https://x.example/actors/miti/',
  kind: 'ministry',
  country: 'MY',
  abbreviation: 'MITI',
  aliases: ['Kementerian Pelaburan, Perdagangan dan Industri'],
};

describe('jsonLdScript', () => {
  it('adds the schema.org context and escapes "<" so content cannot end the script', () => {
    const text = jsonLdScript({ name: '</script><script>alert(1)</script>' });
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual({ '@context': 'https://schema.org', name: '</script><script>alert(1)</script>' });
  });
});

describe('actorLd', () => {
  it('describes a ministry as a government organisation serving its country, with its other names', () => {
    expect(actorLd(miti)).toEqual({
      '@type': 'GovernmentOrganization',
      name: miti.name,
      url: miti.url,
      alternateName: ['MITI', 'Kementerian Pelaburan, Perdagangan dan Industri'],
      areaServed: { '@type': 'Country', name: 'Malaysia' },
    });
  });

  it('describes a person with their office and the body they acted for, by name only', () => {
    const ld = actorLd({
      name: 'Tengku Zafrul Aziz',
      url: 'https://x.example/actors/tengku-zafrul/',
      kind: 'person',
      country: 'MY',
      role: 'Minister of Investment, Trade and Industry',
      memberOf: miti,
    });
    expect(ld['@type']).toBe('Person');
    expect(ld['jobTitle']).toBe('Minister of Investment, Trade and Industry');
    expect(ld['memberOf']).toEqual({ '@type': 'GovernmentOrganization', name: miti.name, url: miti.url });
    expect(ld).not.toHaveProperty('areaServed');
  });

  it('states no country for a body that is neither Malaysian nor Chinese', () => {
    const ld = actorLd({ name: 'ASEAN', url: 'https://x.example/actors/asean/', kind: 'body', country: 'other' });
    expect(ld).toEqual({ '@type': 'Organization', name: 'ASEAN', url: 'https://x.example/actors/asean/' });
  });
});

describe('agreementLd', () => {
  it('keeps a month-precision date as a month, and lists parties, themes and sources', () => {
    const ld = agreementLd({
      url: 'https://x.example/agreements/a/',
      title: 'Memorandum of Understanding on Trade in Services',
      shortTitle: 'Services MoU',
      typeLabel: 'MoU',
      date: { value: '2025-04', precision: 'month' },
      summary: 'A summary.',
      lastReviewed: '2026-11-23',
      parties: [miti],
      themes: [{ name: 'Services trade', url: 'https://x.example/themes/services/' }],
      sourceUrls: ['https://news.example/a'],
      site: { name: 'Tracker', url: 'https://x.example/' },
    });
    const work = ld['mainEntity'] as Record<string, unknown>;
    expect(work['dateCreated']).toBe('2025-04');
    expect(work['creator']).toEqual([{ '@type': 'GovernmentOrganization', name: miti.name, url: miti.url }]);
    expect(work['citation']).toEqual(['https://news.example/a']);
    expect(work).not.toHaveProperty('recordedAt');
    expect(ld['dateModified']).toBe('2026-11-23');
  });
});

describe('eventLd', () => {
  it('leaves out the place and end when the sources do not give them', () => {
    const ld = eventLd({
      url: 'https://x.example/events/e/',
      title: 'Expo',
      start: { value: '2025', precision: 'year' },
      summary: 'An expo.',
    });
    expect(ld).toEqual({
      '@type': 'Event',
      name: 'Expo',
      url: 'https://x.example/events/e/',
      description: 'An expo.',
      startDate: '2025',
    });
  });
});
