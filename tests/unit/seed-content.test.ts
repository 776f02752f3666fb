// The built-in content is product: this test holds it to the bar the product promises.
import { describe, expect, it } from 'vitest';
import { LEVELS, loadBuiltinContent, QUESTION_KINDS } from '@/db/seed/content';

const content = loadBuiltinContent();
const skills = content.taxonomy.categories.flatMap((c) => c.skills.map((s) => s.slug));

describe('built-in skill taxonomy', () => {
  it('covers every skill area the seed articles name', () => {
    const categories = content.taxonomy.categories.map((c) => c.slug);
    expect(categories).toEqual(
      expect.arrayContaining([
        'programming-languages',
        'database-management',
        'api-development',
        'frameworks',
        'security',
        'cloud-deployment',
        'development-tools',
        'data-structures-algorithms',
        'version-control',
        'soft-skills',
      ]),
    );
    expect(skills).toEqual(
      expect.arrayContaining([
        'python', 'java', 'nodejs', 'php',
        'sql-databases', 'nosql-databases', 'query-optimization', 'data-modeling',
        'rest-api-design', 'graphql', 'soap-integration', 'api-documentation',
        'django', 'spring-boot', 'express', 'laravel',
        'authn-authz', 'encryption', 'input-validation', 'threat-protection', 'api-security',
        'cloud-platforms', 'deployment-strategies', 'scalability', 'cloud-security', 'kubernetes', 'serverless',
        'docker', 'ci-cd', 'api-testing', 'linux-cli',
        'data-structures', 'algorithms', 'git', 'code-collaboration',
        'problem-solving', 'communication', 'time-management', 'teamwork', 'adaptability',
      ]),
    );
  });

  it('covers the wider backend market: Go, C#/.NET, Rails, Rust, Kotlin and the architecture skills', () => {
    const categoryOf = new Map(content.taxonomy.categories.flatMap((c) => c.skills.map((s) => [s.slug, c.slug] as const)));
    for (const slug of ['go', 'csharp-dotnet', 'rust', 'kotlin']) expect(categoryOf.get(slug), slug).toBe('programming-languages');
    expect(categoryOf.get('rails')).toBe('frameworks');
    for (const slug of ['distributed-systems', 'caching', 'messaging', 'observability']) {
      expect(categoryOf.get(slug), slug).toBe('architecture-reliability');
    }
  });
});

describe('starter question bank', () => {
  it('has at least 250 questions', () => {
    expect(content.questions.length).toBeGreaterThanOrEqual(250);
  });

  it('gives every built-in skill at least 3 questions as primary skill, across at least 3 levels', () => {
    for (const skill of skills) {
      const own = content.questions.filter((q) => q.primarySkill === skill);
      expect(own.length, skill).toBeGreaterThanOrEqual(3);
      expect(new Set(own.map((q) => q.level)).size, `${skill} levels`).toBeGreaterThanOrEqual(3);
    }
  });

  it('uses all four levels and all five kinds', () => {
    expect(new Set(content.questions.map((q) => q.level))).toEqual(new Set(LEVELS));
    expect(new Set(content.questions.map((q) => q.kind))).toEqual(new Set(QUESTION_KINDS));
  });

  it('gives every question guidance, follow-ups and four distinct rubric anchors written for it', () => {
    const anchors = new Set<string>();
    for (const q of content.questions) {
      expect(q.listenFor.length, q.key).toBeGreaterThanOrEqual(2);
      expect(q.redFlags.length, q.key).toBeGreaterThanOrEqual(2);
      expect(q.followUps.length, q.key).toBeGreaterThanOrEqual(2);
      expect(q.minutes, q.key).toBeGreaterThan(0);
      for (const text of Object.values(q.rubric)) {
        expect(anchors.has(text), `${q.key} reuses an anchor from another question`).toBe(false);
        anchors.add(text);
      }
    }
  });

  // Anchors are what make a rating comparable between interviewers (DESIGN.md), so each one must
  // describe an answer to *this* question. Quality cannot be measured, but boilerplate can.
  it('writes every anchor for its own question: no shared boilerplate, specific enough to observe', () => {
    const RUN = 7; // words; the longest run any two questions' anchors may share is 6
    const owners = new Map<string, string>();
    const problems: string[] = [];
    for (const q of content.questions) {
      for (const [level, text] of Object.entries(q.rubric)) {
        const words = text.toLowerCase().split(/\s+/).filter(Boolean);
        if (words.length < 8) problems.push(`${q.key} anchor ${level} is too short to describe an answer`);
        for (let i = 0; i + RUN <= words.length; i++) {
          const run = words.slice(i, i + RUN).join(' ');
          const owner = owners.get(run);
          if (owner !== undefined && owner !== q.key) problems.push(`${q.key} anchor ${level} shares "${run}" with ${owner}`);
          owners.set(run, q.key);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('makes the solid and excellent anchors name something from the question itself', () => {
    const STOP = new Set(['about', 'after', 'again', 'before', 'being', 'could', 'every', 'explain', 'explains', 'other', 'their', 'there', 'these', 'those', 'using', 'where', 'which', 'while', 'without', 'would']);
    const terms = (text: string) => new Set((text.toLowerCase().match(/[a-z][a-z0-9_+#.-]{4,}/g) ?? []).filter((w) => !STOP.has(w)));
    const problems: string[] = [];
    for (const q of content.questions) {
      const own = terms([q.title, q.prompt, ...q.listenFor, ...q.redFlags, ...q.followUps].join(' '));
      for (const level of ['3', '4'] as const) {
        if (![...terms(q.rubric[level])].some((w) => own.has(w))) problems.push(`${q.key} anchor ${level} names nothing from its own prompt or guidance`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has unique titles', () => {
    const titles = content.questions.map((q) => q.title.toLowerCase());
    expect(new Set(titles).size).toBe(titles.length);
  });
});

describe('kit templates', () => {
  it('offers at least five backend kits, each within its time budget', () => {
    expect(content.kitTemplates.length).toBeGreaterThanOrEqual(5);
    expect(content.kitTemplates.map((k) => k.key)).toEqual(expect.arrayContaining(['backend-engineer-go', 'senior-distributed-systems']));
    for (const kit of content.kitTemplates) {
      const minutes = kit.sections.flatMap((s) => s.items).reduce((sum, item) => sum + item.minutes, 0);
      expect(minutes, kit.key).toBeLessThanOrEqual(kit.targetMinutes);
    }
  });

  it('assesses every weighted skill with at least one question', () => {
    const bySlug = new Map(content.questions.map((q) => [q.key, q]));
    for (const kit of content.kitTemplates) {
      const assessed = new Set(
        kit.sections.flatMap((s) => s.items).flatMap((item) => {
          const q = bySlug.get(item.question)!;
          return [q.primarySkill, ...q.secondarySkills];
        }),
      );
      for (const { skill } of kit.skills) expect(assessed.has(skill), `${kit.key} weights ${skill} but asks nothing about it`).toBe(true);
    }
  });
});
