import type { FuzzedOperation, JsonSchema } from './fuzz-case';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation | undefined>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

interface OpenApiOperation {
  security?: unknown[];
  'x-dealwatch-role'?: string;
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

/** Every operation `GET {base}/openapi.json` documents, with its parameters and body schema. */
export async function fuzzedOperations(base: string): Promise<FuzzedOperation[]> {
  const response = await fetch(`${base}/openapi.json`);
  if (response.status !== 200) throw new Error(`/openapi.json answered ${response.status}`);
  const document = (await response.json()) as OpenApiDocument;
  const schemas = document.components?.schemas ?? {};
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = item[method];
      if (!operation) return [];
      const isPublic = Array.isArray(operation.security) && operation.security.length === 0;
      const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
      return [
        {
          method,
          path,
          role: isPublic ? null : (operation['x-dealwatch-role'] ?? null),
          pathParams: [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? ''),
          query: (operation.parameters ?? [])
            .filter((parameter) => parameter.in === 'query')
            .map((parameter) => ({
              name: parameter.name,
              required: parameter.required === true,
              schema: resolved(parameter.schema ?? {}, schemas),
            })),
          body: bodySchema ? resolved(bodySchema, schemas) : null,
          consumes: Object.keys(operation.requestBody?.content ?? {}),
        },
      ];
    }),
  );
}

/** The schema with every `$ref` replaced by what it names (cycles cut after a few levels). */
function resolved(schema: JsonSchema, schemas: Record<string, JsonSchema>, depth = 0): JsonSchema {
  if (depth > 6) return {};
  if (schema.$ref) {
    const target = schemas[schema.$ref.split('/').at(-1) ?? ''];
    return target ? resolved(target, schemas, depth + 1) : {};
  }
  return {
    ...schema,
    ...(schema.items ? { items: resolved(schema.items, schemas, depth + 1) } : {}),
    ...(schema.properties
      ? {
          properties: Object.fromEntries(
            Object.entries(schema.properties).map(([name, property]) => [
              name,
              resolved(property, schemas, depth + 1),
            ]),
          ),
        }
      : {}),
  };
}
