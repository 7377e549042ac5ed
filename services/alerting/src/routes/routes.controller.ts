import { Roles } from '@dealwatch/platform';

import { BadRequestException, Body, Controller, Get, Put } from '@nestjs/common';

import { InvalidRoutesError, RoutingTable } from './routing-table';
import type { RoutingView } from './routing-table';

@Controller('v1/routes')
export class RoutesController {
  constructor(private readonly routing: RoutingTable) {}

  @Get()
  get(): Promise<RoutingView> {
    return this.routing.view();
  }

  /**
   * Replaces the whole tree: `{ receivers: ['*'], routes: [{ matchers: ['severity="critical"'],
   * receivers: ['pager'], continue: true }] }`. The body is checked by the domain's parser, which
   * reports every problem with its path.
   */
  @Put()
  @Roles('admin')
  async replace(@Body() body: unknown): Promise<RoutingView> {
    try {
      return await this.routing.replace(body);
    } catch (error) {
      if (error instanceof InvalidRoutesError) throw new BadRequestException(error.problems);
      throw error;
    }
  }
}
