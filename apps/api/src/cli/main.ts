import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config';
import { createBackup } from './backup';
import { CliError, EXIT_DIFFERENCES } from './manifest';
import { restoreBackup, type VerifyReport, verifyInstance } from './restore';

const USAGE = `Backs up and restores Elevate. Reads the server's environment (DATA_DIR, DATABASE_URL,
STORAGE_DRIVER, S3_*): run it with the same settings as the instance.

  backup DIR [--no-media] [--pg-bin DIR]  back up into DIR, a new or empty folder
  restore DIR [--pg-bin DIR]              load backup DIR into an empty instance, then verify
  verify DIR                              compare the instance with backup DIR

  --no-media    local-disk store: list the objects without copying them (when the media
                folder is backed up otherwise, e.g. by file-system snapshots)
  --pg-bin DIR  where pg_dump and pg_restore are (default: PATH)

Exit status: 0 done, 1 failed, 2 usage, ${EXIT_DIFFERENCES} the instance differs from the backup.`;

/** Runs one command; resolves with the exit status. */
export async function runCli(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  out: (line: string) => void = (line) => console.log(line),
): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    out(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { command, dir, values } = parsed;
  if (values.help || !command) {
    out(USAGE);
    return values.help ? 0 : 2;
  }
  if (!dir || !['backup', 'restore', 'verify'].includes(command)) {
    out(`Unknown command or missing folder: ${argv.join(' ')}\n\n${USAGE}`);
    return 2;
  }
  try {
    const config = loadConfig(env);
    const pg = values['pg-bin'] ? { binDir: values['pg-bin'] } : {};
    if (command === 'backup') {
      await createBackup(config, dir, { copyMedia: !values['no-media'], pg, log: out });
      return 0;
    }
    const report =
      command === 'restore'
        ? await restoreBackup(config, dir, { pg, log: out })
        : await verifyInstance(config, dir);
    describeReport(report, out);
    return report.ok ? 0 : EXIT_DIFFERENCES;
  } catch (error) {
    if (error instanceof CliError || error instanceof ConfigError) {
      out(error.message);
      return error instanceof CliError ? error.exitCode : 1;
    }
    throw error;
  }
}

function parse(argv: readonly string[]) {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      'no-media': { type: 'boolean' },
      'pg-bin': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, dir, ...rest] = positionals;
  if (rest.length > 0) throw new Error(`Unexpected arguments: ${rest.join(' ')}`);
  return { command, dir, values };
}

/** Prints what matched and, first of all, what did not. */
export function describeReport(report: VerifyReport, out: (line: string) => void): void {
  const { manifest, tables, objects } = report;
  const tableCount = Object.keys(manifest.database.tables).length;
  const rows = Object.values(manifest.database.tables).reduce((a, b) => a + b, 0);
  for (const t of tables) {
    out(
      `DIFFERS table ${t.table}: ${t.expected} rows in the backup, ${t.actual ?? 'no table'} here`,
    );
  }
  for (const key of objects.missing.slice(0, 20)) out(`MISSING object ${key}`);
  if (objects.missing.length > 20)
    out(`MISSING ... and ${objects.missing.length - 20} more objects`);
  for (const key of objects.sizeDiffers.slice(0, 20)) out(`DIFFERS object ${key}: another size`);
  out(
    tables.length === 0
      ? `database: all ${tableCount} tables match the backup (${rows} rows)`
      : `database: ${tables.length} of ${tableCount} tables differ from the backup`,
  );
  const present = manifest.storage.objects - objects.missing.length;
  out(`objects: ${present} of ${manifest.storage.objects} present`);
  if (objects.etagDiffers.length > 0) {
    out(
      `objects: ${objects.etagDiffers.length} have the same size but another ETag (copied in parts of another size)`,
    );
  }
  if (objects.extra > 0) out(`objects: ${objects.extra} more than the backup lists`);
  if (objects.missing.length > 0 && manifest.storage.driver === 's3') {
    out('Restore the bucket (see infra/README.md), then run `verify` again.');
  }
}

// `node dist/cli.js ...` runs the command; importing this module (tests, the backup script)
// does not.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error('elevate backup failed:', error);
      process.exitCode = 1;
    },
  );
}
