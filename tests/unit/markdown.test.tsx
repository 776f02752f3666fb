import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { InlineMarkdown, Markdown } from '@/app/_components/markdown';

describe('question prompts rendered as Markdown', () => {
  it('formats Markdown and never passes HTML or script URLs through', () => {
    const html = renderToStaticMarkup(
      <Markdown>{'Use **EXPLAIN**.\n\n<script>alert(1)</script><img src=x onerror=alert(1)>\n\n[docs](https://www.postgresql.org) [bad](javascript:alert(1))\n\n```sql\nselect 1;\n```'}</Markdown>,
    );
    expect(html).toContain('<strong>EXPLAIN</strong>');
    expect(html).toContain('<a href="https://www.postgresql.org">docs</a>');
    expect(html).toContain('<code class="language-sql">select 1;');
    expect(html).not.toMatch(/<script|<img|onerror|javascript:/i);
  });
});

describe('guidance lines rendered as inline Markdown', () => {
  it('renders code and emphasis without backticks or block wrappers, and still no HTML', () => {
    const html = renderToStaticMarkup(<InlineMarkdown>{'Mentions `SELECT ... FOR UPDATE` and **locks** <img src=x onerror=alert(1)>'}</InlineMarkdown>);
    expect(html).toContain('<code>SELECT ... FOR UPDATE</code>');
    expect(html).toContain('<strong>locks</strong>');
    expect(html).not.toContain('`');
    expect(html).not.toMatch(/<p>|<img|onerror/i);
  });
});
