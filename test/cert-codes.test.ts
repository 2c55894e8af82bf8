import { describe, expect, it } from 'vitest';
import { certFailureClassOfCode, certificateFailureOfCode, FAILURES } from '../src/model/failure.ts';

/** Issue #19 item 9: certificate codes are mapped in one table (model/failure.ts), to a class and to OONI's failure string. */
describe('one table of certificate codes', () => {
  it('gives the class and the OONI failure string the network layer reports', () => {
    const cases: Array<[string, string, string]> = [
      ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'incomplete_chain', FAILURES.unknownAuthority],
      ['SELF_SIGNED_CERT_IN_CHAIN', 'untrusted_root', FAILURES.unknownAuthority],
      ['DEPTH_ZERO_SELF_SIGNED_CERT', 'self_signed', FAILURES.unknownAuthority],
      ['ERR_TLS_CERT_ALTNAME_INVALID', 'wrong_name', FAILURES.invalidHostname],
      ['CERT_HAS_EXPIRED', 'expired', FAILURES.invalidCertificate],
      ['CERT_REVOKED', 'other', FAILURES.invalidCertificate],
      ['INVALID_CA', 'other', FAILURES.invalidCertificate],
    ];
    for (const [code, cls, failure] of cases) {
      expect(certFailureClassOfCode(code), code).toBe(cls);
      expect(certificateFailureOfCode(code), code).toBe(failure);
    }
  });

  it('leaves codes outside the table to the caller', () => {
    expect(certificateFailureOfCode('ECONNRESET')).toBeNull();
    expect(certificateFailureOfCode('ERR_SSL_WRONG_VERSION_NUMBER')).toBeNull();
  });
});
