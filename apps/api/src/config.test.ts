import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to ./data, an SQLite file and local disk there, port 3000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.dataDir).toBe(path.resolve('data'));
    expect(config.database).toEqual({
      dialect: 'sqlite',
      file: path.resolve('data/elevate.sqlite'),
    });
    expect(config.storage).toEqual({ driver: 'local', root: path.resolve('data/media') });
  });

  it('honours PORT and DATA_DIR, and treats empty values as unset', () => {
    const config = loadConfig({ PORT: '8080', DATA_DIR: '/srv/elevate', LOG_LEVEL: '' });
    expect(config.port).toBe(8080);
    expect(config.database).toEqual({ dialect: 'sqlite', file: '/srv/elevate/elevate.sqlite' });
    expect(config.logLevel).toBe('info');
  });

  it('chooses PostgreSQL from DATABASE_URL', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/elevate' });
    expect(config.database.dialect).toBe('postgres');
  });

  it('fails with a message naming each bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud' })).toThrowError(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud' });
    } catch (err) {
      expect((err as Error).message).toMatch(/PORT/);
      expect((err as Error).message).toMatch(/LOG_LEVEL/);
    }
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrowError(/DATABASE_URL/);
  });
});
