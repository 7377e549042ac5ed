import type { MilestoneDue } from '@dealwatch/milestone-scheduler/domain';

import { BadRequestException } from '@nestjs/common';

/** The due a validated body gives: its instant, or its calendar date in its zone. */
export function dueOfBody(
  body: { dueDate?: string; dueAt?: string; timeZone?: string },
  defaultTimeZone: string,
): MilestoneDue {
  const timeZone = body.timeZone ?? defaultTimeZone;
  if (body.dueAt) return { dueAt: new Date(body.dueAt), timeZone };
  if (body.dueDate) return { dueDate: body.dueDate, timeZone };
  throw new BadRequestException('give exactly one of dueDate and dueAt');
}
