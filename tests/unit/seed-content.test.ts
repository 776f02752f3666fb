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
});

describe('starter question bank', () => {
  it('has at least 150 questions', () => {
    expect(content.questions.length).toBeGreaterThanOrEqual(150);
  });

  it('gives every built-in skill at least 3 questions as primary skill', () => {
    for (const skill of skills) {
      expect(content.questions.filter((q) => q.primarySkill === skill).length, skill).toBeGreaterThanOrEqual(3);
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

  it('has unique titles', () => {
    const titles = content.questions.map((q) => q.title.toLowerCase());
    expect(new Set(titles).size).toBe(titles.length);
  });
});

describe('kit templates', () => {
  it('offers at least five backend kits, each within its time budget', () => {
    expect(content.kitTemplates.length).toBeGreaterThanOrEqual(5);
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
