// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- service builds compile only what is imported, and this ambient module must reach them
/// <reference path="./types/class-transformer-storage.d.ts" />
import { OPENAPI_PUBLIC, OPENAPI_ROLE, defaultRoleFor } from '@dealwatch/auth';

import type { INestApplication } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type {
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';

const BEARER = 'bearer';
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * Serves the service's OpenAPI document at `/openapi.json` and a browsable page at `/docs`, both
 * without credentials (they describe the API, not its data). Routes and parameters come from the
 * controllers; the schemas of request bodies and queries come from the same class-validator
 * decorators that validate them, so the document cannot disagree with the check. Every operation
 * needs the bearer scheme and says which role (`x-dealwatch-role`), except public ones
 * (`security: []`).
 */
export function serveOpenApi(app: INestApplication, service: string): void {
  const config = new DocumentBuilder()
    .setTitle(`DealWatch ${service} API`)
    .setDescription(
      `HTTP API of the ${service} service. Every operation but the health probes needs ` +
        '`Authorization: Bearer <API key or token>` and a role: viewer reads, operator writes, ' +
        'admin configures. Errors are RFC 9457 problem details (application/problem+json): type, ' +
        'title, status, detail, instance, and for invalid requests the fields at fault in errors.',
    )
    .setVersion('1')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        description:
          'A DealWatch API key (dwk_…, from POST /v1/api-keys on the console), ' +
          'DEALWATCH_ADMIN_API_KEY, or a JWT of the configured OIDC issuer.',
      },
      BEARER,
    )
    .addSecurityRequirements(BEARER)
    .build();
  const document = SwaggerModule.createDocument(app, config);
  // Both libraries describe OpenAPI 3 schemas; only their type declarations differ.
  const schemas = validationMetadatasToSchemas({
    classTransformerMetadataStorage: defaultMetadataStorage,
    refPointerPrefix: '#/components/schemas/',
  }) as Record<string, SchemaObject>;
  // Swagger only knows a body class by name (an empty object schema without @ApiProperty): the
  // class-validator schema of the same name is the one that says what is checked.
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ...schemas, ProblemDetails: problemSchema },
  };
  describeWholeObjectParameters(app, document, schemas);
  describeAccess(document);
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'openapi.json',
    raw: ['json'],
    swaggerOptions: { persistAuthorization: true },
  });
}

/**
 * A handler that takes its query (`@Query() query: ListAlertsQuery`) or path parameters (`@Param()
 * params: ApiKeyIdParams`) as one validated class gets each property of it as a parameter, from
 * the class-validator schema; Swagger would list none of them.
 */
function describeWholeObjectParameters(
  app: INestApplication,
  document: OpenAPIObject,
  schemas: Record<string, SchemaObject>,
): void {
  const operations = new Map<string, OperationObject>();
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation?.operationId) operations.set(operation.operationId, operation);
    }
  }
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      if (typeof metatype !== 'function') continue;
      for (const handler of Object.getOwnPropertyNames(metatype.prototype)) {
        // Swagger's default operation id: `<Controller>_<handler>`.
        const operation = operations.get(`${metatype.name}_${handler}`);
        if (operation) addWholeObjectParameters(operation, metatype, handler, schemas);
      }
    }
  }
}

const WHOLE_OBJECT_LOCATIONS: Partial<Record<number, 'query' | 'path'>> = {
  [RouteParamtypes.QUERY]: 'query',
  [RouteParamtypes.PARAM]: 'path',
};

function addWholeObjectParameters(
  operation: OperationObject,
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- a controller class, as Nest holds it
  controller: Function,
  handler: string,
  schemas: Record<string, SchemaObject>,
): void {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handler) ?? {}) as Record<
    string,
    { index: number; data?: unknown }
  >;
  const types = (Reflect.getMetadata(
    'design:paramtypes',
    controller.prototype as object,
    handler,
  ) ?? []) as unknown[];
  for (const [key, { index, data }] of Object.entries(args)) {
    const location = WHOLE_OBJECT_LOCATIONS[Number(key.split(':')[0])];
    const type = types[index];
    if (!location || data !== undefined || typeof type !== 'function') continue;
    const schema = schemas[type.name];
    if (!schema?.properties) continue;
    const listed = (operation.parameters ?? []) as ParameterObject[];
    const added = Object.entries(schema.properties)
      .filter(([name]) => !listed.some((p) => p.name === name && p.in === location))
      .map(([name, property]) => ({
        name,
        in: location,
        required: location === 'path' || (schema.required ?? []).includes(name),
        schema: property,
      }));
    operation.parameters = [...listed, ...added];
  }
}

/** Public operations get `security: []`; the others their role and the answers of a refusal. */
function describeAccess(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method] as (OperationObject & Record<string, unknown>) | undefined;
      if (!operation) continue;
      if (operation[OPENAPI_PUBLIC] === true) {
        // `security: []` says it to any OpenAPI tool; the marker has served its purpose.
        operation.security = [];
        Reflect.deleteProperty(operation, OPENAPI_PUBLIC);
        continue;
      }
      const role = (operation[OPENAPI_ROLE] as string | undefined) ?? defaultRoleFor(method);
      operation[OPENAPI_ROLE] = role;
      operation.description = [operation.description, `Needs the ${role} role.`]
        .filter(Boolean)
        .join('\n\n');
      operation.responses = {
        ...operation.responses,
        '401': problemResponse('No credentials, or not valid ones.'),
        '403': problemResponse(
          `The caller's role is below ${role}, or its key is scoped elsewhere.`,
        ),
        '429': problemResponse('Too many requests for this caller; see Retry-After.'),
      };
    }
  }
}

function problemResponse(description: string) {
  return {
    description,
    content: {
      'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } },
    },
  };
}

const problemSchema: SchemaObject = {
  type: 'object',
  description: 'RFC 9457 problem details.',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};
