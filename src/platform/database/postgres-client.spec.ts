import { describe, expect, it } from 'vitest';
import { isSingleTcpHost } from './postgres-client.js';

describe('postgres client with TCP_NODELAY', () => {
  it.each([
    ['postgresql://postgres@127.0.0.1:5432/test', true],
    ['postgres://user:p%40ss@db.example.org/meshlens?sslmode=require', true],
    ['postgresql://u@[::1]:5433/x', true],
    ['postgresql://u@a.example.org:5432,b.example.org:5432/x', false],
    ['postgresql://u@localhost/x?host=/var/run/postgresql', false],
    ['postgresql://u@%2Fvar%2Frun%2Fpostgresql/x', false],
    ['postgresql:///x', false],
  ])('%s opens its own TCP socket: %s', (url, expected) => {
    expect(isSingleTcpHost(url)).toBe(expected);
  });
});
