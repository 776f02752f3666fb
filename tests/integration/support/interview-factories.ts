// The hiring-loop factories moved into ./factories.ts (one module for every factory); this
// re-export keeps existing imports working.
export {
  createApplicant,
  createInterview,
  createOpeningWithStages,
  createPublishedKit,
  fillScorecard,
  skillIdsBySlug,
  submitFilledScorecard,
} from './factories';
