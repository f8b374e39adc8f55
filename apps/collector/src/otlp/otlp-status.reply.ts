import type { FastifyReply } from 'fastify';
import { encodeStatus, type OtlpEncoding } from '@fleetscope/otlp';

const OTLP_CONTENT_TYPES: Record<OtlpEncoding, string> = {
  protobuf: 'application/x-protobuf',
  json: 'application/json',
};

function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

/** The OTLP encoding a Content-Type names, or undefined for anything else. */
export function otlpEncodingOf(contentType: string | undefined): OtlpEncoding | undefined {
  const type = mediaTypeOf(contentType);
  if (type === 'application/x-protobuf' || type === 'application/protobuf') return 'protobuf';
  if (type === 'application/json') return 'json';
  return undefined;
}

/**
 * The Content-Type of an answer in `encoding`: "The server MUST use the same Content-Type in the
 * response as it received in the request" (opentelemetry-proto docs/specification.md, "OTLP/HTTP
 * Response"), so application/protobuf is answered as application/protobuf. The encoding's usual
 * name when the request named another (an unsupported type is answered in JSON).
 */
export function otlpResponseType(
  encoding: OtlpEncoding,
  requestContentType: string | undefined,
): string {
  const type = mediaTypeOf(requestContentType);
  return otlpEncodingOf(type) === encoding ? type : OTLP_CONTENT_TYPES[encoding];
}

/**
 * The answer's bytes. A Buffer, JSON too: Fastify appends `; charset=utf-8` to a JSON
 * Content-Type sent with a string, and the Collector's otlphttpexporter reads partial_success
 * only from an answer whose Content-Type is exactly the request's (exporter/otlphttpexporter).
 */
export function asBody(encoded: Uint8Array | string): Buffer {
  return typeof encoded === 'string'
    ? Buffer.from(encoded, 'utf8')
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
    .type(otlpResponseType(encoding, reply.request.headers['content-type']))
    .send(asBody(encodeStatus(encoding, { code, message })));
}
