import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { paths, TARGET_URI, TEAMS_ADMIN_SCOPE } from '../../support/emulator';

const CVI = join(__dirname, '..', '..', '..', 'bin', 'cvi.js');
const TENANT = '11111111-1111-1111-1111-111111111111';

function startCli(args: string[]): { child: ChildProcessWithoutNullStreams; output: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, [CVI, 'emulator', ...args], { env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' } });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exit };
}

async function waitFor(output: () => string, text: string): Promise<void> {
  for (let i = 0; i < 600 && !output().includes(text); i++) await new Promise((r) => setTimeout(r, 50));
  if (!output().includes(text)) throw new Error(`CLI never printed "${text}"; output so far:\n${output()}`);
}

/** The client-credentials POST, trusting only the CA file the CLI printed. */
function fetchToken(authorityHost: string, caPath: string): Promise<string> {
  const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: 'cli-test', client_secret: 'x', scope: TEAMS_ADMIN_SCOPE }).toString();
  return new Promise((resolve, reject) => {
    const req = request(
      `${authorityHost}/${TENANT}/oauth2/v2.0/token`,
      { method: 'POST', ca: readFileSync(caPath), headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve((JSON.parse(text) as { access_token: string }).access_token));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('cvi emulator command', () => {
  it('serves the API with the faults given on the command line and stops cleanly on SIGTERM', async () => {
    // given the CLI started with one injected 503 on the providers list
    const faults = JSON.stringify([{ kind: 'error', status: 503, route: `GET ${paths.providers()}`, times: 1 }]);
    const cli = startCli(['--port', '0', '--replication-lag', '0', '--faults', faults]);
    try {
      await waitFor(cli.output, 'Ctrl-C stops it.');
      const url = /Teams admin API:\s+(\S+)/.exec(cli.output())![1];
      const authority = /token endpoint:\s+(\S+)/.exec(cli.output())![1];
      const caPath = /token endpoint CA:\s+(\S+)/.exec(cli.output())![1];
      // when a client gets a token over HTTPS (trusting the printed CA), discovers, and lists providers twice
      const token = await fetchToken(authority, caPath);
      const discovery = await fetch(url + paths.discovery(), { headers: { authorization: `Bearer ${token}` } });
      const { Endpoints } = (await discovery.json()) as { Endpoints: { AdminServiceEndpoint: string } };
      const headers = { authorization: `Bearer ${token}`, [TARGET_URI]: `https://${Endpoints.AdminServiceEndpoint}` };
      const statuses = [(await fetch(url + paths.providers(), { headers })).status, (await fetch(url + paths.providers(), { headers })).status];
      // then the fault fires once, and SIGTERM ends the process with exit 0
      expect(statuses).toEqual([503, 200]);
      cli.child.kill('SIGTERM');
      expect(await cli.exit).toBe(0);
      expect(cli.output()).toContain('emulator stopped');
    } finally {
      cli.child.kill('SIGKILL');
    }
  });

  it('exits 2 with a message naming the flag for a bad value', async () => {
    // when --latency is not a number
    const cli = startCli(['--latency', 'soon']);
    // then the CLI exits 2 naming the flag
    expect(await cli.exit).toBe(2);
    expect(cli.output()).toContain('--latency must be a number');
  });

  it('exits 2 naming the problem for malformed --faults JSON', async () => {
    // when --faults holds an unknown kind
    const cli = startCli(['--faults', '[{"kind":"explode"}]']);
    // then the CLI exits 2 naming the rule
    expect(await cli.exit).toBe(2);
    expect(cli.output()).toContain('kind must be one of');
  });
});
