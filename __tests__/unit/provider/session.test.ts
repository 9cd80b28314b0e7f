/** How the provider block's sign-in choices combine with the environment. */
import { credentialEnvironment, createSession } from '../../../provider/session';

const env = { ARM_TENANT_ID: 'aaaaaaaa-0000-4000-8000-000000000001', ARM_CLIENT_ID: 'bbbbbbbb-0000-4000-8000-000000000001', ARM_CLIENT_SECRET: 'from-the-environment' };

describe('the environment the credential is chosen from', () => {
  it('is the process environment when the block chooses nothing', () => {
    expect(credentialEnvironment({}, env)).toEqual(env);
  });

  it('drops secret variables when the block asks for the managed identity', () => {
    const out = credentialEnvironment({ use_msi: true }, env);

    expect(out).toMatchObject({ ARM_USE_MSI: 'true', ARM_TENANT_ID: env.ARM_TENANT_ID });
    expect(out.ARM_CLIENT_SECRET).toBeUndefined();
  });

  it('drops secret and OIDC variables when the block asks for the Azure CLI', () => {
    const out = credentialEnvironment({ use_cli: true }, { ...env, ARM_USE_OIDC: 'true' });

    expect(out).toMatchObject({ ARM_USE_CLI: 'true' });
    expect([out.ARM_CLIENT_SECRET, out.ARM_USE_OIDC]).toEqual([undefined, undefined]);
  });

  it('passes the certificate path of the block to the chooser', () => {
    expect(credentialEnvironment({ client_certificate_path: '/etc/cvi/app.pem' }, env).ARM_CLIENT_CERTIFICATE_PATH).toBe('/etc/cvi/app.pem');
  });

  it('never changes the process environment it was given', () => {
    const given = { ...env };

    credentialEnvironment({ use_msi: true }, given);

    expect(given).toEqual(env);
  });
});

describe('configuring the provider', () => {
  it('asks for a tenant id, naming the attribute and the variables, when none is set', async () => {
    const signal = new AbortController().signal;

    await expect(createSession({}, { ARM_USE_CLI: 'true' }, signal)).rejects.toMatchObject({
      summary: 'No tenant id',
      detail: expect.stringContaining('set tenant_id in the provider block or ARM_TENANT_ID'),
      attribute: ['tenant_id'],
    });
  });

  it('explains a sign-in method that lacks its inputs, without echoing a secret', async () => {
    const signal = new AbortController().signal;

    const error = (await createSession({}, { ARM_CLIENT_SECRET: 'do-not-print-me' }, signal).then(
      () => ({ detail: 'configured without complaint' }),
      (e: unknown) => e,
    )) as { detail: string };

    expect(error.detail).toContain('ARM_TENANT_ID');
    expect(error.detail).not.toContain('do-not-print-me');
  });
});
