/** Tenant files for tests and benchmarks that run stacks against the emulator. */

export interface TeamsOnlyTenant {
  readonly name: string;
  readonly id: string;
  readonly domain: string;
}

/** A Pexip tenant with consent granted elsewhere and no DNS: the stack needs only the cvi provider. */
export function teamsOnlyTenantFile(t: TeamsOnlyTenant): string {
  return [
    'tenant:',
    `  id: ${t.id}`,
    `  name: ${t.name}`,
    `  domain: ${t.domain}`,
    'vendor: pexip',
    'teams:',
    '  assignment:',
    '    global: true',
    'consent:',
    '  enabled: false',
    '',
  ].join('\n');
}
