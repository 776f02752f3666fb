// The self-identification questions: one fixed set, in one file, so that the form, the validation
// and the report read the same keys. Browser-safe (no server imports). Options follow the US EEO-1
// categories; every question offers "prefer not to say", which never counts in any group.
// To make the set configurable later, this list becomes a per-organization row with the same shape.

export const PREFER_NOT_TO_SAY = 'prefer_not_to_say';

export interface SelfIdQuestion {
  key: string;
  label: string;
  /** The dimension's name in the report ("Gender", …). */
  dimension: string;
  options: { key: string; label: string }[];
}

const declined = { key: PREFER_NOT_TO_SAY, label: 'I prefer not to say' };

export const SELF_ID_QUESTIONS: readonly SelfIdQuestion[] = [
  {
    key: 'gender',
    label: 'Gender',
    dimension: 'Gender',
    options: [{ key: 'female', label: 'Female' }, { key: 'male', label: 'Male' }, { key: 'non_binary', label: 'Non-binary' }, declined],
  },
  {
    key: 'race_ethnicity',
    label: 'Race / ethnicity',
    dimension: 'Race / ethnicity',
    options: [
      { key: 'hispanic_latino', label: 'Hispanic or Latino' },
      { key: 'white', label: 'White (not Hispanic or Latino)' },
      { key: 'black', label: 'Black or African American (not Hispanic or Latino)' },
      { key: 'native_hawaiian_pacific', label: 'Native Hawaiian or Other Pacific Islander (not Hispanic or Latino)' },
      { key: 'asian', label: 'Asian (not Hispanic or Latino)' },
      { key: 'american_indian_alaska', label: 'American Indian or Alaska Native (not Hispanic or Latino)' },
      { key: 'two_or_more', label: 'Two or more races (not Hispanic or Latino)' },
      declined,
    ],
  },
  {
    key: 'veteran',
    label: 'Veteran status',
    dimension: 'Veteran status',
    options: [{ key: 'protected_veteran', label: 'I am a protected veteran' }, { key: 'not_veteran', label: 'I am not a protected veteran' }, declined],
  },
  {
    key: 'disability',
    label: 'Disability',
    dimension: 'Disability',
    options: [{ key: 'yes', label: 'Yes, I have a disability (or previously had one)' }, { key: 'no', label: 'No, I do not have a disability' }, declined],
  },
];

export function optionLabel(questionKey: string, optionKey: string): string {
  const question = SELF_ID_QUESTIONS.find((q) => q.key === questionKey);
  return question?.options.find((o) => o.key === optionKey)?.label ?? optionKey;
}
