import { Public } from '@dealwatch/auth';

import { Controller, Get, HttpCode, HttpStatus, Res } from '@nestjs/common';
import type { Response } from 'express';

import { HealthChecks } from './health-checks';
import type { HealthReport } from './health-checks';

@Controller('health')
export class HealthController {
  constructor(private readonly checks: HealthChecks) {}

  /** Readiness: 200 when every dependency answers, 503 naming the ones that do not. */
  @Get()
  @Public()
  async readiness(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const report = await this.checks.report();
    response.status(report.status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }

  /** Liveness: the process is up and serving HTTP. */
  @Get('live')
  @Public()
  @HttpCode(HttpStatus.OK)
  liveness(): { status: 'ok'; pid: number } {
    // The pid lets a supervisor tell this process from another one answering on the same port.
    return { status: 'ok', pid: process.pid };
  }
}
