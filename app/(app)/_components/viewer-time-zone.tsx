'use client';
// Pages that group interviews by day (the loop overview, My interviews) need the viewer's zone:
// a day depends on where the viewer is. The server cannot know that, so a first visit without a
// zone in the URL is replaced (not pushed: Back still works) by the same view in the browser's
// zone. The URL then names it, so a shared link shows the same days to whoever opens it.
import { useEffect } from 'react';
import { useRouter } from 'next/navigation';

export function AdoptViewerTimeZone({ chosen }: { chosen: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (chosen) return;
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || zone === 'UTC') return;
    const params = new URLSearchParams(window.location.search);
    params.set('timeZone', zone);
    router.replace(`${window.location.pathname}?${params}`);
  }, [chosen, router]);
  return null;
}
