// How agreement figures read on the training pages: a figure with its n, or "not enough data"
// with what is missing. Server-safe (no hooks).
import { describeKappa, MIN_SAMPLES, type PeerAgreement, type ReferenceAgreement } from '@/lib/training/agreement';

export const percent = (share: number) => `${Math.round(share * 100)}%`;
export const kappaText = (kappa: number | null) => (kappa === null ? '—' : kappa.toFixed(2));

export function notEnough(n: number): string {
  return `Not enough data: figures need ${MIN_SAMPLES} rated samples (${n} so far).`;
}

export function ReferenceSummary({ agreement }: { agreement: ReferenceAgreement }) {
  if (!agreement.enough) {
    return (
      <p className="text-sm text-slate-700">
        {notEnough(agreement.n)}
        {agreement.n > 0 ? ` So far ${agreement.exact} of ${agreement.n} matched the reference exactly and ${agreement.withinOne} were within one point.` : ''}
      </p>
    );
  }
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      <Figure label="Exact match" value={percent(agreement.exactShare!)} note={`${agreement.exact} of ${agreement.n}`} />
      <Figure label="Within one point" value={percent(agreement.withinOneShare!)} note={`${agreement.withinOne} of ${agreement.n}`} />
      <Figure label="Weighted kappa" value={kappaText(agreement.kappa)} note={`${describeKappa(agreement.kappa)}, n = ${agreement.n}`} />
    </dl>
  );
}

export function PeerSummary({ agreement }: { agreement: PeerAgreement }) {
  if (!agreement.enough) {
    return <p className="text-sm text-slate-700">{`Not enough data: figures need ${MIN_SAMPLES} samples that peers rated too (${agreement.n} so far).`}</p>;
  }
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      <Figure label="Weighted kappa" value={kappaText(agreement.kappa)} note={`${describeKappa(agreement.kappa)}, n = ${agreement.n}`} />
    </dl>
  );
}

function Figure({ label, value, note }: { label: string; value: string; note: string }) {
  return (
    <div className="rounded-md border border-slate-200 p-3">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{value}</dd>
      <dd className="text-xs text-slate-600">{note}</dd>
    </div>
  );
}
