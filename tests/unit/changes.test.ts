import { describe, expect, it } from 'vitest';
import { changeAnchor, changesOf, groupChanges, type ChangeSource } from '../../src/lib/changes';

const entry = (id: string, added: string, updates: ChangeSource['data']['updates'] = []): ChangeSource => ({
  id,
  data: { shortTitle: id.toUpperCase(), added, updates },
});

describe('changesOf', () => {
  it('lists each addition and each update, newest first', () => {
    const changes = changesOf([
      entry('a', '2026-01-10', [{ date: '2026-03-01', kind: 'status', note: 'Now in force.' }]),
      entry('b', '2026-02-01'),
    ]);
    expect(changes.map((c) => [c.date, c.kind, c.agreementId])).toEqual([
      ['2026-03-01', 'status', 'a'],
      ['2026-02-01', 'added', 'b'],
      ['2026-01-10', 'added', 'a'],
    ]);
    expect(changes[0]?.note).toBe('Now in force.');
    expect(changes[1]?.note).toBeUndefined();
  });

  it('puts updates before additions on the same day, then orders by title', () => {
    const changes = changesOf([
      entry('zeta', '2026-05-05'),
      entry('alpha', '2026-05-05'),
      entry('mid', '2026-01-01', [{ date: '2026-05-05', kind: 'correction', note: 'Date corrected.' }]),
    ]);
    expect(changes.map((c) => `${c.kind}:${c.agreementId}`)).toEqual([
      'correction:mid',
      'added:alpha',
      'added:zeta',
      'added:mid',
    ]);
  });

  it('gives every change of an entry its own anchor', () => {
    const changes = changesOf([
      entry('a', '2026-01-01', [
        { date: '2026-02-01', kind: 'status', note: 'One.' },
        { date: '2026-03-01', kind: 'new-information', note: 'Two.' },
      ]),
    ]);
    const anchors = changes.map((c) => c.anchor);
    expect(new Set(anchors).size).toBe(3);
    expect(anchors).toContain(changeAnchor(0));
    expect(changes.find((c) => c.note === 'Two.')?.anchor).toBe(changeAnchor(2));
  });

  it('has nothing to say about an empty record', () => {
    expect(changesOf([])).toEqual([]);
  });
});

describe('groupChanges', () => {
  it('joins a change made to several entries on one day, and keeps different notes and days apart', () => {
    const fix = { date: '2026-12-06', kind: 'correction', note: 'Same fix.' } as const;
    const groups = groupChanges(
      changesOf([
        entry('a', '2026-01-10', [fix]),
        entry('b', '2026-01-10', [fix, { ...fix, note: 'Other fix.' }]),
        entry('c', '2026-01-11', [{ ...fix, date: '2026-12-05' }]),
      ]),
    );
    expect(groups.map((g) => [g.date, g.kind, g.note, g.entries.map((e) => `${e.agreementId}${e.anchor}`)])).toEqual([
      ['2026-12-06', 'correction', 'Same fix.', [`a${changeAnchor(1)}`, `b${changeAnchor(1)}`]],
      ['2026-12-06', 'correction', 'Other fix.', [`b${changeAnchor(2)}`]],
      ['2026-12-05', 'correction', 'Same fix.', [`c${changeAnchor(1)}`]],
      ['2026-01-11', 'added', undefined, [`c${changeAnchor(0)}`]],
      ['2026-01-10', 'added', undefined, [`a${changeAnchor(0)}`, `b${changeAnchor(0)}`]],
    ]);
  });
});
