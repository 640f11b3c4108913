// Debian packages the test suites drive for real: a browser, ffmpeg, Ceph RADOS Gateway
// and PostgreSQL (the API suite runs on it too). Installed only when missing.
import { spawnSync } from 'node:child_process';

/** The command whose presence shows each package is installed. */
const PROBES = {
  chromium: 'chromium',
  ffmpeg: 'ffmpeg',
  'fonts-dejavu-core': '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  radosgw: 'radosgw',
  'ceph-mon': 'ceph-mon',
  'ceph-osd': 'ceph-osd',
  // The server binaries live off PATH; the client package alone fills .../bin with psql.
  postgresql: '/usr/lib/postgresql/*/bin/postgres',
};

function present(pkg) {
  const probe = PROBES[pkg] ?? pkg;
  if (probe.startsWith('/')) {
    return spawnSync('sh', ['-c', `ls ${probe}`], { stdio: 'ignore' }).status === 0;
  }
  return spawnSync('sh', ['-c', `command -v ${probe}`], { stdio: 'ignore' }).status === 0;
}

export function ensureSystemPackages(packages, log) {
  const missing = packages.filter((pkg) => !present(pkg));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `missing system packages: ${missing.join(' ')} (install them with apt-get as root)`,
    );
  }
  log(`installing system packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', ...missing]]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed`);
  }
}
