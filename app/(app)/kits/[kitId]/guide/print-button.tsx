'use client';
import { buttonClass } from '@/app/_components/ui';

export function PrintButton() {
  return (
    <button type="button" className={buttonClass('primary', 'no-print')} onClick={() => window.print()}>
      Print or save as PDF
    </button>
  );
}
