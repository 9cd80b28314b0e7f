import { parseDriftOptions } from '../../../scripts/drift/options';

describe('cvi drift options', () => {
  test('with no options, every tenant is checked three at a time after a synth, as a table', () => {
    expect(parseDriftOptions([])).toEqual({ tenants: [], json: false, concurrency: 3, timeoutSeconds: 1800, synth: true, outDir: undefined, help: false });
  });

  test('--tenant may repeat and may hold a comma-separated list', () => {
    expect(parseDriftOptions(['--tenant', 'contoso', '--tenant=fabrikam,northwind']).tenants).toEqual(['contoso', 'fabrikam', 'northwind']);
  });

  test('--json, --no-synth, --out and --concurrency are read', () => {
    expect(parseDriftOptions(['--json', '--no-synth', '--out', 'x', '--concurrency', '5'])).toMatchObject({ json: true, synth: false, outDir: 'x', concurrency: 5 });
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
});
