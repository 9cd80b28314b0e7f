// The synth and construct tests under CDK Terrain (cdktn), the maintained fork of cdktf: the same
// tests, with every `require('cdktf')` and `require('constructs')` (ours and the prebuilt
// providers') answered by the cdktn core installed in CVI_CDKTN_MODULES (.ci/cdktn, see .ci/run).
const path = require('path');
const base = require('../jest.config.js');

const modules = process.env.CVI_CDKTN_MODULES;
if (!modules) throw new Error('set CVI_CDKTN_MODULES to a node_modules folder holding cdktn and constructs (.ci/run does)');
const at = (name) => path.join(path.resolve(modules), name);

module.exports = {
  ...base,
  rootDir: '..',
  testMatch: ['<rootDir>/__tests__/unit/{constructs,stacks,domain}/**/*.test.ts', '<rootDir>/__tests__/cdktn/*.cdktn-test.ts'],
  moduleNameMapper: {
    '^cdktf$': at('cdktn'),
    '^cdktf/(.*)$': `${at('cdktn')}/$1`,
    '^constructs$': at('constructs'),
    '^constructs/(.*)$': `${at('constructs')}/$1`,
  },
};
