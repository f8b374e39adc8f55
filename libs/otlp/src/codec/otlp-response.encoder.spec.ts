import {
  RPC_CODE,
  decodeExportResponseProtobuf,
  decodeStatusProtobuf,
  encodeExportResponseJson,
  encodeExportResponseProtobuf,
  encodeStatusJson,
  encodeStatusProtobuf,
} from './otlp-response.encoder';

describe(encodeExportResponseProtobuf.name, () => {
  it('leaves partial_success unset on full success', () => {
    expect(encodeExportResponseProtobuf('traces')).toHaveLength(0);
    expect(encodeExportResponseProtobuf('logs', { rejected: 0 })).toHaveLength(0);
    expect(encodeExportResponseJson('metrics', { rejected: 0, errorMessage: '' })).toBe('{}');
  });

  it.each(['traces', 'logs', 'metrics'] as const)(
    'encodes rejected count and message for %s',
    (signal) => {
      const bytes = encodeExportResponseProtobuf(signal, { rejected: 3, errorMessage: 'bad ids' });
      expect(decodeExportResponseProtobuf(signal, bytes)).toEqual({
        rejected: 3,
        errorMessage: 'bad ids',
      });
    },
  );

  it('writes OTLP/JSON with the signal-specific field and int64 as a string', () => {
    expect(
      JSON.parse(encodeExportResponseJson('traces', { rejected: 2, errorMessage: 'x' })),
    ).toEqual({
      partialSuccess: { rejectedSpans: '2', errorMessage: 'x' },
    });
    expect(
      JSON.parse(encodeExportResponseJson('logs', { rejected: 0, errorMessage: 'warning only' })),
    ).toEqual({
      partialSuccess: { errorMessage: 'warning only' },
    });
  });
});

describe(encodeStatusProtobuf.name, () => {
  it('encodes google.rpc.Status in protobuf and JSON', () => {
    const status = {
      code: RPC_CODE.INVALID_ARGUMENT,
      message: 'invalid protobuf: index out of range',
    };
    expect(decodeStatusProtobuf(encodeStatusProtobuf(status))).toEqual(status);
    expect(JSON.parse(encodeStatusJson(status))).toEqual(status);
  });

  it('carries a retry delay as a google.rpc.RetryInfo detail', () => {
    const bytes = encodeStatusProtobuf({
      code: RPC_CODE.UNAVAILABLE,
      message: 'write queue is full',
      retryDelayMs: 2_500,
    });
    // Any.type_url names the detail's type as the OTLP specification's RetryInfo examples do.
    expect(Buffer.from(bytes).toString('latin1')).toContain(
      'type.googleapis.com/google.rpc.RetryInfo',
    );
    expect(decodeStatusProtobuf(bytes)).toEqual({
      code: RPC_CODE.UNAVAILABLE,
      message: 'write queue is full',
      retryDelayMs: 2_500,
    });
  });
});
