import type { FastifyInstance } from 'fastify';

/**
 * Ends each keep-alive connection with its response once close() has begun. Fastify closes the
 * connections idle at that moment only: one busy then (an exporter or a page sending steadily)
 * would stay open after its answer and hold close(), and so the shutdown, until the client left.
 */
export function endKeepAliveOnClose(fastify: FastifyInstance): void {
  let closing = false;
  fastify.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  fastify.addHook('onSend', async (_request, reply) => {
    if (closing) void reply.header('connection', 'close');
  });
}
