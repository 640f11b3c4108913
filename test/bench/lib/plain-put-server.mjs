// The local-disk baseline's server: the least an HTTP store on loopback must do. Each
// `PUT /<name>?offset=N` streams its body into `<dir>/<name>` at byte N (one file, parts at
// their offsets, as our local store writes them) and answers 200. No signature, no hashing,
// no framework. Prints `{"port":N}` once listening; SIGTERM stops it.
import { createWriteStream } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node plain-put-server.mjs DIR');
  process.exit(2);
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const name = url.pathname.slice(1);
  const offset = Number(url.searchParams.get('offset'));
  if (req.method !== 'PUT' || !/^[\w.-]+$/.test(name) || !Number.isSafeInteger(offset)) {
    res.writeHead(404, { Connection: 'close' }).end();
    return;
  }
  // Parts arrive one after another from 1: the first creates (or empties) the file.
  const file = createWriteStream(path.join(dir, name), {
    flags: offset === 0 ? 'w' : 'r+',
    start: offset,
  });
  pipeline(req, file).then(
    () => res.writeHead(200, { ETag: `"${offset}"` }).end(),
    (error) => res.writeHead(500, { Connection: 'close' }).end(String(error)),
  );
});

server.listen(0, '127.0.0.1', () => {
  console.log(JSON.stringify({ port: server.address().port }));
});
process.on('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
