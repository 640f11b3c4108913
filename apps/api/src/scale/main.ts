import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { createContext } from '../context';
import { createLogger } from '../logger';
import { explainDistrict, formatPlans } from './explain-plans';
import {
  DEFAULT_DISTRICT,
  type DistrictOptions,
  type DistrictSeed,
  findDistrict,
  seedDistrict,
} from './seed-district';

export { DEFAULT_DISTRICT, SEED_VERSION } from './seed-district';

const USAGE = `Seeds a district for the scale benchmark, or explains the queries it measures.
Reads DATA_DIR / DATABASE_URL like the server.

  seed   [options]   seed into an empty database (reuses an identical seed already there)
  plans  [options]   EXPLAIN the main queries of the dashboards, the timeline and the export

  --teachers N     (1000)   --per-coach N    (20)    --cycles N       (15)
  --annotations N  (60)     --stock-clips N  (200)
  --json   print the result as one JSON line (the last line; progress lines come first)`;

/** Parses the district's size from the arguments (defaults: the issue's district). */
export function districtOptions(values: Record<string, unknown>): DistrictOptions {
  const number = (name: string, fallback: number) => {
    const raw = values[name];
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} wants a positive integer`);
    return n;
  };
  return {
    teachers: number('teachers', DEFAULT_DISTRICT.teachers),
    teachersPerCoach: number('per-coach', DEFAULT_DISTRICT.teachersPerCoach),
    cyclesPerTeacher: number('cycles', DEFAULT_DISTRICT.cyclesPerTeacher),
    annotationsPerLesson: number('annotations', DEFAULT_DISTRICT.annotationsPerLesson),
    stockClips: number('stock-clips', DEFAULT_DISTRICT.stockClips),
  };
}

/** Runs one command against the database the environment names; resolves with the exit status. */
export async function runScale(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  out: (line: string) => void = (line) => console.log(line),
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      teachers: { type: 'string' },
      'per-coach': { type: 'string' },
      cycles: { type: 'string' },
      annotations: { type: 'string' },
      'stock-clips': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command] = positionals;
  if (values.help || (command !== 'seed' && command !== 'plans')) {
    out(USAGE);
    return values.help ? 0 : 2;
  }
  const options = districtOptions(values);
  const ctx = await createContext(loadConfig({ ...env, RUN_WORKER: 'off' }), createLogger('warn'));
  try {
    if (command === 'seed') {
      const seed = await ensureDistrict(ctx, options, out);
      out(values.json ? JSON.stringify(seed) : describe(seed));
      return 0;
    }
    const seed = await findDistrict(ctx, options);
    if (!seed) throw new Error('no seeded district here: run `seed` first');
    const planned = await explainDistrict(ctx, seed);
    out(values.json ? JSON.stringify(planned) : formatPlans(planned));
    return 0;
  } finally {
    await ctx.close();
  }
}

/** The district, seeded now unless the database holds it already. */
export async function ensureDistrict(
  ctx: Awaited<ReturnType<typeof createContext>>,
  options: DistrictOptions,
  log: (line: string) => void,
): Promise<DistrictSeed> {
  const found = await findDistrict(ctx, options);
  if (found) return found;
  return seedDistrict(ctx, options, log);
}

function describe(seed: DistrictSeed): string {
  return [
    `${seed.reused ? 'found' : 'seeded'} "${seed.programName}"${seed.reused ? '' : ` in ${seed.seconds.toFixed(1)} s`}`,
    `sign-ins (password ${seed.password}): ${[seed.accounts.admin, ...seed.accounts.coaches, ...seed.accounts.teachers].join(', ')}`,
    `rows: ${Object.entries(seed.counts)
      .map(([table, n]) => `${table} ${n}`)
      .join(', ')}`,
  ].join('\n');
}
