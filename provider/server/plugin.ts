/**
 * Serves the provider to Terraform: handshake, mutual TLS gRPC on a unix socket, the
 * tfplugin6 methods, and go-plugin's controller, stdio and health services.
 *
 * Start-up is on the critical path of every terraform command (Terraform starts the provider
 * several times per plan), so only what the handshake needs is loaded here; the provider's
 * logic (and the Teams client with @azure/identity) loads on the first call that needs it.
 */
import { unlinkSync } from 'node:fs';
import { makeTlsIdentity } from '../../tls/certificate';
import { GRPC_UNIMPLEMENTED, GrpcError, startGrpcServer, type StreamHandler, type UnaryHandler } from './grpc';
import { checkHandshakeEnvironment, handshakeLine } from './handshake';
import { log } from './log';
import { stopGraceMs, watchParent } from './parent-watch';
import { decodeMessage, encodeMessage, type Message } from './protobuf';
import { EmptyMessage, HealthCheckResponse, providerMethods } from './protocol';

/** What answers tfplugin6.Provider calls: method name to handler of decoded messages. */
export type ProviderMethods = Record<string, (request: Message) => Promise<Message>>;

export interface PluginOptions {
  env?: NodeJS.ProcessEnv;
  /** Loads the provider's method handlers; called once, on the first provider call. */
  loadMethods: () => Promise<ProviderMethods>;
  stdout?: (line: string) => void;
  stderr?: (text: string) => void;
  exit?: (code: number) => void;
}

/** Returns the process exit code when the plugin cannot serve; otherwise serves until shutdown. */
export async function servePlugin(options: PluginOptions): Promise<number | undefined> {
  const env = options.env ?? process.env;
  const stdout = options.stdout ?? ((line: string) => process.stdout.write(line));
  const stderr = options.stderr ?? ((text: string) => process.stderr.write(text));
  const exit = options.exit ?? ((code: number) => process.exit(code));

  const check = checkHandshakeEnvironment(env);
  if (!check.ok) {
    stderr(check.message);
    return 1;
  }

  let methods: Promise<ProviderMethods> | undefined;
  const unary: Record<string, UnaryHandler> = {};
  for (const [name, descriptors] of Object.entries(providerMethods)) {
    unary[`/tfplugin6.Provider/${name}`] = async (body) => {
      methods ??= options.loadMethods();
      const handler = (await methods)[name];
      if (!handler) throw new GrpcError(GRPC_UNIMPLEMENTED, `tfplugin6.Provider/${name} is not implemented by the cvi provider`);
      const response = await handler(decodeMessage(descriptors.request, body));
      return encodeMessage(descriptors.response, response);
    };
  }

  const identity = makeTlsIdentity();
  let shuttingDown = false;
  const shutdown = () => {
    if (shuttingDown) return;
    shuttingDown = true;
    // Answer the Shutdown call first, then leave.
    setTimeout(() => {
      void server.close().finally(() => exit(0));
      setTimeout(() => exit(0), 500).unref();
    }, 10);
  };
  unary['/plugin.GRPCController/Shutdown'] = async () => {
    shutdown();
    return encodeMessage(EmptyMessage, {});
  };
  unary['/grpc.health.v1.Health/Check'] = async () => encodeMessage(HealthCheckResponse, { status: 1 });
  // Our logs go to stderr (which go-plugin also reads), so the stdio stream stays silent.
  const streams: Record<string, StreamHandler> = { '/plugin.GRPCStdio/StreamStdio': () => undefined };

  const server = await startGrpcServer({
    keyPem: identity.keyPem,
    certPem: identity.certPem,
    clientCertPem: check.clientCertPem,
    socketPath: check.socketPath,
    unary,
    streams,
    onError: (path, error) => log('error', `${path} failed: ${error instanceof Error ? error.message : String(error)}`),
  });
  const removeSocket = () => {
    try {
      unlinkSync(check.socketPath);
    } catch {
      // already gone
    }
  };
  process.once('exit', removeSocket);
  // A signal that ends the process skips 'exit': remove the socket, then end as that signal would.
  for (const [signal, code] of [['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.once(signal, () => {
      log('info', `${signal} received; removing ${check.socketPath} and exiting`);
      removeSocket();
      exit(code);
    });
  }
  // Terraform sends SIGINT to the whole process group on Ctrl-C and then asks us to stop
  // through StopProvider; the apply in flight must finish its call, so the first SIGINT only
  // removes the socket file (Terraform's connection is already open and stays) and waits. A
  // second one, from a person pressing Ctrl-C again or a Terraform that died, exits at once.
  let interrupts = 0;
  process.on('SIGINT', () => {
    interrupts += 1;
    removeSocket();
    if (interrupts === 1) {
      log('info', 'interrupt received; socket removed, waiting for Terraform to stop the provider');
      return;
    }
    log('info', 'second interrupt received; exiting');
    exit(130);
  });
  // Terraform killed: let a write in flight finish (its in-flight note lets the next apply adopt
  // the object), then leave.
  // Once terraform is gone its end of our stdout/stderr pipes is closed: a log line would fail
  // with EPIPE and, unhandled, end the process in the middle of a write it should finish.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
  watchParent((parent) => {
    const graceMs = stopGraceMs(env);
    log('warn', `terraform (pid ${parent}) is gone without stopping the provider; exiting in ${graceMs} ms`);
    removeSocket();
    setTimeout(() => exit(1), graceMs);
  });
  stdout(handshakeLine(check.socketPath, identity.certDer));
  return undefined;
}
