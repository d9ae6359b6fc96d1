/**
 * Downloads a file a user sent to the bot (GET /open-apis/im/v1/messages/:message_id/resources/:file_key?type=file,
 * scope im:resource) with the tenant token, a timeout and a byte limit. Done with fetch rather than the SDK's
 * messageResource.get, which buffers the whole file before its size can be checked.
 */
import { Domain, type Client } from '@larksuiteoapi/node-sdk';
import { downloadCapped } from '../platform/download.js';

export type ResourceDownloader = (messageId: string, fileKey: string, maxBytes: number) => Promise<Uint8Array>;

/** The Open API base URL for the SDK's domain setting (a URL, or Domain.Feishu / Domain.Lark). */
export function openApiBase(domain: string | Domain): string {
  if (typeof domain === 'string') return domain.replace(/\/+$/, '');
  return domain === Domain.Lark ? 'https://open.larksuite.com' : 'https://open.feishu.cn';
}

export function createResourceDownloader(client: Client, domain: string | Domain, timeoutMs = 60_000): ResourceDownloader {
  const base = openApiBase(domain);
  return async (messageId, fileKey, maxBytes) => {
    const token = (await (client.tokenManager as { getTenantAccessToken(): Promise<unknown> }).getTenantAccessToken()) as string;
    const url = `${base}/open-apis/im/v1/messages/${encodeURIComponent(messageId)}/resources/${encodeURIComponent(fileKey)}?type=file`;
    return downloadCapped(url, maxBytes, { headers: { authorization: `Bearer ${token}` }, timeoutMs });
  };
}
