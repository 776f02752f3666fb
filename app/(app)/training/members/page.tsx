// Members' agreement (training:manage): per member, how many exercises they rated and their
// agreement with the reference and with their peers, with n; and the team's Krippendorff alpha.
import type { Metadata } from 'next';
import { AccessDenied, BackLink, Card, EmptyState, PageHeader } from '@/app/_components/ui';
import { can } from '@/lib/context';
import { describeKappa, describeTeamAgreement, MIN_SAMPLES } from '@/lib/training/agreement';
import { getTrainingOverview } from '@/lib/training/queries';
import { requirePageContext } from '../../page-context';
import { kappaText, percent } from '../_components/agreement';

export const metadata: Metadata = { title: 'Members’ agreement' };

const notEnough = <span className="text-slate-600">not enough data</span>;

export default async function TrainingMembersPage() {
  const { ctx } = await requirePageContext();
  if (!can(ctx, 'training:manage')) return <AccessDenied what="members’ training figures" />;
  const overview = await getTrainingOverview(ctx);
  return (
    <>
      <BackLink href="/training">Training</BackLink>
      <PageHeader
        title="Members’ agreement"
        description={`How closely each member’s ratings of the calibration samples agree with the reference and with the other trainees. Figures need ${MIN_SAMPLES} rated samples; below that the table says so. Weighted kappa is read in Landis & Koch’s bands.`}
      />
      {overview.samples === 0 ? (
        <EmptyState title="No calibration samples yet">Add sample answers from a question’s page, under Calibration samples.</EmptyState>
      ) : (
        <div className="space-y-6">
          <Card className="p-5">
            <h2 className="text-lg font-semibold text-slate-900">The team</h2>
            <p className="mt-1 text-sm text-slate-700">{describeTeamAgreement(overview.team)}</p>
          </Card>
          <Card>
            <div className="overflow-x-auto">
              <table className="min-w-full text-sm">
                <caption className="px-4 py-3 text-left font-medium">Agreement per member, over {overview.samples} active samples</caption>
                <thead className="bg-slate-50 text-left">
                  <tr>
                    <th scope="col" className="px-4 py-2">Member</th>
                    <th scope="col" className="px-4 py-2 text-right">Rated</th>
                    <th scope="col" className="px-4 py-2 text-right">Exact</th>
                    <th scope="col" className="px-4 py-2 text-right">Within one</th>
                    <th scope="col" className="px-4 py-2 text-right">Kappa vs reference</th>
                    <th scope="col" className="px-4 py-2 text-right">Kappa vs peers</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-200">
                  {overview.trainees.map((t) => (
                    <tr key={t.userId}>
                      <th scope="row" className="px-4 py-2 text-left font-medium">{t.name}</th>
                      <td className="px-4 py-2 text-right tabular-nums">
                        {t.rated} of {t.available}
                      </td>
                      <td className="px-4 py-2 text-right tabular-nums">{t.reference.enough ? percent(t.reference.exactShare!) : notEnough}</td>
                      <td className="px-4 py-2 text-right tabular-nums">{t.reference.enough ? percent(t.reference.withinOneShare!) : notEnough}</td>
                      <td className="px-4 py-2 text-right tabular-nums">
                        {t.reference.enough ? `${kappaText(t.reference.kappa)} (${describeKappa(t.reference.kappa)}, n = ${t.reference.n})` : notEnough}
                      </td>
                      <td className="px-4 py-2 text-right tabular-nums">{t.peers.enough ? `${kappaText(t.peers.kappa)} (${describeKappa(t.peers.kappa)}, n = ${t.peers.n})` : notEnough}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Card>
        </div>
      )}
    </>
  );
}
