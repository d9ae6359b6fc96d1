/**
 * The daily digest core: which theme and passages a date gets. Platform-neutral — no Slack, Feishu or cron here
 * (the schedule lives in src/scheduler, delivery state in src/state).
 */
export { createDigestPlanner, resolveTheme, unknownThemeError, type DigestPlannerOptions } from './planner.js';
export { todayIn, themeOfDate, roundOfDate, dayNumber, dateOfDay, addDays, zonedParts, zonedTimeToInstant } from './dates.js';
export { assessPassage, buildPools, buildRounds, resolveSelectionOptions, type Assessment, type Flaw, type SelectionOptions } from './select.js';
export { keyTerms, KEYWORD_STOPWORDS, type KeywordExtractor } from './keywords.js';
export * from './types.js';
