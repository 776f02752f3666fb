// Input of the self-identification form (browser-safe). Every question is optional and defaults
// to "prefer not to say": declining is always possible, also by leaving a question unanswered.
import { z } from 'zod';
import { PREFER_NOT_TO_SAY, SELF_ID_QUESTIONS } from './questions';

const answer = (keys: string[], label: string) =>
  z.preprocess((v) => (v === '' || v === null || v === undefined ? PREFER_NOT_TO_SAY : v), z.enum(keys as [string, ...string[]], { error: `Choose one of the ${label} options` }));

export const SubmitSelfIdentificationInput = z.object({
  token: z.string({ error: 'The link is incomplete' }).trim().min(1, 'The link is incomplete').max(200, 'The link is not valid'),
  ...Object.fromEntries(SELF_ID_QUESTIONS.map((q) => [q.key, answer(q.options.map((o) => o.key), q.label.toLowerCase())])),
});

export const SendSelfIdentificationLinkInput = z.object({ candidateId: z.uuid({ error: 'candidateId is not a valid id' }) });

export const AdverseImpactInput = z.object({ openingId: z.uuid({ error: 'openingId is not a valid id' }) });
