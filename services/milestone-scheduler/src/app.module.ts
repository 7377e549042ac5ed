import {
  AgreementDefaultsEntity,
  AgreementDefaultsRepository,
  MilestoneEntity,
  MilestoneHistoryEntity,
  MilestoneHistoryRepository,
  MilestoneRepository,
  ReminderEntity,
  milestoneSchedulerMigrations,
} from '@dealwatch/milestone-scheduler/data-access';
import { PlatformModule } from '@dealwatch/platform';
import type { Clock } from '@dealwatch/platform';

import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';

import { CalendarLinksController } from './calendar/calendar-links.controller';
import { CalendarController } from './calendar/calendar.controller';
import { CloseMilestoneUseCase } from './lifecycle/close-milestone.usecase';
import { MilestoneLifecycle } from './lifecycle/milestone-lifecycle';
import { RescheduleMilestoneUseCase } from './lifecycle/reschedule-milestone.usecase';
import { ClausesExtractedConsumer } from './milestones/clauses-extracted.consumer';
import { CreateMilestoneUseCase } from './milestones/create-milestone.usecase';
import { MilestonesController } from './milestones/milestones.controller';
import { ScheduleMilestonesUseCase } from './milestones/schedule-milestones.usecase';
import { AgreementsController } from './policies/agreements.controller';
import { ReminderPolicyBook } from './policies/reminder-policy-book';
import { SetAgreementDefaultsUseCase } from './policies/set-agreement-defaults.usecase';
import { ReminderDispatcher } from './reminders/reminder-dispatcher';
import { ApplyReviewUseCase } from './reviews/apply-review.usecase';
import { ObligationReviewedConsumer } from './reviews/obligation-reviewed.consumer';
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
            entities: [
              AgreementDefaultsEntity,
              MilestoneEntity,
              MilestoneHistoryEntity,
              ReminderEntity,
            ],
            migrations: milestoneSchedulerMigrations,
            redis: false,
          },
          overrides,
        ),
      ],
      controllers: [
        AgreementsController,
        CalendarController,
        CalendarLinksController,
        MilestonesController,
      ],
      providers: [
        AgreementDefaultsRepository,
        ApplyReviewUseCase,
        ClausesExtractedConsumer,
        CloseMilestoneUseCase,
        CreateMilestoneUseCase,
        MilestoneHistoryRepository,
        MilestoneLifecycle,
        MilestoneRepository,
        ObligationReviewedConsumer,
        ReminderDispatcher,
        ReminderPolicyBook,
        RescheduleMilestoneUseCase,
        ScheduleMilestonesUseCase,
        SetAgreementDefaultsUseCase,
      ],
    };
  }
}
