/**
 * A throwaway npm registry on 127.0.0.1 that serves exactly the tarballs it is given, so the consumer
 * test can run a user's plain `npm install <name>@<version> …` without the network.
 *
 * Why not `npm install --offline` from the cache `npm ci` filled: npm 11 resolves every dependency named
 * on the command line or in a package.json from its *full* packument, while `npm ci` caches only the
 * abbreviated ones, so an offline install of `cdktf@0.21.0` fails with ENOTCACHED. Installing the tarballs
 * as `file:` specs does work offline, but npm unpacks a `file:` tarball to read its manifest, and the
 * provider's is 270 MB unpacked: about 45 s, against a few seconds here.
 */
import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import { createServer, Server } from 'http';
import { AddressInfo } from 'net';
import { basename } from 'path';

export interface LocalRegistry {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  /** Every request the registry could not answer (a package it does not hold), e.g. `GET /left-pad`. */
  readonly misses: string[];
  close(): Promise<void>;
}

interface Published {
  readonly name: string;
  readonly version: string;
  readonly file: string;
  readonly manifest: Record<string, unknown>;
  readonly integrity: string;
  readonly shasum: string;
}

/** The package.json inside an npm tarball (`package/package.json`). */
export function manifestOf(tarball: string): Record<string, unknown> {
  return JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
}

function publish(file: string): Published {
  const manifest = manifestOf(file);
  const bytes = readFileSync(file);
  return {
    name: String(manifest.name),
    version: String(manifest.version),
    file,
    manifest,
    integrity: `sha512-${createHash('sha512').update(bytes).digest('base64')}`,
    shasum: createHash('sha1').update(bytes).digest('hex'),
  };
}

/** Starts a registry holding one version of each package in `tarballs`. */
export async function startLocalRegistry(tarballs: readonly string[]): Promise<LocalRegistry> {
  const packages = new Map(tarballs.map(publish).map((p) => [p.name, p]));
  const misses: string[] = [];
  let base = '';
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    const tarball = [...packages.values()].find((p) => path === `/-/tarballs/${basename(p.file)}`);
    if (req.method === 'GET' && tarball) {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(readFileSync(tarball.file));
      return;
    }
    const pkg = packages.get(path.slice(1));
    if (req.method === 'GET' && pkg) {
      const dist = { tarball: `${base}-/tarballs/${basename(pkg.file)}`, integrity: pkg.integrity, shasum: pkg.shasum };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({
        name: pkg.name,
        'dist-tags': { latest: pkg.version },
        versions: { [pkg.version]: { ...pkg.manifest, _id: `${pkg.name}@${pkg.version}`, dist } },
      }));
      return;
    }
    misses.push(`${req.method} ${path}`);
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end('{"error":"not found"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url: base,
    misses,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
