import { describe, expect, it } from 'vitest';
import { byPublisher } from '../../src/lib/bibliography';
import type { PartialDate } from '../../src/lib/dates';

const source = (id: string, publisher: string, published?: PartialDate) => ({
  id,
  data: published ? { publisher, published } : { publisher },
});
const day = (value: string): PartialDate => ({ value, precision: 'day' });

describe('byPublisher groups the sources for /sources/', () => {
  const groups = byPublisher([
    source('star-b', 'The Star', day('2025-04-16')),
    source('mm-undated', 'Malay Mail'),
    source('daily8', 'daily8', day('2024-06-20')),
    source('star-a', 'The Star', day('2024-06-19')),
    source('mm-2024', 'Malay Mail', { value: '2024-06', precision: 'month' }),
    source('borneo', 'Borneo Post', day('2025-01-01')),
  ]);

  it('puts each publisher once, in alphabetical order whatever the case of its name', () => {
    expect(groups.map((g) => g.publisher)).toEqual(['Borneo Post', 'daily8', 'Malay Mail', 'The Star']);
  });

  it('lists a publisher’s sources oldest first, an undated one last', () => {
    const ids = Object.fromEntries(groups.map((g) => [g.publisher, g.sources.map((s) => s.id)]));
    expect(ids['The Star']).toEqual(['star-a', 'star-b']);
    expect(ids['Malay Mail']).toEqual(['mm-2024', 'mm-undated']);
  });

  it('gives each publisher a heading id of its own, apart from every source id', () => {
    const named = byPublisher([
      source('mci', 'MCI Group'),
      source('mci-b', 'MCI Group (Bernama)'),
      source('pd', "People's Daily Online (Xinhua)"),
      source('ms', 'Ministry of Tourism, Arts and Culture Malaysia (MOTAC)'),
    ]);
    expect(named.map((g) => g.anchor)).toEqual([
      'publisher-mci-group',
      'publisher-mci-group-bernama',
      'publisher-ministry-of-tourism-arts-and-culture-malaysia-motac',
      'publisher-peoples-daily-online-xinhua',
    ]);
  });

  it('loses no source and adds none', () => {
    expect(groups.flatMap((g) => g.sources.map((s) => s.id)).sort()).toEqual(
      ['borneo', 'daily8', 'mm-2024', 'mm-undated', 'star-a', 'star-b'].sort(),
    );
  });
});
