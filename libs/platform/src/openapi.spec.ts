import { Body, Controller, Delete, Get, Module, Param, Post, Query } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength } from 'class-validator';

import { serveOpenApi } from './openapi';

class CreateWidgetBody {
  @IsString()
  @MaxLength(50)
  name!: string;
}

class ListWidgetsQuery {
  @IsOptional()
  @IsInt()
  @Max(100)
  limit?: number;
}

class WidgetIdParams {
  @IsUUID()
  id!: string;
}

@Controller('widgets')
class WidgetsController {
  @Post()
  create(@Body() body: CreateWidgetBody) {
    return body;
  }

  @Get()
  list(@Query() query: ListWidgetsQuery) {
    return query;
  }

  @Delete(':id')
  remove(@Param() params: WidgetIdParams) {
    return params;
  }
}

@Module({ controllers: [WidgetsController] })
class WidgetsModule {}

interface Operation {
  parameters?: { name: string; in: string; required: boolean; schema: object }[];
  requestBody?: { content: Record<string, { schema: { $ref: string } }> };
}

describe('serveOpenApi', () => {
  let app: INestApplication;
  let document: {
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, { properties?: object; required?: string[] }> };
  };

  beforeAll(async () => {
    app = await NestFactory.create(WidgetsModule, { logger: false });
    serveOpenApi(app, 'widgets');
    await app.listen(0, '127.0.0.1');
    const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    document = (await (await fetch(`${base}/openapi.json`)).json()) as typeof document;
  });

  afterAll(() => app.close());

  it('describes a body by the class-validator schema of its class, not an empty object', () => {
    const reference =
      document.paths['/widgets']!['post']!.requestBody!.content['application/json']!;
    expect(reference.schema.$ref).toBe('#/components/schemas/CreateWidgetBody');
    expect(document.components.schemas['CreateWidgetBody']).toMatchObject({
      properties: { name: { type: 'string', maxLength: 50 } },
      required: ['name'],
    });
  });

  it('lists each property of a whole-object query or path class as a parameter', () => {
    expect(document.paths['/widgets']!['get']!.parameters).toEqual([
      { name: 'limit', in: 'query', required: false, schema: { type: 'integer', maximum: 100 } },
    ]);
    expect(document.paths['/widgets/{id}']!['delete']!.parameters).toEqual([
      { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
    ]);
  });
});
