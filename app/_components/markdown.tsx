// Question prompts are Markdown written by users. react-markdown renders it without ever passing
// raw HTML through (no dangerouslySetInnerHTML, HTML in the source is shown as text), and links
// are limited to http(s) and mailto by its default URL transform.
import type { ReactNode } from 'react';
import ReactMarkdown from 'react-markdown';

export function Markdown({ children, className = '' }: { children: string; className?: string }) {
  return (
    <div
      className={`space-y-2 text-slate-900 [&_a]:text-brand-700 [&_a]:underline [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_code]:text-[0.9em] [&_ol]:list-decimal [&_ol]:pl-5 [&_pre]:overflow-x-auto [&_pre]:rounded-md [&_pre]:bg-slate-900 [&_pre]:p-3 [&_pre]:text-slate-100 [&_pre_code]:bg-transparent [&_pre_code]:text-slate-100 [&_ul]:list-disc [&_ul]:pl-5 ${className}`}
    >
      <ReactMarkdown skipHtml>{children}</ReactMarkdown>
    </div>
  );
}

/**
 * One line of Markdown inside running text (a "listen for" point, a red flag): code, emphasis and
 * links render, block elements are unwrapped so the line stays in its list item.
 */
export function InlineMarkdown({ children }: { children: string }) {
  return (
    <span className="[&_a]:text-brand-700 [&_a]:underline [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_code]:text-[0.9em]">
      <ReactMarkdown skipHtml allowedElements={['p', 'code', 'em', 'strong', 'del', 'a']} unwrapDisallowed components={{ p: ({ children: inner }) => <>{inner}</> }}>
        {children}
      </ReactMarkdown>
    </span>
  );
}

/** Lines of kit text (guidance points, rubric anchors), each rendered as InlineMarkdown, in order. */
export function inlineMarkdownLines(lines: readonly string[]): ReactNode[] {
  return lines.map((line, i) => <InlineMarkdown key={i}>{line}</InlineMarkdown>);
}
