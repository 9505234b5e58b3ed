// The living 台账: what staff record on a stored task after the register is made. This file is the
// contract every store backend (SQLite, PostgreSQL), the import of returned workbooks, the web app
// and the CLI share; the backends keep the state and an append-only history of every change.
import { z } from 'zod';

/** 状态, in the order a task usually goes through them; 滞后 can be set at any time. */
export const TASK_STATUSES = ['未开始', '推进中', '已完成', '申请销号', '已销号', '滞后'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TaskStatusSchema = z.enum(TASK_STATUSES);

/** Where a change came from: typed at the command line, read from a returned workbook, made in the web app. */
export type ChangeSource = 'cli' | 'import' | 'web';

/** One dated 进展情况 entry: entries are appended, never overwritten. */
export interface ProgressEntry {
  /** the day the progress was reported, YYYY-MM-DD */
  date: string;
  text: string;
  by: string;
}

/** What is recorded on one tracked item (a task, or one dated occurrence of a recurring duty). */
export interface TrackingState {
  key: string;
  status: TaskStatus;
  progress: ProgressEntry[];
  /** 存在问题 */
  problems: string;
  /** 下步打算 */
  nextSteps: string;
  /** 完成时间, YYYY-MM-DD */
  completedOn?: string;
  /** 佐证材料: file names or links */
  evidence: string[];
  /** 督办 */
  supervised: boolean;
  /** 责任人 as staff corrected or filled it (the notice's own names stay on the task) */
  responsible?: string;
  updatedAt?: string;
  updatedBy?: string;
}

/** A change asked for; fields left out stay as they are. `progress` appends one entry. */
export const TrackingUpdateSchema = z
  .object({
    status: TaskStatusSchema.optional(),
    progress: z.string().min(1).optional(),
    problems: z.string().optional(),
    nextSteps: z.string().optional(),
    completedOn: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    evidence: z.array(z.string()).optional(),
    supervised: z.boolean().optional(),
    responsible: z.string().optional(),
  })
  .strict();
export type TrackingUpdate = z.infer<typeof TrackingUpdateSchema>;

/** Who made a change, when and from where. */
export interface ChangeMeta {
  by: string;
  source: ChangeSource;
  /** ISO time; the store's clock when left out (tests pass it) */
  at?: string;
  /** the file and cell an imported change came from, or the web session */
  sourceRef?: string;
}

/** One recorded change of one field: the history is a list of these, oldest first, never edited. */
export interface TrackingEvent {
  key: string;
  field: keyof TrackingUpdate;
  before: string | null;
  after: string | null;
  by: string;
  at: string;
  source: ChangeSource;
  sourceRef?: string;
}

/**
 * The tracking half of a store (TaskStore extends it once a backend implements it). Keys: a task's
 * id for a task with one time node; `<task id>@<YYYY-MM-DD>` for each time node of a task with several
 * and each dated occurrence of a recurring duty (src/track/occurrences.ts makes them).
 */
export interface TrackingStore {
  /** The recorded state of each key that has one; a key never changed is absent (未开始). */
  tracking(keys: string[]): Promise<Map<string, TrackingState>>;
  /** Applies a change in one transaction; records and returns one event per field that really changed (none: []). */
  updateTracking(key: string, update: TrackingUpdate, meta: ChangeMeta): Promise<TrackingEvent[]>;
  /** Every change of a key, oldest first. */
  history(key: string): Promise<TrackingEvent[]>;
}

/** A value a returned workbook offered for a field another unit had already set differently: kept, not applied. */
export interface TrackingConflict {
  id: number;
  key: string;
  field: keyof TrackingUpdate;
  /** the value in force, and who set it from where */
  kept: string | null;
  keptBy?: string;
  keptRef?: string;
  /** the value the later workbook gave */
  offered: string | null;
  offeredBy: string;
  offeredRef?: string;
  at: string;
  resolvedAt?: string;
  resolvedBy?: string;
}

/** A task text a unit re-typed in its workbook: kept as a proposed correction, never written over the notice. */
export interface TextProposal {
  key: string;
  taskId: string;
  original: string;
  proposed: string;
  by: string;
  sourceRef?: string;
  at: string;
}

/**
 * What a round trip and new versions need besides the state: conflicts between returned workbooks,
 * proposed text corrections, the tracking of a task carried to its match in a new version, and the
 * time of the last progress report. Every store backend implements it with TrackingStore.
 */
export interface TrackingInbox {
  /** Keeps a conflict; the same offer from the same unit again is not kept twice (false). */
  recordConflict(c: Omit<TrackingConflict, 'id' | 'resolvedAt' | 'resolvedBy'>): Promise<boolean>;
  /** Open conflicts (all, with `all`), oldest first. */
  conflicts(options?: { all?: boolean }): Promise<TrackingConflict[]>;
  /** Closes a conflict: with `take: 'offered'` the offered value is applied (recorded as a change); 'kept' leaves the state. */
  resolveConflict(id: number, take: 'kept' | 'offered', meta: ChangeMeta): Promise<TrackingEvent[]>;
  /** Keeps a proposed text; the same proposal again is not kept twice (false). */
  proposeText(p: TextProposal): Promise<boolean>;
  proposals(): Promise<TextProposal[]>;
  /**
   * Carries the state and history of each `from` key to its `to` key (a task matched in a new version
   * of its notice); a `to` key that already has a state keeps it. Returns how many keys were carried.
   */
  carryTracking(moves: Array<{ from: string; to: string }>): Promise<number>;
  /** Every change at or after an ISO time, oldest first. */
  changesSince(at: string): Promise<TrackingEvent[]>;
  /** The time of the last report sent upward, and recording a new one. */
  lastReport(): Promise<string | null>;
  recordReport(at: string, by: string): Promise<void>;
}
