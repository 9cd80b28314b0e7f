/**
 * Dispatcher of the `cvi` command line. Each subcommand lives in `scripts/commands/<name>.ts`
 * and exports `run(args): Promise<number>` (the exit code); register it below.
 */
export interface Command {
  /** One line for `cvi --help`. */
  summary: string;
  /** Loaded on use, so one command's dependencies never slow another's start. */
  load: () => Promise<{ run: (args: string[]) => Promise<number> }>;
}

export const commands: Record<string, Command> = {
  emulator: { summary: 'run the local Teams admin API emulator (with token endpoint and fault injection)', load: () => import('./commands/emulator') },
  probe: { summary: 'read-only check of the Teams admin API routes against a real tenant (run before the first deploy)', load: () => import('./commands/probe') },
  provider: { summary: 'install the cvi Terraform provider as a filesystem mirror, or pack it for a registry', load: () => import('./commands/provider') },
  init: { summary: 'scaffold a tenants repository that uses this package (cvi init <dir>)', load: () => import('./commands/init') },
  verify: { summary: 'check the world against the tenant files: SRV records, consent, Teams objects (exit 0 ok, 2 differs, 1 error)', load: () => import('./commands/verify') },
  export: { summary: 'write a tenant file (with import ids) for a tenant set up by hand, read from the live tenant', load: () => import('./commands/export') },
  drift: { summary: 'plan every tenant stack and report drift (exit 0 in sync, 2 drift, 1 error)', load: () => import('./commands/drift') },
};

function usage(): string {
  const rows = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(12)} ${c.summary}`);
  return ['usage: cvi <command> [options]', '', 'commands:', ...rows, '', 'cvi <command> --help for its options'].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(usage() + '\n');
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`cvi: unknown command "${name}"\n\n${usage()}\n`);
    return 1;
  }
  const mod = await command.load();
  return mod.run(rest);
}
