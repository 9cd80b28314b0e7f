/**
 * The demo's embedded example tenant: Pexip on contoso.example, granted tenant-wide, with consent
 * left to whoever granted it by hand (`consent.enabled: false`) and no DNS section, so the stack
 * needs only the `cvi` provider: the azuread and dns providers would come from the Terraform
 * registry, which a first run (or CI) may not reach.
 */
export const DEMO_TENANT_NAME = 'demo';
/** A tenant id no real tenant has (version-4 GUID shape, all zeros but the last group). */
export const DEMO_TENANT_ID = '0de70000-0000-4000-8000-000000000c71';
export const DEMO_CLIENT_ID = '0de70000-0000-4000-8000-00000000c11e';

export const DEMO_TENANT_FILE = `# The cvi demo's example tenant (written by npm run demo into a scratch folder).
tenant:
  id: ${DEMO_TENANT_ID}
  name: ${DEMO_TENANT_NAME}
  domain: contoso.example
vendor: pexip
teams:
  serviceProvider:
    allowAppGuestJoinsAsAuthenticated: true
  assignment:
    global: true
consent:
  enabled: false
`;

/** What the demo writes into the emulator behind Terraform's back. */
export const TAMPERED_INSTRUCTION_URI = 'https://dial.example.net/teams/{ConfId}';
