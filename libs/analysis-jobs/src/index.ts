export * from './analysis-jobs.tokens';
export * from './analysis-jobs.module';
export * from './runner/analysis.runner';
export * from './cold-starts/cold-starts.service';
export * from './cold-starts/cold-start.grouping';
export * from './inputs/analysis-input.assembler';
export * from './inputs/account-usage';
export * from './pricing/configured-catalogue';
