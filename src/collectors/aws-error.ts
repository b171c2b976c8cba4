import type { CollectionError } from '../inventory/collection.js';
import { failed, ok, type Slice } from '../inventory/collection.js';

interface SdkErrorShape {
  name?: unknown;
  message?: unknown;
  Code?: unknown;
  $metadata?: { httpStatusCode?: number; requestId?: string };
  $response?: { headers?: Record<string, string | undefined> };
}

const MAX_MESSAGE = 400;

/**
 * The code and message recorded in a snapshot for an error. AWS error messages name principals and
 * actions, never credentials; the message is still cut short so a surprising payload cannot bloat it.
 */
export function describeAwsError(error: unknown): CollectionError {
  if (looksUnimplementedByEndpoint(error)) {
    const status = (error as SdkErrorShape).$metadata?.httpStatusCode;
    return {
      code: 'NotImplementedByEndpoint',
      message: `the endpoint answered HTTP ${status} with a body that is not an AWS API response (an emulator that lacks this operation?)`,
    };
  }
  const shape = (error ?? {}) as SdkErrorShape;
  const code =
    typeof shape.name === 'string' && shape.name !== 'Error'
      ? shape.name
      : typeof shape.Code === 'string'
        ? shape.Code
        : 'Error';
  const message = typeof shape.message === 'string' ? shape.message : String(error);
  return { code, message: message.split('\n')[0]?.slice(0, MAX_MESSAGE) ?? '' };
}

export function errorCode(error: unknown): string {
  return describeAwsError(error).code;
}

export function isErrorCode(error: unknown, ...codes: string[]): boolean {
  const code = errorCode(error);
  return codes.includes(code) || codes.includes(code.replace(/Exception$/, ''));
}

/**
 * moto answers operations it does not implement with an HTML error page; the SDK then fails to
 * deserialize a 5xx. Real AWS always answers in its protocol, so this only marks emulator gaps.
 */
export function looksUnimplementedByEndpoint(error: unknown): boolean {
  const shape = (error ?? {}) as SdkErrorShape;
  const status = shape.$metadata?.httpStatusCode ?? 0;
  const message = typeof shape.message === 'string' ? shape.message : '';
  if (status < 500) return false;
  if (/Deserialization error|XML parse error|Unexpected token '<'/.test(message)) return true;
  // An HTML page that happens to parse as XML: the SDK names it "Unknown"; AWS always sends a request id.
  const html = /html/i.test(shape.$response?.headers?.['content-type'] ?? '');
  return html || (shape.name === 'Unknown' && !shape.$metadata?.requestId);
}

/** Runs one collection step; an error becomes a failed slice instead of ending the scan. */
export async function collectSlice<T>(step: () => Promise<T>): Promise<Slice<T>> {
  try {
    return ok(await step());
  } catch (error) {
    const { code, message } = describeAwsError(error);
    return failed(code, message);
  }
}
