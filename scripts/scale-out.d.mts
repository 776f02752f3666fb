import type { ChildProcess } from 'node:child_process';

export interface TopologyInstance {
  port: number;
  url: string;
  process: ChildProcess;
  kill: (signal?: NodeJS.Signals) => boolean;
}

export interface Topology {
  dir: string;
  lbUrl: string;
  instances: TopologyInstance[];
  /** The primary, reached directly. */
  primaryUrl: string;
  /** The primary through PgBouncer (what the instances use). */
  appUrl: string;
  /** The replica through PgBouncer, when one runs. */
  readUrl?: string;
  /** The replica, reached directly. */
  replicaUrl?: string;
  accessLog: () => string;
  stop: () => Promise<void>;
}

export interface TopologyOptions {
  databaseUrl: string;
  lbPort?: number;
  instancePorts?: number[];
  pgbouncerPort?: number;
  /** null: no replica. */
  replicaPort?: number | null;
  poolSize?: number;
  instanceEnv?: Record<string, string>;
  log?: (line: string) => void;
}

export function ensureDatabase(url: string): Promise<void>;
export function startReplica(options: { primaryUrl: string; port: number; dir: string; log?: (line: string) => void }): Promise<{ url: string; stop: () => void }>;
export function startTopology(options: TopologyOptions): Promise<Topology>;
export function scratchDir(prefix?: string): string;
