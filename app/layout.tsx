import type { Metadata, Viewport } from 'next';
import localFont from 'next/font/local';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { TYPED_BEFORE_HYDRATION_SCRIPT } from './_components/typed-before-hydration';
import './globals.css';

const inter = localFont({ src: './fonts/inter-latin-wght-normal.woff2', variable: '--font-inter', display: 'swap' });

export const metadata: Metadata = {
  title: { default: 'Loopkit', template: '%s · Loopkit' },
  description: 'Structured technical interviews: question bank, kits, live scoring and calibrated comparisons.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The per-request CSP nonce (proxy.ts); every page is rendered per request already.
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    <html lang="en" className={inter.variable}>
      <head>
        {/* A constant, no user data: notes text typed before the page is live (typed-before-hydration.ts). */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: TYPED_BEFORE_HYDRATION_SCRIPT }} />
      </head>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
