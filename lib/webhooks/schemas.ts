// Webhooks' event types and form inputs. Browser-safe: the settings forms import the labels.
import { z } from 'zod';

export const WEBHOOK_EVENT_TYPES = [
  'candidate.created',
  'application.stage_changed',
  'interview.scheduled',
  'interview.rescheduled',
  'interview.cancelled',
  'scorecard.submitted',
  'interview.feedback_complete',
  'decision.recorded',
  'candidate.erased',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WEBHOOK_EVENT_LABELS: Record<WebhookEventType, string> = {
  'candidate.created': 'A candidate is added',
  'application.stage_changed': 'An application moves to another stage',
  'interview.scheduled': 'An interview is scheduled',
  'interview.rescheduled': 'An interview is rescheduled or its panel changes',
  'interview.cancelled': 'An interview is cancelled',
  'scorecard.submitted': 'A scorecard is submitted',
  'interview.feedback_complete': 'All feedback is in for an application',
  'decision.recorded': 'A hiring decision is recorded',
  'candidate.erased': "A candidate's personal data is erased",
};

const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());
const events = z.preprocess(
  (v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.enum(WEBHOOK_EVENT_TYPES, { error: 'Choose events from the list' })).min(1, 'Choose at least one event'),
);
const url = z
  .string({ error: 'Enter the endpoint URL' })
  .trim()
  .min(1, 'Enter the endpoint URL')
  .max(2000, 'Use at most 2,000 characters')
  .refine((value) => URL.canParse(value), 'Enter a full URL, e.g. https://ats.example.com/hooks/loopkit');

export const WebhookEndpointFields = {
  url,
  description: z.string().trim().max(200, 'Use at most 200 characters').default(''),
  events,
  enabled: checkbox,
};

export const CreateWebhookEndpointInput = z.object(WebhookEndpointFields);
export const UpdateWebhookEndpointInput = z.object({ endpointId: z.uuid('Unknown endpoint'), ...WebhookEndpointFields });
export const WebhookEndpointIdInput = z.object({ endpointId: z.uuid('Unknown endpoint') });
export const RedeliverWebhookInput = z.object({ deliveryId: z.uuid('Unknown delivery') });
export const UpdateWebhookSettingsInput = z.object({ allowPrivateTargets: checkbox });
