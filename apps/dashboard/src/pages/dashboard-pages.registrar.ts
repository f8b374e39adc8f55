import { readFile } from 'node:fs/promises';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { chartUmdPath, PAGE_HEADERS, pageFileFor, type PageFile } from './page-files';

/**
 * Serves the dashboard pages (dashboards/) at `/` and chart.js at /vendor/chart.umd.js, as plain
 * Fastify routes: the pages themselves are public (the API token guard stays on /api/*), and the
 * browser sends the token from localStorage with each API call.
 */
@Injectable()
export class DashboardPagesRegistrar implements OnModuleInit {
  private readonly logger = new Logger('DashboardPages');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter;
    // An application context without HTTP (e.g. a script) has no adapter: nothing to serve.
    if (!adapter) return;
    const fastify = adapter.getInstance<FastifyInstance>();
    const chart: PageFile = { path: chartUmdPath(), contentType: 'text/javascript; charset=utf-8' };
    const serve = (file: PageFile | null) => async (request: FastifyRequest, reply: FastifyReply) =>
      this.send(file ?? pageFileFor(request.url.split('?', 1)[0]), reply);
    fastify.get('/', serve(null));
    fastify.get('/:page', serve(null));
    fastify.get('/assets/:asset', serve(null));
    fastify.get('/vendor/chart.umd.js', serve(chart));
  }

  private async send(file: PageFile | null, reply: FastifyReply): Promise<FastifyReply> {
    if (file) {
      try {
        const body = await readFile(file.path);
        return reply
          .code(200)
          .headers(file.headers ?? PAGE_HEADERS)
          .type(file.contentType)
          .send(body);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
          this.logger.error(`cannot read ${file.path}: ${String(error)}`);
          return reply.code(500).type('text/plain').send('cannot read the page');
        }
      }
    }
    return reply
      .code(404)
      .type('text/plain; charset=utf-8')
      .send('Not found. The dashboard is at /.');
  }
}
