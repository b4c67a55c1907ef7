import { describe, expect, it } from 'vitest';
import { parseWebhookHosts, webhookHostAllowed } from './webhook-hosts.js';

describe('webhook host list', () => {
  it.each([
    ['', 'http://127.0.0.1:9/x', true],
    ['hooks.example.gov.cn', 'https://hooks.example.gov.cn/civicgrid', true],
    ['hooks.example.gov.cn', 'https://HOOKS.example.gov.cn./civicgrid', true],
    ['hooks.example.gov.cn', 'https://evil.example.gov.cn/', false],
    ['hooks.example.gov.cn', 'http://127.0.0.1:8080/api', false],
    ['hooks.example.gov.cn', 'http://169.254.169.254/latest/meta-data', false],
    ['.example.gov.cn', 'https://a.b.example.gov.cn/x', true],
    ['.example.gov.cn', 'https://example.gov.cn/x', true],
    ['.example.gov.cn', 'https://example.gov.cn.evil.com/x', false],
    ['.example.gov.cn', 'https://notexample.gov.cn/x', false],
    ['a.gov.cn, 10.1.2.3', 'http://10.1.2.3:8443/in', true],
    ['a.gov.cn 10.1.2.3', 'not a url', false],
  ])('list %j, %s → %s', (raw, url, allowed) => {
    expect(webhookHostAllowed(url, parseWebhookHosts(raw))).toBe(allowed);
  });
});
