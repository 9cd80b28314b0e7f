/**
 * `cvi emulator`: runs the local Teams admin API emulator until SIGINT/SIGTERM, for demos and
 * for pointing the client, the provider and Terraform at it without a tenant.
 */
import { CANDIDATE_READS, parseFaults, startEmulator, type CandidateRead, type EmulatorOptions, type FaultSpec } from '../../emulator';

const USAGE = `usage: cvi emulator [--port N] [--token-port N] [--persist FILE] [--latency MS]
                    [--replication-lag MS] [--batch-user-ms MS] [--seed N] [--faults JSON]
                    [--candidate NAME ...] [--refuse-group-assignment]

  --port N             API port on 127.0.0.1 (default: any free port)
  --token-port N       HTTPS token endpoint port (default: any free port)
  --persist FILE       keep tenants in FILE across restarts (default: memory only)
  --latency MS         delay added to every API request (default 0)
  --replication-lag MS how long a user grant stays invisible to reads (default 2000)
  --batch-user-ms MS   simulated processing time per user of a batch (default 0.05)
  --seed N             seed of probabilistic faults (default 1)
  --candidate NAME     answer a candidate read no Microsoft code proves: ${CANDIDATE_READS.join(', ')}
                       (default: none, answered as the service may: 400/405)
  --refuse-group-assignment  refuse group grants of TeamsVideoInteropServicePolicy, as the service may
  --faults JSON        faults to inject, e.g. '[{"kind":"throttle","route":"POST /Skype.Policy/assignments/operations","times":2,"retryAfterSeconds":0}]'`;

/** The CLI's default lag is the service's order of magnitude, so a demo shows why clients wait. */
export const CLI_DEFAULT_REPLICATION_LAG_MS = 2000;

class UsageError extends Error {}

interface Parsed {
  options: EmulatorOptions & { tokenPort?: number };
  faults: FaultSpec[];
  help: boolean;
}

function number(flag: string, value: string | undefined, { integer = false, max = Number.MAX_SAFE_INTEGER } = {}): number {
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > max || (integer && !Number.isInteger(n))) {
    throw new UsageError(`${flag} must be ${integer ? 'a whole number' : 'a number'} from 0 to ${max}, got "${value}"`);
  }
  return n;
}

export function parseArgs(args: string[]): Parsed {
  const parsed: Parsed = { options: { replicationLagMs: CLI_DEFAULT_REPLICATION_LAG_MS }, faults: [], help: false };
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    const value = args[i + 1];
    switch (flag) {
      case '--help':
      case '-h':
        parsed.help = true;
        continue;
      case '--port':
        parsed.options.port = number(flag, value, { integer: true, max: 65535 });
        break;
      case '--token-port':
        parsed.options.tokenPort = number(flag, value, { integer: true, max: 65535 });
        break;
      case '--persist':
        if (value === undefined || value.startsWith('--') || value === '') throw new UsageError('--persist needs a file path');
        parsed.options.persistPath = value;
        break;
      case '--latency':
        parsed.options.latencyMs = number(flag, value);
        break;
      case '--replication-lag':
        parsed.options.replicationLagMs = number(flag, value);
        break;
      case '--batch-user-ms':
        parsed.options.batchUserMs = number(flag, value);
        break;
      case '--seed':
        parsed.options.seed = number(flag, value, { integer: true, max: 2 ** 32 - 1 });
        break;
      case '--candidate':
        if (!CANDIDATE_READS.includes(value as CandidateRead)) throw new UsageError(`--candidate must be one of ${CANDIDATE_READS.join(', ')}, got "${value ?? ''}"`);
        parsed.options.candidates = [...(parsed.options.candidates ?? []), value as CandidateRead];
        break;
      case '--refuse-group-assignment':
        parsed.options.refuseGroupAssignment = true;
        continue;
      case '--faults':
        if (value === undefined) throw new UsageError('--faults needs a JSON array of faults');
        try {
          parsed.faults.push(...parseFaults(value));
        } catch (err) {
          throw new UsageError((err as Error).message);
        }
        break;
      default:
        throw new UsageError(`unknown option "${flag}"`);
    }
    i++;
  }
  return parsed;
}

export async function run(args: string[]): Promise<number> {
  let parsed: Parsed;
  try {
    parsed = parseArgs(args);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`cvi emulator: ${err.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (parsed.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let emulator;
  try {
    emulator = await startEmulator(parsed.options);
  } catch (err) {
    process.stderr.write(`cvi emulator: cannot start: ${(err as Error).message}\n`);
    return 1;
  }
  emulator.faults.addAll(parsed.faults);
  const o = parsed.options;
  process.stdout.write(
    [
      `Teams admin API:      ${emulator.url}`,
      `Microsoft Graph:      ${emulator.graphUrl}  (service principals, app role assignments, delegated grants; in memory)`,
      `token endpoint:       ${emulator.authorityHost}  (any client id and secret are accepted)`,
      `token endpoint CA:    ${emulator.caCertPath}`,
      `state:                ${o.persistPath ? `persisted to ${o.persistPath}` : 'in memory'}`,
      `replication lag:      ${o.replicationLagMs} ms; latency: ${o.latencyMs ?? 0} ms; faults: ${parsed.faults.length}`,
      `candidate reads:      ${o.candidates?.join(', ') || 'none (refused, as the real service may)'}${o.refuseGroupAssignment ? '; group grants refused' : ''}`,
      '',
      'point the client, the cvi provider and Terraform at it:',
      `  export NODE_EXTRA_CA_CERTS=${emulator.caCertPath}`,
      `  export ARM_AUTHORITY_HOST=${emulator.authorityHost}`,
      `  export ARM_TENANT_ID=<any tenant id, e.g. 00000000-0000-0000-0000-000000000001>`,
      `  export ARM_CLIENT_ID=<any client id> ARM_CLIENT_SECRET=<any non-empty value>`,
      `  export CVI_TEAMS_ENDPOINT=${emulator.url}   # the cvi provider block's endpoint`,
      `  export CVI_GRAPH_ENDPOINT=${emulator.graphUrl}   # cvi verify / export read consent here`,
      '',
      'Ctrl-C stops it.',
      '',
    ].join('\n'),
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await emulator.stop();
  process.stdout.write('emulator stopped\n');
  return 0;
}
