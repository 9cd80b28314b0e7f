/**
 * Run only by .ci/jest.cdktn.config.js: proves that run really used CDK Terrain. Without it, a
 * broken module mapping would quietly test cdktf 0.21 twice.
 */
test('cdktf and constructs resolve to the cdktn 0.24 core and the constructs it requires', () => {
  expect(require('cdktf/package.json')).toMatchObject({ name: 'cdktn', version: '0.24.0' });
  expect(require('constructs/package.json').version).toBe('10.7.2');
  // The prebuilt providers get the same core: one App, one token system.
  const { App } = require('cdktf');
  const { AzureadProvider } = require('@cdktf/provider-azuread/lib/provider');
  expect(AzureadProvider.prototype instanceof require('cdktf').TerraformProvider).toBe(true);
  expect(typeof App).toBe('function');
});
