'use client';
// Grouped bars of per-skill means for the compared candidates (recharts). The page also renders
// the same numbers as a table, which is what screen readers use; the chart is marked decorative.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

const COLORS = ['#2f5bd3', '#c2410c', '#15803d', '#7e22ce', '#0f766e'];

export function SkillChart({ skills, candidates }: { skills: string[]; candidates: { name: string; means: (number | null)[] }[] }) {
  // No evidence stays null: recharts draws no bar, where a 0 would read as the lowest score.
  const data = skills.map((skill, i) => Object.fromEntries([['skill', skill], ...candidates.map((c) => [c.name, c.means[i] ?? null])]));
  const color = (i: number) => COLORS[i % COLORS.length];
  return (
    <div aria-hidden>
      {/* Our own legend, in the order of the bars in each group (recharts' legend reorders them). */}
      <ul className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {candidates.map((c, i) => (
          <li key={c.name} className="flex items-center gap-1.5">
            <span className="inline-block size-3 rounded-sm" style={{ backgroundColor: color(i) }} />
            {c.name}
          </li>
        ))}
        <li className="text-slate-600">No bar: no evidence on that skill (not a zero).</li>
      </ul>
      <div className="h-80 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 48, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="skill" interval={0} angle={-25} textAnchor="end" height={70} tick={{ fontSize: 12 }} />
            <YAxis domain={[0, 4]} ticks={[1, 2, 3, 4]} tick={{ fontSize: 12 }} />
            <Tooltip formatter={(value) => (typeof value === 'number' ? value.toFixed(2) : 'no evidence')} />
            {candidates.map((c, i) => (
              <Bar key={c.name} dataKey={c.name} fill={color(i)} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
