// The live scorecard's props, derived from what the server's read returns (one shape, not a copy).
import type { ReactNode } from 'react';
import type { getInterviewScorecard } from '@/lib/scorecards/queries';
import type { LiveScorecardData } from './use-scorecard-autosave';

type Opened = Awaited<ReturnType<typeof getInterviewScorecard>>;
type PinnedKit = Opened['kit'];

/** One question of the pinned kit, with its guidance and rubric anchors. */
export type LiveItem = PinnedKit['sections'][number]['items'][number];
export type LiveSkill = PinnedKit['skills'][number];
export type LiveInterview = Pick<Opened['interview'], 'id' | 'applicationId' | 'candidateName' | 'blind' | 'openingTitle' | 'stageName' | 'scheduledAt' | 'started' | 'startedAt'>;
export type LiveKit = Pick<PinnedKit, 'name' | 'version' | 'targetMinutes' | 'skills'> & { items: LiveItem[] };

/** A question's prompt, guidance lines and rubric anchors, rendered from Markdown on the server. */
export interface RenderedItem {
  prompt: ReactNode;
  listenFor: ReactNode[];
  redFlags: ReactNode[];
  followUps: ReactNode[];
  rubric: ReactNode[];
}

export interface LiveProps {
  scorecard: LiveScorecardData;
  interview: LiveInterview;
  kit: LiveKit;
  /** Each question's Markdown, already rendered on the server, by item id. */
  content: Record<string, RenderedItem>;
}
