import type { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Config } from '@fleetscope/config';
import { logLevels } from './process-runner';

/** The :8080 application: Fastify, OpenAPI at /api/docs, listening on FLEETSCOPE_HOST. */
export async function createHttpApp(
  module: Type | DynamicModule,
  config: Config,
  version: string,
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    module,
    new FastifyAdapter({ bodyLimit: 1024 * 1024 }),
    { logger: logLevels(config), abortOnError: false },
  );
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Fleetscope API')
      .setDescription('Serverless fleet observability and cost analysis')
      .setVersion(version)
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document);
  return app;
}

/** Listens on FLEETSCOPE_HTTP_PORT and returns the port bound (the system's choice for port 0). */
export async function listenHttpApp(app: NestFastifyApplication, config: Config): Promise<number> {
  await app.listen(config.httpPort, config.host);
  const address: unknown = app.getHttpServer().address();
  return typeof address === 'object' && address !== null && 'port' in address
    ? Number(address.port)
    : config.httpPort;
}
