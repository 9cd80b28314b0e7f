import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { inShard, parseShard, shardOf } from '../../../../scripts/drift/shard';
import { mergeReports, readReport } from '../../../../scripts/drift/merge';
import { buildReport, renderJson } from '../../../../scripts/drift/report';
import { drifted, inSync, withUnmanaged } from './report-fixtures';

const names = Array.from({ length: 200 }, (_, i) => ({ name: `tenant-${i}` }));

describe('--shard i/n', () => {
  test('every tenant lands in exactly one of n shards', () => {
    const shards = [1, 2, 3, 4].map((index) => inShard(names, { index, count: 4 }).map((s) => s.name));
    expect(shards.flat().sort()).toEqual(names.map((n) => n.name).sort());
    for (const shard of shards) expect(shard.length).toBeGreaterThan(20);
  });

  test("a tenant's shard depends on its name only: adding tenants moves no one", () => {
    const before = names.map((n) => shardOf(n.name, 4));
    const grown = [...names, { name: 'newcomer' }, { name: 'another' }];
    expect(grown.slice(0, 200).map((n) => shardOf(n.name, 4))).toEqual(before);
    expect(shardOf('contoso', 3)).toBe(shardOf('contoso', 3));
  });

  test('a malformed shard is rejected with the rule and the value', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(() => parseShard('5/4')).toThrow('--shard: must be i/n with 1 <= i <= n <= 1000, e.g. 2/4 (got 5/4)');
    expect(() => parseShard('0/4')).toThrow('(got 0/4)');
    expect(() => parseShard('two')).toThrow('(got two)');
  });
});

describe('--merge of shard reports', () => {
  const tenants = [inSync('contoso'), drifted('fabrikam'), withUnmanaged('northwind'), inSync('tailspin')];
  const shardReport = (index: number, count: number) =>
    buildReport(
      tenants.filter((t) => shardOf(t.tenant, count) === index),
      { unmanagedChecked: true, shard: { index, count } },
    );

  test('the shards of one run merge into the report one run gives, with its exit code', () => {
    const merged = mergeReports([1, 2].map((i) => ({ file: `shard-${i}.json`, report: shardReport(i, 2) })));
    expect(merged).toEqual(buildReport(tenants, { unmanagedChecked: true }));
    expect(merged.exitCode).toBe(2);
  });

  test('a missing shard makes the merged report an error (exit 1): its tenants were not checked', () => {
    const merged = mergeReports([{ file: 'shard-1.json', report: shardReport(1, 3) }, { file: 'shard-3.json', report: shardReport(3, 3) }]);
    expect(merged.exitCode).toBe(1);
    expect(merged.error).toBe('shard 2/3 is missing: its tenants were not checked');
  });

  test('a shard given twice, or a tenant in two reports, is an error', () => {
    const one = shardReport(1, 2);
    const merged = mergeReports([{ file: 'a.json', report: one }, { file: 'b.json', report: one }, { file: 'c.json', report: shardReport(2, 2) }]);
    expect(merged.error).toContain('shard 1/2 given twice (a.json and b.json)');
    expect(merged.error).toMatch(/tenant \S+ is in a.json and in b.json/);
  });

  test("a shard that checked nothing carries its error into the merge", () => {
    const failed = buildReport([], { unmanagedChecked: true, shard: { index: 2, count: 2 }, error: 'synth failed (exit 1); nothing was checked' });
    const merged = mergeReports([{ file: 'shard-1.json', report: shardReport(1, 2) }, { file: 'shard-2.json', report: failed }]);
    expect(merged).toMatchObject({ exitCode: 1, status: 'error', error: 'shard-2.json: synth failed (exit 1); nothing was checked' });
  });

  test('a file that is not a report of this schema is refused with the file and the field', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cvi-merge-'));
    try {
      const good = path.join(dir, 'good.json');
      fs.writeFileSync(good, renderJson(shardReport(1, 2)));
      expect(readReport(good).shard).toEqual({ index: 1, count: 2 });
      const old = path.join(dir, 'old.json');
      fs.writeFileSync(old, JSON.stringify({ status: 'drift', exitCode: 2, tenants: [] }));
      expect(() => readReport(old)).toThrow(`${old}: schemaVersion: `);
      const broken = path.join(dir, 'broken.json');
      fs.writeFileSync(broken, '{');
      expect(() => readReport(broken)).toThrow(`${broken}: not a readable JSON report`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
