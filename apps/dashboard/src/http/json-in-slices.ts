import { Readable } from 'node:stream';
import {
  Injectable,
  SetMetadata,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { map, type Observable } from 'rxjs';

const SLICED_FIELD = 'fleetscope:json-in-slices';

/** Items of the sliced array encoded per JSON.stringify call: ~76 kB of the fleet page's rows. */
const ITEMS_PER_SLICE = 100;

/**
 * Marks a route whose answer is a JSON object with one large array in `field` (the fleet page:
 * 7.6 MB for 10,000 functions; the cold starts by function): JsonInSlicesInterceptor writes it
 * slice by slice.
 */
export const JsonInSlices = (field: string) => SetMetadata(SLICED_FIELD, field);

/**
 * A JSON object as text, its array `field` encoded a slice of items at a time. The same text as
 * JSON.stringify(body), which encodes every value and slice here; only the brackets and commas
 * between them are written by hand, because no maintained library streams an array through
 * JSON.stringify itself (the streaming encoders re-implement the encoding, value by value).
 */
export function* jsonInSlices(
  body: Record<string, unknown>,
  field: string,
  itemsPerSlice = ITEMS_PER_SLICE,
): Generator<string> {
  let first = true;
  for (const [key, value] of Object.entries(body)) {
    const prefix = `${first ? '{' : ','}${JSON.stringify(key)}:`;
    if (key === field && Array.isArray(value)) {
      yield `${prefix}[`;
      for (let i = 0; i < value.length; i += itemsPerSlice) {
        const slice = JSON.stringify(value.slice(i, i + itemsPerSlice));
        yield `${i > 0 ? ',' : ''}${slice.slice(1, -1)}`;
      }
      yield ']';
    } else {
      // JSON.stringify leaves out a property whose value it cannot encode (undefined, a function).
      const encoded = JSON.stringify(value) as string | undefined;
      if (encoded === undefined) continue;
      yield `${prefix}${encoded}`;
    }
    first = false;
  }
  yield first ? '{}' : '}';
}

/**
 * Answers the routes marked @JsonInSlices as a stream of slices (chunked transfer encoding): no
 * string of the whole answer is built, the first bytes leave while the rest is encoded, and each
 * slice dies young where one large string went straight to the old generation and brought its
 * collections forward. Registered before every other interceptor, so it sees the answer last,
 * after DemoLabelInterceptor has labelled it.
 */
@Injectable()
export class JsonInSlicesInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const field = this.reflector.get<string | undefined>(SLICED_FIELD, context.getHandler());
    if (!field) return next.handle();
    return next.handle().pipe(
      map((body: unknown) => {
        if (!isPlainObject(body)) return body;
        context
          .switchToHttp()
          .getResponse<{ type(contentType: string): unknown }>()
          .type('application/json; charset=utf-8');
        return Readable.from(jsonInSlices(body, field));
      }),
    );
  }
}

/**
 * An object JSON.stringify encodes field by field: not an array, a Buffer, a stream or a class
 * instance (whose own toJSON would decide its text).
 */
function isPlainObject(body: unknown): body is Record<string, unknown> {
  if (typeof body !== 'object' || body === null) return false;
  const prototype = Object.getPrototypeOf(body) as unknown;
  return prototype === Object.prototype || prototype === null;
}
