import { describe, expect, it } from 'vitest';
import { HeaderValueError } from '../errors/header-value-error';
import { formatRateLimitPolicy } from './format-rate-limit-policy';
import { parseRateLimitPolicy } from './parse-rate-limit-policy';

describe('parseRateLimitPolicy', () => {
  it('reads the documented example and the optional parts', () => {
    expect(parseRateLimitPolicy('10;w=60;u=request;s=user')).toEqual({
      quota: 10,
      windowSeconds: 60,
      unit: 'request',
      segment: 'user',
    });
    expect(parseRateLimitPolicy('1000;w=3600')).toEqual({
      quota: 1000,
      windowSeconds: 3600,
      unit: 'request',
    });
    expect(parseRateLimitPolicy('500;w=86400;u=cents')).toEqual({
      quota: 500,
      windowSeconds: 86400,
      unit: 'cents',
    });
    expect(parseRateLimitPolicy('5;w=31536000;s=organization-id')).toEqual({
      quota: 5,
      windowSeconds: 31536000,
      unit: 'request',
      segment: 'organization-id',
    });
  });

  it('is case-insensitive and trims the whole value', () => {
    expect(parseRateLimitPolicy(' 10;W=60;U=CENTS;S=USER ')).toEqual({
      quota: 10,
      windowSeconds: 60,
      unit: 'cents',
      segment: 'user',
    });
    expect(parseRateLimitPolicy('10;w=60;s=Tier').segment).toBe('Tier');
  });

  it.each([
    ['', /does not match/],
    ['10', /does not match/],
    ['10;w=60;s=user;u=request', /does not match/], // order is fixed
    ['10; w=60', /does not match/],
    ['10;w=60;u=token', /does not match/], // the old units are gone
    ['10;w=60;u=dollar', /does not match/],
    ['10;w=60;s=', /does not match/],
    ['10;w=60;s=a.b', /does not match/],
    ['-1;w=60', /does not match/],
    ['1.5;w=60', /does not match/],
    ['10;w=60\r\nX-Evil: 1', /does not match/],
    ['0;w=60', /quota must be an integer greater than 0/],
    ['99999999999999999999;w=60', /quota/],
    ['10;w=59', /w must be from 60 to 31536000/],
    ['10;w=31536001', /w must be from 60 to 31536000/],
  ])('rejects %j', (text, message) => {
    let caught: unknown;
    try {
      parseRateLimitPolicy(text);
    } catch (error) {
      caught = error;
    }
    expect(HeaderValueError.isInstance(caught)).toBe(true);
    expect(caught).toMatchObject({ field: 'rateLimitPolicy', header: 'Helicone-RateLimit-Policy' });
    expect((caught as Error).message).toMatch(message);
  });
});

describe('formatRateLimitPolicy', () => {
  it("writes the gateway's normalized form (u=request and a global segment left out)", () => {
    expect(formatRateLimitPolicy({ quota: 10, windowSeconds: 60, unit: 'request', segment: 'user' })).toBe(
      '10;w=60;s=user',
    );
    expect(formatRateLimitPolicy({ quota: 10, windowSeconds: 60, unit: 'request' })).toBe('10;w=60');
    expect(formatRateLimitPolicy({ quota: 250, windowSeconds: 3600, unit: 'cents', segment: 'Tier' })).toBe(
      '250;w=3600;u=cents;s=Tier',
    );
  });

  it.each([
    [{ quota: 0, windowSeconds: 60, unit: 'request' }, 'rateLimitPolicy.quota'],
    [{ quota: 1.5, windowSeconds: 60, unit: 'request' }, 'rateLimitPolicy.quota'],
    [{ quota: 10, windowSeconds: 30, unit: 'request' }, 'rateLimitPolicy.windowSeconds'],
    [{ quota: 10, windowSeconds: 60.5, unit: 'request' }, 'rateLimitPolicy.windowSeconds'],
    [{ quota: 10, windowSeconds: 60, unit: 'token' }, 'rateLimitPolicy.unit'],
    [{ quota: 10, windowSeconds: 60, unit: 'request', segment: 'a;w=1' }, 'rateLimitPolicy.segment'],
    [{ quota: 10, windowSeconds: 60, unit: 'request', segment: '' }, 'rateLimitPolicy.segment'],
  ])('rejects %j naming %s', (policy, field) => {
    expect(() => formatRateLimitPolicy(policy as never)).toThrow(HeaderValueError);
    try {
      formatRateLimitPolicy(policy as never);
    } catch (error) {
      expect((error as HeaderValueError).field).toBe(field);
    }
  });
});
