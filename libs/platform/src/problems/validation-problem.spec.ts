import { Type } from 'class-transformer';
import { plainToInstance } from 'class-transformer';
import {
  IsISO8601,
  IsIn,
  IsInt,
  IsString,
  Min,
  ValidateNested,
  validateSync,
} from 'class-validator';

import { ProblemTypes } from './problem-details';
import { fieldErrorsOf, validationProblem } from './validation-problem';

class Deadline {
  @IsISO8601({ strict: true })
  dueDate!: string;
}

class Reminder {
  @IsIn(['P7D', 'P1D'])
  offset!: string;
}

class Body {
  @IsString()
  title!: string;

  @ValidateNested()
  @Type(() => Deadline)
  deadline!: Deadline;

  @ValidateNested({ each: true })
  @Type(() => Reminder)
  reminders!: Reminder[];

  @IsInt()
  @Min(1)
  limit!: number;
}

function errorsOf(plain: object) {
  return validateSync(plainToInstance(Body, plain), { forbidUnknownValues: false });
}

describe('fieldErrorsOf', () => {
  it('names nested fields with dotted paths and array elements by index', () => {
    const errors = fieldErrorsOf(
      errorsOf({
        title: 'Meeting',
        deadline: { dueDate: '2026-02-30' },
        reminders: [{ offset: 'P7D' }, { offset: 'P1D' }, { offset: 'soon' }],
        limit: 0,
      }),
    );
    expect(errors).toEqual([
      {
        field: 'deadline.dueDate',
        message: 'deadline.dueDate must be a valid ISO 8601 date string',
      },
      {
        field: 'reminders[2].offset',
        message: 'reminders[2].offset must be one of the following values: P7D, P1D',
      },
      { field: 'limit', message: 'limit must not be less than 1' },
    ]);
  });
});

describe('validationProblem', () => {
  it('is a 400 validation problem whose detail lists every message', () => {
    const problem = validationProblem(
      errorsOf({ deadline: { dueDate: '2026-01-01' }, reminders: [], limit: 2 }),
    );
    expect(problem.getStatus()).toBe(400);
    expect(problem.getResponse()).toEqual({
      type: ProblemTypes.validation,
      title: 'Invalid request',
      status: 400,
      detail: 'title must be a string',
      errors: [{ field: 'title', message: 'title must be a string' }],
    });
  });
});
