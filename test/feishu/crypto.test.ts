import crypto from 'node:crypto';
import { EventDispatcher } from '@larksuiteoapi/node-sdk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decryptEvent, eventSignature, idempotencyKey, safeEqual, verifySignature } from '../../src/feishu/crypto.js';
import { FeishuError } from '../../src/feishu/errors.js';
import { encryptForFeishu } from '../helpers/feishu-stand-in.js';

describe('decryptEvent', () => {
  it('decrypts the example published in Feishu’s documentation', () => {
    // Feishu's docs: Encrypt Key "test key", encrypt "P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk=" → "hello world".
    expect(decryptEvent('test key', 'P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk=')).toBe('hello world');
  });

  it('round-trips any text Feishu encrypts, including Chinese', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ minLength: 1, maxLength: 40 }), (text, key) => {
        expect(decryptEvent(key, encryptForFeishu(key, text))).toBe(text);
      }),
      { numRuns: 50 },
    );
  });

  it('says which setting to check when the key is wrong', () => {
    // A fixed IV keeps this deterministic (a wrong key fails the padding check for this input).
    const key = crypto.createHash('sha256').update('the right key').digest();
    const iv = Buffer.alloc(16, 7);
    const cipher = crypto.createCipheriv('aes-256-cbc', key, iv);
    const encrypted = Buffer.concat([iv, cipher.update('{"type":"url_verification"}'), cipher.final()]).toString('base64');
    expect(decryptEvent('the right key', encrypted)).toBe('{"type":"url_verification"}');
    expect(() => decryptEvent('a wrong key', encrypted)).toThrow(
      new FeishuError('DECRYPT_FAILED', "could not decrypt the event: is FEISHU_ENCRYPT_KEY the app's Encrypt Key?"),
    );
  });

  it('rejects data that is not IV + whole AES blocks', () => {
    expect(() => decryptEvent('k', Buffer.alloc(20).toString('base64'))).toThrow(
      'encrypted event has 20 bytes; expected IV + whole AES blocks',
    );
  });
});

describe('X-Lark-Signature', () => {
  const ts = '1700000000';
  const nonce = 'n-123';
  const key = 'encrypt-key';

  it('matches the official SDK for a compactly serialised body', () => {
    const body = JSON.stringify({ encrypt: encryptForFeishu(key, '{"a":1}') });
    const signature = eventSignature(ts, nonce, key, Buffer.from(body));
    const sdk = new EventDispatcher({ encryptKey: key, logger: { error() {}, warn() {}, info() {}, debug() {}, trace() {} } });
    const data = Object.assign(
      Object.create({ headers: { 'x-lark-request-timestamp': ts, 'x-lark-request-nonce': nonce, 'x-lark-signature': signature } }),
      JSON.parse(body),
    );
    expect(sdk.requestHandle?.checkIsEventValidated(data)).toBe(true);
  });

  it('is checked over the raw bytes, so a body the SDK would re-serialise differently still verifies', () => {
    // Feishu signs the bytes it sends. The SDK re-stringifies the parsed body, which drops this whitespace.
    const body = Buffer.from(`{ "encrypt": "${encryptForFeishu(key, '{}')}" }`);
    const signature = eventSignature(ts, nonce, key, body);
    expect(verifySignature({ timestamp: ts, nonce, signature, encryptKey: key, rawBody: body })).toBe(true);
    const sdk = new EventDispatcher({ encryptKey: key, logger: { error() {}, warn() {}, info() {}, debug() {}, trace() {} } });
    const data = Object.assign(
      Object.create({ headers: { 'x-lark-request-timestamp': ts, 'x-lark-request-nonce': nonce, 'x-lark-signature': signature } }),
      JSON.parse(body.toString()),
    );
    expect(sdk.requestHandle?.checkIsEventValidated(data)).toBe(false);
  });

  it('fails when any part changes', () => {
    const body = Buffer.from('{"encrypt":"abc"}');
    const signature = eventSignature(ts, nonce, key, body);
    const ok = { timestamp: ts, nonce, signature, encryptKey: key, rawBody: body };
    expect(verifySignature(ok)).toBe(true);
    expect(verifySignature({ ...ok, signature: signature.toUpperCase() })).toBe(true);
    expect(verifySignature({ ...ok, timestamp: '1700000001' })).toBe(false);
    expect(verifySignature({ ...ok, nonce: 'n-124' })).toBe(false);
    expect(verifySignature({ ...ok, encryptKey: 'other' })).toBe(false);
    expect(verifySignature({ ...ok, rawBody: Buffer.from('{"encrypt":"abd"}') })).toBe(false);
    expect(verifySignature({ ...ok, signature: signature.slice(0, -1) })).toBe(false);
  });
});

describe('helpers', () => {
  it('compares strings exactly', () => {
    expect(safeEqual('token', 'token')).toBe(true);
    expect(safeEqual('token', 'token2')).toBe(false);
    expect(safeEqual('', 'x')).toBe(false);
  });

  it('makes stable idempotency keys within Feishu’s 50-character uuid limit', () => {
    const a = idempotencyKey('digest', 'oc_1', '2026-11-22');
    expect(a).toBe(idempotencyKey('digest', 'oc_1', '2026-11-22'));
    expect(a).not.toBe(idempotencyKey('digest', 'oc_1', '2026-11-23'));
    expect(a.length).toBeLessThanOrEqual(50);
  });
});
