import { makeTlsIdentity } from '../../../tls/certificate';
import { checkHandshakeEnvironment, handshakeLine, MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from '../../../provider/server/handshake';

const clientCert = makeTlsIdentity().certPem;
const terraformEnv = { [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: '6', PLUGIN_CLIENT_CERT: clientCert, PLUGIN_UNIX_SOCKET_DIR: '/tmp/sockets' };

describe('the go-plugin handshake', () => {
  it('explains itself to a person who starts the provider without the magic cookie', () => {
    const check = checkHandshakeEnvironment({});

    expect(check).toMatchObject({ ok: false, message: expect.stringContaining('not a program to run by hand') });
  });

  it('refuses a Terraform that does not offer protocol 6, naming what it offered', () => {
    const check = checkHandshakeEnvironment({ ...terraformEnv, PLUGIN_PROTOCOL_VERSIONS: '4,5' });

    expect(check).toMatchObject({ ok: false, message: expect.stringContaining('offers 4, 5') });
  });

  it('refuses to serve without the client certificate of AutoMTLS', () => {
    const check = checkHandshakeEnvironment({ ...terraformEnv, PLUGIN_CLIENT_CERT: '' });

    expect(check).toMatchObject({ ok: false, message: expect.stringContaining('PLUGIN_CLIENT_CERT') });
  });

  it('refuses a PLUGIN_CLIENT_CERT that is not a certificate, in one line', () => {
    const check = checkHandshakeEnvironment({ ...terraformEnv, PLUGIN_CLIENT_CERT: '-----BEGIN CERTIFICATE-----\ngarbage\n-----END CERTIFICATE-----' });

    expect(check).toMatchObject({ ok: false, message: expect.stringMatching(/^cvi provider: PLUGIN_CLIENT_CERT is not a usable certificate \(not a PEM X\.509 certificate: [^\n]+\n$/) });
  });

  it('refuses an expired client certificate, saying when it expired', () => {
    const expired = makeTlsIdentity(new Date(Date.UTC(2020, 0, 1))).certPem;

    const check = checkHandshakeEnvironment({ ...terraformEnv, PLUGIN_CLIENT_CERT: expired });

    expect(check).toMatchObject({ ok: false, message: expect.stringContaining('(expired on 2020-12-31T') });
  });

  it('listens on a unix socket in the directory Terraform names', () => {
    const check = checkHandshakeEnvironment(terraformEnv);

    expect(check).toMatchObject({ ok: true, clientCertPem: clientCert, socketPath: expect.stringMatching(/^\/tmp\/sockets\/plugin-cvi-.*\.sock$/) });
  });

  it('prints core version 1, protocol 6, the socket and the certificate in unpadded base64', () => {
    const der = Buffer.from([1, 2, 3, 4]); // base64 "AQIDBA==" padded

    expect(handshakeLine('/tmp/p.sock', der)).toBe('1|6|unix|/tmp/p.sock|grpc|AQIDBA\n');
  });
});
