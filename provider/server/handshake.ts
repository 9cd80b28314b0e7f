/**
 * The go-plugin handshake: decide whether we were started by Terraform, which protocol
 * version to speak, where to listen, and the one line that tells Terraform all of it.
 */
import { randomBytes, X509Certificate } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const MAGIC_COOKIE_KEY = 'TF_PLUGIN_MAGIC_COOKIE';
export const MAGIC_COOKIE_VALUE = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';
/** go-plugin's core protocol version (the first field of the line). */
const CORE_PROTOCOL_VERSION = 1;
/** The Terraform plugin protocol major version we serve. */
export const APP_PROTOCOL_VERSION = 6;

export const NOT_STARTED_BY_TERRAFORM = [
  'This is the "cvi" Terraform provider (terraform.local/teams-cvi/cvi): a plugin that Terraform',
  'starts and talks to, not a program to run by hand.',
  '',
  'To use it: run `npm run provider:install`, then run terraform with',
  'TF_CLI_CONFIG_FILE=<project>/.cvi/terraformrc (see provider/README.md).',
  '',
].join('\n');

export type HandshakeCheck =
  | { ok: true; clientCertPem: string; socketPath: string }
  | { ok: false; message: string };

/** Reads the environment Terraform starts plugins with; explains what is missing otherwise. */
export function checkHandshakeEnvironment(env: NodeJS.ProcessEnv): HandshakeCheck {
  if (env[MAGIC_COOKIE_KEY] !== MAGIC_COOKIE_VALUE) return { ok: false, message: NOT_STARTED_BY_TERRAFORM };
  const offered = (env.PLUGIN_PROTOCOL_VERSIONS ?? String(APP_PROTOCOL_VERSION)).split(',').map((v) => v.trim());
  if (!offered.includes(String(APP_PROTOCOL_VERSION))) {
    return {
      ok: false,
      message:
        `The cvi provider speaks plugin protocol ${APP_PROTOCOL_VERSION}, but this Terraform offers ` +
        `${offered.join(', ')} (PLUGIN_PROTOCOL_VERSIONS). Use Terraform 1.0 or newer.\n`,
    };
  }
  const clientCertPem = env.PLUGIN_CLIENT_CERT ?? '';
  if (!clientCertPem.includes('BEGIN CERTIFICATE')) {
    return {
      ok: false,
      message:
        'The cvi provider requires Terraform\'s automatic mutual TLS (PLUGIN_CLIENT_CERT is not set); ' +
        'run it through Terraform 1.0 or newer.\n',
    };
  }
  const certProblem = clientCertificateProblem(clientCertPem);
  if (certProblem) {
    // Serving anyway would print the handshake and then refuse every connection: Terraform would
    // wait for a provider that can never answer. Say so in one line and exit instead.
    return { ok: false, message: `cvi provider: PLUGIN_CLIENT_CERT is not a usable certificate (${certProblem}); it must be the PEM certificate Terraform passes for automatic mutual TLS.\n` };
  }
  const dir = env.PLUGIN_UNIX_SOCKET_DIR || tmpdir();
  const socketPath = join(dir, `plugin-cvi-${process.pid}-${randomBytes(4).toString('hex')}.sock`);
  return { ok: true, clientCertPem, socketPath };
}

/** Why the client certificate cannot authenticate Terraform, or undefined when it can. */
function clientCertificateProblem(pem: string, now = new Date()): string | undefined {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(pem);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return `not a PEM X.509 certificate: ${reason}`;
  }
  if (new Date(certificate.validTo) < now) return `expired on ${new Date(certificate.validTo).toISOString()}`;
  if (new Date(certificate.validFrom) > now) return `not valid before ${new Date(certificate.validFrom).toISOString()}`;
  return undefined;
}

/** `1|6|unix|<socket>|grpc|<certificate DER, base64 without padding>` */
export function handshakeLine(socketPath: string, certDer: Buffer): string {
  const cert = certDer.toString('base64').replace(/=+$/, '');
  return `${CORE_PROTOCOL_VERSION}|${APP_PROTOCOL_VERSION}|unix|${socketPath}|grpc|${cert}\n`;
}
