// Id parsing shared by every domain: a malformed id is a 422 naming the field, not a 500.
import { z } from 'zod';
import { parseInput } from './validation';

export function parseId(field: string, value: unknown): string {
  return parseInput(z.object({ [field]: z.uuid({ error: `${field} is not a valid id` }) }), { [field]: value })[field] as string;
}
