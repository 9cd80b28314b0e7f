import { parseDriftOptions } from '../../../../scripts/drift/options';

describe('cvi drift options', () => {
  test('with no options, every tenant is checked three at a time after a synth, as a table', () => {
    expect(parseDriftOptions([])).toEqual({
      tenants: [],
      format: 'table',
      concurrency: 3,
      timeoutSeconds: 1800,
      synth: true,
      outDir: undefined,
      shard: undefined,
      merge: undefined,
      ignoreUnmanaged: false,
      help: false,
    });
  });

  test('--tenant may repeat and may hold a comma-separated list', () => {
    expect(parseDriftOptions(['--tenant', 'contoso', '--tenant=fabrikam,northwind']).tenants).toEqual(['contoso', 'fabrikam', 'northwind']);
  });

  test('--json, --no-synth, --out and --concurrency are read', () => {
    expect(parseDriftOptions(['--json', '--no-synth', '--out', 'x', '--concurrency', '5'])).toMatchObject({ format: 'json', synth: false, outDir: 'x', concurrency: 5 });
  });

  test('a concurrency of zero is rejected with the rule and the value', () => {
    expect(() => parseDriftOptions(['--concurrency', '0'])).toThrow('--concurrency: must be a whole number from 1 to 32 (got 0)');
  });

  test('--timeout is read in seconds and must be positive', () => {
    expect(parseDriftOptions(['--timeout', '600']).timeoutSeconds).toBe(600);
    expect(() => parseDriftOptions(['--timeout', '0'])).toThrow('--timeout: must be a whole number of seconds >= 1 (got 0)');
  });

  test('an option without its value is rejected', () => {
    expect(() => parseDriftOptions(['--tenant', '--json'])).toThrow('--tenant: needs a value');
  });

  test('an unknown option is rejected, not ignored', () => {
    expect(() => parseDriftOptions(['--tenants', 'x'])).toThrow('unknown option --tenants');
  });

  test('--markdown, --shard and --ignore-unmanaged are read', () => {
    expect(parseDriftOptions(['--markdown', '--shard', '2/3', '--ignore-unmanaged'])).toMatchObject({ format: 'markdown', shard: { index: 2, count: 3 }, ignoreUnmanaged: true });
  });

  test('--json and --markdown together are rejected', () => {
    expect(() => parseDriftOptions(['--json', '--markdown'])).toThrow('--json and --markdown: choose one');
  });

  test('--merge takes every file up to the next option', () => {
    expect(parseDriftOptions(['--merge', 'a.json', 'b.json', '--json'])).toMatchObject({ merge: ['a.json', 'b.json'], format: 'json' });
  });

  test('--merge without files, or with an option of a check, is rejected', () => {
    expect(() => parseDriftOptions(['--merge'])).toThrow('--merge: needs at least one report file');
    expect(() => parseDriftOptions(['--merge', 'a.json', '--shard', '1/2'])).toThrow('--merge: joins reports and checks nothing, so --shard does not apply');
  });
});
