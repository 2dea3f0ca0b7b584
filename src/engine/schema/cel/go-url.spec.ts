import { describe, expect, it } from 'vitest';
import { parseRequestUri } from './go-url.js';

describe('parseRequestUri (Go net/url.ParseRequestURI)', () => {
  it.each([
    [
      'https://example.com/jwks.json',
      { scheme: 'https', host: 'example.com', path: '/jwks.json', query: '' },
    ],
    [
      'HTTP://Example.com:8080?a=b',
      { scheme: 'http', host: 'Example.com:8080', path: '', query: 'a=b' },
    ],
    ['/absolute/path', { scheme: '', host: '', path: '/absolute/path', query: '' }],
    [
      'oci://registry/image:tag',
      { scheme: 'oci', host: 'registry', path: '/image:tag', query: '' },
    ],
    ['mailto:someone', { scheme: 'mailto', host: '', path: '', query: '' }],
    ['http://[::1]:80/x', { scheme: 'http', host: '[::1]:80', path: '/x', query: '' }],
  ])('accepts %s', (raw, url) => {
    expect(parseRequestUri(raw)).toEqual({ ok: true, url });
  });

  it.each([
    ['', 'empty url'],
    ['relative/path', 'invalid URI for request'],
    [':no-scheme', 'missing protocol scheme'],
    ['hTPp\\\blah', 'net/url: invalid control character in URL'],
    ['http://#%blah$#@', 'net/url: invalid userinfo'],
    ['http://host:port/', 'invalid port ":port" after host'],
    ['http://host/%zz', 'invalid URL escape'],
  ])('refuses %j with Go’s error', (raw, error) => {
    expect(parseRequestUri(raw)).toEqual({ ok: false, error });
  });
});
