import type { Metadata, Viewport } from 'next';
import localFont from 'next/font/local';
import type { ReactNode } from 'react';
import './globals.css';

const inter = localFont({ src: './fonts/inter-latin-wght-normal.woff2', variable: '--font-inter', display: 'swap' });

export const metadata: Metadata = {
  title: { default: 'Loopkit', template: '%s · Loopkit' },
  description: 'Structured technical interviews: question bank, kits, live scoring and calibrated comparisons.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" className={inter.variable}>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
