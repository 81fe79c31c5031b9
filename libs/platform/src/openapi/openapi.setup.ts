import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export const DOCS_PATH = 'docs';

/**
 * Serves the OpenAPI UI at `/docs` and the document at `/docs-json`. Must run before the app
 * initialises: the routes are added to Fastify directly and must come before Nest's 404 handler.
 */
export function setupOpenApi(app: INestApplication, serviceName: string, version = '1.0'): void {
  const config = new DocumentBuilder()
    .setTitle(`Westgate ${serviceName}`)
    .setVersion(version)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addSecurityRequirements('bearer')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  // The document itself is served at `/docs-json`, Swagger's default for this path.
  SwaggerModule.setup(DOCS_PATH, app, document);
}
