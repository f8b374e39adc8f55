/**
 * Response bodies of the Firehose HTTP endpoint contract (awsdocs httpdeliveryrequestresponse.md):
 * 200 with `{requestId, timestamp}` on success; 4xx/5xx with `errorMessage` (≤ 8192 chars) on
 * failure. `requestId` must echo the request's. 413 is a permanent failure; every other non-200
 * is retried by Firehose with the same request id.
 */
export interface FirehoseSuccessResponse {
  requestId: string;
  timestamp: number;
}

export interface FirehoseErrorResponse extends FirehoseSuccessResponse {
  errorMessage: string;
}

const MAX_ERROR_MESSAGE = 8192;

export function firehoseSuccessResponse(
  requestId: string,
  nowMs = Date.now(),
): FirehoseSuccessResponse {
  return { requestId, timestamp: Math.round(nowMs) };
}

export function firehoseErrorResponse(
  requestId: string,
  errorMessage: string,
  nowMs = Date.now(),
): FirehoseErrorResponse {
  return {
    requestId,
    timestamp: Math.round(nowMs),
    errorMessage:
      errorMessage.length > MAX_ERROR_MESSAGE
        ? errorMessage.slice(0, MAX_ERROR_MESSAGE)
        : errorMessage,
  };
}

/**
 * The status a Firehose delivery is answered with instead of `status`. Firehose takes 413 for a
 * permanent failure and drops the batch without backing it up to its S3 error bucket; every other
 * non-200 it retries with back-off, then backs the batch up (httpdeliveryrequestresponse.md,
 * "Status Code", "Error Response Handling"). So a delivery too large for this collector (its
 * body limit, a row beyond its write queue) is answered 400: retried, then kept in S3, not lost.
 */
export function firehoseStatus(status: number): number {
  return status === 413 ? 400 : status;
}
