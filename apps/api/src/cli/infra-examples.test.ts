import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type CORSRule,
  CreateBucketCommand,
  GetBucketCorsCommand,
  GetBucketLifecycleConfigurationCommand,
  GetObjectCommand,
  type LifecycleRule,
  PutBucketCorsCommand,
  PutBucketEncryptionCommand,
  PutBucketLifecycleConfigurationCommand,
  PutObjectCommand,
  type S3Client,
  ServerSideEncryption,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningRgw, startRgw } from '../../../../test/support/rgw';
import { loadConfig } from '../config';
import { ensureBucket } from '../storage/s3-bucket';
import { createS3Client } from '../storage/s3-client';
import { isPostgresRun } from '../testing/test-database';

// The deployment examples in infra/ are documentation that must stay true: this file checks
// them against the code (the environment reference against config.ts) and against a real
// Ceph RGW (the bucket examples). What cannot be checked here is listed in infra/README.md.

const INFRA = fileURLToPath(new URL('../../../../infra/', import.meta.url));
const SOURCES = fileURLToPath(new URL('../', import.meta.url));
const read = (file: string) => fs.readFile(path.join(INFRA, file), 'utf8');
const readJson = async <T>(file: string) => JSON.parse(await read(file)) as T;

const ORIGIN = 'https://elevate.example.org';
const S3_BASE = {
  STORAGE_DRIVER: 's3',
  S3_ENDPOINT: 'http://s3.internal.example.org',
  S3_BUCKET: 'reference-bucket',
  S3_ACCESS_KEY_ID: 'reference-key',
  S3_SECRET_ACCESS_KEY: 'reference-secret',
};

interface ReferenceRow {
  name: string;
  /** The default or example when the cell is one literal in backticks. */
  defaultValue: string | undefined;
  example: string | undefined;
}

const literal = (cell: string | undefined) => /^`([^`]*)`$/.exec(cell?.trim() ?? '')?.[1];

async function referenceRows(): Promise<ReferenceRow[]> {
  const text = await read('environment.md');
  const section = text.split('## Variables Elevate reads')[1]?.split('\n## ')[0] ?? '';
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const [name, defaultCell, exampleCell] = line.slice(1).split(' | ');
      return {
        name: literal(name) ?? '',
        defaultValue: literal(defaultCell),
        example: literal(exampleCell),
      };
    });
}

/** The API's own source files (tests and test support aside). */
async function sourceFiles(): Promise<Map<string, string>> {
  const entries = await fs.readdir(SOURCES, { recursive: true, withFileTypes: true });
  const files = new Map<string, string>();
  for (const entry of entries) {
    const file = path.join(entry.parentPath, entry.name);
    const relative = path.relative(SOURCES, file);
    if (!entry.isFile() || !file.endsWith('.ts') || file.endsWith('.d.ts')) continue;
    if (/\.test\.ts$|\.test-server\.ts$|test-support\.ts$/.test(file)) continue;
    if (relative.startsWith(`testing${path.sep}`)) continue;
    files.set(relative, await fs.readFile(file, 'utf8'));
  }
  return files;
}

/** Variables read through an environment schema (`NAME: z...`) or `process.env.NAME`. */
function variablesIn(text: string): string[] {
  const names = [
    ...text.matchAll(/^\s+([A-Z][A-Z0-9_]+): z\b/gm),
    ...text.matchAll(/process\.env\.([A-Z][A-Z0-9_]+)/g),
    ...text.matchAll(/process\.env\[['"]([A-Z][A-Z0-9_]+)['"]\]/g),
  ];
  return names.map((match) => match[1] as string);
}

/** `KEY=VALUE` lines of an environment file, comments aside. */
async function envFile(file: string): Promise<Record<string, string>> {
  const entries = (await read(file))
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]);
  return Object.fromEntries(entries);
}

/** The environment a variable is tried in: S3 settings need the others of the store. */
const baseFor = (name: string) => ({
  ...(name === 'DATA_DIR' ? {} : { DATA_DIR: '/srv/elevate' }),
  ...(name.startsWith('S3_') ? S3_BASE : {}),
  ...(name === 'STORAGE_DRIVER' ? { ...S3_BASE, STORAGE_DRIVER: undefined } : {}),
});

// Nothing here touches a database: the PostgreSQL project would only repeat it.
describe.skipIf(isPostgresRun())('infra examples', () => {
  describe('the environment reference (infra/environment.md)', () => {
    it('lists every variable Elevate reads, and none it does not', async () => {
      const read = new Set([...(await sourceFiles()).values()].flatMap(variablesIn));
      const listed = (await referenceRows()).map((row) => row.name);
      expect(read.size).toBeGreaterThan(25);
      expect(
        listed.filter((name) => !read.has(name)),
        'listed but never read',
      ).toEqual([]);
      expect(
        [...read].filter((name) => !listed.includes(name)),
        'read but not listed',
      ).toEqual([]);
      expect(new Set(listed).size).toBe(listed.length);
    });

    it('gives the real default wherever it writes one as a literal', async () => {
      const config = (await sourceFiles()).get('config.ts') ?? '';
      const sources = [...(await sourceFiles()).values()].join('\n');
      let checked = 0;
      for (const { name, defaultValue } of await referenceRows()) {
        if (defaultValue === undefined) continue;
        if (variablesIn(config).includes(name)) {
          // Setting a variable to its default changes nothing.
          const base = baseFor(name);
          expect(loadConfig({ ...base, [name]: defaultValue }), name).toEqual(loadConfig(base));
        } else {
          expect(sources, name).toContain(`${name}: z`);
          expect(sources, name).toMatch(
            new RegExp(`${name}: z.*\\.default\\('${defaultValue}'\\)`),
          );
        }
        checked += 1;
      }
      expect(checked).toBeGreaterThan(20);
    });

    it('gives examples Elevate accepts, each changing what it configures', async () => {
      const config = (await sourceFiles()).get('config.ts') ?? '';
      for (const { name, example } of await referenceRows()) {
        if (!variablesIn(config).includes(name)) continue;
        expect(example, `${name} has no example`).toBeDefined();
        const base = baseFor(name);
        expect(() => loadConfig({ ...base, [name]: example }), name).not.toThrow();
        expect(loadConfig({ ...base, [name]: example }), name).not.toEqual(loadConfig(base));
      }
    });

    it('the example settings files set only listed variables, to values Elevate accepts', async () => {
      const listed = new Set((await referenceRows()).map((row) => row.name));
      const systemd = await envFile('systemd/elevate.env');
      expect(Object.keys(systemd).filter((name) => !listed.has(name))).toEqual([]);
      expect(() => loadConfig({ DATA_DIR: '/var/lib/elevate', ...systemd })).not.toThrow();
      // compose.yaml: Elevate's variables, PostgreSQL's and MinIO's, and the proxy's own.
      const compose = await read('docker/compose.yaml');
      const caddyfile = await read('proxy/Caddyfile');
      const proxyVars = ['APP_HOST', 'MEDIA_HOST', 'ACME_EMAIL', 'APP_UPSTREAM', 'MEDIA_UPSTREAM'];
      for (const name of proxyVars) expect(caddyfile, name).toContain(`{$${name}`);
      const keys = [...compose.matchAll(/^\s+([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1] as string);
      const elevateKeys = keys.filter(
        (key) => !/^(POSTGRES|MINIO)_/.test(key) && !proxyVars.includes(key),
      );
      expect(elevateKeys.length).toBeGreaterThan(10);
      expect(elevateKeys.filter((name) => !listed.has(name))).toEqual([]);
      const used = [...compose.matchAll(/\$\{([A-Z][A-Z0-9_]+)/g)].map((m) => m[1] as string);
      const provided = Object.keys(await envFile('docker/example.env'));
      expect([...new Set(used)].filter((name) => !provided.includes(name))).toEqual([]);
    });
  });

  describe('the bucket examples (infra/object-store)', () => {
    it('every JSON example parses', async () => {
      const entries = await fs.readdir(INFRA, { recursive: true, withFileTypes: true });
      const files = entries.filter((entry) => entry.isFile() && entry.name.endsWith('.json'));
      expect(files.length).toBeGreaterThanOrEqual(5);
      for (const entry of files) {
        const file = path.join(entry.parentPath, entry.name);
        await expect(fs.readFile(file, 'utf8').then(JSON.parse), file).resolves.toBeTruthy();
      }
    });

    it('each XML example says what its JSON twin says, as the AWS SDK sends it', async () => {
      const client = createS3Client({
        endpoint: 'http://127.0.0.1:9',
        region: 'us-east-1',
        bucket: 'unused',
        accessKeyId: 'unused',
        secretAccessKey: 'unused',
        forcePathStyle: true,
      });
      const twins = {
        cors: new PutBucketCorsCommand({
          Bucket: 'b',
          CORSConfiguration: await readJson('object-store/cors.json'),
        }),
        lifecycle: new PutBucketLifecycleConfigurationCommand({
          Bucket: 'b',
          LifecycleConfiguration: await readJson('object-store/lifecycle.json'),
        }),
        encryption: new PutBucketEncryptionCommand({
          Bucket: 'b',
          ServerSideEncryptionConfiguration: await readJson('object-store/encryption.json'),
        }),
      };
      for (const [name, command] of Object.entries(twins)) {
        const sent = await bodyTheSdkWouldSend(client, command);
        const file = parseXml(await read(`object-store/${name}.xml`));
        expect(file.tag, name).toBe(parseXml(sent).tag);
        expect(canonicalXml(file), name).toEqual(canonicalXml(parseXml(sent)));
      }
      const encryption = await readJson<{
        Rules: Array<{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: string } }>;
      }>('object-store/encryption.json');
      expect(Object.values(ServerSideEncryption)).toContain(
        encryption.Rules[0]?.ApplyServerSideEncryptionByDefault.SSEAlgorithm,
      );
    });

    describe('on a real Ceph RGW', { timeout: 60_000 }, () => {
      let rgw: RunningRgw;
      let client: S3Client;
      beforeAll(async () => {
        rgw = await startRgw();
        client = createS3Client({
          endpoint: rgw.endpoint,
          region: 'us-east-1',
          bucket: 'unused',
          accessKeyId: rgw.accessKeyId,
          secretAccessKey: rgw.secretAccessKey,
          forcePathStyle: true,
        });
      }, 600_000);
      afterAll(() => rgw?.stop(), 30_000);

      const bucket = async (name: string) => {
        await client.send(new CreateBucketCommand({ Bucket: name }));
        return name;
      };

      it('takes cors.json and cors.xml and gives the same rules back', async () => {
        const example = await readJson<{ CORSRules: CORSRule[] }>('object-store/cors.json');
        const fromJson = await bucket('infra-cors-json');
        await client.send(
          new PutBucketCorsCommand({ Bucket: fromJson, CORSConfiguration: example }),
        );
        const fromXml = await bucket('infra-cors-xml');
        await sendXml(
          client,
          new PutBucketCorsCommand({ Bucket: fromXml, CORSConfiguration: { CORSRules: [] } }),
          await read('object-store/cors.xml'),
        );
        for (const name of [fromJson, fromXml]) {
          const { CORSRules } = await client.send(new GetBucketCorsCommand({ Bucket: name }));
          expect((CORSRules ?? []).map(corsRule), name).toEqual(example.CORSRules.map(corsRule));
        }
      });

      it('with cors.json, a browser at the example origin may PUT parts and read their ETag', async () => {
        const name = 'infra-cors-json';
        const preflight = await fetch(
          `${rgw.endpoint}/${name}/lessons/l1/original/a.mp4?partNumber=1&uploadId=u`,
          {
            method: 'OPTIONS',
            headers: {
              Origin: ORIGIN,
              'Access-Control-Request-Method': 'PUT',
              'Access-Control-Request-Headers': 'content-type',
            },
          },
        );
        await preflight.arrayBuffer();
        expect(preflight.status).toBe(200);
        expect(preflight.headers.get('access-control-allow-origin')).toBe(ORIGIN);
        expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT');
        const other = await fetch(`${rgw.endpoint}/${name}/x`, {
          method: 'OPTIONS',
          headers: {
            Origin: 'https://elsewhere.example.org',
            'Access-Control-Request-Method': 'PUT',
          },
        });
        await other.arrayBuffer();
        expect(other.headers.get('access-control-allow-origin')).toBeNull();

        await client.send(
          new PutObjectCommand({
            Bucket: name,
            Key: 'lessons/l1/poster.jpg',
            Body: 'jpeg',
            ContentLength: 4,
          }),
        );
        const url = await getSignedUrl(
          client,
          new GetObjectCommand({ Bucket: name, Key: 'lessons/l1/poster.jpg' }),
          { expiresIn: 60 },
        );
        const got = await fetch(url, { headers: { Origin: ORIGIN } });
        expect(await got.text()).toBe('jpeg');
        expect(got.headers.get('access-control-allow-origin')).toBe(ORIGIN);
        expect(got.headers.get('access-control-expose-headers') ?? '').toMatch(/\bETag\b/i);
      });

      it('cors.json holds the very rules Elevate sets itself with S3_CORS_ORIGINS', async () => {
        const name = await bucket('infra-cors-elevate');
        await ensureBucket(client, name, [ORIGIN]);
        const { CORSRules } = await client.send(new GetBucketCorsCommand({ Bucket: name }));
        const example = await readJson<{ CORSRules: CORSRule[] }>('object-store/cors.json');
        const withoutId = (rule: CORSRule) => ({ ...corsRule(rule), ID: undefined });
        expect((CORSRules ?? []).map(withoutId)).toEqual(example.CORSRules.map(withoutId));
      });

      it('takes lifecycle.json and lifecycle.xml and gives the same rule back', async () => {
        const example = await readJson<{ Rules: LifecycleRule[] }>('object-store/lifecycle.json');
        const fromJson = await bucket('infra-lifecycle-json');
        await client.send(
          new PutBucketLifecycleConfigurationCommand({
            Bucket: fromJson,
            LifecycleConfiguration: example,
          }),
        );
        const fromXml = await bucket('infra-lifecycle-xml');
        await sendXml(
          client,
          new PutBucketLifecycleConfigurationCommand({
            Bucket: fromXml,
            LifecycleConfiguration: { Rules: [] },
          }),
          await read('object-store/lifecycle.xml'),
        );
        for (const name of [fromJson, fromXml]) {
          const { Rules } = await client.send(
            new GetBucketLifecycleConfigurationCommand({ Bucket: name }),
          );
          expect((Rules ?? []).map(lifecycleRule), name).toEqual(example.Rules.map(lifecycleRule));
        }
      });
    });
  });

  describe('the service files', () => {
    const hasSystemd = spawnSync('systemd-analyze', ['--version']).status === 0;
    it.runIf(hasSystemd)(
      'the systemd units pass `systemd-analyze verify` without a warning',
      async () => {
        const dir = path.join(INFRA, 'systemd');
        const units = (await fs.readdir(dir)).filter((name) => /\.(service|timer)$/.test(name));
        expect(units.length).toBe(4);
        const result = spawnSync('systemd-analyze', ['verify', '--man=no', ...units], {
          cwd: dir,
          encoding: 'utf8',
        });
        expect(result.stderr.trim()).toBe('');
        expect(result.status).toBe(0);
      },
    );

    it('start the bundles the build makes, from files that exist', async () => {
      const build = await fs.readFile(path.join(SOURCES, '..', 'build.mjs'), 'utf8');
      expect(build).toMatch(/server: 'src\/server\.ts'/);
      expect(build).toMatch(/worker: 'src\/worker\.ts'/);
      expect(build).toMatch(/outdir: 'dist'/);
      const root = path.join(INFRA, '..');
      for (const file of ['systemd/elevate.service', 'docker/Dockerfile']) {
        expect(await read(file), file).toContain('apps/api/dist/server.js');
      }
      for (const file of ['systemd/elevate-worker.service', 'docker/compose.yaml']) {
        expect(await read(file), file).toContain('apps/api/dist/worker.js');
      }
      const dockerfile = await read('docker/Dockerfile');
      for (const [, source] of dockerfile.matchAll(/^COPY (?!--from)(\S+) /gm)) {
        await expect(fs.stat(path.join(root, source as string)), source).resolves.toBeTruthy();
      }
      for (const file of ['infra/scripts/backup.mjs', 'apps/web/package.json', 'infra/demo']) {
        await expect(fs.stat(path.join(root, file)), file).resolves.toBeTruthy();
      }
    });
  });
});

/** The XML body the SDK serializes for `command`, captured before it is sent. */
async function bodyTheSdkWouldSend(client: S3Client, command: Command): Promise<string> {
  let body = '';
  command.middlewareStack.add(
    () => async (args: { request: { body: unknown } }) => {
      body = String(args.request.body);
      throw new Error('captured');
    },
    { step: 'finalizeRequest', priority: 'low' },
  );
  await client.send(command as never).catch((error: Error) => {
    if (error.message !== 'captured') throw error;
  });
  return body;
}

/** Sends `command` with `xml`, the file itself, as its body (signed and checksummed as usual). */
async function sendXml(client: S3Client, command: Command, xml: string) {
  command.middlewareStack.addRelativeTo(
    (next: (args: unknown) => Promise<unknown>) => async (args: { request: { body: unknown } }) => {
      args.request.body = xml;
      return next(args);
    },
    { relation: 'after', toMiddleware: 'serializerMiddleware', name: 'infraExampleBody' },
  );
  await client.send(command as never);
}

/** A CORS rule's meaning: RGW answers the methods in an order of its own. */
const corsRule = (rule: CORSRule) => ({
  ID: rule.ID,
  AllowedOrigins: rule.AllowedOrigins?.toSorted(),
  AllowedMethods: rule.AllowedMethods?.toSorted(),
  AllowedHeaders: rule.AllowedHeaders?.toSorted(),
  ExposeHeaders: rule.ExposeHeaders?.toSorted(),
  MaxAgeSeconds: rule.MaxAgeSeconds,
});

/** RGW answers a rule's prefix at the rule's top level even when it was given in a Filter. */
const lifecycleRule = (rule: LifecycleRule & { Prefix?: string }) => ({
  ID: rule.ID,
  Status: rule.Status,
  Prefix: rule.Filter?.Prefix ?? rule.Prefix,
  AbortIncompleteMultipartUpload: rule.AbortIncompleteMultipartUpload,
});

interface XmlElement {
  tag: string;
  text: string;
  children: XmlElement[];
}

/**
 * Parses the small XML documents of infra/ (elements and text; the declaration, comments
 * and attributes are skipped) and fails on anything not well formed.
 */
function parseXml(source: string): XmlElement {
  const body = source.replace(/<\?xml[^>]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '');
  const root: XmlElement = { tag: '', text: '', children: [] };
  const open = [root];
  for (const token of body.match(/<[^>]+>|[^<]+/g) ?? []) {
    const current = open.at(-1) as XmlElement;
    if (token.startsWith('</')) {
      const tag = token.slice(2, -1).trim();
      if (current.tag !== tag) throw new Error(`</${tag}> closes <${current.tag}>`);
      open.pop();
    } else if (token.startsWith('<')) {
      const tag = /^<([A-Za-z][\w.-]*)/.exec(token)?.[1];
      if (!tag) throw new Error(`not a tag: ${token}`);
      const element: XmlElement = { tag, text: '', children: [] };
      current.children.push(element);
      if (!token.endsWith('/>')) open.push(element);
    } else if (token.trim()) {
      if (current === root) throw new Error(`text outside the document: ${token.trim()}`);
      current.text += token.trim();
    }
  }
  if (open.length !== 1) throw new Error(`<${open.at(-1)?.tag}> is never closed`);
  if (root.children.length !== 1) throw new Error('an XML document has one root element');
  return root.children[0] as XmlElement;
}

/** Children grouped by tag (S3 does not care how different tags are ordered), text as is. */
function canonicalXml(element: XmlElement): unknown {
  if (element.children.length === 0) return element.text;
  const groups: Record<string, unknown[]> = {};
  for (const child of element.children) {
    groups[child.tag] = [...(groups[child.tag] ?? []), canonicalXml(child)];
  }
  return Object.fromEntries(Object.entries(groups).sort(([a], [b]) => a.localeCompare(b)));
}

/** What these helpers need of an SDK command: its middleware stack. */
interface Command {
  middlewareStack: {
    add(middleware: unknown, options: object): void;
    addRelativeTo(middleware: unknown, options: object): void;
  };
}
