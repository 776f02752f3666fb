// Which submitted scorecards count in aggregates and in "all feedback is in": the rule itself
// lives in db/counted.ts (the running tallies need it too); domain code imports it from here.
export { COUNTED_PANEL_ROLES, countedPanelistSql, countedScorecardSql, panelRoleCounts, scorecardCounts } from '@/db/counted';
