// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- service builds compile only what is imported, and this ambient module must reach them
/// <reference path="./types/class-transformer-storage.d.ts" />
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';

/**
 * Serves the service's OpenAPI document at `/openapi.json` and a browsable page at `/docs`. Routes
 * and parameters come from the controllers; the schemas of request bodies and queries come from the
 * same class-validator decorators that validate them, so the document cannot disagree with the check.
 */
export function serveOpenApi(app: INestApplication, service: string): void {
  const config = new DocumentBuilder()
    .setTitle(`DealWatch ${service} API`)
    .setDescription(
      `HTTP API of the ${service} service. Errors are RFC 9457 problem details (application/problem+json): type, title, status, detail, instance, and for invalid requests the fields at fault in errors.`,
    )
    .setVersion('1')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  // Both libraries describe OpenAPI 3 schemas; only their type declarations differ.
  const schemas = validationMetadatasToSchemas({
    classTransformerMetadataStorage: defaultMetadataStorage,
    refPointerPrefix: '#/components/schemas/',
  }) as Record<string, SchemaObject>;
  document.components = {
    ...document.components,
    schemas: { ...schemas, ...document.components?.schemas },
  };
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json', raw: ['json'] });
}
