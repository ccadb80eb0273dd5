import { describe, expect, it } from 'vitest';
import { parseDataFile } from '../../src/lib/data-file';

describe('parseDataFile', () => {
  it('returns the items of a YAML list', () => {
    expect(parseDataFile('content/actors.yaml', '- id: miti\n  name: MITI\n- id: ndrc\n').map((i) => i.id)).toEqual([
      'miti',
      'ndrc',
    ]);
  });
  it('keeps a date as the text it is written as, at its precision', () => {
    const [source] = parseDataFile('content/sources.yaml', '- id: a\n  published: 2024-06-19\n  seen: 2025-04\n');
    expect(source).toEqual({ id: 'a', published: '2024-06-19', seen: '2025-04' });
  });
  it('fails on a duplicate id, naming file, item, field and value', () => {
    expect(() => parseDataFile('content/actors.yaml', '- id: miti\n- id: ndrc\n- id: miti\n')).toThrow(
      'content/actors.yaml: item 3: field "id" value "miti" duplicates the id of item 1',
    );
  });
  it('fails on an item without an id instead of dropping it', () => {
    expect(() => parseDataFile('content/sources.yaml', '- id: a\n- title: no id\n')).toThrow(
      'content/sources.yaml: item 2: field "id" must be a non-empty string, received undefined',
    );
  });
  it('fails on a file that is not a list', () => {
    expect(() => parseDataFile('content/figures.yaml', 'id: a\n')).toThrow('expected a YAML list');
  });
  it('fails on invalid YAML with the file name', () => {
    expect(() => parseDataFile('content/figures.yaml', '- id: [unclosed\n')).toThrow(
      'content/figures.yaml: invalid YAML',
    );
  });
});
