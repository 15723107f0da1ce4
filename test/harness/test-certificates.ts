// Certificates for tests of mutual TLS, made with the openssl CLI in a temporary folder: a CA, a
// server certificate for 127.0.0.1 and localhost, a client certificate packed as PKCS#12 with a
// passphrase (as BankID hands relying parties theirs; without the CA, which Node would otherwise
// trust for the server too), and a second CA with its own client, which the
// server does not trust. EC P-256 keys keep the whole set well under a second.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface TestCertificates {
  dir: string;
  caPath: string;
  serverKeyPath: string;
  serverCertPath: string;
  /** A client certificate signed by the CA, PKCS#12 with `passphrase`. */
  pfxPath: string;
  passphrase: string;
  /** A CA the server does not know, and a client certificate it signed (same passphrase). */
  untrustedCaPath: string;
  untrustedPfxPath: string;
  remove(): void;
}

const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

async function makeCa(dir: string, name: string): Promise<{ cert: string; key: string }> {
  const cert = join(dir, `${name}.crt`);
  const key = join(dir, `${name}.key`);
  await run('openssl', [
    'req',
    '-x509',
    ...EC_KEY,
    '-keyout',
    key,
    '-out',
    cert,
    '-days',
    '2',
    '-subj',
    `/CN=Test ${name}`,
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  return { cert, key };
}

async function makeSigned(
  dir: string,
  name: string,
  ca: { cert: string; key: string },
  extensions: string,
): Promise<{ cert: string; key: string }> {
  const key = join(dir, `${name}.key`);
  const csr = join(dir, `${name}.csr`);
  const cert = join(dir, `${name}.crt`);
  const ext = join(dir, `${name}.ext`);
  writeFileSync(ext, extensions);
  await run('openssl', ['req', ...EC_KEY, '-keyout', key, '-out', csr, '-subj', `/CN=${name}`]);
  await run('openssl', [
    'x509',
    '-req',
    '-in',
    csr,
    '-CA',
    ca.cert,
    '-CAkey',
    ca.key,
    '-set_serial',
    `0x${randomBytes(8).toString('hex')}`,
    '-days',
    '2',
    '-out',
    cert,
    '-extfile',
    ext,
  ]);
  return { cert, key };
}

async function packPkcs12(
  dir: string,
  name: string,
  signed: { cert: string; key: string },
  passphrase: string,
): Promise<string> {
  const out = join(dir, `${name}.p12`);
  await run('openssl', [
    'pkcs12',
    '-export',
    '-inkey',
    signed.key,
    '-in',
    signed.cert,
    '-out',
    out,
    '-passout',
    `pass:${passphrase}`,
  ]);
  return out;
}

export async function makeTestCertificates(): Promise<TestCertificates> {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-certs-'));
  const passphrase = `pass-${randomBytes(6).toString('hex')}`;
  const [ca, otherCa] = await Promise.all([makeCa(dir, 'ca'), makeCa(dir, 'other-ca')]);
  const clientExt =
    'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n';
  const [server, client, stranger] = await Promise.all([
    makeSigned(
      dir,
      'server',
      ca,
      'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n' +
        'subjectAltName=IP:127.0.0.1,DNS:localhost\n',
    ),
    makeSigned(dir, 'client', ca, clientExt),
    makeSigned(dir, 'stranger', otherCa, clientExt),
  ]);
  const [pfxPath, untrustedPfxPath] = await Promise.all([
    packPkcs12(dir, 'client', client, passphrase),
    packPkcs12(dir, 'stranger', stranger, passphrase),
  ]);
  return {
    dir,
    caPath: ca.cert,
    serverKeyPath: server.key,
    serverCertPath: server.cert,
    pfxPath,
    passphrase,
    untrustedCaPath: otherCa.cert,
    untrustedPfxPath,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
