import type { FastifyReply } from 'fastify';
import { encodeStatus, type OtlpEncoding } from '@fleetscope/otlp';

export const OTLP_CONTENT_TYPES: Record<OtlpEncoding, string> = {
  protobuf: 'application/x-protobuf',
  json: 'application/json',
};

/** The OTLP encoding a Content-Type names, or undefined for anything else. */
export function otlpEncodingOf(contentType: string | undefined): OtlpEncoding | undefined {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/x-protobuf' || type === 'application/protobuf') return 'protobuf';
  if (type === 'application/json') return 'json';
  return undefined;
}

export function asBody(encoded: Uint8Array | string): Buffer | string {
  return typeof encoded === 'string'
    ? encoded
    : Buffer.from(encoded.buffer, encoded.byteOffset, encoded.byteLength);
}

/**
 * An OTLP/HTTP failure: "The response body for all HTTP 4xx and HTTP 5xx responses MUST be a
 * Protobuf-encoded Status message" for protobuf requests, its JSON form for JSON ones
 * (opentelemetry-proto docs/specification.md, "Failures"). JSON when the request named neither.
 */
export async function sendOtlpStatus(
  reply: FastifyReply,
  encoding: OtlpEncoding,
  status: number,
  code: number,
  message: string,
): Promise<void> {
  await reply
    .status(status)
    .type(OTLP_CONTENT_TYPES[encoding])
    .send(asBody(encodeStatus(encoding, { code, message })));
}
