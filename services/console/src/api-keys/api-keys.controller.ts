import { ApiKeyRegistry, CurrentPrincipal, LOGGER, Roles } from '@dealwatch/platform';
import type { Principal } from '@dealwatch/platform';

import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
} from '@nestjs/common';
import { Logger } from 'pino';

import { ApiKeyIdParams, CreateApiKeyBody, apiKeyView } from './api-key.dto';

/**
 * The API keys every service accepts (the platform's key registry, not a console table): the
 * console is the admin front, so it hosts their management. Admins only.
 */
@Controller('v1/api-keys')
export class ApiKeysController {
  private readonly logger: Logger;

  constructor(
    private readonly registry: ApiKeyRegistry,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'api-keys' });
  }

  /** Answers 201 with the key itself in `key`: it is shown this once and never again. */
  @Post()
  @Roles('admin')
  async create(@Body() body: CreateApiKeyBody, @CurrentPrincipal() caller: Principal) {
    const { key, record } = await this.registry.create({
      name: body.name,
      role: body.role,
      scopes: body.scopes ?? [],
      createdBy: caller.name,
    });
    this.logger.info(
      { keyId: record.id, role: record.role, scopes: record.scopes, by: caller.id },
      'API key created',
    );
    return { ...apiKeyView(record), key };
  }

  /** Every key, newest first, revoked ones included; never a hash or a secret. */
  @Get()
  @Roles('admin')
  async list() {
    return { items: (await this.registry.list()).map(apiKeyView) };
  }

  /** Revokes the key on every service from their next request on; again is a no-op. */
  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  async revoke(@Param() { id }: ApiKeyIdParams, @CurrentPrincipal() caller: Principal) {
    const revoked = await this.registry.revoke(id);
    if (!revoked) throw new NotFoundException(`no API key ${id}`);
    this.logger.info({ keyId: id, by: caller.id }, 'API key revoked');
  }
}
