import { X509Certificate } from 'node:crypto';
import { makeTlsIdentity } from '../../../tls/certificate';

describe('the AutoMTLS certificate', () => {
  const identity = makeTlsIdentity(new Date('2026-01-01T00:00:00Z'));
  const cert = new X509Certificate(identity.certPem);

  it('is self-signed by its own EC P-256 key', () => {
    expect(cert.checkIssued(cert)).toBe(true);
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(cert.publicKey.asymmetricKeyDetails).toMatchObject({ namedCurve: 'prime256v1' });
  });

  it('names localhost, as Terraform dials the provider with server name localhost', () => {
    expect(cert.subjectAltName).toContain('DNS:localhost');
    expect(cert.checkHost('localhost')).toBe('localhost');
  });

  it('is a CA for server and client authentication, so Terraform can trust it as its own root', () => {
    expect(cert.ca).toBe(true);
    expect(cert.keyUsage).toEqual(expect.arrayContaining(['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']));
  });

  it('is valid from just before it was made', () => {
    expect(new Date(cert.validFrom).getTime()).toBeLessThan(new Date('2026-01-01T00:00:00Z').getTime());
    expect(new Date(cert.validTo).getTime()).toBeGreaterThan(new Date('2026-06-01T00:00:00Z').getTime());
  });

  it('carries the same DER that the PEM wraps', () => {
    expect(cert.raw.equals(identity.certDer)).toBe(true);
  });
});
