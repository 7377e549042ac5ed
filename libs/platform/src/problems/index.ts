export * from './problem-details';
export * from './problem-details.filter';
export * from './problem.exception';
export * from './request-body-errors';
export * from './validation-problem';
