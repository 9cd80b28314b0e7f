import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { credentialFromEnvironment } from '../../../teams';

const TENANT = '0f0e0d0c-0b0a-4908-8706-050403020100';
const CLIENT = '11111111-2222-4333-8444-555555555555';
const SECRET = 'a-secret-that-must-not-show';
const app = { ARM_TENANT_ID: TENANT, ARM_CLIENT_ID: CLIENT };
const certFile = (() => {
  const dir = mkdtempSync(join(tmpdir(), 'cvi-auth-test-'));
  const path = join(dir, 'client.pem');
  writeFileSync(path, 'placeholder: the credential reads it only when asked for a token');
  return path;
})();

describe('credentialFromEnvironment chooses one method deterministically', () => {
  test.each([
    ['a certificate path', { ...app, ARM_CLIENT_CERTIFICATE_PATH: certFile }, 'client-certificate'],
    ['a certificate path and a secret (certificate wins, as in azurerm)', { ...app, ARM_CLIENT_CERTIFICATE_PATH: certFile, ARM_CLIENT_SECRET: SECRET }, 'client-certificate'],
    ['a client secret', { ...app, ARM_CLIENT_SECRET: SECRET }, 'client-secret'],
    ['a secret and ARM_USE_OIDC (secret wins, as in azurerm)', { ...app, ARM_CLIENT_SECRET: SECRET, ARM_USE_OIDC: 'true', ARM_OIDC_TOKEN: 'x' }, 'client-secret'],
    ['AZURE_* secret variables', { AZURE_TENANT_ID: TENANT, AZURE_CLIENT_ID: CLIENT, AZURE_CLIENT_SECRET: SECRET }, 'client-secret'],
    ['ARM_USE_OIDC with ARM_OIDC_TOKEN', { ...app, ARM_USE_OIDC: 'true', ARM_OIDC_TOKEN: 'header.payload.sig' }, 'oidc'],
    ['a federated token file (workload identity)', { AZURE_TENANT_ID: TENANT, AZURE_CLIENT_ID: CLIENT, AZURE_FEDERATED_TOKEN_FILE: '/var/run/secrets/token' }, 'oidc'],
    ['ARM_USE_OIDC in GitHub Actions', { ...app, ARM_USE_OIDC: 'true', ACTIONS_ID_TOKEN_REQUEST_URL: 'https://gh.example/token?x=1', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'req' }, 'oidc'],
    ['ARM_USE_MSI', { ARM_TENANT_ID: TENANT, ARM_USE_MSI: 'true' }, 'managed-identity'],
    ['nothing but a tenant (a person at a terminal)', { ARM_TENANT_ID: TENANT }, 'azure-cli'],
  ])('given %s, then the method is %s', (_what, env, method) => {
    expect(credentialFromEnvironment(env).method).toBe(method);
  });

  test('given a client secret, then the description names the app and never the secret', () => {
    const choice = credentialFromEnvironment({ ...app, ARM_CLIENT_SECRET: SECRET });

    expect(choice.description).toContain(CLIENT);
    expect(choice.description).not.toContain(SECRET);
  });

  test('given OIDC from GitHub Actions, then the description names the token source', () => {
    const choice = credentialFromEnvironment({ ...app, ARM_USE_OIDC: 'true', ACTIONS_ID_TOKEN_REQUEST_URL: 'https://gh.example/t', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'req' });

    expect(choice.description).toMatch(/assertion from GitHub Actions ID token endpoint/);
  });

  test('given a secret without a client id, then the error names the variables to set', () => {
    expect(() => credentialFromEnvironment({ ARM_TENANT_ID: TENANT, ARM_CLIENT_SECRET: SECRET })).toThrow(/ARM_CLIENT_ID \(or AZURE_CLIENT_ID\) is missing/);
  });

  test('given a secret without a tenant, then the error names ARM_TENANT_ID and never the secret', () => {
    let message = '';
    try {
      credentialFromEnvironment({ ARM_CLIENT_ID: CLIENT, ARM_CLIENT_SECRET: SECRET });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/ARM_TENANT_ID \(or AZURE_TENANT_ID\)/);
    expect(message).not.toContain(SECRET);
  });

  test('given ARM_USE_OIDC without any token source, then the error lists the token variables', () => {
    expect(() => credentialFromEnvironment({ ...app, ARM_USE_OIDC: 'true' })).toThrow(/ARM_OIDC_TOKEN, ARM_OIDC_TOKEN_FILE_PATH or AZURE_FEDERATED_TOKEN_FILE/);
  });

  test('given ARM_USE_CLI=false and nothing else, then the error lists every way to authenticate', () => {
    expect(() => credentialFromEnvironment({ ...app, ARM_USE_CLI: 'false' })).toThrow(/ARM_CLIENT_SECRET.*ARM_CLIENT_CERTIFICATE_PATH.*ARM_USE_OIDC.*ARM_USE_MSI/);
  });

  test('given an unknown ARM_ENVIRONMENT, then the error lists the known ones', () => {
    expect(() => credentialFromEnvironment({ ...app, ARM_ENVIRONMENT: 'mars' })).toThrow(/ARM_ENVIRONMENT "mars" is not one of public, usgovernment/);
  });

  test('given ARM_ENVIRONMENT usgovernment, then the authority and the Teams cloud are the US Government ones', () => {
    const choice = credentialFromEnvironment({ ...app, ARM_CLIENT_SECRET: SECRET, ARM_ENVIRONMENT: 'usgovernment' });

    expect(choice.authorityHost).toBe('https://login.microsoftonline.us');
    expect(choice.cloud).toBe('gcchigh');
  });

  test('given ARM_ENVIRONMENT china, then the Teams cloud is china', () => {
    expect(credentialFromEnvironment({ ...app, ARM_CLIENT_SECRET: SECRET, ARM_ENVIRONMENT: 'china' }).cloud).toBe('china');
  });

  test('given the public cloud, then instance discovery stays on', () => {
    expect(credentialFromEnvironment({ ...app, ARM_CLIENT_SECRET: SECRET }).instanceDiscoveryDisabled).toBe(false);
  });

  test('given a custom AZURE_AUTHORITY_HOST, then instance discovery is disabled', () => {
    const choice = credentialFromEnvironment({ ...app, ARM_CLIENT_SECRET: SECRET, AZURE_AUTHORITY_HOST: 'https://127.0.0.1:8443/' });

    expect(choice.authorityHost).toBe('https://127.0.0.1:8443');
    expect(choice.instanceDiscoveryDisabled).toBe(true);
  });

  test('given ARM_AUTHORITY_HOST and AZURE_AUTHORITY_HOST, then AZURE_AUTHORITY_HOST wins', () => {
    const choice = credentialFromEnvironment({ ...app, ARM_CLIENT_SECRET: SECRET, AZURE_AUTHORITY_HOST: 'https://a.example', ARM_AUTHORITY_HOST: 'https://b.example' });

    expect(choice.authorityHost).toBe('https://a.example');
  });

  test('given ARM_* and AZURE_* tenant ids, then the ARM_* one wins', () => {
    expect(credentialFromEnvironment({ ...app, AZURE_TENANT_ID: 'other', ARM_CLIENT_SECRET: SECRET }).tenantId).toBe(TENANT);
  });

  test('given overrides, then they win over the environment', () => {
    const choice = credentialFromEnvironment({ ...app, ARM_CLIENT_SECRET: SECRET }, { tenantId: 'override-tenant', cloud: 'dod' });

    expect(choice.tenantId).toBe('override-tenant');
    expect(choice.cloud).toBe('dod');
  });
});
