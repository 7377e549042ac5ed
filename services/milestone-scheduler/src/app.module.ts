import {
  MilestoneEntity,
  MilestoneRepository,
  ReminderEntity,
  milestoneSchedulerMigrations,
} from '@dealwatch/milestone-scheduler/data-access';
import { PlatformModule } from '@dealwatch/platform';
import type { Clock } from '@dealwatch/platform';

import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';

import { ClausesExtractedConsumer } from './milestones/clauses-extracted.consumer';
import { MilestonesController } from './milestones/milestones.controller';
import { ScheduleMilestonesUseCase } from './milestones/schedule-milestones.usecase';
import { ReminderDispatcher } from './reminders/reminder-dispatcher';
import type { SchedulerEnv } from './scheduler.env';

@Module({})
export class AppModule {
  static register(env: SchedulerEnv, overrides: { clock?: Clock } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService(
          {
            name: 'milestone-scheduler',
            env,
            entities: [MilestoneEntity, ReminderEntity],
            migrations: milestoneSchedulerMigrations,
            redis: false,
          },
          overrides,
        ),
      ],
      controllers: [MilestonesController],
      providers: [
        ClausesExtractedConsumer,
        MilestoneRepository,
        ReminderDispatcher,
        ScheduleMilestonesUseCase,
      ],
    };
  }
}
