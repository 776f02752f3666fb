'use client';
// "Print or save as PDF" for the printable documents (interviewer guide, decision packet); the
// print stylesheet in globals.css hides it together with the navigation.
import { buttonClass } from '@/app/_components/ui';

export function PrintButton() {
  return (
    <button type="button" className={buttonClass('primary', 'no-print')} onClick={() => window.print()}>
      Print or save as PDF
    </button>
  );
}
