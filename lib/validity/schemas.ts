// Inputs of the validity report and of accepting its suggested weights (browser-safe).
import { z } from 'zod';
import { OUTCOME_CHECKPOINTS } from '../outcomes/schemas';
import { expectedRevision } from '../validation';

const blank = (v: unknown) => (v === '' || v === null ? undefined : v);

export const ValidityReportInput = z.object({
  /** Omitted: every opening of the organization together. */
  openingId: z.preprocess(blank, z.uuid({ error: 'openingId is not a valid id' }).optional()),
  checkpoint: z.preprocess(blank, z.enum(OUTCOME_CHECKPOINTS, { error: 'Choose the 90-day or the 12-month checkpoint' }).default('90_days')),
});
export type ValidityReportInput = z.input<typeof ValidityReportInput>;

export const AcceptSuggestedWeightsInput = z.object({
  openingId: z.uuid({ error: 'openingId is not a valid id' }),
  checkpoint: z.enum(OUTCOME_CHECKPOINTS, { error: 'Choose the 90-day or the 12-month checkpoint' }),
  /** The opening's revision the page showed: a weight edit since then is a 409. */
  revision: expectedRevision,
  /** The suggestion as shown ("skillId:weight" pairs): if the data moved since, the suggestion differs and is not applied blind. */
  shown: z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(z.string().max(80)).max(60)),
});
export type AcceptSuggestedWeightsInput = z.input<typeof AcceptSuggestedWeightsInput>;
